using VirtCluster.Bench.Results;

namespace VirtCluster.Bench.Check;

/// <summary>The outcome of comparing a current results file against a baseline.</summary>
/// <param name="Rows">Every metric of either file, in baseline order, new metrics last.</param>
/// <param name="FingerprintNotes">Environments whose fingerprints differ between the files, and how: a changed kernel or image explains a moved number.</param>
/// <param name="FailedRuns">Failed runs of the current file, which usually explain missing metrics.</param>
public sealed record CheckReport(
    IReadOnlyList<CheckRow> Rows,
    IReadOnlyList<string> FingerprintNotes,
    IReadOnlyList<RunRecord> FailedRuns)
{
    /// <summary>False when any metric regressed beyond its tolerance or is missing.</summary>
    public bool Passed => Rows.All(r => r.Verdict is not (Verdict.Regressed or Verdict.Missing));

    public int Count(Verdict verdict) => Rows.Count(r => r.Verdict == verdict);
}
