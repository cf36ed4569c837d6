namespace VirtCluster.Planning;

/// <summary>A stack asks for something a host cannot give; the message names the host and the fix.</summary>
public sealed class PlanningException(string host, string message) : Exception($"{host}: {message}")
{
    public string Host { get; } = host;
}
