using VirtCluster.Sdk;

namespace VirtCluster.Config;

/// <summary>The program's way to the stack's cluster settings: every key checked, errors naming file, line and key.</summary>
public static class ClusterSettings
{
    /// <summary>The validated settings of <c>virtcluster:*</c> in the stack file.</summary>
    public static ClusterSpec Read(Sdk.Config config) => ClusterSpecLoader.FromConfig(config.Source);
}
