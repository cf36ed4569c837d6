using System.Xml.Linq;
using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A storage volume: the base image (created, then filled through a libvirt stream from <c>uploadFrom</c>) or a
/// node's qcow2 overlay backed by it. Any change replaces it.
/// </summary>
public sealed class VolumeProvider(string type, LibvirtConnections connections) : IResourceProvider<VolumeInputs, VolumeOutputs>
{
    public string Type => type;

    public IReadOnlyList<CheckFailure> Check(VolumeInputs inputs) =>
        inputs.UploadFrom is { } path && !File.Exists(path)
            ? [new CheckFailure("uploadFrom", $"'{path}' does not exist (was the image cache cleared?); run 'virtcluster refresh', then 'up' builds the image again")]
            : [];

    public DiffKind ChangeKind(string property) => DiffKind.Replace;

    public string? ConcurrencyKey(VolumeInputs inputs) => Inputs.StorageKey(inputs);

    public Task<ProviderResult<VolumeOutputs>> CreateAsync(ProviderRequest<VolumeInputs, VolumeOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var pool = Pool(request.Inputs);
                var existing = pool.TryLookupVolume(request.Inputs.Name);
                if (existing is not null)
                {
                    // A crash between create and upload leaves a volume of unknown content: start it over.
                    if (request.Inputs.UploadFrom is null)
                    {
                        return Adopt(existing);
                    }

                    existing.Delete();
                    existing.Dispose();
                }

                var volume = pool.CreateVolume(request.Inputs.Xml);
                try
                {
                    if (request.Inputs.UploadFrom is { } source)
                    {
                        Upload(volume, source, request.Progress, cancellationToken);
                    }

                    return Adopt(volume);
                }
                catch
                {
                    // Best effort: with its daemon gone the volume stays, and the next run sees an unfinished upload.
                    try
                    {
                        volume.Delete();
                    }
                    catch (LibvirtException)
                    {
                    }

                    volume.Dispose();
                    throw;
                }
            },
            cancellationToken);

    public Task<ProviderResult<VolumeOutputs>?> ReadAsync(ProviderRequest<VolumeInputs, VolumeOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var pool = Pool(request.Inputs);
                var volume = pool.TryLookupVolume(request.Inputs.Name);
                if (volume is not null && request.Inputs.UploadFrom is { } source && !HoldsAllOf(volume, source))
                {
                    // An upload cut short (the run killed, the daemon gone) is not the image: create it again.
                    volume.Dispose();
                    return null;
                }

                return volume is null ? null : Adopt(volume);
            },
            cancellationToken);

    public Task<ProviderResult<VolumeOutputs>> UpdateAsync(ProviderRequest<VolumeInputs, VolumeOutputs> request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("volumes are replaced, never updated in place");

    public Task DeleteAsync(ProviderRequest<VolumeInputs, VolumeOutputs> request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var pool = Inputs.Connection(connections, request.Inputs).TryLookupStoragePool(request.Inputs.Pool);
                using var volume = pool?.TryLookupVolume(request.Inputs.Name);
                volume?.Delete();
            },
            cancellationToken);

    private LibvirtStoragePool Pool(VolumeInputs inputs) =>
        Inputs.Connection(connections, inputs).LookupStoragePool(inputs.Pool);

    private static ProviderResult<VolumeOutputs> Adopt(LibvirtStorageVolume volume)
    {
        using (volume)
        {
            return new(volume.Key, new VolumeOutputs(volume.Name, volume.Path));
        }
    }

    /// <summary>
    /// Whether the volume's file is as long as <paramref name="source"/>: bytes are uploaded as they are, so an
    /// unfinished upload is shorter. Volumes whose XML gives no physical size are taken as complete.
    /// </summary>
    private static bool HoldsAllOf(LibvirtStorageVolume volume, string source)
    {
        var physical = XElement.Parse(volume.XmlDesc()).Element("physical");
        return physical is null || !File.Exists(source)
            || long.Parse(physical.Value, System.Globalization.CultureInfo.InvariantCulture) == new FileInfo(source).Length;
    }

    private static void Upload(LibvirtStorageVolume volume, string source, IProgress<string>? progress, CancellationToken ct)
    {
        using var file = File.OpenRead(source);
        var total = file.Length;
        var lastPercent = -10;
        var bytes = new Progress<long>(sent =>
        {
            var percent = (int)(100 * sent / Math.Max(1, total));
            if (percent >= lastPercent + 10)
            {
                lastPercent = percent;
                progress?.Report($"uploading {Path.GetFileName(source)}: {percent}% of {total / (1 << 20)} MiB");
            }
        });
        volume.Upload(file, total, bytes, ct);
    }
}
