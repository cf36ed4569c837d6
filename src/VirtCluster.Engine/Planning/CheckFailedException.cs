using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Planning;

/// <summary>A Check failure of one resource's property.</summary>
public sealed record ResourceCheckFailure(Urn Urn, string Property, string Reason)
{
    public override string ToString() => $"{Urn}: property '{Property}' {Reason}";
}

/// <summary>Inputs failed their providers' Check: nothing was planned or changed (exit code 2).</summary>
public sealed class CheckFailedException(IReadOnlyList<ResourceCheckFailure> failures)
    : Exception("invalid resource inputs:" + string.Concat(failures.Select(f => Environment.NewLine + "  " + f)))
{
    public IReadOnlyList<ResourceCheckFailure> Failures { get; } = failures;
}
