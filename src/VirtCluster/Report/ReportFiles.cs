namespace VirtCluster.Report;

/// <summary>What <see cref="ReportBuilder.Write"/> wrote, as full paths.</summary>
/// <param name="Html">The self-contained page.</param>
/// <param name="Markdown">The Markdown version, linking the PNG charts.</param>
/// <param name="Charts">Every PNG and SVG chart file.</param>
public sealed record ReportFiles(string Html, string Markdown, IReadOnlyList<string> Charts);
