namespace VirtCluster.Libvirt;

/// <summary>virConnectListAllNetworksFlags; None lists every network.</summary>
[Flags]
public enum NetworkListFlags
{
    None = 0,
    Inactive = 1,
    Active = 2,
    Persistent = 4,
    Transient = 8,
    Autostart = 16,
    NoAutostart = 32,
}
