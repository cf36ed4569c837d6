namespace VirtCluster.Sdk;

/// <summary>How a resource is declared beyond its arguments (Pulumi's <c>ResourceOptions</c>).</summary>
public class ResourceOptions
{
    /// <summary>The component this resource belongs to: its URN is qualified by the parent's type.</summary>
    public Resource? Parent { get; set; }

    /// <summary>Resources to wait for besides those whose outputs are inputs; a component stands for all its children.</summary>
    public List<Resource> DependsOn { get; set; } = [];

    /// <summary>Destroy (and any delete or replace) refuses until the program sets this back to false and runs up.</summary>
    public bool? Protect { get; set; }

    /// <summary>Inputs whose changes are ignored: the recorded value is kept.</summary>
    public List<string> IgnoreChanges { get; set; } = [];

    /// <summary>Dropped from the program or destroyed, the resource leaves state but is not deleted.</summary>
    public bool? RetainOnDelete { get; set; }

    /// <summary>How long the provider may take to create, update or delete the resource.</summary>
    public CustomTimeouts? CustomTimeouts { get; set; }
}

/// <summary>Options of a resource served by a provider (Pulumi's <c>CustomResourceOptions</c>).</summary>
public sealed class CustomResourceOptions : ResourceOptions
{
    /// <summary>Inputs whose change replaces the resource even where the provider could update it in place.</summary>
    public List<string> ReplaceOnChanges { get; set; } = [];

    /// <summary>A replace deletes the old object before it creates the new one.</summary>
    public bool? DeleteBeforeReplace { get; set; }
}

/// <summary>Options of a component (Pulumi's <c>ComponentResourceOptions</c>).</summary>
public sealed class ComponentResourceOptions : ResourceOptions;

/// <summary>Time limits of one resource's provider operations; null means the engine's default (none).</summary>
public sealed class CustomTimeouts
{
    public TimeSpan? Create { get; set; }

    public TimeSpan? Update { get; set; }

    public TimeSpan? Delete { get; set; }
}
