using VirtCluster.Engine.Config;

namespace VirtCluster.Config;

/// <summary>
/// The validated, immutable description of one stack's cluster, built from <c>Pulumi.STACK.yaml</c>.
/// Everything downstream (facts, preflight, planning, resources, benchmarks) reads this and never the YAML.
/// </summary>
public sealed record ClusterSpec(
    string Project,
    string Stack,
    string ProjectDirectory,
    IReadOnlyList<HostSpec> Hosts,
    LabSpec? Lab,
    NodeSizing Node,
    PinningPolicy Pinning,
    IoMode Io,
    HypervisorChoice Hypervisor,
    HcaSpec Hca,
    FirmwareVersion FirmwareMinimum,
    NetworkSpec Network,
    string ImageSpecPath,
    BenchSelection Bench)
{
    /// <summary>How many VMs each host carries: one per host on real clusters, <see cref="LabSpec.Nodes"/> in lab mode.</summary>
    public int NodesPerHost => Lab?.Nodes ?? 1;

    /// <summary>The user's private key for reaching lab nodes (<c>virtcluster:sshKey</c>, a secret; shown as [secret]); null to generate one.</summary>
    public ConfigSecret? SshPrivateKey { get; init; }

    /// <summary>
    /// Whether the hosts run guests: real hosts and this machine (the lab, or its simulated hosts) do; hosts served by
    /// libvirt's test driver (<c>simulate:</c>) only model a cluster, so nothing is built for them, booted or benchmarked.
    /// </summary>
    public bool RunsGuests => Lab is not null || Hosts.All(h => h.SimulatedHostXml is null);

    /// <summary>How long a node may take to boot and answer over SSH: <c>lab.bootTimeout</c>, or the default on real hosts.</summary>
    public TimeSpan BootTimeout => Lab?.BootTimeout ?? LabSpec.DefaultBootTimeout;

    /// <summary>The stack's state backend, where its keys, lab daemon and results live beside its state.</summary>
    public string Backend { get; init; } = Path.Combine(ProjectDirectory, ".virtcluster");
}

/// <summary>One physical host.</summary>
/// <param name="Name">Short name, used in resource names and messages (validated: [a-z0-9][a-z0-9-]*).</param>
/// <param name="Uri">libvirt URI: <c>qemu+ssh://host/system</c>, <c>test:///abs/host.xml</c>, or null in lab mode (the tool's private libvirtd).</param>
/// <param name="Ssh">How to reach the host's shell for facts libvirt cannot give (IOMMU, firmware); null when facts come from a recording.</param>
/// <param name="SimulatedHostXml">For the simulated cluster: host XML served by libvirt's test driver (absolute path).</param>
/// <param name="RecordedFacts">For the simulated cluster: folder of recorded outputs of the real probe commands (absolute path).</param>
/// <param name="ClusterAddress">The host's own address on the cluster network (<c>clusterAddress</c>), where the bare-metal runs reach it; null for its SSH address.</param>
public sealed record HostSpec(
    string Name,
    string? Uri,
    SshEndpoint? Ssh,
    string? SimulatedHostXml,
    string? RecordedFacts,
    string? ClusterAddress = null);

/// <summary>How the tool reaches a host's shell.</summary>
/// <param name="Address">Its host name or IP address.</param>
/// <param name="Port">Its SSH port.</param>
/// <param name="User">Whom to log in as.</param>
/// <param name="IdentityFile">The private key; null for the user's default (~/.ssh/id_ed25519, id_ecdsa, id_rsa).</param>
/// <param name="KnownHostsFile">Where the host's key is already known; null for ~/.ssh/known_hosts. The tool never trusts a host key on first contact.</param>
public sealed record SshEndpoint(string Address, int Port, string User, string? IdentityFile, string? KnownHostsFile = null);

/// <summary>Lab mode: this machine alone, its own libvirtd in a network namespace the tool creates.</summary>
/// <param name="Nodes">VMs on this machine (1..64), or per simulated host.</param>
/// <param name="Namespace">The network namespace the lab's libvirtd and guests live in.</param>
/// <param name="BootTimeout">How long a node may take to boot and answer over SSH before <c>up</c> gives up on it.</param>
public sealed record LabSpec(int Nodes, string Namespace, TimeSpan BootTimeout)
{
    /// <summary>Simulated hosts (<c>lab.hosts</c>) that the tool reaches as real ones; null for one libvirtd on this machine.</summary>
    public FleetSpec? Fleet { get; init; }

    /// <summary>Emulated (TCG) guests boot in about a minute on a loaded two-core machine; five leaves room.</summary>
    public static readonly TimeSpan DefaultBootTimeout = TimeSpan.FromMinutes(5);
}

/// <summary>Simulated hosts: how many, and the private network whose /30s link each to this machine.</summary>
public sealed record FleetSpec(int Hosts, string ManagementSubnet);

/// <summary>Guest sizing. Null vCPUs means all host cores; memory is explicit or host memory minus a reserve.</summary>
public sealed record NodeSizing(int? Vcpus, long? MemoryBytes, long MemoryReserveBytes, HugePages HugePages);

public enum HugePages { None, TwoMiB, OneGiB }

/// <summary>
/// <c>Strict</c>: 1:1 vcpupin plus emulatorpin (the paper's choice on Xen); <c>None</c>: left to the scheduler
/// (better on KVM in the paper); <c>Numa</c>: each vCPU pinned to the CPUs of its guest cell's host cell.
/// </summary>
public enum PinningPolicy { Strict, None, Numa }

/// <summary><c>Passthrough</c>: the host's HCA as a managed PCI hostdev (VT-d); <c>Virtio</c>: virtualised I/O baseline.</summary>
public enum IoMode { Passthrough, Virtio }

/// <summary><c>Auto</c> detects: kvm where vmx/svm exist, TCG (domain type qemu) where not.</summary>
public enum HypervisorChoice { Auto, Kvm, XenHvm, XenPv, Tcg }

/// <summary>The InfiniBand HCA to pass through: vendor and product ids (Mellanox 0x15b3, ConnectX QDR 0x673c).</summary>
public sealed record HcaSpec(int VendorId, int? ProductId);

/// <summary>The cluster's isolated network: no forwarding, fixed MAC->IP reservations from this subnet.</summary>
public sealed record NetworkSpec(string Name, string Subnet, string Bridge);

/// <summary>Which benchmark suite runs after <c>up</c>, and against which bare-metal hosts.</summary>
/// <param name="Enabled">False: the stage is not declared.</param>
/// <param name="SuitePath">Suite YAML (absolute path).</param>
/// <param name="Benchmarks">Names of the suite's benchmarks to run; empty means all.</param>
/// <param name="BareMetalHosts">A static host list to run the same suite on bare metal (e.g. <c>localhost</c>).</param>
/// <param name="Binaries">Programs on this machine by the suite's name for them (e.g. <c>sp-mz</c>), installed on every node.</param>
public sealed record BenchSelection(
    bool Enabled,
    string? SuitePath,
    IReadOnlyList<string> Benchmarks,
    IReadOnlyList<string> BareMetalHosts,
    IReadOnlyDictionary<string, string> Binaries)
{
    /// <summary>How MPI carries messages between the cluster's nodes (<c>bench.mpi</c>); null for Open MPI's TCP between VMs.</summary>
    public MpiTransport? Mpi { get; init; }
}

/// <summary>
/// Open MPI's transport for the cluster's runs: the byte transfer layers (e.g. <c>tcp,self</c> over virtio,
/// <c>openib,self,vader</c> over a passed-through HCA) and the point-to-point layer (e.g. <c>ucx</c>, <c>ob1</c>).
/// </summary>
public sealed record MpiTransport(string? Btl, string? Pml)
{
    /// <summary>As the results record it, e.g. <c>btl=tcp,self pml=ob1</c>.</summary>
    public override string ToString() => string.Join(' ', new[] { Btl is null ? null : "btl=" + Btl, Pml is null ? null : "pml=" + Pml }.OfType<string>());
}
