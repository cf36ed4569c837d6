using System.Text;
using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

/// <summary>
/// A connection to a libvirt driver: <c>test:///default</c> or <c>test:///ABS/PATH.xml</c> (in-process
/// test driver), <c>qemu:///system?socket=PATH</c> (a libvirtd), <c>qemu+ssh://host/system</c>.
/// Objects obtained from it keep the underlying connection open until they are disposed too, so
/// disposing the connection first is safe. Instances are thread-safe, as libvirt's API is.
/// </summary>
public sealed partial class LibvirtConnection : IDisposable
{
    private readonly ConnectHandle handle;
    private volatile bool disposed;

    private LibvirtConnection(ConnectHandle handle, string uri)
    {
        this.handle = handle;
        Uri = uri;
    }

    /// <summary>The URI this connection was opened with.</summary>
    public string Uri { get; }

    /// <summary>The driver's name as libvirt reports it ("TEST", "QEMU", ...).</summary>
    public string HypervisorType => LibvirtCall.BorrowedString(NativeMethods.virConnectGetType(Handle));

    private ConnectHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return handle;
        }
    }

    /// <summary>Opens a read-write connection; throws <see cref="LibvirtConnectionException"/> when libvirt cannot.</summary>
    public static LibvirtConnection Open(string uri) => OpenWith(uri, NativeMethods.virConnectOpen);

    /// <summary>Opens a read-only connection, enough for facts and listing without write access to the daemon.</summary>
    public static LibvirtConnection OpenReadOnly(string uri) => OpenWith(uri, NativeMethods.virConnectOpenReadOnly);

    /// <summary>Whether the link to the driver still works (remote connections can break).</summary>
    public bool IsAlive() => LibvirtCall.CheckBool(NativeMethods.virConnectIsAlive(Handle));

    /// <summary>The host capabilities XML (CPU, NUMA cells, guest types).</summary>
    public string Capabilities() => LibvirtCall.OwnedString(NativeMethods.virConnectGetCapabilities(Handle));

    /// <summary>What a guest of the given emulator/arch/machine/virt type can use; null lets libvirt choose.</summary>
    public string DomainCapabilities(
        string? emulator = null, string? arch = null, string? machine = null, string? virtType = null) =>
        LibvirtCall.OwnedString(
            NativeMethods.virConnectGetDomainCapabilities(Handle, emulator, arch, machine, virtType, 0));

    public unsafe NodeInfo NodeInfo()
    {
        LibvirtCall.Check(NativeMethods.virNodeGetInfo(Handle, out var info));
        var model = new ReadOnlySpan<byte>(info.Model, 32);
        var length = model.IndexOf((byte)0);
        return new NodeInfo(
            Encoding.UTF8.GetString(length < 0 ? model : model[..length]),
            (long)info.Memory.Value,
            (int)info.Cpus,
            info.Mhz,
            (int)info.Nodes,
            (int)info.Sockets,
            (int)info.Cores,
            (int)info.Threads);
    }

    /// <summary>The libvirt library version used by this connection.</summary>
    public Version LibVersion()
    {
        LibvirtCall.Check(NativeMethods.virConnectGetLibVersion(Handle, out var version));
        return Decode(version);
    }

    /// <summary>The hypervisor's version (QEMU's version on qemu:///, 0.0.2 on the test driver).</summary>
    public Version HypervisorVersion()
    {
        LibvirtCall.Check(NativeMethods.virConnectGetVersion(Handle, out var version));
        return Decode(version);
    }

    /// <summary>Closes the connection; the same as <see cref="Dispose"/>.</summary>
    public void Close() => Dispose();

    /// <summary>
    /// Releases this object's reference. The underlying virConnectClose runs once every object obtained
    /// from this connection is disposed as well. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        disposed = true;
        handle.Dispose();
    }

    private static LibvirtConnection OpenWith(string uri, Func<string, nint> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        LibvirtLibrary.EnsureInitialized();
        var pointer = LibvirtCall.CheckOpen(open(uri), uri);
        return new LibvirtConnection(ConnectHandle.Adopt(pointer), uri);
    }

    private static Version Decode(ulong version) =>
        new((int)(version / 1_000_000), (int)(version / 1000 % 1000), (int)(version % 1000));
}
