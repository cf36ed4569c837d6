namespace VirtCluster.Images;

/// <summary>
/// A validated image recipe: everything that decides the bytes of a node image, so that its canonical
/// form (plus the contents of the files it adds) can name the image in the cache.
/// </summary>
/// <param name="Name">Short name used in progress lines and the manifest.</param>
/// <param name="Suite">Debian suite handed to mmdebstrap, e.g. <c>bookworm</c>.</param>
/// <param name="Variant">mmdebstrap variant; <c>minbase</c> keeps the image small and the boot short.</param>
/// <param name="SizeBytes">Size of the ext4 root file system (the qcow2's virtual size).</param>
/// <param name="Packages">Packages installed on top of the variant.</param>
/// <param name="Files">Files copied into the root file system after the packages and build steps.</param>
/// <param name="Sources">Files and folders copied into the root file system after the packages, for the build steps.</param>
/// <param name="Build">Commands run inside the root file system, in order, after the packages and sources.</param>
/// <param name="Enable">systemd units enabled in the image.</param>
/// <param name="Mask">systemd units masked because they only cost boot time in a cluster node.</param>
/// <param name="KernelArgs">Kernel arguments the image needs for direct kernel boot (root device, console).</param>
/// <param name="InitrdModules">
/// Kernel modules the initrd needs to mount the root file system (e.g. the virtio disk and ext4). When
/// listed, the initrd carries only these; when empty, Debian's default set for any hardware (MODULES=most).
/// </param>
/// <param name="SpecFile">Absolute path of the YAML file, for messages only (not part of the cache key).</param>
public sealed record ImageSpec(
    string Name,
    string Suite,
    string Variant,
    long SizeBytes,
    IReadOnlyList<string> Packages,
    IReadOnlyList<ImageFile> Files,
    IReadOnlyList<ImageSource> Sources,
    IReadOnlyList<ImageBuildStep> Build,
    IReadOnlyList<string> Enable,
    IReadOnlyList<string> Mask,
    IReadOnlyList<string> KernelArgs,
    IReadOnlyList<string> InitrdModules,
    string SpecFile);
