using System.Runtime.Versioning;
using VirtCluster.Images;
using VirtCluster.Testing;
using VirtCluster.Tests.Support;

namespace VirtCluster.Tests.Setup;

/// <summary>
/// On a fresh Debian 12 machine with the .NET SDK, scripts/setup installs everything the tool and its tests run: every
/// program pinned in <see cref="ExternalPrograms"/> comes from a package setup provides, and, once setup has run, is on
/// PATH as that package's file. Nodes get theirs from the image spec. Programs built from the project's source are on
/// this machine as that source builds them, and built into the node image from it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SetupCompletenessTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Owners = new(() =>
        DebianPackages.Owners(ExternalPrograms.OnThisMachine
            .Select(p => DebianPackages.OnPath(p.Name)).OfType<string>().SelectMany(DebianPackages.NamesOf)));

    public static TheoryData<string> OnThisMachine => new(ExternalPrograms.OnThisMachine.Select(p => p.Name));

    public static TheoryData<string> OnNodes => new(ExternalPrograms.OnNodes.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(OnThisMachine))]
    public void ProgramRunOnThisMachineIsInstalledBySetupFromItsPinnedPackage(string name)
    {
        var program = ExternalPrograms.OnThisMachine.Single(p => p.Name == name);
        var problems = new List<string>();
        var setup = SetupProvision.OfRepository;
        if (setup.Problem(program) is { } missing)
        {
            problems.Add(missing);
        }

        if (DebianPackages.OnPath(name) is not { } path)
        {
            problems.Add($"{name} is not on PATH ({Environment.GetEnvironmentVariable("PATH")}): run scripts/setup, which is to install {program.Package}.");
        }
        else if (DebianPackages.NamesOf(path).Select(n => Owners.Value.GetValueOrDefault(n)).FirstOrDefault(o => o is not null) is not { } owners)
        {
            problems.Add($"{name} resolves to {path}, which no Debian package ships: something installed outside apt shadows the {program.Package} one; remove it or put it later on PATH.");
        }
        else if (!owners.Contains(program.Package))
        {
            problems.Add($"{name} resolves to {path}, shipped by {string.Join(", ", owners)}, not by {program.Package} as pinned: fix its entry in tests/VirtCluster.Tests/Setup/ExternalPrograms.cs (and scripts/packages.txt).");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(OnNodes))]
    public void ProgramRunInTheNodesIsInTheNodeImage(string name)
    {
        var program = ExternalPrograms.OnNodes.Single(p => p.Name == name);
        var image = ImageSpecLoader.Load(Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml"));
        var known = SetupProvision.OfRepository.Facts.TryGetValue(program.Package, out var facts);
        // mmdebstrap's minbase is the Essential set plus every package of Priority required (apt among them).
        var inVariant = known && (facts!.Essential || (image.Variant == "minbase" && facts.Priority == "required"));

        Assert.Equal("minbase", image.Variant);
        Assert.True(image.Packages.Contains(program.Package) || inVariant,
            $"{name} (run in the nodes by {program.RunBy}) comes from {program.Package}, which the node image lacks: it is not among the packages of images/hpc-node.yaml, not Essential and not of Priority required (what the image's {image.Variant} variant brings). Fix: add {program.Package} to the packages in images/hpc-node.yaml.");
    }

    [Fact]
    public void TheProgramsBuiltFromSourceAreVcPingPongAndVcJacobi()
    {
        Assert.Equal(["/usr/local/bin/vc-pingpong", "/usr/local/bin/vc-jacobi"], ExternalPrograms.BuiltFromSource.Select(p => p.Path));
        Assert.Equal(["images/src/mpi-pingpong/pingpong.c", "images/src/mpi-jacobi/jacobi.c"], ExternalPrograms.BuiltFromSource.Select(p => p.Source));
    }

    [Theory]
    [InlineData("/usr/local/bin/vc-pingpong")]
    [InlineData("/usr/local/bin/vc-jacobi")]
    public void ABuiltProgramIsOnThisMachineAsTheCurrentSourceBuildsIt(string installed)
    {
        var program = ExternalPrograms.BuiltFromSource.Single(p => p.Path == installed);
        var path = program.Path;
        var setup = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scripts", "setup"));

        Assert.Contains(path, setup, StringComparison.Ordinal);
        Assert.Contains(Path.GetDirectoryName(program.Source)!, setup, StringComparison.Ordinal);
        Assert.True(File.Exists(path), $"{path} (run by {program.RunBy}) is missing: run scripts/setup, which builds it from {program.Source}");
        Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(MpiSourceBuild.Of(program.Source).Binary)),
            $"{path} is not what {program.Source} builds now: run scripts/setup to build it again");
        Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.OtherExecute), $"{path} is not executable: run scripts/setup");
    }

    [Theory]
    [InlineData("/usr/local/bin/vc-pingpong")]
    [InlineData("/usr/local/bin/vc-jacobi")]
    public void ABuiltProgramIsBuiltIntoTheNodeImageFromTheSameSource(string installed)
    {
        var program = ExternalPrograms.BuiltFromSource.Single(p => p.Path == installed);
        var image = ImageSpecLoader.Load(Path.Combine(TestPaths.RepoRoot, "images", "hpc-node.yaml"));
        var copied = image.Sources.SelectMany(source => source.Files()).Select(file => file.Path);

        Assert.Contains(Path.Combine(TestPaths.RepoRoot, program.Source), copied);
        Assert.Contains(image.Build, step => step.Run.Contains(program.Path));
    }

    [Fact]
    public void TheDotnetSdkIsOnPathBeforeSetup()
    {
        Assert.Equal(["dotnet"], ExternalPrograms.Prerequisites);
        Assert.True(DebianPackages.OnPath("dotnet") is not null, "dotnet is not on PATH: install the .NET SDK that global.json names; scripts/setup does not.");
    }

    [Fact]
    public void SetupReadsItsPackagesFromPackagesTxtWithoutTheComments()
    {
        Assert.Equal(
            [
                "libvirt0", "libvirt-clients", "libxml2-utils", "libvirt-daemon", "libvirt-daemon-driver-qemu", "libvirt-daemon-system",
                "iptables", "dnsmasq-base", "qemu-system-x86", "qemu-utils", "mmdebstrap", "e2fsprogs", "systemd", "iproute2",
                "openssh-server", "openssh-client", "openmpi-bin", "hpcc", "netpipe-openmpi", "libopenmpi-dev", "gcc", "git",
            ],
            SetupProvision.ListedBySetup());
    }

    [Fact]
    public void EveryPackageSetupListsIsInstalledOnceSetupHasRun()
    {
        var listed = SetupProvision.ListedBySetup();
        var facts = DebianPackages.Facts(listed);

        Assert.Equal(listed.Distinct(), listed);
        Assert.All(listed, package => Assert.True(facts.TryGetValue(package, out var f) && f.Installed,
            $"{package} is in scripts/packages.txt but not installed: run scripts/setup"));
    }

    [Fact]
    public void APackageSetupDoesNotListIsReportedWithTheFixWhileTheListedOneIsNot()
    {
        var xmllint = ExternalPrograms.OnThisMachine.Single(p => p.Name == "xmllint");
        var withoutIt = new SetupProvision(SetupProvision.ListedBySetup().Where(p => p != "libxml2-utils").ToList());

        Assert.Null(SetupProvision.OfRepository.Problem(xmllint));
        var problem = withoutIt.Problem(xmllint);
        Assert.NotNull(problem);
        Assert.StartsWith("xmllint (run by virt-xml-validate, which is a script around it) comes from the Debian package libxml2-utils", problem);
        Assert.EndsWith("Fix: add libxml2-utils to scripts/packages.txt.", problem);
    }

    [Fact]
    public void OnlyDependenciesWithoutAlternativesAndPackagesOnEveryDebianSystemCountAsProvided()
    {
        var nothingListed = new SetupProvision([]);
        var withoutIptables = new SetupProvision(SetupProvision.ListedBySetup().Where(p => p != "iptables").ToList());

        // On every Debian system: Essential (coreutils), or Priority required (mount).
        Assert.Null(nothingListed.Gap("coreutils"));
        Assert.Null(nothingListed.Gap("mount"));
        // procps is of Priority important: setup has it only as a hard dependency of openssh-server.
        Assert.NotNull(nothingListed.Gap("procps"));
        Assert.Null(SetupProvision.OfRepository.Gap("procps"));
        Assert.Contains("procps", SetupProvision.OfRepository.Closure);
        // libvirt-daemon-system depends on "iptables | firewalld": either would do, so iptables must be listed itself.
        Assert.NotNull(withoutIptables.Gap("iptables"));
        Assert.DoesNotContain("iptables", withoutIptables.Closure);
    }

    [Fact]
    public void DependsOutputIsReadWithItsAlternativesAndVirtualPackages()
    {
        const string Output = """
            tool
              Depends: libone
              PreDepends: libpre
             |Depends: either
              Depends: or
              Depends: <virtual-one:any>
                sole-provider
              Depends: <virtual-many>
                first-provider
                second-provider
              Depends: python3:any
            libone
              Depends: libdeep
            """;

        var graph = DebianPackages.ParseDepends(Output.Replace("\r", "", StringComparison.Ordinal));
        var closure = DebianPackages.Closure(graph, ["tool"]);

        Assert.Equal(6, graph["tool"].Count);
        Assert.Equal(["either", "or"], graph["tool"][2].Select(d => d.Name));
        Assert.Equal(["first-provider", "second-provider"], graph["tool"][4][0].Providers);
        Assert.Equal(["libdeep", "libone", "libpre", "python3", "sole-provider", "tool"], closure.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/usr/bin/sh", "/bin/sh")]
    [InlineData("/bin/kill", "/usr/bin/kill")]
    [InlineData("/usr/sbin/ip", "/sbin/ip")]
    [InlineData("/sbin/mkfs.ext4", "/usr/sbin/mkfs.ext4")]
    [InlineData("/usr/local/bin/tool", null)]
    [InlineData("/usr/share/dotnet/dotnet", null)]
    public void UsrMergeAliasesAreTheOtherNameOfTheSameFile(string path, string? alias) =>
        Assert.Equal(alias, DebianPackages.UsrMergeAlias(path));

    [Fact]
    public void DpkgFindsTheOwnerOfAFileItKnowsOnlyByItsOtherNameOrThroughAlternatives()
    {
        // PATH finds /usr/bin/sh and /usr/bin/mpirun; dpkg knows /bin/sh (diverted) and the file the alternative names.
        // A path no package ships leaves out only itself.
        var sh = DebianPackages.NamesOf(DebianPackages.OnPath("sh")!);
        var mpirun = DebianPackages.NamesOf(DebianPackages.OnPath("mpirun")!);
        var owners = DebianPackages.Owners(sh.Concat(mpirun).Append("/nonexistent/program"));

        Assert.Equal(["dash"], sh.Select(owners.GetValueOrDefault).First(o => o is not null)!);
        Assert.Equal(["openmpi-bin"], mpirun.Select(owners.GetValueOrDefault).First(o => o is not null)!);
        Assert.False(owners.ContainsKey("/nonexistent/program"));
    }
}
