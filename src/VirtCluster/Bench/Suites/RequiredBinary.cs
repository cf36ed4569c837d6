namespace VirtCluster.Bench.Suites;

/// <summary>
/// A program the suite needs on the nodes. Paths differ per cluster (and licences keep some binaries out
/// of images), so the suite names a stack config key and the user supplies the path there.
/// </summary>
/// <param name="Key">Used in commands as <c>{binary:KEY}</c>.</param>
/// <param name="ConfigKey">Stack config key holding the path, e.g. <c>virtcluster:imbPath</c>.</param>
/// <param name="DefaultPath">Path used when the config does not set one (Debian packages install to fixed paths); empty when the user must set it.</param>
/// <param name="Description">What the binary is and where to get it, shown when it is missing.</param>
public sealed record RequiredBinary(string Key, string ConfigKey, string DefaultPath, string Description);
