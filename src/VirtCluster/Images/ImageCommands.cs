using System.CommandLine;
using VirtCluster.Engine.Config;

namespace VirtCluster.Images;

/// <summary>The <c>virtcluster image build SPEC</c> verb: builds or reuses a cached node image.</summary>
public static class ImageCommands
{
    /// <summary>Exit code for an invalid spec or usage (the CLI's convention for configuration errors).</summary>
    public const int ConfigError = 2;

    /// <summary>Exit code when the build itself failed (a tool failed, a package is missing, ...).</summary>
    public const int BuildFailed = 1;

    /// <summary>The <c>image</c> command with its <c>build</c> subcommand, for the CLI's root command.</summary>
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "Image spec (YAML), e.g. images/hpc-node.yaml" };
        var cache = new Option<string?>("--cache-dir")
        {
            Description = "Image cache folder (default: ~/.cache/virtcluster/images)",
        };
        var build = new Command("build", "Build a node image from a spec, or reuse the cached one with the same contents");
        build.Arguments.Add(spec);
        build.Options.Add(cache);
        build.SetAction((result, cancellationToken) =>
            BuildAsync(result.GetValue(spec)!, result.GetValue(cache), Console.Out, Console.Error, cancellationToken));

        var image = new Command("image", "Build and cache VM images");
        image.Subcommands.Add(build);
        return image;
    }

    /// <summary>
    /// Loads <paramref name="specPath"/>, builds or reuses the image, and prints progress to
    /// <paramref name="output"/> and the entry's paths last. Returns 0, <see cref="ConfigError"/> or
    /// <see cref="BuildFailed"/>; cancellation stops the build and leaves no cache entry.
    /// </summary>
    public static async Task<int> BuildAsync(
        string specPath, string? cacheDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ImageSpec spec;
        try
        {
            spec = ImageSpecLoader.Load(specPath);
        }
        catch (ConfigException e)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ConfigError;
        }

        var builder = new ImageBuilder(new ImageCache(cacheDirectory ?? ImageCache.DefaultRoot));
        var progress = new SynchronousProgress(line => output.WriteLine(line));
        try
        {
            var image = await builder.BuildAsync(spec, progress, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"disk:   {image.DiskPath}").ConfigureAwait(false);
            await output.WriteLineAsync($"kernel: {image.KernelPath}").ConfigureAwait(false);
            await output.WriteLineAsync($"initrd: {image.InitrdPath}").ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: image '{spec.Name}' ({spec.SpecFile}): {e.Message}").ConfigureAwait(false);
            return BuildFailed;
        }
    }
}
