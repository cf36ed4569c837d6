using System.Globalization;
using VirtCluster.Engine.Interop;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Crash-safety testing: with <c>VIRTCLUSTER_TEST_CRASH_AFTER_STEP=k</c> the process is killed with SIGKILL right
/// after its k-th durable step (a state record written, or a provider operation returned). Tests run an
/// <c>up</c> for every k and check that the next run converges.
/// </summary>
internal static class CrashHook
{
    public const string Variable = "VIRTCLUSTER_TEST_CRASH_AFTER_STEP";

    private static readonly long Limit =
        long.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0;

    private static long _steps;

    public static void Step()
    {
        if (Limit > 0 && Interlocked.Increment(ref _steps) == Limit)
        {
            Libc.KillSelf();
        }
    }
}
