using Spectre.Console;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Progress;

namespace VirtCluster.Engine.Tests.Progress;

public sealed class LiveProgressTests
{
    private static readonly Urn Stage = new("urn:virtcluster:dev::lab::test:BenchmarkStage::bench");

    [Fact]
    public async Task AStatusLineIsDrawnInTheResourcesRowWhileItWorksAndTheElapsedTimeOnceDone()
    {
        var screen = new StringWriter();
        var output = TextWriter.Synchronized(screen);
        var live = new LiveProgress(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.Yes,
        }));

        live.Start();
        live.Started(Stage, StepKind.Create);
        live.Status(Stage, "netpipe [inter-node] np=2 threads=1 on tcg: repetition 1/2 still running (30s)");
        var drawn = await WaitForAsync(output, screen, "still running (30s)");
        live.Finished(Stage, StepKind.Create, null, TimeSpan.FromSeconds(31.5));
        await live.StopAsync();

        Assert.True(drawn, screen.ToString());
        var last = screen.ToString()[screen.ToString().LastIndexOf("Resource", StringComparison.Ordinal)..];
        Assert.Contains("created", last);
        Assert.Contains("31.50 s", last);
        Assert.DoesNotContain("still running", last);
    }

    /// <summary>
    /// The display redraws a few times a second on its own thread; give it up to five seconds. The synchronized
    /// writer locks on itself, so reading under that lock never sees half a write.
    /// </summary>
    private static async Task<bool> WaitForAsync(TextWriter output, StringWriter screen, string text)
    {
        for (var i = 0; i < 100; i++)
        {
            lock (output)
            {
                if (screen.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            await Task.Delay(50);
        }

        return false;
    }
}
