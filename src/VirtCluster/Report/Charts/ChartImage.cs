namespace VirtCluster.Report.Charts;

/// <summary>One rendered chart: the PNG is embedded in the HTML page, both files are written beside it.</summary>
/// <param name="Slug">File-name stem, e.g. <c>efficiency-sp-mz</c>.</param>
/// <param name="Title">Shown above the chart and as its alternative text.</param>
/// <param name="Png">PNG file contents.</param>
/// <param name="Svg">SVG document (text is escaped by the renderer).</param>
public sealed record ChartImage(string Slug, string Title, byte[] Png, string Svg);
