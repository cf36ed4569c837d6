using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Win32.SafeHandles;
using VirtCluster.Engine.IO;
using VirtCluster.Engine.Interop;
using VirtCluster.Engine.Secrets;

namespace VirtCluster.Engine.State;

/// <summary>
/// State in a backend directory: <c>stacks/STACK.json</c> (the checkpoint, replaced atomically),
/// <c>stacks/STACK.journal</c> (one JSON line per change, appended while a run works; pending records are
/// fsynced before the provider acts) and
/// <c>stacks/STACK.lock</c>. The journal names the checkpoint generation it extends, so a journal already
/// folded into a newer checkpoint (a crash between rename and delete) is recognised and ignored.
/// </summary>
public sealed class FileStateStore : IStateStore, IDisposable
{
    public const int FormatVersion = 1;

    /// <summary>A key written twice is an edit gone wrong, not something to resolve silently.</summary>
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private readonly StateCodec _codec;
    private readonly string _stack;
    private readonly Lock _writeGate = new();
    private readonly Lock _syncGate = new();
    private SafeFileHandle? _journal;
    private long _journalOffset;
    private long _journalGeneration = -1;
    private long _journalValidLength;
    private long _generation;
    private long _appended;
    private long _synced;

    public FileStateStore(string backendDirectory, string stack, Func<ISecretsProvider>? secrets)
    {
        _stack = stack;
        _codec = new StateCodec(secrets);
        var stacks = Path.Combine(Path.GetFullPath(backendDirectory), "stacks");
        CheckpointPath = Path.Combine(stacks, stack + ".json");
        JournalPath = Path.Combine(stacks, stack + ".journal");
        LockPath = Path.Combine(stacks, stack + ".lock");
    }

    public string CheckpointPath { get; }

    public string JournalPath { get; }

    public string LockPath { get; }

    public string Location => CheckpointPath;

    public long BytesWritten { get; private set; }

    public bool Exists => File.Exists(CheckpointPath) || File.Exists(JournalPath);

    public IDisposable Lock(bool forceUnlock) => StackLock.Acquire(LockPath, _stack, forceUnlock);

    public StackState Load()
    {
        var state = File.Exists(CheckpointPath) ? ReadCheckpoint() : new StackState();
        _generation = state.Generation;
        if (File.Exists(JournalPath))
        {
            ReplayJournal(state);
        }

        return state;
    }

    public void Append(StateChange change)
    {
        var bytes = Encoding.UTF8.GetBytes(Encode(change).ToJsonString() + "\n");
        lock (_writeGate)
        {
            var journal = OpenJournal();
            RandomAccess.Write(journal, bytes, _journalOffset);
            _journalOffset += bytes.Length;
            BytesWritten += bytes.Length;
            _appended++;
        }
    }

    public void Sync()
    {
        long wanted;
        SafeFileHandle? journal;
        lock (_writeGate)
        {
            (wanted, journal) = (_appended, _journal);
        }

        if (journal is null)
        {
            return;
        }

        // Group commit: whoever holds the sync gate fsyncs everything written so far, so callers that queued
        // behind it find their records already durable.
        lock (_syncGate)
        {
            if (_synced >= wanted)
            {
                return;
            }

            long upTo;
            lock (_writeGate)
            {
                upTo = _appended;
            }

            Libc.Fsync(journal, JournalPath);
            _synced = upTo;
        }
    }

    public void Checkpoint(StackState state)
    {
        var next = _generation + 1;
        var root = new JsonObject
        {
            ["version"] = FormatVersion,
            ["stack"] = _stack,
            ["generation"] = next,
            ["resources"] = new JsonArray([.. state.InDependencyOrder().Select(r => (JsonNode)_codec.Write(r))]),
            ["pending"] = new JsonArray([.. state.Pending.Values.OrderBy(p => p.Resource.Urn).Select(p => (JsonNode)_codec.Write(p))]),
            ["outputs"] = _codec.Encrypt(state.Outputs),
        };
        var text = root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.Write(CheckpointPath, text);
        BytesWritten += Encoding.UTF8.GetByteCount(text);
        _generation = next;
        state.Generation = next;

        lock (_writeGate)
        {
            _journal?.Dispose();
            _journal = null;
        }

        if (File.Exists(JournalPath))
        {
            File.Delete(JournalPath);
            Libc.FsyncDirectory(Path.GetDirectoryName(JournalPath)!);
        }

        _journalGeneration = -1;
    }

    public void Dispose()
    {
        _journal?.Dispose();
        _journal = null;
    }

    private StackState ReadCheckpoint()
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(CheckpointPath), documentOptions: StrictJson) as JsonObject
                ?? throw new FormatException("the top level is not an object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw Corrupt(CheckpointPath, e.Message, e);
        }

        var version = root["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (version != FormatVersion)
        {
            throw new StateException(
                $"state file {CheckpointPath} has format version {version?.ToString() ?? "(none)"}, but this build reads version {FormatVersion}; "
                + "the file was left untouched");
        }

        try
        {
            var state = new StackState { Generation = root["generation"]!.GetValue<long>() };
            foreach (var node in root["resources"]!.AsArray())
            {
                state.Apply(new ResourceCommitted(_codec.ReadResource(node)));
            }

            foreach (var node in root["pending"]?.AsArray() ?? [])
            {
                state.Apply(new PendingRecorded(_codec.ReadPending(node)));
            }

            state.Outputs = _codec.Decrypt(root["outputs"] as JsonObject ?? []);
            return state;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NullReferenceException or JsonException)
        {
            throw Corrupt(CheckpointPath, e.Message, e);
        }
    }

    private void ReplayJournal(StackState state)
    {
        var text = File.ReadAllText(JournalPath);

        // The last line of a journal may be torn by a crash during its append: that record was never
        // acknowledged (its operation never started, or its outcome is still pending), so it is dropped.
        var complete = text.LastIndexOf('\n') + 1;
        var lines = text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            throw Corrupt(JournalPath, "it has no header line", null);
        }

        var header = ParseLine(lines[0], 1);
        var version = header["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        if (version != FormatVersion)
        {
            throw new StateException(
                $"state journal {JournalPath} has format version {version?.ToString() ?? "(none)"}, but this build reads version {FormatVersion}; "
                + "the file was left untouched");
        }

        long generation;
        try
        {
            generation = header["generation"]?.GetValue<long>() ?? -1;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw Corrupt(JournalPath, $"line 1: {e.Message}", e);
        }

        if (generation != state.Generation)
        {
            return; // Already folded into the checkpoint; replaced on the next append.
        }

        for (var i = 1; i < lines.Length; i++)
        {
            try
            {
                state.Apply(Decode(ParseLine(lines[i], i + 1)));
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or NullReferenceException or JsonException)
            {
                throw Corrupt(JournalPath, $"line {i + 1}: {e.Message}", e);
            }
        }

        _journalGeneration = generation;
        _journalValidLength = Encoding.UTF8.GetByteCount(text.AsSpan(0, complete));
    }

    private JsonObject ParseLine(string line, int number)
    {
        try
        {
            return JsonNode.Parse(line, documentOptions: StrictJson) as JsonObject ?? throw new FormatException("not an object");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw Corrupt(JournalPath, $"line {number}: {e.Message}", e);
        }
    }

    /// <summary>The journal, opened for appending on first use (called under the write gate).</summary>
    private SafeFileHandle OpenJournal()
    {
        if (_journal is not null)
        {
            return _journal;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(JournalPath)!);
        if (_journalGeneration == _generation && File.Exists(JournalPath))
        {
            // Continue the replayed journal, cutting off a torn last line first.
            _journal = File.OpenHandle(JournalPath, FileMode.Open, FileAccess.Write, FileShare.Read);
            RandomAccess.SetLength(_journal, _journalValidLength);
            _journalOffset = _journalValidLength;
            return _journal;
        }

        _journal = File.OpenHandle(JournalPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        if (!OperatingSystem.IsWindows())
        {
            // Like the checkpoint, the journal holds encrypted secrets and resource details: the owner's only. Set
            // before anything is written to it.
            File.SetUnixFileMode(_journal, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var header = Encoding.UTF8.GetBytes(new JsonObject { ["version"] = FormatVersion, ["generation"] = _generation }.ToJsonString() + "\n");
        RandomAccess.Write(_journal, header, 0);
        Libc.Fsync(_journal, JournalPath);
        Libc.FsyncDirectory(Path.GetDirectoryName(JournalPath)!);
        _journalOffset = header.Length;
        BytesWritten += header.Length;
        _journalGeneration = _generation;
        return _journal;
    }

    private JsonObject Encode(StateChange change) => change switch
    {
        PendingRecorded p => new JsonObject { ["op"] = "pending", ["operation"] = _codec.Write(p.Operation) },
        ResourceCommitted c => new JsonObject { ["op"] = "commit", ["resource"] = _codec.Write(c.Resource) },
        ResourceRemoved r => new JsonObject { ["op"] = "remove", ["urn"] = r.Urn.Value },
        PendingCleared r => new JsonObject { ["op"] = "clear", ["urn"] = r.Urn.Value },
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private StateChange Decode(JsonObject record) => record["op"]?.GetValue<string>() switch
    {
        "pending" => new PendingRecorded(_codec.ReadPending(record["operation"])),
        "commit" => new ResourceCommitted(_codec.ReadResource(record["resource"])),
        "remove" => new ResourceRemoved(new Model.Urn(record["urn"]!.GetValue<string>())),
        "clear" => new PendingCleared(new Model.Urn(record["urn"]!.GetValue<string>())),
        var other => throw new FormatException($"unknown record '{other}'"),
    };

    private static StateException Corrupt(string path, string detail, Exception? inner) =>
        new($"state file {path} is corrupt ({detail}); it was left untouched: restore it from a backup, or move it away to start over", inner);
}
