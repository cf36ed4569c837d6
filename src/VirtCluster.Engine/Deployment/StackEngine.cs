using System.Diagnostics;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// The verbs on one stack: what a program declared, the providers, and the state store. Every verb takes the
/// stack's lock, first settles operations an interrupted run left pending, and ends with one checkpoint.
/// </summary>
public sealed class StackEngine
{
    private readonly StackBuilder _program;
    private readonly ProviderRegistry _providers;
    private readonly IStateStore _store;
    private readonly IDeploymentObserver? _observer;

    /// <param name="program">The declarations, after running the program on the builder.</param>
    /// <param name="providers">One provider per resource type.</param>
    /// <param name="store">Where the stack's state lives.</param>
    /// <param name="observer">Hears about each operation (progress, logs).</param>
    public StackEngine(StackBuilder program, ProviderRegistry providers, IStateStore store, IDeploymentObserver? observer = null)
    {
        _program = program;
        _providers = providers;
        _store = store;
        _observer = observer;
    }

    /// <summary>The plan <c>up</c> would carry out; changes nothing (provider Read, Check and Diff only).</summary>
    public Task<Plan> PreviewAsync(IReadOnlyList<Urn>? targets = null, bool forceUnlock = false, CancellationToken cancellationToken = default) =>
        PreviewAsync(new DeploymentOptions { Targets = targets ?? [], ForceUnlock = forceUnlock }, cancellationToken);

    /// <summary>
    /// The plan <c>up</c> would carry out with these options (targets, replacements); changes nothing. A plan <c>up</c>
    /// would refuse is returned with its <see cref="Plan.Refusals"/>, so it can be shown.
    /// </summary>
    public async Task<Plan> PreviewAsync(DeploymentOptions options, CancellationToken cancellationToken = default)
    {
        using var _ = _store.Lock(options.ForceUnlock);
        var recorder = new StateRecorder(_store, _store.Load(), persist: false);
        await PendingResolver.ResolveAsync(_providers, recorder, cancellationToken);
        return PlanFor(recorder.State, options);
    }

    /// <summary>Brings the stack to what the program declares.</summary>
    /// <param name="options">Parallelism, targets, failure handling.</param>
    /// <param name="confirm">Sees the plan before anything changes; returning false stops the run.</param>
    /// <param name="cancellationToken">Stops starting new operations.</param>
    public async Task<DeploymentResult> UpAsync(DeploymentOptions options, Func<Plan, bool>? confirm = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var _ = _store.Lock(options.ForceUnlock);
        var recorder = new StateRecorder(_store, _store.Load(), persist: true);
        var outputsChanged = false;
        try
        {
            await PendingResolver.ResolveAsync(_providers, recorder, cancellationToken);
            var plan = PlanFor(recorder.State, options);
            if (plan.Refusals.Count > 0)
            {
                throw new PlanRefusedException(plan, "up");
            }

            if (confirm is not null && !confirm(plan))
            {
                return new DeploymentResult(plan, ChangeCounts.None, [], [], recorder.State.Outputs, watch.Elapsed, Confirmed: false);
            }

            var operations = new ResourceOperations(_providers, recorder, _observer, _program.Computed);
            var applied = plan.Steps.Where(s => s.Kind != StepKind.Delete).ToList();
            var scope = TargetSet.Expand(Targets(options), _program.Resources, recorder.State);
            var inScope = applied.Where(s => scope is null || scope.Contains(s.Urn)).ToList();
            operations.CountUnchanged(applied.Count - inScope.Count);

            var failures = new List<ResourceFailure>();
            var notRun = new List<Urn>();
            await RunAsync(ApplyGraph(inScope, operations), inScope, options, failures, notRun, cancellationToken);
            if (failures.Count == 0 || options.ContinueOnError)
            {
                var deletes = plan.Steps.Where(s => s.Kind == StepKind.Delete).ToList();
                await RunAsync(DeleteGraph(deletes, operations, "up"), deletes, options, failures, notRun, cancellationToken);
            }

            outputsChanged = UpdateStackOutputs(recorder);
            return new DeploymentResult(plan, operations.Counts, failures, notRun, recorder.State.Outputs, watch.Elapsed);
        }
        finally
        {
            if (recorder.Changes > 0 || outputsChanged)
            {
                _store.Checkpoint(recorder.State);
            }
        }
    }

    /// <summary>
    /// Deletes every recorded resource (or the targets and their dependents) in reverse dependency order. After a
    /// failed delete it goes on with every delete that does not wait for the failed one.
    /// </summary>
    public async Task<DeploymentResult> DestroyAsync(DeploymentOptions options, Func<Plan, bool>? confirm = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var _ = _store.Lock(options.ForceUnlock);
        var recorder = new StateRecorder(_store, _store.Load(), persist: true);
        var outputsCleared = false;
        try
        {
            await PendingResolver.ResolveAsync(_providers, recorder, cancellationToken);
            var scope = TargetSet.Expand(options.Targets, [], recorder.State);
            var deletes = recorder.State.InDependencyOrder()
                .Where(r => scope is null || scope.Contains(r.Urn))
                .Reverse()
                .Select(r => new PlanStep(r.Urn, r.Type, StepKind.Delete, r.Inputs, [], r, null))
                .ToList();
            var plan = PlanRefusals.Check(new Plan(_program.Stack, deletes), "destroy");
            if (plan.Refusals.Count > 0)
            {
                throw new PlanRefusedException(plan, "destroy");
            }

            if (confirm is not null && !confirm(plan))
            {
                return new DeploymentResult(plan, ChangeCounts.None, [], [], recorder.State.Outputs, watch.Elapsed, Confirmed: false);
            }

            var operations = new ResourceOperations(_providers, recorder, _observer, _program.Computed);
            var failures = new List<ResourceFailure>();
            var notRun = new List<Urn>();
            // A teardown goes on past a failure with every delete that does not wait for it: an object that cannot be
            // deleted (its host unreachable) is no reason to keep the ones elsewhere. What the failed one depends on
            // stays, recorded, as it must while the failed one exists.
            await RunAsync(DeleteGraph(deletes, operations, "destroy"), deletes, options with { ContinueOnError = true }, failures, notRun, cancellationToken);
            if (recorder.State.Resources.Count == 0 && recorder.State.Outputs.Count > 0)
            {
                recorder.State.Outputs = [];
                outputsCleared = true;
            }

            return new DeploymentResult(plan, operations.Counts, failures, notRun, recorder.State.Outputs, watch.Elapsed);
        }
        finally
        {
            if (recorder.Changes > 0 || outputsCleared)
            {
                _store.Checkpoint(recorder.State);
            }
        }
    }

    /// <summary>Reads actual state through the providers and reports drift; records it unless <paramref name="previewOnly"/>.</summary>
    public async Task<RefreshResult> RefreshAsync(bool previewOnly, int parallelism = 4, bool forceUnlock = false, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var _ = _store.Lock(forceUnlock);
        var recorder = new StateRecorder(_store, _store.Load(), persist: !previewOnly);
        try
        {
            await PendingResolver.ResolveAsync(_providers, recorder, cancellationToken);
            var (drifts, unchanged) = await Refresher.RefreshAsync(_providers, recorder, parallelism, cancellationToken);
            return new RefreshResult(drifts, unchanged, !previewOnly, watch.Elapsed);
        }
        finally
        {
            if (!previewOnly && recorder.Changes > 0)
            {
                _store.Checkpoint(recorder.State);
            }
        }
    }

    /// <summary>The stack outputs recorded by the last <c>up</c> (secrets marked); reads without the lock.</summary>
    public JsonObject Outputs() => _store.Load().Outputs;

    private Plan PlanFor(StackState state, DeploymentOptions options)
    {
        var replace = ReplaceSet.Resolve(options.Replace, _program.Resources, state);
        var scope = TargetSet.Expand(Targets(options), _program.Resources, state);
        var plan = new Planner(_providers).Create(_program.Stack, _program.Resources, state, scope, replace, _program.Computed) with
        {
            Diagnostics = _program.Diagnostics,
        };
        return PlanRefusals.Check(plan, "up");
    }

    /// <summary>With targets, the resources to replace are targets too (else they would be out of scope); without, everything is.</summary>
    private static IReadOnlyList<Urn> Targets(DeploymentOptions options) =>
        options.Targets.Count == 0 ? [] : [.. options.Targets.Union(options.Replace)];

    private List<DagNode> ApplyGraph(IReadOnlyList<PlanStep> steps, ResourceOperations operations)
    {
        var index = steps.Select((s, i) => (s.Urn, i)).ToDictionary(p => p.Urn, p => p.i);
        return [.. steps.Select(step => new DagNode(
            [.. step.Declaration!.Dependencies.Append(step.Declaration.Parent).OfType<Urn>().Where(index.ContainsKey).Select(u => index[u]).Distinct()],
            () => ConcurrencyKey(step.Type, step.Declaration.IsComponent, step.Inputs),
            ct => operations.ApplyAsync(step, ct)))];
    }

    private List<DagNode> DeleteGraph(IReadOnlyList<PlanStep> deletes, ResourceOperations operations, string verb)
    {
        // A resource is deleted only after everything that depends on it.
        var index = deletes.Select((s, i) => (s.Urn, i)).ToDictionary(p => p.Urn, p => p.i);
        var prerequisites = deletes.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < deletes.Count; i++)
        {
            foreach (var dep in deletes[i].Old!.Dependencies.Append(deletes[i].Old!.Parent).OfType<Urn>())
            {
                if (index.TryGetValue(dep, out var d))
                {
                    prerequisites[d].Add(i);
                }
            }
        }

        return [.. deletes.Select((step, i) => new DagNode(
            prerequisites[i],
            () => ConcurrencyKey(step.Type, step.Old!.IsComponent, step.Old.Inputs),
            ct => operations.DestroyAsync(step.Old!, verb, ct)))];
    }

    /// <summary>Taken from the planned inputs, where a value not yet known is left out, as for Check.</summary>
    private string? ConcurrencyKey(string type, bool isComponent, JsonObject inputs) =>
        isComponent ? null : _providers.Get(type).ConcurrencyKey(SecretValue.RevealObject(UnknownValue.Strip(inputs)));

    private static async Task RunAsync(
        List<DagNode> nodes, IReadOnlyList<PlanStep> steps, DeploymentOptions options, List<ResourceFailure> failures, List<Urn> notRun, CancellationToken ct)
    {
        var (status, errors) = await DagRunner.RunAsync(nodes, options.Parallelism, options.ContinueOnError, ct);
        for (var i = 0; i < status.Length; i++)
        {
            switch (status[i])
            {
                case NodeStatus.Failed when errors[i] is ResourceOperationException e:
                    failures.Add(new ResourceFailure(e.Urn, e.Kind, e.InnerException is OperationCanceledException && ct.IsCancellationRequested
                        ? "interrupted before it finished; the next run checks what it left"
                        : e.InnerException!.Message));
                    break;
                case NodeStatus.Failed:
                    failures.Add(new ResourceFailure(steps[i].Urn, steps[i].Kind, errors[i]!.Message));
                    break;
                case NodeStatus.NotRun:
                    notRun.Add(steps[i].Urn);
                    break;
            }
        }
    }

    /// <summary>Resolves the exported values against recorded outputs; an output whose resource is missing keeps its last value.</summary>
    private bool UpdateStackOutputs(StateRecorder recorder)
    {
        var previous = recorder.State.Outputs;
        var resolved = new JsonObject();
        foreach (var (name, value) in _program.Outputs)
        {
            var holder = InputResolver.Resolve(new JsonObject { ["v"] = value?.DeepClone() }, recorder.OutputsOf, computed: _program.Computed);
            if (!UnknownValue.ContainsUnknown(holder["v"]))
            {
                resolved[name] = holder["v"]?.DeepClone();
            }
            else if (previous.TryGetPropertyValue(name, out var last))
            {
                resolved[name] = last?.DeepClone();
            }
        }

        if (JsonNode.DeepEquals(previous, resolved))
        {
            return false;
        }

        recorder.State.Outputs = resolved;
        return true;
    }
}
