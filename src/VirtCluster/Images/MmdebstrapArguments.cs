namespace VirtCluster.Images;

/// <summary>
/// The mmdebstrap command line for a spec. Kept apart from the builder so that tests can pin it: every
/// option here decides what ends up in the image or how long the build takes, and an option that changes
/// the image's contents must come with a new <see cref="ImageCacheKey.RecipeVersion"/>.
/// </summary>
internal static class MmdebstrapArguments
{
    /// <summary>
    /// mmdebstrap's own hooks that run dpkg under eatmydata while packages are installed and remove it
    /// afterwards. dpkg syncs every file it writes; on a busy disk that made installing the essential
    /// packages alone take 66 s instead of 13 s. In memory a sync costs nothing, so the hooks (which fetch
    /// two more packages) are left out there.
    /// </summary>
    public const string EatmydataHooks = "/usr/share/mmdebstrap/hooks/eatmydata";

    /// <summary>Arguments that build <paramref name="spec"/> into <paramref name="rootfs"/> from <paramref name="aptSources"/>.</summary>
    public static IReadOnlyList<string> For(ImageSpec spec, string rootfs, string aptSources, bool rootfsInMemory)
    {
        var arguments = new List<string>
        {
            $"--variant={spec.Variant}",
            $"--include={string.Join(',', spec.Packages)}",
        };
        if (!rootfsInMemory)
        {
            arguments.Add($"--hook-dir={EatmydataHooks}");
        }

        arguments.Add($"--essential-hook={InitramfsHooks.Defer}");
        arguments.Add($"--customize-hook={InitramfsHooks.GenerateOnce(spec.InitrdModules)}");
        arguments.AddRange([spec.Suite, rootfs, aptSources]);
        return arguments;
    }
}
