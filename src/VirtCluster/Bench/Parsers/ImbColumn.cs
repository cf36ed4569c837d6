using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// One column of an IMB table, known from its header token. IMB changes table shapes between benchmarks,
/// versions and flags (-multi, -show_tail, NBC overlap columns), so columns are mapped by token, not position.
/// </summary>
internal sealed partial record ImbColumn(ImbColumnKind Kind, string Metric, string Unit)
{
    public static ImbColumn FromHeaderToken(string token, string source, int line)
    {
        if (token == "#bytes")
        {
            return new ImbColumn(ImbColumnKind.MessageSize, "", "");
        }

        if (token == "#repetitions")
        {
            return new ImbColumn(ImbColumnKind.Repetitions, "", "");
        }

        if (token.Equals("Mbytes/sec", StringComparison.OrdinalIgnoreCase))
        {
            return new ImbColumn(ImbColumnKind.Bandwidth, "bandwidth", Units.BytesPerSecond);
        }

        if (token.Equals("Msg/sec", StringComparison.OrdinalIgnoreCase))
        {
            return new ImbColumn(ImbColumnKind.Value, "message_rate", Units.MessagesPerSecond);
        }

        if (token == "defects")
        {
            return new ImbColumn(ImbColumnKind.Value, "defects", Units.Count);
        }

        var bracketed = BracketedUnit().Match(token);
        if (bracketed.Success)
        {
            var unit = bracketed.Groups["unit"].Value switch
            {
                "usec" => Units.Microseconds,
                "%" => Units.Percent,
                _ => null,
            };
            if (unit is not null)
            {
                return new ImbColumn(ImbColumnKind.Value, bracketed.Groups["name"].Value, unit);
            }
        }

        throw new BenchmarkParseException(source, line, $"unknown column '{token}' in an IMB table header");
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_]+)\[(?<unit>[^\]]+)\]$")]
    private static partial Regex BracketedUnit();
}
