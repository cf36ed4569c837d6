namespace VirtCluster.Engine.State;

/// <summary>Another run holds the stack's lock (or left a stale one); the CLI exits with code 3.</summary>
public sealed class StackLockedException(string message) : Exception(message);
