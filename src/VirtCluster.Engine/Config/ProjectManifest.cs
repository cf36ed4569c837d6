namespace VirtCluster.Engine.Config;

/// <summary>The project as declared in <c>Pulumi.yaml</c>: identity, program folder and the config schema.</summary>
/// <param name="Name">The project name; also the namespace of config keys.</param>
/// <param name="Runtime">Always <c>dotnet</c>.</param>
/// <param name="Description">Free text.</param>
/// <param name="Directory">Absolute folder of <c>Pulumi.yaml</c>; stack files live beside it.</param>
/// <param name="Main">The program folder relative to <see cref="Directory"/> (e.g. <c>infra/</c>).</param>
/// <param name="Config">Schema by full key name, in file order.</param>
public sealed record ProjectManifest(
    string Name,
    string Runtime,
    string Main,
    string Description,
    string Directory,
    IReadOnlyDictionary<string, ConfigKeySchema> Config)
{
    /// <summary>The namespace every config key carries (the project name), e.g. <c>virtcluster</c>.</summary>
    public string KeyPrefix => Name + ":";

    public string ManifestFile => Path.Combine(Directory, ProjectLoader.ManifestFileName);

    /// <summary>Absolute path of a stack's file (it may not exist).</summary>
    public string StackFilePath(string stack) => Path.Combine(Directory, StackFileName(stack));

    public static string StackFileName(string stack) => $"Pulumi.{stack}.yaml";
}
