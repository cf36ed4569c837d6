using System.Text.Json;
using System.Text.Json.Serialization;
using VirtCluster.Bench.Model;
using VirtCluster.Engine.IO;

namespace VirtCluster.Bench.Results;

/// <summary>
/// Reads and writes <see cref="ResultsFile"/> as JSON: camelCase names, enums as camelCase strings, absent
/// values omitted, so that the file matches the published schema and stays readable by hand.
/// </summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(ResultsFile results) => JsonSerializer.Serialize(results, Options);

    /// <summary>Written atomically so that a crash never leaves a half-written results file; readable, to be shared.</summary>
    public static void Write(ResultsFile results, string path) =>
        AtomicFile.Write(path, Serialize(results) + "\n", AtomicFile.Readable);

    /// <exception cref="InvalidDataException">The file is not a results file this version can read.</exception>
    public static ResultsFile Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path}: is a directory, not a results file");
        }

        try
        {
            return Deserialize(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the results file: {e.Message}", e);
        }
    }

    /// <exception cref="InvalidDataException">The text is not a results file this version can read.</exception>
    public static ResultsFile Deserialize(string json, string source)
    {
        ResultsFile? results;
        try
        {
            results = JsonSerializer.Deserialize<ResultsFile>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}" : "";
            throw new InvalidDataException($"{source}{where}: not a valid results file: {e.Message}", e);
        }

        if (results is null)
        {
            throw new InvalidDataException($"{source}: not a valid results file: the document is null");
        }

        if (results.SchemaVersion != ResultsFile.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"{source}: results schema version {results.SchemaVersion} is not supported (this version reads {ResultsFile.CurrentSchemaVersion})");
        }

        if (results.Environments.Count == 0)
        {
            throw new InvalidDataException($"{source}: the results file describes no environments");
        }

        if (results.Environments.GroupBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{source}: environment '{twice.Key}' is described twice, so runs that refer to it are ambiguous");
        }

        var names = results.Environments.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (results.Runs.FirstOrDefault(r => !names.Contains(r.Environment)) is { } orphan)
        {
            throw new InvalidDataException($"{source}: run '{orphan.Id}' refers to environment '{orphan.Environment}', which the file does not describe");
        }

        if (results.Runs.FirstOrDefault(r => r.Status == RunStatus.Failed && string.IsNullOrEmpty(r.Reason)) is { } unexplained)
        {
            throw new InvalidDataException($"{source}: failed run '{unexplained.Id}' has no reason");
        }

        return results;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
