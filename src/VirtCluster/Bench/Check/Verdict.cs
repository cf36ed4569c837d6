namespace VirtCluster.Bench.Check;

/// <summary>What happened to one metric between the baseline and the current run.</summary>
public enum Verdict
{
    /// <summary>Within tolerance either way.</summary>
    Ok,

    /// <summary>Better than the baseline by more than the tolerance; does not fail the check.</summary>
    Improved,

    /// <summary>Worse than the baseline by more than the tolerance; fails the check.</summary>
    Regressed,

    /// <summary>In the baseline but not measured now; fails the check, since a benchmark that stopped running hides regressions.</summary>
    Missing,

    /// <summary>Measured now but not in the baseline; reported so the baseline can be refreshed.</summary>
    New,
}
