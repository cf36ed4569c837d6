/*
 * vc-pingpong: a small MPI ping-pong that prints its results in the table format of the Intel(R) MPI
 * Benchmarks' PingPong, so that the IMB parser reads them. It is NOT IMB: it measures the same thing
 * in the same way (rank 0 sends a message to rank 1 and waits for it to come back; the time printed
 * is half the round trip), but none of IMB's code, options or checks are here.
 *
 *   mpirun -np 2 vc-pingpong [-msglog [MINLOG:]MAXLOG]
 *
 * Message sizes are 0 and 2^MINLOG .. 2^MAXLOG bytes (default 0:22, i.e. 0, 1, 2, 4, ... 4 MiB, IMB's
 * default). Each size is repeated 1000 times, fewer for large messages so that each size moves at most
 * 40 MiB per direction (IMB's default iteration policy: 640 repetitions at 64 KiB down to 10 at 4 MiB).
 * One untimed round trip before each size keeps connection set-up out of the first measurement.
 *
 * Mbytes/sec is bytes / t[usec], i.e. 10^6 bytes per second, as IMB 2018 and later print it; the header
 * names a 2019 table format so that parsers apply that convention.
 *
 * Built into the node image by images/hpc-node.yaml (build step vc-pingpong) and on a bare-metal
 * machine by scripts/setup, both as /usr/local/bin/vc-pingpong with the machine's mpicc.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPETITIONS 1000
#define VOLUME_PER_SIZE (40L * 1024 * 1024)
#define LARGEST_LOG 30

static int parse_msglog(int argc, char **argv, int *min_log, int *max_log)
{
    *min_log = 0;
    *max_log = 22;
    if (argc == 1) {
        return 1;
    }
    if (argc != 3 || strcmp(argv[1], "-msglog") != 0) {
        return 0;
    }
    char end;
    if (sscanf(argv[2], "%d:%d%c", min_log, max_log, &end) != 2) {
        *min_log = 0;
        if (sscanf(argv[2], "%d%c", max_log, &end) != 1) {
            return 0;
        }
    }
    return *min_log >= 0 && *min_log <= *max_log && *max_log <= LARGEST_LOG;
}

static long repetitions_for(long size)
{
    if (size == 0 || VOLUME_PER_SIZE / size >= REPETITIONS) {
        return REPETITIONS;
    }
    long repetitions = VOLUME_PER_SIZE / size;
    return repetitions > 0 ? repetitions : 1;
}

/* One round trip of `size` bytes between ranks 0 and 1. */
static void round_trip(int rank, char *send, char *receive, long size)
{
    if (rank == 0) {
        MPI_Send(send, (int)size, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
        MPI_Recv(receive, (int)size, MPI_BYTE, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        MPI_Recv(receive, (int)size, MPI_BYTE, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(send, (int)size, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
    }
}

static void print_header(long smallest, long largest)
{
    printf("#------------------------------------------------------------\n");
    printf("#    Intel(R) MPI Benchmarks 2019 table format, vc-pingpong (a small IMB-compatible ping-pong, not IMB)\n");
    printf("#------------------------------------------------------------\n");
    printf("# Minimum message length in bytes:   %ld\n", smallest);
    printf("# Maximum message length in bytes:   %ld\n", largest);
    printf("#\n");
    printf("# MPI_Datatype                   :   MPI_BYTE\n");
    printf("#\n");
    printf("# List of Benchmarks to run:\n\n");
    printf("# PingPong\n\n");
    printf("#---------------------------------------------------\n");
    printf("# Benchmarking PingPong\n");
    printf("# #processes = 2\n");
    printf("#---------------------------------------------------\n");
    printf("%13s%13s%13s%13s\n", "#bytes", "#repetitions", "t[usec]", "Mbytes/sec");
    fflush(stdout);
}

/* Times `repetitions` round trips on rank 0 and prints the row; rank 1 only answers. */
static void measure(int rank, char *send, char *receive, long size)
{
    long repetitions = repetitions_for(size);
    round_trip(rank, send, receive, size);
    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (long i = 0; i < repetitions; i++) {
        round_trip(rank, send, receive, size);
    }
    double seconds = MPI_Wtime() - start;
    if (rank == 0) {
        double one_way_usec = seconds * 1e6 / (2.0 * (double)repetitions);
        double mbytes_per_sec = size == 0 ? 0.0 : (double)size / one_way_usec;
        printf("%13ld%13ld%13.2f%13.2f\n", size, repetitions, one_way_usec, mbytes_per_sec);
        fflush(stdout);
    }
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, ranks;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);

    int min_log, max_log;
    if (!parse_msglog(argc, argv, &min_log, &max_log)) {
        if (rank == 0) {
            fprintf(stderr, "usage: mpirun -np 2 %s [-msglog [MINLOG:]MAXLOG] (0 <= MINLOG <= MAXLOG <= %d)\n", argv[0], LARGEST_LOG);
        }
        MPI_Finalize();
        return 2;
    }
    if (ranks != 2) {
        if (rank == 0) {
            fprintf(stderr, "%s: needs exactly 2 MPI processes (mpirun -np 2), got %d\n", argv[0], ranks);
        }
        MPI_Finalize();
        return 2;
    }

    long largest = 1L << max_log;
    char *send = malloc((size_t)largest);
    char *receive = malloc((size_t)largest);
    if (send == NULL || receive == NULL) {
        fprintf(stderr, "%s: cannot allocate 2 x %ld bytes of message buffers\n", argv[0], largest);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    memset(send, rank + 1, (size_t)largest);
    memset(receive, 0, (size_t)largest);

    if (rank == 0) {
        print_header(0, largest);
    }
    measure(rank, send, receive, 0);
    for (int log = min_log; log <= max_log; log++) {
        measure(rank, send, receive, 1L << log);
    }

    if (rank == 0) {
        printf("\n\n# All processes entering MPI_Finalize\n\n");
        fflush(stdout);
    }
    free(send);
    free(receive);
    MPI_Finalize();
    return 0;
}
