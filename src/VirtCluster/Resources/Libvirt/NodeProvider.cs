using System.Text.Json.Nodes;
using System.Xml.Linq;
using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A cluster node: a persistent libvirt domain, defined from XML and running. Inputs: <c>uri</c>, <c>name</c>,
/// <c>host</c>, <c>xml</c>, <c>addresses</c>, <c>macs</c>, <c>shutdownTimeoutSeconds</c>. A new domain XML is applied by
/// redefining and cold-restarting (vCPUs, memory, NUMA and hostdevs only take effect on a fresh start); a new
/// host or name replaces the node.
/// </summary>
public sealed class NodeProvider(LibvirtConnections connections, INodeReadiness? readiness = null) : IResourceProvider
{
    public string Type => ResourceTypes.Node;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => Inputs.RequireStrings(inputs, "uri", "name", "host", "xml");

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs)
    {
        var diff = InputDiff.Compare(old.Inputs, newInputs, property => property switch
        {
            "xml" => DiffKind.UpdateRestart,
            "shutdownTimeoutSeconds" => DiffKind.Update,
            _ => DiffKind.Replace,
        });

        // A node recorded without its readiness outputs was never seen ready (its create was interrupted while it
        // booted, and the next run found the domain): an update waits for it, without restarting it.
        var unconfirmed = readiness?.OutputNames.Where(name => !old.Outputs.ContainsKey(name))
            .Select(name => new PropertyDiff(name, null, "(wait until the node is ready)", DiffKind.Update)).ToList() ?? [];
        return unconfirmed.Count == 0 ? diff : DiffResult.Of([.. diff.Properties, .. unconfirmed]);
    }

    public async Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        await Task.Run(
            () =>
            {
                var conn = Inputs.Connection(connections, request.Inputs);
                using var domain = conn.TryLookupDomain(Inputs.String(request.Inputs, "name"))
                    ?? conn.DefineDomain(Inputs.String(request.Inputs, "xml"));
                if (!domain.IsActive())
                {
                    request.Progress?.Report("starting");
                    domain.Create();
                }
            },
            cancellationToken);
        return await ReadyResultAsync(request, cancellationToken);
    }

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var domain = Inputs.Connection(connections, request.Inputs)
                    .TryLookupDomain(Inputs.String(request.Inputs, "name"));
                if (domain is null)
                {
                    return null;
                }

                // Readiness outputs (such as the pinned host key) cannot be re-read from libvirt; keep the recorded ones.
                var outputs = BaseOutputs(request.Inputs, domain);
                foreach (var (key, value) in request.OldOutputs ?? [])
                {
                    if (!outputs.ContainsKey(key))
                    {
                        outputs[key] = value?.DeepClone();
                    }
                }

                return new ProviderResult(domain.Uuid.ToString(), outputs);
            },
            cancellationToken);

    public async Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var restart = !JsonNode.DeepEquals(request.OldInputs?["xml"], request.Inputs["xml"]);
        await Task.Run(
            () =>
            {
                var conn = Inputs.Connection(connections, request.Inputs);
                var xml = Inputs.String(request.Inputs, "xml");
                using (var existing = conn.TryLookupDomain(Inputs.String(request.Inputs, "name")))
                {
                    xml = existing is null ? xml : WithUuid(xml, existing.Uuid);
                }

                using var domain = conn.DefineDomain(xml);
                if (restart && domain.IsActive())
                {
                    request.Progress?.Report("cold restart to apply the new definition");
                    Stop(domain, ShutdownTimeout(request.Inputs), cancellationToken);
                }

                if (!domain.IsActive())
                {
                    domain.Create();
                }
            },
            cancellationToken);
        return await ReadyResultAsync(request, cancellationToken);
    }

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var domain = Inputs.Connection(connections, request.Inputs)
                    .TryLookupDomain(Inputs.String(request.Inputs, "name"));
                if (domain is null)
                {
                    return;
                }

                if (domain.IsActive())
                {
                    request.Progress?.Report("shutting down");
                    Stop(domain, ShutdownTimeout(request.Inputs), cancellationToken);
                }

                Undefine(domain);
            },
            cancellationToken);

    private async Task<ProviderResult> ReadyResultAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var extra = readiness is null
            ? []
            : await readiness.WaitUntilReadyAsync(request.Inputs, request.Progress, cancellationToken);
        using var domain = Inputs.Connection(connections, request.Inputs).LookupDomain(Inputs.String(request.Inputs, "name"));
        var outputs = BaseOutputs(request.Inputs, domain);
        foreach (var (key, value) in extra)
        {
            outputs[key] = value?.DeepClone();
        }

        return new ProviderResult(domain.Uuid.ToString(), outputs);
    }

    /// <summary>Outputs libvirt can confirm on every read, so a refresh without drift reads back the same values.</summary>
    private static JsonObject BaseOutputs(JsonObject inputs, LibvirtDomain domain) => new()
    {
        ["name"] = domain.Name,
        ["host"] = inputs["host"]?.DeepClone(),
        ["uuid"] = domain.Uuid.ToString(),
        ["running"] = domain.IsActive(),
        ["macs"] = inputs["macs"]?.DeepClone(),
        ["addresses"] = inputs["addresses"]?.DeepClone(),
    };

    /// <summary>libvirt redefines a domain in place only when the new XML carries the same UUID.</summary>
    private static string WithUuid(string xml, Guid uuid)
    {
        var document = XDocument.Parse(xml);
        var root = document.Root!;
        root.Element("uuid")?.Remove();
        root.Element("name")!.AddAfterSelf(new XElement("uuid", uuid.ToString()));
        return document.ToString(SaveOptions.DisableFormatting);
    }

    private static TimeSpan ShutdownTimeout(JsonObject inputs) =>
        TimeSpan.FromSeconds(Inputs.OptionalLong(inputs, "shutdownTimeoutSeconds") ?? 30);

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
