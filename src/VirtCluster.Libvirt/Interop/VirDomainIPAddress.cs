using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>struct _virDomainIPAddress.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirDomainIPAddress
{
    public int Type;
    public nint Address;
    public uint Prefix;
}
