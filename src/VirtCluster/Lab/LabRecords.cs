using VirtCluster.Bench.Results;

namespace VirtCluster.Lab;

/// <summary>A lab's inputs: its network namespace and where its libvirtd keeps state.</summary>
public sealed record LabInputs(string Namespace, string StateDirectory);

/// <summary>A lab's outputs: the URI of its libvirtd, which every libvirt resource in the lab connects to.</summary>
public sealed record LabOutputs(string Uri, string Namespace);

/// <summary>The fabric's inputs: its namespace, and where the stack's admin key is kept as a file for libvirt's SSH transport.</summary>
public sealed record FabricInputs(string Namespace, string KeyFile);

public sealed record FabricOutputs(string Namespace);

/// <summary>A simulated host's inputs: where it is and how it is linked.</summary>
public sealed record SimulatedHostInputs(LabHost.SimulatedHostLayout Layout);

/// <summary>A simulated host once it runs: where it answers and the host key its sshd presents (pinned from here on).</summary>
public sealed record SimulatedHostOutputs(string Name, string Address, string HostKey);

/// <summary>The node image's inputs.</summary>
/// <param name="Spec">The image spec (YAML) path.</param>
/// <param name="Key">The cache key of the spec's contents: another key is another image.</param>
/// <param name="Cache">The cache's folder: another folder is another image.</param>
public sealed record ImageInputs(string Spec, string Key, string Cache);

/// <summary>The built image's files: resources that take them as inputs wait for the build.</summary>
public sealed record ImageOutputs(string Key, string Directory, string Disk, string Kernel, string Initrd, string Digest, long SizeBytes);

/// <summary>Cluster access's inputs: the lab's namespace and the nodes with the host keys they printed at boot.</summary>
public sealed record ClusterAccessInputs(string? Namespace, IReadOnlyList<LabNode> Nodes);

/// <summary>The nodes that were given the cluster key, by name.</summary>
public sealed record ClusterAccessOutputs(IReadOnlyList<string> Nodes);

/// <summary>A node as cluster access and the benchmark stage reach it: through its host (<c>via</c>) or the lab's namespace.</summary>
public sealed record LabNode(string Name, string Address, string HostKey, HostHop? Via = null)
{
    public NodeRoute Route(string? labNamespace) => Via is null ? new NodeRoute(Namespace: labNamespace) : new NodeRoute(Via: Via);
}

/// <summary>
/// The benchmark stage's inputs. Members the stage does not read are there for Diff: changing one runs it again.
/// <c>fingerprint</c> is the cluster's declared environment, the results file's own record. <c>binaries</c> are
/// programs on this machine to install on the nodes, <c>binaryPaths</c> programs already there, both by suite name.
/// <c>hosts</c> names the stack's hosts that can run the bare-metal side (known before they exist, unlike
/// <c>bareMetalHosts</c>, which carries their keys).
/// </summary>
public sealed record BenchmarkStageInputs(
    string Uri,
    string? Namespace,
    string Suite,
    string ResultsDirectory,
    string? SuiteDigest = null,
    IReadOnlyList<string>? Benchmarks = null,
    IReadOnlyList<string>? BareMetal = null,
    IReadOnlyDictionary<string, string>? Binaries = null,
    EnvironmentFingerprint? Fingerprint = null,
    IReadOnlyList<LabNode>? Nodes = null,
    IReadOnlyDictionary<string, string>? BinaryPaths = null,
    IReadOnlyList<BareMetalHost>? BareMetalHosts = null,
    IReadOnlyList<string>? Hosts = null,
    string? Btl = null,
    string? Pml = null);

/// <summary>A host that runs the suite on bare metal: how the tool reaches it, and its address on the cluster network.</summary>
/// <param name="Hop">How the tool reaches it over SSH.</param>
/// <param name="ClusterAddress">Where the other hosts reach it for MPI.</param>
/// <param name="Subnet">The cluster network's subnet, to keep MPI traffic on it; null when the host's cluster address is outside it.</param>
/// <param name="Note">What the results say of the hosts' hypervisor: none, or that simulated hosts share one kernel.</param>
public sealed record BareMetalHost(HostHop Hop, string ClusterAddress, string? Subnet, string Note = BareMetalHost.RealHostsNote)
{
    /// <summary>Said in the results when the bare-metal side ran on real hosts.</summary>
    public const string RealHostsNote = "none: bare metal";
}
