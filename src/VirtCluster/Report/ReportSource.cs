namespace VirtCluster.Report;

/// <summary>A results file the report was made from, so a reader can find it again.</summary>
/// <param name="RunId">The file's run id.</param>
/// <param name="Created">When the run started.</param>
/// <param name="Suite">The suite that was run.</param>
/// <param name="Baseline">
/// Label of the environment the file's others are compared against: its bare-metal environment, else its
/// first. Each file has its own, because a virtual machine is only slower or faster than the bare metal it
/// ran on; another file's bare metal is other hardware.
/// </param>
public sealed record ReportSource(string RunId, DateTimeOffset Created, string Suite, string Baseline);
