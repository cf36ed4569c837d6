using System.Collections.Concurrent;
using System.Diagnostics;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Support;

/// <summary>
/// One of the project's MPI programs (images/src: vc-pingpong, vc-jacobi) compiled with this machine's mpicc into a
/// throwaway folder, the way scripts/setup and the node image's build steps compile it, and run with this machine's
/// mpirun. One build per source serves the whole test run; its folder is removed when the test process ends.
/// </summary>
internal sealed class MpiSourceBuild
{
    private static readonly ConcurrentDictionary<string, Lazy<MpiSourceBuild>> Builds = new(StringComparer.Ordinal);

    private readonly string _folder = Directory.CreateTempSubdirectory("vc-mpi-build-").FullName;

    private MpiSourceBuild(string source)
    {
        var sourceFolder = Path.Combine(TestPaths.RepoRoot, Path.GetDirectoryName(source)!);
        Binary = Path.Combine(_folder, Path.GetFileNameWithoutExtension(source));
        var (exitCode, _, errors) = Run("mpicc", sourceFolder, "-O2", "-o", Binary, Path.GetFileName(source));
        if (exitCode != 0)
        {
            Directory.Delete(_folder, recursive: true);
            throw new InvalidOperationException($"mpicc could not compile {source} ({exitCode}): {errors}; run scripts/setup (libopenmpi-dev, gcc)");
        }
    }

    /// <summary>vc-pingpong, the small IMB-compatible ping-pong.</summary>
    public static MpiSourceBuild PingPong => Of("images/src/mpi-pingpong/pingpong.c");

    /// <summary>vc-jacobi, the small Jacobi heat relaxation.</summary>
    public static MpiSourceBuild Jacobi => Of("images/src/mpi-jacobi/jacobi.c");

    /// <summary>The compiled program.</summary>
    public string Binary { get; }

    /// <summary>The test run's build of <paramref name="source"/> (relative to the checkout), compiled on first use.</summary>
    public static MpiSourceBuild Of(string source) => Builds.GetOrAdd(source, s => new Lazy<MpiSourceBuild>(() =>
    {
        var build = new MpiSourceBuild(s);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(build._folder, recursive: true);
        return build;
    })).Value;

    /// <summary>Runs it as <c>mpirun -np PROCESSES PROGRAM ARGUMENTS</c> on this machine.</summary>
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
