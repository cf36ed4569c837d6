using System.Diagnostics;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Support;

/// <summary>
/// vc-pingpong (images/src/mpi-pingpong/pingpong.c) compiled with this machine's mpicc into a throwaway folder, the
/// way scripts/setup and the node image's build step compile it, and run with this machine's mpirun. One build serves
/// the whole test run; its folder is removed when the test process ends.
/// </summary>
internal sealed class VcPingPong
{
    private static readonly Lazy<VcPingPong> Build = new(() =>
    {
        var pingpong = new VcPingPong();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(pingpong._folder, recursive: true);
        return pingpong;
    });

    /// <summary>The folder holding the source, relative to which it is compiled.</summary>
    public static readonly string SourceFolder = Path.Combine(TestPaths.RepoRoot, "images", "src", "mpi-pingpong");

    private readonly string _folder = Directory.CreateTempSubdirectory("vc-pingpong-").FullName;

    private VcPingPong()
    {
        Binary = Path.Combine(_folder, "vc-pingpong");
        var (exitCode, _, errors) = Run("mpicc", SourceFolder, "-O2", "-o", Binary, "pingpong.c");
        if (exitCode != 0)
        {
            Directory.Delete(_folder, recursive: true);
            throw new InvalidOperationException($"mpicc could not compile {SourceFolder}/pingpong.c ({exitCode}): {errors}; run scripts/setup (libopenmpi-dev, gcc)");
        }
    }

    /// <summary>The test run's build, compiled on first use.</summary>
    public static VcPingPong Compiled => Build.Value;

    /// <summary>The compiled program.</summary>
    public string Binary { get; }

    /// <summary>Runs it as <c>mpirun -np PROCESSES vc-pingpong ARGUMENTS</c> on this machine.</summary>
    public (int ExitCode, string Stdout, string Stderr) Start(int processes, params string[] arguments) =>
        Run("mpirun", _folder, ["--allow-run-as-root", "--oversubscribe", "-np", processes.ToString(System.Globalization.CultureInfo.InvariantCulture), Binary, .. arguments]);

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }
}
