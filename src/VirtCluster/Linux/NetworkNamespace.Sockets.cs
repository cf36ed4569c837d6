using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VirtCluster.Linux;

/// <summary>
/// An open handle on a named network namespace creates TCP sockets inside it. A socket belongs to the
/// namespace of the thread that created it, for its whole life, so each socket is made on a fresh thread
/// that has joined the namespace with setns(2) and then ends; the socket itself can be used from any
/// thread, and no pooled thread ever changes namespace.
/// </summary>
internal sealed partial class NetworkNamespace : IDisposable
{
    private const int CloneNewNet = 0x40000000;
    private readonly SafeFileHandle _handle;

    private NetworkNamespace(string name, SafeFileHandle handle)
    {
        Name = name;
        _handle = handle;
    }

    public string Name { get; }

    /// <summary>Opens <c>/run/netns/NAME</c>, where <c>ip netns add</c> puts the namespace.</summary>
    /// <exception cref="ArgumentException">The namespace does not exist.</exception>
    public static NetworkNamespace Open(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/') || name is "." or "..")
        {
            throw new ArgumentException($"'{name}' is not a network namespace name.", nameof(name));
        }

        var path = PathOf(name);
        try
        {
            return new NetworkNamespace(name, File.OpenHandle(path, FileMode.Open, FileAccess.Read));
        }
        catch (FileNotFoundException e)
        {
            throw new ArgumentException(
                $"Network namespace '{name}' does not exist ({path} is missing); create it with 'ip netns add {name}'.", nameof(name), e);
        }
    }

    /// <summary>Creates an unconnected TCP socket that lives in this namespace.</summary>
    /// <exception cref="UnauthorizedAccessException">The process may not join the namespace (needs CAP_SYS_ADMIN).</exception>
    public Task<Socket> CreateTcpSocketAsync(AddressFamily family)
    {
        var created = new TaskCompletionSource<Socket>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                JoinOnCurrentThread();
                created.SetResult(new Socket(family, SocketType.Stream, ProtocolType.Tcp));
            }
            catch (Exception e)
            {
                created.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "netns " + Name,
        };
        thread.Start();
        return created.Task;
    }

    public void Dispose() => _handle.Dispose();

    private void JoinOnCurrentThread()
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            if (SetNs((int)_handle.DangerousGetHandle(), CloneNewNet) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                var message = $"setns into network namespace '{Name}' failed: {Marshal.GetPInvokeErrorMessage(errno)}";
                throw errno == 1 // EPERM
                    ? new UnauthorizedAccessException(message + "; joining a namespace needs CAP_SYS_ADMIN (run as root).")
                    : new IOException(message);
            }
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);
}
