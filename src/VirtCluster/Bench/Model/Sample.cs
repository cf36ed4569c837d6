namespace VirtCluster.Bench.Model;

/// <summary>
/// One measured number. <paramref name="Unit"/> is always one of <see cref="Units"/>, so values of the
/// same metric compare directly whatever program version printed them.
/// </summary>
/// <param name="Metric">Dotted name, benchmark part first, e.g. <c>PingPong.latency</c>, <c>time</c>, <c>HPL</c>.</param>
/// <param name="Value">The number, already converted to <paramref name="Unit"/>.</param>
/// <param name="Unit">One of <see cref="Units"/>.</param>
/// <param name="Meta">What was measured where, for grouping and comparison.</param>
public sealed record Sample(string Metric, double Value, string Unit, SampleMeta Meta);
