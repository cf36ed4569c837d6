namespace VirtCluster.Bench.Stage;

/// <summary>
/// One environment's figures divided by the baseline's, per communication source both measured (null otherwise):
/// a latency ratio above 1 and a bandwidth ratio below 1 are what virtualisation costs.
/// </summary>
/// <param name="Baseline">The bare-metal environment divided by.</param>
/// <param name="Netpipe">NetPIPE's ratios.</param>
/// <param name="Imb">IMB PingPong's ratios.</param>
/// <param name="Hpcc">HPCC PingPong's ratios.</param>
public sealed record StageRatios(
    string Baseline,
    SourceRatios? Netpipe = null,
    SourceRatios? Imb = null,
    SourceRatios? Hpcc = null);

/// <summary>Latency and bandwidth of one source, each divided by the baseline's.</summary>
public sealed record SourceRatios(double Latency, double Bandwidth);
