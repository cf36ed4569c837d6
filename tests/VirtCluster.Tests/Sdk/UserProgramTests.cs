using System.Text.Json.Nodes;
using VirtCluster.App;
using VirtCluster.Engine.Cli;
using VirtCluster.Engine.Providers;
using VirtCluster.Resources;
using VirtCluster.Sdk;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Sdk;

/// <summary>
/// A program of a user's own, as one writes it in infra/: a component of theirs (two nodes and a volume of
/// VirtCluster's), and a resource type of theirs with a provider they register, run through preview, up and destroy
/// against libvirt's test driver.
/// </summary>
public sealed class UserProgramTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("vc-user-").FullName;
    private readonly VirtClusterPackage _package = new();

    public UserProgramTests()
    {
        File.Copy(Path.Combine(TestPaths.RepoRoot, "Pulumi.yaml"), Path.Combine(_project, "Pulumi.yaml"));
        var sim = Path.Combine(TestPaths.RepoRoot, "sim");
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), $"""
            config:
              virtcluster:hosts:
                - {"{"} name: agc01, simulate: {sim}/dell-m610-host.xml, facts: {sim}/facts/agc-fw-2.7.80 {"}"}
              virtcluster:image: {TestPaths.RepoRoot}/images/hpc-node.yaml
            """);
    }

    private string Uri => "test://" + Path.Combine(TestPaths.RepoRoot, "sim", "dell-m610-host.xml");

    private string NotePath => Path.Combine(_project, "note.txt");

    public void Dispose()
    {
        _package.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Fact]
    public async Task AComponentOfTheUsersOwnAndAResourceTypeWithItsOwnProviderGoThroughPreviewUpAndDestroy()
    {
        var preview = await RunAsync("preview");
        Assert.True(preview.Exit == 0, preview.Err);
        Assert.Contains("+  create  urn:virtcluster:dev::virtcluster::acme:index:NodePair$virtcluster:libvirt:Node::pair-a", preview.Out, StringComparison.Ordinal);
        Assert.Contains("+  create  urn:virtcluster:dev::virtcluster::acme:index:Note::inventory", preview.Out, StringComparison.Ordinal);
        Assert.Contains("text: (known after apply)", preview.Out, StringComparison.Ordinal);
        Assert.Contains("Resources: 6 to create", preview.Out, StringComparison.Ordinal);

        var up = await RunAsync("up", "--yes");
        Assert.True(up.Exit == 0, up.Err);
        var connection = _package.Connections.Get(Uri, "agc01");
        using (var a = connection.LookupDomain("pair-a"))
        using (var b = connection.LookupDomain("pair-b"))
        {
            Assert.True(a.IsActive());
            Assert.Equal($"pair-a {a.Uuid}\npair-b {b.Uuid}\n", File.ReadAllText(NotePath));
        }

        var outputs = await RunAsync("stack", "output", "--json");
        Assert.Equal("/var/lib/acme-pool/scratch.qcow2", JsonNode.Parse(outputs.Out)!["scratch"]!.GetValue<string>());

        var again = await RunAsync("preview", "--expect-no-changes");
        Assert.True(again.Exit == 0, again.Out + again.Err);

        var destroy = await RunAsync("destroy", "--yes");
        Assert.True(destroy.Exit == 0, destroy.Err);
        Assert.Contains("6 deleted", destroy.Out, StringComparison.Ordinal);
        Assert.Null(connection.TryLookupDomain("pair-a"));
        Assert.False(File.Exists(NotePath));
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] verb)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var settings = new DeploymentSettings
        {
            PackageInstances = [_package],
            Providers = [new NoteProvider()],
            Host = new EngineHost((_, _) => Task.CompletedTask, _ => []) { Output = stdout, Error = stderr, InputIsTerminal = false, OutputIsTerminal = false },
        };
        var exit = await Deployment.RunAsync(Program, [.. verb, "--stack", "dev", "--cwd", _project], settings);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The user's program.</summary>
    private Task<IDictionary<string, object?>> Program()
    {
        var pair = new NodePair("pair", Uri);
        var note = new Note("inventory", new NoteArgs
        {
            Path = NotePath,
            Text = Output.Tuple(pair.First.Uuid, pair.Second.Uuid).Apply(u => $"pair-a {u.Item1}\npair-b {u.Item2}\n"),
        });
        return Task.FromResult<IDictionary<string, object?>>(new Dictionary<string, object?> { ["scratch"] = pair.ScratchPath, ["note"] = note.Path });
    }

    /// <summary>The user's component: a pool with a scratch volume, and two nodes.</summary>
    private sealed class NodePair : ComponentResource
    {
        public NodePair(string name, string uri)
            : base("acme:index:NodePair", name)
        {
            var child = new CustomResourceOptions { Parent = this };
            var pool = new StoragePool("acme-pool", new StoragePoolArgs
            {
                Uri = uri,
                Host = "agc01",
                Name = "acme-pool",
                Xml = "<pool type='dir'><name>acme-pool</name><target><path>/var/lib/acme-pool</path></target></pool>",
            }, child);
            var scratch = new OverlayVolume("scratch", new VolumeArgs
            {
                Uri = uri,
                Host = "agc01",
                Pool = "acme-pool",
                Name = "scratch.qcow2",
                Xml = "<volume><name>scratch.qcow2</name><capacity unit='G'>1</capacity><target><format type='qcow2'/></target></volume>",
            }, new CustomResourceOptions { Parent = this, DependsOn = { pool } });
            First = Node(name + "-a", uri, this);
            Second = Node(name + "-b", uri, this);
            ScratchPath = scratch.Path;
            RegisterOutputs();
        }

        public Node First { get; }

        public Node Second { get; }

        public Output<string> ScratchPath { get; }

        private static Node Node(string name, string uri, Resource parent) => new(name, new NodeArgs
        {
            Uri = uri,
            Host = "agc01",
            Name = name,
            Xml = $"<domain type='test'><name>{name}</name><memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>",
            ShutdownTimeoutSeconds = 5,
        }, new CustomResourceOptions { Parent = parent });
    }

    private sealed class NoteArgs : ResourceArgs
    {
        [Input("path", required: true)]
        public Input<string> Path { get; set; } = null!;

        [Input("text", required: true)]
        public Input<string> Text { get; set; } = null!;
    }

    /// <summary>The user's own resource type: a text file.</summary>
    private sealed class Note : CustomResource
    {
        public Note(string name, NoteArgs args)
            : base("acme:index:Note", name, args)
        {
        }

        [Output("path")]
        public Output<string> Path { get; private set; } = null!;
    }

    /// <summary>The user's provider for notes.</summary>
    private sealed class NoteProvider : IResourceProvider
    {
        public string Type => "acme:index:Note";

        public IReadOnlyList<CheckFailure> Check(JsonObject inputs) =>
            inputs["path"] is null ? [new CheckFailure("path", "required")] : [];

        public DiffResult Diff(ResourceSnapshot old, JsonObject newInputs) =>
            InputDiff.Compare(old.Inputs, newInputs, p => p == "path" ? DiffKind.Replace : DiffKind.Update);

        public Task<ProviderResult> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) => Write(request);

        public Task<ProviderResult> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) => Write(request);

        public Task<ProviderResult?> ReadAsync(ResourceRequest request, CancellationToken cancellationToken)
        {
            var path = request.Inputs["path"]!.GetValue<string>();
            return Task.FromResult(File.Exists(path) ? new ProviderResult(path, new JsonObject { ["path"] = path }) : null);
        }

        public Task DeleteAsync(ResourceRequest request, CancellationToken cancellationToken)
        {
            File.Delete(request.Inputs["path"]!.GetValue<string>());
            return Task.CompletedTask;
        }

        private static async Task<ProviderResult> Write(ResourceRequest request)
        {
            var path = request.Inputs["path"]!.GetValue<string>();
            await File.WriteAllTextAsync(path, request.Inputs["text"]!.GetValue<string>());
            return new ProviderResult(path, new JsonObject { ["path"] = path });
        }
    }
}
