using VirtCluster.Engine.Model;

namespace VirtCluster.Sdk;

/// <summary>
/// Messages of the program for the person running it (Pulumi's <c>Log</c>): <c>preview</c> and <c>up</c> show them
/// with the plan, under "Diagnostics", by resource. For what the program decided and the reader should know before
/// saying yes, such as the order in which things will run; not for progress (the engine shows that).
/// </summary>
public static class Log
{
    public static void Info(string message, Resource? resource = null) => Say(DiagnosticSeverity.Info, message, resource);

    public static void Warn(string message, Resource? resource = null) => Say(DiagnosticSeverity.Warning, message, resource);

    private static void Say(DiagnosticSeverity severity, string message, Resource? resource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var context = DeploymentContext.Current
            ?? throw new InvalidOperationException($"Log.{(severity == DiagnosticSeverity.Info ? "Info" : "Warn")} is called outside Deployment.RunAsync");
        context.Diagnose(severity, message, resource);
    }
}
