namespace VirtCluster.Bench.Metrics;

/// <summary>One point of a parallel-efficiency curve (the paper's Fig. 3 and 4).</summary>
/// <param name="Processes">MPI ranks of the run.</param>
/// <param name="Time">Median wall time in seconds.</param>
/// <param name="Efficiency">(T_base x p_base) / (T x p): 1.0 means perfect scaling from the one-node run.</param>
/// <param name="Ideal">The suite's expected efficiency at this count, when it gives one.</param>
public sealed record EfficiencyPoint(int Processes, double Time, double Efficiency, double? Ideal);
