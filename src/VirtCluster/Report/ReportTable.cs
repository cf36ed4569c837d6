namespace VirtCluster.Report;

/// <summary>
/// A table as plain text cells, built once from the model and laid out by both writers, each escaping the
/// cells for its own format.
/// </summary>
/// <param name="Headers">Column headings; the first column names the row, the others hold values.</param>
/// <param name="Rows">Cells, one list per row, as long as <paramref name="Headers"/>.</param>
/// <param name="Caption">How to read the table, shown under it; null for none.</param>
/// <param name="Highlighted">Indexes of rows to draw attention to (e.g. fingerprint parts that differ).</param>
/// <param name="TextCells">True when the value columns hold words (versions, reasons), which read best aligned left; numbers align right.</param>
/// <param name="LabelColumns">How many leading columns name the row (environment, placement, unit) and so align left like words.</param>
public sealed record ReportTable(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Caption = null,
    IReadOnlySet<int>? Highlighted = null,
    bool TextCells = false,
    int LabelColumns = 1)
{
    public IReadOnlySet<int> Highlighted { get; init; } = Highlighted ?? new HashSet<int>();

    /// <summary>Whether column <paramref name="index"/> holds words, aligned left, rather than numbers, aligned right.</summary>
    public bool IsTextColumn(int index) => index < LabelColumns || TextCells;
}
