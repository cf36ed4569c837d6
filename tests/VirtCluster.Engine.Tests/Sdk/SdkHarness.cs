using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.Testing;
using VirtCluster.Engine.Tests.Cli;
using VirtCluster.Sdk;

namespace VirtCluster.Engine.Tests.Sdk;

/// <summary>Runs a program written against the SDK through the real command line, in-process, on an in-memory cloud.</summary>
internal sealed class SdkHarness : IDisposable
{
    private readonly CliHarness _project = new();

    public InMemoryCloud Cloud { get; } = new();

    public string ProjectDirectory => _project.ProjectDirectory;

    public IReadOnlyList<IResourceProvider> Providers =>
    [
        new InMemoryProvider("test:Disk", Cloud) { ReplaceOn = new HashSet<string> { "host" } },
        new InMemoryProvider("test:Machine", Cloud) { ReplaceOn = new HashSet<string> { "host" } },
    ];

    public async Task<(int Code, string Out, string Err)> RunAsync(Func<Task<IDictionary<string, object?>>> program, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new DeploymentSettings
        {
            Providers = [.. Providers],
            Host = new EngineHost((_, _) => Task.CompletedTask, _ => []) { Output = output, Error = error, InputIsTerminal = false, OutputIsTerminal = false },
        };
        var code = await VirtCluster.Sdk.Deployment.RunAsync(program, [.. args, "--stack", "dev", "--cwd", ProjectDirectory], settings);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => _project.Dispose();
}
