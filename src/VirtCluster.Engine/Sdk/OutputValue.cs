namespace VirtCluster.Sdk;

/// <summary>
/// What an output holds at one moment: its value, whether the value is known yet (a resource still to be created
/// has outputs known only after apply), and whether it is secret (masked in plans and logs, encrypted in state).
/// </summary>
internal readonly record struct OutputValue(object? Value, bool IsKnown, bool IsSecret)
{
    public static OutputValue Unknown(bool secret = false) => new(null, false, secret);
}
