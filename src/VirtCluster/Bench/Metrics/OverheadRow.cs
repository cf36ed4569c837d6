namespace VirtCluster.Bench.Metrics;

/// <summary>One cell of the single-node comparison (the paper's Table 3).</summary>
/// <param name="Benchmark">Benchmark as in the samples' metadata.</param>
/// <param name="Environment">Environment compared with the baseline.</param>
/// <param name="Value">Median of the environment's samples.</param>
/// <param name="Baseline">Median of the baseline environment's samples.</param>
/// <param name="OverheadPercent">How much worse than the baseline, in percent; negative when better.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> and <paramref name="Baseline"/>, which a table must show: published times are not all in seconds.</param>
public sealed record OverheadRow(string Benchmark, string Environment, double Value, double Baseline, double OverheadPercent, string Unit);
