namespace VirtCluster.Sdk;

/// <summary>
/// The arguments of a resource, or a nested part of them: a class whose <see cref="InputAttribute"/> properties are
/// the resource's inputs (Pulumi's <c>ResourceArgs</c>).
/// </summary>
public abstract class ResourceArgs
{
    /// <summary>For resources that take no arguments.</summary>
    public static readonly ResourceArgs Empty = new EmptyArgs();

    private sealed class EmptyArgs : ResourceArgs;
}
