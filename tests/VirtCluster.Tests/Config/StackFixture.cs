using VirtCluster.Config;
using VirtCluster.Engine.Config;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Config;

/// <summary>A throwaway project folder holding the repository's real Pulumi.yaml and one stack file.</summary>
internal sealed class StackFixture : IDisposable
{
    public StackFixture(string stack, string text)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vc-stack-").FullName;
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(Directory, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(Directory, $"Pulumi.{stack}.yaml"), text);
        Stack = stack;
    }

    public string Directory { get; }

    public string Stack { get; }

    public ClusterSpec Load() => LoadSpec(Directory, Stack);

    /// <summary>The whole path the CLI takes: manifest, stack file, domain conversion.</summary>
    public static ClusterSpec LoadSpec(string directory, string stack) =>
        ClusterSpecLoader.FromConfig(StackConfigLoader.Load(ProjectLoader.Load(directory), stack, secrets: null));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
