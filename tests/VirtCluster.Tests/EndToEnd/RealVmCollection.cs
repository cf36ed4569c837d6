namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// Tests that boot real (emulated) VMs run one class at a time: two cores do not hold two clusters at once. When the
/// last of them has run, the image cache they shared is removed (<see cref="SharedImageCacheCleanup"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealVmCollection : ICollectionFixture<SharedImageCacheCleanup>
{
    public const string Name = "real VMs";
}

/// <summary>
/// Removes the run's shared image cache once the real-VM tests are done. Removing it at process exit was not enough:
/// the test host may be stopped while it deletes a cache of hundreds of megabytes, which left folders behind.
/// </summary>
public sealed class SharedImageCacheCleanup : IDisposable
{
    public void Dispose() => EmptyImageCache.RemoveShared();
}
