using VirtCluster.Engine.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VirtCluster.Bench.Suites;

/// <summary>
/// Reads one YAML document into <see cref="ConfigNode"/>s that keep <c>file:line:column</c>, rejecting
/// what would make a suite ambiguous: duplicate keys, aliases, several documents.
/// </summary>
internal static class YamlTree
{
    public static ConfigNode Read(TextReader text, string file)
    {
        try
        {
            var parser = new Parser(text);
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw new ConfigException(new SourceLocation(file, 1, 1), "", "the file is empty");
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                throw new ConfigException(Location(file, next.Start), "", "only one YAML document is allowed");
            }

            return root;
        }
        catch (YamlException e)
        {
            throw new ConfigException(Location(file, e.Start), "", "invalid YAML: " + e.Message);
        }
    }

    private static ConfigNode ReadNode(IParser parser, string file)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new ConfigScalar(scalar.Value, scalar.Style is not ScalarStyle.Plain, Location(file, scalar.Start));
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var items = new List<ConfigNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, file));
            }

            return new ConfigSequence(items, Location(file, sequence.Start));
        }

        if (parser.TryConsume<MappingStart>(out var mapping))
        {
            var entries = new List<KeyValuePair<ConfigScalar, ConfigNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (ReadNode(parser, file) is not ConfigScalar key)
                {
                    throw new ConfigException(Location(file, parser.Current!.Start), "", "mapping keys must be plain scalars");
                }

                if (entries.Any(e => e.Key.Value == key.Value))
                {
                    throw new ConfigException(key.Location, key.Value, "duplicate key");
                }

                entries.Add(new(key, ReadNode(parser, file)));
            }

            return new ConfigMapping(entries, Location(file, mapping.Start));
        }

        var other = parser.Current!;
        throw new ConfigException(Location(file, other.Start), "", other is AnchorAlias
            ? "aliases (*name) are not allowed in suites: write the value out"
            : $"unexpected YAML element {other.GetType().Name}");
    }

    private static SourceLocation Location(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);
}
