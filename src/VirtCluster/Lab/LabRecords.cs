using VirtCluster.Bench.Results;

namespace VirtCluster.Lab;

/// <summary>A lab's inputs: its network namespace and where its libvirtd keeps state.</summary>
public sealed record LabInputs(string Namespace, string StateDirectory);

/// <summary>A lab's outputs: the URI of its libvirtd, which every libvirt resource in the lab connects to.</summary>
public sealed record LabOutputs(string Uri, string Namespace);

/// <summary>The node image's inputs.</summary>
/// <param name="Spec">The image spec (YAML) path.</param>
/// <param name="Key">The cache key of the spec's contents: another key is another image.</param>
/// <param name="Cache">The cache's folder: another folder is another image.</param>
public sealed record ImageInputs(string Spec, string Key, string Cache);

/// <summary>The built image's files: resources that take them as inputs wait for the build.</summary>
public sealed record ImageOutputs(string Key, string Directory, string Disk, string Kernel, string Initrd, string Digest, long SizeBytes);

/// <summary>Cluster access's inputs: the lab's namespace and the nodes with the host keys they printed at boot.</summary>
public sealed record ClusterAccessInputs(string Namespace, IReadOnlyList<LabNode> Nodes);

/// <summary>The nodes that were given the cluster key, by name.</summary>
public sealed record ClusterAccessOutputs(IReadOnlyList<string> Nodes);

/// <summary>A lab node as cluster access and the benchmark stage reach it.</summary>
public sealed record LabNode(string Name, string Address, string HostKey);

/// <summary>
/// The benchmark stage's inputs. Members the stage does not read are there for Diff: changing one runs it again.
/// <c>fingerprint</c> is the cluster's declared environment, the results file's own record. <c>binaries</c> are
/// programs on this machine to install on the nodes, <c>binaryPaths</c> programs already there, both by suite name.
/// </summary>
public sealed record BenchmarkStageInputs(
    string Uri,
    string Namespace,
    string Suite,
    string ResultsDirectory,
    string? SuiteDigest = null,
    IReadOnlyList<string>? Benchmarks = null,
    IReadOnlyList<string>? BareMetal = null,
    IReadOnlyDictionary<string, string>? Binaries = null,
    EnvironmentFingerprint? Fingerprint = null,
    IReadOnlyList<LabNode>? Nodes = null,
    IReadOnlyDictionary<string, string>? BinaryPaths = null);
