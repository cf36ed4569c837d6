using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Deployment;

/// <summary>An operation on one resource failed; the message names the resource and the cause.</summary>
public sealed class ResourceOperationException(Urn urn, StepKind kind, Exception cause)
    : Exception(Describe(kind, urn, cause.Message), cause)
{
    public Urn Urn { get; } = urn;

    public StepKind Kind { get; } = kind;

    /// <summary>
    /// <c>create of URN failed: CAUSE</c>; a cause that already says it in those words (<c>create of URN timed out
    /// after 5m</c>) is shown as it is, not twice.
    /// </summary>
    public static string Describe(StepKind kind, Urn urn, string cause)
    {
        var what = $"{kind.ToString().ToLowerInvariant()} of {urn}";
        return cause.StartsWith(what + " ", StringComparison.Ordinal) ? cause : $"{what} failed: {cause}";
    }
}
