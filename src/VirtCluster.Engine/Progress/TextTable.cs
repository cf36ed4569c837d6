using System.Text;

namespace VirtCluster.Engine.Progress;

/// <summary>
/// Columns aligned with spaces, for consoles and logs alike (no box drawing, so it survives any pager or CI log).
/// Cells longer than their limit are cut with an ellipsis: a summary row must stay one line.
/// </summary>
internal static class TextTable
{
    /// <summary>Longest cell in any column but the last.</summary>
    public const int CellLimit = 40;

    /// <summary>
    /// The width a line may reach when its last column (a reason, a note, a path) takes what the others leave;
    /// that column always gets at least <see cref="CellLimit"/>.
    /// </summary>
    public const int LineBudget = 160;

    /// <param name="text">Where the lines go.</param>
    /// <param name="indent">Spaces before every line.</param>
    /// <param name="header">Column names.</param>
    /// <param name="rows">Cells, one list per row, as many as there are columns.</param>
    /// <returns>Whether any cell was cut.</returns>
    public static bool Write(StringBuilder text, int indent, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var cut = false;
        var last = header.Count - 1;
        var cells = rows.Select(row => row.Select((cell, column) => column == last ? cell : Cut(cell, CellLimit, ref cut)).ToList()).ToList();
        var widths = header.Select((name, column) => cells.Select(row => row[column].Length).Append(name.Length).Max()).ToList();
        var lastLimit = Math.Max(CellLimit, LineBudget - indent - widths.Take(last).Sum(w => w + 2));
        foreach (var row in cells)
        {
            row[last] = Cut(row[last], lastLimit, ref cut);
        }

        Line(text, indent, header, widths);
        foreach (var row in cells)
        {
            Line(text, indent, row, widths);
        }

        return cut;
    }

    private static string Cut(string cell, int limit, ref bool cut)
    {
        if (cell.Length <= limit)
        {
            return cell;
        }

        cut = true;
        return cell[..(limit - 1)] + "…";
    }

    private static void Line(StringBuilder text, int indent, IReadOnlyList<string> cells, List<int> widths)
    {
        var line = new StringBuilder().Append(' ', indent);
        for (var column = 0; column < cells.Count; column++)
        {
            line.Append(column == cells.Count - 1 ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }

        text.AppendLine(line.ToString().TrimEnd());
    }
}
