using VirtCluster.Bench.Model;

namespace VirtCluster.Bench.Mpi;

/// <summary>Everything that decides an Open MPI <c>mpirun</c> command line for one run.</summary>
/// <param name="Program">The program and its arguments, as rendered from the suite.</param>
/// <param name="Processes">Total MPI ranks (-np).</param>
/// <param name="Threads">OpenMP threads per rank, exported as OMP_NUM_THREADS.</param>
/// <param name="Placement">How ranks are mapped and bound.</param>
/// <param name="Hostfile">Path of the hostfile on the launching node; null to run on the local node only.</param>
/// <param name="Rankfile">Path of a rankfile on the launching node that maps and binds every rank; replaces the placement's options.</param>
/// <param name="CpuList">For <see cref="Placement.IntraSocket"/>: logical CPU ids of one socket to bind the pair to, e.g. <c>0,1</c>.</param>
/// <param name="Btl">Byte transfer layers to allow, e.g. <c>tcp,self</c> between VMs without RDMA; null for Open MPI's choice.</param>
/// <param name="AsRoot">Open MPI refuses to run as root unless told to.</param>
/// <param name="Environment">Extra variables to export to every rank.</param>
/// <param name="Mpirun">The launcher to call.</param>
public sealed record MpiLaunch(
    IReadOnlyList<string> Program,
    int Processes,
    int Threads,
    Placement Placement,
    string? Hostfile = null,
    string? CpuList = null,
    string? Rankfile = null,
    string? Btl = null,
    bool AsRoot = false,
    IReadOnlyDictionary<string, string>? Environment = null,
    string Mpirun = "mpirun");
