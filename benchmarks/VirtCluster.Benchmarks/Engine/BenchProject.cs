using System.Globalization;

namespace VirtCluster.Benchmarks.Engine;

/// <summary>
/// A throwaway project for the <c>cli</c> mode: <c>Pulumi.yaml</c> with the <c>bench:</c> schema and a stack
/// <c>bench</c> whose "cloud" is a JSON file in the project, so separate processes share it.
/// </summary>
public sealed class BenchProject : IDisposable
{
    private BenchProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string CloudFile => Path.Combine(Directory, "cloud.json");

    public static BenchProject Create(int hosts, string stack = "bench", string image = "bookworm")
    {
        var project = new BenchProject(Path.Combine(Path.GetTempPath(), "virtcluster-bench-" + Guid.NewGuid().ToString("N")));
        System.IO.Directory.CreateDirectory(project.Directory);
        File.WriteAllText(Path.Combine(project.Directory, "Pulumi.yaml"), """
            name: bench
            runtime: dotnet
            description: a cluster-shaped graph on in-memory providers
            config:
              bench:hosts:
                type: integer
              bench:image:
                type: string
              bench:cloudFile:
                type: string
            """);
        project.Configure(stack, hosts, image);
        return project;
    }

    /// <summary>Writes the stack file: how many hosts, which image (a change replaces base images and overlays).</summary>
    public void Configure(string stack, int hosts, string image) =>
        File.WriteAllText(Path.Combine(Directory, $"Pulumi.{stack}.yaml"), string.Create(CultureInfo.InvariantCulture, $"""
            config:
              bench:hosts: {hosts}
              bench:image: {image}
              bench:cloudFile: {CloudFile}
            """));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
