using System.Text.Json;
using System.Text.Json.Serialization;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Stage;
using VirtCluster.Cluster;
using VirtCluster.Lab;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Resources;

/// <summary>
/// The source-generated JSON metadata of this assembly's provider records: what the typed providers' inputs and
/// outputs look like in state. The options are the engine's (camelCase, enums as camelCase strings, nulls left out
/// unless a member says otherwise), so the records write exactly what the providers wrote when they built JSON by hand,
/// and the program reads them back with the engine's options. An enum in a provider record gets its converter below
/// (one without is still written as a string, by its C# name).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(CamelCase<Placement>), typeof(CamelCase<EnvironmentKind>), typeof(CamelCase<EnvironmentRole>)])]
[JsonSerializable(typeof(LibvirtObjectInputs))]
[JsonSerializable(typeof(ActiveObjectOutputs))]
[JsonSerializable(typeof(VolumeInputs))]
[JsonSerializable(typeof(VolumeOutputs))]
[JsonSerializable(typeof(NodeInputs))]
[JsonSerializable(typeof(NodeOutputs))]
[JsonSerializable(typeof(HostSummary))]
[JsonSerializable(typeof(LabInputs))]
[JsonSerializable(typeof(LabOutputs))]
[JsonSerializable(typeof(FabricInputs))]
[JsonSerializable(typeof(FabricOutputs))]
[JsonSerializable(typeof(SimulatedHostInputs))]
[JsonSerializable(typeof(SimulatedHostOutputs))]
[JsonSerializable(typeof(ImageInputs))]
[JsonSerializable(typeof(ImageOutputs))]
[JsonSerializable(typeof(ClusterAccessInputs))]
[JsonSerializable(typeof(ClusterAccessOutputs))]
[JsonSerializable(typeof(BenchmarkStageInputs))]
[JsonSerializable(typeof(BenchmarkStageOutputs))]
internal sealed partial class ProviderJson : JsonSerializerContext;

/// <summary>An enum as camelCase strings (<c>interNode</c>, <c>bareMetal</c>), as the engine and the results file write it.</summary>
internal sealed class CamelCase<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
