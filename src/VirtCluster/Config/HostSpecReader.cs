using VirtCluster.LabHost;
using System.Text.RegularExpressions;
using VirtCluster.Engine.Config;

namespace VirtCluster.Config;

/// <summary>Reads <c>virtcluster:hosts</c> (real or simulated hosts) and <c>virtcluster:lab</c> (this machine alone).</summary>
internal static partial class HostSpecReader
{
    /// <summary>The one host of lab mode: this machine, reached through the tool's private libvirtd.</summary>
    public const string LabHostName = "local";

    private static readonly string[] HostKeys = ["name", "uri", "ssh", "simulate", "facts", "clusterAddress"];
    private static readonly string[] SshKeys = ["address", "port", "user", "identityFile", "knownHosts"];
    private static readonly string[] LabKeys = ["nodes", "namespace", "bootTimeout", "hosts", "nodesPerHost", "management"];

    public static (IReadOnlyList<HostSpec> Hosts, LabSpec? Lab) Read(StackConfig config)
    {
        var hosts = config.Get(ConfigKeys.Hosts);
        var lab = config.Get(ConfigKeys.Lab);
        if (lab is not null)
        {
            if (hosts is not null)
            {
                throw new ConfigException(hosts.Location, ConfigKeys.Hosts, $"lab mode ({ConfigKeys.Lab}) runs on this machine only; remove {ConfigKeys.Hosts} or {ConfigKeys.Lab}");
            }

            return ([new HostSpec(LabHostName, null, null, null, null)], ReadLab(lab, config.Stack));
        }

        if (hosts is null)
        {
            throw new ConfigException(new SourceLocation(System.IO.Path.GetFileName(config.StackFile), 1, 1), ConfigKeys.Hosts,
                $"not set; give {ConfigKeys.Hosts} (real or simulated hosts) or {ConfigKeys.Lab} (VMs on this machine)");
        }

        if (hosts is not ConfigSequence { Items.Count: > 0 } list)
        {
            throw new ConfigException(hosts.Location, ConfigKeys.Hosts, $"expected a non-empty list of hosts ({{name, uri or simulate, ssh, facts}}), found {ConfigNodeText.Describe(hosts)}");
        }

        var result = new List<HostSpec>(list.Items.Count);
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var host = ReadHost(list.Items[i], $"{ConfigKeys.Hosts}[{i}]", config.ProjectDirectory);
            var nameNode = ((ConfigMapping)list.Items[i])["name"]!;
            if (seen.TryGetValue(host.Name, out var first))
            {
                throw new ConfigException(nameNode.Location, $"{ConfigKeys.Hosts}[{i}].name", $"duplicate host name '{host.Name}' (first at {first.Line}:{first.Column}); host names must be unique");
            }

            seen.Add(host.Name, nameNode.Location);
            result.Add(host);
        }

        if (result.Any(h => h.SimulatedHostXml is null) && result.FirstOrDefault(h => h.SimulatedHostXml is not null) is { } model)
        {
            var index = result.IndexOf(model);
            throw new ConfigException(list.Items[index].Location, $"{ConfigKeys.Hosts}[{index}].simulate",
                "a stack's hosts are either all real (uri) or all simulated by libvirt's test driver (simulate), which runs no guest; split them into two stacks");
        }

        return (result, null);
    }

    private static HostSpec ReadHost(ConfigNode node, string path, string projectDirectory)
    {
        var host = new StrictMapping(node, path, HostKeys);
        var name = ConfigValues.Name(host.Require("name", ConfigValues.NameAllowed), host.KeyPath("name"));
        var uriNode = host.Get("uri");
        var simulateNode = host.Get("simulate");
        if (uriNode is not null && simulateNode is not null)
        {
            throw new ConfigException(uriNode.Location, host.KeyPath("uri"), "give either uri (a real host) or simulate (a host XML for libvirt's test driver), not both");
        }

        string uri;
        string? simulated = null;
        if (simulateNode is not null)
        {
            simulated = ConfigValues.Path(simulateNode, host.KeyPath("simulate"), projectDirectory);
            uri = "test://" + simulated;
        }
        else if (uriNode is not null)
        {
            uri = ConfigValues.Text(uriNode, host.KeyPath("uri"), "a libvirt URI");
            if (!LibvirtUri().IsMatch(uri))
            {
                throw new ConfigException(uriNode.Location, host.KeyPath("uri"), $"'{uri}' is not a libvirt URI; write e.g. qemu+ssh://root@{name}/system");
            }
        }
        else
        {
            throw new ConfigException(host.Location, host.KeyPath("uri"), "missing; give uri (e.g. qemu+ssh://root@HOST/system) or simulate (a host XML path)");
        }

        var ssh = host.Get("ssh") is { } sshNode ? ReadSsh(sshNode, host.KeyPath("ssh"), projectDirectory) : null;
        var facts = host.Get("facts") is { } factsNode ? ConfigValues.Path(factsNode, host.KeyPath("facts"), projectDirectory) : null;
        string? clusterAddress = null;
        if (host.Get("clusterAddress") is { } clusterNode)
        {
            clusterAddress = ConfigValues.Text(clusterNode, host.KeyPath("clusterAddress"), "an IPv4 address");
            if (!System.Net.IPAddress.TryParse(clusterAddress, out var parsed) || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                throw new ConfigException(clusterNode.Location, host.KeyPath("clusterAddress"), $"'{clusterAddress}' is not an IPv4 address; give the host's own address on the cluster network");
            }
        }

        return new HostSpec(name, WithSshIdentity(uri, ssh), ssh, simulated, facts, clusterAddress);
    }

    /// <summary>
    /// libvirt's ssh transport runs the ssh program, which knows nothing of the stack: it is given the stack's identity
    /// file and told never to ask on a terminal (a question there would hang the run), unless the URI says otherwise.
    /// </summary>
    private static string WithSshIdentity(string uri, SshEndpoint? ssh)
    {
        if (!uri.StartsWith("qemu+ssh://", StringComparison.Ordinal))
        {
            return uri;
        }

        var added = new List<string>();
        if (ssh?.IdentityFile is { } key && !uri.Contains("keyfile=", StringComparison.Ordinal))
        {
            added.Add("keyfile=" + key);
        }

        if (!uri.Contains("no_tty=", StringComparison.Ordinal))
        {
            added.Add("no_tty=1");
        }

        return added.Count == 0 ? uri : uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', added);
    }

    private static SshEndpoint ReadSsh(ConfigNode node, string path, string projectDirectory)
    {
        var ssh = new StrictMapping(node, path, SshKeys);
        var addressNode = ssh.Require("address", "a host name or IP address");
        var address = ConfigValues.Text(addressNode, ssh.KeyPath("address"), "a host name or IP address");
        if (!Address().IsMatch(address))
        {
            throw new ConfigException(addressNode.Location, ssh.KeyPath("address"), $"'{address}' is not a host name or IP address");
        }

        var port = (int)(ssh.Integer("port", 1, 65535) ?? 22);
        var user = ssh.String("user", "a user name") ?? "root";
        if (!UserName().IsMatch(user))
        {
            throw new ConfigException(ssh.Get("user")!.Location, ssh.KeyPath("user"), $"'{user}' is not a user name; use lower case letters, digits, '_' and '-'");
        }

        var identity = ssh.Get("identityFile") is { } identityNode ? ConfigValues.Path(identityNode, ssh.KeyPath("identityFile"), projectDirectory) : null;
        var knownHosts = ssh.Get("knownHosts") is { } knownNode ? ConfigValues.Path(knownNode, ssh.KeyPath("knownHosts"), projectDirectory) : null;
        return new SshEndpoint(address, port, user, identity, knownHosts);
    }

    private static LabSpec ReadLab(ConfigNode node, string stack)
    {
        var lab = new StrictMapping(node, ConfigKeys.Lab, LabKeys);
        var nodes = (int)(lab.Integer("nodes", 1, 64) ?? 2);
        var namespaceNode = lab.Get("namespace");
        var name = namespaceNode is null ? "vc-" + stack.ToLowerInvariant() : ConfigValues.Name(namespaceNode, lab.KeyPath("namespace"));
        if (!ConfigValues.HostName().IsMatch(name))
        {
            throw new ConfigException(lab.Location, lab.KeyPath("namespace"), $"the default '{name}' is not a valid network namespace name; set namespace ({ConfigValues.NameAllowed})");
        }

        var bootTimeout = lab.Get("bootTimeout") is { } timeout ? ConfigValues.Duration(timeout, lab.KeyPath("bootTimeout")) : LabSpec.DefaultBootTimeout;
        if (lab.Get("hosts") is null)
        {
            foreach (var fleetOnly in new[] { "nodesPerHost", "management" })
            {
                if (lab.Get(fleetOnly) is { } stray)
                {
                    throw new ConfigException(stray.Location, lab.KeyPath(fleetOnly), $"applies to simulated hosts only; set {lab.KeyPath("hosts")} too, or remove it");
                }
            }

            return new LabSpec(nodes, name, bootTimeout);
        }

        if (lab.Get("nodes") is { } both)
        {
            throw new ConfigException(both.Location, lab.KeyPath("nodes"), $"with {lab.KeyPath("hosts")}, give the VMs per host as {lab.KeyPath("nodesPerHost")}");
        }

        if (name.Length > FleetLayout.MaximumPrefix)
        {
            throw new ConfigException(lab.Location, lab.KeyPath("namespace"), $"'{name}' is too long for simulated hosts' namespaces (at most {FleetLayout.MaximumPrefix} characters); set a shorter namespace");
        }

        var hosts = (int)lab.Integer("hosts", 1, FleetLayout.MaximumHosts)!;
        var perHost = (int)(lab.Integer("nodesPerHost", 1, 64) ?? 1);
        var management = lab.Get("management") is { } managementNode
            ? ManagementSubnet(managementNode, lab.KeyPath("management"), hosts)
            : FleetLayout.DefaultManagement(name);
        return new LabSpec(perHost, name, bootTimeout) { Fleet = new FleetSpec(hosts, management) };
    }

    /// <summary>A private IPv4 /24 (or wider) with a /30 per simulated host.</summary>
    private static string ManagementSubnet(ConfigNode node, string path, int hosts)
    {
        var text = ConfigValues.Text(node, path, "an IPv4 network in CIDR form, e.g. 10.78.0.0/24");
        Domains.Ipv4Subnet subnet;
        try
        {
            subnet = Domains.Ipv4Subnet.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ConfigException(node.Location, path, $"'{text}' is not an IPv4 network in CIDR form ({e.Message})");
        }

        if (subnet.HostCount + 2 < 4L * hosts)
        {
            throw new ConfigException(node.Location, path, $"{text} has room for {(subnet.HostCount + 2) / 4} hosts (a /30 each) but the lab has {hosts}; use a wider network");
        }

        return subnet.ToString();
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(\+[a-z0-9]+)?://[^\s'""]*$")]
    private static partial Regex LibvirtUri();

    /// <summary>Host names, IPv4 and IPv6 literals; never starting with '-' (it reaches ssh's command line).</summary>
    [GeneratedRegex("^[A-Za-z0-9:\\[][A-Za-z0-9.:\\[\\]-]{0,252}$")]
    private static partial Regex Address();

    [GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial Regex UserName();
}
