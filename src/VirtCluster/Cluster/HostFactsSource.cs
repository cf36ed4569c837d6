using VirtCluster.Config;
using VirtCluster.Hosts;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Cluster;

/// <summary>
/// Reads one host's facts the way its kind requires: a simulated host from libvirt's test driver plus its
/// recorded probe outputs; this machine in lab mode from sysfs and local probes (nothing is started for it);
/// a real host from its libvirt URI plus probes over SSH.
/// </summary>
public sealed class HostFactsSource(LibvirtConnections connections)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    public async Task<HostFacts> ReadAsync(ClusterSpec spec, HostSpec host, CancellationToken cancellationToken)
    {
        if (spec.Lab is not null)
        {
            var outputs = await new ShellHostProbe(new LocalHostCommandRunner(), ProbeTimeout).RunAsync(null, cancellationToken);
            return HostFactsBuilder.Build(host.Name, LocalHostCapabilities.Read(), null, [], outputs, spec.Hca);
        }

        var uri = host.Uri ?? throw new InvalidOperationException($"{host.Name}: no libvirt URI");
        if (host.SimulatedHostXml is { } xml && !File.Exists(xml))
        {
            throw new FileNotFoundException($"{host.Name}: simulated host XML '{xml}' does not exist", xml);
        }

        if (host.RecordedFacts is { } folder && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{host.Name}: recorded facts folder '{folder}' does not exist");
        }

        if (host.RecordedFacts is { } recorded)
        {
            return await LibvirtFactsReader.ReadAsync(
                host.Name, connections.Get(uri, host.Name), new RecordedHostProbe(recorded), spec.Hca, recorded, cancellationToken);
        }

        var ssh = host.Ssh ?? throw new InvalidOperationException(
            $"{host.Name}: no way to read IOMMU and firmware facts; give the host an 'ssh' entry (address, user, identityFile)");
        // The programs libvirt's SSH transport runs, here and on the host, are checked before libvirt is opened.
        if (TransportPreflight.Local(host.Name, uri, Environment.GetEnvironmentVariable("PATH")) is { } missing)
        {
            throw new PreflightFailedException(new PreflightReport([missing]));
        }

        await using var runner = await RealHostSsh.ConnectAsync(host.Name, ssh, cancellationToken);
        var commands = new SshHostCommandRunner(runner);
        var transport = TransportPreflight.OverSsh(uri) ? await TransportPreflight.RemoteAsync(host.Name, uri, commands, cancellationToken) : null;
        if (transport is { Verdict: Verdict.Fail })
        {
            throw new PreflightFailedException(new PreflightReport([transport]));
        }

        var probe = new ShellHostProbe(commands, ProbeTimeout);
        var facts = await LibvirtFactsReader.ReadAsync(host.Name, connections.Get(uri, host.Name), probe, spec.Hca, null, cancellationToken);
        return facts with { Transport = transport };
    }

    /// <summary>All hosts at once: preflight judges them together, so one slow host does not hide another's failure.</summary>
    public async Task<IReadOnlyList<HostFacts>> ReadAllAsync(ClusterSpec spec, CancellationToken cancellationToken)
    {
        var tasks = spec.Hosts.Select(h => ReadAsync(spec, h, cancellationToken)).ToList();
        try
        {
            return await Task.WhenAll(tasks);
        }
        catch when (tasks.Count(t => t.IsFaulted) > 1)
        {
            var messages = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!.Message);
            throw new InvalidOperationException("cannot read host facts:\n  " + string.Join("\n  ", messages));
        }
    }
}
