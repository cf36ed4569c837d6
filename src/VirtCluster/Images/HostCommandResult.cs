namespace VirtCluster.Images;

/// <summary>How a program run on this machine ended.</summary>
internal sealed record HostCommandResult(string Program, int ExitCode, string Output);
