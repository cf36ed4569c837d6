using VirtCluster.LabHost;
using System.Runtime.CompilerServices;
using VirtCluster.Engine.Config;

namespace VirtCluster.Config;

/// <summary>
/// Turns a loaded stack config into the validated <see cref="ClusterSpec"/>. Every nested value is checked here, with
/// errors pointing at the value in the stack file and its key path (<c>virtcluster:hosts[3].uri</c>), so that nothing
/// downstream ever meets a value it has to second-guess.
/// </summary>
public static class ClusterSpecLoader
{
    private static readonly long MemoryMinimum = 128 * ByteSize.MiB;
    private static readonly long MemoryMaximum = 64 * ByteSize.TiB;

    private static readonly Dictionary<string, HugePages> HugePageChoices = new(StringComparer.Ordinal)
    {
        ["none"] = HugePages.None,
        ["2M"] = HugePages.TwoMiB,
        ["1G"] = HugePages.OneGiB,
    };

    private static readonly Dictionary<string, PinningPolicy> PinningChoices = new(StringComparer.Ordinal)
    {
        ["strict"] = PinningPolicy.Strict,
        ["none"] = PinningPolicy.None,
        ["numa"] = PinningPolicy.Numa,
    };

    private static readonly Dictionary<string, IoMode> IoChoices = new(StringComparer.Ordinal)
    {
        ["passthrough"] = IoMode.Passthrough,
        ["virtio"] = IoMode.Virtio,
    };

    private static readonly Dictionary<string, HypervisorChoice> HypervisorChoices = new(StringComparer.Ordinal)
    {
        ["auto"] = HypervisorChoice.Auto,
        ["kvm"] = HypervisorChoice.Kvm,
        ["xen-hvm"] = HypervisorChoice.XenHvm,
        ["xen-pv"] = HypervisorChoice.XenPv,
        ["tcg"] = HypervisorChoice.Tcg,
    };

    private static readonly string[] HcaKeys = ["vendor", "product"];

    /// <summary>The spec of each loaded config, for as long as the config lives.</summary>
    private static readonly ConditionalWeakTable<StackConfig, ClusterSpec> Parsed = new();

    private static readonly Lock Gate = new();

    /// <summary>
    /// The spec of <paramref name="config"/>, parsed once per loaded config: the program (through
    /// <see cref="ClusterSettings"/>) and the provider package both ask for it in one run, and must see one spec,
    /// not two parses that could disagree (a key file read twice) and cost twice. The backend is the one setting
    /// that may change after loading (<c>--backend</c>), so a spec read under another backend is parsed again.
    /// </summary>
    public static ClusterSpec FromConfig(StackConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (Gate)
        {
            if (Parsed.TryGetValue(config, out var known) && known.Backend == config.Backend)
            {
                return known;
            }

            var spec = Parse(config);
            Parsed.AddOrUpdate(config, spec);
            return spec;
        }
    }

    private static ClusterSpec Parse(StackConfig config)
    {
        var (hosts, lab) = HostSpecReader.Read(config);
        var network = NetworkSpecReader.Read(config.Get(ConfigKeys.Network));
        if (lab?.Fleet is not null)
        {
            hosts = new FleetLayout(config.Stack, lab, network, config.Backend).HostSpecs;
        }

        var io = Choice(config, ConfigKeys.Io, IoChoices, IoMode.Passthrough);
        var bench = BenchSelectionReader.Read(config.Get(ConfigKeys.Bench), config.ProjectDirectory);
        if (io == IoMode.Passthrough && bench.Enabled && bench.BareMetalHosts.FirstOrDefault(b => hosts.Any(h => h.Name == b)) is { } taken)
        {
            // A managed hostdev takes the HCA from its host while the VM runs: the host would measure its Ethernet instead.
            var node = ((ConfigMapping)config.Get(ConfigKeys.Bench)!)["bareMetal"]!;
            throw new ConfigException(node.Location, $"{ConfigKeys.Bench}.bareMetal",
                $"'{taken}' passes its HCA to its VM (io: passthrough), so bare-metal runs there would need the VMs stopped, which the stage does not do; "
                + "measure bare metal from a stack with io: virtio on the same hosts, or remove it");
        }

        return new ClusterSpec(
            config.Project,
            config.Stack,
            config.ProjectDirectory,
            hosts,
            lab,
            Sizing(config),
            Choice(config, ConfigKeys.Pinning, PinningChoices, PinningPolicy.Strict),
            io,
            Choice(config, ConfigKeys.Hypervisor, HypervisorChoices, HypervisorChoice.Auto),
            Hca(config.Get(ConfigKeys.Hca)),
            Firmware(config.Get(ConfigKeys.FirmwareMinimum)),
            network,
            ConfigValues.Path(Required(config, ConfigKeys.Image), ConfigKeys.Image, config.ProjectDirectory),
            bench)
        {
            SshPrivateKey = SshKey(config.Get(ConfigKeys.SshKey)),
            Backend = config.Backend,
        };
    }

    /// <summary>The stack file keeps it encrypted (the loader refuses it in plain text); here only its shape is checked.</summary>
    private static ConfigSecret? SshKey(ConfigNode? node) => node switch
    {
        null => null,
        ConfigSecret key when key.PlainText.Contains("-----BEGIN OPENSSH PRIVATE KEY-----", StringComparison.Ordinal) => key,
        _ => throw new ConfigException(node.Location, ConfigKeys.SshKey,
            "not an OpenSSH private key; set one with: virtcluster config set virtcluster:sshKey \"$(cat KEYFILE)\" --secret"),
    };

    private static NodeSizing Sizing(StackConfig config)
    {
        int? vcpus = null;
        if (config.Get(ConfigKeys.Vcpus) is { } vcpuNode)
        {
            vcpus = vcpuNode is ConfigScalar s && ScalarKinds.IsInteger(s, out var n) && n is >= 1 and <= 1024
                ? (int)n
                : throw new ConfigException(vcpuNode.Location, ConfigKeys.Vcpus, $"expected an integer 1..1024, found {ConfigNodeText.Describe(vcpuNode)}");
        }

        var hugePages = Choice(config, ConfigKeys.HugePages, HugePageChoices, HugePages.None);
        var memoryNode = config.Get(ConfigKeys.Memory);
        long? memory = memoryNode is null ? null : ConfigValues.Size(memoryNode, ConfigKeys.Memory, MemoryMinimum, MemoryMaximum);
        var page = hugePages switch
        {
            HugePages.TwoMiB => 2 * ByteSize.MiB,
            HugePages.OneGiB => ByteSize.GiB,
            _ => ByteSize.MiB,
        };
        if (memory is { } bytes && bytes % page != 0)
        {
            throw new ConfigException(memoryNode!.Location, ConfigKeys.Memory, $"{ByteSize.Format(bytes)} is not a whole number of {ByteSize.Format(page)} pages (hugepages: {hugePages}); round it");
        }

        var reserveNode = config.Get(ConfigKeys.MemoryReserve);
        var reserve = reserveNode is null ? 0 : ConfigValues.Size(reserveNode, ConfigKeys.MemoryReserve, 0, ByteSize.TiB);
        return new NodeSizing(vcpus, memory, reserve, hugePages);
    }

    private static T Choice<T>(StackConfig config, string key, IReadOnlyDictionary<string, T> choices, T fallback) =>
        config.Get(key) is { } node ? ConfigValues.Choice(node, key, choices) : fallback;

    private static HcaSpec Hca(ConfigNode? node)
    {
        if (node is null)
        {
            return new HcaSpec(0x15b3, null);
        }

        var hca = new StrictMapping(node, ConfigKeys.Hca, HcaKeys);
        var vendor = ConfigValues.PciId(hca.Require("vendor", "a hex PCI vendor id such as 0x15b3"), hca.KeyPath("vendor"));
        var product = hca.Get("product") is { } productNode ? ConfigValues.PciId(productNode, hca.KeyPath("product")) : (int?)null;
        return new HcaSpec(vendor, product);
    }

    private static FirmwareVersion Firmware(ConfigNode? node)
    {
        if (node is null)
        {
            return new FirmwareVersion([0]);
        }

        var text = ConfigValues.Text(node, ConfigKeys.FirmwareMinimum, "a dotted version such as 2.7.80");
        return FirmwareVersion.TryParse(text, out var version)
            ? version
            : throw new ConfigException(node.Location, ConfigKeys.FirmwareMinimum, $"'{text}' is not a dotted version; write e.g. \"2.7.80\" (0 accepts any firmware)");
    }

    private static ConfigNode Required(StackConfig config, string key) =>
        config.Get(key) ?? throw new ConfigException(new SourceLocation(Path.GetFileName(config.StackFile), 1, 1), key, "not set and the project gives no default");
}
