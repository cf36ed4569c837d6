using VirtCluster.Engine.Providers;
using VirtCluster.Images;

namespace VirtCluster.Lab;

/// <summary>
/// The node image in the local content-addressed cache. Creating it builds the image, or finds it already built;
/// deleting it keeps the cache entry, which later stacks and runs reuse. Any change replaces it.
/// </summary>
public sealed class ImageProvider(ImageCache cache) : IResourceProvider<ImageInputs, ImageOutputs>
{
    public const string TypeName = "virtcluster:image:Image";

    public string Type => TypeName;

    public DiffKind ChangeKind(string property) => DiffKind.Replace;

    public async Task<ProviderResult<ImageOutputs>> CreateAsync(ProviderRequest<ImageInputs, ImageOutputs> request, CancellationToken cancellationToken)
    {
        var spec = ImageSpecLoader.Load(request.Inputs.Spec);
        var built = await new ImageBuilder(cache).BuildAsync(spec, request.Progress, cancellationToken);
        return Result(built);
    }

    public Task<ProviderResult<ImageOutputs>?> ReadAsync(ProviderRequest<ImageInputs, ImageOutputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(cache.TryGet(request.Inputs.Key) is { } built ? Result(built) : null);

    public Task<ProviderResult<ImageOutputs>> UpdateAsync(ProviderRequest<ImageInputs, ImageOutputs> request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("an image is replaced, never updated in place");

    public Task DeleteAsync(ProviderRequest<ImageInputs, ImageOutputs> request, CancellationToken cancellationToken) => Task.CompletedTask;

    private static ProviderResult<ImageOutputs> Result(BuiltImage built) =>
        new(built.Manifest.CacheKey, new ImageOutputs(
            built.Manifest.CacheKey, built.Directory, built.DiskPath, built.KernelPath, built.InitrdPath, built.Manifest.CacheKey, built.Manifest.SizeBytes));
}
