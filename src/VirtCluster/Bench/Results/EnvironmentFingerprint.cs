using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Results;

/// <summary>
/// What a result depends on besides the benchmark itself. Two results are only comparable when their
/// fingerprints say so: a kernel, QEMU or firmware update changes the numbers (the paper's HCA needed a
/// firmware update before passthrough worked at all). Unknown parts are null, never guessed.
/// </summary>
/// <param name="Name">The environment's name in this file, referenced by runs (e.g. <c>kvm</c>, <c>bmm</c>).</param>
/// <param name="Kind">Bare metal, hypervisor or cloud.</param>
/// <param name="Kernel">Guest (or host, for bare metal) kernel release.</param>
/// <param name="LibvirtVersion">libvirt on the hosts; null for bare metal and cloud.</param>
/// <param name="QemuVersion">QEMU on the hosts; null when not QEMU-based.</param>
/// <param name="Hypervisor">Hypervisor type and version as reported, e.g. <c>kvm</c>, <c>xen 3.4</c>.</param>
/// <param name="ImageDigest">Digest of the guest image (sha256:...).</param>
/// <param name="MpiVersion">MPI library and version, e.g. <c>Open MPI 4.1.4</c>.</param>
/// <param name="HcaFirmware">InfiniBand HCA firmware, e.g. <c>2.7.80</c>.</param>
/// <param name="ConfigHash">Hash of the stack configuration the environment was built from.</param>
/// <param name="Binaries">
/// SHA-256 (lower-case hex) of each program the user supplied for the suite, by the suite's name for it: the programs
/// the runs started, which no package version identifies. Null when the suite used none.
/// </param>
/// <param name="MpiTransport">Open MPI's transport for the runs, e.g. <c>btl=tcp,self</c> or <c>btl=openib,self pml=ob1</c>.</param>
public sealed record EnvironmentFingerprint(
    string Name,
    EnvironmentKind Kind,
    string? Kernel = null,
    string? LibvirtVersion = null,
    string? QemuVersion = null,
    string? Hypervisor = null,
    string? ImageDigest = null,
    string? MpiVersion = null,
    string? HcaFirmware = null,
    string? ConfigHash = null,
    IReadOnlyDictionary<string, string>? Binaries = null,
    string? MpiTransport = null);
