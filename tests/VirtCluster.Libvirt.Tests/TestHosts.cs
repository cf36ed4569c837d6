using VirtCluster.Testing;

namespace VirtCluster.Libvirt.Tests;

/// <summary>Connection URIs and object XML for libvirt's in-process test driver.</summary>
internal static class TestHosts
{
    /// <summary>The built-in host; its state is shared by every connection in the process, so names must be unique.</summary>
    public const string DefaultUri = "test:///default";

    /// <summary>The paper's Dell M610 host; each connection gets a private copy of its state.</summary>
    public static string DellM610Uri => "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string DomainXml(string name, int vcpus = 2, string cputune = "", string? network = null) => $"""
        <domain type='test'>
          <name>{name}</name>
          <memory unit='MiB'>512</memory>
          <vcpu>{vcpus}</vcpu>
          {cputune}
          <os><type>hvm</type></os>
          <devices>
            {(network is null ? "" : $"<interface type='network'><mac address='{NicMac}'/><source network='{network}'/></interface>")}
          </devices>
        </domain>
        """;

    public const string NicMac = "52:54:00:12:34:56";

    /// <summary>An isolated network: no forward element, so it routes nowhere.</summary>
    public static string IsolatedNetworkXml(string name) => $"""
        <network>
          <name>{name}</name>
          <bridge name='vc{name[^8..]}'/>
          <ip address='10.231.0.1' netmask='255.255.255.0'/>
        </network>
        """;

    public static string DirPoolXml(string name, string path) => $"""
        <pool type='dir'>
          <name>{name}</name>
          <target><path>{path}</path></target>
        </pool>
        """;

    public static string VolumeXml(string name, long bytes) => $"""
        <volume>
          <name>{name}</name>
          <capacity unit='bytes'>{bytes}</capacity>
          <target><format type='raw'/></target>
        </volume>
        """;
}
