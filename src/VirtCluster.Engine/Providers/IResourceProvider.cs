using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Providers;

/// <summary>
/// The lifecycle of one resource type, in Pulumi's provider shape (Check / Diff / Create / Read / Update /
/// Delete) with JSON inputs and outputs, so that exposing providers as a real Pulumi provider later is
/// mechanical. Providers must be idempotent where the engine may repeat a call after a crash: Create may find
/// the object already there (adopt it), Delete may find it gone (success).
/// </summary>
public interface IResourceProvider
{
    /// <summary>The resource type this provider serves, e.g. <c>virtcluster:libvirt:Node</c>.</summary>
    string Type { get; }

    /// <summary>Validates inputs before anything is planned. Failures name the property.</summary>
    IReadOnlyList<CheckFailure> Check(JsonObject inputs);

    /// <summary>Compares recorded state with new inputs (already resolved where known).</summary>
    DiffResult Diff(ResourceSnapshot old, JsonObject newInputs);

    /// <summary>
    /// A key under which operations are serialised (for example one storage operation at a time per host);
    /// null means no constraint beyond the engine's parallelism.
    /// </summary>
    string? ConcurrencyKey(JsonObject inputs) => null;

    Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Reads actual state. Returns null when the resource does not exist. <see cref="ResourceRequest.Id"/> may
    /// be null after a crash during Create: the provider then looks the object up by its inputs and name.
    /// </summary>
    Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken);

    Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken);

    Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken);
}

/// <summary>A Check failure: which property, and why.</summary>
public sealed record CheckFailure(string Property, string Reason);

/// <summary>What a provider is asked to act on.</summary>
/// <param name="Urn">The resource's identity.</param>
/// <param name="Id">The provider's id from an earlier Create, when known.</param>
/// <param name="Inputs">Resolved inputs (no output references left).</param>
/// <param name="OldInputs">For Update: the recorded inputs.</param>
/// <param name="OldOutputs">For Update, Read and Delete: the recorded outputs.</param>
/// <param name="Progress">
/// Reports a short line of detail for long operations (a command's output, each SSH attempt): the console shows it
/// in the live display, and in plain output only with <c>-v</c>, so chatty operations do not flood logs.
/// </param>
/// <param name="Status">
/// Reports where a long operation stands (which step started, how one ended and how long it took, that one is
/// still going): the console shows these lines in plain output too, without <c>-v</c>, so a run that takes minutes
/// is never silent in CI logs. Keep them few, a handful per minute.
/// </param>
public sealed record ResourceRequest(
    Urn Urn,
    string? Id,
    JsonObject Inputs,
    JsonObject? OldInputs,
    JsonObject? OldOutputs,
    IProgress<string>? Progress = null,
    IProgress<string>? Status = null);

/// <summary>A provider's answer: the id and outputs of the object as it now is.</summary>
public sealed record ProviderResult(string Id, JsonObject Outputs, JsonObject? Inputs = null);

/// <summary>A resource as recorded in state, as a provider sees it in Diff.</summary>
public sealed record ResourceSnapshot(Urn Urn, string? Id, JsonObject Inputs, JsonObject Outputs);

/// <summary>How a resource must change.</summary>
public enum DiffKind
{
    Same,
    Update,

    /// <summary>An in-place update that takes effect only after a cold restart (e.g. vCPU count).</summary>
    UpdateRestart,
    Replace,
}

/// <summary>One property that differs, and what changing it takes.</summary>
public sealed record PropertyDiff(string Path, JsonNode? Old, JsonNode? New, DiffKind Kind);

/// <summary>The outcome of Diff: the overall kind is the strongest of the property kinds.</summary>
public sealed record DiffResult(DiffKind Kind, IReadOnlyList<PropertyDiff> Properties)
{
    public static DiffResult Same { get; } = new(DiffKind.Same, []);

    /// <summary>Builds a result whose kind is the strongest of the given property diffs.</summary>
    public static DiffResult Of(IReadOnlyList<PropertyDiff> properties) =>
        new(properties.Count == 0 ? DiffKind.Same : properties.Max(p => p.Kind), properties);
}
