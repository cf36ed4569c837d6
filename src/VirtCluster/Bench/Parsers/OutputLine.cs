namespace VirtCluster.Bench.Parsers;

/// <summary>A line of raw output with its 1-based number.</summary>
public readonly record struct OutputLine(int Number, string Text);
