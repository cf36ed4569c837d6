using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>struct _virError; the conn/dom/net pointers are deprecated and never read.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirError
{
    public int Code;
    public int Domain;
    public nint Message;
    public int Level;
    public nint Conn;
    public nint Dom;
    public nint Str1;
    public nint Str2;
    public nint Str3;
    public int Int1;
    public int Int2;
    public nint Net;
}
