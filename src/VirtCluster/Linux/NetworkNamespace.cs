
namespace VirtCluster.Linux;

/// <summary>
/// A named network namespace (<c>/run/netns/NAME</c>): the static members create, inspect and delete one
/// through iproute2 (the lab's daemon lives in one); an instance from <see cref="Open"/> makes sockets inside
/// it (reaching guests that only the namespace can reach). One type, so that the path rule and the name
/// checks are written once.
/// </summary>
internal sealed partial class NetworkNamespace
{
    public static bool Exists(string name) => File.Exists(PathOf(name));

    public static string PathOf(string name) => Path.Combine("/run/netns", name);

    /// <summary>Creates the namespace with its loopback up; does nothing if it exists.</summary>
    public static async Task EnsureAsync(string name, CancellationToken cancellationToken)
    {
        if (!Exists(name))
        {
            await HostCommand.RunCheckedAsync("ip", ["netns", "add", name], null, cancellationToken).ConfigureAwait(false);
        }

        await HostCommand.RunCheckedAsync("ip", ["-n", name, "link", "set", "lo", "up"], null, cancellationToken).ConfigureAwait(false);
    }

    public static async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (Exists(name))
        {
            await HostCommand.RunCheckedAsync("ip", ["netns", "delete", name], null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Network devices other than loopback (bridges, taps) inside the namespace.</summary>
    public static async Task<IReadOnlyList<string>> LinksAsync(string name, CancellationToken cancellationToken)
    {
        if (!Exists(name))
        {
            return [];
        }

        var output = await HostCommand.RunCheckedAsync("ip", ["-n", name, "-o", "link", "show"], null, cancellationToken)
            .ConfigureAwait(false);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 3)[1].Trim().Split('@')[0])
            .Where(link => link != "lo")
            .ToList();
    }

    /// <summary>The bridges in the namespace.</summary>
    public static async Task<IReadOnlyList<string>> BridgesAsync(string name, CancellationToken cancellationToken)
    {
        var output = await HostCommand.RunCheckedAsync("ip", ["-n", name, "-o", "link", "show", "type", "bridge"], null, cancellationToken)
            .ConfigureAwait(false);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':', 3)[1].Trim()).ToList();
    }

    public static Task DeleteLinkAsync(string name, string link, CancellationToken cancellationToken) =>
        HostCommand.RunCheckedAsync("ip", ["-n", name, "link", "del", link], null, cancellationToken);

    /// <summary>The namespace's identity (inode of its nsfs file), to recognise processes inside it.</summary>
    public static ulong? Identity(string name) => Exists(name) ? Posix.Inode(PathOf(name)) : null;

    /// <summary>The net namespace identity of a process, or null if it is gone.</summary>
    public static ulong? OfProcess(int pid) => Posix.Inode($"/proc/{pid}/ns/net");
}
