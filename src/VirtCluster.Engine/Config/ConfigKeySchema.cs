namespace VirtCluster.Engine.Config;

/// <summary>
/// One key of the project's config schema. Stack values are checked against it before anything reads them,
/// so that a wrong type or range fails with the stack file's line and column instead of deep in a deployment.
/// </summary>
/// <param name="Key">Full name, e.g. <c>virtcluster:pinning</c>.</param>
/// <param name="Type">The value's type; a stack value of another type is an error.</param>
/// <param name="Default">Used when the stack does not set the key; its location points into <c>Pulumi.yaml</c>.</param>
/// <param name="Description">Shown in messages as what the key accepts.</param>
/// <param name="Secret">The value must be stored encrypted (<c>{ secure: v1:... }</c>).</param>
/// <param name="Required">The stack must set the key (there is no sensible default).</param>
/// <param name="Enum">For strings: the only accepted values (empty: any).</param>
/// <param name="Minimum">For numbers: the smallest accepted value.</param>
/// <param name="Maximum">For numbers: the largest accepted value.</param>
/// <param name="Location">Where the key is declared in <c>Pulumi.yaml</c>.</param>
public sealed record ConfigKeySchema(
    string Key,
    ConfigValueType Type,
    ConfigNode? Default,
    string Description,
    bool Secret,
    bool Required,
    IReadOnlyList<string> Enum,
    decimal? Minimum,
    decimal? Maximum,
    SourceLocation Location);
