namespace VirtCluster.Engine.State;

/// <summary>
/// Recorded state cannot be used (corrupt, truncated, written by another format version). The file is left
/// untouched so it can be inspected or restored; the CLI exits with code 2.
/// </summary>
public sealed class StateException(string message, Exception? inner = null) : Exception(message, inner);
