using System.Text.Json.Nodes;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.State;
using VirtCluster.Engine.Tests.TestData;

namespace VirtCluster.Engine.Tests.State;

public sealed class FileStateStoreTests
{
    [Fact]
    public async Task UpWritesAVersionedCheckpointAndRemovesTheJournal()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        var stack = new TestStack { Store = store };

        await stack.Engine().UpAsync(new DeploymentOptions());

        var root = JsonNode.Parse(File.ReadAllText(store.CheckpointPath))!;
        Assert.Equal(FileStateStore.FormatVersion, root["version"]!.GetValue<int>());
        Assert.Equal(11, root["resources"]!.AsArray().Count);
        Assert.Empty(root["pending"]!.AsArray());
        Assert.False(File.Exists(store.JournalPath));
        Assert.False(File.Exists(store.LockPath));
        Assert.Equal(11, new FileStateStore(dir.Path, "dev", null).Load().Resources.Count);
    }

    [Fact]
    public void AStackExistsOnceAJournalOrACheckpointHoldsIt()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        var before = store.Exists;
        store.Append(new ResourceCommitted(Resource("a")));
        var journalled = store.Exists;
        store.Checkpoint(store.Load());

        Assert.False(before);
        Assert.True(journalled);
        Assert.True(new FileStateStore(dir.Path, "dev", null).Exists);
        Assert.False(new FileStateStore(dir.Path, "prod", null).Exists);
    }

    [Fact]
    public void JournalledChangesAreReplayedOnTopOfTheCheckpoint()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        var a = Resource("a");
        store.Append(new ResourceCommitted(a));
        store.Checkpoint(store.Load());
        store.Append(new PendingRecorded(new PendingOperation(OperationKind.Create, Resource("b"))));
        store.Append(new ResourceRemoved(a.Urn));
        store.Dispose();

        var state = new FileStateStore(dir.Path, "dev", null).Load();

        Assert.Empty(state.Resources);
        Assert.Equal("b", Assert.Single(state.Pending).Key.Name);
    }

    [Fact]
    public void ATornLastJournalLineIsDroppedAndTheNextAppendContinuesCleanly()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        store.Append(new ResourceCommitted(Resource("a")));
        store.Dispose();
        File.AppendAllText(store.JournalPath, "{\"op\":\"commit\",\"reso");

        var reopened = new FileStateStore(dir.Path, "dev", null);
        Assert.Single(reopened.Load().Resources);
        reopened.Append(new ResourceCommitted(Resource("b")));
        reopened.Dispose();

        Assert.Equal(2, new FileStateStore(dir.Path, "dev", null).Load().Resources.Count);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void TheJournalIsReadableByTheOwnerOnlyWhateverTheUmask()
    {
        using var dir = new TempDirectory();
        using var store = new FileStateStore(dir.Path, "dev", null);

        store.Append(new ResourceCommitted(Resource("a")));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.JournalPath));
    }

    [Fact]
    public async Task ACorruptCheckpointIsAnErrorThatNamesTheFileAndLeavesItUntouched()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        await new TestStack { Store = store }.Engine().UpAsync(new DeploymentOptions());
        var text = File.ReadAllText(store.CheckpointPath);
        File.WriteAllText(store.CheckpointPath, text[..(text.Length / 2)]);
        var before = File.ReadAllBytes(store.CheckpointPath);

        var error = Assert.Throws<StateException>(() => new FileStateStore(dir.Path, "dev", null).Load());

        Assert.Contains(store.CheckpointPath, error.Message);
        Assert.Contains("corrupt", error.Message);
        Assert.Equal(before, File.ReadAllBytes(store.CheckpointPath));
    }

    [Fact]
    public void ACheckpointOfAnotherFormatVersionIsRefused()
    {
        using var dir = new TempDirectory();
        var path = new FileStateStore(dir.Path, "dev", null).CheckpointPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """{"version":7,"generation":1,"resources":[]}""");

        var error = Assert.Throws<StateException>(() => new FileStateStore(dir.Path, "dev", null).Load());

        Assert.Contains("format version 7", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ACorruptJournalRecordIsAnErrorNamingTheLine()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        store.Append(new ResourceCommitted(Resource("a")));
        store.Dispose();
        File.AppendAllText(store.JournalPath, "not json\n");
        var before = File.ReadAllBytes(store.JournalPath);

        var error = Assert.Throws<StateException>(() => new FileStateStore(dir.Path, "dev", null).Load());

        Assert.Contains(store.JournalPath, error.Message);
        Assert.Contains("line 3", error.Message);
        Assert.Equal(before, File.ReadAllBytes(store.JournalPath));
    }

    [Fact]
    public async Task SecretsAreEncryptedAtRestAndReadBackMarked()
    {
        using var dir = new TempDirectory();
        var secrets = new ReversingSecrets();
        var store = new FileStateStore(dir.Path, "dev", () => secrets);
        var stack = new TestStack { Store = store, Password = "hunter2" };

        await stack.Engine().UpAsync(new DeploymentOptions());

        var text = File.ReadAllText(store.CheckpointPath);
        Assert.DoesNotContain("hunter2", text);
        Assert.Contains(StateCodec.EncryptedMarker, text);
        var node = new FileStateStore(dir.Path, "dev", () => secrets).Load().Resources.Values.Single(r => r.Urn.Name == "node-h0");
        Assert.True(SecretValue.IsSecret(node.Inputs["password"]));
        Assert.True(SecretValue.IsSecret(node.Outputs["password"]));
        Assert.Equal("hunter2", SecretValue.Reveal(node.Inputs["password"])!.GetValue<string>());
    }

    [Fact]
    public void ASecondLockIsRefusedNamingTheHolder()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        using var held = store.Lock(forceUnlock: false);

        var error = Assert.Throws<StackLockedException>(() => new FileStateStore(dir.Path, "dev", null).Lock(forceUnlock: false));

        Assert.Contains($"PID {Environment.ProcessId}", error.Message);
        Assert.Contains(Environment.MachineName, error.Message);
    }

    [Fact]
    public void AStaleLockIsReportedWithTheForceUnlockHintAndForceUnlockTakesIt()
    {
        using var dir = new TempDirectory();
        var store = new FileStateStore(dir.Path, "dev", null);
        Directory.CreateDirectory(Path.GetDirectoryName(store.LockPath)!);
        var dead = DeadPid();
        File.WriteAllText(store.LockPath, new JsonObject { ["pid"] = dead, ["host"] = Environment.MachineName, ["started"] = "2020-01-01T00:00:00Z" }.ToJsonString());

        var error = Assert.Throws<StackLockedException>(() => store.Lock(forceUnlock: false));
        using (store.Lock(forceUnlock: true))
        {
            Assert.Contains(Environment.ProcessId.ToString(), File.ReadAllText(store.LockPath));
        }

        Assert.Contains("stale lock", error.Message);
        Assert.Contains($"PID {dead}", error.Message);
        Assert.Contains("--force-unlock", error.Message);
        Assert.False(File.Exists(store.LockPath));
    }

    private static int DeadPid()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    private static ResourceState Resource(string name) =>
        new(new Urn("urn:virtcluster:dev::lab::test:Pool::" + name), "test:Pool", name + "-id", new JsonObject { ["host"] = "h0" }, [], [], null, false);
}
