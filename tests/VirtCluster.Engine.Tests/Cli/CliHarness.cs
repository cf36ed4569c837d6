using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Cli;

/// <summary>Runs the real command line in-process against a project in a temp directory.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly TempDirectory _dir = new();

    public CliHarness()
    {
        File.WriteAllText(Path.Combine(ProjectDirectory, "Pulumi.yaml"), "name: lab\nruntime: dotnet\ndescription: engine tests\n");
    }

    public string ProjectDirectory => _dir.Path;

    public string Backend => Path.Combine(_dir.Path, ".virtcluster");

    public TestStack Stack { get; } = new();

    public string Input { get; set; } = "";

    public bool InputIsTerminal { get; set; }

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
            OutputIsTerminal = false,
        };
        var code = await EngineCli.RunAsync([.. args, "--cwd", ProjectDirectory], host);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => _dir.Dispose();

}
