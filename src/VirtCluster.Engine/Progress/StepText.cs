using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Progress;

/// <summary>The words and symbols for each step kind, shared by plans, progress and summaries.</summary>
public static class StepText
{
    /// <summary>Pulumi's symbols: + create, ~ update, +- replace, - delete.</summary>
    public static string Symbol(StepKind kind) => kind switch
    {
        StepKind.Create => "+",
        StepKind.Update or StepKind.UpdateRestart => "~",
        StepKind.Replace => "+-",
        StepKind.Delete => "-",
        _ => " ",
    };

    public static string Name(StepKind kind) => kind switch
    {
        StepKind.UpdateRestart => "update-restart",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Verb(StepKind kind) => kind switch
    {
        StepKind.UpdateRestart => "update",
        StepKind.Same => "check",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Doing(StepKind kind) => kind switch
    {
        StepKind.Create => "creating",
        StepKind.Update => "updating",
        StepKind.UpdateRestart => "updating (restart)",
        StepKind.Replace => "replacing",
        StepKind.Delete => "deleting",
        _ => "checking",
    };

    public static string Done(StepKind kind) => kind switch
    {
        StepKind.Create => "created",
        StepKind.Update => "updated",
        StepKind.UpdateRestart => "updated (restart)",
        StepKind.Replace => "replaced",
        StepKind.Delete => "deleted",
        _ => "unchanged",
    };
}
