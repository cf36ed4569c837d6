namespace VirtCluster.Tests.Bench.Parsers;

/// <summary>
/// NPB-MZ outputs written from the format description (no freely licensed real output exists): a job
/// script looping over process counts, with launcher noise, an NPB 3.4 run and a run killed at wall time.
/// </summary>
internal static class NpbMzOutputs
{
    public static string Completed(string benchmark, string version, int processes, int threadsPerProcess, string time,
        string mopsTotal, string mopsPerThread, string verification = "SUCCESSFUL") =>
        $"""
          {benchmark} Benchmark Completed.
          Class           =                        C
          Size            =            480x  320x 28
          Iterations      =                      400
          Time in seconds =                    {time}
          Total processes =                        {processes}
          Total threads   =                        {processes * threadsPerProcess}
          Mop/s total     =                 {mopsTotal}
          Mop/s/thread    =                  {mopsPerThread}
          Operation type  =           floating point
          Verification    =               {verification}
          Version         =                    {version}
          Compile date    =              18 Jan 2011

          Compile options:
             MPIF77       = mpif77
             FLINK        = $(MPIF77)
             FFLAGS       = -O3 -fopenmp
             RAND         = (none)


          Please send all errors/feedbacks to:

          NPB Development Team
          npb@nas.nasa.gov

         """;

    public static string Progress(int processes, int threads) =>
        $"""


          Number of zones:  16 x  16
          Iterations: 400    dt:   0.000067
          Number of active processes:    {processes}
          Total number of threads:    {processes * threads}  (  {threads}.0 threads/process)

          Time step    1
          Time step   20
          Time step  400
          Verification being performed for class C
          accuracy setting for epsilon =  0.1000000000000E-07
          Comparison of RMS-norms of residual
                    1 0.1125590409344E+07 0.1125590409344E+07 0.6206074793583E-14
          Verification Successful

         """;

    /// <summary>Four runs: SP-MZ 4 and 8 processes (3.3), a killed 16-process run, and a BT-MZ 3.4 run.</summary>
    public static string JobScript() =>
        "+ for np in 4 8 16\n+ mpirun -np 4 -x OMP_NUM_THREADS=2 ./sp-mz.C.x\n"
        + "[0] MPI startup(): Multi-threaded optimized library\n"
        + " NAS Parallel Benchmarks (NPB3.3-MZ-MPI) - SP-MZ MPI+OpenMP Benchmark\n"
        + "[node01:04321] MCW rank 0 bound to socket 0[core 0[hwt 0]], socket 0[core 1[hwt 0]]: [B/B/./.][./././.]\n"
        + Progress(4, 2)
        + Completed("SP-MZ", "3.3", 4, 2, "86.45", "17205.61", "2150.70")
        + "+ mpirun -np 8 -x OMP_NUM_THREADS=2 ./sp-mz.C.x\n"
        + " NAS Parallel Benchmarks (NPB3.3-MZ-MPI) - SP-MZ MPI+OpenMP Benchmark\n"
        + Progress(8, 2)
        + Completed("SP-MZ", "3.3", 8, 2, "44.12", "33711.38", "2106.96")
        + "+ mpirun -np 16 -x OMP_NUM_THREADS=2 ./sp-mz.C.x\n"
        + " NAS Parallel Benchmarks (NPB3.3-MZ-MPI) - SP-MZ MPI+OpenMP Benchmark\n"
        + Progress(16, 2)
        + "slurmstepd: error: *** JOB 4242 ON node01 CANCELLED AT 2011-01-18T10:00:00 DUE TO TIME LIMIT ***\n"
        + " NAS Parallel Benchmarks (NPB3.4-MZ MPI+OpenMP) - BT-MZ Benchmark\n"
        + " Total mesh size:   480 x   320 x    28\n"
        + Progress(4, 2)
        + Completed("BT-MZ", "3.4.1", 4, 2, "132.06", "22913.08", "2864.13");
}
