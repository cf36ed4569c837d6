using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;

namespace VirtCluster.Engine.Planning;

/// <summary>What to do with a recorded resource, and with which inputs.</summary>
/// <param name="Kind">The step.</param>
/// <param name="Diffs">Property diffs, masked where secret.</param>
/// <param name="Inputs">The inputs to apply and record: the declared ones with ignored properties set back to their recorded values.</param>
/// <param name="Reason">Why a replacement was forced (<c>--replace</c>, <c>replaceOnChanges: x</c>); null when the provider's diff decided.</param>
public sealed record StepDecision(StepKind Kind, IReadOnlyList<PropertyDiff> Diffs, JsonObject Inputs, string? Reason);
