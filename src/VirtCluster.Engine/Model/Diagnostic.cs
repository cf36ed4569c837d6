namespace VirtCluster.Engine.Model;

public enum DiagnosticSeverity
{
    Info,
    Warning,
}

/// <summary>
/// A message the program gives about a resource while it runs (Pulumi's <c>Log.Info</c>/<c>Log.Warn</c>): shown with
/// the plan of <c>preview</c> and <c>up</c>, under "Diagnostics", grouped by resource.
/// </summary>
/// <param name="Severity">Info, or a warning.</param>
/// <param name="Urn">The resource it is about, or null for the stack as a whole.</param>
/// <param name="Message">One sentence for a person.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, Urn? Urn, string Message);
