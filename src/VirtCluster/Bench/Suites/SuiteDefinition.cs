namespace VirtCluster.Bench.Suites;

/// <summary>A loaded and validated suite file: what to run, with which binaries.</summary>
/// <param name="Name">Suite name, e.g. <c>paper</c>.</param>
/// <param name="Description">What the suite reproduces or checks.</param>
/// <param name="Binaries">Programs the suite needs and where their paths come from.</param>
/// <param name="Benchmarks">In file order.</param>
/// <param name="SourceFile">The YAML file it came from, for messages.</param>
public sealed record SuiteDefinition(
    string Name,
    string Description,
    IReadOnlyList<RequiredBinary> Binaries,
    IReadOnlyList<BenchmarkDefinition> Benchmarks,
    string SourceFile);
