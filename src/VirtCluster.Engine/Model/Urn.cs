namespace VirtCluster.Engine.Model;

/// <summary>
/// A resource's identity, stable across runs: it is derived only from the stack, project, parent type,
/// resource type and name, so re-running the program maps declarations onto the same recorded state.
/// Format: <c>urn:virtcluster:STACK::PROJECT::[PARENTTYPE$]TYPE::NAME</c> (Pulumi's shape).
/// </summary>
public sealed record Urn(string Value) : IComparable<Urn>
{
    public static Urn Create(string stack, string project, string type, string name, string? parentType = null)
    {
        var qualifiedType = parentType is null ? type : parentType + "$" + type;
        return new Urn($"urn:virtcluster:{stack}::{project}::{qualifiedType}::{name}");
    }

    /// <summary>The last segment: the resource's name as declared.</summary>
    public string Name => Value[(Value.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    public int CompareTo(Urn? other) => string.CompareOrdinal(Value, other?.Value);

    public override string ToString() => Value;
}
