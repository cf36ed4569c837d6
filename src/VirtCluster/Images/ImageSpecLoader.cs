using System.Globalization;
using System.Text.RegularExpressions;
using VirtCluster.Engine.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace VirtCluster.Images;

/// <summary>
/// Reads an image spec strictly: unknown or duplicate keys, wrong types and bad values are errors that
/// point at <c>file:line:column</c>, because a typo in a package list would otherwise cost a full
/// image build before it shows.
/// </summary>
public static partial class ImageSpecLoader
{
    private const long MinimumSize = 512L * 1024 * 1024;

    private static readonly string[] Keys =
        ["name", "suite", "variant", "size", "packages", "files", "sources", "build", "enable", "mask", "kernelArgs", "initrdModules"];

    private static readonly string[] FileKeys = ["source", "target", "mode"];

    private static readonly string[] SourceKeys = ["source", "target"];

    private static readonly string[] BuildKeys = ["name", "run", "workdir"];

    private static readonly string[] Variants = ["minbase", "essential", "apt", "required", "important", "standard"];

    /// <summary>Loads and validates <paramref name="path"/>; file sources resolve against its folder.</summary>
    /// <exception cref="ConfigException">The spec is invalid; the message names the place and the fix.</exception>
    public static ImageSpec Load(string path)
    {
        var file = Path.GetFullPath(path);
        if (!File.Exists(file))
        {
            throw new ConfigException($"{file}: image spec not found");
        }

        return Parse(File.ReadAllText(file), file);
    }

    /// <summary>Validates spec text; <paramref name="file"/> names it in errors and anchors relative sources.</summary>
    public static ImageSpec Parse(string yaml, string file)
    {
        var root = ReadRoot(yaml, file);
        var reader = new Reader(file);
        var map = reader.Mapping(root, "(document)");
        reader.RejectUnknown(map, Keys, string.Empty);

        var name = reader.Text(map, "name", NamePattern(), "lowercase letters, digits and '-'");
        var suite = reader.Text(map, "suite", SuitePattern(), "a Debian suite name such as bookworm");
        var variant = reader.OptionalText(map, "variant") ?? "minbase";
        if (!Variants.Contains(variant))
        {
            throw reader.Error(map.Children[new YamlScalarNode("variant")], "variant",
                $"unknown variant '{variant}'; use one of {string.Join(", ", Variants)}");
        }

        var size = ParseSize(reader, map);
        var packages = reader.List(map, "packages", PackagePattern(), "a Debian package name", required: true);
        var files = ReadFiles(reader, map, Path.GetDirectoryName(file)!);
        var sources = ReadSources(reader, map, Path.GetDirectoryName(file)!);
        var build = ReadBuild(reader, map);
        var enable = reader.List(map, "enable", UnitPattern(), "a systemd unit name with its suffix (.service, .timer, ...)");
        var mask = reader.List(map, "mask", UnitPattern(), "a systemd unit name with its suffix (.service, .timer, ...)");
        var kernelArgs = reader.List(map, "kernelArgs", KernelArgPattern(), "one kernel argument without spaces", required: true);
        var initrdModules = reader.List(map, "initrdModules", ModuleNamePattern(), "a kernel module name such as virtio_blk");

        return new ImageSpec(name, suite, variant, size, packages, files, sources, build, enable, mask, kernelArgs, initrdModules, file);
    }

    private static YamlNode ReadRoot(string yaml, string file)
    {
        var stream = new YamlStream();
        var parser = new LastEventParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            throw new ConfigException(new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column), string.Empty,
                message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
                    ? "duplicate key; each key may appear once"
                    : message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException for some malformed text, such as a list left open at the
            // end; the last event it read is where the text stopped making sense.
            var at = parser.LastStart;
            throw new ConfigException(
                new SourceLocation(file, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1)),
                string.Empty,
                at is null ? "YAML syntax error: the text is malformed (is a '[' or '{' left open?)" : "YAML syntax error: a '[' or '{' here is never closed");
        }

        if (stream.Documents.Count != 1)
        {
            throw new ConfigException($"{file}: expected exactly one YAML document, found {stream.Documents.Count}");
        }

        return stream.Documents[0].RootNode;
    }

    private static long ParseSize(Reader reader, YamlMappingNode map)
    {
        var node = reader.Required(map, "size");
        var text = reader.Scalar(node, "size");
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            throw reader.Error(node, "size", $"'{text}' is not a size; write e.g. 3G or 2048M");
        }

        var shift = match.Groups[2].Value switch { "K" => 10, "M" => 20, "G" => 30, _ => 40 };
        if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > long.MaxValue >> shift)
        {
            throw reader.Error(node, "size", $"{text} is too large; write e.g. 3G or 2048M");
        }

        var bytes = amount << shift;
        if (bytes < MinimumSize)
        {
            throw reader.Error(node, "size", $"{text} is too small for a Debian root file system; use at least 512M");
        }

        return bytes;
    }

    private static List<ImageFile> ReadFiles(Reader reader, YamlMappingNode map, string baseDir)
    {
        var result = new List<ImageFile>();
        if (!map.Children.TryGetValue(new YamlScalarNode("files"), out var node))
        {
            return result;
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in reader.Sequence(node, "files").Children)
        {
            var entry = reader.Mapping(item, "files[]");
            reader.RejectUnknown(entry, FileKeys, "files[].");
            var relative = reader.Text(entry, "source", RelativePathPattern(), "a path relative to the spec's folder", "files[].source");
            var source = Path.GetFullPath(Path.Combine(baseDir, relative));
            if (!File.Exists(source))
            {
                throw reader.Error(entry.Children[new YamlScalarNode("source")], "files[].source",
                    $"'{source}' does not exist; paths are relative to the spec's folder");
            }

            var target = reader.Text(entry, "target", TargetPattern(), "an absolute path inside the guest", "files[].target");
            if (!targets.Add(target))
            {
                throw reader.Error(entry.Children[new YamlScalarNode("target")], "files[].target", $"'{target}' is written twice");
            }

            var modeText = reader.OptionalText(entry, "mode") ?? "0644";
            if (!ModePattern().IsMatch(modeText))
            {
                throw reader.Error(entry.Children[new YamlScalarNode("mode")], "files[].mode",
                    $"'{modeText}' is not an octal mode; write it quoted, e.g. \"0755\"");
            }

            result.Add(new ImageFile(source, relative, target, (UnixFileMode)Convert.ToInt32(modeText, 8)));
        }

        return result;
    }

    private static List<ImageSource> ReadSources(Reader reader, YamlMappingNode map, string baseDir)
    {
        var result = new List<ImageSource>();
        if (!map.Children.TryGetValue(new YamlScalarNode("sources"), out var node))
        {
            return result;
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in reader.Sequence(node, "sources").Children)
        {
            var entry = reader.Mapping(item, "sources[]");
            reader.RejectUnknown(entry, SourceKeys, "sources[].");
            var relative = reader.Text(entry, "source", RelativePathPattern(), "a path relative to the spec's folder", "sources[].source").TrimEnd('/');
            var sourceNode = entry.Children[new YamlScalarNode("source")];
            var path = Path.GetFullPath(Path.Combine(baseDir, relative));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw reader.Error(sourceNode, "sources[].source", $"'{path}' does not exist; paths are relative to the spec's folder");
            }

            var target = reader.Text(entry, "target", TargetPattern(), "an absolute path inside the guest", "sources[].target");
            if (!targets.Add(target))
            {
                throw reader.Error(entry.Children[new YamlScalarNode("target")], "sources[].target", $"'{target}' is written twice");
            }

            var source = new ImageSource(path, relative, target);
            try
            {
                _ = source.Files();
            }
            catch (InvalidOperationException e)
            {
                throw reader.Error(sourceNode, "sources[].source", e.Message);
            }

            result.Add(source);
        }

        return result;
    }

    private static List<ImageBuildStep> ReadBuild(Reader reader, YamlMappingNode map)
    {
        var result = new List<ImageBuildStep>();
        if (!map.Children.TryGetValue(new YamlScalarNode("build"), out var node))
        {
            return result;
        }

        foreach (var item in reader.Sequence(node, "build").Children)
        {
            var entry = reader.Mapping(item, "build[]");
            reader.RejectUnknown(entry, BuildKeys, "build[].");
            var name = reader.Text(entry, "name", NamePattern(), "lowercase letters, digits and '-'", "build[].name");
            if (result.Any(step => step.Name == name))
            {
                throw reader.Error(entry.Children[new YamlScalarNode("name")], "build[].name", $"'{name}' names two steps; give each step its own name");
            }

            var run = ReadRun(reader, reader.Required(entry, "run", "build[].run"));
            var workdir = reader.OptionalText(entry, "workdir") ?? "/";
            if (workdir != "/" && !TargetPattern().IsMatch(workdir))
            {
                throw reader.Error(entry.Children[new YamlScalarNode("workdir")], "build[].workdir",
                    $"'{workdir}' is not an absolute folder inside the image, e.g. /usr/local/src/tool");
            }

            result.Add(new ImageBuildStep(name, run, workdir));
        }

        return result;
    }

    /// <summary>A list is the program and its arguments; one line is run by <c>/bin/sh -c</c>.</summary>
    private static List<string> ReadRun(Reader reader, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return ["/bin/sh", "-c", reader.Scalar(node, "build[].run")];
        }

        var items = reader.Sequence(node, "build[].run").Children;
        if (items.Count == 0)
        {
            throw reader.Error(node, "build[].run", "is empty; give the program and its arguments, e.g. [make, install], or one shell line");
        }

        return items.Select(argument => reader.Scalar(argument, "build[].run")).ToList();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex SuitePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^[A-Za-z0-9@._:\\-]+\.(service|socket|timer|target|path|mount)$")]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^\S+$")]
    private static partial Regex KernelArgPattern();

    // Also what keeps the names safe to write into the build's shell hook unquoted.
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex ModuleNamePattern();

    [GeneratedRegex(@"^(?!/)(?!.*(^|/)\.\.(/|$))[^\0]+$")]
    private static partial Regex RelativePathPattern();

    [GeneratedRegex(@"^/(?!.*(^|/)\.\.(/|$))[^\0\s]+[^/]$")]
    private static partial Regex TargetPattern();

    [GeneratedRegex("^0?[0-7]{3,4}$")]
    private static partial Regex ModePattern();

    [GeneratedRegex("^([1-9][0-9]*)([KMGT])$")]
    private static partial Regex SizePattern();

    /// <summary>Remembers where the last event it read started, which YamlDotNet's own exceptions do not always say.</summary>
    private sealed class LastEventParser(IParser inner) : IParser
    {
        public Mark? LastStart { get; private set; }

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            LastStart = inner.Current?.Start ?? LastStart;
            return moved;
        }
    }
}
