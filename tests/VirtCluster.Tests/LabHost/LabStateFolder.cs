namespace VirtCluster.Tests.LabHost;

/// <summary>
/// One short state folder per test class (libvirt's socket path must stay under 108 characters), so the
/// QEMU capabilities cache is probed once per class; deleted with the cache at the end.
/// </summary>
public sealed class LabStateFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vclab-").FullName;

    public static string NewNamespaceName() => "vct-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
