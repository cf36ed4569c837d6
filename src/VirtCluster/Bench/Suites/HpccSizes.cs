namespace VirtCluster.Bench.Suites;

/// <summary>
/// HPCC problem sizes requested by a suite. The process grid is derived from the run's process count
/// unless <see cref="P"/> and <see cref="Q"/> are given, because HPL needs P x Q &lt;= processes.
/// </summary>
public sealed record HpccSizes(IReadOnlyList<int> N, IReadOnlyList<int> NB, int? P, int? Q);
