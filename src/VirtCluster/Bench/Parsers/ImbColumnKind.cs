namespace VirtCluster.Bench.Parsers;

internal enum ImbColumnKind
{
    MessageSize,
    Repetitions,
    Bandwidth,
    Value,
}
