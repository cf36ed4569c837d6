using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>One run found in an output, with the line it starts on so that a failure can be looked up.</summary>
/// <param name="Name">What ran, e.g. <c>SP-MZ class C</c> or <c>IMB 2019 Update 6, MPI-1 part</c>.</param>
/// <param name="Line">Line where the run starts in the output (0 when not known).</param>
/// <param name="Status">Failed runs contribute no samples.</param>
/// <param name="Reason">Why the run failed; empty when it is <see cref="RunStatus.Ok"/>.</param>
public sealed record ParsedRun(string Name, int Line, RunStatus Status, string Reason = "");
