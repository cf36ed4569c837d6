using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Resources.Libvirt;

/// <summary>What the libvirt providers share about their inputs: the connection they name, the storage key, the restart rule.</summary>
internal static class Inputs
{
    /// <summary>
    /// A string input read from JSON, for wrappers that sit on the engine's side of the typed adapter (the daemon's
    /// URI in <see cref="DaemonFailures"/>) and must not fail when inputs are incomplete.
    /// </summary>
    public static string? OptionalString(JsonObject inputs, string property) =>
        inputs[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The connection a resource's <c>uri</c> and (optional) <c>host</c> inputs name.</summary>
    public static VirtCluster.Libvirt.LibvirtConnection Connection(LibvirtConnections connections, ILibvirtLocation inputs) =>
        connections.Get(inputs.Uri, inputs.Host);

    /// <summary>Storage operations are serialised per host: libvirt pool refreshes race with volume creation.</summary>
    public static string StorageKey(ILibvirtLocation inputs) => $"storage:{inputs.Host}|{inputs.Uri}";

    /// <summary>
    /// A network or pool recorded as defined but not running (its start was cut short, or it was stopped behind the
    /// tool's back) is started in place: an update whose only change is <c>active</c>.
    /// </summary>
    public static DiffResult StartIfInactive(DiffRequest<LibvirtObjectInputs, ActiveObjectOutputs> request) =>
        request.OldOutputs is { Active: false }
            ? DiffResult.Of([.. request.ByProperty.Properties, new PropertyDiff("active", false, true, DiffKind.Update)])
            : request.ByProperty;
}
