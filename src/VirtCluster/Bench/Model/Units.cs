namespace VirtCluster.Bench.Model;

/// <summary>
/// The unit names samples are stored in. Every parser converts to these so that numbers from different
/// programs and versions can be compared without knowing how each one printed them:
/// message latencies and per-operation times in microseconds, wall times in seconds, bandwidths in bytes
/// per second (decimal, no MiB), floating-point rates in GFLOP/s.
/// </summary>
public static class Units
{
    /// <summary>Microseconds: one-way latency and per-operation times of communication benchmarks.</summary>
    public const string Microseconds = "us";

    /// <summary>Seconds: wall-clock time of a whole run or a timed section.</summary>
    public const string Seconds = "s";

    /// <summary>
    /// Minutes: only for wall times published in minutes (the paper gives Bloss's in minutes), kept as
    /// printed so that a reader can check every number against its source. Parsers never produce it.
    /// </summary>
    public const string Minutes = "min";

    /// <summary>Bytes per second (10^0, not 2^20): all bandwidths.</summary>
    public const string BytesPerSecond = "B/s";

    /// <summary>10^9 floating-point operations per second.</summary>
    public const string GigaflopsPerSecond = "GFLOP/s";

    /// <summary>10^6 operations per second as NPB counts them.</summary>
    public const string MegaopsPerSecond = "Mop/s";

    /// <summary>10^9 random-access updates per second (HPCC RandomAccess).</summary>
    public const string GigaupdatesPerSecond = "GUP/s";

    /// <summary>Messages per second (IMB Uniband/Biband).</summary>
    public const string MessagesPerSecond = "msg/s";

    /// <summary>A percentage, such as IMB's overlap column.</summary>
    public const string Percent = "%";

    /// <summary>A plain count, such as IMB's defects column.</summary>
    public const string Count = "1";

    /// <summary>Bytes per mebibyte: IMB up to 4.1 and NetPIPE divide by this when they print "M".</summary>
    public const double Mebi = 1024.0 * 1024.0;
}
