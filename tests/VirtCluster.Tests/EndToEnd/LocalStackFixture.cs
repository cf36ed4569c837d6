using System.Runtime.Versioning;
using VirtCluster.LabHost;
using VirtCluster.Remote;

namespace VirtCluster.Tests.EndToEnd;

/// <summary>
/// The local stack's shape (two nodes and the benchmark stage with a cut-down suite) in a throwaway project; see
/// <see cref="LabProject"/>. The tool reaches the nodes with a key of the user's own, set as the secret
/// <c>virtcluster:sshKey</c>, so the test can look for it in everything the run writes. NetPIPE is started through a
/// program the stack supplies (<c>virtcluster:bench</c> <c>binaries</c>), so the stage must install it on both nodes.
/// </summary>
public sealed class LocalStackFixture : IDisposable
{
    private readonly LabProject _project;

    [SupportedOSPlatform("linux")]
    public LocalStackFixture()
    {
        _project = new LabProject("e2e", nodes: 2, extraConfig: """
              virtcluster:bench:
                enabled: true
                suite: e2e-suite.yaml
                bareMetal: [localhost]
                binaries: { netpipe: netpipe-wrapper.sh }
            """);

        // A program of the user's own: a wrapper that starts the packaged NetPIPE.
        File.WriteAllText(SuppliedNetPipe, "#!/bin/sh\nexec /usr/bin/NPopenmpi \"$@\"\n");
        File.SetUnixFileMode(SuppliedNetPipe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // The Debian suite, NetPIPE and HPCC cut down so that emulated guests finish them in seconds; vc-pingpong to 4 KiB.
        File.WriteAllText(Path.Combine(_project.Directory, "e2e-suite.yaml"), """
            name: e2e
            description: NetPIPE and HPCC at small sizes, and vc-pingpong (a small IMB-compatible ping-pong, not IMB)
            binaries:
              netpipe: { config: virtcluster:netpipePath, default: /usr/bin/NPopenmpi, description: NPopenmpi }
              hpcc: { config: virtcluster:hpccPath, default: /usr/bin/hpcc, description: hpcc }
              pingpong: { config: virtcluster:pingpongPath, default: /usr/local/bin/vc-pingpong, description: vc-pingpong }
            benchmarks:
              netpipe:
                description: NetPIPE to 64 KiB
                parser: netpipe
                command: ["{binary:netpipe}", "-u", "65536"]
                placements: [inter-node]
                sweep: { processes: [2], threads: [1] }
                repetitions: 1
                timeout: 10m
                requires: [netpipe]
                metrics: [latency, bandwidth]
              hpcc:
                description: HPCC at N=200
                parser: hpcc
                command: ["{binary:hpcc}"]
                placements: [none]
                sweep: { processes: [2], threads: [1] }
                repetitions: 1
                timeout: 10m
                requires: [hpcc]
                hpcc: { n: [200], nb: [40] }
                metrics: [MinPingPongLatency, MaxPingPongBandwidth]
              pingpong:
                description: vc-pingpong from 0 bytes to 4 KiB, read by the IMB parser
                parser: imb
                command: ["{binary:pingpong}", "-msglog", "12"]
                placements: [inter-node]
                sweep: { processes: [2], threads: [1] }
                repetitions: 1
                timeout: 10m
                requires: [pingpong]
                metrics: [PingPong.latency, PingPong.bandwidth]
            """);

        var set = _project.Run(TimeSpan.FromMinutes(1), "config", "set", "virtcluster:sshKey", UserKey.PrivateKey, "--secret");
        if (set.Exit != 0)
        {
            throw new InvalidOperationException($"config set --secret failed ({set.Exit}): {set.Err}");
        }
    }

    /// <summary>The user's private key, kept only encrypted in the stack file.</summary>
    public SshKeyPair UserKey { get; } = SshKeyPair.Generate("e2e-user");

    public string Directory => _project.Directory;

    /// <summary>The NetPIPE wrapper the stack supplies, in the project folder.</summary>
    public string SuppliedNetPipe => Path.Combine(_project.Directory, "netpipe-wrapper.sh");

    public LabEnvironment Lab => _project.Lab;

    public string Node(int k) => _project.Node(k);

    public (int Exit, string Out, string Err) Run(TimeSpan timeout, params string[] args) => _project.Run(timeout, args);

    public void Dispose() => _project.Dispose();
}
