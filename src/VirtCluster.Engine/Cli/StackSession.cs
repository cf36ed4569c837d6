using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Serilog;
using Spectre.Console;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Logging;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Progress;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.Secrets;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Cli;

/// <summary>
/// Everything one verb needs about its stack: project, configuration, secrets, state store, the run's log, and
/// (for verbs that run the program) the engine. Built in one place so every verb fails the same way on bad input.
/// </summary>
internal sealed partial class StackSession : IDisposable
{
    private StackSession(ProjectManifest project, string stack, string backend, ISecretsProvider secrets)
    {
        Project = project;
        Stack = stack;
        Backend = backend;
        Secrets = secrets;
        Store = new FileStateStore(backend, stack, () => secrets);
    }

    public ProjectManifest Project { get; }

    public string Stack { get; }

    public string Backend { get; }

    public ISecretsProvider Secrets { get; }

    public FileStateStore Store { get; }

    public ILogger Logger { get; private set; } = Serilog.Core.Logger.None;

    public StackEngine? Engine { get; private set; }

    public LiveProgress? Live { get; private set; }

    /// <summary>Project, stack and state only: for verbs that do not run the program (stack output, config).</summary>
    public static StackSession OpenState(ParseResult parse, GlobalOptions options)
    {
        var directory = Path.GetFullPath(parse.GetValue(options.Cwd) ?? Directory.GetCurrentDirectory());
        var stack = parse.GetValue(options.Stack) ?? Environment.GetEnvironmentVariable("VIRTCLUSTER_STACK");
        if (string.IsNullOrEmpty(stack))
        {
            throw new ConfigException("no stack selected: pass --stack NAME or set VIRTCLUSTER_STACK");
        }

        if (!StackName().IsMatch(stack))
        {
            throw new ConfigException($"stack name '{stack}' is not valid: use letters, digits, '-', '_' and '.'");
        }

        var project = ProjectLoader.Load(directory);
        var fromEnvironment = Environment.GetEnvironmentVariable("VIRTCLUSTER_BACKEND");
        var backend = Path.GetFullPath(parse.GetValue(options.Backend)
            ?? (string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(project.Directory, ".virtcluster") : fromEnvironment));
        return new StackSession(project, stack, backend, PassphraseSecretsProvider.Lazy(project, stack));
    }

    /// <summary>
    /// Loads configuration, opens the run's log, runs the program (for <c>preview</c> and <c>up</c>) and builds the
    /// engine. <c>destroy</c> and <c>refresh</c> work from the state alone, as Pulumi's do: they must work when the
    /// program cannot run, e.g. when a host whose facts it reads is gone.
    /// </summary>
    public static async Task<StackSession> OpenEngineAsync(ParseResult parse, GlobalOptions options, EngineHost host, string verb, CancellationToken cancellationToken)
    {
        var session = OpenState(parse, options);
        try
        {
            var config = StackConfigLoader.Load(session.Project, session.Stack, session.Secrets);
            config.Backend = session.Backend;

            // Before anything logs: a decrypted secret that reaches a message (a URI, a command line) is then masked.
            SecretRedactor.Process.RegisterSecretsOf(config);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss.fff", CultureInfo.InvariantCulture);
            var verbosity = options.Verbosity(parse);
            session.Logger = EngineLogging.Configure(verbosity, Path.Combine(session.Backend, "logs", $"{session.Stack}-{stamp}.clef"));
            session.Logger.Information("{Verb} of stack {Stack} in {Project}", verb, session.Stack, session.Project.Directory);

            // Application code (providers, the libvirt error hook) logs through Serilog's static logger.
            Log.Logger = session.Logger;

            var builder = new StackBuilder(session.Project.Name, session.Stack, config);
            if (verb is not ("destroy" or "refresh"))
            {
                await host.Program(builder, cancellationToken);
            }

            var providers = new ProviderRegistry(host.Providers(config));
            IDeploymentObserver display;
            if (host.OutputIsTerminal)
            {
                session.Live = new LiveProgress(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(host.Output) }));
                display = session.Live;
            }
            else
            {
                display = new PlainProgress(host.Output, verbosity > 0);
            }

            session.Engine = new StackEngine(builder, providers, session.Store, new CompositeObserver(display, new LoggingObserver(session.Logger)));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        (Logger as IDisposable)?.Dispose();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex StackName();
}
