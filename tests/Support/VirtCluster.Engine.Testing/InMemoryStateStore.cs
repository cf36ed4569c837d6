using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Testing;

/// <summary>
/// State kept in memory: for tests and benchmarks that exercise the engine without files. It counts records and
/// checkpoints, so tests can assert that each operation is recorded.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Lock _gate = new();
    private StackState _checkpoint = new();
    private List<StateChange> _journal = [];
    private bool _locked;

    public string Location => "memory";

    public long BytesWritten => 0;

    public bool Exists
    {
        get
        {
            lock (_gate)
            {
                return Checkpoints > 0 || _journal.Count > 0;
            }
        }
    }

    public IReadOnlyList<StateChange> Journal
    {
        get
        {
            lock (_gate)
            {
                return [.. _journal];
            }
        }
    }

    public int Checkpoints { get; private set; }

    public IDisposable Lock(bool forceUnlock)
    {
        lock (_gate)
        {
            if (_locked && !forceUnlock)
            {
                throw new StackLockedException("stack is locked by another run in this process");
            }

            _locked = true;
            return new Release(this);
        }
    }

    public StackState Load()
    {
        lock (_gate)
        {
            var state = _checkpoint.Clone();
            foreach (var change in _journal)
            {
                state.Apply(change);
            }

            return state;
        }
    }

    public void Append(StateChange change)
    {
        lock (_gate)
        {
            _journal.Add(change);
        }
    }

    public void Sync()
    {
        // Memory is as durable as it gets here.
    }

    public void Checkpoint(StackState state)
    {
        lock (_gate)
        {
            _checkpoint = state.Clone();
            _journal = [];
            Checkpoints++;
        }
    }

    private sealed class Release(InMemoryStateStore store) : IDisposable
    {
        public void Dispose()
        {
            lock (store._gate)
            {
                store._locked = false;
            }
        }
    }
}
