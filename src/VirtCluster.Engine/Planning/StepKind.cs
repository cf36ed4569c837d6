namespace VirtCluster.Engine.Planning;

/// <summary>What the engine does to one resource.</summary>
public enum StepKind
{
    Same,
    Create,
    Update,

    /// <summary>Updated in place; takes effect after a restart of the resource.</summary>
    UpdateRestart,

    /// <summary>Deleted, then created again (delete-before-create: names such as VM names are unique).</summary>
    Replace,
    Delete,
}
