using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VirtCluster.Engine.Config;

/// <summary>
/// Reads one YAML document into <see cref="ConfigNode"/>s from the parser's events, so that every key and value
/// keeps its line and column, and so that duplicate keys (which a deserializer silently overwrites) are errors.
/// Anchors, aliases and custom tags are refused: a configuration file should read the same to a person and to the tool.
/// </summary>
internal static class YamlConfigReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Parses <paramref name="text"/>; null when the file holds no document or only a null.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="file">The name errors show (relative to the project folder).</param>
    public static ConfigNode? Parse(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                throw new ConfigException(At(file, second.Start), string.Empty, "a second YAML document ('---') is not allowed; keep one document per file");
            }

            parser.Consume<StreamEnd>();
            return root is ConfigScalar { IsNull: true } ? null : root;
        }
        catch (YamlException e)
        {
            throw new ConfigException(At(file, e.Start), string.Empty, "YAML syntax error: " + StripMarks(e.Message));
        }
        catch (InvalidOperationException) when (parser.Current is { } last)
        {
            // YamlDotNet's scanner throws this, not a YamlException, when the text ends inside an unclosed '[' or '{'.
            throw new ConfigException(At(file, last.Start), string.Empty, "YAML syntax error: a '[' or '{' here is never closed");
        }
    }

    private static ConfigNode ReadNode(IParser parser, string file)
    {
        var parsed = parser.Consume<ParsingEvent>();
        var location = At(file, parsed.Start);
        if (parsed is not NodeEvent node)
        {
            throw new ConfigException(location, string.Empty, parsed is AnchorAlias
                ? "aliases (*name) are not supported; write the value out"
                : "unexpected YAML event " + parsed.GetType().Name);
        }

        if (!node.Anchor.IsEmpty)
        {
            throw new ConfigException(location, string.Empty, "anchors (&name) are not supported; write the value out");
        }

        var explicitString = !node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value == StringTag;
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && !explicitString)
        {
            throw new ConfigException(location, string.Empty, $"the tag '{node.Tag.Value}' is not supported; only !!str is");
        }

        return node switch
        {
            Scalar scalar => new ConfigScalar(scalar.Value, scalar.Style != ScalarStyle.Plain || explicitString, location),
            MappingStart => ReadMapping(parser, file, location),
            SequenceStart => ReadSequence(parser, file, location),
            _ => throw new ConfigException(location, string.Empty, "unexpected YAML event " + node.GetType().Name),
        };
    }

    private static ConfigMapping ReadMapping(IParser parser, string file, SourceLocation location)
    {
        var entries = new List<KeyValuePair<ConfigScalar, ConfigNode>>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser, file);
            if (key is not ConfigScalar scalarKey || scalarKey.IsNull)
            {
                throw new ConfigException(key.Location, string.Empty, "a mapping key must be a plain name, not a list, a mapping or empty");
            }

            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                throw new ConfigException(scalarKey.Location, scalarKey.Value, $"duplicate key (first written at {first.Line}:{first.Column}); keep one");
            }

            seen.Add(scalarKey.Value, scalarKey.Location);
            entries.Add(new(scalarKey, ReadNode(parser, file)));
        }

        return new ConfigMapping(entries, location);
    }

    private static ConfigSequence ReadSequence(IParser parser, string file, SourceLocation location)
    {
        var items = new List<ConfigNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(parser, file));
        }

        return new ConfigSequence(items, location);
    }

    internal static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (...): "; the location is already in front.</summary>
    private static string StripMarks(string message)
    {
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && at >= 0 ? message[(at + 3)..] : message;
    }
}
