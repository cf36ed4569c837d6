using VirtCluster.Bench.Model;
using VirtCluster.Bench.Mpi;

namespace VirtCluster.Tests.Bench.Mpi;

public sealed class MpiCommandBuilderTests
{
    private static readonly string[] Program = ["/usr/bin/NPopenmpi", "-u", "8388608"];

    [Fact]
    public void InterNodeRunAsRootOverTcpPutsOneRankPerNode()
    {
        var args = MpiCommandBuilder.Build(new MpiLaunch(Program, 2, 1, Placement.InterNode, "/tmp/hosts", Btl: "tcp,self", AsRoot: true));

        Assert.Equal(
            ["mpirun", "--allow-run-as-root", "-np", "2", "--hostfile", "/tmp/hosts", "--map-by", "ppr:1:node", "--bind-to", "core",
             "--mca", "btl", "tcp,self", "-x", "OMP_NUM_THREADS=1", "/usr/bin/NPopenmpi", "-u", "8388608"],
            args);
    }

    [Fact]
    public void ARankfileTakesThePlaceOfTheInterNodeMapping() =>
        Assert.Equal(
            ["mpirun", "-np", "2", "--hostfile", "/tmp/hosts", "--rankfile", "/tmp/ranks", "-x", "OMP_NUM_THREADS=1", .. Program],
            MpiCommandBuilder.Build(new MpiLaunch(Program, 2, 1, Placement.InterNode, "/tmp/hosts", Rankfile: "/tmp/ranks")));

    [Theory]
    [InlineData(Placement.IntraSocket, 1, "/tmp/hosts")]
    [InlineData(Placement.InterNode, 2, "/tmp/hosts")]
    [InlineData(Placement.InterNode, 1, null)]
    public void ARankfileForAnotherPlacementWithThreadsOrWithoutAHostfileIsRefused(Placement placement, int threads, string? hostfile) =>
        Assert.Throws<ArgumentException>(() => MpiCommandBuilder.Build(new MpiLaunch(Program, 2, threads, placement, hostfile, Rankfile: "/tmp/ranks")));

    [Fact]
    public void IntraSocketPairBindsToNeighbouringCores() =>
        Assert.Equal(
            ["mpirun", "-np", "2", "--map-by", "core", "--bind-to", "core", "-x", "OMP_NUM_THREADS=1", .. Program],
            MpiCommandBuilder.Build(new MpiLaunch(Program, 2, 1, Placement.IntraSocket)));

    [Fact]
    public void IntraSocketPairWithKnownCpusBindsToThem() =>
        Assert.Equal(
            ["mpirun", "-np", "2", "--cpu-list", "0,1", "--bind-to", "cpu-list:ordered", "-x", "OMP_NUM_THREADS=1", .. Program],
            MpiCommandBuilder.Build(new MpiLaunch(Program, 2, 1, Placement.IntraSocket, CpuList: "0,1")));

    [Fact]
    public void InterSocketPairIsSpreadOverSockets() =>
        Assert.Equal(
            ["mpirun", "-np", "2", "--map-by", "socket", "--bind-to", "core", "-x", "OMP_NUM_THREADS=1", .. Program],
            MpiCommandBuilder.Build(new MpiLaunch(Program, 2, 1, Placement.InterSocket)));

    [Fact]
    public void HybridApplicationExportsThreadsAndIsNotBoundToOneCore()
    {
        var env = new Dictionary<string, string> { ["OMP_STACKSIZE"] = "64M", ["KMP_AFFINITY"] = "compact" };

        var args = MpiCommandBuilder.Build(new MpiLaunch(["./sp-mz.C.x"], 16, 2, Placement.None, "hosts", Environment: env));

        Assert.Equal(
            ["mpirun", "-np", "16", "--hostfile", "hosts", "--bind-to", "none", "-x", "OMP_NUM_THREADS=2",
             "-x", "KMP_AFFINITY=compact", "-x", "OMP_STACKSIZE=64M", "./sp-mz.C.x"],
            args);
    }

    [Fact]
    public void ArgumentsWithSpacesStaySingleArguments()
    {
        var args = MpiCommandBuilder.Build(new MpiLaunch(["/opt/my app/run", "--title", "a b; rm -rf /"], 1, 1, Placement.None));

        Assert.Equal(["/opt/my app/run", "--title", "a b; rm -rf /"], args.TakeLast(3));
    }

    [Fact]
    public void CpuListOutsideIntraSocketIsRejected() =>
        Assert.Throws<ArgumentException>(() => MpiCommandBuilder.Build(new MpiLaunch(Program, 2, 1, Placement.InterNode, CpuList: "0,1")));

    [Fact]
    public void ZeroProcessesIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MpiCommandBuilder.Build(new MpiLaunch(Program, 0, 1, Placement.None)));
}
