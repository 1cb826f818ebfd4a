/*
 * Helpers shared by the C benchmark programs: wall and CPU clocks, and
 * strict parsing of positive numeric arguments. Header-only (static), so
 * build.sh still compiles each program from its one source file.
 */
#ifndef VIRTWIRE_BENCH_COMMON_H
#define VIRTWIRE_BENCH_COMMON_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* Monotonic wall time in seconds. */
static inline double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* User plus system CPU time of this process, in seconds. */
static inline double cpu_sec(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* A positive decimal number, or exit(2) naming `program` and `what`. */
static inline long parse_positive(const char *program, const char *s, const char *what)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v <= 0) {
        fprintf(stderr, "%s: bad %s: '%s'\n", program, what, s);
        exit(2);
    }
    return v;
}

#endif
