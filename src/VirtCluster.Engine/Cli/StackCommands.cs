using System.CommandLine;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Progress;

namespace VirtCluster.Engine.Cli;

/// <summary>The verbs that read or write the stack's records without running the program: stack output, config.</summary>
internal static class StackCommands
{
    public static Command Stack(GlobalOptions options, EngineHost host)
    {
        var name = new Argument<string?>("NAME") { Description = "One output (default: all)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print every value as JSON (numbers stay numbers, tables stay structured)" };
        var output = new Command("output", "Show the stack outputs recorded by the last up, as a summary (long lists counted) or with --json in full") { name, json };
        output.SetAction(parse => EngineCli.Guard(host, () =>
        {
            using var session = StackSession.OpenState(parse, options);
            if (!session.Store.Exists)
            {
                // Printing nothing and exiting 0 would read as "stood up, exports nothing" to a script. A mistyped
                // name is told apart from a stack never stood up: that one lists the stacks there are.
                StackConfigLoader.ExistingStackFile(session.Project, session.Stack);
                throw new ConfigException($"stack '{session.Stack}' has no state yet (run 'virtcluster up --stack {session.Stack}' first)");
            }

            var outputs = session.Store.Load().Outputs;
            var reveal = parse.GetValue(options.ShowSecrets);
            var selected = parse.GetValue(name);
            JsonNode? shown;
            if (selected is null)
            {
                shown = Show(outputs, reveal);
            }
            else if (outputs.TryGetPropertyValue(selected, out var value))
            {
                shown = Show(value, reveal);
            }
            else
            {
                throw new ConfigException($"stack '{session.Stack}' has no output '{selected}' (outputs: {string.Join(", ", outputs.Select(p => p.Key))})");
            }

            if (parse.GetValue(json))
            {
                host.Output.Write(shown?.ToJsonString(DisplayJson.Indented) + Environment.NewLine);
                return Task.FromResult(ExitCodes.Success);
            }

            var text = selected is null ? OutputRenderer.All(shown!.AsObject()) : OutputRenderer.One(shown);
            host.Output.Write(text.Text);
            if (text.Abridged)
            {
                host.Output.WriteLine(Environment.NewLine + "(summarized: add --json for every value)");
            }

            return Task.FromResult(ExitCodes.Success);
        }));
        return new Command("stack", "Inspect the stack") { output };
    }

    public static Command Config(GlobalOptions options, EngineHost host)
    {
        var setKey = new Argument<string>("KEY") { Description = "Configuration key, e.g. virtcluster:hosts" };
        var setValue = new Argument<string>("VALUE") { Description = "The value (a string; the schema types it when loading)" };
        var secret = new Option<bool>("--secret") { Description = "Encrypt the value in the stack file (needs VIRTCLUSTER_CONFIG_PASSPHRASE)" };
        var set = new Command("set", "Set a configuration value in Pulumi.STACK.yaml") { setKey, setValue, secret };
        set.SetAction(parse => EngineCli.Guard(host, () =>
        {
            using var session = StackSession.OpenState(parse, options);
            StackConfigWriter.Set(session.Project, session.Stack, parse.GetValue(setKey)!, parse.GetValue(setValue)!, parse.GetValue(secret));
            return Task.FromResult(ExitCodes.Success);
        }));

        var getKey = new Argument<string>("KEY") { Description = "Configuration key, e.g. virtcluster:hosts" };
        var get = new Command("get", "Print a configuration value (secrets masked unless --show-secrets)") { getKey };
        get.SetAction(parse => EngineCli.Guard(host, () =>
        {
            using var session = StackSession.OpenState(parse, options);
            var config = StackConfigLoader.Load(session.Project, session.Stack, session.Secrets);
            var key = parse.GetValue(getKey)!;
            var node = config.Get(key) ?? (key.Contains(':') ? null : config.Get(session.Project.KeyPrefix + key))
                ?? throw new ConfigException($"key '{key}' is not set in {config.StackFile} and has no default");
            host.Output.WriteLine(Raw(ConfigJson(node, parse.GetValue(options.ShowSecrets))).TrimEnd('\n'));
            return Task.FromResult(ExitCodes.Success);
        }));
        return new Command("config", "Read and write the stack's configuration") { set, get };
    }

    private static JsonNode? Show(JsonNode? value, bool reveal) => reveal ? SecretValue.Reveal(value) : SecretValue.Mask(value);

    /// <summary>A configuration value as scripts read it: a string bare, anything else as one line of JSON.</summary>
    private static string Raw(JsonNode? value) =>
        value is JsonValue s && s.TryGetValue<string>(out var text) ? text : value?.ToJsonString(DisplayJson.Compact) ?? "null";

    private static JsonNode? ConfigJson(ConfigNode node, bool reveal) => node switch
    {
        ConfigSecret s => reveal ? JsonValue.Create(s.PlainText) : JsonValue.Create(SecretValue.Masked),
        ConfigScalar s => s.IsNull ? null : JsonValue.Create(s.Value),
        ConfigSequence s => new JsonArray([.. s.Items.Select(i => ConfigJson(i, reveal))]),
        ConfigMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ConfigJson(e.Value, reveal)))),
        _ => null,
    };
}
