using System.Text.Json;
using System.Text.Json.Serialization;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Engine.Tests.Providers;

/// <summary>A machine's inputs: a required name and disk, optional size and tags.</summary>
public sealed record MachineInputs(string Name, string Disk, int? Vcpus = null, IReadOnlyList<string>? Tags = null);

/// <summary>A machine's outputs; <c>disk</c> is written even when null, as some recorded outputs are.</summary>
public sealed record MachineOutputs(
    string Name,
    bool Running,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Disk,
    int? Vcpus = null);

/// <summary>The test assembly's records, with the same naming as the engine's JSON options.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MachineInputs))]
[JsonSerializable(typeof(MachineOutputs))]
internal sealed partial class TestProviderJson : JsonSerializerContext;

/// <summary>
/// A typed provider that records what it was given: a new vCPU count is applied in place with a restart, anything
/// else replaces the machine, and a machine recorded as stopped is started by an update.
/// </summary>
internal sealed class MachineProvider : IResourceProvider<MachineInputs, MachineOutputs>
{
    public const string TypeName = "test:Machine";

    public List<ProviderRequest<MachineInputs, MachineOutputs>> Requests { get; } = [];

    public string Type => TypeName;

    public IReadOnlyList<CheckFailure> Check(MachineInputs inputs) =>
        inputs.Vcpus is < 1 ? [new CheckFailure("vcpus", "at least 1")] : [];

    public DiffKind ChangeKind(string property) => property == "vcpus" ? DiffKind.UpdateRestart : DiffKind.Replace;

    public DiffResult Diff(DiffRequest<MachineInputs, MachineOutputs> request) =>
        request.OldOutputs is { Running: false }
            ? DiffResult.Of([.. request.ByProperty.Properties, new PropertyDiff("running", false, true, DiffKind.Update)])
            : request.ByProperty;

    public string? ConcurrencyKey(MachineInputs inputs) => "disk:" + inputs.Disk;

    public Task<ProviderResult<MachineOutputs>> CreateAsync(ProviderRequest<MachineInputs, MachineOutputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(Result(request));

    public Task<ProviderResult<MachineOutputs>?> ReadAsync(ProviderRequest<MachineInputs, MachineOutputs> request, CancellationToken cancellationToken) =>
        Task.FromResult<ProviderResult<MachineOutputs>?>(request.OldOutputs is { } old ? new(request.Id ?? old.Name, old) : null);

    public Task<ProviderResult<MachineOutputs>> UpdateAsync(ProviderRequest<MachineInputs, MachineOutputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(Result(request));

    public Task DeleteAsync(ProviderRequest<MachineInputs, MachineOutputs> request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.CompletedTask;
    }

    private ProviderResult<MachineOutputs> Result(ProviderRequest<MachineInputs, MachineOutputs> request)
    {
        Requests.Add(request);
        return new("m-" + request.Inputs.Name, new MachineOutputs(request.Inputs.Name, true, request.Inputs.Disk, request.Inputs.Vcpus));
    }
}
