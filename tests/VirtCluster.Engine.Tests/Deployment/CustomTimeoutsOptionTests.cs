using System.Diagnostics;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

public sealed class CustomTimeoutsOptionTests
{
    private static readonly DeploymentOptions Defaults = new();
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ACreateThatRunsPastItsTimeoutFailsNamingTheResourceAndTheTimeout()
    {
        var stack = new SingleResourceStack { Delay = TimeSpan.FromSeconds(30), Options = new ResourceOptions { CustomTimeouts = new CustomTimeouts { Create = Short } } };

        var watch = Stopwatch.StartNew();
        var result = await stack.Engine().UpAsync(Defaults);

        Assert.Equal($"create of {SingleResourceStack.Urn} timed out after 100ms", Assert.Single(result.Failures).ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Null(stack.Object);
        Assert.Equal(OperationKind.Create, stack.Store.Load().Pending[SingleResourceStack.Urn].Kind);
    }

    [Fact]
    public async Task TheNextRunSettlesWhatTheTimedOutCreateLeftAndCreatesIt()
    {
        var stack = new SingleResourceStack { Delay = TimeSpan.FromSeconds(30), Options = new ResourceOptions { CustomTimeouts = new CustomTimeouts { Create = Short } } };
        await stack.Engine().UpAsync(Defaults);
        stack.Delay = TimeSpan.Zero;

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Counts.Created);
        Assert.Empty(stack.Store.Load().Pending);
        Assert.Equal(stack.Object!.Id, stack.Recorded!.Id);
    }

    [Fact]
    public async Task AnOperationWithinItsTimeoutSucceeds()
    {
        var stack = new SingleResourceStack
        {
            Delay = TimeSpan.FromMilliseconds(50),
            Options = new ResourceOptions { CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromSeconds(30) } },
        };

        var result = await stack.Engine().UpAsync(Defaults);

        Assert.True(result.Succeeded);
        Assert.NotNull(stack.Object);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("update")]
    [InlineData("delete")]
    public async Task AProviderThatIgnoresCancellationStillFailsAtTheTimeoutAndTheNextRunAdoptsWhatItDid(string operation)
    {
        GatedProvider? gated = null;
        var stack = new SingleResourceStack
        {
            Options = new ResourceOptions { CustomTimeouts = new CustomTimeouts { Create = Short, Update = Short, Delete = Short } },
            Wrap = inner => gated ??= new GatedProvider(inner, operation),
        };
        if (operation != "create")
        {
            await stack.Engine().UpAsync(Defaults);
            stack.Inputs["size"] = 20;
        }

        var result = operation == "delete"
            ? await stack.EngineWithoutProgram().DestroyAsync(Defaults)
            : await stack.Engine().UpAsync(Defaults);
        gated!.Open();
        await gated.Finished;
        var after = operation == "delete"
            ? await stack.EngineWithoutProgram().DestroyAsync(Defaults)
            : await stack.Engine().UpAsync(Defaults);

        Assert.EndsWith($"{operation} of {SingleResourceStack.Urn} timed out after 100ms", Assert.Single(result.Failures).ToString());
        Assert.True(after.Succeeded);
        Assert.Equal(ChangeCounts.None with { Unchanged = operation == "delete" ? 0 : 1 }, after.Counts);
        Assert.Empty(stack.Store.Load().Pending);
        Assert.Equal(operation == "delete" ? null : stack.Object?.Id, stack.Recorded?.Id);
    }

    [Fact]
    public async Task TheDeleteTimeoutIsRecordedSoDestroyHonoursItWithoutTheProgram()
    {
        var stack = new SingleResourceStack { Options = new ResourceOptions { CustomTimeouts = new CustomTimeouts { Delete = TimeSpan.FromMinutes(5) } } };

        await stack.Engine().UpAsync(Defaults);

        Assert.Equal(TimeSpan.FromMinutes(5), stack.Recorded!.Options.DeleteTimeout);
    }

    [Theory]
    [InlineData(300_000, "5m")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(90_000, "1m30s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(250, "250ms")]
    public void TimeoutsAreWrittenTheWayPulumiWritesThem(int milliseconds, string text)
    {
        Assert.Equal(text, OperationTimeout.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
