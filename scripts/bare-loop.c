/* The bare loop in C: per position-month, draw a number, compare it with a monthly
 * default probability and take an annuity step rounded to the cent. None of the model; a
 * reference for what a compiler makes of the floor (docs/performance.md, "The bare loop").
 *
 *   gcc -O2 scripts/bare-loop.c -o /tmp/bare-loop -lpthread && /tmp/bare-loop 2 20000
 *   gcc -O3 -march=native -ffast-math scripts/bare-loop.c -o /tmp/bare-loop -lpthread
 *   add -DSPLITMIX64 for the 64-bit generator of Benchmarks/.../BareLoop.swift
 *
 * Arguments: threads, groups of LANES loans (each loan runs 120 months). Prints
 * position-months per second over all threads, and a checksum so nothing is optimised away. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { LANES = 64, MONTHS = 120 };

typedef struct {
    long groups;
    uint64_t seed;
    int64_t checksum;
} Job;

static void *run(void *argument) {
    Job *job = argument;
    const double rate = 0.04 / 12;      /* EUR 20,000 at 4% over 60 months */
    const int64_t instalment = 36833;
    int64_t total = 0, balance[LANES];
#ifdef SPLITMIX64
    const uint64_t threshold = (uint64_t)(0.003 * 18446744073709551616.0);
    uint64_t state[LANES];
#else
    const uint32_t threshold = (uint32_t)(0.003 * 4294967296.0);
    uint32_t state[LANES];
#endif
    for (int k = 0; k < LANES; k++) state[k] = job->seed * 1000 + k + 1;
    for (long g = 0; g < job->groups; g++) {
        for (int k = 0; k < LANES; k++) balance[k] = 2000000;
        for (int m = 0; m < MONTHS; m++) {
            for (int k = 0; k < LANES; k++) {
#ifdef SPLITMIX64
                uint64_t z = (state[k] += 0x9E3779B97F4A7C15ULL);
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
                z ^= z >> 31;
#else
                uint32_t z = state[k]; /* xorshift32 */
                z ^= z << 13; z ^= z >> 17; z ^= z << 5;
                state[k] = z;
#endif
                int defaults = z < threshold;
                int64_t b = balance[k];
                total += defaults ? b : 0;
                b = defaults ? 0 : b;
                int64_t principal = instalment - (int64_t)((double)b * rate + 0.5);
                balance[k] = b - (principal < b ? principal : b);
            }
        }
        for (int k = 0; k < LANES; k++) total += balance[k];
    }
    job->checksum = total;
    return NULL;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 2;
    long groups = argc > 2 ? atol(argv[2]) : 20000;
    if (threads < 1 || threads > 64 || groups < 1) {
        fprintf(stderr, "usage: bare-loop THREADS(1-64) GROUPS(>0)\n");
        return 2;
    }
    Job jobs[64];
    pthread_t ids[64];
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int t = 0; t < threads; t++) {
        jobs[t] = (Job){groups, (uint64_t)t + 1, 0};
        pthread_create(&ids[t], NULL, run, &jobs[t]);
    }
    int64_t checksum = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        checksum += jobs[t].checksum;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) * 1e-9;
    printf("%.3g position-months/s (checksum %lld)\n",
           (double)threads * groups * LANES * MONTHS / seconds, (long long)checksum);
    return 0;
}
