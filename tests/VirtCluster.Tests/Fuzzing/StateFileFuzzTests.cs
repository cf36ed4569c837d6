using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.State;
using Xunit.Abstractions;

namespace VirtCluster.Tests.Fuzzing;

/// <summary>
/// A state checkpoint or journal damaged in any of ten thousand seeded ways either still loads or is refused with a
/// <see cref="StateException"/> naming the file, which the CLI turns into exit code 2 with the file left untouched.
/// </summary>
[Collection(FuzzingCollection.Name)]
public sealed class StateFileFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _backend = Directory.CreateTempSubdirectory("vc-state-fuzz-").FullName;

    [Fact]
    public void MutatedCheckpointsLoadOrFailWithAStateException()
    {
        var (checkpoint, _) = WriteRealState();
        using var paths = new FileStateStore(_backend, "dev", null);
        File.Delete(paths.JournalPath);
        var report = Fuzz("checkpoint", checkpoint, text => File.WriteAllText(paths.CheckpointPath, text));

        output.WriteLine($"checkpoints: {report}");
        report.AssertSound();
    }

    [Fact]
    public void MutatedJournalsLoadOrFailWithAStateException()
    {
        var (_, journal) = WriteRealState();
        using var paths = new FileStateStore(_backend, "dev", null);
        var report = Fuzz("journal", journal, text => File.WriteAllText(paths.JournalPath, text));

        output.WriteLine($"journals: {report}");
        report.AssertSound();
    }

    public void Dispose() => Directory.Delete(_backend, recursive: true);

    private FuzzReport Fuzz(string name, string seed, Action<string> write) =>
        new FuzzRunner(name, [seed], [typeof(StateException)], text =>
        {
            write(text);
            using var store = new FileStateStore(_backend, "dev", null);
            store.Load();
        }).Run();

    /// <summary>A checkpoint of a small cluster-shaped stack and a journal of changes made after it.</summary>
    private (string Checkpoint, string Journal) WriteRealState()
    {
        using (var store = new FileStateStore(_backend, "dev", null))
        {
            var host = Resource("Host", "h0", null);
            var pool = Resource("Pool", "pool-h0", host.Urn, host.Urn);
            var node = Resource("Node", "node-h0", host.Urn, pool.Urn);
            store.Append(new ResourceCommitted(host));
            store.Append(new ResourceCommitted(pool));
            var state = store.Load();
            state.Outputs = new JsonObject { ["hosts"] = 1, ["table"] = new JsonArray(1, 2.5) };
            store.Checkpoint(state);
            store.Append(new PendingRecorded(new PendingOperation(OperationKind.Create, node)));
            store.Append(new ResourceCommitted(node));
            store.Append(new PendingCleared(node.Urn));
            store.Append(new ResourceRemoved(pool.Urn));
        }

        using var paths = new FileStateStore(_backend, "dev", null);
        return (File.ReadAllText(paths.CheckpointPath), File.ReadAllText(paths.JournalPath));
    }

    private static ResourceState Resource(string type, string name, Urn? parent, params Urn[] dependencies) => new(
        Urn.Create("dev", "lab", "test:" + type, name),
        "test:" + type,
        name + "-id",
        new JsonObject { ["host"] = "h0", ["vcpus"] = 8, ["memory"] = 48318382080 },
        new JsonObject { ["id"] = name + "-id", ["address"] = "10.77.0.11", ["ready"] = true },
        dependencies,
        parent,
        IsComponent: false);
}
