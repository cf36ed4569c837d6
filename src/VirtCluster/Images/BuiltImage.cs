namespace VirtCluster.Images;

/// <summary>A complete image in the cache: the base disk for overlays and the kernel and initrd for direct boot.</summary>
/// <param name="Directory">The cache entry's folder.</param>
/// <param name="Manifest">What the entry holds.</param>
/// <param name="FromCache">True when nothing was built because the entry already existed.</param>
public sealed record BuiltImage(string Directory, ImageManifest Manifest, bool FromCache)
{
    public const string DiskFileName = "image.qcow2";
    public const string KernelFileName = "vmlinuz";
    public const string InitrdFileName = "initrd.img";

    /// <summary>qcow2 base image; never written to, nodes boot from overlays backed by it.</summary>
    public string DiskPath => Path.Combine(Directory, DiskFileName);

    public string KernelPath => Path.Combine(Directory, KernelFileName);

    public string InitrdPath => Path.Combine(Directory, InitrdFileName);
}
