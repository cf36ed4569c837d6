namespace VirtCluster.Libvirt.Tests;

/// <summary>
/// Tests that read or change process-wide state (the live-handle count, the error hook) run alone,
/// after the parallel ones, so other tests' handles and errors cannot disturb them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "libvirt process-wide state";
}
