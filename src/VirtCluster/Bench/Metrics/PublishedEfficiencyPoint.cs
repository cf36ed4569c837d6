namespace VirtCluster.Bench.Metrics;

/// <summary>A parallel efficiency a source states as a number, e.g. "88 % on 16 nodes", without the times behind it.</summary>
/// <param name="Benchmark">Benchmark as in the samples' metadata.</param>
/// <param name="Environment">Environment name.</param>
/// <param name="Nodes">Nodes of the run the efficiency is stated for, when given.</param>
/// <param name="Ranks">MPI processes of that run, when given.</param>
/// <param name="Threads">OpenMP threads per process, when given.</param>
/// <param name="Efficiency">As a fraction (0.88), like <see cref="EfficiencyPoint.Efficiency"/>.</param>
public sealed record PublishedEfficiencyPoint(string Benchmark, string Environment, int? Nodes, int? Ranks, int? Threads, double Efficiency);
