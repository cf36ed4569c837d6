using VirtCluster.Bench.Stage;
using VirtCluster.Bench.Suites;
using VirtCluster.Engine.Config;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Bench.Stage;

/// <summary>
/// The stage's programs against the built-in paper suite, whose binaries only the user can supply: each from a config
/// key (a path on the nodes) or from virtcluster:bench binaries (a program on this machine), checked before anything runs.
/// </summary>
public sealed class StageBinariesTests : IDisposable
{
    /// <summary>SHA-256 of "hello\n", as <c>sha256sum</c> prints it.</summary>
    private const string HelloSha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    private static readonly SuiteDefinition Paper = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", "paper.yaml"));

    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-binaries-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ASuppliedProgramIsTakenWithItsSha256AndAConfigKeyGivesAPathOnTheNodes()
    {
        var imb = Program("IMB-MPI1");
        var config = new Dictionary<string, string> { ["virtcluster:spMzPath"] = "/shared/sp-mz.C.x" };

        var binaries = StageBinaries.Resolve(Paper, new Dictionary<string, string> { ["imb"] = imb }, config.GetValueOrDefault);

        Assert.Equal(imb, binaries.Supplied["imb"]);
        Assert.Equal(HelloSha256, binaries.SuppliedSha256["imb"]);
        Assert.Equal("/shared/sp-mz.C.x", binaries.PathsOnNodes["sp-mz"]);
        Assert.Equal(["sp-mz"], binaries.PathsOnNodes.Keys);
    }

    [Fact]
    public void AMissingProgramIsAConfigErrorNamingTheBenchKeyAndThePath()
    {
        var missing = Path.Combine(_directory, "no-such-program");
        var present = Program("IMB-MPI1");

        var error = Assert.Throws<ConfigException>(() => Resolve(new() { ["imb"] = missing }));
        var resolved = Resolve(new() { ["imb"] = present });

        Assert.Equal("virtcluster:bench", error.Key);
        Assert.StartsWith($"key 'virtcluster:bench': binaries.imb: cannot read {missing} (", error.Message, StringComparison.Ordinal);
        Assert.Equal(HelloSha256, resolved.SuppliedSha256["imb"]);
    }

    [Fact]
    public void AFolderIsNotAProgram()
    {
        var error = Assert.Throws<ConfigException>(() => Resolve(new() { ["imb"] = _directory }));
        var resolved = Resolve(new() { ["imb"] = Program("IMB-MPI1") });

        Assert.Equal($"key 'virtcluster:bench': binaries.imb: {_directory} is a folder; give the path of the program itself", error.Message);
        Assert.Single(resolved.Supplied);
    }

    [Fact]
    public void ANameTheSuiteDoesNotHaveIsAConfigErrorListingItsBinaries()
    {
        var error = Assert.Throws<ConfigException>(() => Resolve(new() { ["sp-mz.C"] = Program("sp-mz.C.x") }));
        var resolved = Resolve(new() { ["sp-mz"] = Program("sp-mz.C.x") });

        Assert.Equal($"key 'virtcluster:bench': binaries.sp-mz.C: {Paper.SourceFile} has no binary 'sp-mz.C'; its binaries are imb, sp-mz, bt-mz, bloss", error.Message);
        Assert.Equal(["sp-mz"], resolved.Supplied.Keys);
    }

    [Fact]
    public void AProgramGivenBothOnTheNodesAndOnThisMachineIsAConfigError()
    {
        var config = new Dictionary<string, string> { ["virtcluster:imbPath"] = "/shared/IMB-MPI1" };
        var program = Program("IMB-MPI1");

        var error = Assert.Throws<ConfigException>(() => StageBinaries.Resolve(Paper, new Dictionary<string, string> { ["imb"] = program }, config.GetValueOrDefault));
        var onNodesOnly = StageBinaries.Resolve(Paper, new Dictionary<string, string>(), config.GetValueOrDefault);

        Assert.Equal(
            "key 'virtcluster:bench': binaries.imb and virtcluster:imbPath are both set; keep virtcluster:imbPath for a program already on the nodes, "
            + "or binaries.imb for one on this machine to install on them",
            error.Message);
        Assert.Equal("/shared/IMB-MPI1", onNodesOnly.PathsOnNodes["imb"]);
    }

    private static StageBinaries Resolve(Dictionary<string, string> supplied) => StageBinaries.Resolve(Paper, supplied, _ => null);

    private string Program(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "hello\n");
        return path;
    }
}
