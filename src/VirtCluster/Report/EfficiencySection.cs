using VirtCluster.Bench.Metrics;

namespace VirtCluster.Report;

/// <summary>One benchmark's parallel-efficiency figure (the paper's Fig. 3 and 4).</summary>
/// <param name="Benchmark">As in the samples' metadata.</param>
/// <param name="Slug">File-name part of its chart, e.g. <c>efficiency-sp-mz</c>.</param>
/// <param name="Series">One per environment that ran at two or more process counts.</param>
public sealed record EfficiencySection(string Benchmark, string Slug, IReadOnlyList<EfficiencySeries> Series);
