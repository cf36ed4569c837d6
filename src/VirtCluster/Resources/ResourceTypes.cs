namespace VirtCluster.Resources;

/// <summary>The resource types VirtCluster declares; URNs embed them, so they never change once released.</summary>
public static class ResourceTypes
{
    public const string Cluster = "virtcluster:index:Cluster";
    public const string Lab = "virtcluster:lab:Lab";
    public const string Fabric = "virtcluster:lab:Fabric";
    public const string SimulatedHost = "virtcluster:lab:SimulatedHost";
    public const string Host = "virtcluster:host:Host";
    public const string Pool = "virtcluster:libvirt:Pool";
    public const string BaseImage = "virtcluster:libvirt:BaseImage";
    public const string Overlay = "virtcluster:libvirt:Overlay";
    public const string Network = "virtcluster:libvirt:Network";
    public const string Node = "virtcluster:libvirt:Node";
    public const string BenchmarkStage = "virtcluster:bench:Stage";
}
