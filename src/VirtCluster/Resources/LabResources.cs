using System.Collections.Immutable;
using VirtCluster.Bench.Stage;
using VirtCluster.Sdk;

namespace VirtCluster.Resources;

public sealed class NodeImageArgs : ResourceArgs
{
    /// <summary>The image spec (YAML).</summary>
    [Input("spec", required: true)]
    public Input<string> Spec { get; set; } = null!;

    /// <summary>The cache key of the spec's contents and the machine's apt sources: a new key is a new image.</summary>
    [Input("key", required: true)]
    public Input<string> Key { get; set; } = null!;

    /// <summary>The image cache folder.</summary>
    [Input("cache", required: true)]
    public Input<string> Cache { get; set; } = null!;
}

/// <summary>The node image in the local content-addressed cache: built on first use, reused after.</summary>
public sealed class NodeImage : CustomResource
{
    public NodeImage(string name, NodeImageArgs args, CustomResourceOptions? options = null)
        : base("virtcluster:image:Image", name, args, options)
    {
    }

    /// <summary>The qcow2 disk every host's base volume is filled from.</summary>
    [Output("disk")]
    public Output<string> Disk { get; private set; } = null!;

    [Output("kernel")]
    public Output<string> Kernel { get; private set; } = null!;

    [Output("initrd")]
    public Output<string> Initrd { get; private set; } = null!;

    [Output("digest")]
    public Output<string> Digest { get; private set; } = null!;

    [Output("sizeBytes")]
    public Output<long> SizeBytes { get; private set; } = null!;
}

public sealed class LabArgs : ResourceArgs
{
    /// <summary>The network namespace the lab's libvirtd and guests live in.</summary>
    [Input("namespace", required: true)]
    public Input<string> Namespace { get; set; } = null!;

    /// <summary>Where the lab's daemon keeps its state, logs, overlays and consoles.</summary>
    [Input("stateDirectory", required: true)]
    public Input<string> StateDirectory { get; set; } = null!;
}

/// <summary>This machine as a lab: a network namespace the tool creates, with its own libvirtd.</summary>
public sealed class Lab : CustomResource
{
    public Lab(string name, LabArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.Lab, name, args, options)
    {
    }

    [Output("uri")]
    public Output<string> Uri { get; private set; } = null!;
}

/// <summary>One node as cluster access and the benchmark stage reach it.</summary>
public sealed class ClusterNodeArgs : ResourceArgs
{
    [Input("name", required: true)]
    public Input<string> Name { get; set; } = null!;

    [Input("address", required: true)]
    public Input<string> Address { get; set; } = null!;

    /// <summary>The node's pinned SSH host key.</summary>
    [Input("hostKey", required: true)]
    public Input<string> HostKey { get; set; } = null!;

    /// <summary>The host the node is reached through; none in the single-machine lab.</summary>
    [Input("via")]
    public Input<global::VirtCluster.Lab.HostHop>? Via { get; set; }
}

public sealed class ClusterAccessArgs : ResourceArgs
{
    private InputList<ClusterNodeArgs>? _nodes;

    /// <summary>The single-machine lab's namespace; none when every node is reached through its host.</summary>
    [Input("namespace")]
    public Input<string>? Namespace { get; set; }

    [Input("nodes")]
    public InputList<ClusterNodeArgs> Nodes
    {
        get => _nodes ??= [];
        set => _nodes = value;
    }
}

/// <summary>Node-to-node SSH for mpirun: the cluster key and every node's pinned host key in every node.</summary>
public sealed class ClusterAccess : CustomResource
{
    public ClusterAccess(string name, ClusterAccessArgs args, CustomResourceOptions? options = null)
        : base("virtcluster:lab:ClusterAccess", name, args, options)
    {
    }
}

/// <summary>The benchmark suite's run on the cluster and on bare metal; its outputs are the results.</summary>
public sealed class BenchmarkRunArgs : ResourceArgs
{
    private InputList<ClusterNodeArgs>? _nodes;

    [Input("uri", required: true)]
    public Input<string> Uri { get; set; } = null!;

    /// <summary>The single-machine lab's namespace; none when every node is reached through its host.</summary>
    [Input("namespace")]
    public Input<string>? Namespace { get; set; }

    [Input("suite", required: true)]
    public Input<string> Suite { get; set; } = null!;

    /// <summary>The suite file's digest: a changed suite runs again.</summary>
    [Input("suiteDigest", required: true)]
    public Input<string> SuiteDigest { get; set; } = null!;

    [Input("benchmarks")]
    public InputList<string>? Benchmarks { get; set; }

    [Input("bareMetal")]
    public InputList<string>? BareMetal { get; set; }

    /// <summary>Open MPI's byte transfer layers between the nodes (e.g. tcp,self).</summary>
    [Input("btl")]
    public Input<string>? Btl { get; set; }

    /// <summary>Open MPI's point-to-point layer (e.g. ucx); none leaves Open MPI's choice.</summary>
    [Input("pml")]
    public Input<string>? Pml { get; set; }

    /// <summary>Programs on this machine, by suite binary name, that the stage installs on every node.</summary>
    [Input("binaries")]
    public InputMap<string>? Binaries { get; set; }

    /// <summary>Paths on the nodes of the suite's programs, by suite binary name, from the suite's config keys.</summary>
    [Input("binaryPaths")]
    public InputMap<string>? BinaryPaths { get; set; }

    /// <summary>The stack's hosts named in <c>bareMetal</c>, as the stage reaches them.</summary>
    [Input("hosts")]
    public InputList<string>? Hosts { get; set; }

    [Input("bareMetalHosts")]
    public InputList<global::VirtCluster.Lab.BareMetalHost>? BareMetalHosts { get; set; }

    [Input("resultsDirectory", required: true)]
    public Input<string> ResultsDirectory { get; set; } = null!;

    [Input("fingerprint", required: true)]
    public Input<Bench.Results.EnvironmentFingerprint> Fingerprint { get; set; } = null!;

    [Input("nodes")]
    public InputList<ClusterNodeArgs> Nodes
    {
        get => _nodes ??= [];
        set => _nodes = value;
    }
}

/// <summary>One run of the benchmark suite: created (or replaced) runs it, and its outputs are what it measured.</summary>
public sealed class BenchmarkRun : CustomResource
{
    public BenchmarkRun(string name, BenchmarkRunArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.BenchmarkStage, name, args, options)
    {
    }

    [Output("environments")]
    public Output<IReadOnlyDictionary<string, StageEnvironment>> Environments { get; private set; } = null!;

    [Output("ratios")]
    public Output<IReadOnlyDictionary<string, StageRatios>> Ratios { get; private set; } = null!;

    [Output("tables")]
    public Output<StageTables> Tables { get; private set; } = null!;

    [Output("runs")]
    public Output<StageRuns> Runs { get; private set; } = null!;

    [Output("failures")]
    public Output<ImmutableArray<StageFailure>> Failures { get; private set; } = null!;

    [Output("resultsFile")]
    public Output<string> ResultsFile { get; private set; } = null!;

    [Output("rawOutputs")]
    public Output<string> RawOutputs { get; private set; } = null!;
}

public sealed class FabricArgs : ResourceArgs
{
    /// <summary>The fabric's network namespace.</summary>
    [Input("namespace", required: true)]
    public Input<string> Namespace { get; set; } = null!;

    /// <summary>Where the stack's admin key is written for libvirt's SSH transport.</summary>
    [Input("keyFile", required: true)]
    public Input<string> KeyFile { get; set; } = null!;
}

/// <summary>The layer-2 segment joining the simulated hosts' cluster bridges, as a switch joins real hosts.</summary>
public sealed class Fabric : CustomResource
{
    public Fabric(string name, FabricArgs args, CustomResourceOptions? options = null)
        : base(ResourceTypes.Fabric, name, args, options)
    {
    }
}

public sealed class SimulatedHostArgs : ResourceArgs
{
    /// <summary>The host's namespace, state folder, links and addresses.</summary>
    [Input("layout", required: true)]
    public Input<LabHost.SimulatedHostLayout> Layout { get; set; } = null!;
}

/// <summary>A host simulated on this machine (namespace, sshd, libvirtd), which the tool then reaches as a real host.</summary>
public sealed class SimulatedHostResource : CustomResource
{
    public SimulatedHostResource(string name, LabHost.SimulatedHostLayout layout, CustomResourceOptions? options = null)
        : base(ResourceTypes.SimulatedHost, name, new SimulatedHostArgs { Layout = layout }, options)
    {
        Layout = layout;
    }

    /// <summary>Where the host is, as declared.</summary>
    public LabHost.SimulatedHostLayout Layout { get; }

    /// <summary>The host key its sshd presents, pinned by every connection to it.</summary>
    [Output("hostKey")]
    public Output<string> HostKey { get; private set; } = null!;

    [Output("address")]
    public Output<string> Address { get; private set; } = null!;
}
