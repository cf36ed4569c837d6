using System.Xml.Linq;
using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A cluster node: a persistent libvirt domain, defined from XML and running. A new domain XML is applied by
/// redefining and cold-restarting (vCPUs, memory, NUMA and hostdevs only take effect on a fresh start); a new
/// host or name replaces the node.
/// </summary>
public sealed class NodeProvider(LibvirtConnections connections, INodeReadiness? readiness = null) : IResourceProvider<NodeInputs, NodeOutputs>
{
    public string Type => ResourceTypes.Node;

    public DiffKind ChangeKind(string property) => property switch
    {
        "xml" => DiffKind.UpdateRestart,
        "shutdownTimeoutSeconds" => DiffKind.Update,
        _ => DiffKind.Replace,
    };

    /// <summary>
    /// A node recorded without its host key was never seen ready (its create was interrupted while it booted, and the
    /// next run found the domain): an update waits for it, without restarting it.
    /// </summary>
    public DiffResult Diff(DiffRequest<NodeInputs, NodeOutputs> request) =>
        readiness is not null && request.OldOutputs?.HostKey is null
            ? DiffResult.Of([.. request.ByProperty.Properties, new PropertyDiff("hostKey", null, "(wait until the node is ready)", DiffKind.Update)])
            : request.ByProperty;

    public async Task<ProviderResult<NodeOutputs>> CreateAsync(ProviderRequest<NodeInputs, NodeOutputs> request, CancellationToken cancellationToken)
    {
        await Task.Run(
            () => Lifecycle(request, cancellationToken).Ensure(
                Connection(request), request.Inputs.Name, request.Inputs.Xml, _ => true, () => request.Progress?.Report("starting")),
            cancellationToken);
        return await ReadyResultAsync(request, cancellationToken);
    }

    /// <summary>Readiness outputs (the pinned host key) cannot be re-read from libvirt: the recorded ones are kept.</summary>
    public Task<ProviderResult<NodeOutputs>?> ReadAsync(ProviderRequest<NodeInputs, NodeOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(
            () => Lifecycle(request, cancellationToken).Read(
                Connection(request), request.Inputs.Name, domain => Result(request.Inputs, domain, request.OldOutputs?.HostKey)),
            cancellationToken);

    public async Task<ProviderResult<NodeOutputs>> UpdateAsync(ProviderRequest<NodeInputs, NodeOutputs> request, CancellationToken cancellationToken)
    {
        var restart = request.OldInputs?.Xml != request.Inputs.Xml;
        await Task.Run(
            () =>
            {
                var conn = Connection(request);
                var lifecycle = Lifecycle(request, cancellationToken);
                var xml = request.Inputs.Xml;
                using (var existing = conn.TryLookupDomain(request.Inputs.Name))
                {
                    xml = existing is null ? xml : WithUuid(xml, existing.Uuid);
                }

                using var domain = conn.DefineDomain(xml);
                if (restart && domain.IsActive())
                {
                    request.Progress?.Report("cold restart to apply the new definition");
                    lifecycle.Stop(domain);
                }

                lifecycle.StartIfInactive(domain);
            },
            cancellationToken);
        return await ReadyResultAsync(request, cancellationToken);
    }

    public Task DeleteAsync(ProviderRequest<NodeInputs, NodeOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(
            () => Lifecycle(request, cancellationToken).Remove(Connection(request), request.Inputs.Name, () => request.Progress?.Report("shutting down")),
            cancellationToken);

    /// <summary>A domain's lifecycle for one request: stopping it waits up to the request's shutdown timeout.</summary>
    private static LibvirtObjectLifecycle<LibvirtDomain> Lifecycle(ProviderRequest<NodeInputs, NodeOutputs> request, CancellationToken cancellationToken) =>
        new(
            (conn, name) => conn.TryLookupDomain(name),
            (conn, xml) => conn.DefineDomain(xml),
            domain => domain.IsActive(),
            domain => domain.Create(),
            domain => Stop(domain, TimeSpan.FromSeconds(request.Inputs.ShutdownTimeoutSeconds ?? 30), cancellationToken),
            Undefine);

    private LibvirtConnection Connection(ProviderRequest<NodeInputs, NodeOutputs> request) => Inputs.Connection(connections, request.Inputs);

    private async Task<ProviderResult<NodeOutputs>> ReadyResultAsync(ProviderRequest<NodeInputs, NodeOutputs> request, CancellationToken cancellationToken)
    {
        if (readiness is not null && request.Inputs.Via is not null)
        {
            // Readiness is read over new SSH sessions to the node's host: a daemon of the tool's own host (a simulated
            // host's sshd) that died since this run connected is brought back first.
            await Task.Run(() => connections.EnsureRunning(request.Inputs.Uri), cancellationToken);
        }

        var ready = readiness is null ? null : await readiness.WaitUntilReadyAsync(request.Inputs, request.Progress, cancellationToken);
        using var domain = Connection(request).LookupDomain(request.Inputs.Name);
        return Result(request.Inputs, domain, ready?.HostKey);
    }

    /// <summary>Outputs libvirt can confirm on every read, so a refresh without drift reads back the same values.</summary>
    private static ProviderResult<NodeOutputs> Result(NodeInputs inputs, LibvirtDomain domain, string? hostKey)
    {
        var uuid = domain.Uuid.ToString();
        return new(uuid, new NodeOutputs(domain.Name, inputs.Host, uuid, domain.IsActive(), inputs.Macs, inputs.Addresses, hostKey));
    }

    /// <summary>libvirt redefines a domain in place only when the new XML carries the same UUID.</summary>
    private static string WithUuid(string xml, Guid uuid)
    {
        var document = XDocument.Parse(xml);
        var root = document.Root!;
        root.Element("uuid")?.Remove();
        root.Element("name")!.AddAfterSelf(new XElement("uuid", uuid.ToString()));
        return document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Graceful ACPI shutdown up to the timeout, then a hard stop: a hung guest must not block destroy.</summary>
    private static void Stop(LibvirtDomain domain, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout > TimeSpan.Zero)
        {
            try
            {
                domain.Shutdown();
            }
            catch (LibvirtOperationInvalidException)
            {
                // Already stopping or stopped: fall through to the wait.
            }

            var deadline = DateTime.UtcNow + timeout;
            while (domain.IsActive() && DateTime.UtcNow < deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(200);
            }
        }

        if (domain.IsActive())
        {
            domain.Destroy();
        }
    }

    /// <summary>Removes the definition with its NVRAM where the driver keeps one; drivers without NVRAM reject the flag.</summary>
    private static void Undefine(LibvirtDomain domain)
    {
        try
        {
            domain.Undefine(DomainUndefineFlags.Nvram | DomainUndefineFlags.ManagedSave | DomainUndefineFlags.SnapshotsMetadata);
        }
        catch (LibvirtInvalidArgumentException)
        {
            domain.Undefine();
        }
    }
}
