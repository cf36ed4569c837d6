namespace VirtCluster.Testing;

/// <summary>
/// Locates the repository and the shared benchmark fixtures from a test's output folder, so tests
/// read real program outputs in place instead of copies.
/// </summary>
internal static class TestPaths
{
    /// <summary>The folder holding VirtCluster.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Real benchmark outputs; VIRTCLUSTER_FIXTURES overrides the default ../shared/fixtures.</summary>
    public static string Fixtures =>
        Environment.GetEnvironmentVariable("VIRTCLUSTER_FIXTURES") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures"));

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VirtCluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VirtCluster.sln not found above " + AppContext.BaseDirectory);
    }
}
