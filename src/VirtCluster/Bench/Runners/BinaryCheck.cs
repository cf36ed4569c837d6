using System.Globalization;
using System.Text;
using VirtCluster.Bench.Mpi;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Checks before any run that a benchmark's program exists and is executable on every node, so that a
/// missing binary is one clear error naming the node and the path, not a page of mpirun diagnostics.
/// </summary>
internal static class BinaryCheck
{
    /// <summary>Exit status 0 when "$1" is runnable: a path must be an executable file, a bare name must be on PATH.</summary>
    private const string IsRunnable = "case \"$1\" in */*) test -f \"$1\" && test -x \"$1\" ;; *) command -v \"$1\" >/dev/null ;; esac";

    /// <summary>The same test on every node, started by mpirun (one rank per node); a node lacking it prints its rank.</summary>
    private const string ReportMissingRank = IsRunnable + " || echo \"$OMPI_COMM_WORLD_RANK\"";

    /// <summary>
    /// Null when <paramref name="path"/> is runnable on every node, else the reason naming node(s) and path.
    /// Several nodes are checked through mpirun, which writes its hostfile into <paramref name="workingDirectory"/>.
    /// </summary>
    public static async Task<string?> FindMissingAsync(
        IBenchTarget target, string path, string mpirun, bool asRoot, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (target.Nodes.Count == 1)
        {
            var local = await target.RunAsync(["sh", "-c", IsRunnable, "sh", path], null, timeout, cancellationToken).ConfigureAwait(false);
            return local.ExitStatus == 0 ? null : Missing(path, [target.Nodes[0]]);
        }

        var hostfile = workingDirectory + "/nodes";
        var lines = new StringBuilder();
        foreach (var node in target.Nodes)
        {
            lines.Append(node).Append(" slots=1\n");
        }

        await target.UploadAsync(hostfile, Encoding.UTF8.GetBytes(lines.ToString()), Modes.Readable, cancellationToken).ConfigureAwait(false);
        var argv = MpiCommandBuilder.Build(new MpiLaunch(
            ["sh", "-c", ReportMissingRank, "sh", path], target.Nodes.Count, 1, Placement.InterNode, hostfile, AsRoot: asRoot, Mpirun: mpirun));
        var result = await target.RunAsync(argv, null, timeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return $"could not check for {path} on {string.Join(", ", target.Nodes)}: mpirun {TargetFacts.Ending(result)}";
        }

        var missing = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(rank => int.TryParse(rank, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r < target.Nodes.Count
                ? target.Nodes[r]
                : $"rank {rank}")
            .ToList();
        return missing.Count == 0 ? null : Missing(path, missing);
    }

    private static string Missing(string path, IReadOnlyList<string> nodes) =>
        $"{path} is missing or not executable on {string.Join(", ", nodes)}";
}
