using VirtCluster.Config;

namespace VirtCluster.Tests.Config;

/// <summary><c>bench.mpi</c>: Open MPI's transport between the nodes, given per stack and recorded as the results write it.</summary>
public sealed class BenchMpiConfigTests
{
    private const string OneLab = "config:\n  virtcluster:lab: { nodes: 1 }\n  virtcluster:bench:\n";

    [Theory]
    [InlineData("    mpi: { btl: \"openib,self,vader\", pml: ob1 }\n", "openib,self,vader", "ob1", "btl=openib,self,vader pml=ob1")]
    [InlineData("    mpi: { pml: ucx }\n", null, "ucx", "pml=ucx")]
    [InlineData("    mpi: { btl: \"^openib\" }\n", "^openib", null, "btl=^openib")]
    public void ATransportIsReadAsGivenAndWrittenForTheResults(string mpi, string? btl, string? pml, string recorded)
    {
        using var project = new StackFixture("m", OneLab + mpi);

        var transport = project.Load().Bench.Mpi;

        Assert.Equal(new MpiTransport(btl, pml), transport);
        Assert.Equal(recorded, transport!.ToString());
    }

    [Fact]
    public void WithoutOneTheStackLeavesTheTransportToTheDefault()
    {
        using var project = new StackFixture("m", OneLab + "    enabled: false\n");

        Assert.Null(project.Load().Bench.Mpi);
    }
}
