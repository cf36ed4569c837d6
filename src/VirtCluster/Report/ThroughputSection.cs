using VirtCluster.Bench.Metrics;

namespace VirtCluster.Report;

/// <summary>One throughput figure (the paper's Fig. 2) from one kind of measurement.</summary>
/// <param name="Title">What was measured, e.g. <c>IMB PingPong</c>.</param>
/// <param name="Slug">File-name part of its chart, e.g. <c>throughput-imb-pingpong</c>.</param>
/// <param name="Series">One per environment and placement.</param>
public sealed record ThroughputSection(string Title, string Slug, IReadOnlyList<ThroughputSeries> Series);
