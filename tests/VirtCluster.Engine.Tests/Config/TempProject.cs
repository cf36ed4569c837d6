namespace VirtCluster.Engine.Tests.Config;

/// <summary>A throwaway project folder with a small schema, deleted on dispose.</summary>
internal sealed class TempProject : IDisposable
{
    public const string Manifest = """
        name: demo
        runtime: dotnet
        main: infra/
        description: test project
        config:
          demo:nodes:
            type: integer
            minimum: 1
            maximum: 64
            default: 2
            description: VMs
          demo:pinning:
            type: string
            enum: [strict, none, numa]
            default: strict
          demo:label:
            type: string
          demo:enabled:
            type: boolean
          demo:hosts:
            type: array
          demo:network:
            type: object
          demo:token:
            type: string
            secret: true
        """;

    public TempProject(string manifest = Manifest)
    {
        Directory = Path.Combine(Path.GetTempPath(), "vc-config-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "Pulumi.yaml"), manifest);
    }

    public string Directory { get; }

    public string Write(string stack, string text)
    {
        var path = Path.Combine(Directory, $"Pulumi.{stack}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    public string Read(string stack) => File.ReadAllText(Path.Combine(Directory, $"Pulumi.{stack}.yaml"));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
