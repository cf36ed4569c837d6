using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Providers;

/// <summary>What a typed provider is asked to act on.</summary>
/// <param name="Urn">The resource's identity.</param>
/// <param name="Id">The provider's id from an earlier Create, when known.</param>
/// <param name="Inputs">Resolved inputs, checked.</param>
/// <param name="OldInputs">For Update: the recorded inputs; null when none were recorded or they no longer fit
/// <typeparamref name="TInputs"/> (state written by an older version).</param>
/// <param name="OldOutputs">For Update, Read and Delete: the recorded outputs; null on the same terms.</param>
/// <param name="Progress">Reports a short line of progress for long operations (shown with -v).</param>
/// <param name="Status">Reports a line a console always shows, for operations that run for minutes.</param>
public sealed record ProviderRequest<TInputs, TOutputs>(
    Urn Urn,
    string? Id,
    TInputs Inputs,
    TInputs? OldInputs,
    TOutputs? OldOutputs,
    IProgress<string>? Progress = null,
    IProgress<string>? Status = null)
    where TInputs : class
    where TOutputs : class;

/// <summary>
/// A typed provider's answer: the id and outputs of the object as it now is. Unlike <see cref="ProviderResult"/>
/// it carries no corrected inputs: no typed provider reads inputs back, and one that must stays on
/// <see cref="IResourceProvider"/>.
/// </summary>
public sealed record ProviderResult<TOutputs>(string Id, TOutputs Outputs)
    where TOutputs : class;

/// <summary>What a typed provider's Diff refines: the recorded state and the default per-property diff.</summary>
/// <param name="Urn">The resource's identity.</param>
/// <param name="Id">The recorded id.</param>
/// <param name="OldInputs">The recorded inputs; null when they no longer fit <typeparamref name="TInputs"/>.</param>
/// <param name="OldOutputs">The recorded outputs; null when none were recorded or they no longer fit.</param>
/// <param name="ByProperty">Recorded against new inputs, top-level property by property, each classified by
/// <see cref="IResourceProvider{TInputs, TOutputs}.ChangeKind"/>. New inputs are not given typed: in preview they
/// may hold values unknown until apply, which compare as changed here but fit no record.</param>
public sealed record DiffRequest<TInputs, TOutputs>(
    Urn Urn,
    string? Id,
    TInputs? OldInputs,
    TOutputs? OldOutputs,
    DiffResult ByProperty)
    where TInputs : class
    where TOutputs : class;
