namespace VirtCluster.Tests.Images;

/// <summary>A throwaway folder holding an image spec and the files it adds; deleted on dispose.</summary>
internal sealed class SpecFolder : IDisposable
{
    public SpecFolder()
    {
        Root = Directory.CreateTempSubdirectory("vc-spec-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, "files"));
        WriteFile("files/hello.sh", "#!/bin/sh\necho hello\n");
    }

    public string Root { get; }

    /// <summary>A small valid spec; tests change one thing in it at a time.</summary>
    public static string ValidYaml => """
        name: tiny
        suite: bookworm
        size: 1G
        packages:
          - openssh-server
          - iproute2
        files:
          - source: files/hello.sh
            target: /usr/local/bin/hello
            mode: "0755"
        enable: [ssh.service]
        mask: [e2scrub_reap.service]
        kernelArgs: [root=/dev/vda, console=ttyS0]
        """;

    public string WriteSpec(string yaml, string name = "spec.yaml") => WriteFile(name, yaml);

    public string WriteFile(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
