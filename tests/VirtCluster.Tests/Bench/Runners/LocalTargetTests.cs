using System.Runtime.Versioning;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Runners;

namespace VirtCluster.Tests.Bench.Runners;

[SupportedOSPlatform("linux")]
public sealed class LocalTargetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtcluster-local-").FullName;
    private readonly LocalTarget _target = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ArgumentsReachTheProgramAsValuesWithoutAShell()
    {
        var result = await _target.RunAsync(["printf", "%s|", "a b", "$HOME", "x; echo no"], null, TimeSpan.FromSeconds(20), default);

        Assert.Equal("a b|$HOME|x; echo no|", result.Stdout);
        Assert.True(result.Succeeded);
        Assert.Equal("localhost", result.Host);
        Assert.Equal("printf '%s|' 'a b' '$HOME' 'x; echo no'", result.Command);
    }

    [Fact]
    public async Task ProgramRunsInTheGivenWorkingDirectoryAndKeepsStderrApart()
    {
        var result = await _target.RunAsync(["sh", "-c", "pwd; echo oops >&2; exit 4"], _directory, TimeSpan.FromSeconds(20), default);

        Assert.Equal(_directory + "\n", result.Stdout);
        Assert.Equal("oops\n", result.Stderr);
        Assert.Equal(4, result.ExitStatus);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task TimeoutKillsTheProgramAndItsChildren()
    {
        var pidFile = Path.Combine(_directory, "child.pid");
        var running = _target.RunAsync(
            ["sh", "-c", "sleep 60 & echo $! > \"$1\"; wait", "sh", pidFile], null, TimeSpan.FromSeconds(3), default);
        var child = await PidWrittenToAsync(pidFile);
        Assert.True(IsRunning(child), $"child {child} was not seen running before the timeout");
        var result = await running;

        Assert.True(result.TimedOut);
        Assert.Equal("KILL", result.Signal);
        Assert.Null(result.ExitStatus);
        Assert.False(IsRunning(child), $"child {child} outlived the timeout");
    }

    [Fact]
    public async Task MissingProgramIsExitStatus127NamingIt()
    {
        var result = await _target.RunAsync(["/nonexistent/program"], null, TimeSpan.FromSeconds(20), default);

        Assert.Equal(127, result.ExitStatus);
        Assert.StartsWith("/nonexistent/program: cannot run", result.Stderr);
    }

    [Fact]
    public async Task UploadWritesTheContentWithTheModeAndDownloadReadsItBack()
    {
        var path = Path.Combine(_directory, "input.txt");
        await _target.UploadAsync(path, "hello\n"u8.ToArray(), UnixFileMode.UserRead | UnixFileMode.UserWrite, default);

        Assert.Equal("hello\n"u8.ToArray(), await _target.DownloadAsync(path, default));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Null(await _target.DownloadAsync(Path.Combine(_directory, "absent"), default));
    }

    [Fact]
    public void ThisMachineIsOneBareMetalNode()
    {
        Assert.Equal(EnvironmentKind.BareMetal, _target.Kind);
        Assert.Equal(["localhost"], _target.Nodes);
        Assert.Equal("vader,self", _target.Btl);
        Assert.Equal("bmm", _target.Declared.Name);
    }

    /// <summary>The pid a program writes to <paramref name="file"/> as one line, once the line is complete.</summary>
    private static async Task<int> PidWrittenToAsync(string file)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (File.Exists(file) && File.ReadAllText(file) is { Length: > 0 } text && text.EndsWith('\n'))
            {
                return int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no pid in {file} after 10 s");
    }

    /// <summary>A killed process whose parent has not reaped it yet is a zombie (state Z): it no longer runs.</summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        var text = File.ReadAllText(stat);
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        return state is not ("Z" or "X");
    }
}
