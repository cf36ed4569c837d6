using System.CommandLine;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Engine.Cli;

/// <summary>
/// What an application gives the engine's command line: its program, how to build its providers from the
/// stack's configuration, and any verbs of its own. The console can be replaced so tests drive the CLI in-process.
/// </summary>
/// <param name="Program">Declares the stack's resources and outputs.</param>
/// <param name="Providers">Builds the providers once the stack's configuration is loaded.</param>
public sealed record EngineHost(StackProgram Program, Func<StackConfig, IReadOnlyList<IResourceProvider>> Providers)
{
    /// <summary>For a program that declares without awaiting anything.</summary>
    public EngineHost(Action<StackBuilder> program, Func<StackConfig, IReadOnlyList<IResourceProvider>> providers)
        : this((stack, _) =>
        {
            program(stack);
            return Task.CompletedTask;
        }, providers)
    {
    }

    /// <summary>Extra verbs (doctor, image build, bench...) added beside the engine's.</summary>
    public IReadOnlyList<Command> Commands { get; init; } = [];

    public TextWriter Output { get; init; } = Console.Out;

    public TextWriter Error { get; init; } = Console.Error;

    public TextReader Input { get; init; } = Console.In;

    /// <summary>Whether a person can answer a confirmation prompt.</summary>
    public bool InputIsTerminal { get; init; } = !Console.IsInputRedirected;

    /// <summary>Whether to draw live progress rather than timestamped lines.</summary>
    public bool OutputIsTerminal { get; init; } = !Console.IsOutputRedirected;
}
