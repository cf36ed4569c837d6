using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Engine.Testing;

/// <summary>
/// A provider whose objects live in an <see cref="InMemoryCloud"/>: the engine's tests and benchmarks run the
/// real plan/apply/state code against it. Outputs are the inputs plus <c>id</c>. What needs a replace or a
/// restart, what is required, the concurrency key, a delay and failures are configurable.
/// </summary>
public sealed class InMemoryProvider : IResourceProvider
{
    private readonly InMemoryCloud _cloud;

    public InMemoryProvider(string type, InMemoryCloud cloud)
    {
        Type = type;
        _cloud = cloud;
    }

    public string Type { get; }

    /// <summary>Inputs whose change replaces the object.</summary>
    public IReadOnlySet<string> ReplaceOn { get; init; } = new HashSet<string>();

    /// <summary>Inputs whose change is applied in place but needs a restart.</summary>
    public IReadOnlySet<string> RestartOn { get; init; } = new HashSet<string>();

    /// <summary>Inputs that must be present (Check fails otherwise).</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>Operations on objects with the same value of this input are serialised.</summary>
    public string? ConcurrencyKeyInput { get; init; }

    /// <summary>How long each Create/Update/Delete takes, to make parallelism observable.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Whether Create/Update/Delete report a line of detail (<c>OP NAME: detail</c>) and a status line
    /// (<c>OP NAME: status</c>), so tests can see where each kind of line reaches the console.
    /// </summary>
    public bool ReportsLines { get; init; }

    /// <summary>Makes an operation (<c>create</c>, <c>update</c>, <c>delete</c>, <c>read</c>) fail for a URN.</summary>
    public Func<string, Urn, bool>? FailWhen { get; init; }

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) =>
        [.. Required.Where(p => inputs[p] is null).Select(p => new CheckFailure(p, "is required"))];

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        InputDiff.Compare(old.Inputs, newInputs, key =>
            ReplaceOn.Contains(key) ? DiffKind.Replace : RestartOn.Contains(key) ? DiffKind.UpdateRestart : DiffKind.Update);

    public string? ConcurrencyKey(JsonObject inputs) =>
        ConcurrencyKeyInput is { } key && inputs[key] is { } value ? $"{Type}:{value.ToJsonString()}" : null;

    public async Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        using var _ = _cloud.Enter(ConcurrencyKey(request.Inputs));
        await Work("create", request, cancellationToken);
        var created = _cloud.Create(request.Urn.Value, Type, request.Inputs.DeepClone().AsObject(), id => OutputsOf(id, request.Inputs));
        return new ProviderResult(created.Id, created.Outputs.DeepClone().AsObject());
    }

    public async Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        await Work("read", request, cancellationToken, delay: false);
        var found = request.Id is { } id ? _cloud.FindById(id) : _cloud.FindByUrn(request.Urn.Value);
        return found is null
            ? null
            : new ProviderResult(found.Id, found.Outputs.DeepClone().AsObject(), found.Inputs.DeepClone().AsObject());
    }

    public async Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        using var _ = _cloud.Enter(ConcurrencyKey(request.Inputs));
        await Work("update", request, cancellationToken);
        var id = request.Id ?? throw new InvalidOperationException($"update of '{request.Urn}' without an id");
        var updated = _cloud.Put(new CloudObject(id, request.Urn.Value, Type, request.Inputs.DeepClone().AsObject(), OutputsOf(id, request.Inputs)), "update");
        return new ProviderResult(updated.Id, updated.Outputs.DeepClone().AsObject());
    }

    public async Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        using var _ = _cloud.Enter(ConcurrencyKey(request.Inputs));
        await Work("delete", request, cancellationToken);
        if ((request.Id is { } id ? _cloud.FindById(id) : _cloud.FindByUrn(request.Urn.Value)) is { } found)
        {
            _cloud.Remove(found.Id, found.Urn);
        }
    }

    private static JsonObject OutputsOf(string id, JsonObject inputs)
    {
        var outputs = inputs.DeepClone().AsObject();
        outputs["id"] = id;
        return outputs;
    }

    private async Task Work(string operation, ResourceRequest request, CancellationToken cancellationToken, bool delay = true)
    {
        var urn = request.Urn;
        if (ReportsLines)
        {
            request.Progress?.Report($"{operation} {urn.Name}: detail");
            request.Status?.Report($"{operation} {urn.Name}: status");
        }

        if (delay && Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (FailWhen?.Invoke(operation, urn) == true)
        {
            throw new InvalidOperationException($"injected failure: {operation} of {urn.Name}");
        }
    }
}
