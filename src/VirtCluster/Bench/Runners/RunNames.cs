using System.Globalization;
using VirtCluster.Bench.Model;
using VirtCluster.Bench.Suites;

namespace VirtCluster.Bench.Runners;

/// <summary>
/// Names of runs and their folders. A run id is also its folder relative to the execution folder
/// (<c>ENV/BENCHMARK/POINT/repK</c>), so a line of the results file leads straight to its raw outputs.
/// </summary>
public static class RunNames
{
    /// <summary>E.g. <c>inter-node-np2-t1</c>, or <c>none-np4-t2-m1024</c> when the sweep has message sizes.</summary>
    public static string Point(SweepPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var name = string.Create(CultureInfo.InvariantCulture, $"{Placement(point.Placement)}-np{point.Processes}-t{point.Threads}");
        return point.MessageSizeBytes is { } size ? string.Create(CultureInfo.InvariantCulture, $"{name}-m{size}") : name;
    }

    /// <summary>The run's id and relative folder, '/'-separated.</summary>
    public static string Run(string environment, string benchmark, SweepPoint point, int repetition) =>
        string.Create(CultureInfo.InvariantCulture, $"{environment}/{benchmark}/{Point(point)}/rep{repetition}");

    /// <summary>The spelling suites use, so folder names read like the suite file.</summary>
    public static string Placement(Placement placement) => placement switch
    {
        Model.Placement.IntraSocket => "intra-socket",
        Model.Placement.InterSocket => "inter-socket",
        Model.Placement.InterNode => "inter-node",
        _ => "none",
    };
}
