using System.Reflection;
using VirtCluster.App;
using VirtCluster.Engine.Cli;
using VirtCluster.Sdk;

namespace VirtCluster.Tests.Support;

/// <summary>
/// The real program of <c>infra/Program.cs</c>, run in this process through its entry point, with the test's console
/// writers and provider package: libvirt's test driver keeps its objects per connection, so the test inspects the
/// simulated hosts through the same package the program used.
/// </summary>
internal static class InfraProgram
{
    private static readonly MethodInfo Main = Assembly.Load("VirtCluster.Infra").GetType("Program")!
        .GetMethod("<Main>$", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!;

    public static async Task<(int Exit, string Out, string Err)> RunAsync(VirtClusterPackage package, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var settings = new DeploymentSettings
        {
            PackageInstances = [package],
            Host = new EngineHost((_, _) => Task.CompletedTask, _ => []) { Output = stdout, Error = stderr, InputIsTerminal = false, OutputIsTerminal = false },
        };
        var exit = await Deployment.InvokeAsync(() => (Task<int>)Main.Invoke(null, [args])!, args, settings);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
