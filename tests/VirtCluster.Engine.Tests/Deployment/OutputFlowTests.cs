using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Testing;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.Deployment;

/// <summary>
/// An input taken from another resource's output is unknown until that resource has run: preview shows it as
/// unknown and does not hold it to Check; up runs the producer, then checks and uses the real value, in one run.
/// Shaped like the image build feeding the base volume's upload: the file exists only once the producer ran.
/// </summary>
public sealed class OutputFlowTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task PreviewShowsAFileNotYetMadeAsUnknownAndRaisesNoCheckFailure()
    {
        var plan = await Engine(FileMaker.Writes).PreviewAsync();

        var upload = plan.Steps.Single(s => s.Urn.Name == "upload");
        Assert.Equal(StepKind.Create, upload.Kind);
        Assert.True(UnknownValue.IsUnknown(upload.Inputs["from"]));
        Assert.Equal("(known after apply)", UnknownValue.Display);
        Assert.False(File.Exists(FilePath));
    }

    [Fact]
    public async Task UpMakesTheFileThenUsesItInTheSameRun()
    {
        var engine = Engine(FileMaker.Writes);

        var result = await engine.UpAsync(new DeploymentOptions());

        Assert.True(result.Succeeded, string.Join("; ", result.Failures));
        Assert.Equal(new ChangeCounts(2, 0, 0, 0, 0), result.Counts);
        Assert.Equal(FilePath, _consumed.Single());
        Assert.False((await Engine(FileMaker.Writes).PreviewAsync()).HasChanges);
    }

    [Fact]
    public async Task AnOutputThatFailsCheckOnceKnownStopsTheDependentBeforeItIsCreated()
    {
        var result = await Engine(FileMaker.OnlyNamesIt).UpAsync(new DeploymentOptions());

        var failure = Assert.Single(result.Failures);
        Assert.Equal("upload", failure.Urn.Name);
        Assert.Contains($"property 'from' '{FilePath}' does not exist", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_consumed);
        Assert.DoesNotContain(_store.Load().Resources.Keys, u => u.Name == "upload");
    }

    public void Dispose() => _folder.Dispose();

    private readonly List<string> _consumed = [];
    private readonly InMemoryStateStore _store = new();

    private string FilePath => Path.Combine(_folder.Path, "image.qcow2");

    private StackEngine Engine(FileMaker maker)
    {
        var builder = new StackBuilder("lab", "dev", new StackConfig("lab", "dev", "/nonexistent/Pulumi.dev.yaml", new Dictionary<string, ConfigNode>()));
        var image = builder.Declare("test:Image", "image", new JsonObject { ["path"] = FilePath });
        builder.Declare("test:Upload", "upload", new JsonObject { ["from"] = image.Output("file").ToJson() });
        return new StackEngine(builder, new ProviderRegistry([new Producer(maker), new Consumer(_consumed)]), _store);
    }

    public enum FileMaker
    {
        Writes,
        OnlyNamesIt,
    }

    /// <summary>Makes the file named by its <c>path</c> input (or, broken, only names it) and outputs it as <c>file</c>.</summary>
    private sealed class Producer(FileMaker maker) : IResourceProvider
    {
        public string Type => "test:Image";

        public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => [];

        public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) => InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Replace);

        public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
        {
            var path = request.Inputs["path"]!.GetValue<string>();
            if (maker == FileMaker.Writes)
            {
                File.WriteAllText(path, "disk");
            }

            return Task.FromResult(new ProviderResult(path, new JsonObject { ["file"] = path }));
        }

        public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<ProviderResult?>(null);

        public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Requires its <c>from</c> input to be an existing file, as the base volume's upload does.</summary>
    private sealed class Consumer(List<string> consumed) : IResourceProvider
    {
        public string Type => "test:Upload";

        /// <summary>Like a typed provider, it cannot read the engine's marker for a value not yet known.</summary>
        public string? ConcurrencyKey(JsonObject inputs) =>
            inputs["from"] is JsonObject marker ? throw new InvalidOperationException("ConcurrencyKey was given " + marker.ToJsonString()) : "uploads";

        public IReadOnlyList<CheckFailure> Check(JsonObject inputs) =>
            inputs["from"]?.GetValue<string>() is { } path && !File.Exists(path)
                ? [new CheckFailure("from", $"'{path}' does not exist")]
                : [];

        public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) => InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Replace);

        public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
        {
            consumed.Add(request.Inputs["from"]!.GetValue<string>());
            return Task.FromResult(new ProviderResult("upload", new JsonObject()));
        }

        public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<ProviderResult?>(null);

        public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
