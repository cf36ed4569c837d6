using System.Globalization;
using System.Text;

namespace VirtCluster.Bench.Suites;

/// <summary>
/// Writes <c>hpccinf.txt</c>, HPCC's fixed-layout input (HPL's HPL.dat plus PTRANS lines), from the sizes
/// a suite asks for. The layout follows the example shipped with the hpcc package line for line; HPL
/// reads values by line position, so nothing may be added or left out.
/// </summary>
public static class HpccInput
{
    /// <summary>The input file name HPCC reads from its working directory.</summary>
    public const string FileName = "hpccinf.txt";

    /// <exception cref="ArgumentException">A list is empty or a value is not positive.</exception>
    public static string Generate(IReadOnlyList<int> problemSizes, IReadOnlyList<int> blockSizes, IReadOnlyList<(int P, int Q)> grids)
    {
        RequirePositive(problemSizes, nameof(problemSizes));
        RequirePositive(blockSizes, nameof(blockSizes));
        if (grids.Count == 0 || grids.Any(g => g.P <= 0 || g.Q <= 0))
        {
            throw new ArgumentException("at least one process grid with positive P and Q is required", nameof(grids));
        }

        var text = new StringBuilder();
        void Line(string value, string comment) => text.Append(value.PadRight(12)).Append(' ').Append(comment).Append('\n');
        static string Join(IEnumerable<int> values) => string.Join(' ', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

        text.Append("HPLinpack benchmark input file\n");
        text.Append("Innovative Computing Laboratory, University of Tennessee\n");
        Line("HPL.out", "output file name (if any)");
        Line("8", "device out (6=stdout,7=stderr,file)");
        Line(Count(problemSizes), "# of problems sizes (N)");
        Line(Join(problemSizes), "Ns");
        Line(Count(blockSizes), "# of NBs");
        Line(Join(blockSizes), "NBs");
        Line("0", "PMAP process mapping (0=Row-,1=Column-major)");
        Line(Count(grids), "# of process grids (P x Q)");
        Line(Join(grids.Select(g => g.P)), "Ps");
        Line(Join(grids.Select(g => g.Q)), "Qs");
        Line("16.0", "threshold");
        Line("1", "# of panel fact");
        Line("2", "PFACTs (0=left, 1=Crout, 2=Right)");
        Line("1", "# of recursive stopping criterium");
        Line("4", "NBMINs (>= 1)");
        Line("1", "# of panels in recursion");
        Line("2", "NDIVs");
        Line("1", "# of recursive panel fact.");
        Line("1", "RFACTs (0=left, 1=Crout, 2=Right)");
        Line("1", "# of broadcast");
        Line("1", "BCASTs (0=1rg,1=1rM,2=2rg,3=2rM,4=Lng,5=LnM)");
        Line("1", "# of lookahead depth");
        Line("1", "DEPTHs (>=0)");
        Line("2", "SWAP (0=bin-exch,1=long,2=mix)");
        Line("64", "swapping threshold");
        Line("0", "L1 in (0=transposed,1=no-transposed) form");
        Line("0", "U  in (0=transposed,1=no-transposed) form");
        Line("1", "Equilibration (0=no,1=yes)");
        Line("8", "memory alignment in double (> 0)");
        text.Append("##### This line (no. 32) is ignored (it serves as a separator). ######\n");

        // PTRANS runs on HPL's sizes; the lists below only apply when the counts are raised above 0.
        text.Append("0                      \t\tNumber of additional problem sizes for PTRANS\n");
        text.Append("1200 10000 30000        \tvalues of N\n");
        text.Append("0                       \tnumber of additional blocking sizes for PTRANS\n");
        text.Append("40 9 8 13 13 20 16 32 64       \tvalues of NB\n");
        return text.ToString();
    }

    /// <summary>
    /// The most square grid with P x Q = <paramref name="processes"/> and P &lt;= Q, which HPL runs best on.
    /// </summary>
    public static (int P, int Q) SquarestGrid(int processes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processes, 1);
        var p = (int)Math.Sqrt(processes);
        while (processes % p != 0)
        {
            p--;
        }

        return (p, processes / p);
    }

    private static string Count<T>(IReadOnlyList<T> list) => list.Count.ToString(CultureInfo.InvariantCulture);

    private static void RequirePositive(IReadOnlyList<int> values, string name)
    {
        if (values.Count == 0 || values.Any(v => v <= 0))
        {
            throw new ArgumentException("at least one value is required and all must be positive", name);
        }
    }
}
