using VirtCluster.Bench.Metrics;

namespace VirtCluster.Report;

/// <summary>One results file's single-node comparison (the paper's Table 3): its environments against its own baseline.</summary>
/// <param name="Source">The file; its <see cref="ReportSource.Baseline"/> is what the rows are compared against.</param>
/// <param name="Rows">One per benchmark, unit and non-baseline environment that has a baseline time.</param>
public sealed record OverheadSection(ReportSource Source, IReadOnlyList<OverheadRow> Rows);
