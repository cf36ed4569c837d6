using System.Diagnostics;
using System.Globalization;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Results;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// The progress lines of one run: that it started, that it is still running (every heartbeat, so a run of many
/// minutes never leaves the console silent), and how it ended, with its time. Each line names the benchmark,
/// placement, processes, threads, environment and repetition, so any one of them alone says what is running.
/// Heartbeats stop before the end line is written: no "still running" line ever follows it.
/// </summary>
internal sealed class RunProgress : IDisposable
{
    private readonly IProgress<string> _progress;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly ITimer _heartbeat;
    private bool _ended;

    private RunProgress(IProgress<string> progress, string label, TimeSpan heartbeat)
    {
        _progress = progress;
        _label = label;
        _progress.Report($"{_label} started");
        _heartbeat = TimeProvider.System.CreateTimer(_ => Beat(), null, heartbeat, heartbeat);
    }

    /// <summary>Reports the start and begins the heartbeat; null when nobody listens.</summary>
    public static RunProgress? Start(IProgress<string>? progress, RunContext run, TimeSpan heartbeat) =>
        progress is null ? null : new RunProgress(progress, Label(run), heartbeat);

    /// <summary>The line of a run that never started because the benchmark could not run at all (a missing binary).</summary>
    public static string NotStarted(RunContext run, RunRecord record) => $"{Label(run)} failed: {record.Reason}";

    /// <summary>Stops the heartbeat and reports how the run ended and how long it took.</summary>
    /// <param name="record">The run's outcome.</param>
    /// <param name="mpirunElapsed">How long mpirun itself ran; kept in the line, since the harness overhead is measured from it.</param>
    public void End(RunRecord record, TimeSpan? mpirunElapsed)
    {
        lock (_gate)
        {
            _ended = true;
            _heartbeat.Dispose();
            var took = ShortDuration.Format(_clock.Elapsed);
            var outcome = record.Status == RunStatus.Ok
                ? $"ok in {took}, {record.Samples.Count} samples"
                : $"failed in {took}: {record.Reason}";
            var mpirun = mpirunElapsed is { } time ? string.Create(CultureInfo.InvariantCulture, $" (mpirun {time.TotalSeconds:F3} s)") : "";
            _progress.Report($"{_label} {outcome}{mpirun}");
        }
    }

    /// <summary>Stops the heartbeat without an end line: for a run cut short by cancellation.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _ended = true;
            _heartbeat.Dispose();
        }
    }

    /// <summary>E.g. <c>netpipe [inter-node] np=2 threads=1 on tcg: repetition 1/3</c>; no brackets for placement none.</summary>
    private static string Label(RunContext run)
    {
        var point = run.Point;
        var placement = point.Placement == Placement.None ? "" : $" [{RunNames.Placement(point.Placement)}]";
        var size = point.MessageSizeBytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $" size={bytes}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.Benchmark.Name}{placement} np={point.Processes} threads={point.Threads}{size} on {run.Target.Name}: "
            + $"repetition {run.Repetition}/{run.Benchmark.Repetitions}");
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (!_ended)
            {
                _progress.Report($"{_label} still running ({ShortDuration.Format(_clock.Elapsed)})");
            }
        }
    }
}
