using System.Collections.Concurrent;
using VirtCluster.Engine.Config;
using VirtCluster.Engine.Model;

namespace VirtCluster.Sdk;

/// <summary>
/// One run of the program: the resources it registers, the tasks it started (facts being read, say), and at the
/// end the engine's declarations in an order where everything a resource depends on comes first.
/// </summary>
internal sealed class DeploymentContext
{
    private static readonly AsyncLocal<DeploymentContext?> Ambient = new();

    private readonly StackBuilder _stack;
    private readonly List<Registration> _registrations = [];
    private readonly ConcurrentQueue<Task> _tasks = new();

    public DeploymentContext(StackBuilder stack, CancellationToken cancellationToken, IReadOnlyList<IProviderPackage>? packages = null)
    {
        _stack = stack;
        CancellationToken = cancellationToken;
        Packages = packages ?? [];
    }

    /// <summary>The provider packages of this run, for components that share their services.</summary>
    public IReadOnlyList<IProviderPackage> Packages { get; }

    /// <summary>The run the calling code belongs to (it flows into tasks the program starts).</summary>
    public static DeploymentContext? Current => Ambient.Value;

    public string Stack => _stack.Stack;

    public string Project => _stack.Project;

    public StackConfig Config => _stack.Config;

    /// <summary>Cancelled when the run is (Ctrl-C): long reads in the program stop with it.</summary>
    public CancellationToken CancellationToken { get; }

    public static IDisposable Enter(DeploymentContext context)
    {
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Restore(previous);
    }

    public void Register(Resource resource, ResourceArgs? args, bool isComponent)
    {
        lock (_registrations)
        {
            if (_registrations.Any(r => r.Resource.UrnValue == resource.UrnValue))
            {
                throw new InvalidOperationException($"resource '{resource.UrnValue}' is declared twice; names must be unique per type and parent");
            }

            _registrations.Add(new Registration(resource, args, isComponent));
        }
    }

    /// <summary>A component said it is complete (<see cref="ComponentResource.RegisterOutputs()"/>).</summary>
    public void Completed(ComponentResource component, IDictionary<string, object?> outputs)
    {
        lock (_registrations)
        {
            var index = _registrations.FindIndex(r => ReferenceEquals(r.Resource, component));
            if (index >= 0)
            {
                _registrations[index] = _registrations[index] with { Outputs = new Dictionary<string, object?>(outputs) };
            }
        }
    }

    /// <summary>A message of the program about <paramref name="resource"/> (or the stack), shown with the plan.</summary>
    public void Diagnose(DiagnosticSeverity severity, string message, Resource? resource) =>
        _stack.Diagnose(new Diagnostic(severity, resource?.UrnValue, message));

    /// <summary>Remembers a task of the program; declarations are made only once every such task has finished.</summary>
    public void Track(Task task) => _tasks.Enqueue(task);

    /// <summary>Waits for the program's tasks (and those they start), then declares every resource to the engine.</summary>
    public async Task FinishAsync(IDictionary<string, object?> outputs)
    {
        while (_tasks.TryDequeue(out var task))
        {
            await task.WaitAsync(CancellationToken).ConfigureAwait(false);
        }

        foreach (var registration in Ordered())
        {
            var resource = registration.Resource;
            var declared = resource.Options;
            var options = new Engine.Model.ResourceOptions
            {
                Parent = declared.Parent is { } parent ? new ResourceRef(parent.UrnValue, parent.Type) : null,
                DependsOn = [.. DependsOn(registration).Select(r => new ResourceRef(r.UrnValue, r.Type))],
                Protect = declared.Protect,
                IgnoreChanges = declared.IgnoreChanges,
                ReplaceOnChanges = declared is CustomResourceOptions { } custom ? custom.ReplaceOnChanges : [],
                DeleteBeforeReplace = declared is CustomResourceOptions { DeleteBeforeReplace: true },
                RetainOnDelete = declared.RetainOnDelete,
                CustomTimeouts = declared.CustomTimeouts is { } timeouts
                    ? new Engine.Model.CustomTimeouts { Create = timeouts.Create, Update = timeouts.Update, Delete = timeouts.Delete }
                    : null,
            };
            var reference = registration.IsComponent
                ? _stack.Component(resource.Type, resource.Name, options)
                : _stack.Declare(resource.Type, resource.Name, ArgsEncoder.Encode(registration.Args!, _stack), options);
            if (reference.Urn != resource.UrnValue)
            {
                throw new InvalidOperationException($"'{resource.UrnValue}' was declared to the engine as '{reference.Urn}'");
            }
        }

        foreach (var (name, value) in outputs)
        {
            _stack.Export(name, ArgsEncoder.EncodeValue(value, _stack));
        }
    }

    /// <summary>
    /// Explicit dependencies, with a component standing for itself and all its descendants, so that depending on a
    /// component waits for everything in it, including children it declared after the dependent.
    /// </summary>
    private IEnumerable<Resource> DependsOn(Registration registration)
    {
        var direct = registration.Resource.Options.DependsOn;
        return direct.SelectMany(d => d is ComponentResource ? Descendants(d).Prepend(d) : [d]).Distinct();
    }

    private IEnumerable<Resource> Descendants(Resource component) =>
        _registrations.Where(r => r.Resource.Options.Parent == component)
            .SelectMany(r => Descendants(r.Resource).Prepend(r.Resource));

    /// <summary>Registration order, except that a resource comes after everything it depends on.</summary>
    private List<Registration> Ordered()
    {
        var byUrn = _registrations.ToDictionary(r => r.Resource.UrnValue);
        var done = new HashSet<Urn>();
        var visiting = new HashSet<Urn>();
        var ordered = new List<Registration>(_registrations.Count);

        void Visit(Registration registration)
        {
            var urn = registration.Resource.UrnValue;
            if (done.Contains(urn))
            {
                return;
            }

            if (!visiting.Add(urn))
            {
                throw new InvalidOperationException($"resource '{urn}' depends on itself through its dependencies");
            }

            var prerequisites = DependsOn(registration).Select(r => r.UrnValue)
                .Concat(registration.Args is null ? [] : ArgsEncoder.DependenciesOf(registration.Args))
                .Concat(registration.Resource.Options.Parent is { } parent ? [parent.UrnValue] : []);
            foreach (var prerequisite in prerequisites.Distinct())
            {
                if (!byUrn.TryGetValue(prerequisite, out var before))
                {
                    throw new InvalidOperationException($"resource '{urn}' depends on '{prerequisite}', which this program does not declare");
                }

                Visit(before);
            }

            visiting.Remove(urn);
            done.Add(urn);
            ordered.Add(registration);
        }

        foreach (var registration in _registrations.ToList())
        {
            Visit(registration);
        }

        return ordered;
    }

    private sealed record Registration(Resource Resource, ResourceArgs? Args, bool IsComponent)
    {
        public IReadOnlyDictionary<string, object?>? Outputs { get; init; }
    }

    private sealed class Restore(DeploymentContext? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
