using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// One planned run: which benchmark at which point, which repetition, on which target, and where its files
/// go (<c>Id</c> is also the folder relative to the execution folder, <c>LocalFolder</c> the absolute one).
/// </summary>
internal sealed record RunContext(
    IBenchTarget Target,
    TargetFacts Facts,
    BenchmarkDefinition Benchmark,
    SweepPoint Point,
    int Repetition,
    string Id,
    string LocalFolder);
