/*
 * virtbench: throughput and client CPU cost of virDomainGetInfo through
 * libvirt's C client library, for comparison with virtwire.
 *
 *   virtbench [--calls N] [--warmup W] [--threads T1,T2,...] [--uri URI]
 *             [--skip-sequential]
 *             [--domain NAME] [N]
 *
 * Default URI: test+unix:///default?socket=$VIRTWIRE_LIBVIRTD_SOCK
 * (the private daemon from scripts/libvirtd.sh); default domain "test".
 *
 * Modes, all on ONE virConnectPtr and ONE virDomainPtr:
 *   sequential   N calls in the main thread
 *   concurrent   for each T: T threads, each doing its share of N calls
 *
 * One JSON object per line on stdout:
 *   {"impl":"c","mode":"sequential"|"concurrent","tasks":T,"calls":N,
 *    "seconds":s,"calls_per_sec":x,"cpu_us_per_call":y}
 * seconds is wall clock (CLOCK_MONOTONIC); cpu_us_per_call is this
 * process's user+sys time (getrusage RUSAGE_SELF, all threads, including
 * libvirt's event thread) over the run, divided by the number of calls.
 * Any libvirt error: message on stderr, exit 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "bench_common.h"

#define MAX_THREAD_SETS 16

static virDomainPtr g_dom;
static pthread_barrier_t g_barrier;

static void die(const char *what)
{
    const char *msg = virGetLastErrorMessage();
    fprintf(stderr, "virtbench: %s failed: %s\n", what, msg ? msg : "unknown error");
    exit(1);
}

/* Keep libvirt's default handler from printing every error a second time. */
static void quiet_error(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: virtbench [--calls N] [--warmup W] [--threads T1,T2,...]\n"
            "                 [--uri URI] [--domain NAME] [N]\n");
    exit(2);
}

/* This program's name in argument errors. */
static long parse_long(const char *s, const char *what)
{
    return parse_positive("virtbench", s, what);
}



static void get_info_n(long n)
{
    virDomainInfo info;
    for (long i = 0; i < n; i++) {
        if (virDomainGetInfo(g_dom, &info) < 0)
            die("virDomainGetInfo");
    }
}

static void report(const char *mode, int tasks, long calls, double secs, double cpu)
{
    printf("{\"impl\":\"c\",\"mode\":\"%s\",\"tasks\":%d,\"calls\":%ld,"
           "\"seconds\":%.6f,\"calls_per_sec\":%.1f,\"cpu_us_per_call\":%.3f}\n",
           mode, tasks, calls, secs, (double)calls / secs, cpu * 1e6 / (double)calls);
    fflush(stdout);
}

static void *worker(void *arg)
{
    long n = (long)(intptr_t)arg;
    /* Released together with the main thread, which starts the clocks. */
    pthread_barrier_wait(&g_barrier);
    get_info_n(n);
    return NULL;
}

static void run_concurrent(int t, long calls)
{
    pthread_t *tids = calloc((size_t)t, sizeof(*tids));
    if (!tids) {
        perror("calloc");
        exit(1);
    }
    int rc = pthread_barrier_init(&g_barrier, NULL, (unsigned)t + 1);
    if (rc) {
        fprintf(stderr, "virtbench: pthread_barrier_init: %s\n", strerror(rc));
        exit(1);
    }
    for (int i = 0; i < t; i++) {
        long share = calls / t + (i < calls % t ? 1 : 0);
        rc = pthread_create(&tids[i], NULL, worker, (void *)(intptr_t)share);
        if (rc) {
            fprintf(stderr, "virtbench: pthread_create: %s\n", strerror(rc));
            exit(1);
        }
    }
    /* Threads exist and wait; measure only the calls. */
    pthread_barrier_wait(&g_barrier);
    double c0 = cpu_sec(), t0 = now_sec();
    for (int i = 0; i < t; i++)
        pthread_join(tids[i], NULL);
    double t1 = now_sec(), c1 = cpu_sec();
    pthread_barrier_destroy(&g_barrier);
    free(tids);
    report("concurrent", t, calls, t1 - t0, c1 - c0);
}

int main(int argc, char **argv)
{
    long calls = 20000, warmup = 2000;
    int threads[MAX_THREAD_SETS] = {1, 8, 64};
    int nthreads = 3, skip_sequential = 0;
    const char *uri = NULL, *domain = "test";
    char uribuf[4096];

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            usage();
        if (a[0] != '-') {
            calls = parse_long(a, "call count");
            continue;
        }
        if (!strcmp(a, "--skip-sequential")) {
            skip_sequential = 1;
            continue;
        }
        if (i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--calls") || !strcmp(a, "-n")) {
            calls = parse_long(v, "call count");
        } else if (!strcmp(a, "--warmup")) {
            warmup = parse_long(v, "warmup count");
        } else if (!strcmp(a, "--uri")) {
            uri = v;
        } else if (!strcmp(a, "--domain")) {
            domain = v;
        } else if (!strcmp(a, "--threads")) {
            char *copy = strdup(v), *save = NULL;
            nthreads = 0;
            for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (nthreads == MAX_THREAD_SETS)
                    usage();
                threads[nthreads++] = (int)parse_long(tok, "thread count");
            }
            free(copy);
        } else {
            usage();
        }
    }

    if (!uri) {
        const char *sock = getenv("VIRTWIRE_LIBVIRTD_SOCK");
        if (!sock || !*sock) {
            fprintf(stderr, "virtbench: set VIRTWIRE_LIBVIRTD_SOCK (eval \"$(scripts/libvirtd.sh env)\") or pass --uri\n");
            return 2;
        }
        snprintf(uribuf, sizeof(uribuf), "test+unix:///default?socket=%s", sock);
        uri = uribuf;
    }
    for (int i = 0; i < nthreads; i++) {
        if (calls < threads[i]) {
            fprintf(stderr, "virtbench: %ld calls is fewer than %d threads\n", calls, threads[i]);
            return 2;
        }
    }

    if (virInitialize() < 0)
        die("virInitialize");
    virSetErrorFunc(NULL, quiet_error);

    virConnectPtr conn = virConnectOpen(uri);
    if (!conn)
        die("virConnectOpen");
    g_dom = virDomainLookupByName(conn, domain);
    if (!g_dom)
        die("virDomainLookupByName");

    get_info_n(warmup);

    if (!skip_sequential) {
        double c0 = cpu_sec(), t0 = now_sec();
        get_info_n(calls);
        double t1 = now_sec(), c1 = cpu_sec();
        report("sequential", 1, calls, t1 - t0, c1 - c0);
    }

    for (int i = 0; i < nthreads; i++)
        run_concurrent(threads[i], calls);

    virDomainFree(g_dom);
    if (virConnectClose(conn) < 0)
        die("virConnectClose");
    return 0;
}
