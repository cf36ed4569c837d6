namespace VirtCluster.Bench.Suites;

/// <summary>
/// The axes a benchmark is repeated over. Threads become OMP_NUM_THREADS. Message sizes are a sweep axis
/// only for programs that take one size per run (through <c>{msgsize}</c>); IMB and NetPIPE sweep sizes
/// themselves.
/// </summary>
public sealed record SweepDefinition(IReadOnlyList<int> Processes, IReadOnlyList<int> Threads, IReadOnlyList<long> MessageSizes);
