using System.Globalization;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Mpi;

/// <summary>
/// Renders the Open MPI 4 <c>mpirun</c> argument list for a run. It is a list, never a shell string, so
/// that no argument is ever re-split or interpreted; the remote runner quotes each one.
/// Placements map to: intra-socket <c>--map-by core --bind-to core</c> (or <c>--cpu-list</c> with
/// <c>--bind-to cpu-list:ordered</c> when the socket's CPUs are known); inter-socket
/// <c>--map-by socket --bind-to core</c>; inter-node <c>--map-by ppr:1:node --bind-to core</c>, or a
/// <c>--rankfile</c> that gives each rank its node and core (see <see cref="Runners.NodeLayout.Rankfile"/>). Whole
/// applications with several threads per rank are not bound, because Open MPI's default binding for
/// two ranks (one core each) would squeeze every OpenMP thread of a rank onto one core.
/// </summary>
public static class MpiCommandBuilder
{
    /// <exception cref="ArgumentException">Counts are not positive, or a placement does not fit the run.</exception>
    public static IReadOnlyList<string> Build(MpiLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (launch.Program.Count == 0)
        {
            throw new ArgumentException("the program to launch is empty", nameof(launch));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(launch.Processes, 1, nameof(launch));
        ArgumentOutOfRangeException.ThrowIfLessThan(launch.Threads, 1, nameof(launch));
        if (launch.CpuList is not null && launch.Placement != Placement.IntraSocket)
        {
            throw new ArgumentException("a CPU list only applies to the intra-socket placement", nameof(launch));
        }

        if (launch.Rankfile is not null && (launch.Hostfile is null || launch.Threads != 1 || launch.Placement is not (Placement.InterNode or Placement.None)))
        {
            throw new ArgumentException("a rankfile applies to single-threaded inter-node runs, or runs without a placement, over a hostfile", nameof(launch));
        }

        var args = new List<string> { launch.Mpirun };
        if (launch.AsRoot)
        {
            args.Add("--allow-run-as-root");
        }

        args.AddRange(["-np", launch.Processes.ToString(CultureInfo.InvariantCulture)]);
        if (launch.Hostfile is { } hostfile)
        {
            args.AddRange(["--hostfile", hostfile]);
        }

        args.AddRange(Mapping(launch));
        if (launch.Btl is { } btl)
        {
            args.AddRange(["--mca", "btl", btl]);
        }

        args.AddRange(["-x", "OMP_NUM_THREADS=" + launch.Threads.ToString(CultureInfo.InvariantCulture)]);
        foreach (var (name, value) in (launch.Environment ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            args.AddRange(["-x", $"{name}={value}"]);
        }

        args.AddRange(launch.Program);
        return args;
    }

    private static IEnumerable<string> Mapping(MpiLaunch launch) => launch.Placement switch
    {
        _ when launch.Rankfile is { } rankfile => ["--rankfile", rankfile],
        Placement.IntraSocket when launch.CpuList is { } cpus => ["--cpu-list", cpus, "--bind-to", "cpu-list:ordered"],
        Placement.IntraSocket => ["--map-by", "core", "--bind-to", "core"],
        Placement.InterSocket => ["--map-by", "socket", "--bind-to", "core"],
        Placement.InterNode => ["--map-by", "ppr:1:node", "--bind-to", "core"],
        _ when launch.Threads > 1 => ["--bind-to", "none"],
        _ => [],
    };
}
