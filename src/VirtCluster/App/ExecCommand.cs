using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;
using VirtCluster.Lab;
using VirtCluster.Resources;

namespace VirtCluster.App;

/// <summary>
/// <c>exec NODE -- COMMAND...</c>: runs a command on a node over SSH, through the node's host (real or simulated; or
/// from inside the single-machine lab's network namespace), with the host key pinned at boot. Prints its output and exits with its exit status.
/// </summary>
public static class ExecCommand
{
    public static Command Create()
    {
        var node = new Argument<string>("NODE") { Description = "The node's name (see: stack output nodes)" };
        var argv = new Argument<string[]>("COMMAND") { Description = "The program and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var timeout = new Option<int>("--timeout") { Description = "Seconds before the command is stopped", DefaultValueFactory = _ => 3600 };
        var command = new Command("exec", "Run a command on a node over SSH, through its host (arguments are quoted, never interpreted by a shell)")
        {
            node, argv, timeout,
        };
        command.SetAction((parse, ct) => VerbGuard.RunAsync(parse, async () =>
        {
            await using var shell = await ConnectAsync(parse, parse.GetValue(node)!, ct);
            var result = await shell.Ssh.RunAsync(parse.GetValue(argv)!, TimeSpan.FromSeconds(parse.GetValue(timeout)), ct);
            await parse.InvocationConfiguration.Output.WriteAsync(result.Stdout);
            await parse.InvocationConfiguration.Error.WriteAsync(result.Stderr);
            return result.Succeeded ? 0 : result.ExitStatus is > 0 and var status ? status : 1;
        }));
        return command;
    }

    private static async Task<NodeShell> ConnectAsync(ParseResult parse, string nodeName, CancellationToken ct)
    {
        var located = StackLocator.From(parse);
        var (spec, stack) = (located.Spec, located.Stack);
        if (!spec.RunsGuests)
        {
            throw new ConfigException($"stack '{stack}' runs no guest: its hosts are simulated by libvirt's test driver (simulate:), which only models them");
        }

        var nodes = located.LoadState().Resources.Values.Where(r => r.Type == ResourceTypes.Node).ToList();
        var state = nodes.FirstOrDefault(r => r.Urn.Name == nodeName)
            ?? throw new ConfigException(
                $"stack '{stack}' has no node '{nodeName}'; its nodes: {(nodes.Count == 0 ? "none (run up first)" : string.Join(", ", nodes.Select(n => n.Urn.Name)))}");
        var address = state.Outputs["addresses"]![0]!.GetValue<string>();
        var hostKey = state.Outputs["hostKey"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{nodeName}: no pinned host key in state; run up again");
        var keys = new StackKeys(Path.Combine(located.Backend, "keys", stack), stack, spec.SshPrivateKey?.PlainText);
        // A node on a host (real or simulated) is reached through that host, as recorded in its inputs.
        var route = state.Inputs["via"] is JsonObject via
            ? new NodeRoute(Via: via.Deserialize(ProviderJson.Default.HostHop))
            : new NodeRoute(Namespace: spec.Lab?.Namespace ?? throw new InvalidOperationException($"{nodeName}: its state records no host to reach it through; run up again"));
        return await NodeShell.ConnectAsync(route, nodeName, address, hostKey, keys.Admin, TimeSpan.FromSeconds(30), null, ct);
    }
}
