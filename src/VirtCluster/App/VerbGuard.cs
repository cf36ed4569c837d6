using System.CommandLine;
using VirtCluster.Engine.Config;

namespace VirtCluster.App;

/// <summary>
/// How the application's own verbs fail, the same way the engine's do: a configuration or usage error prints one
/// line and exits 2; any other failure prints one line and exits 1; cancellation is not swallowed.
/// </summary>
internal static class VerbGuard
{
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> verb)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await verb();
        }
        catch (ConfigException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }
}
