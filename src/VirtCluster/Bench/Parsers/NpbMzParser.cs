using System.Text.RegularExpressions;
using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Parsers;

/// <summary>
/// NAS Parallel Benchmarks Multi-Zone (3.3 and 3.4; MPI+OpenMP and OpenMP builds). A file may hold many
/// runs (a job script looping over process counts): each banner starts one. A run yields <c>time</c> (s),
/// <c>mops_total</c> and <c>mops_per_thread</c> (Mop/s) only when its result block is complete and verified;
/// otherwise it is reported as a failed run with the reason and contributes no number.
/// </summary>
public sealed partial class NpbMzParser : IBenchmarkParser
{
    public string Format => "npb";

    public ParseResult Parse(TextReader input, string sourceName)
    {
        var runs = new List<NpbRunText>();
        foreach (var line in OutputLines.Read(input, sourceName))
        {
            var banner = Banner().Match(line.Text);
            if (banner.Success)
            {
                runs.Add(new NpbRunText(
                    line.Number,
                    banner.Groups["benchmark"].Value,
                    banner.Groups["version"].Value,
                    line.Text.Contains("MPI", StringComparison.Ordinal) ? "MPI+OpenMP" : "OpenMP"));
            }
            else if (runs.Count > 0)
            {
                runs[^1].Lines.Add(line);
            }
        }

        if (runs.Count == 0)
        {
            throw new BenchmarkParseException(
                sourceName, 0, "no NPB-MZ output found: no 'NAS Parallel Benchmarks (NPB...-MZ...)' banner");
        }

        var samples = new List<Sample>();
        var results = new List<ParsedRun>();
        foreach (var run in runs)
        {
            results.Add(ReadRun(run, sourceName, samples));
        }

        return new ParseResult(samples, results);
    }

    private static ParsedRun ReadRun(NpbRunText run, string source, List<Sample> samples)
    {
        var name = $"{run.Benchmark} (NPB {run.Version} {run.Build})";
        var completed = run.Lines.FindIndex(l => l.Text.Trim() == $"{run.Benchmark} Benchmark Completed.");
        if (completed < 0)
        {
            return new ParsedRun(name, run.BannerLine, RunStatus.Failed,
                "incomplete: no 'Benchmark Completed.' block (killed at wall time or output truncated)");
        }

        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        foreach (var line in run.Lines.Skip(completed + 1))
        {
            var pair = KeyValue().Match(line.Text);
            if (pair.Success)
            {
                values.TryAdd(pair.Groups["key"].Value, (pair.Groups["value"].Value, line.Number));
            }
        }

        var problemClass = values.TryGetValue("Class", out var c) ? c.Value : "?";
        name = $"{run.Benchmark} class {problemClass} (NPB {run.Version} {run.Build})";
        if (!values.TryGetValue("Verification", out var verification))
        {
            return new ParsedRun(name, run.BannerLine, RunStatus.Failed, "incomplete: result block has no 'Verification' line");
        }

        if (verification.Value != "SUCCESSFUL")
        {
            return new ParsedRun(name, run.BannerLine, RunStatus.Failed, $"verification {verification.Value}");
        }

        if (!values.TryGetValue("Time in seconds", out var time))
        {
            return new ParsedRun(name, run.BannerLine, RunStatus.Failed, "incomplete: result block has no 'Time in seconds' line");
        }

        int? ranks = values.TryGetValue("Total processes", out var p)
            ? Numbers.ParseInt(p.Value, "Total processes", source, p.Line)
            : null;
        int? totalThreads = values.TryGetValue("Total threads", out var t)
            ? Numbers.ParseInt(t.Value, "Total threads", source, t.Line)
            : null;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["class"] = problemClass,
            ["build"] = run.Build,
        };
        foreach (var key in new[] { "Size", "Iterations" })
        {
            if (values.TryGetValue(key, out var v))
            {
                parameters[key.ToLowerInvariant()] = v.Value;
            }
        }

        var meta = new SampleMeta(
            run.Benchmark,
            run.Version,
            Ranks: ranks,
            Threads: ThreadsPerRank(totalThreads, ranks),
            Parameters: parameters);
        samples.Add(new Sample("time", Numbers.Parse(time.Value, "Time in seconds", source, time.Line), Units.Seconds, meta));
        AddOptional(values, "Mop/s total", "mops_total", meta, source, samples);
        AddOptional(values, "Mop/s/thread", "mops_per_thread", meta, source, samples);
        return new ParsedRun(name, run.BannerLine, RunStatus.Ok);
    }

    /// <summary>Threads per MPI rank (the OMP_NUM_THREADS of the run); for the OpenMP build all threads.</summary>
    private static int? ThreadsPerRank(int? totalThreads, int? ranks) =>
        totalThreads is { } total && ranks is { } r and > 0 && total % r == 0 ? total / r : totalThreads;

    private static void AddOptional(
        Dictionary<string, (string Value, int Line)> values, string key, string metric, SampleMeta meta, string source, List<Sample> samples)
    {
        if (values.TryGetValue(key, out var v))
        {
            samples.Add(new Sample(metric, Numbers.Parse(v.Value, key, source, v.Line), Units.MegaopsPerSecond, meta));
        }
    }

    [GeneratedRegex(@"NAS Parallel Benchmarks\s*\(NPB(?<version>\d+(?:\.\d+)*)[^)]*\)\s*-\s*(?<benchmark>[A-Z]{2}-MZ)\b")]
    private static partial Regex Banner();

    // The whole key is matched up to the '=' so that "Mop/s total" and "Mop/s/thread" stay apart.
    [GeneratedRegex(@"^\s*(?<key>[A-Za-z][A-Za-z0-9_/ ]*?)\s*=\s*(?<value>.*?)\s*$")]
    private static partial Regex KeyValue();

    private sealed record NpbRunText(int BannerLine, string Benchmark, string Version, string Build)
    {
        public List<OutputLine> Lines { get; } = [];
    }
}
