using System.CommandLine;
using VirtCluster.Hosts;

namespace VirtCluster.App;

/// <summary>
/// <c>doctor --stack S [--json]</c>: reads every host's facts and prints the preflight verdicts, changing nothing.
/// Exit 0 when no check fails, 1 when one does, 2 on bad configuration.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(VirtClusterPackage app)
    {
        var json = new Option<bool>("--json") { Description = "Print the verdicts as JSON" };
        var command = new Command("doctor", "Check every host of the stack (facts and preflight) without changing anything") { json };
        command.SetAction((parse, ct) => VerbGuard.RunAsync(parse, async () =>
        {
            var spec = StackLocator.From(parse).Spec;
            var facts = await app.Facts.ReadAllAsync(spec, ct);
            var report = Preflight.Run(spec, facts);
            await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(json) ? report.ToJson() : report.RenderTable());
            return report.HasFailures ? 1 : 0;
        }));
        return command;
    }
}
