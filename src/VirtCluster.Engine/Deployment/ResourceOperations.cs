using System.Diagnostics;
using System.Text.Json.Nodes;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;
using VirtCluster.Engine.Providers;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Create, update, replace and delete of one resource, each bracketed by a pending record before the provider
/// is called and the outcome after it, so a crash anywhere leaves something the next run can resolve.
/// </summary>
internal sealed class ResourceOperations(ProviderRegistry providers, StateRecorder recorder, IDeploymentObserver? observer, ComputedInputs? computed = null)
{
    private readonly List<StepKind> _done = [];

    public ChangeCounts Counts
    {
        get
        {
            lock (_done)
            {
                return ChangeCounts.Of(_done);
            }
        }
    }

    public void CountUnchanged(int count)
    {
        lock (_done)
        {
            _done.AddRange(Enumerable.Repeat(StepKind.Same, count));
        }
    }

    /// <summary>Brings a declared resource to its declared inputs, deciding with the outputs now known.</summary>
    public async Task ApplyAsync(PlanStep step, CancellationToken cancellationToken)
    {
        var declaration = step.Declaration!;
        var provider = declaration.IsComponent ? null : providers.Get(declaration.Type);
        var inputs = InputResolver.Resolve(declaration.Inputs, recorder.OutputsOf, computed: computed);
        if (provider is not null && UnknownValue.ContainsUnknown(step.Inputs))
        {
            CheckResolved(declaration.Urn, provider, inputs);
        }

        var old = recorder.Get(declaration.Urn);
        var kind = StepKind.Create;
        if (old is not null)
        {
            var decision = StepDiffer.Decide(provider, old, declaration, inputs, step.ReplaceRequested);
            (kind, inputs) = (decision.Kind, decision.Inputs);
        }

        await RunAsync(declaration.Urn, kind, async () =>
        {
            switch (kind)
            {
                case StepKind.Same:
                    // Nothing to ask the provider, but a changed option (say Protect = false) is recorded all the same.
                    var options = RecordedOptions.Of(declaration.Options);
                    if (!old!.Dependencies.SequenceEqual(declaration.Dependencies) || old.Parent != declaration.Parent || old.Options != options)
                    {
                        recorder.Record(new ResourceCommitted(old with { Dependencies = declaration.Dependencies, Parent = declaration.Parent, Options = options }));
                    }

                    break;
                case StepKind.Create:
                    await CreateAsync(declaration, provider, inputs, cancellationToken);
                    break;
                case StepKind.Update or StepKind.UpdateRestart:
                    await UpdateAsync(declaration, provider!, old!, inputs, cancellationToken);
                    break;
                case StepKind.Replace:
                    // Delete first, always: objects have fixed names (see DeclarationOptions.DeleteBeforeReplace).
                    Refuse(StepKind.Replace, old!, declaration, "up");
                    await DeleteAsync(old!, retain: false, declaration.Options.CustomTimeouts.Delete, cancellationToken);
                    await CreateAsync(declaration, provider, inputs, cancellationToken);
                    break;
            }
        });
    }

    /// <summary>
    /// Deletes a recorded resource (already gone is fine: providers treat that as success), or only forgets it when
    /// it is retained. Its recorded options decide: the program may not have run.
    /// </summary>
    /// <param name="resource">As recorded.</param>
    /// <param name="verb">The run deleting it (<c>up</c> or <c>destroy</c>), for the message of a refusal.</param>
    /// <param name="cancellationToken">Stops the provider's Delete.</param>
    public Task DestroyAsync(ResourceState resource, string verb, CancellationToken cancellationToken) =>
        RunAsync(resource.Urn, StepKind.Delete, () =>
        {
            Refuse(StepKind.Delete, resource, null, verb);
            return DeleteAsync(resource, resource.Options.RetainOnDelete, resource.Options.DeleteTimeout, cancellationToken);
        });

    private async Task RunAsync(Urn urn, StepKind kind, Func<Task> operation)
    {
        var watch = Stopwatch.StartNew();
        if (kind != StepKind.Same)
        {
            observer?.Started(urn, kind);
        }

        try
        {
            await operation();
        }
        catch (Exception e)
        {
            observer?.Finished(urn, kind, e, watch.Elapsed);
            throw new ResourceOperationException(urn, kind, e);
        }

        if (kind != StepKind.Same)
        {
            observer?.Finished(urn, kind, null, watch.Elapsed);
        }

        lock (_done)
        {
            _done.Add(kind);
        }
    }

    private async Task CreateAsync(ResourceDeclaration declaration, IResourceProvider? provider, JsonObject inputs, CancellationToken cancellationToken)
    {
        var intended = new ResourceState(declaration.Urn, declaration.Type, null, inputs, [], declaration.Dependencies, declaration.Parent, declaration.IsComponent)
        {
            Options = RecordedOptions.Of(declaration.Options),
        };
        if (provider is null)
        {
            recorder.Record(new ResourceCommitted(intended));
            return;
        }

        recorder.Record(new PendingRecorded(new PendingOperation(OperationKind.Create, intended)));
        var request = Request(declaration.Urn, null, SecretValue.RevealObject(inputs), null, null);
        var result = await OperationTimeout.RunAsync("create", declaration.Urn, declaration.Options.CustomTimeouts.Create, ct => provider.CreateAsync(request, ct), cancellationToken);
        CrashHook.Step();
        recorder.Record(new ResourceCommitted(intended with { Id = result.Id, Outputs = SecretMarking.Carry(inputs, result.Outputs) }));
    }

    private async Task UpdateAsync(ResourceDeclaration declaration, IResourceProvider provider, ResourceState old, JsonObject inputs, CancellationToken cancellationToken)
    {
        var intended = old with { Inputs = inputs, Dependencies = declaration.Dependencies, Parent = declaration.Parent, Options = RecordedOptions.Of(declaration.Options) };
        recorder.Record(new PendingRecorded(new PendingOperation(OperationKind.Update, intended, old)));
        var request = Request(
            declaration.Urn,
            old.Id,
            SecretValue.RevealObject(inputs),
            SecretValue.RevealObject(old.Inputs),
            SecretValue.RevealObject(old.Outputs));
        var result = await OperationTimeout.RunAsync("update", declaration.Urn, declaration.Options.CustomTimeouts.Update, ct => provider.UpdateAsync(request, ct), cancellationToken);
        CrashHook.Step();
        recorder.Record(new ResourceCommitted(intended with { Id = result.Id, Outputs = SecretMarking.Carry(inputs, result.Outputs) }));
    }

    private async Task DeleteAsync(ResourceState resource, bool retain, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (resource.IsComponent || retain)
        {
            recorder.Record(new ResourceRemoved(resource.Urn));
            return;
        }

        var provider = providers.Get(resource.Type);
        recorder.Record(new PendingRecorded(new PendingOperation(OperationKind.Delete, resource)));
        var request = Request(
            resource.Urn,
            resource.Id,
            SecretValue.RevealObject(resource.Inputs),
            null,
            SecretValue.RevealObject(resource.Outputs));
        await OperationTimeout.RunAsync("delete", resource.Urn, timeout, ct => provider.DeleteAsync(request, ct), cancellationToken);
        CrashHook.Step();
        recorder.Record(new ResourceRemoved(resource.Urn));
    }

    private ResourceRequest Request(Urn urn, string? id, JsonObject inputs, JsonObject? oldInputs, JsonObject? oldOutputs) =>
        new(urn, id, inputs, oldInputs, oldOutputs, ObserverProgress.Detail(observer, urn), ObserverProgress.Status(observer, urn));

    /// <summary>The last line of defence for a step the plan did not foresee (decided again at apply time).</summary>
    private static void Refuse(StepKind kind, ResourceState old, ResourceDeclaration? declaration, string verb)
    {
        if (PlanRefusals.Of(kind, old.Urn, old, declaration, verb) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
    }

    private static void CheckResolved(Urn urn, IResourceProvider provider, JsonObject inputs)
    {
        var failures = provider.Check(SecretValue.RevealObject(inputs));
        if (failures.Count > 0)
        {
            throw new CheckFailedException([.. failures.Select(f => new ResourceCheckFailure(urn, f.Property, f.Reason))]);
        }
    }
}
