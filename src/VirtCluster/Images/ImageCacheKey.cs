using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VirtCluster.Images;

/// <summary>
/// Names an image by what decides its contents: the spec in a canonical form (fixed key order, file
/// sources relative to the spec, build steps), the bytes of every file it adds (each file of a source
/// folder with its path and mode), the apt sources the packages come from, and the version of the build recipe. Comments, key order and the checkout's location do not
/// change the key; any change to what ends up in the image does.
/// </summary>
public static class ImageCacheKey
{
    /// <summary>Bump when <see cref="ImageBuilder"/> changes what it writes into an image.</summary>
    /// <remarks>2: the initrd is made once, after every package (see <see cref="InitramfsHooks"/>).</remarks>
    internal const int RecipeVersion = 2;

    /// <summary>The lowercase hex SHA-256 naming the image's cache folder.</summary>
    public static string Compute(ImageSpec spec, string aptSources)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(spec, aptSources)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The exact text that is hashed; exposed to tests so key stability can be explained when it breaks.</summary>
    internal static string Canonical(ImageSpec spec, string aptSources)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("recipe", RecipeVersion);
            json.WriteString("name", spec.Name);
            json.WriteString("suite", spec.Suite);
            json.WriteString("variant", spec.Variant);
            json.WriteNumber("sizeBytes", spec.SizeBytes);
            WriteList(json, "packages", spec.Packages);
            json.WriteStartArray("files");
            foreach (var file in spec.Files)
            {
                json.WriteStartObject();
                json.WriteString("source", file.RelativeSource);
                json.WriteString("sha256", Sha256Of(file.Source));
                json.WriteString("target", file.Target);
                json.WriteString("mode", Octal(file.Mode));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteSources(json, spec.Sources);
            WriteBuild(json, spec.Build);
            WriteList(json, "enable", spec.Enable);
            WriteList(json, "mask", spec.Mask);
            WriteList(json, "kernelArgs", spec.KernelArgs);
            WriteList(json, "initrdModules", spec.InitrdModules);
            json.WriteString("aptSourcesSha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(aptSources))));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Each source with every file it copies: path inside the source, mode and content hash, in path order.</summary>
    private static void WriteSources(Utf8JsonWriter json, IReadOnlyList<ImageSource> sources)
    {
        json.WriteStartArray("sources");
        foreach (var source in sources)
        {
            json.WriteStartObject();
            json.WriteString("source", source.RelativeSource);
            json.WriteString("target", source.Target);
            json.WriteStartArray("files");
            foreach (var file in source.Files())
            {
                json.WriteStartObject();
                json.WriteString("path", file.RelativePath);
                json.WriteString("mode", Octal(file.Mode));
                json.WriteString("sha256", Sha256Of(file.Path));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBuild(Utf8JsonWriter json, IReadOnlyList<ImageBuildStep> steps)
    {
        json.WriteStartArray("build");
        foreach (var step in steps)
        {
            json.WriteStartObject();
            json.WriteString("name", step.Name);
            WriteList(json, "run", step.Run);
            json.WriteString("workdir", step.WorkDir);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Sha256Of(string path)
    {
        using var content = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
    }
}
