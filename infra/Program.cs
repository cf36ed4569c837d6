// The stack's program: the virtual cluster and its benchmark stage, declared with VirtCluster's Pulumi-shaped SDK.
// Run it through the launcher: ./virtcluster preview|up|destroy|refresh|stack output --stack NAME
using VirtCluster.Components;
using VirtCluster.Config;
using VirtCluster.Sdk;

return await Deployment.RunAsync(() =>
{
    // Every virtcluster:* key of Pulumi.STACK.yaml, checked: a bad value names its file, line and key.
    var config = new Config("virtcluster");
    var settings = ClusterSettings.Read(config);

    // One VM per host: facts and preflight on every host first, then pool, base image, network and the domains.
    var cluster = new VirtualCluster(settings.Stack, new VirtualClusterArgs
    {
        Settings = settings,
        ImageSpec = settings.ImageSpecPath,         // Debian with Open MPI, HPCC, NetPIPE, the InfiniBand tools
        Hosts = settings.Hosts,                     // real hosts over SSH, or this machine as a lab
        FirmwareMinimum = settings.FirmwareMinimum, // the paper updated its ConnectX from 2.6.00 to 2.7.80
        Hca = settings.Hca,
        Io = settings.Io,                           // passthrough: the host's HCA handed to the VM (VT-d)
        Hypervisor = settings.Hypervisor,
        Pinning = settings.Pinning,                 // strict: vCPU i on host CPU i, plus the emulator
        Sizing = settings.Node,                     // vCPUs, memory (host memory less a reserve), huge pages
        Network = settings.Network,
    });

    var outputs = new Dictionary<string, object?>
    {
        ["nodes"] = cluster.Nodes,
        ["preflight"] = cluster.Preflight,
    };

    if (settings.Bench.Enabled)
    {
        // MPI latency and throughput, NPB-MZ, HPCC, applications: on the VMs and on bare metal, side by side.
        var bench = new BenchmarkStage("bench", new BenchmarkStageArgs
        {
            Cluster = cluster,
            Suite = settings.Bench.SuitePath!,
            Benchmarks = settings.Bench.Benchmarks,
            BareMetal = settings.Bench.BareMetalHosts,
            Binaries = settings.Bench.Binaries,
            Mpi = settings.Bench.Mpi,                  // btl/pml: openib or UCX over a passed-through HCA, tcp over virtio
        });
        outputs["environments"] = bench.Environments;
        outputs["ratios"] = bench.Ratios;
        outputs["tables"] = bench.Tables;
        outputs["runs"] = bench.Runs;
        outputs["failures"] = bench.Failures;
        outputs["resultsFile"] = bench.ResultsFile;
        outputs["rawOutputs"] = bench.RawOutputs;
    }

    return Task.FromResult<IDictionary<string, object?>>(outputs);
});
