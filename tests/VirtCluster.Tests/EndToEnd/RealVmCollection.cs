namespace VirtCluster.Tests.EndToEnd;

/// <summary>Tests that boot real (emulated) VMs run one class at a time: two cores do not hold two clusters at once.</summary>
[CollectionDefinition(Name)]
public sealed class RealVmCollection
{
    public const string Name = "real VMs";
}
