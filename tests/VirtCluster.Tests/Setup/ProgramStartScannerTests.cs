namespace VirtCluster.Tests.Setup;

/// <summary>
/// A program the code starts is in <see cref="ExternalPrograms"/>, so that <see cref="SetupCompletenessTests"/> checks
/// its package: a new program start without an entry fails here.
/// </summary>
public sealed class ProgramStartScannerTests
{
    private static readonly Lazy<IReadOnlyList<ProgramStart>> Repository = new(ProgramStartScanner.ScanRepository);

    [Fact]
    public void EveryProgramTheCodeStartsIsPinned()
    {
        var unpinned = Repository.Value.Where(s => !ExternalPrograms.AllNames.Contains(s.Name)).ToList();

        Assert.True(unpinned.Count == 0,
            "the code starts programs that tests/VirtCluster.Tests/Setup/ExternalPrograms.cs does not list: "
            + string.Join(", ", unpinned)
            + ". Fix: add each with the Debian package that ships it (dpkg -S $(command -v NAME)), and add that package to scripts/packages.txt"
            + " (or images/hpc-node.yaml for a program run in the nodes) unless every Debian system has it.");
    }

    [Fact]
    public void TheScannerFindsTheKnownProgramStartsOfTheCode()
    {
        var names = Repository.Value.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        string[] known =
        [
            "qemu-img", "mkfs.ext4", "mmdebstrap", "systemctl", "ip", "sh", "ssh-keygen", "sshd", "virsh", "virt-xml-validate",
            "virt-host-validate", "lsmod", "ibv_devinfo", "mstflint", "cat", "ls", "grep", "mpirun", "NPopenmpi", "hpcc", "id",
            "uname", "mkdir", "rm", "test", "hostname", "mount", "umount", "kill", "pgrep", "setpriv", "stat", "readlink",
            "false", "sleep", "true", "echo", "printf", "seq", "dotnet", "mpicc", "/usr/local/bin/vc-pingpong",
            "/usr/local/bin/vc-jacobi",
            // Every deliberately missing name is still used, or its entry is stale.
            .. ExternalPrograms.DeliberatelyMissing,
        ];

        var missed = known.Where(k => !names.Contains(k)).ToList();
        Assert.True(missed.Count == 0, "the scanner no longer finds " + string.Join(", ", missed) + ": a pattern of ProgramStartScanner stopped matching the code");
        Assert.Contains(Repository.Value, s => s is { Name: "qemu-img", File: "src/VirtCluster/Images/ImageBuilder.cs" });
        Assert.Contains(Repository.Value, s => s is { Name: "NPopenmpi", File: "suites/debian.yaml", Line: 14 });
        Assert.Contains(Repository.Value, s => s is { Name: "mpicc", File: "images/hpc-node.yaml" });
    }

    [Fact]
    public void EachKindOfProgramStartIsFoundWithItsLine()
    {
        const string Code = """
            var a = new ProcessStartInfo("alpha") { RedirectStandardOutput = true };
            using var b = Process.Start("beta")!;
            await HostCommand.RunCheckedAsync(
                "gamma", ["-q"], null, ct);
            ProgramRun.Run("delta", "x");
            var e = await target.RunAsync(["epsilon", "-u"], null, timeout, ct);
            var f = InNamespace("zeta", "-c", script);
            string Mpirun = "eta";
            private const string ThetaPath = "/usr/sbin/theta";
            var i = ShellQuote.Join(["iota", "-TERM"]);
            private static readonly string[] Kappa = ["kappa", "-r"];
            await OutputAsync(Kappa, ct);
            """;

        var starts = ProgramStartScanner.ScanText(Code, "example.cs");

        Assert.Equal(
            ["alpha:1", "beta:2", "gamma:4", "delta:5", "epsilon:6", "zeta:7", "eta:8", "theta:9", "iota:10", "kappa:11"],
            starts.Select(s => $"{s.Name}:{s.Line}"));
    }

    [Fact]
    public void SuiteBinariesAreFoundByTheirDefaultPathAndLiteralCommands()
    {
        const string Suite = """
            binaries:
              app: { config: "virtcluster:appPath", default: /usr/bin/lambda, description: app }
              tool:
                default: /opt/tools/mu
            benchmarks:
              one:
                command: ["{binary:app}", "-n", "4"]
              two:
                command: ["nu", "--flag"]
            """;

        Assert.Equal(["lambda", "/opt/tools/mu", "nu"], ProgramStartScanner.ScanText(Suite, "suite.yaml").Select(s => s.Name));
    }

    [Fact]
    public void ImageBuildStepsAreFoundByTheProgramOfTheirList()
    {
        const string Spec = """
            build:
              - name: one
                run: [xi, -o, out]
              - { name: two, run: ["omicron", "-q"] }
              - name: three
                run: pi --shell-line
            """;

        Assert.Equal(["xi:3", "omicron:4"], ProgramStartScanner.ScanText(Spec, "image.yaml").Select(s => $"{s.Name}:{s.Line}"));
    }

    [Fact]
    public void CallsThatStartNoProgramAreNotTakenForStarts()
    {
        // The engine's CLI verbs, a helper in a file that starts no process, and MPI commands only built, never run.
        const string Code = """
            var (code, output, _) = await cli.RunAsync("up", "--yes", "--stack", "dev");
            var record = Run("sp-mz/np4", 4);
            var args = MpiCommandBuilder.Build(new MpiLaunch(["./sp-mz.C.x"], 16, 2, Placement.None, "hosts"));
            Assert.Equal(["/bin/app", "-n"], command);
            """;
        const string Helper = """
            var (status, stdout) = Run("omicron", "-x");
            var start = new ProcessStartInfo(program);
            """;

        Assert.Empty(ProgramStartScanner.ScanText(Code, "example.cs"));
        Assert.Equal(["omicron"], ProgramStartScanner.ScanText(Helper, "helper.cs").Select(s => s.Name));
    }

    [Fact]
    public void ThePinnedListsNameEachProgramOnce()
    {
        Assert.All((ExternalProgram[][])[ExternalPrograms.OnThisMachine, ExternalPrograms.OptionalOnThisMachine, ExternalPrograms.OnNodes],
            list => Assert.Equal(list.Select(p => p.Name).Distinct(), list.Select(p => p.Name)));
        Assert.Empty(ExternalPrograms.OptionalOnThisMachine.Select(p => p.Name).Intersect(ExternalPrograms.OnThisMachine.Select(p => p.Name)));
        Assert.Equal(63, ExternalPrograms.OnThisMachine.Length);
        Assert.Equal(25, ExternalPrograms.OnNodes.Length);
    }
}
