using System.CommandLine;
using System.CommandLine.Help;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Cli;

/// <summary>
/// The command line: <c>preview</c>, <c>up</c>, <c>destroy</c>, <c>refresh</c>, <c>stack output</c>,
/// <c>config set|get</c>, plus the application's own verbs. Every error ends here and becomes one message and
/// one documented exit code.
/// </summary>
public static class EngineCli
{
    public const string Description =
        "VirtCluster: declare a virtualized HPC cluster as code, stand it up, benchmark it, and give the hosts back.";

    public static async Task<int> RunAsync(string[] args, EngineHost host)
    {
        var parse = BuildRoot(host).Parse(args);

        // Signals are handled here rather than by System.CommandLine, which gives up on the verb after a fixed
        // timeout: a run must be allowed to record its state before it exits.
        using var interruption = new Interruption(host.Error);
        int code;
        try
        {
            code = await parse.InvokeAsync(
                new InvocationConfiguration { Output = host.Output, Error = host.Error, ProcessTerminationTimeout = null },
                interruption.Token);
        }
        catch (OperationCanceledException) when (interruption.Signal != 0)
        {
            code = interruption.ExitCode;
        }

        if (interruption.Signal != 0)
        {
            await host.Error.WriteLineAsync("interrupted: stopped cleanly; the next run continues from the saved state");
            return interruption.ExitCode;
        }

        // An unknown verb or option or a bad option value is a usage error (2), as --help documents, not a failure (1).
        return parse.Errors.Count > 0 ? ExitCodes.UsageError : code;
    }

    /// <summary>
    /// The command tree. The root is named <c>virtcluster</c> (the launcher's name) rather than after the
    /// executable, so usage lines read the same however the program is started.
    /// </summary>
    public static Command BuildRoot(EngineHost host)
    {
        var options = new GlobalOptions();
        var root = new Command("virtcluster", Description + Environment.NewLine + Environment.NewLine + ExitCodes.Help)
        {
            new HelpOption(),
            new VersionOption(),
        };
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(DeployCommands.Preview(options, host));
        root.Subcommands.Add(DeployCommands.Up(options, host));
        root.Subcommands.Add(DeployCommands.Destroy(options, host));
        root.Subcommands.Add(DeployCommands.Refresh(options, host));
        root.Subcommands.Add(StackCommands.Stack(options, host));
        root.Subcommands.Add(StackCommands.Config(options, host));
        foreach (var command in host.Commands)
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs a verb, turning each kind of failure into its message and exit code.</summary>
    internal static async Task<int> Guard(EngineHost host, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (Exception e) when (e is ConfigException or CheckFailedException or StateException or PlanRefusedException)
        {
            await host.Error.WriteLineAsync("error: " + e.Message);
            return ExitCodes.UsageError;
        }
        catch (StackLockedException e)
        {
            await host.Error.WriteLineAsync("error: " + e.Message);
            return ExitCodes.StackLocked;
        }
        catch (ResourceOperationException e)
        {
            await host.Error.WriteLineAsync("error: " + e.Message);
            return ExitCodes.OperationFailed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The application's own refusals (a failed preflight, an unreachable host) are reported, not dumped; the run's
            // log keeps the whole exception, so that a failure the message does not explain can still be traced.
            Serilog.Log.Debug(e, "{Message}", e.Message);
            await host.Error.WriteLineAsync("error: " + e.Message);
            return ExitCodes.OperationFailed;
        }
    }
}
