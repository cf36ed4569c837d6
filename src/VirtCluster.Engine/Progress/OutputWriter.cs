using System.Text;
using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Progress;

/// <summary>
/// Writes the text <see cref="OutputRenderer"/> describes, and remembers whether anything was counted or cut on the
/// way, so the caller can say where the whole values are.
/// </summary>
internal sealed class OutputWriter
{
    /// <summary>Arrays of scalars up to this many items, and this wide, are written on the line of their name.</summary>
    private const int InlineItems = 8;

    private const int InlineWidth = 60;

    /// <summary>Arrays of strings up to this many items are listed one per line; longer ones are cut there.</summary>
    private const int ListItems = 10;

    /// <summary>Rows of a table beyond this many are counted.</summary>
    private const int TableRows = 20;

    /// <summary>Up to this many objects of objects are shown side by side as columns.</summary>
    private const int SideBySide = 6;

    /// <summary>Nested objects up to this many levels become dotted columns (<c>netpipe.latencyUs</c>); deeper ones are counted.</summary>
    private const int ColumnDepth = 2;

    private readonly StringBuilder _text = new();
    private bool _abridged;

    public RenderedOutput Result() => new(_text.ToString(), _abridged);

    public void Value(JsonNode? value)
    {
        if (value is null or JsonValue)
        {
            _text.AppendLine(value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString(DisplayJson.Compact) ?? "null");
        }
        else if (Inline("", value) is { } line)
        {
            _text.AppendLine(line);
        }
        else if (value is JsonObject entries && !CanStandSideBySide(entries))
        {
            Entries(entries, 0, spaced: true);
        }
        else
        {
            Block(value, 0);
        }
    }

    public void Entries(JsonObject entries, int indent, bool spaced)
    {
        var inline = entries.ToDictionary(p => p.Key, p => Inline(p.Key, p.Value));
        var width = inline.Where(e => e.Value is not null).Select(e => e.Key.Length).DefaultIfEmpty(0).Max();
        var afterBlock = false;
        foreach (var (key, value) in entries)
        {
            if (inline[key] is { } text)
            {
                if (spaced && afterBlock)
                {
                    _text.AppendLine();
                }

                Line(indent, key.PadRight(width + 2) + text);
                afterBlock = false;
                continue;
            }

            if (spaced && _text.Length > 0)
            {
                _text.AppendLine();
            }

            Line(indent, key + ":");
            Block(value!, indent + 2);
            afterBlock = true;
        }
    }

    /// <summary>The value on its name's line, or null when it needs lines of its own.</summary>
    private string? Inline(string key, JsonNode? value)
    {
        switch (value)
        {
            case null or JsonValue:
                return ValueText.Format(value, UnitKey(key));
            case JsonArray { Count: 0 } or JsonObject { Count: 0 }:
                return "(none)";
            case JsonArray array when array.All(IsScalar):
                var items = array.Select(i => ValueText.Format(i, UnitKey(key))).ToList();
                var joined = Join(items);
                if (items.Count <= InlineItems && joined.Length <= InlineWidth)
                {
                    return joined;
                }

                if (array.All(IsString))
                {
                    return null;
                }

                _abridged = true;
                return $"{array.Count} values";
            default:
                return null;
        }
    }

    private void Block(JsonNode value, int indent)
    {
        switch (value)
        {
            case JsonObject entries when CanStandSideBySide(entries):
                SideBySideTable(entries, indent);
                break;
            case JsonObject entries:
                Entries(entries, indent, spaced: false);
                break;
            case JsonArray list when list.All(IsString):
                foreach (var item in list.Take(ListItems))
                {
                    Line(indent, "- " + ValueText.Format(item, null));
                }

                More(indent, list.Count - ListItems);
                break;
            case JsonArray rows when rows.All(r => r is JsonObject):
                Table(rows.Select(r => (JsonObject)r!).ToList(), indent);
                break;
            default:
                _abridged = true;
                Line(indent, $"{((JsonArray)value).Count} items");
                break;
        }
    }

    /// <summary>One row per object, one column per (dotted) property any of them has.</summary>
    private void Table(List<JsonObject> rows, int indent)
    {
        var flat = rows.Select(r => Flatten(r, "", 1).ToDictionary(l => l.Path, l => l.Leaf)).ToList();
        var columns = flat.SelectMany(f => f.Keys).Distinct().ToList();
        var cells = flat.Take(TableRows)
            .Select(row => (IReadOnlyList<string>)[.. columns.Select(c => row.TryGetValue(c, out var leaf) ? Cell(c, leaf) : "")])
            .ToList();
        _abridged |= TextTable.Write(_text, indent, columns, cells);
        More(indent, rows.Count - TableRows);
    }

    /// <summary>Objects of the same kind as columns (environments, say), their properties as rows, to compare across.</summary>
    private void SideBySideTable(JsonObject entries, int indent)
    {
        var flat = entries.Select(e => Flatten((JsonObject)e.Value!, "", 1).ToDictionary(l => l.Path, l => l.Leaf)).ToList();
        var properties = flat.SelectMany(f => f.Keys).Distinct().ToList();
        var cells = properties
            .Select(p => (IReadOnlyList<string>)[p, .. flat.Select(f => f.TryGetValue(p, out var leaf) ? Cell(p, leaf) : "")])
            .ToList();
        _abridged |= TextTable.Write(_text, indent, ["", .. entries.Select(e => e.Key)], cells);
    }

    private static bool CanStandSideBySide(JsonObject entries) =>
        entries.Count is > 0 and <= SideBySide
        && entries.All(e => e.Value is JsonObject { Count: > 0 } inner
            && Flatten(inner, "", 1).All(l => l.Leaf is null or JsonValue || l.Leaf is JsonArray a && a.All(IsScalar)));

    private static IEnumerable<(string Path, JsonNode? Leaf)> Flatten(JsonObject entries, string prefix, int depth)
    {
        foreach (var (key, value) in entries)
        {
            if (value is JsonObject { Count: > 0 } inner && depth < ColumnDepth)
            {
                foreach (var leaf in Flatten(inner, prefix + key + ".", depth + 1))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (prefix + key, value);
            }
        }
    }

    private string Cell(string path, JsonNode? leaf)
    {
        switch (leaf)
        {
            case null or JsonValue:
                return ValueText.Format(leaf, UnitKey(path));
            case JsonArray { Count: 0 } or JsonObject { Count: 0 }:
                return "-";
            case JsonArray array when array.All(IsScalar) && array.Count <= InlineItems:
                return Join([.. array.Select(i => ValueText.Format(i, UnitKey(path)))]);
            case JsonArray array:
                _abridged = true;
                return $"{array.Count} {(array.All(IsScalar) ? "values" : "items")}";
            default:
                _abridged = true;
                return $"{((JsonObject)leaf).Count} keys";
        }
    }

    private void More(int indent, int more)
    {
        if (more > 0)
        {
            _abridged = true;
            Line(indent, $"… and {more} more");
        }
    }

    private void Line(int indent, string text) => _text.Append(' ', indent).AppendLine(text);

    /// <summary>Items joined by commas, or semicolons when an item holds a comma itself (a CPU list such as <c>0,1</c>).</summary>
    private static string Join(IReadOnlyList<string> items) =>
        string.Join(items.Any(i => i.Contains(',', StringComparison.Ordinal)) ? "; " : ", ", items);

    /// <summary>The innermost part of a dotted path that names a unit (<c>latencyUs</c> in <c>latencyUs.interNode</c>).</summary>
    private static string? UnitKey(string path) => path.Split('.').LastOrDefault(ValueText.HasUnit);

    private static bool IsScalar(JsonNode? node) => node is null or JsonValue;

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out _);
}
