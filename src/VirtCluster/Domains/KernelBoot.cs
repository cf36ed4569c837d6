namespace VirtCluster.Domains;

/// <summary>Direct kernel boot: no bootloader in the image, and per-node identity on the command line.</summary>
public sealed record KernelBoot(string Kernel, string? Initrd, string? Cmdline);
