using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

public sealed partial class LibvirtDomain
{
    private const uint VcpuMaximum = 4;

    /// <summary>
    /// For each vCPU (all defined vCPUs, running or not), the host CPUs it may run on: the
    /// <c>&lt;vcpupin&gt;</c> cpuset when pinned, otherwise every host CPU.
    /// </summary>
    public unsafe IReadOnlyList<VcpuPin> VcpuPinInfo()
    {
        var domain = Handle;
        var hostCpus = HostCpuCount(domain);
        var vcpus = LibvirtCall.Check(NativeMethods.virDomainGetVcpusFlags(domain, VcpuMaximum));
        var mapLength = (hostCpus + 7) / 8;
        var maps = new byte[vcpus * mapLength];
        int filled;
        fixed (byte* buffer = maps)
        {
            filled = LibvirtCall.Check(NativeMethods.virDomainGetVcpuPinInfo(domain, vcpus, buffer, mapLength, 0));
        }

        return Enumerable.Range(0, filled)
            .Select(vcpu => new VcpuPin(vcpu, CpuMap.Decode(maps.AsSpan(vcpu * mapLength, mapLength), hostCpus)))
            .ToList();
    }

    /// <summary>The host CPUs the emulator threads (QEMU's non-vCPU threads) may run on.</summary>
    public unsafe IReadOnlyList<int> EmulatorPinInfo()
    {
        var domain = Handle;
        var hostCpus = HostCpuCount(domain);
        var map = new byte[(hostCpus + 7) / 8];
        fixed (byte* buffer = map)
        {
            LibvirtCall.Check(NativeMethods.virDomainGetEmulatorPinInfo(domain, buffer, map.Length, 0));
        }

        return CpuMap.Decode(map, hostCpus);
    }

    private static int HostCpuCount(DomainHandle domain) =>
        domain.UseConnection(connection => LibvirtCall.Check(NativeMethods.virNodeGetCPUMap(connection, 0, 0, 0)));
}
