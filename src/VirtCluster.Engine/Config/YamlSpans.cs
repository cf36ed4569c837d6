using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VirtCluster.Engine.Config;

/// <summary>
/// Character offsets of a mapping's entries in the file text, so that <see cref="StackConfigWriter"/> can change
/// one value by editing text and keep everything else — comments, order, quoting — exactly as written.
/// </summary>
internal sealed record MappingSpan(bool Flow, int EndIndex, IReadOnlyList<EntrySpan> Entries)
{
    public EntrySpan? this[string key] => Entries.FirstOrDefault(e => e.Key == key);

    /// <summary>Offsets of the root mapping (null when the document is empty), with one nested level for <paramref name="nested"/>.</summary>
    public static MappingSpan? ReadRoot(string text, string nested)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        return parser.TryConsume<MappingStart>(out var start) ? ReadMapping(parser, start, nested) : null;
    }

    private static MappingSpan ReadMapping(IParser parser, MappingStart start, string? nested)
    {
        var entries = new List<EntrySpan>();
        MappingEnd? end;
        while (!parser.TryConsume<MappingEnd>(out end))
        {
            var key = parser.Consume<Scalar>();
            var value = parser.Current!;
            MappingSpan? inner = null;
            int valueEnd;
            if (key.Value == nested && parser.TryConsume<MappingStart>(out var innerStart))
            {
                inner = ReadMapping(parser, innerStart, null);
                valueEnd = inner.Flow ? inner.EndIndex + 1 : inner.Entries.Count == 0 ? (int)value.End.Index : inner.Entries[^1].ValueEnd;
            }
            else
            {
                valueEnd = Skip(parser);
            }

            var isNull = value is Scalar { Style: ScalarStyle.Plain, Value: "" };
            entries.Add(new EntrySpan(key.Value, (int)key.Start.Index, (int)key.End.Index, (int)key.Start.Column, isNull, valueEnd, inner));
        }

        return new MappingSpan(start.Style == MappingStyle.Flow, (int)end!.Start.Index, entries);
    }

    /// <summary>Consumes one node; returns the offset just past its last written character.</summary>
    private static int Skip(IParser parser)
    {
        var depth = 0;
        var last = (int)parser.Current!.End.Index;
        do
        {
            var e = parser.Consume<ParsingEvent>();
            depth += e.NestingIncrease;
            if (e.End.Index > e.Start.Index)
            {
                last = (int)e.End.Index;
            }
        }
        while (depth > 0);

        return last;
    }
}

/// <summary>One <c>key: value</c> of a <see cref="MappingSpan"/>.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="KeyStart">Offset of the key's first character.</param>
/// <param name="KeyEnd">Offset just past the key (the ':' follows, maybe after spaces).</param>
/// <param name="Column">1-based column of the key: the indentation of its siblings plus one.</param>
/// <param name="ValueIsNull">Nothing written after the ':'.</param>
/// <param name="ValueEnd">Offset just past the value's last written character.</param>
/// <param name="Nested">The value's entries when it is the requested nested mapping.</param>
internal sealed record EntrySpan(string Key, int KeyStart, int KeyEnd, int Column, bool ValueIsNull, int ValueEnd, MappingSpan? Nested);
