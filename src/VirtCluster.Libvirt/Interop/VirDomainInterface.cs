using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>struct _virDomainInterface, freed as a whole by virDomainInterfaceFree.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirDomainInterface
{
    public nint Name;
    public nint HardwareAddress;
    public uint AddressCount;
    public VirDomainIPAddress* Addresses;
}
