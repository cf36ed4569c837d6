namespace VirtCluster.LabHost;

/// <summary>A process that belongs to a lab (its daemon, a QEMU, a dnsmasq, or anything run inside its namespace).</summary>
public sealed record LabProcess(int Pid, string Command)
{
    public override string ToString() => $"{Pid} ({Command})";
}
