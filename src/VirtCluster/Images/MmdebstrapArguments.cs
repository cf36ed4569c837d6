namespace VirtCluster.Images;

/// <summary>
/// The mmdebstrap command line for a spec. Kept apart from the builder so that tests can pin it: every
/// option here decides what ends up in the image or how long the build takes, and an option that changes
/// the image's contents must come with a new <see cref="ImageCacheKey.RecipeVersion"/>.
/// </summary>
internal static class MmdebstrapArguments
{
    /// <summary>Arguments that build <paramref name="spec"/> into <paramref name="rootfs"/> from <paramref name="aptSources"/>.</summary>
    public static IReadOnlyList<string> For(ImageSpec spec, string rootfs, string aptSources)
    {
        return
        [
            $"--variant={spec.Variant}",
            $"--include={string.Join(',', spec.Packages)}",
            $"--essential-hook={InitramfsHooks.Defer}",
            $"--customize-hook={InitramfsHooks.GenerateOnce(spec.InitrdModules)}",
            spec.Suite,
            rootfs,
            aptSources,
        ];
    }
}
