using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Resources.Libvirt;

/// <summary>Reading and checking provider inputs, so every provider reports a missing property the same way.</summary>
internal static class Inputs
{
    public static string String(JsonObject inputs, string property) =>
        inputs[property] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : throw new InvalidOperationException($"input '{property}' is missing or not a string");

    public static string? OptionalString(JsonObject inputs, string property) =>
        inputs[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? OptionalLong(JsonObject inputs, string property) =>
        inputs[property] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    /// <summary>The connection a resource's <c>uri</c> and (optional) <c>host</c> inputs name.</summary>
    public static VirtCluster.Libvirt.LibvirtConnection Connection(LibvirtConnections connections, JsonObject inputs) =>
        connections.Get(String(inputs, "uri"), OptionalString(inputs, "host"));

    /// <summary>Storage operations are serialised per host: libvirt pool refreshes race with volume creation.</summary>
    public static string StorageKey(JsonObject inputs) => $"storage:{OptionalString(inputs, "host")}|{OptionalString(inputs, "uri")}";

    /// <summary>Check failures for every required string property that is absent or empty.</summary>
    public static IReadOnlyList<CheckFailure> RequireStrings(JsonObject inputs, params string[] properties) =>
        [.. properties
            .Where(p => !(inputs[p] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0))
            .Select(p => new CheckFailure(p, "required (a non-empty string)"))];

    /// <summary>
    /// A network or pool recorded as defined but not running (its start was cut short, or it was stopped behind the
    /// tool's back) is started in place: an update whose only change is <c>active</c>.
    /// </summary>
    public static DiffResult StartIfInactive(ResourceSnapshot old, DiffResult diff) =>
        old.Outputs["active"] is JsonValue active && active.TryGetValue<bool>(out var running) && !running
            ? DiffResult.Of([.. diff.Properties, new PropertyDiff("active", false, true, DiffKind.Update)])
            : diff;
}
