using System.Text.RegularExpressions;
using VirtCluster.Engine.Config;

namespace VirtCluster.Config;

/// <summary>Reads <c>virtcluster:bench</c>: whether the benchmark stage runs, which suite, and where else.</summary>
internal static partial class BenchSelectionReader
{
    private static readonly string[] Keys = ["enabled", "suite", "benchmarks", "bareMetal", "binaries", "mpi"];
    private static readonly string[] MpiKeys = ["btl", "pml"];

    public static BenchSelection Read(ConfigNode? node, string projectDirectory)
    {
        if (node is null)
        {
            return new BenchSelection(false, null, [], [], new Dictionary<string, string>());
        }

        var bench = new StrictMapping(node, ConfigKeys.Bench, Keys);
        var enabled = bench.Boolean("enabled") ?? false;
        var suiteNode = bench.Get("suite");
        if (enabled && suiteNode is null)
        {
            throw new ConfigException(bench.Location, bench.KeyPath("suite"), "missing; an enabled benchmark stage needs a suite (e.g. suites/paper.yaml), or set enabled: false");
        }

        var suite = suiteNode is null ? null : ConfigValues.Path(suiteNode, bench.KeyPath("suite"), projectDirectory);
        var benchmarks = bench.StringList("benchmarks", "benchmark names of the suite") ?? [];
        var bareMetal = bench.StringList("bareMetal", "host names to run the suite on bare metal") ?? [];
        if (bench.Get("bareMetal") is ConfigSequence hosts)
        {
            for (var i = 0; i < bareMetal.Count; i++)
            {
                if (!HostAddress().IsMatch(bareMetal[i]))
                {
                    throw new ConfigException(hosts.Items[i].Location, $"{bench.KeyPath("bareMetal")}[{i}]", $"'{bareMetal[i]}' is not a host name");
                }
            }
        }

        return new BenchSelection(enabled, suite, benchmarks, bareMetal, Binaries(bench, projectDirectory)) { Mpi = Mpi(bench) };
    }

    /// <summary><c>mpi: { btl, pml }</c>: Open MPI component lists, passed to mpirun as MCA values.</summary>
    private static MpiTransport? Mpi(StrictMapping bench)
    {
        if (bench.Get("mpi") is not { } node)
        {
            return null;
        }

        var mpi = new StrictMapping(node, bench.KeyPath("mpi"), MpiKeys);
        string? Component(string key)
        {
            var value = mpi.String(key, "an Open MPI component list such as tcp,self or ^openib");
            if (value is not null && !ComponentList().IsMatch(value))
            {
                throw new ConfigException(mpi.Get(key)!.Location, mpi.KeyPath(key), $"'{value}' is not an Open MPI component list; write e.g. tcp,self, openib,self,vader, ucx or ^openib");
            }

            return value;
        }

        return new MpiTransport(Component("btl"), Component("pml"));
    }

    private static Dictionary<string, string> Binaries(StrictMapping bench, string projectDirectory)
    {
        var binaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (bench.Get("binaries") is not { } node)
        {
            return binaries;
        }

        if (node is not ConfigMapping mapping)
        {
            throw new ConfigException(node.Location, bench.KeyPath("binaries"), $"expected a mapping of the suite's binary names to programs on this machine (e.g. sp-mz: bin/sp-mz.C.x), found {ConfigNodeText.Describe(node)}");
        }

        foreach (var (name, value) in mapping.Entries)
        {
            var path = $"{bench.KeyPath("binaries")}.{name.Value}";
            if (!BinaryName().IsMatch(name.Value))
            {
                throw new ConfigException(name.Location, path, $"'{name.Value}' is not a binary name; use letters, digits, '.', '_' and '-'");
            }

            binaries.Add(name.Value, ConfigValues.Path(value, path, projectDirectory));
        }

        return binaries;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")]
    private static partial Regex HostAddress();

    [GeneratedRegex(@"^\^?[a-z0-9_]+(,[a-z0-9_]+)*$")]
    private static partial Regex ComponentList();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex BinaryName();
}
