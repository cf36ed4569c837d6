using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// The samples of an output and the runs it contained. Runs are listed separately so that a run that
/// produced no numbers (killed, failed verification) is still reported instead of silently missing.
/// </summary>
public sealed record ParseResult(IReadOnlyList<Sample> Samples, IReadOnlyList<ParsedRun> Runs);
