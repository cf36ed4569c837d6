using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.State;

/// <summary>
/// The options that still matter once the program is gone: <c>destroy</c> and <c>refresh</c> work from state alone,
/// and an <c>up</c> deletes resources the program no longer declares. Each <c>up</c> records the program's current
/// values, so changing one in the program (say Protect = false) takes effect with the next <c>up</c>.
/// </summary>
/// <param name="Protect">Deleting or replacing the resource is refused.</param>
/// <param name="RetainOnDelete">Deleting it only forgets it; the provider's Delete is not called.</param>
/// <param name="DeleteTimeout">How long the provider's Delete may take; null for unbounded.</param>
public sealed record RecordedOptions(bool Protect = false, bool RetainOnDelete = false, TimeSpan? DeleteTimeout = null)
{
    public static RecordedOptions Default { get; } = new();

    public static RecordedOptions Of(DeclarationOptions options) =>
        options is { Protect: false, RetainOnDelete: false, CustomTimeouts.Delete: null }
            ? Default
            : new(options.Protect, options.RetainOnDelete, options.CustomTimeouts.Delete);
}
