using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.State;

/// <summary>
/// A resource as recorded after an operation: its identity, the provider's id, the inputs it was created or
/// updated with (secrets still marked) and the outputs the provider returned. JSON values are never mutated
/// once recorded.
/// </summary>
public sealed record ResourceState(
    Urn Urn,
    string Type,
    string? Id,
    JsonObject Inputs,
    JsonObject Outputs,
    IReadOnlyList<Urn> Dependencies,
    Urn? Parent,
    bool IsComponent)
{
    /// <summary>The declaration's options as of the last <c>up</c> that touched it; absent in older state files.</summary>
    public RecordedOptions Options { get; init; } = RecordedOptions.Default;
}

/// <summary>The kind of an operation that was started and may not have finished.</summary>
public enum OperationKind
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// Recorded durably before a provider is called; removed when the outcome is recorded. One left over means the
/// run died in between: the next run asks the provider what exists.
/// </summary>
/// <param name="Kind">What was started.</param>
/// <param name="Resource">For create/update the intended state (inputs resolved); for delete the recorded state.</param>
/// <param name="Previous">For update: the state before it, kept when the provider cannot say which inputs apply.</param>
public sealed record PendingOperation(OperationKind Kind, ResourceState Resource, ResourceState? Previous = null);
