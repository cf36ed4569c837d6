namespace VirtCluster.Engine.Config;

/// <summary>
/// A stack's configuration after loading: every key known to the project's schema (defaults applied),
/// in its written form with locations. Keys are full names such as <c>virtcluster:hosts</c>.
/// </summary>
public sealed class StackConfig
{
    private readonly IReadOnlyDictionary<string, ConfigNode> _values;

    public StackConfig(string project, string stack, string stackFile, IReadOnlyDictionary<string, ConfigNode> values)
    {
        Project = project;
        Stack = stack;
        StackFile = stackFile;
        _values = values;
    }

    public string Project { get; }

    public string Stack { get; }

    /// <summary>Absolute path of <c>Pulumi.STACK.yaml</c>.</summary>
    public string StackFile { get; }

    /// <summary>Folder of the project (where <c>Pulumi.yaml</c> is); relative paths in config resolve against it.</summary>
    public string ProjectDirectory => Path.GetDirectoryName(StackFile)!;

    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>
    /// The stack's state backend (<c>--backend</c>, VIRTCLUSTER_BACKEND, or .virtcluster in the project), where
    /// providers keep what belongs to the stack beside its state: keys, the lab's daemon, results.
    /// </summary>
    public string Backend
    {
        get => _backend ?? Path.Combine(ProjectDirectory, ".virtcluster");
        set => _backend = value;
    }

    private string? _backend;

    /// <summary>The value of a key, or null when neither the stack nor the schema's default gives one.</summary>
    public ConfigNode? Get(string key) => _values.TryGetValue(key, out var node) ? node : null;
}
