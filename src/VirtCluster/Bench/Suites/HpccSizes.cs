namespace VirtCluster.Bench.Suites;

/// <summary>
/// HPCC problem sizes requested by a suite. The process grid is derived from the run's process count
/// unless <see cref="P"/> and <see cref="Q"/> are given, because HPL needs P x Q &lt;= processes.
/// </summary>
/// <param name="N">HPL problem sizes.</param>
/// <param name="NB">HPL block sizes.</param>
/// <param name="P">Process grid rows, or null to derive.</param>
/// <param name="Q">Process grid columns, or null to derive.</param>
public sealed record HpccSizes(IReadOnlyList<int> N, IReadOnlyList<int> NB, int? P, int? Q)
{
    /// <summary>The hpccinf.txt text for a run with <paramref name="processes"/> ranks.</summary>
    public string InputFor(int processes) =>
        HpccInput.Generate(N, NB, [P is { } p && Q is { } q ? (p, q) : HpccInput.SquarestGrid(processes)]);
}
