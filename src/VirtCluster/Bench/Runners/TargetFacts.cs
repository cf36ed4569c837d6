using VirtCluster.Bench.Results;
using VirtCluster.Remote;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// What the runner finds out on a target's launching node before its runs: who it runs as (Open MPI
/// refuses root unless told), and the fingerprint parts that can only be read there.
/// </summary>
/// <param name="Environment">The caller's declared fingerprint completed with kernel, MPI version and HCA firmware.</param>
/// <param name="IsRoot">Whether mpirun needs <c>--allow-run-as-root</c>.</param>
/// <param name="Unusable">Why no run can start on the target (no answer, no mpirun); null when it can run.</param>
/// <param name="Cpus">Logical CPUs of the launching node (<c>nproc</c>), taken for every node of the target.</param>
internal sealed record TargetFacts(EnvironmentFingerprint Environment, bool IsRoot, string? Unusable, int Cpus = 1)
{
    /// <summary>Reads the first HCA's firmware; the glob matches nothing (and prints nothing) without an HCA.</summary>
    private const string HcaFirmwareScript = "cat /sys/class/infiniband/*/fw_ver 2>/dev/null || true";

    /// <summary>Never throws but for cancellation: a target that cannot be probed gets its runs recorded as failed.</summary>
    public static async Task<TargetFacts> ProbeAsync(IBenchTarget target, string mpirun, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(target, mpirun, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new TargetFacts(target.Declared, false, $"cannot probe {target.Nodes[0]}: {e.Message}");
        }
    }

    private static async Task<TargetFacts> ReadAsync(IBenchTarget target, string mpirun, TimeSpan timeout, CancellationToken cancellationToken)
    {
        async Task<CommandResult> Run(params string[] argv) =>
            await target.RunAsync(argv, null, timeout, cancellationToken).ConfigureAwait(false);

        var user = (await Run("id", "-u").ConfigureAwait(false)).EnsureSuccess("find out the user id");
        var kernel = (await Run("uname", "-r").ConfigureAwait(false)).EnsureSuccess("read the kernel release");
        var nproc = (await Run("nproc").ConfigureAwait(false)).EnsureSuccess("count the CPUs");
        var firmware = await Run("sh", "-c", HcaFirmwareScript).ConfigureAwait(false);
        var mpi = await Run(mpirun, "--version").ConfigureAwait(false);
        var mpiProblem = mpi.Succeeded
            ? null
            : $"'{mpirun} --version' failed on {target.Nodes[0]} ({Ending(mpi)}): is Open MPI installed there?";
        var environment = target.Declared with
        {
            Kernel = FirstLine(kernel.Stdout) ?? target.Declared.Kernel,
            MpiVersion = mpi.Succeeded ? FirstLine(mpi.Stdout) : target.Declared.MpiVersion,
            HcaFirmware = FirstLine(firmware.Stdout) ?? target.Declared.HcaFirmware,
        };
        var cpus = int.TryParse(nproc.Stdout.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new InvalidOperationException($"nproc on {target.Nodes[0]} printed '{nproc.Stdout.Trim()}', not a CPU count");
        return new TargetFacts(environment, user.Stdout.Trim() == "0", mpiProblem, cpus);
    }

    /// <summary>How a command ended, in words, with the last line of what it said on stderr.</summary>
    public static string Ending(CommandResult result)
    {
        var how = result switch
        {
            { TimedOut: true } => $"timed out after {result.Elapsed.TotalSeconds:F1} s",
            { Signal: { } signal } => $"killed by SIG{signal}",
            { ExitStatus: { } status } => $"exit status {status}",
            _ => "no exit status",
        };
        var last = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null ? how : $"{how}: {last}";
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
