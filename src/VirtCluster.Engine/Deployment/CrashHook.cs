using System.Globalization;
using VirtCluster.Engine.Interop;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Crash-safety testing. With <c>VIRTCLUSTER_TEST_CRASH_AFTER_STEP=k</c> the process is killed with SIGKILL right
/// after its k-th durable step (a state record written, or a provider operation returned); with
/// <c>VIRTCLUSTER_TEST_INTERRUPT_AFTER_STEP=k</c> it sends itself SIGINT there instead, as a Ctrl-C at that moment
/// would. Tests run a verb for every k and check that the next run converges.
/// </summary>
internal static class CrashHook
{
    public const string Variable = "VIRTCLUSTER_TEST_CRASH_AFTER_STEP";
    public const string InterruptVariable = "VIRTCLUSTER_TEST_INTERRUPT_AFTER_STEP";

    private static readonly long KillAt = Read(Variable);
    private static readonly long InterruptAt = Read(InterruptVariable);

    private static long _steps;

    public static void Step()
    {
        if (KillAt == 0 && InterruptAt == 0)
        {
            return;
        }

        var step = Interlocked.Increment(ref _steps);
        if (step == KillAt)
        {
            Libc.KillSelf();
        }

        if (step == InterruptAt)
        {
            // The signal is handled on another thread: wait for it, so the run is interrupted exactly here.
            Libc.Interrupt();
            SpinWait.SpinUntil(() => Cli.Interruption.Seen, TimeSpan.FromSeconds(5));
        }
    }

    private static long Read(string variable) =>
        long.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0;
}
