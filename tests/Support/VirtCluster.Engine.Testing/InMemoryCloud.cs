using System.Text.Json;
using System.Text.Json.Nodes;
using VirtCluster.Engine.IO;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Testing;

/// <summary>
/// The "infrastructure" behind <see cref="InMemoryProvider"/>: objects by id, plus counters that tests and
/// benchmarks assert on (operations, peak concurrency). With a file path it persists every change durably, so a
/// process killed mid-run leaves exactly the objects it created, which is what crash-safety tests need.
/// </summary>
public sealed class InMemoryCloud
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CloudObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByUrn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inFlightByKey = new(StringComparer.Ordinal);
    private readonly List<string> _operations = [];
    private readonly string? _file;
    private long _nextId = 1;
    private int _inFlight;

    public InMemoryCloud(string? file = null)
    {
        _file = file;
        if (file is not null && File.Exists(file))
        {
            Load(file);
        }
    }

    /// <summary>Every mutating operation in order, as <c>create URN</c>, <c>update URN</c>, <c>delete URN</c>.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_gate)
            {
                return [.. _operations];
            }
        }
    }

    public int MaxInFlight { get; private set; }

    /// <summary>The highest number of operations seen at once under one concurrency key.</summary>
    public int MaxInFlightPerKey { get; private set; }

    public IReadOnlyList<CloudObject> Objects
    {
        get
        {
            lock (_gate)
            {
                return [.. _objects.Values.OrderBy(o => o.Urn, StringComparer.Ordinal)];
            }
        }
    }

    public CloudObject? FindById(string id)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault(id);
        }
    }

    public CloudObject? FindByUrn(string urn)
    {
        lock (_gate)
        {
            return _idByUrn.TryGetValue(urn, out var id) ? _objects[id] : null;
        }
    }

    /// <summary>Stores a new object, or returns the one already there under the same URN (idempotent create).</summary>
    public CloudObject Create(string urn, string type, JsonObject inputs, Func<string, JsonObject> outputsFor)
    {
        lock (_gate)
        {
            _operations.Add("create " + urn);
            if (_idByUrn.TryGetValue(urn, out var existing))
            {
                return _objects[existing];
            }

            var id = $"{type[(type.LastIndexOf(':') + 1)..].ToLowerInvariant()}-{_nextId++}";
            var created = new CloudObject(id, urn, type, inputs, outputsFor(id));
            _objects.Add(id, created);
            _idByUrn[urn] = id;
            Save();
            return created;
        }
    }

    public CloudObject Put(CloudObject value, string operation)
    {
        lock (_gate)
        {
            _operations.Add(operation + " " + value.Urn);
            _objects[value.Id] = value;
            _idByUrn[value.Urn] = value.Id;
            Save();
            return value;
        }
    }

    /// <summary>Removes an object; false when it was already gone.</summary>
    public bool Remove(string id, string urn)
    {
        lock (_gate)
        {
            _operations.Add("delete " + urn);
            var removed = _objects.Remove(id);
            if (removed && _idByUrn.GetValueOrDefault(urn) == id)
            {
                _idByUrn.Remove(urn);
            }

            Save();
            return removed;
        }
    }

    /// <summary>Marks an operation as running under <paramref name="key"/>; dispose to mark it finished.</summary>
    public IDisposable Enter(string? key)
    {
        lock (_gate)
        {
            MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
            if (key is not null)
            {
                var count = _inFlightByKey.GetValueOrDefault(key) + 1;
                _inFlightByKey[key] = count;
                MaxInFlightPerKey = Math.Max(MaxInFlightPerKey, count);
            }
        }

        return new Exit(this, key);
    }

    private void Leave(string? key)
    {
        lock (_gate)
        {
            _inFlight--;
            if (key is not null)
            {
                _inFlightByKey[key]--;
            }
        }
    }

    private void Save()
    {
        if (_file is null)
        {
            return;
        }

        var root = new JsonObject
        {
            ["nextId"] = _nextId,
            ["objects"] = new JsonArray([.. _objects.Values.Select(o => JsonSerializer.SerializeToNode(o))]),
        };
        AtomicFile.Write(_file, root.ToJsonString());
    }

    private void Load(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        _nextId = root["nextId"]!.GetValue<long>();
        foreach (var node in root["objects"]!.AsArray())
        {
            var value = node.Deserialize<CloudObject>()!;
            _objects.Add(value.Id, value);
            _idByUrn[value.Urn] = value.Id;
        }
    }

    private sealed class Exit(InMemoryCloud cloud, string? key) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                cloud.Leave(key);
            }
        }
    }
}
