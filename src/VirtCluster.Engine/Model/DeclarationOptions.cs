namespace VirtCluster.Engine.Model;

/// <summary>
/// The lifecycle options of one declaration, resolved from <see cref="ResourceOptions"/> (inherited values filled
/// in), so planning and apply read one immutable value. The semantics are Pulumi's resource options of the same
/// names; where this engine differs, the member says so.
/// </summary>
public sealed record DeclarationOptions
{
    public static DeclarationOptions Default { get; } = new();

    /// <summary>Refuse any run that would delete or replace the resource; recorded in state for <c>destroy</c>.</summary>
    public bool Protect { get; init; }

    /// <summary>
    /// Input properties (top-level names, or dotted paths into objects such as <c>disk.size</c>) whose changes the
    /// diff ignores: the recorded value is kept, so only a create uses the program's value.
    /// </summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    /// <summary>Input properties (or dotted paths; <c>*</c> for any) whose change replaces the resource even where the provider would update it in place.</summary>
    public IReadOnlyList<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>
    /// Delete the old object before creating its replacement. This engine always replaces that way, for every
    /// resource: the providers' objects have fixed names (a VM, a volume, a network), so a replacement created
    /// first would find the old object under its name and adopt it. The flag is kept so programs say what they
    /// rely on and port unchanged; false does not make a replacement create-first.
    /// </summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>
    /// Deleting the resource only forgets it: the provider's Delete is not called. Recorded in state for
    /// <c>destroy</c>. A retained resource cannot be replaced (its replacement would take the old object's name).
    /// </summary>
    public bool RetainOnDelete { get; init; }

    public CustomTimeouts CustomTimeouts { get; init; } = CustomTimeouts.None;

    /// <summary>
    /// The options of the declaration <paramref name="urn"/> whose parent resolved to <paramref name="parent"/>
    /// (Protect and RetainOnDelete are inherited, as in Pulumi). A value that cannot work is refused here, naming
    /// the resource, rather than half-way through a run.
    /// </summary>
    public static DeclarationOptions Resolve(Urn urn, ResourceOptions options, DeclarationOptions? parent)
    {
        RequirePaths(urn, "IgnoreChanges", options.IgnoreChanges, allowStar: false);
        RequirePaths(urn, "ReplaceOnChanges", options.ReplaceOnChanges, allowStar: true);
        var timeouts = options.CustomTimeouts ?? CustomTimeouts.None;
        RequireTimeout(urn, "Create", timeouts.Create);
        RequireTimeout(urn, "Update", timeouts.Update);
        RequireTimeout(urn, "Delete", timeouts.Delete);
        var protect = options.Protect ?? parent?.Protect ?? false;
        var retain = options.RetainOnDelete ?? parent?.RetainOnDelete ?? false;
        if (!protect && !retain && !options.DeleteBeforeReplace && options is { IgnoreChanges.Count: 0, ReplaceOnChanges.Count: 0, CustomTimeouts: null })
        {
            return Default; // The common case, shared: a large program declares thousands of resources.
        }

        return new()
        {
            Protect = protect,
            IgnoreChanges = [.. options.IgnoreChanges],
            ReplaceOnChanges = [.. options.ReplaceOnChanges],
            DeleteBeforeReplace = options.DeleteBeforeReplace,
            RetainOnDelete = retain,
            CustomTimeouts = timeouts,
        };
    }

    private static void RequirePaths(Urn urn, string option, IReadOnlyList<string> paths, bool allowStar)
    {
        foreach (var path in paths)
        {
            if (!(allowStar && path == "*") && (path.Length == 0 || path.Split('.').Any(string.IsNullOrWhiteSpace)))
            {
                throw new InvalidOperationException(
                    $"resource '{urn}': {option} entry '{path}' is not a property name or dotted path such as 'disk.size'{(allowStar ? " (or '*')" : "")}");
            }
        }
    }

    private static void RequireTimeout(Urn urn, string operation, TimeSpan? timeout)
    {
        // The longest delay a cancellation timer takes is just under 50 days.
        if (timeout is { } t && (t <= TimeSpan.Zero || t > TimeSpan.FromDays(49)))
        {
            throw new InvalidOperationException($"resource '{urn}': CustomTimeouts.{operation} is {t}; it must be longer than zero and at most 49 days");
        }
    }
}
