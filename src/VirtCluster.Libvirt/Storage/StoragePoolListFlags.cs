namespace VirtCluster.Libvirt;

/// <summary>The state filters of virConnectListAllStoragePoolsFlags; None lists every pool.</summary>
[Flags]
public enum StoragePoolListFlags
{
    None = 0,
    Inactive = 1,
    Active = 2,
    Persistent = 4,
    Transient = 8,
    Autostart = 16,
    NoAutostart = 32,
}
