namespace VirtCluster.Engine.Model;

/// <summary>A handle the program gets back from a declaration, to wire outputs into other inputs.</summary>
public sealed record ResourceRef(Urn Urn, string Type)
{
    public OutputRef Output(string property) => new(Urn, property);
}

/// <summary>Options of one declaration.</summary>
public sealed record ResourceOptions
{
    public ResourceRef? Parent { get; init; }

    public IReadOnlyList<ResourceRef> DependsOn { get; init; } = [];
}
