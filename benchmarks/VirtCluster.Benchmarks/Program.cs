using VirtCluster.Benchmarks.Engine;
using VirtCluster.Engine.Cli;

// `engine`: the engine's performance table. `cli ...`: the engine's command line over the cluster-shaped program
// (used by the whole-process measurement and by the engine's crash-safety tests).
return args switch
{
    ["engine", .. var rest] => await EngineBenchmark.RunAsync(rest),
    ["cli", .. var rest] => await EngineCli.RunAsync(rest, new EngineHost(ClusterGraph.FromConfig, ClusterGraph.ProvidersFromConfig)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: VirtCluster.Benchmarks engine [--runs N] [--hosts 16,64,256,1024]");
    Console.Error.WriteLine("       VirtCluster.Benchmarks cli VERB [options]   (the engine CLI over a cluster-shaped program)");
    return 2;
}
