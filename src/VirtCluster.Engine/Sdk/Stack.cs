using System.Reflection;

namespace VirtCluster.Sdk;

/// <summary>
/// A program written as a class (Pulumi's <c>Stack</c>): the constructor declares resources, and the [Output]
/// properties are the stack's outputs. Run it with <see cref="Deployment.RunAsync{TStack}"/>.
/// </summary>
public abstract class Stack
{
    internal IDictionary<string, object?> Outputs() =>
        GetType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<OutputAttribute>() is not null)
            .ToDictionary(p => p.GetCustomAttribute<OutputAttribute>()!.Name ?? JsonNaming.Camel(p.Name), p => p.GetValue(this));
}
