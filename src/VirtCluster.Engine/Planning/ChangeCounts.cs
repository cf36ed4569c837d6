using System.Globalization;

namespace VirtCluster.Engine.Planning;

/// <summary>How many resources each kind of change touched: the summary line of every run.</summary>
public sealed record ChangeCounts(int Created, int Updated, int Replaced, int Deleted, int Unchanged)
{
    public static ChangeCounts None { get; } = new(0, 0, 0, 0, 0);

    public int Changed => Created + Updated + Replaced + Deleted;

    public static ChangeCounts Of(IEnumerable<StepKind> kinds)
    {
        int created = 0, updated = 0, replaced = 0, deleted = 0, unchanged = 0;
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case StepKind.Create: created++; break;
                case StepKind.Update or StepKind.UpdateRestart: updated++; break;
                case StepKind.Replace: replaced++; break;
                case StepKind.Delete: deleted++; break;
                default: unchanged++; break;
            }
        }

        return new ChangeCounts(created, updated, replaced, deleted, unchanged);
    }

    /// <summary><c>N created, N updated, N replaced, N deleted, N unchanged</c>.</summary>
    public override string ToString() =>
        $"{Created} created, {Updated} updated, {Replaced} replaced, {Deleted} deleted, {Unchanged} unchanged";

    /// <summary>The summary line with the run's duration.</summary>
    public string Summary(TimeSpan duration) =>
        ToString() + " in " + duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
