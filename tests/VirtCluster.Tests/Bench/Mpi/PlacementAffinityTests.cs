using VirtCluster.Bench.Model;
using VirtCluster.Bench.Mpi;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Bench.Mpi;

/// <summary>
/// Placement is real: the mpirun command line the builder renders, run on this machine with two ranks that print the
/// CPUs they may run on (<c>Cpus_allowed_list</c> of /proc/self/status), binds each rank of an intra- or inter-socket
/// pair to one core of its own (the first two cores: a machine with two cores in one socket has them, as the local
/// stack's two-vCPU nodes do).
/// </summary>
public sealed class PlacementAffinityTests : IDisposable
{
    private static readonly string[] Probe = ["grep", "Cpus_allowed_list", "/proc/self/status"];

    private readonly string _hostfile = Path.GetTempFileName();

    public PlacementAffinityTests() => File.WriteAllText(_hostfile, "localhost slots=2\n");

    [Theory]
    [InlineData(Placement.IntraSocket, null)]
    [InlineData(Placement.IntraSocket, "0,1")]
    [InlineData(Placement.InterSocket, null)]
    public void EachRankOfAPairIsBoundToOneCoreOfItsOwn(Placement placement, string? cpuList)
    {
        var allowed = AllowedCpus(new MpiLaunch(Probe, 2, 1, placement, _hostfile, CpuList: cpuList, AsRoot: Environment.IsPrivilegedProcess));

        Assert.Equal(["0", "1"], allowed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RanksWithSeveralThreadsAndNoPlacementAreNotBoundSoTheProbeSeesEveryCpu()
    {
        var ours = File.ReadLines("/proc/self/status").Single(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));

        var allowed = AllowedCpus(new MpiLaunch(Probe, 2, 2, Placement.None, _hostfile, AsRoot: Environment.IsPrivilegedProcess));

        Assert.Equal("0-1", ours["Cpus_allowed_list:".Length..].Trim());
        Assert.Equal(["0-1", "0-1"], allowed);
    }

    [Fact]
    public void ARankfileBindsEachRankToTheCoreItNames()
    {
        var rankfile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(rankfile, "rank 0=localhost slot=1\nrank 1=localhost slot=0\n");

            var argv = MpiCommandBuilder.Build(new MpiLaunch(
                ["sh", "-c", "echo \"$OMPI_COMM_WORLD_RANK $(grep Cpus_allowed_list /proc/self/status)\""], 2, 1, Placement.InterNode, _hostfile,
                Rankfile: rankfile, AsRoot: Environment.IsPrivilegedProcess));
            var (exitCode, output) = ProgramRun.Run(argv[0], [.. argv.Skip(1)]);

            Assert.True(exitCode == 0, $"{string.Join(' ', argv)} failed ({exitCode}): {output}");
            var lines = output.Split('\n').Where(l => l.Contains("Cpus_allowed_list", StringComparison.Ordinal)).Select(l => string.Join(' ', l.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)));
            Assert.Equal(["0 Cpus_allowed_list: 1", "1 Cpus_allowed_list: 0"], lines.Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(rankfile);
        }
    }

    public void Dispose() => File.Delete(_hostfile);

    /// <summary>Each rank's allowed CPU list, as the kernel prints it (<c>0</c>, <c>0-1</c>).</summary>
    private static List<string> AllowedCpus(MpiLaunch launch)
    {
        var argv = MpiCommandBuilder.Build(launch);
        var (exitCode, output) = ProgramRun.Run(argv[0], [.. argv.Skip(1)]);

        Assert.True(exitCode == 0, $"{string.Join(' ', argv)} failed ({exitCode}): {output}");
        return output.Split('\n')
            .Where(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
            .Select(line => line["Cpus_allowed_list:".Length..].Trim())
            .ToList();
    }
}
