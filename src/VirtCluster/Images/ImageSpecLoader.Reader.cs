using System.Text.RegularExpressions;
using VirtCluster.Engine.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VirtCluster.Images;

public static partial class ImageSpecLoader
{
    /// <summary>Typed access to YAML nodes that turns every mismatch into a located <see cref="ConfigException"/>.</summary>
    private sealed class Reader(string file)
    {
        public ConfigException Error(YamlNode node, string key, string message) =>
            new(Locate(node), key, message);

        public YamlMappingNode Mapping(YamlNode node, string key) =>
            node as YamlMappingNode ?? throw Error(node, key, "expected a mapping (key: value lines)");

        public YamlSequenceNode Sequence(YamlNode node, string key) =>
            node as YamlSequenceNode ?? throw Error(node, key, "expected a list ('- item' lines or [a, b])");

        public string Scalar(YamlNode node, string key) =>
            node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, key, "expected a non-empty value");

        public void RejectUnknown(YamlMappingNode map, IReadOnlyList<string> allowed, string prefix)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;
                if (!allowed.Contains(name))
                {
                    throw Error(key, prefix + name, $"unknown key; allowed keys are {string.Join(", ", allowed)}");
                }
            }
        }

        public YamlNode Required(YamlMappingNode map, string key, string? displayKey = null) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? node
                : throw Error(map, displayKey ?? key, "is required");

        public string? OptionalText(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? Scalar(node, key) : null;

        public string Text(YamlMappingNode map, string key, Regex pattern, string expected, string? displayKey = null)
        {
            var node = Required(map, key, displayKey);
            var value = Scalar(node, displayKey ?? key);
            return pattern.IsMatch(value) ? value : throw Error(node, displayKey ?? key, $"'{value}' is not {expected}");
        }

        public List<string> List(YamlMappingNode map, string key, Regex pattern, string expected, bool required = false)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                return required ? throw Error(map, key, "is required") : [];
            }

            var items = Sequence(node, key).Children;
            if (required && items.Count == 0)
            {
                throw Error(node, key, "must list at least one item");
            }

            var result = new List<string>();
            foreach (var item in items)
            {
                var value = Scalar(item, key);
                if (!pattern.IsMatch(value))
                {
                    throw Error(item, key, $"'{value}' is not {expected}");
                }

                if (result.Contains(value))
                {
                    throw Error(item, key, $"'{value}' is listed twice");
                }

                result.Add(value);
            }

            return result;
        }

        private SourceLocation Locate(YamlNode node) => Locate(node.Start);

        private SourceLocation Locate(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
    }
}
