using System.Text.Json.Nodes;
using System.Xml.Linq;
using VirtCluster.Engine.Providers;
using VirtCluster.Libvirt;

namespace VirtCluster.Resources.Libvirt;

/// <summary>
/// A storage volume: the base image (created, then filled through a libvirt stream from <c>uploadFrom</c>) or a
/// node's qcow2 overlay backed by it. Inputs: <c>uri</c>, <c>pool</c>, <c>name</c>, <c>xml</c>, optional
/// <c>uploadFrom</c> (a local file) and <c>digest</c> (what the content is, so a new image replaces the volume).
/// </summary>
public sealed class VolumeProvider(string type, LibvirtConnections connections) : IResourceProvider
{
    public string Type => type;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs)
    {
        var failures = Inputs.RequireStrings(inputs, "uri", "pool", "name", "xml").ToList();
        if (Inputs.OptionalString(inputs, "uploadFrom") is { } path && !File.Exists(path))
        {
            failures.Add(new CheckFailure("uploadFrom", $"'{path}' does not exist (was the image cache cleared?); run 'virtcluster refresh', then 'up' builds the image again"));
        }

        return failures;
    }

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Replace);

    public string? ConcurrencyKey(JsonObject inputs) => Inputs.StorageKey(inputs);

    public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var pool = Pool(request.Inputs);
                var name = Inputs.String(request.Inputs, "name");
                var existing = pool.TryLookupVolume(name);
                if (existing is not null)
                {
                    // A crash between create and upload leaves a volume of unknown content: start it over.
                    if (Inputs.OptionalString(request.Inputs, "uploadFrom") is null)
                    {
                        return Adopt(existing);
                    }

                    existing.Delete();
                    existing.Dispose();
                }

                var volume = pool.CreateVolume(Inputs.String(request.Inputs, "xml"));
                try
                {
                    if (Inputs.OptionalString(request.Inputs, "uploadFrom") is { } source)
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

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var pool = Pool(request.Inputs);
                var volume = pool.TryLookupVolume(Inputs.String(request.Inputs, "name"));
                if (volume is not null && Inputs.OptionalString(request.Inputs, "uploadFrom") is { } source && !HoldsAllOf(volume, source))
                {
                    // An upload cut short (the run killed, the daemon gone) is not the image: create it again.
                    volume.Dispose();
                    return null;
                }

                return volume is null ? null : Adopt(volume);
            },
            cancellationToken);

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("volumes are replaced, never updated in place");

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var pool = Inputs.Connection(connections, request.Inputs)
                    .TryLookupStoragePool(Inputs.String(request.Inputs, "pool"));
                using var volume = pool?.TryLookupVolume(Inputs.String(request.Inputs, "name"));
                volume?.Delete();
            },
            cancellationToken);

    private LibvirtStoragePool Pool(JsonObject inputs) =>
        Inputs.Connection(connections, inputs).LookupStoragePool(Inputs.String(inputs, "pool"));

    private static ProviderResult Adopt(LibvirtStorageVolume volume)
    {
        using (volume)
        {
            return new ProviderResult(volume.Key, new JsonObject { ["name"] = volume.Name, ["path"] = volume.Path });
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
