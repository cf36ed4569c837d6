/*
 * vc-jacobi: a small MPI application for parallel efficiency. It relaxes the heat equation on a fixed
 * N x N grid by Jacobi iteration (each inner point becomes the mean of its four neighbours; the top edge
 * is held at 1, the other edges at 0). The rows are split in blocks over the ranks, which exchange their
 * boundary rows with their neighbours every iteration. The problem does not grow with the ranks (strong
 * scaling), so ideally N ranks finish in 1/N of the one-rank time.
 *
 *   mpirun -np RANKS vc-jacobi [N [ITERATIONS]]
 *
 * N defaults to 512 and ITERATIONS to 500. Rank 0 prints the grid, the ranks, a checksum (the sum of
 * the inner rows' points, the same for any rank count) and the time from a barrier before the first iteration to
 * the end of the last, as 'Elapsed time = SECONDS', the form suites read with the regex parser.
 *
 * Built into the node image by images/hpc-node.yaml (build step vc-jacobi) and on a bare-metal machine
 * by scripts/setup, both as /usr/local/bin/vc-jacobi with the machine's mpicc.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int parse_count(const char *text, int smallest, int *value)
{
    char end;
    return sscanf(text, "%d%c", value, &end) == 1 && *value >= smallest;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, ranks;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);

    int n = 512, iterations = 500;
    if (argc > 3 || (argc > 1 && !parse_count(argv[1], 3, &n)) || (argc > 2 && !parse_count(argv[2], 1, &iterations))) {
        if (rank == 0) {
            fprintf(stderr, "usage: vc-jacobi [N [ITERATIONS]] (N at least 3, ITERATIONS at least 1)\n");
        }
        MPI_Finalize();
        return 2;
    }
    if (ranks > n - 2) {
        if (rank == 0) {
            fprintf(stderr, "vc-jacobi: %d ranks need a grid of at least %d rows, not %d\n", ranks, ranks + 2, n);
        }
        MPI_Finalize();
        return 2;
    }

    /* This rank's inner rows first..first+rows-1, with one halo row above and below. */
    int inner = n - 2;
    int rows = inner / ranks + (rank < inner % ranks ? 1 : 0);
    int first = 1 + rank * (inner / ranks) + (rank < inner % ranks ? rank : inner % ranks);
    size_t width = (size_t)n;
    double *grid = calloc((size_t)(rows + 2) * width, sizeof(double));
    double *next = calloc((size_t)(rows + 2) * width, sizeof(double));
    if (grid == NULL || next == NULL) {
        fprintf(stderr, "vc-jacobi: rank %d cannot allocate %d rows of %d points\n", rank, rows + 2, n);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    if (first == 1) {
        for (int j = 0; j < n; j++) {
            grid[j] = next[j] = 1.0;
        }
    }
    int up = rank > 0 ? rank - 1 : MPI_PROC_NULL;
    int down = rank < ranks - 1 ? rank + 1 : MPI_PROC_NULL;

    MPI_Barrier(MPI_COMM_WORLD);
    double start = MPI_Wtime();
    for (int step = 0; step < iterations; step++) {
        MPI_Sendrecv(&grid[1 * width], n, MPI_DOUBLE, up, 0, &grid[(size_t)(rows + 1) * width], n, MPI_DOUBLE, down, 0,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(&grid[(size_t)rows * width], n, MPI_DOUBLE, down, 1, &grid[0], n, MPI_DOUBLE, up, 1,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        for (int i = 1; i <= rows; i++) {
            for (int j = 1; j < n - 1; j++) {
                next[i * width + j] = 0.25 * (grid[(i - 1) * width + j] + grid[(i + 1) * width + j]
                                              + grid[i * width + j - 1] + grid[i * width + j + 1]);
            }
        }
        double *swap = grid;
        grid = next;
        next = swap;
    }
    MPI_Barrier(MPI_COMM_WORLD);
    double elapsed = MPI_Wtime() - start;

    double local = 0.0, total = 0.0;
    for (int i = 1; i <= rows; i++) {
        for (int j = 0; j < n; j++) {
            local += grid[i * width + j];
        }
    }
    MPI_Reduce(&local, &total, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("vc-jacobi: %d x %d grid, %d iterations on %d ranks\n", n, n, iterations, ranks);
        printf("Checksum = %.10e\n", total);
        printf("Elapsed time = %.6f\n", elapsed);
    }
    free(grid);
    free(next);
    MPI_Finalize();
    return 0;
}
