using System.Text.Json.Nodes;
using VirtCluster.Engine.Providers;
using VirtCluster.Images;
using VirtCluster.Resources;
using VirtCluster.Resources.Libvirt;

namespace VirtCluster.Lab;

/// <summary>
/// The node image in the local content-addressed cache. Inputs: <c>spec</c> (path), <c>key</c> (the cache key of
/// the spec's contents), <c>cache</c> (the cache's folder: another folder is another image). Creating it builds the
/// image, or finds it already built; deleting it keeps the cache entry, which later stacks and runs reuse.
/// Outputs: <c>disk</c>, <c>kernel</c>, <c>initrd</c> (the files), <c>digest</c> and <c>sizeBytes</c>: resources
/// that take these as inputs wait for the build, and see the files only once they exist.
/// </summary>
public sealed class ImageProvider(ImageCache cache) : IResourceProvider
{
    public const string TypeName = "virtcluster:image:Image";

    public string Type => TypeName;

    public IReadOnlyList<CheckFailure> Check(JsonObject inputs) => Inputs.RequireStrings(inputs, "spec", "key", "cache");

    public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
        InputDiff.Compare(old.Inputs, newInputs, _ => DiffKind.Replace);

    public async Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var spec = ImageSpecLoader.Load(Inputs.String(request.Inputs, "spec"));
        var built = await new ImageBuilder(cache).BuildAsync(spec, request.Progress, cancellationToken);
        return Result(built);
    }

    public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(cache.TryGet(Inputs.String(request.Inputs, "key")) is { } built ? Result(built) : null);

    public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("an image is replaced, never updated in place");

    public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private static ProviderResult Result(BuiltImage built) =>
        new(built.Manifest.CacheKey, new JsonObject
        {
            ["key"] = built.Manifest.CacheKey,
            ["directory"] = built.Directory,
            ["disk"] = built.DiskPath,
            ["kernel"] = built.KernelPath,
            ["initrd"] = built.InitrdPath,
            ["digest"] = built.Manifest.CacheKey,
            ["sizeBytes"] = built.Manifest.SizeBytes,
        });
}
