using System.Collections.Concurrent;
using System.Globalization;
using Spectre.Console;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Progress;

/// <summary>
/// A live table of the resources being worked on, redrawn a few times a second on a terminal. Events only
/// update a dictionary; one render loop owns the console between <see cref="Start"/> and <see cref="StopAsync"/>,
/// so parallel operations never interleave output and the plan and prompt can be shown before it starts.
/// </summary>
public sealed class LiveProgress(IAnsiConsole console) : IDeploymentObserver
{
    private readonly ConcurrentDictionary<Urn, Row> _rows = new();
    private volatile bool _stopping;
    private Task? _loop;
    private int _order;

    public void Started(Urn urn, StepKind kind) =>
        _rows[urn] = new Row(StepText.Doing(kind), "", Failed: false, Interlocked.Increment(ref _order));

    public void Progress(Urn urn, string message) =>
        _rows.AddOrUpdate(urn, _ => new Row("working", message, false, Interlocked.Increment(ref _order)), (_, row) => row with { Detail = message });

    /// <summary>Shown like detail: the row's last line is where the operation stands, whichever kind it was.</summary>
    public void Status(Urn urn, string message) => Progress(urn, message);

    public void Finished(Urn urn, StepKind kind, Exception? error, TimeSpan elapsed)
    {
        var state = error is null ? StepText.Done(kind) : "failed";
        var detail = error?.Message ?? elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
        _rows.AddOrUpdate(urn, _ => new Row(state, detail, error is not null, Interlocked.Increment(ref _order)), (_, row) => row with { State = state, Detail = detail, Failed = error is not null });
    }

    /// <summary>Starts drawing; call once operations are about to begin.</summary>
    public void Start() => _loop ??= console.Live(Render()).AutoClear(false).StartAsync(async context =>
    {
        while (!_stopping)
        {
            context.UpdateTarget(Render());
            await Task.Delay(150);
        }

        context.UpdateTarget(Render());
    });

    /// <summary>Draws the final table and gives the console back.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private Table Render()
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("Resource", "State", "Detail");
        foreach (var (urn, row) in _rows.OrderBy(r => r.Value.Order))
        {
            var color = row.Failed ? "red" : row.State.EndsWith("ing", StringComparison.Ordinal) ? "yellow" : "green";
            table.AddRow(Markup.Escape(urn.Value), $"[{color}]{Markup.Escape(row.State)}[/]", Markup.Escape(row.Detail));
        }

        return table;
    }

    private sealed record Row(string State, string Detail, bool Failed, int Order);
}
