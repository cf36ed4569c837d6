using VirtCluster.Testing;

namespace VirtCluster.Tests.Setup;

/// <summary>
/// scripts/test's closing line, "N passed, N failed, N skipped", counts what really ran: scripts/count-tests reads
/// dotnet test's output (the samples below follow real runs of VSTest 18 with xunit 2.9) and fails the run when a test
/// project reported nothing, when no test ran, or when dotnet test failed without a failed test; it names a filter.
/// </summary>
public sealed class TestCountTests : IDisposable
{
    private const string Header = """
        Test run for /src/virtcluster/tests/VirtCluster.Engine.Tests/bin/Release/net10.0/VirtCluster.Engine.Tests.dll (.NETCoreApp,Version=v10.0)
        A total of 1 test files matched the specified pattern.
        Test run for /src/virtcluster/tests/VirtCluster.Libvirt.Tests/bin/Release/net10.0/VirtCluster.Libvirt.Tests.dll (.NETCoreApp,Version=v10.0)
        A total of 1 test files matched the specified pattern.
        Test run for /src/virtcluster/tests/VirtCluster.Tests/bin/Release/net10.0/VirtCluster.Tests.dll (.NETCoreApp,Version=v10.0)
        A total of 1 test files matched the specified pattern.

        """;

    private const string EngineSummary = "Passed!  - Failed:     0, Passed:   412, Skipped:     0, Total:   412, Duration: 21 s - VirtCluster.Engine.Tests.dll (net10.0)";
    private const string LibvirtSummary = "Passed!  - Failed:     0, Passed:   162, Skipped:     0, Total:   162, Duration: 4 s - VirtCluster.Libvirt.Tests.dll (net10.0)";
    private const string DomainSummary = "Passed!  - Failed:     0, Passed:   590, Skipped:     2, Total:   592, Duration: 9 m 3 s - VirtCluster.Tests.dll (net10.0)";

    private readonly string _log = Path.GetTempFileName();

    public void Dispose() => File.Delete(_log);

    [Fact]
    public void AWholeRunAddsUpEveryProjectsSummaryIncludingSkippedTests()
    {
        var (status, lines) = Count(Header + string.Join('\n', EngineSummary, LibvirtSummary, DomainSummary), 3, 0);

        Assert.Equal(["1164 passed, 0 failed, 2 skipped"], lines);
        Assert.Equal(0, status);
    }

    [Fact]
    public void AProjectWhoseTestsAreAllSkippedPrintsSkippedAndIsCounted()
    {
        const string AllSkipped = "Skipped! - Failed:     0, Passed:     0, Skipped:     4, Total:     4, Duration: 27 ms - VirtCluster.Libvirt.Tests.dll (net10.0)";

        var (status, lines) = Count(Header + string.Join('\n', EngineSummary, AllSkipped, DomainSummary), 3, 0);

        Assert.Equal(["1002 passed, 0 failed, 6 skipped"], lines);
        Assert.Equal(0, status);
    }

    [Fact]
    public void ATestHostThatCrashedLeavesItsProjectWithoutASummaryAndCountsAsFailed()
    {
        const string Crash = """
            The active test run was aborted. Reason: Test host process crashed : Process terminated.
            boom
               at System.Environment.FailFast(System.String)
               at VirtCluster.Tests.LabHost.LabEnvironmentTests.Crashes()

            Test Run Aborted.
            """;

        var (status, lines) = Count(Header + string.Join('\n', EngineSummary, LibvirtSummary, Crash), 3, 1);

        Assert.Equal(
            [
                "scripts/test: only 2 of 3 test projects reported a result (a test host crashed, or a project did not run); each missing one counted as failed",
                "574 passed, 1 failed, 0 skipped",
            ],
            lines);
        Assert.Equal(1, status);
    }

    [Fact]
    public void ARunWhoseOnlyProjectCrashedIsOneFailureNotAlsoARunOfZeroTests()
    {
        var (status, lines) = Count(Header + "Test Run Aborted.", 1, 1);

        Assert.Equal(
            [
                "scripts/test: only 0 of 1 test projects reported a result (a test host crashed, or a project did not run); each missing one counted as failed",
                "0 passed, 1 failed, 0 skipped",
            ],
            lines);
        Assert.Equal(1, status);
    }

    [Fact]
    public void AMissingSummaryFailsTheRunEvenWhenDotnetTestExitedZero()
    {
        var (status, lines) = Count(Header + EngineSummary, 3, 0);

        Assert.Equal(
            [
                "scripts/test: only 1 of 3 test projects reported a result (a test host crashed, or a project did not run); each missing one counted as failed",
                "412 passed, 2 failed, 0 skipped",
            ],
            lines);
        Assert.Equal(1, status);
    }

    [Fact]
    public void AFilterThatMatchesNoTestIsARunOfZeroTestsAndFails()
    {
        var (status, lines) = Count(Header + NoMatch("FullyQualifiedName~Nothing", "VirtCluster.Engine.Tests", "VirtCluster.Libvirt.Tests", "VirtCluster.Tests"), 3, 0,
            "--filter", "FullyQualifiedName~Nothing");

        Assert.Equal(
            [
                "scripts/test: no test ran; counted as failed",
                "scripts/test: filtered run: --filter FullyQualifiedName~Nothing",
                "0 passed, 1 failed, 0 skipped",
            ],
            lines);
        Assert.Equal(1, status);
    }

    [Fact]
    public void AFilteredRunSaysSoBeforeTheClosingLineAndCountsProjectsWithoutAMatchAsReported()
    {
        const string Hardening = "Passed!  - Failed:     0, Passed:    10, Skipped:     0, Total:    10, Duration: 332 ms - VirtCluster.Tests.dll (net10.0)";

        var (status, lines) = Count(Header + NoMatch("FullyQualifiedName~Hardening", "VirtCluster.Engine.Tests", "VirtCluster.Libvirt.Tests") + Hardening, 3, 0,
            "--filter", "FullyQualifiedName~Hardening");

        Assert.Equal(["scripts/test: filtered run: --filter FullyQualifiedName~Hardening", "10 passed, 0 failed, 0 skipped"], lines);
        Assert.Equal(0, status);
    }

    [Fact]
    public void FailedTestsAreCountedAndFailTheRun()
    {
        const string Failed = "Failed!  - Failed:     2, Passed:   588, Skipped:     2, Total:   592, Duration: 9 m 3 s - VirtCluster.Tests.dll (net10.0)";

        var (status, lines) = Count(Header + string.Join('\n', EngineSummary, LibvirtSummary, Failed), 3, 1);

        Assert.Equal(["1162 passed, 2 failed, 2 skipped"], lines);
        Assert.Equal(1, status);
    }

    [Fact]
    public void ANonZeroExitWithoutAFailedTestCountsAsOneFailure()
    {
        var (status, lines) = Count(Header + string.Join('\n', EngineSummary, LibvirtSummary, DomainSummary), 3, 1);

        Assert.Equal(["scripts/test: dotnet test exited with status 1 without a failed test; counted as failed", "1164 passed, 1 failed, 2 skipped"], lines);
        Assert.Equal(1, status);
    }

    [Fact]
    public void MoreResultsThanTestProjectsFailTheRunSinceACrashCouldHideBehindThem()
    {
        var (status, lines) = Count(Header + string.Join('\n', EngineSummary, LibvirtSummary, DomainSummary, EngineSummary), 3, 0);

        Assert.Equal(
            [
                "scripts/test: 4 results for 3 test projects (tests/*/*.csproj): a test project outside tests/, or one reported twice; counted as failed",
                "1576 passed, 1 failed, 2 skipped",
            ],
            lines);
        Assert.Equal(1, status);
    }

    [Fact]
    public void ColouredSummariesAreCountedLikePlainOnes()
    {
        var coloured = string.Join('\n', EngineSummary, LibvirtSummary, "\u001b[32;1mPassed!\u001b[0m" + DomainSummary["Passed!".Length..]);

        var (status, lines) = Count(Header + coloured, 3, 0);

        Assert.Equal(["1164 passed, 0 failed, 2 skipped"], lines);
        Assert.Equal(0, status);
    }

    [Fact]
    public void WithoutALogAndCountsItIsAUsageError()
    {
        var (status, stdout, stderr) = DebianPackages.Run("bash", [Script("count-tests"), _log]);

        Assert.Equal(2, status);
        Assert.Equal("", stdout);
        Assert.StartsWith("usage: scripts/count-tests LOG PROJECTS STATUS [ARGUMENT...]", stderr);
    }

    [Fact]
    public void ScriptsTestCountsWithCountTestsForEveryTestProjectAndPassesItsArguments()
    {
        var script = File.ReadAllText(Script("test"));

        Assert.Contains("dotnet test VirtCluster.sln -c Release --no-build -nologo \"$@\" 2>&1 | tee \"$log\"", script);
        Assert.Contains("projects=(tests/*/*.csproj)", script);
        Assert.Contains("bash scripts/count-tests \"$log\" \"${#projects[@]}\" \"$status\" \"$@\"", script);
    }

    [Fact]
    public void EveryTestProjectIsInTheSolutionSoThatDotnetTestRunsIt()
    {
        var solution = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "VirtCluster.sln"));
        var projects = Directory.GetDirectories(Path.Combine(TestPaths.RepoRoot, "tests"))
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .Select(file => Path.GetRelativePath(TestPaths.RepoRoot, file).Replace('/', '\\'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [@"tests\VirtCluster.Engine.Tests\VirtCluster.Engine.Tests.csproj", @"tests\VirtCluster.Libvirt.Tests\VirtCluster.Libvirt.Tests.csproj", @"tests\VirtCluster.Tests\VirtCluster.Tests.csproj"],
            projects);
        Assert.All(projects, project => Assert.Contains($"\"{project}\"", solution));
    }

    [Fact]
    public void TheCountedProjectsAreTestProjectsAndTestSupportLibrariesAreNotAmongThem()
    {
        var counted = Directory.GetDirectories(Path.Combine(TestPaths.RepoRoot, "tests"))
            .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
            .ToList();
        var support = Path.Combine(TestPaths.RepoRoot, "tests", "Support", "VirtCluster.Engine.Testing", "VirtCluster.Engine.Testing.csproj");

        Assert.Equal(3, counted.Count);
        Assert.All(counted, project => Assert.Contains("\"Microsoft.NET.Test.Sdk\"", File.ReadAllText(project)));
        Assert.True(File.Exists(support), "the engine's test doubles are a library under tests/Support");
        Assert.DoesNotContain("Microsoft.NET.Test.Sdk", File.ReadAllText(support));
        Assert.DoesNotContain(support, counted);
    }

    private static string NoMatch(string filter, params string[] projects) =>
        string.Concat(projects.Select(p =>
            $"No test matches the given testcase filter `{filter}` in /src/virtcluster/tests/{p}/bin/Release/net10.0/{p}.dll\n\n"));

    private static string Script(string name) => Path.Combine(TestPaths.RepoRoot, "scripts", name);

    private (int Status, string[] Lines) Count(string log, int projects, int status, params string[] arguments)
    {
        File.WriteAllText(_log, log.Replace("\r", "", StringComparison.Ordinal) + "\n");
        var (exit, stdout, stderr) = DebianPackages.Run("bash", [Script("count-tests"), _log, projects.ToString(), status.ToString(), .. arguments]);
        Assert.Equal("", stderr);
        return (exit, stdout.TrimEnd('\n').Split('\n'));
    }
}
