using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;

namespace VirtCluster.Tests.Bench.Check;

/// <summary>Builds small results files for the gate: one local environment, a latency, a bandwidth and a time.</summary>
internal static class CheckResults
{
    public static Sample Latency(double microseconds) =>
        new("PingPong.latency", microseconds, Units.Microseconds,
            new SampleMeta("IMB", Ranks: 2, Placement: Placement.InterNode, MessageSizeBytes: 0, EnvironmentKind: EnvironmentKind.Tcg, EnvironmentName: "local"));

    public static Sample Bandwidth(double bytesPerSecond) =>
        new("bandwidth", bytesPerSecond, Units.BytesPerSecond,
            new SampleMeta("NetPIPE", Placement: Placement.InterNode, MessageSizeBytes: 8388608, EnvironmentKind: EnvironmentKind.Tcg, EnvironmentName: "local"));

    public static Sample Time(double seconds, string benchmark = "SP-MZ") =>
        new("time", seconds, Units.Seconds,
            new SampleMeta(benchmark, Nodes: 1, Ranks: 4, Threads: 2, EnvironmentKind: EnvironmentKind.Tcg, EnvironmentName: "local",
                Parameters: new SortedDictionary<string, string>(StringComparer.Ordinal) { ["class"] = "C" }));

    public static EnvironmentFingerprint Local(string kernel = "6.1.0-28-amd64") =>
        new("local", EnvironmentKind.Tcg, Kernel: kernel, QemuVersion: "7.2.15", MpiVersion: "Open MPI 4.1.4");

    /// <summary>One ok run per sample, plus the given failed runs.</summary>
    public static ResultsFile File(string runId, IEnumerable<Sample> samples, EnvironmentFingerprint? environment = null, params RunRecord[] failed) =>
        new(ResultsFile.CurrentSchemaVersion, runId, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero), "debian",
            [environment ?? Local()],
            [.. samples.Select((s, i) => new RunRecord($"{s.Meta.Benchmark}/{s.Metric}/rep{i + 1}", s.Meta.Benchmark, "local", RunStatus.Ok, [s])), .. failed]);

    public static RunRecord Failed(string id, string benchmark, string reason) =>
        new(id, benchmark, "local", RunStatus.Failed, [], reason);
}
