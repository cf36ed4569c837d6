using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VirtCluster.Libvirt.Interop;

/// <summary>
/// The checked layer: every raw call's result passes through here in the same expression, so the
/// thread-local libvirt error is read on the calling thread before anything else can overwrite it.
/// </summary>
internal static class LibvirtCall
{
    /// <summary>Checks an int status where a negative value means failure; returns the value.</summary>
    public static int Check(int result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result < 0)
        {
            throw TakeLastError(call);
        }

        return result;
    }

    /// <summary>Checks a pointer where null means failure; returns the pointer.</summary>
    public static nint Check(nint result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result == 0)
        {
            throw TakeLastError(call);
        }

        return result;
    }

    /// <summary>Reads a string the caller owns, then frees it with free() as libvirt requires.</summary>
    public static unsafe string OwnedString(nint result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        Check(result, call);
        try
        {
            return Marshal.PtrToStringUTF8(result)!;
        }
        finally
        {
            NativeMemory.Free((void*)result);
        }
    }

    /// <summary>Reads a string that stays owned by libvirt; it is never freed here.</summary>
    public static string BorrowedString(nint result, [CallerArgumentExpression(nameof(result))] string call = "") =>
        Marshal.PtrToStringUTF8(Check(result, call))!;

    /// <summary>Turns a libvirt boolean (1, 0, or -1 on error) into a bool.</summary>
    public static bool CheckBool(int result, [CallerArgumentExpression(nameof(result))] string call = "") =>
        Check(result, call) != 0;

    /// <summary>
    /// Wraps the array that a virConnectListAll*-style call returned: every element gets an owning handle
    /// (or is freed if wrapping stops early) and the array itself is freed with free().
    /// </summary>
    public static unsafe List<T> AdoptArray<T>(nint* array, int count, Func<nint, T> adopt, Func<nint, int> free)
    {
        var result = new List<T>(count);
        var next = 0;
        try
        {
            for (; next < count; next++)
            {
                result.Add(adopt(array[next]));
            }

            return result;
        }
        finally
        {
            for (var i = next + 1; i < count; i++)
            {
                free(array[i]);
            }

            NativeMemory.Free(array);
        }
    }

    /// <summary>Checks the result of virConnectOpen*; any failure becomes a <see cref="LibvirtConnectionException"/>.</summary>
    public static nint CheckOpen(nint result, string uri) =>
        result != 0 ? result : throw LibvirtErrorMapper.ToOpenException(TakeLastErrorInfo($"virConnectOpen(\"{uri}\")"), uri);

    /// <summary>Reads and clears this thread's last libvirt error and maps it to an exception.</summary>
    public static LibvirtException TakeLastError(string call) => LibvirtErrorMapper.ToException(TakeLastErrorInfo(call));

    private static LibvirtErrorInfo TakeLastErrorInfo(string call)
    {
        var info = LibvirtErrors.ReadLastError()
            ?? new LibvirtErrorInfo(-1, 0, LibvirtErrorLevel.Error, $"libvirt call {call} failed without reporting an error");
        NativeMethods.virResetLastError();
        return info;
    }
}
