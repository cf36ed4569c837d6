using VirtCluster.Hosts;

namespace VirtCluster.Cluster;

/// <summary>Preflight failed on at least one host; nothing was changed. The message lists every failing check.</summary>
public sealed class PreflightFailedException(PreflightReport report) : Exception(Describe(report))
{
    public PreflightReport Report { get; } = report;

    private static string Describe(PreflightReport report)
    {
        var failures = report.Checks.Where(c => c.Verdict == Verdict.Fail).ToList();
        var hosts = failures.Select(c => c.Host).Distinct().Count();
        var lines = failures.Select(c => $"  {c.Host}: {c.Check}: {c.Found}" + (c.Fix is null ? string.Empty : $" -> {c.Fix}"));
        return $"preflight failed on {hosts} host(s); nothing was changed:\n" + string.Join('\n', lines);
    }
}
