using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// The life of a persistent libvirt object, written once for pools, networks and domains: look it up by name,
/// define it from XML when absent (adopting one a crashed run left), start it when inactive, read it, stop and
/// undefine it. Each type gives only the calls that differ; the order of them, and what is idempotent, live here.
/// </summary>
/// <param name="Lookup">Finds the object by name; null when libvirt has none.</param>
/// <param name="Define">Defines it from its XML.</param>
/// <param name="IsActive">Whether it runs.</param>
/// <param name="Start">Starts it.</param>
/// <param name="Stop">Stops it (a domain first asks its guest to shut down).</param>
/// <param name="Undefine">Removes its definition.</param>
internal sealed record LibvirtObjectLifecycle<THandle>(
    Func<LibvirtConnection, string, THandle?> Lookup,
    Func<LibvirtConnection, string, THandle> Define,
    Func<THandle, bool> IsActive,
    Action<THandle> Start,
    Action<THandle> Stop,
    Action<THandle> Undefine)
    where THandle : class, IDisposable
{
    /// <summary>Makes the object exist and run, then reads it; <paramref name="starting"/> is told before a start.</summary>
    public T Ensure<T>(LibvirtConnection connection, string name, string xml, Func<THandle, T> read, Action? starting = null)
    {
        using var handle = Lookup(connection, name) ?? Define(connection, xml);
        StartIfInactive(handle, starting);
        return read(handle);
    }

    /// <summary>Starts <paramref name="handle"/> unless it runs already.</summary>
    public void StartIfInactive(THandle handle, Action? starting = null)
    {
        if (!IsActive(handle))
        {
            starting?.Invoke();
            Start(handle);
        }
    }

    /// <summary>Reads the object; null when it does not exist.</summary>
    public T? Read<T>(LibvirtConnection connection, string name, Func<THandle, T> read)
        where T : class
    {
        using var handle = Lookup(connection, name);
        return handle is null ? null : read(handle);
    }

    /// <summary>Stops and undefines the object; one already gone is success, as a repeated delete must be.</summary>
    public void Remove(LibvirtConnection connection, string name, Action? stopping = null)
    {
        using var handle = Lookup(connection, name);
        if (handle is null)
        {
            return;
        }

        if (IsActive(handle))
        {
            stopping?.Invoke();
            Stop(handle);
        }

        Undefine(handle);
    }
}
