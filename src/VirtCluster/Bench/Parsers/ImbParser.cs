using System.Globalization;
using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// Intel MPI Benchmarks (IMB-MPI1, IMB-EXT, ...) text output. Every table row becomes one sample per
/// value column, named <c>Benchmark[.mode].column</c> (e.g. <c>PingPong.t</c>, <c>Multi-Unidir_Get.aggregate.t_avg</c>).
/// PingPong additionally yields <c>PingPong.latency</c>: IMB reports PingPong time as half the round trip,
/// which is the one-way latency the paper tabulates. Mbytes/sec is converted to B/s with the factor of the
/// version that printed it: 2^20 up to IMB 4.1, 10^6 from IMB 2018 on.
/// </summary>
public sealed partial class ImbParser : IBenchmarkParser
{
    public const string BenchmarkName = "IMB";

    public string Format => "imb";

    public ParseResult Parse(TextReader input, string sourceName)
    {
        var state = new State(sourceName);
        foreach (var line in OutputLines.Read(input, sourceName))
        {
            state.Accept(line);
        }

        return state.Finish();
    }

    /// <summary>Bytes per printed "Mbyte" for a version string such as <c>4.1</c> or <c>2019 Update 6</c>.</summary>
    public static double BytesPerMbyte(string version)
    {
        var major = LeadingNumber().Match(version);
        return major.Success && int.Parse(major.Value, CultureInfo.InvariantCulture) >= 2018 ? 1e6 : Units.Mebi;
    }

    [GeneratedRegex(@"Intel\s*\(R\)\s*MPI\s+Benchmark(?:s|\s+Suite)?\s+V?(?<version>[^,]+?)\s*,\s*(?<part>.+?)\s*$")]
    private static partial Regex VersionHeader();

    [GeneratedRegex(@"^#\s*Benchmarking\s+(?<name>\S+)")]
    private static partial Regex BenchmarkingLine();

    [GeneratedRegex(@"^#\s*#processes\s*=\s*(?<n>\d+)")]
    private static partial Regex ProcessesLine();

    [GeneratedRegex(@"^#\s*\(\s*(?<groups>\d+)\s+groups?\s+of\s+(?<size>\d+)\s+processes")]
    private static partial Regex GroupsLine();

    [GeneratedRegex(@"^#\s*MODE:\s*(?<mode>\S+)")]
    private static partial Regex ModeLine();

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed class State(string source)
    {
        private readonly List<Sample> _samples = [];
        private readonly List<ParsedRun> _runs = [];
        private string? _version;
        private double _bytesPerMbyte;
        private int _runLine;
        private string _runName = "";
        private bool _runFinished;
        private string? _benchmark;
        private string? _mode;
        private int? _ranks;
        private List<ImbColumn>? _columns;

        public void Accept(OutputLine line)
        {
            var text = line.Text.Trim();
            var header = VersionHeader().Match(text);
            if (text.StartsWith('#') && header.Success)
            {
                CloseRun();
                _version = header.Groups["version"].Value;
                _bytesPerMbyte = BytesPerMbyte(_version);
                _runLine = line.Number;
                _runName = $"{BenchmarkName} {_version}, {header.Groups["part"].Value}";
                _runFinished = false;
                _benchmark = null;
                _columns = null;
                return;
            }

            if (_columns is not null)
            {
                AcceptTableLine(line, text);
                return;
            }

            AcceptBlockLine(line, text);
        }

        public ParseResult Finish()
        {
            CloseRun();
            if (_runs.Count == 0)
            {
                throw new BenchmarkParseException(
                    source, 0, "no IMB output found: no 'Intel(R) MPI Benchmarks' header line");
            }

            return new ParseResult(_samples, _runs);
        }

        private void AcceptBlockLine(OutputLine line, string text)
        {
            if (text.Contains("All processes entering MPI_Finalize", StringComparison.Ordinal))
            {
                _runFinished = true;
                return;
            }

            var benchmarking = BenchmarkingLine().Match(text);
            if (benchmarking.Success)
            {
                RequireVersion(line);
                _benchmark = benchmarking.Groups["name"].Value;
                _mode = null;
                _ranks = null;
                return;
            }

            if (_benchmark is null)
            {
                return;
            }

            if (ProcessesLine().Match(text) is { Success: true } processes)
            {
                _ranks = Numbers.ParseInt(processes.Groups["n"].Value, "#processes", source, line.Number);
            }
            else if (GroupsLine().Match(text) is { Success: true } groups)
            {
                _ranks = Numbers.ParseInt(groups.Groups["groups"].Value, "groups", source, line.Number)
                    * Numbers.ParseInt(groups.Groups["size"].Value, "group size", source, line.Number);
            }
            else if (ModeLine().Match(text) is { Success: true } mode)
            {
                _mode = mode.Groups["mode"].Value.ToLowerInvariant();
            }
            else if (text.StartsWith("#bytes", StringComparison.Ordinal) || text.StartsWith("#repetitions", StringComparison.Ordinal))
            {
                _columns = Whitespace().Split(text).Select(t => ImbColumn.FromHeaderToken(t, source, line.Number)).ToList();
            }
        }

        private void AcceptTableLine(OutputLine line, string text)
        {
            if (text.Length == 0 || text.StartsWith('#'))
            {
                _columns = null;
                AcceptBlockLine(line, text);
                return;
            }

            var fields = Whitespace().Split(text);

            // Percentile lines of -show_tail ("[ 0.83, ... ]") and interleaved launcher messages start with no number.
            if (!Numbers.TryParse(fields[0], out _))
            {
                return;
            }

            var columns = _columns!;
            if (fields.Length != columns.Count)
            {
                throw new BenchmarkParseException(
                    source, line.Number,
                    $"table row has {fields.Length} fields but the header has {columns.Count} (truncated or garbled row)");
            }

            var values = fields.Select((f, i) => Numbers.Parse(f, $"column {i + 1}", source, line.Number)).ToArray();
            long? size = null;
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Kind == ImbColumnKind.MessageSize)
                {
                    size = (long)values[i];
                }
            }

            var meta = new SampleMeta(BenchmarkName, _version!, Ranks: _ranks, MessageSizeBytes: size);
            var prefix = _mode is null ? _benchmark! : $"{_benchmark}.{_mode}";
            double? time = null;
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                switch (column.Kind)
                {
                    case ImbColumnKind.Bandwidth:
                        _samples.Add(new Sample($"{prefix}.{column.Metric}", values[i] * _bytesPerMbyte, column.Unit, meta));
                        break;
                    case ImbColumnKind.Value:
                        _samples.Add(new Sample($"{prefix}.{column.Metric}", values[i], column.Unit, meta));
                        if (column.Metric is "t" or "t_avg")
                        {
                            time = values[i];
                        }

                        break;
                }
            }

            if (_benchmark == "PingPong" && _mode is null && time is { } oneWay)
            {
                _samples.Add(new Sample("PingPong.latency", oneWay, Units.Microseconds, meta));
            }
        }

        private void RequireVersion(OutputLine line)
        {
            if (_version is null)
            {
                throw new BenchmarkParseException(
                    source, line.Number,
                    "benchmark block before the 'Intel(R) MPI Benchmarks <version>' header: without the version "
                    + "Mbytes/sec cannot be converted (2^20 B/s up to 4.1, 10^6 B/s from 2018)");
            }
        }

        private void CloseRun()
        {
            if (_version is null)
            {
                return;
            }

            _runs.Add(_runFinished
                ? new ParsedRun(_runName, _runLine, RunStatus.Ok)
                : new ParsedRun(_runName, _runLine, RunStatus.Failed,
                    "incomplete: no 'All processes entering MPI_Finalize' line (run killed or output truncated)"));
        }
    }
}
