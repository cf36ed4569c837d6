using System.CommandLine;

namespace VirtCluster.Engine.Cli;

/// <summary>Options every verb accepts (before or after the verb).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Stack { get; } = new("--stack", "-s")
    {
        Description = "The stack to operate on (default: $VIRTCLUSTER_STACK)",
        HelpName = "NAME",
        Recursive = true,
    };

    public Option<string?> Backend { get; } = new("--backend")
    {
        Description = "Directory holding state (default: $VIRTCLUSTER_BACKEND, else .virtcluster in the project)",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> Cwd { get; } = new("--cwd", "-C")
    {
        Description = "The project directory, where Pulumi.yaml is (default: the current directory)",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "More detail on the console and in the log; repeat for more (-vv)",
        Recursive = true,
    };

    public Option<bool> ForceUnlock { get; } = new("--force-unlock")
    {
        Description = "Remove the stack's lock left by a run that is no longer running",
        Recursive = true,
    };

    public Option<bool> ShowSecrets { get; } = new("--show-secrets")
    {
        Description = "Show secret values instead of [secret]",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Stack, Backend, Cwd, Verbose, ForceUnlock, ShowSecrets];

    /// <summary>How many times -v was given.</summary>
    public int Verbosity(ParseResult parse) => parse.GetResult(Verbose)?.IdentifierTokenCount ?? 0;
}
