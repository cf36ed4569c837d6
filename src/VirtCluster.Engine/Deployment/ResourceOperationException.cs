using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Deployment;

/// <summary>An operation on one resource failed; the message names the resource and the cause.</summary>
public sealed class ResourceOperationException(Urn urn, StepKind kind, Exception cause)
    : Exception($"{kind.ToString().ToLowerInvariant()} of {urn} failed: {cause.Message}", cause)
{
    public Urn Urn { get; } = urn;

    public StepKind Kind { get; } = kind;
}
