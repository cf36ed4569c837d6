using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace VirtCluster.Engine.Logging;

/// <summary>
/// Rewrites each event before it reaches <paramref name="target"/>: message template text, property values (nested
/// too) and the exception text with every registered secret masked. Events without a secret pass unchanged.
/// </summary>
internal sealed class RedactingSink(SecretRedactor redactor, ILogEventSink target) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser TemplateParser = new();

    public void Emit(LogEvent logEvent) => target.Emit(redactor.IsEmpty ? logEvent : Redact(logEvent));

    public void Dispose() => (target as IDisposable)?.Dispose();

    private LogEvent Redact(LogEvent e)
    {
        var template = redactor.Contains(e.MessageTemplate.Text)
            ? TemplateParser.Parse(redactor.Redact(e.MessageTemplate.Text))
            : e.MessageTemplate;
        var exception = e.Exception is { } original && redactor.Contains(original.ToString())
            ? new RedactedException(original, redactor)
            : e.Exception;
        var properties = e.Properties.Select(p => new LogEventProperty(p.Key, Redact(p.Value)));
        return new LogEvent(e.Timestamp, e.Level, exception, template, properties, e.TraceId ?? default, e.SpanId ?? default);
    }

    private LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => redactor.Contains(s) ? new ScalarValue(redactor.Redact(s)) : value,
        ScalarValue { Value: { } other } when redactor.Contains(other.ToString() ?? string.Empty) => new ScalarValue(redactor.Redact(other.ToString()!)),
        SequenceValue seq => new SequenceValue(seq.Elements.Select(Redact)),
        StructureValue st => new StructureValue(st.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))), st.TypeTag),
        DictionaryValue d => new DictionaryValue(d.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Redact(kv.Key), Redact(kv.Value)))),
        _ => value,
    };
}
