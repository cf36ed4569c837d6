using System.CommandLine;
using System.Globalization;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Progress;

namespace VirtCluster.Engine.Cli;

/// <summary>The verbs that run the program against the stack: preview, up, destroy, refresh.</summary>
internal static class DeployCommands
{
    public static Command Preview(GlobalOptions options, EngineHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON, with every resource's inputs (secrets masked)" };
        var expectNoChanges = new Option<bool>("--expect-no-changes") { Description = "Exit with code 1 if anything would change" };
        var replace = Replace();
        var command = new Command("preview", "Show what up would change, without changing anything") { json, expectNoChanges, replace };
        command.SetAction((parse, ct) => EngineCli.Guard(host, async () =>
        {
            using var session = await StackSession.OpenEngineAsync(parse, options, host, "preview", ct);
            var plan = await session.Engine!.PreviewAsync(new DeploymentOptions
            {
                Replace = Urns(parse, replace),
                ForceUnlock = parse.GetValue(options.ForceUnlock),
            }, ct);
            await host.Output.WriteAsync(parse.GetValue(json)
                ? PlanRenderer.Json(plan).ToJsonString(DisplayJson.Indented) + Environment.NewLine
                : PlanRenderer.Text(plan, options.Verbosity(parse) > 0));
            if (plan.Refusals.Count > 0)
            {
                throw new PlanRefusedException(plan, "preview");
            }

            if (parse.GetValue(expectNoChanges) && plan.HasChanges)
            {
                await host.Error.WriteLineAsync($"error: changes found ({plan.Totals}) and --expect-no-changes was given");
                return ExitCodes.OperationFailed;
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Up(GlobalOptions options, EngineHost host)
    {
        var yes = Yes();
        var parallel = new Option<int>("--parallel", "-p") { Description = "How many resource operations may run at once", HelpName = "N", DefaultValueFactory = _ => 4 };
        parallel.Validators.Add(r =>
        {
            // Read the token rather than the converted value: a value that is not a number is already a parse
            // error, and converting it here would throw instead of reporting it.
            if (r.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n < 1)
            {
                r.AddError("--parallel must be at least 1");
            }
        });
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "After a failure, go on with everything that does not depend on it" };
        var target = Target("Only this resource and what depends on it (repeatable)");
        var replace = Replace();
        var command = new Command("up", "Create or update the stack's resources to match the program") { yes, parallel, continueOnError, target, replace };
        command.SetAction((parse, ct) => EngineCli.Guard(host, () => Deploy(parse, options, host, "up", ct, (engine, confirm) =>
            engine.UpAsync(Options(parse, options, target) with
            {
                Parallelism = parse.GetValue(parallel),
                ContinueOnError = parse.GetValue(continueOnError),
                Replace = Urns(parse, replace),
            }, confirm, ct))));
        return command;
    }

    public static Command Destroy(GlobalOptions options, EngineHost host)
    {
        var yes = Yes();
        var target = Target("Only this resource and what depends on it (repeatable)");
        var command = new Command("destroy", "Delete the stack's resources, dependents first; a second destroy does nothing") { yes, target };
        command.SetAction((parse, ct) => EngineCli.Guard(host, () => Deploy(parse, options, host, "destroy", ct, (engine, confirm) =>
            engine.DestroyAsync(Options(parse, options, target), confirm, ct))));
        return command;
    }

    public static Command Refresh(GlobalOptions options, EngineHost host)
    {
        var yes = Yes();
        var previewOnly = new Option<bool>("--preview-only") { Description = "Only report drift; record nothing" };
        var command = new Command("refresh", "Read the resources' actual state, report drift and record it") { yes, previewOnly };
        command.SetAction((parse, ct) => EngineCli.Guard(host, async () =>
        {
            var onlyReport = parse.GetValue(previewOnly);
            var confirmed = parse.GetValue(yes);
            if (!onlyReport)
            {
                Confirmation.RequireAnswerable(host, confirmed, "refresh");
            }

            using var session = await StackSession.OpenEngineAsync(parse, options, host, "refresh", ct);
            var unlock = parse.GetValue(options.ForceUnlock);
            var record = !onlyReport && confirmed;
            var result = await session.Engine!.RefreshAsync(previewOnly: !record, forceUnlock: unlock, cancellationToken: ct);
            await host.Output.WriteAsync(DriftRenderer.Text(session.Stack, result));
            if (!onlyReport && !record && result.Drifts.Count > 0 && Confirmation.Ask(host, false, "Record this drift in the stack's state?"))
            {
                result = await session.Engine.RefreshAsync(previewOnly: false, forceUnlock: unlock, cancellationToken: ct);
                await host.Output.WriteAsync(DriftRenderer.Text(session.Stack, result));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<int> Deploy(
        ParseResult parse, GlobalOptions options, EngineHost host, string verb, CancellationToken ct,
        Func<StackEngine, Func<Plan, bool>, Task<DeploymentResult>> run)
    {
        var yes = parse.GetValue<bool>("--yes");
        Confirmation.RequireAnswerable(host, yes, verb);
        using var session = await StackSession.OpenEngineAsync(parse, options, host, verb, ct);
        bool Confirm(Plan plan)
        {
            host.Output.Write(PlanRenderer.Text(plan, options.Verbosity(parse) > 0));
            var go = !plan.HasChanges || Confirmation.Ask(host, yes, $"Do you want to perform this {verb}?");
            if (go && plan.HasChanges)
            {
                session.Live?.Start();
            }

            return go;
        }

        DeploymentResult result;
        try
        {
            result = await run(session.Engine!, Confirm);
        }
        catch (PlanRefusedException refused)
        {
            // Show what was refused, and why, before the error says how to fix it.
            host.Output.Write(PlanRenderer.Text(refused.Plan, options.Verbosity(parse) > 0));
            throw;
        }
        finally
        {
            if (session.Live is not null)
            {
                await session.Live.StopAsync();
            }
        }

        if (!result.Confirmed)
        {
            await host.Output.WriteLineAsync($"{verb} cancelled; nothing was changed");
            return ExitCodes.Success;
        }

        foreach (var failure in result.Failures)
        {
            await host.Error.WriteLineAsync("error: " + failure);
            session.Logger.Information("{Failure}", failure.ToString());
        }

        if (result.NotRun.Count > 0)
        {
            await host.Error.WriteLineAsync(
                $"{result.NotRun.Count} resource(s) not attempted because {(ct.IsCancellationRequested ? "the run was interrupted" : "of the failure")}");
        }

        var summary = result.Counts.Summary(result.Duration);
        await host.Output.WriteLineAsync(summary);
        session.Logger.Information("{Verb} finished: {Summary}", verb, summary);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.OperationFailed;
    }

    private static DeploymentOptions Options(ParseResult parse, GlobalOptions options, Option<string[]> target) => new()
    {
        Targets = Urns(parse, target),
        ForceUnlock = parse.GetValue(options.ForceUnlock),
    };

    private static Urn[] Urns(ParseResult parse, Option<string[]> option) => [.. (parse.GetValue(option) ?? []).Select(t => new Urn(t))];

    private static Option<bool> Yes() => new("--yes", "-y") { Description = "Proceed without asking for confirmation" };

    private static Option<string[]> Target(string description) => new("--target", "-t")
    {
        Description = description,
        HelpName = "URN",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<string[]> Replace() => new("--replace")
    {
        Description = "Replace this resource even if nothing changed (repeatable)",
        HelpName = "URN",
        AllowMultipleArgumentsPerToken = false,
    };
}
