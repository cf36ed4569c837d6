using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Model;

/// <summary>
/// What the program declared for one resource. Inputs are JSON (possibly holding <see cref="OutputRef"/>
/// encodings); dependencies are the union of the explicit ones and those implied by output references.
/// A component (no provider, only groups children) has <see cref="IsComponent"/> set.
/// </summary>
public sealed record ResourceDeclaration(
    Urn Urn,
    string Type,
    string Name,
    JsonObject Inputs,
    IReadOnlyList<Urn> Dependencies,
    Urn? Parent,
    bool IsComponent)
{
    /// <summary>Lifecycle options (protect, ignoreChanges, ...), with inherited values resolved.</summary>
    public DeclarationOptions Options { get; init; } = DeclarationOptions.Default;
}
