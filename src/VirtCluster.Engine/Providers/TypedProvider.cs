using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VirtCluster.Engine.Providers;

/// <summary>Builds <see cref="TypedProvider{TInputs, TOutputs}"/> with the type arguments taken from the provider.</summary>
public static class TypedProvider
{
    /// <summary>The engine-facing provider for <paramref name="provider"/>, converting with <paramref name="json"/>'s
    /// source-generated metadata (the assembly's own context, which must know both record types).</summary>
    public static TypedProvider<TInputs, TOutputs> Of<TInputs, TOutputs>(IResourceProvider<TInputs, TOutputs> provider, JsonSerializerContext json)
        where TInputs : class
        where TOutputs : class =>
        new(provider, TypeInfo<TInputs>(json), TypeInfo<TOutputs>(json));

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerContext json) =>
        json.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new ArgumentException($"{json.GetType().Name} has no metadata for {typeof(T).Name}: add [JsonSerializable(typeof({typeof(T).Name}))]", nameof(json));
}

/// <summary>
/// The one place where a typed provider meets JSON: the engine, its plans and its state speak
/// <see cref="IResourceProvider"/> over JSON objects, and this converts at that boundary with source-generated
/// metadata (no reflection, and a record's JSON names are fixed by its context, so the state of existing stacks
/// reads and writes the same). Check reports a missing or wrong-typed input by name before the provider sees it;
/// Diff compares the JSON property by property with the provider's rule, then lets the provider refine it.
/// </summary>
public sealed class TypedProvider<TInputs, TOutputs> : IResourceProvider
    where TInputs : class
    where TOutputs : class
{
    private readonly IResourceProvider<TInputs, TOutputs> _provider;
    private readonly JsonTypeInfo<TInputs> _inputs;
    private readonly JsonTypeInfo<TOutputs> _outputs;
    private readonly JsonTypeInfo<TInputs> _strictInputs;
    private readonly JsonTypeInfo<TOutputs> _strictOutputs;

    public TypedProvider(IResourceProvider<TInputs, TOutputs> provider, JsonTypeInfo<TInputs> inputs, JsonTypeInfo<TOutputs> outputs)
    {
        _provider = provider;
        _inputs = inputs;
        _outputs = outputs;
        _strictInputs = Strict(inputs);
        _strictOutputs = Strict(outputs);
    }

    /// <summary>The typed provider behind this adapter (for wrappers and tests that need its own members).</summary>
    public IResourceProvider<TInputs, TOutputs> Provider => _provider;

    public string Type => _provider.Type;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs)
    {
        var failures = RequiredMembers.Missing(inputs, _inputs).ToList();
        TInputs typed;
        try
        {
            typed = inputs.Deserialize(_inputs)!;
        }
        catch (JsonException e)
        {
            return [.. failures, WrongType(e)];
        }

        var reported = failures.Select(f => f.Property).ToHashSet(StringComparer.Ordinal);
        return [.. failures, .. _provider.Check(typed).Where(f => !reported.Contains(f.Property))];
    }

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs)
    {
        var byProperty = InputDiff.Compare(old.Inputs, newInputs, _provider.ChangeKind);
        return _provider.Diff(new DiffRequest<TInputs, TOutputs>(old.Urn, old.Id, Recorded(old.Inputs, _strictInputs), Recorded(old.Outputs, _strictOutputs), byProperty));
    }

    public string? ConcurrencyKey(JsonObject inputs) => _provider.ConcurrencyKey(inputs.Deserialize(_inputs)!);

    public async Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Untyped(await _provider.CreateAsync(Typed(request), cancellationToken));

    public async Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        await _provider.ReadAsync(Typed(request), cancellationToken) is { } read ? Untyped(read) : null;

    public async Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Untyped(await _provider.UpdateAsync(Typed(request), cancellationToken));

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        _provider.DeleteAsync(Typed(request), cancellationToken);

    private ProviderRequest<TInputs, TOutputs> Typed(ResourceRequest request) =>
        new(request.Urn, request.Id, request.Inputs.Deserialize(_inputs)!, Recorded(request.OldInputs, _strictInputs),
            Recorded(request.OldOutputs, _strictOutputs), request.Progress, request.Status);

    private ProviderResult Untyped(ProviderResult<TOutputs> result) =>
        new(result.Id, JsonSerializer.SerializeToNode(result.Outputs, _outputs)!.AsObject());

    /// <summary>
    /// Recorded state as the record, or null when there is none or it does not fit (a member missing or of another
    /// type, as in state written by an older version): a provider then acts as if nothing were recorded, which is
    /// what it must already do after a crash.
    /// </summary>
    private static T? Recorded<T>(JsonObject? recorded, JsonTypeInfo<T> strict)
        where T : class
    {
        if (recorded is null)
        {
            return null;
        }

        try
        {
            return recorded.Deserialize(strict);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Metadata that refuses what the record's annotations refuse: a required member absent, or null where it may not be.</summary>
    private static JsonTypeInfo<T> Strict<T>(JsonTypeInfo<T> lenient)
    {
        var options = new JsonSerializerOptions(lenient.Options)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    private CheckFailure WrongType(JsonException e)
    {
        var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : e.Path ?? "(inputs)";
        var end = path.IndexOfAny(['.', '[']);
        var top = end < 0 ? path : path[..end];
        var expected = _inputs.Properties.FirstOrDefault(p => p.Name == top) is { } property && end < 0
            ? RequiredMembers.Describe(property.PropertyType)
            : "another type";
        return new CheckFailure(path, $"must be {expected}");
    }
}
