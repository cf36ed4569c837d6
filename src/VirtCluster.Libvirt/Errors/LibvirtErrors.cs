using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

/// <summary>
/// Routes libvirt's own error reports to the application. libvirt prints every error to stderr unless an
/// error function is installed; this binding installs one, so errors reach the application's logger
/// through <see cref="Handler"/> instead (or nowhere when it is null).
/// </summary>
public static class LibvirtErrors
{
    /// <summary>
    /// Receives every error libvirt raises in this process, on the thread that raised it, including
    /// errors that the binding then turns into exceptions or null results (e.g. a TryLookup miss).
    /// Exceptions thrown by the handler are discarded: they cannot unwind through libvirt's C frames.
    /// </summary>
    public static Action<LibvirtErrorInfo>? Handler { get; set; }

    internal static unsafe void Install() =>
        NativeMethods.virSetErrorFunc(0, (nint)(delegate* unmanaged[Cdecl]<nint, nint, void>)&OnError);

    /// <summary>Copies this thread's last error, or null when libvirt recorded none.</summary>
    internal static LibvirtErrorInfo? ReadLastError()
    {
        var error = NativeMethods.virGetLastError();
        return error == 0 ? null : Read(error);
    }

    private static LibvirtErrorInfo? Read(nint pointer)
    {
        var error = Marshal.PtrToStructure<VirError>(pointer);
        if (error.Code == 0)
        {
            return null;
        }

        var message = error.Message == 0 ? $"libvirt error {error.Code}" : Marshal.PtrToStringUTF8(error.Message)!;
        return new LibvirtErrorInfo(error.Code, error.Domain, (LibvirtErrorLevel)error.Level, message);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(nint userData, nint error)
    {
        var handler = Handler;
        if (handler is null || error == 0)
        {
            return;
        }

        try
        {
            if (Read(error) is { } info)
            {
                handler(info);
            }
        }
        catch (Exception)
        {
            // Nothing may unwind into libvirt; the same error still reaches the caller as an exception.
        }
    }
}
