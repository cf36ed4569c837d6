using VirtCluster.Linux;

namespace VirtCluster.Images;

/// <summary>
/// Turns a fresh Debian root folder into a node image: adds the spec's files, enables and masks units,
/// and removes everything that must differ per node (SSH host keys, machine id, random seed), so that
/// no secret and no identity is shared by the nodes booted from one image.
/// </summary>
internal static class RootfsCustomizer
{
    private static readonly string[] PrivateKeyMarkers = ["PRIVATE KEY-----"];

    public static async Task ApplyAsync(ImageSpec spec, string rootfs, CancellationToken cancellationToken)
    {
        foreach (var file in spec.Files)
        {
            var target = Path.Combine(rootfs, file.Target.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file.Source, target, overwrite: true);
            Posix.SetMode(target, file.Mode);
        }

        if (spec.Enable.Count > 0)
        {
            await HostCommand.RunCheckedAsync("systemctl", ["--root=" + rootfs, "enable", .. spec.Enable], null, cancellationToken)
                .ConfigureAwait(false);
        }

        if (spec.Mask.Count > 0)
        {
            await HostCommand.RunCheckedAsync("systemctl", ["--root=" + rootfs, "mask", .. spec.Mask], null, cancellationToken)
                .ConfigureAwait(false);
        }

        RemoveNodeIdentity(rootfs);
        EnsureNoPrivateKeys(rootfs);
    }

    private static void RemoveNodeIdentity(string rootfs)
    {
        foreach (var key in Directory.GetFiles(Path.Combine(rootfs, "etc", "ssh"), "ssh_host_*"))
        {
            File.Delete(key);
        }

        // "uninitialized" makes systemd treat the first boot of each overlay as a first boot and
        // generate a machine id there; a shared id would give every node the same DHCP client id.
        File.WriteAllText(Path.Combine(rootfs, "etc", "machine-id"), "uninitialized\n");
        foreach (var file in new[] { "var/lib/dbus/machine-id", "var/lib/systemd/random-seed" }.Select(f => Path.Combine(rootfs, f)))
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Refuses to publish an image that carries a private key where SSH would look for one.</summary>
    private static void EnsureNoPrivateKeys(string rootfs)
    {
        string[] places = [Path.Combine(rootfs, "etc", "ssh"), Path.Combine(rootfs, "root")];
        foreach (var place in places.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(place, "*", SearchOption.AllDirectories))
            {
                if (new FileInfo(file).Length < 64 * 1024 && PrivateKeyMarkers.Any(File.ReadAllText(file).Contains))
                {
                    throw new InvalidOperationException(
                        $"the image would contain a private key at /{Path.GetRelativePath(rootfs, file)}; keys are given to nodes at boot, remove it from the spec's files");
                }
            }
        }
    }
}
