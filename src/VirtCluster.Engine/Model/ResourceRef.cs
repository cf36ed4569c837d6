namespace VirtCluster.Engine.Model;

/// <summary>A handle the program gets back from a declaration, to wire outputs into other inputs.</summary>
public sealed record ResourceRef(Urn Urn, string Type)
{
    public OutputRef Output(string property) => new(Urn, property);
}

/// <summary>
/// Options of one declaration, named and typed after Pulumi's .NET <c>ResourceOptions</c> so a program's options
/// map across one to one; <see cref="DeclarationOptions"/> says what each does here.
/// </summary>
public sealed record ResourceOptions
{
    public ResourceRef? Parent { get; init; }

    public IReadOnlyList<ResourceRef> DependsOn { get; init; } = [];

    /// <summary>See <see cref="DeclarationOptions.Protect"/>; null inherits the parent's (false without one).</summary>
    public bool? Protect { get; init; }

    /// <summary>See <see cref="DeclarationOptions.IgnoreChanges"/>.</summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    /// <summary>See <see cref="DeclarationOptions.ReplaceOnChanges"/>.</summary>
    public IReadOnlyList<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>See <see cref="DeclarationOptions.DeleteBeforeReplace"/>: every replacement here deletes first.</summary>
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>See <see cref="DeclarationOptions.RetainOnDelete"/>; null inherits the parent's (false without one).</summary>
    public bool? RetainOnDelete { get; init; }

    /// <summary>See <see cref="Model.CustomTimeouts"/>; null for none.</summary>
    public CustomTimeouts? CustomTimeouts { get; init; }
}
