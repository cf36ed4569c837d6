using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Secrets;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Cli;

/// <summary>Runs the real command line in-process against a project in a temp directory.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly TempDirectory _dir = new();

    public const string Passphrase = "engine-tests";

    public CliHarness()
    {
        // One passphrase for every test that needs one, so parallel tests never see different values.
        Environment.SetEnvironmentVariable(PassphraseSecretsProvider.PassphraseVariable, Passphrase);
        File.WriteAllText(Path.Combine(ProjectDirectory, "Pulumi.yaml"), """
            name: lab
            runtime: dotnet
            description: engine tests
            config:
              lab:vcpus:
                type: integer
              lab:password:
                type: string
                secret: true
            """);
        var stackFile = Path.Combine(ProjectDirectory, "Pulumi.dev.yaml");
        File.WriteAllText(stackFile, "config:\n");
        var secrets = PassphraseSecretsProvider.ForStack(ProjectLoader.Load(ProjectDirectory), "dev", Passphrase);
        File.WriteAllText(stackFile, $"encryptionsalt: {secrets.EncryptionSalt}\nconfig:\n  lab:vcpus: 8\n");
    }

    public string ProjectDirectory => _dir.Path;

    public string Backend => Path.Combine(_dir.Path, ".virtcluster");

    public TestStack Stack { get; } = new();

    public string Input { get; set; } = "";

    public bool InputIsTerminal { get; set; }

    public bool OutputIsTerminal { get; set; }

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new EngineHost(Stack.Declare, _ => Stack.ProviderList())
        {
            Output = output,
            Error = error,
            Input = new StringReader(Input),
            InputIsTerminal = InputIsTerminal,
            OutputIsTerminal = OutputIsTerminal,
        };
        var code = await EngineCli.RunAsync([.. args, "--cwd", ProjectDirectory], host);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => _dir.Dispose();

}
