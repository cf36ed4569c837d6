namespace VirtCluster.Hosts;

/// <summary>What one host command returned; exit status 127 means the program is not installed.</summary>
public sealed record HostCommandResult(int ExitStatus, string Stdout, string Stderr);
