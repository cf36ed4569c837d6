using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Deployment;

/// <summary>A provider call ran past the resource's custom timeout.</summary>
public sealed class OperationTimedOutException(string operation, Urn urn, TimeSpan timeout)
    : TimeoutException($"{operation} of {urn} timed out after {OperationTimeout.Format(timeout)}")
{
    public Urn Urn { get; } = urn;

    public TimeSpan Timeout { get; } = timeout;
}
