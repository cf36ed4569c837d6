namespace VirtCluster.Sdk;

/// <summary>Marks a property of a <see cref="ResourceArgs"/> class as the resource input <see cref="Name"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(string name, bool required = false) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The program fails when a required input is not set.</summary>
    public bool IsRequired { get; } = required;
}

/// <summary>
/// Marks an <see cref="Output{T}"/> property of a resource (filled from the provider's outputs of that name) or of a
/// <see cref="Stack"/> (exported as a stack output of that name).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute(string? name = null) : Attribute
{
    public string? Name { get; } = name;
}
