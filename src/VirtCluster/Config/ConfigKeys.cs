namespace VirtCluster.Config;

/// <summary>The stack config keys the cluster is built from; their schema is in <c>Pulumi.yaml</c>.</summary>
public static class ConfigKeys
{
    public const string Hosts = "virtcluster:hosts";
    public const string Lab = "virtcluster:lab";
    public const string Vcpus = "virtcluster:vcpus";
    public const string Memory = "virtcluster:memory";
    public const string MemoryReserve = "virtcluster:memoryReserve";
    public const string HugePages = "virtcluster:hugepages";
    public const string Pinning = "virtcluster:pinning";
    public const string Io = "virtcluster:io";
    public const string Hypervisor = "virtcluster:hypervisor";
    public const string Hca = "virtcluster:hca";
    public const string FirmwareMinimum = "virtcluster:firmwareMinimum";
    public const string Network = "virtcluster:network";
    public const string Image = "virtcluster:image";
    public const string Bench = "virtcluster:bench";

    /// <summary>The guests' SSH private key (secret); read by whoever provisions the guests, absent until generated.</summary>
    public const string SshKey = "virtcluster:sshKey";
}
