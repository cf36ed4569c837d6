using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>struct _virNodeInfo: model is a NUL-terminated char[32]; memory is a C unsigned long in KiB.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirNodeInfo
{
    public fixed byte Model[32];
    public CULong Memory;
    public uint Cpus;
    public int Mhz;
    public uint Nodes;
    public uint Sockets;
    public uint Cores;
    public uint Threads;
}
