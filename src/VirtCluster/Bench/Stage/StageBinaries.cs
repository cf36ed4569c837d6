using System.Security.Cryptography;
using VirtCluster.Bench.Suites;
using VirtCluster.Engine.Config;

namespace VirtCluster.Bench.Stage;

/// <summary>
/// Where the stage's programs come from, checked before anything runs. A suite binary is either already on the nodes,
/// at the path its config key gives (e.g. <c>virtcluster:imbPath</c>; unset, the suite's default), or a program on this
/// machine that the user supplies under <c>virtcluster:bench</c> <c>binaries</c>, which the stage installs on every
/// node; never both.
/// </summary>
/// <param name="PathsOnNodes">Paths set by the suite's config keys, by suite binary name.</param>
/// <param name="Supplied">Absolute paths of the supplied programs on this machine, by suite binary name.</param>
/// <param name="SuppliedSha256">Each supplied program's SHA-256 (lower-case hex) now: another build is another setup.</param>
public sealed record StageBinaries(
    IReadOnlyDictionary<string, string> PathsOnNodes,
    IReadOnlyDictionary<string, string> Supplied,
    IReadOnlyDictionary<string, string> SuppliedSha256)
{
    private const string BenchKey = "virtcluster:bench";

    /// <param name="suite">The suite the stage runs.</param>
    /// <param name="supplied">The <c>binaries</c> of <c>virtcluster:bench</c>: suite binary name to a program on this machine.</param>
    /// <param name="configValue">The stack config's value of a key, null when unset.</param>
    /// <exception cref="ConfigException">A supplied name the suite lacks, a program that cannot be read, or a binary given both ways.</exception>
    public static StageBinaries Resolve(SuiteDefinition suite, IReadOnlyDictionary<string, string> supplied, Func<string, string?> configValue)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(supplied);
        ArgumentNullException.ThrowIfNull(configValue);
        var onNodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var binary in suite.Binaries)
        {
            if (configValue(binary.ConfigKey) is { } path)
            {
                onNodes[binary.Key] = path;
            }
        }

        var sha256 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in supplied)
        {
            if (suite.Binaries.All(b => b.Key != name))
            {
                throw new ConfigException(null, BenchKey,
                    $"binaries.{name}: {suite.SourceFile} has no binary '{name}'; its binaries are {string.Join(", ", suite.Binaries.Select(b => b.Key))}");
            }

            var configKey = suite.Binaries.Single(b => b.Key == name).ConfigKey;
            if (onNodes.ContainsKey(name))
            {
                throw new ConfigException(null, BenchKey,
                    $"binaries.{name} and {configKey} are both set; keep {configKey} for a program already on the nodes, "
                    + $"or binaries.{name} for one on this machine to install on them");
            }

            sha256[name] = Sha256(name, path);
        }

        return new StageBinaries(onNodes, new Dictionary<string, string>(supplied, StringComparer.Ordinal), sha256);
    }

    private static string Sha256(string name, string path)
    {
        if (Directory.Exists(path))
        {
            throw new ConfigException(null, BenchKey, $"binaries.{name}: {path} is a folder; give the path of the program itself");
        }

        try
        {
            using var program = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(program));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(null, BenchKey, $"binaries.{name}: cannot read {path} ({e.Message}); give the path of the program on this machine");
        }
    }
}
