namespace VirtCluster.Engine.Model;

/// <summary>
/// How long the provider may take for each operation on one resource (Pulumi's <c>customTimeouts</c>). Null leaves
/// the operation unbounded, as before. A call that runs longer is cancelled and fails; its pending record stays, so
/// the next run asks the provider what the call left, as after a crash.
/// </summary>
public sealed record CustomTimeouts
{
    public static CustomTimeouts None { get; } = new();

    public TimeSpan? Create { get; init; }

    public TimeSpan? Update { get; init; }

    /// <summary>Recorded in state: <c>destroy</c> does not run the program, yet must honour it.</summary>
    public TimeSpan? Delete { get; init; }
}
