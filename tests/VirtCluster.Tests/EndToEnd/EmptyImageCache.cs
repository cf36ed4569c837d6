namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// The image cache (<c>XDG_CACHE_HOME</c>) the end-to-end tests give the program: a folder made empty for this test
/// run, so every run builds the node image from nothing, as a new user's first <c>up</c> does. The real-VM tests of
/// one run share it (the first builds, the others reuse); it is removed when they are done, or else when the test
/// process ends.
/// </summary>
internal static class EmptyImageCache
{
    private static readonly Lazy<string> Shared = new(() =>
    {
        var folder = Create();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(folder);
        return folder;
    });

    /// <summary>The test run's cache: empty when the run's first real-VM test starts.</summary>
    public static string ForThisRun => Shared.Value;

    /// <summary>Removes the run's cache, if a test made it.</summary>
    public static void RemoveShared()
    {
        if (Shared.IsValueCreated)
        {
            Remove(Shared.Value);
        }
    }

    /// <summary>A new empty cache folder of its own; the caller removes it with <see cref="Remove"/>.</summary>
    public static string Create() => Directory.CreateTempSubdirectory("vc-e2e-cache-").FullName;

    public static void Remove(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
