using VirtCluster.Domains;
using VirtCluster.Engine.Model;

namespace VirtCluster.Cluster;

/// <summary>
/// What lab mode adds to the declaration: the private libvirtd's URI and the resource that starts it, the pool
/// path under the lab's state directory, the built image, and per-node boot identity on the kernel command line.
/// </summary>
public sealed record LabBinding(
    string Uri,
    ResourceRef? Resource,
    string PoolPath,
    string LogDirectory,
    LabImage? Image,
    Func<string, string, ClusterLayout, KernelBoot>? Boot)
{
    /// <summary>The image resource the base volume waits for.</summary>
    public ResourceRef? ImageResource { get; init; }

    public KernelBoot? KernelBoot(string node, string address, ClusterLayout layout) => Boot?.Invoke(node, address, layout);

    public string SerialLogPath(string node) => Path.Combine(LogDirectory, node + "-console.log");
}

/// <summary>
/// The node image in the local cache as the program knows it before the build: its key (which names the base volume),
/// where its kernel and initrd will be, and its size. The disk to upload comes from the image resource's outputs.
/// </summary>
public sealed record LabImage(string Digest, string Kernel, string Initrd, long CapacityBytes);
