using VirtCluster.Config;
using VirtCluster.Engine.Config;

namespace VirtCluster.Tests.Config;

/// <summary>
/// Every kind of mistake in a stack file fails before anything happens, pointing at the exact line and column of
/// the offending key or value, naming the key, and saying what is allowed.
/// </summary>
public sealed class BadStackFileTests
{
    /// <summary>A valid start: one simulated host (lines 1-4).</summary>
    private const string OneHost = "config:\n  virtcluster:hosts:\n    - name: a1\n      simulate: sim/host.xml\n";

    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // name, file text, expected location, expected key, expected message part
        { "yaml syntax", OneHost + "  virtcluster:vcpus: [8\n", "6:1", "", "YAML syntax error" },
        { "duplicate key", OneHost + "  virtcluster:vcpus: 8\n  virtcluster:vcpus: 4\n", "6:3", "virtcluster:vcpus", "duplicate key (first written at 5:3)" },
        { "duplicate nested key", "config:\n  virtcluster:hosts:\n    - name: a1\n      name: a2\n", "4:7", "name", "duplicate key" },
        { "unknown key", OneHost + "  virtcluster:pining: strict\n", "5:3", "virtcluster:pining", "did you mean 'virtcluster:pinning'?" },
        { "key without namespace", OneHost + "  pinning: strict\n", "5:3", "pinning", "namespaced 'virtcluster:'; did you mean 'virtcluster:pinning'?" },
        { "unknown top-level key", OneHost + "secretsprovider: passphrase\n", "5:1", "secretsprovider", "known keys: config, encryptionsalt" },
        { "unknown host key", OneHost + "      urii: qemu:///system\n", "5:7", "virtcluster:hosts[0].urii", "did you mean 'uri'?" },
        { "unknown ssh key", OneHost + "      ssh:\n        address: h\n        prot: 22\n", "7:9", "virtcluster:hosts[0].ssh.prot", "did you mean 'port'?" },
        { "real and modelled hosts mixed", OneHost + "    - name: b1\n      uri: qemu+ssh://root@b1/system\n", "3:7", "virtcluster:hosts[0].simulate", "either all real (uri) or all simulated" },
        { "bare metal on a host whose HCA is passed through", "config:\n  virtcluster:hosts:\n    - name: b1\n      uri: qemu+ssh://root@b1/system\n  virtcluster:bench:\n    enabled: true\n    suite: s.yaml\n    bareMetal: [b1]\n", "8:16", "virtcluster:bench.bareMetal", "'b1' passes its HCA to its VM (io: passthrough)" },
        { "cluster address not IPv4", "config:\n  virtcluster:hosts:\n    - name: b1\n      uri: qemu+ssh://root@b1/system\n      clusterAddress: b1-ib\n", "5:23", "virtcluster:hosts[0].clusterAddress", "'b1-ib' is not an IPv4 address" },
        { "quoted integer", OneHost + "  virtcluster:vcpus: \"8\"\n", "5:22", "virtcluster:vcpus", "expected an integer" },
        { "vcpus zero", OneHost + "  virtcluster:vcpus: 0\n", "5:22", "virtcluster:vcpus", "allowed: 1..1024" },
        { "vcpus too many", OneHost + "  virtcluster:vcpus: 2000\n", "5:22", "virtcluster:vcpus", "2000 is out of range" },
        { "decimal size unit", OneHost + "  virtcluster:memory: 45GB\n", "5:23", "virtcluster:memory", "use GiB" },
        { "memory too small", OneHost + "  virtcluster:memory: 64MiB\n", "5:23", "virtcluster:memory", "allowed: 128MiB..64TiB" },
        { "memory not whole pages", OneHost + "  virtcluster:hugepages: 1G\n  virtcluster:memory: 1536MiB\n", "6:23", "virtcluster:memory", "not a whole number of 1GiB pages" },
        { "pinning enum", OneHost + "  virtcluster:pinning: loose\n", "5:24", "virtcluster:pinning", "use one of strict, none, numa" },
        { "io enum", OneHost + "  virtcluster:io: sriov\n", "5:19", "virtcluster:io", "use one of passthrough, virtio" },
        { "hugepages enum", OneHost + "  virtcluster:hugepages: 2MB\n", "5:26", "virtcluster:hugepages", "did you mean '2M'?" },
        { "hypervisor enum", OneHost + "  virtcluster:hypervisor: xen\n", "5:27", "virtcluster:hypervisor", "auto, kvm, xen-hvm, xen-pv, tcg" },
        { "hosts not a list", "config:\n  virtcluster:hosts: agc01\n", "2:22", "virtcluster:hosts", "expected a list" },
        { "host name upper case", "config:\n  virtcluster:hosts:\n    - name: AGC01\n      simulate: x.xml\n", "3:13", "virtcluster:hosts[0].name", "'AGC01' is not a valid name" },
        { "host name with shell", "config:\n  virtcluster:hosts:\n    - name: \"a;rm -rf /\"\n      simulate: x.xml\n", "3:13", "virtcluster:hosts[0].name", "lower case letters, digits and '-'" },
        { "duplicate host name", OneHost + "    - name: a1\n      simulate: sim/host.xml\n", "5:13", "virtcluster:hosts[1].name", "duplicate host name 'a1' (first at 3:13)" },
        { "uri and simulate", OneHost + "      uri: qemu:///system\n", "5:12", "virtcluster:hosts[0].uri", "not both" },
        { "neither uri nor simulate", "config:\n  virtcluster:hosts:\n    - name: a1\n      facts: f\n", "3:7", "virtcluster:hosts[0].uri", "give uri" },
        { "uri not a uri", "config:\n  virtcluster:hosts:\n    - name: a1\n      uri: agc01\n", "4:12", "virtcluster:hosts[0].uri", "not a libvirt URI" },
        { "ssh port range", OneHost + "      ssh: { address: h, port: 70000 }\n", "5:32", "virtcluster:hosts[0].ssh.port", "allowed: 1..65535" },
        { "ssh port quoted", OneHost + "      ssh: { address: h, port: \"22\" }\n", "5:32", "virtcluster:hosts[0].ssh.port", "expected an integer" },
        { "ssh address missing", OneHost + "      ssh: { port: 22 }\n", "5:12", "virtcluster:hosts[0].ssh.address", "missing" },
        { "ssh address option", OneHost + "      ssh: { address: -oProxyCommand=x }\n", "5:23", "virtcluster:hosts[0].ssh.address", "not a host name" },
        { "hca vendor not hex", OneHost + "  virtcluster:hca: { vendor: \"15b3\" }\n", "5:30", "virtcluster:hca.vendor", "not a PCI id" },
        { "hca unknown key", OneHost + "  virtcluster:hca: { vendor: 0x15b3, prodct: 0x673c }\n", "5:38", "virtcluster:hca.prodct", "did you mean 'product'?" },
        { "firmware not dotted", OneHost + "  virtcluster:firmwareMinimum: 2.7.x\n", "5:32", "virtcluster:firmwareMinimum", "not a dotted version" },
        { "firmware as number", OneHost + "  virtcluster:firmwareMinimum: 2.7\n", "5:32", "virtcluster:firmwareMinimum", "write it in quotes (\"2.7\")" },
        { "subnet host bits", OneHost + "  virtcluster:network:\n    subnet: 10.77.0.1/24\n", "6:13", "virtcluster:network.subnet", "did you mean 10.77.0.0/24?" },
        { "subnet too small", OneHost + "  virtcluster:network:\n    subnet: 10.77.0.0/30\n", "6:13", "virtcluster:network.subnet", "allowed: /16../29" },
        { "subnet not ipv4", OneHost + "  virtcluster:network:\n    subnet: fd00::/64\n", "6:13", "virtcluster:network.subnet", "not an IPv4 network" },
        { "bridge name too long", OneHost + "  virtcluster:network: { bridge: vcbr-much-too-long }\n", "5:34", "virtcluster:network.bridge", "at most 15" },
        { "lab nodes range", "config:\n  virtcluster:lab:\n    nodes: 65\n", "3:12", "virtcluster:lab.nodes", "allowed: 1..64" },
        { "lab boot timeout not a duration", "config:\n  virtcluster:lab:\n    bootTimeout: 5 minutes\n", "3:18", "virtcluster:lab.bootTimeout", "expected a duration such as 90s" },
        { "lab boot timeout zero", "config:\n  virtcluster:lab:\n    bootTimeout: 0s\n", "3:18", "virtcluster:lab.bootTimeout", "must be longer than zero" },
        { "simulated hosts range", "config:\n  virtcluster:lab:\n    hosts: 65\n", "3:12", "virtcluster:lab.hosts", "allowed: 1..64" },
        { "nodes with simulated hosts", "config:\n  virtcluster:lab:\n    hosts: 2\n    nodes: 2\n", "4:12", "virtcluster:lab.nodes", "virtcluster:lab.nodesPerHost" },
        { "nodes per host without hosts", "config:\n  virtcluster:lab:\n    nodesPerHost: 2\n", "3:19", "virtcluster:lab.nodesPerHost", "set virtcluster:lab.hosts too" },
        { "management too small", "config:\n  virtcluster:lab:\n    hosts: 3\n    management: 10.78.0.0/29\n", "4:17", "virtcluster:lab.management", "room for 2 hosts" },
        { "management not a network", "config:\n  virtcluster:lab:\n    hosts: 3\n    management: ten\n", "4:17", "virtcluster:lab.management", "not an IPv4 network" },
        { "lab and hosts", OneHost + "  virtcluster:lab: { nodes: 2 }\n", "3:5", "virtcluster:hosts", "remove virtcluster:hosts or virtcluster:lab" },
        { "neither hosts nor lab", "config:\n  virtcluster:vcpus: 8\n", "1:1", "virtcluster:hosts", "give virtcluster:hosts" },
        { "bench without suite", OneHost + "  virtcluster:bench:\n    enabled: true\n", "6:5", "virtcluster:bench.suite", "needs a suite" },
        { "mpi btl not a component list", OneHost + "  virtcluster:bench:\n    mpi: { btl: \"tcp; rm -rf /\" }\n", "6:17", "virtcluster:bench.mpi.btl", "not an Open MPI component list" },
        { "mpi unknown key", OneHost + "  virtcluster:bench:\n    mpi: { transport: tcp }\n", "6:12", "virtcluster:bench.mpi.transport", "unknown key" },
        { "bench enabled yes", OneHost + "  virtcluster:bench:\n    enabled: yes\n", "6:14", "virtcluster:bench.enabled", "expected a boolean" },
        { "benchmarks not a list", OneHost + "  virtcluster:bench:\n    benchmarks: imb\n", "6:17", "virtcluster:bench.benchmarks", "expected a list" },
        { "bare metal option", OneHost + "  virtcluster:bench:\n    bareMetal: [\"-oProxyCommand=x\"]\n", "6:17", "virtcluster:bench.bareMetal[0]", "not a host name" },
        { "secret in plain text", OneHost + "  virtcluster:sshKey: abc\n", "5:23", "virtcluster:sshKey", "--secret" },
        { "config not a mapping", "config: [virtcluster:vcpus]\n", "1:9", "config", "expected a mapping" },
        { "root not a mapping", "- config\n", "1:1", "", "expected a mapping" },
        { "empty file", "", "1:1", "", "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadStackFileFailsAtTheOffendingLineAndColumnNamingTheKey(string name, string text, string location, string key, string message)
    {
        using var project = new StackFixture("bad", text);

        var error = Assert.Throws<ConfigException>(project.Load);

        Assert.True(error.Message.StartsWith($"Pulumi.bad.yaml:{location}: ", StringComparison.Ordinal), $"{name}: {error.Message}");
        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message);
        if (key.Length > 0)
        {
            Assert.Contains($"key '{key}'", error.Message);
        }
    }

    [Fact]
    public void AnUnknownStackListsTheStacksThatExist()
    {
        using var project = new StackFixture("dev", "config:\n  virtcluster:lab: {}\n");

        var error = Assert.Throws<ConfigException>(() => StackFixture.LoadSpec(project.Directory, "prod"));

        Assert.Equal($"unknown stack 'prod' (no Pulumi.prod.yaml in {project.Directory}); existing stacks: dev", error.Message);
    }

    [Fact]
    public void RelativePathsResolveAgainstTheProjectFolderAndDefaultsApply()
    {
        using var project = new StackFixture("dev", OneHost + "  virtcluster:bench:\n    binaries: { sp-mz.C: bin/sp-mz.C.x }\n");

        var spec = project.Load();

        Assert.Equal(Path.Combine(project.Directory, "sim", "host.xml"), spec.Hosts[0].SimulatedHostXml);
        Assert.Equal(Path.Combine(project.Directory, "bin", "sp-mz.C.x"), spec.Bench.Binaries["sp-mz.C"]);
        Assert.Equal(Path.Combine(project.Directory, "images", "hpc-node.yaml"), spec.ImageSpecPath);
        Assert.Equal(new HcaSpec(0x15b3, null), spec.Hca);
        Assert.Null(spec.Node.Vcpus);
        Assert.Null(spec.Node.MemoryBytes);
        Assert.Equal(PinningPolicy.Strict, spec.Pinning);
        Assert.Equal("virtcluster", spec.Network.Name);
        Assert.Equal(FirmwareVersion.Parse("0"), spec.FirmwareMinimum);
    }
}
