namespace VirtCluster.Engine.Providers;

/// <summary>
/// The lifecycle of one resource type in Pulumi's provider shape, over immutable records: a provider reads its
/// inputs as typed members and builds its outputs as a record, and never sees JSON. JSON exists only at the state
/// file; <see cref="TypedProvider{TInputs, TOutputs}"/> converts at that boundary and is what the engine registers.
/// Idempotence is asked of a typed provider as of any other: Create may find its object there already (adopt it),
/// Delete may find it gone (success).
/// </summary>
/// <typeparam name="TInputs">The resource's inputs. A value the engine does not know yet (preview) is absent, so
/// a member can be null in <see cref="Check"/> whatever its annotation; everywhere else inputs have passed Check.</typeparam>
/// <typeparam name="TOutputs">The resource's outputs as recorded in state.</typeparam>
public interface IResourceProvider<TInputs, TOutputs>
    where TInputs : class
    where TOutputs : class
{
    /// <summary>The resource type this provider serves, e.g. <c>virtcluster:libvirt:Node</c>.</summary>
    string Type { get; }

    /// <summary>
    /// Checks what a type cannot say (a file that must exist, a value only some hosts accept). Missing required
    /// members and values of the wrong type are reported by the adapter before this is called, so this sees only
    /// inputs that deserialize; members not known yet are null here.
    /// </summary>
    IReadOnlyList<CheckFailure> Check(TInputs inputs) => [];

    /// <summary>How a change of the top-level input <paramref name="property"/> is applied (the default Diff's rule).</summary>
    DiffKind ChangeKind(string property);

    /// <summary>
    /// Refines the default per-property diff, for changes that inputs alone do not show (an object found stopped, a
    /// node never seen ready). Most providers keep <see cref="DiffRequest{TInputs, TOutputs}.ByProperty"/>.
    /// </summary>
    DiffResult Diff(DiffRequest<TInputs, TOutputs> request) => request.ByProperty;

    /// <summary>A key under which operations are serialised; null means no constraint beyond the engine's parallelism.</summary>
    string? ConcurrencyKey(TInputs inputs) => null;

    Task<ProviderResult<TOutputs>> CreateAsync(ProviderRequest<TInputs, TOutputs> request, CancellationToken cancellationToken);

    /// <summary>
    /// Reads actual state; null when the object does not exist. <see cref="ProviderRequest{TInputs, TOutputs}.Id"/>
    /// may be null after a crash during Create: the provider then looks the object up by its inputs.
    /// </summary>
    Task<ProviderResult<TOutputs>?> ReadAsync(ProviderRequest<TInputs, TOutputs> request, CancellationToken cancellationToken);

    Task<ProviderResult<TOutputs>> UpdateAsync(ProviderRequest<TInputs, TOutputs> request, CancellationToken cancellationToken);

    Task DeleteAsync(ProviderRequest<TInputs, TOutputs> request, CancellationToken cancellationToken);
}
