using VirtCluster.Bench.Metrics;

namespace VirtCluster.Report;

/// <summary>
/// Everything the report shows, computed once from the results files so that the HTML and Markdown
/// writers only lay it out and cannot disagree.
/// </summary>
/// <param name="Sources">Run id, creation time and baseline of each results file, in the order given.</param>
/// <param name="Environments">Every environment of every file, in order, each with the baseline of its own file.</param>
/// <param name="Latency">Latency tables, one per kind of measurement present.</param>
/// <param name="Throughput">Throughput figures, one per kind of measurement present.</param>
/// <param name="Overhead">Per results file with single-node times of two or more environments, each against the file's baseline.</param>
/// <param name="Efficiency">Parallel-efficiency figures, one per benchmark run at several process counts.</param>
/// <param name="PublishedEfficiency">Efficiencies stated as numbers (a paper's "88 % on 16 nodes"), shown apart from computed ones.</param>
/// <param name="FingerprintNotes">Warnings and confirmations about comparability.</param>
/// <param name="DifferingFingerprintFields">Fingerprint parts whose values are not the same in every environment.</param>
/// <param name="FailedRuns">Runs that produced no usable numbers, with their reasons.</param>
public sealed record ReportModel(
    IReadOnlyList<ReportSource> Sources,
    IReadOnlyList<ReportEnvironment> Environments,
    IReadOnlyList<LatencySection> Latency,
    IReadOnlyList<ThroughputSection> Throughput,
    IReadOnlyList<OverheadSection> Overhead,
    IReadOnlyList<EfficiencySection> Efficiency,
    IReadOnlyList<PublishedEfficiencyPoint> PublishedEfficiency,
    IReadOnlyList<FingerprintNote> FingerprintNotes,
    IReadOnlyList<string> DifferingFingerprintFields,
    IReadOnlyList<FailedRun> FailedRuns);
