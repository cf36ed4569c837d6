namespace VirtCluster.Domains;

/// <summary>The per-node things a plan does not decide: where its disk, kernel, network and console log are.</summary>
/// <param name="Kernel">Direct kernel boot; required for Xen PV, optional elsewhere (then the disk boots).</param>
/// <param name="OverlayPath">The node's qcow2 overlay.</param>
/// <param name="Network">The cluster network's name.</param>
/// <param name="Mac">The node's MAC on it.</param>
/// <param name="SerialLogPath">File receiving the serial console.</param>
public sealed record NodeMachine(KernelBoot? Kernel, string OverlayPath, string Network, MacAddress Mac, string SerialLogPath);
