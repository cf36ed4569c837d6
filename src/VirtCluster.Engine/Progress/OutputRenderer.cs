using System.Text.Json.Nodes;

namespace VirtCluster.Engine.Progress;

/// <summary>The text of stack outputs, and whether any value in it was summarized (counted, cut) rather than shown whole.</summary>
public sealed record RenderedOutput(string Text, bool Abridged);

/// <summary>
/// Stack outputs as a summary a person reads at a glance, over plain JSON values (it knows nothing of what they
/// mean): scalars as <c>name  value</c>; objects indented under their name; arrays of objects as aligned tables,
/// with small nested objects as dotted columns; a few objects of the same kind side by side as columns, so they
/// compare at a glance; long arrays counted, not printed. A one-line JSON of hundreds of numbers is what
/// <c>--json</c> is for.
/// </summary>
public static class OutputRenderer
{
    /// <summary>Every output, in order, blocks separated by a blank line.</summary>
    public static RenderedOutput All(JsonObject outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var writer = new OutputWriter();
        writer.Entries(outputs, 0, spaced: true);
        return writer.Result();
    }

    /// <summary>
    /// One output's value. A scalar is printed as scripts read it today (a string bare, a number as JSON, no unit);
    /// anything else as <see cref="All"/> would show it under its name.
    /// </summary>
    public static RenderedOutput One(JsonNode? value)
    {
        var writer = new OutputWriter();
        writer.Value(value);
        return writer.Result();
    }
}
