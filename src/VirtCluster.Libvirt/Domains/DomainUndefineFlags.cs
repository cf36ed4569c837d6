namespace VirtCluster.Libvirt;

/// <summary>virDomainUndefineFlagsValues: what else to remove with the definition.</summary>
[Flags]
public enum DomainUndefineFlags
{
    None = 0,
    ManagedSave = 1,
    SnapshotsMetadata = 2,
    Nvram = 4,
    KeepNvram = 8,
    CheckpointsMetadata = 16,
}
