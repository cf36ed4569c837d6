using VirtCluster.Images;

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

    /// <summary>
    /// Sources and build steps to append to <see cref="ValidYaml"/>, for the folder <see cref="WriteSources"/> writes: a
    /// script that writes a greeting into the image, run in the copied folder, then a check of what it wrote.
    /// </summary>
    public static string SourcesYaml => """

        sources:
          - source: src/greeting
            target: /usr/local/src/greeting
        build:
          - name: greet
            workdir: /usr/local/src/greeting
            run: [sh, build.sh]
          - name: check
            run: test -s /usr/local/share/greeting.txt
        """;

    /// <summary>Writes the folder <see cref="SourcesYaml"/> copies: an executable script, a text file and a hidden file in a subfolder.</summary>
    public void WriteSources()
    {
        var script = WriteFile("src/greeting/build.sh", """
            #!/bin/sh
            set -e
            echo "building the greeting in $(pwd)"
            mkdir -p /usr/local/share
            printf '%s, built in %s with HOME=%s\n' "$(cat message.txt)" "$(pwd)" "$HOME" > /usr/local/share/greeting.txt
            """ + "\n");
        VirtCluster.Linux.Posix.SetMode(script, ImageSource.Executable);
        WriteFile("src/greeting/message.txt", "hello from the sources\n");
        WriteFile("src/greeting/lib/.defaults", "greeting=hello\n");
    }

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
