using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace VirtCluster.Engine.Logging;

/// <summary>Writes formatted events to a <see cref="TextWriter"/>: the console sink's output, capturable.</summary>
internal sealed class TextWriterSink(ITextFormatter formatter, TextWriter writer) : ILogEventSink
{
    private readonly object _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
