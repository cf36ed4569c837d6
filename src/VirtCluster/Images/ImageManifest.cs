using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtCluster.Images;

/// <summary>
/// What a cached image holds and how to boot it; written last into the build folder, so a cache entry
/// with a manifest is complete by construction.
/// </summary>
/// <param name="Name">The spec's name.</param>
/// <param name="CacheKey">The entry's key (see <see cref="ImageCacheKey"/>).</param>
/// <param name="Suite">Debian suite.</param>
/// <param name="KernelVersion">The guest kernel's release, from /boot/vmlinuz-RELEASE.</param>
/// <param name="KernelArgs">Arguments every boot of this image needs; per-node ones are appended (see <see cref="KernelCommandLine"/>).</param>
/// <param name="SizeBytes">Virtual size of the disk.</param>
/// <param name="BuiltAt">When the build finished (UTC).</param>
/// <param name="BuildSeconds">How long the cold build took.</param>
public sealed record ImageManifest(
    string Name,
    string CacheKey,
    string Suite,
    string KernelVersion,
    IReadOnlyList<string> KernelArgs,
    long SizeBytes,
    DateTimeOffset BuiltAt,
    double BuildSeconds)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    public static ImageManifest Read(string path) =>
        JsonSerializer.Deserialize<ImageManifest>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path}: empty image manifest; delete the folder to rebuild");
}
