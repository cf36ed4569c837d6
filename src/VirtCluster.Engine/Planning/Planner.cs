using System.Text.Json.Nodes;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// Compares what the program declares with recorded state. Side-effect free: it calls only the providers'
/// Check and Diff. Outputs of resources still to be created or replaced are unknown until apply.
/// </summary>
public sealed class Planner(ProviderRegistry providers)
{
    /// <param name="stack">The stack's name, carried by the plan for display.</param>
    /// <param name="declared">Declarations in program order (dependencies come first).</param>
    /// <param name="state">Recorded state with pending operations already resolved.</param>
    /// <param name="scope">Only these resources may change (from <see cref="TargetSet"/>); null for all.</param>
    /// <param name="replace">Recorded resources to replace even where nothing changed (<c>--replace</c>).</param>
    /// <param name="computed">The program's computed inputs.</param>
    public Plan Create(
        string stack, IReadOnlyList<ResourceDeclaration> declared, StackState state, IReadOnlySet<Urn>? scope,
        IReadOnlySet<Urn>? replace = null, ComputedInputs? computed = null)
    {
        var steps = new List<PlanStep>(declared.Count + 4);
        var byUrn = new Dictionary<Urn, PlanStep>(declared.Count);
        var failures = new List<ResourceCheckFailure>();

        JsonObject? KnownOutputs(Urn urn) =>
            byUrn.TryGetValue(urn, out var step) && step.Kind is StepKind.Same or StepKind.Update or StepKind.UpdateRestart
                ? step.Old?.Outputs
                : null;

        bool BeingUpdated(Urn urn) => byUrn.TryGetValue(urn, out var step) && step.Kind is StepKind.Update or StepKind.UpdateRestart;

        foreach (var declaration in declared)
        {
            var provider = declaration.IsComponent ? null : Provider(declaration);
            var inputs = InputResolver.Resolve(declaration.Inputs, KnownOutputs, BeingUpdated, computed);
            state.Resources.TryGetValue(declaration.Urn, out var old);
            if (scope is not null && !scope.Contains(declaration.Urn))
            {
                if (old is null)
                {
                    continue; // Not created, and not in scope: the plan leaves it out entirely.
                }

                steps.Add(byUrn[declaration.Urn] = new PlanStep(declaration.Urn, declaration.Type, StepKind.Same, old.Inputs, [], old, declaration));
                continue;
            }

            if (provider is not null)
            {
                foreach (var failure in provider.Check(SecretValue.RevealObject(UnknownValue.Strip(inputs))))
                {
                    if (!UnknownValue.ContainsUnknown(inputs[TopLevel(failure.Property)]))
                    {
                        failures.Add(new ResourceCheckFailure(declaration.Urn, failure.Property, failure.Reason));
                    }
                }
            }

            if (scope is not null)
            {
                RequireDependenciesExist(declaration, byUrn, scope);
            }

            var requested = old is not null && replace?.Contains(declaration.Urn) == true;
            var decision = old is null ? new StepDecision(StepKind.Create, [], inputs, null) : StepDiffer.Decide(provider, old, declaration, inputs, requested);
            steps.Add(byUrn[declaration.Urn] = new PlanStep(declaration.Urn, declaration.Type, decision.Kind, decision.Inputs, decision.Diffs, old, declaration)
            {
                Reason = decision.Reason,
                ReplaceRequested = requested,
            });
        }

        if (failures.Count > 0)
        {
            throw new CheckFailedException(failures);
        }

        var deleted = state.InDependencyOrder()
            .Where(r => !byUrn.ContainsKey(r.Urn) && (scope is null || scope.Contains(r.Urn)))
            .Reverse()
            .Select(r => new PlanStep(r.Urn, r.Type, StepKind.Delete, r.Inputs, [], r, null));
        steps.AddRange(deleted);
        return new Plan(stack, steps);
    }

    private IResourceProvider Provider(ResourceDeclaration declaration) =>
        providers.TryGet(declaration.Type, out var provider)
            ? provider
            : throw new ConfigException(
                $"resource '{declaration.Urn}' has type '{declaration.Type}', which no provider serves (registered: {string.Join(", ", providers.Types.Order(StringComparer.Ordinal))})");

    private static void RequireDependenciesExist(ResourceDeclaration declaration, Dictionary<Urn, PlanStep> planned, IReadOnlySet<Urn> scope)
    {
        foreach (var dep in declaration.Dependencies.Append(declaration.Parent).OfType<Urn>())
        {
            if (!scope.Contains(dep) && !planned.ContainsKey(dep))
            {
                throw new ConfigException(
                    $"--target includes '{declaration.Urn}', which depends on '{dep}' that does not exist yet; add --target {dep}");
            }
        }
    }

    private static string TopLevel(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }
}
