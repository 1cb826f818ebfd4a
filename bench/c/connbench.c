/*
 * connbench: many connections from one process through libvirt's C client
 * library, for comparison with virtwire's client/examples/conn_bench.rs.
 *
 *   connbench [--count N] [--uri URI]
 *
 * Default URI: test+unix:///default?socket=$VIRTWIRE_LIBVIRTD_SOCK (the
 * private daemon from scripts/libvirtd.sh); default count 2000.
 *
 * One connection is opened first and kept (library and driver set-up is
 * not a per-connection cost); then, in one thread:
 *   1. VmRSS, RssAnon and Threads from /proc/self/status
 *   2. virConnectOpen N times, one after another (timed, wall and CPU)
 *   3. /proc/self/status again: the idle connections' memory and threads
 *   4. virConnectGetHostname on every connection: each must answer
 *   5. /proc/self/status once more, then every connection is closed
 *
 * One JSON object on stdout:
 *   {"impl":"c","mode":"sequential","conns":N,"open_secs":s,
 *    "open_us_per_conn":x,"open_cpu_us_per_conn":y,"rss_before_kib":a,
 *    "rss_idle_kib":b,"rss_after_calls_kib":c,"rss_kib_per_conn":(b-a)/N,
 *    "anon_kib_per_conn":...,"threads_before":t0,"threads_idle":t1,
 *    "threads_after_calls":t2,"answered":N,"calls_secs":s}
 * Any failure: message on stderr, exit 1.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "bench_common.h"

struct status {
    long rss_kib, anon_kib, threads;
};

static void die(const char *what, long i)
{
    const char *msg = virGetLastErrorMessage();
    fprintf(stderr, "connbench: %s (connection %ld) failed: %s\n", what, i, msg ? msg : "unknown error");
    exit(1);
}

static void quiet_error(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}



static struct status read_status(void)
{
    struct status s = {-1, -1, -1};
    char line[256];
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) {
        perror("connbench: /proc/self/status");
        exit(1);
    }
    while (fgets(line, sizeof(line), f)) {
        sscanf(line, "VmRSS: %ld", &s.rss_kib);
        sscanf(line, "RssAnon: %ld", &s.anon_kib);
        sscanf(line, "Threads: %ld", &s.threads);
    }
    fclose(f);
    return s;
}

int main(int argc, char **argv)
{
    long count = 2000;
    const char *uri = NULL;
    char uribuf[4096];

    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc) {
            fprintf(stderr, "usage: connbench [--count N] [--uri URI]\n");
            return 2;
        }
        const char *a = argv[i], *v = argv[++i];
        if (!strcmp(a, "--count")) {
            char *end;
            count = strtol(v, &end, 10);
            if (*end || count <= 0) {
                fprintf(stderr, "connbench: bad --count '%s'\n", v);
                return 2;
            }
        } else if (!strcmp(a, "--uri")) {
            uri = v;
        } else {
            fprintf(stderr, "usage: connbench [--count N] [--uri URI]\n");
            return 2;
        }
    }
    if (!uri) {
        const char *sock = getenv("VIRTWIRE_LIBVIRTD_SOCK");
        if (!sock || !*sock) {
            fprintf(stderr, "connbench: set VIRTWIRE_LIBVIRTD_SOCK (eval \"$(scripts/libvirtd.sh env)\") or pass --uri\n");
            return 2;
        }
        snprintf(uribuf, sizeof(uribuf), "test+unix:///default?socket=%s", sock);
        uri = uribuf;
    }

    virConnectPtr *conns = calloc((size_t)count, sizeof(*conns));
    if (!conns) {
        perror("calloc");
        return 1;
    }
    if (virInitialize() < 0)
        die("virInitialize", -1);
    virSetErrorFunc(NULL, quiet_error);

    /* Warm-up: the first open loads and initialises the drivers. */
    virConnectPtr first = virConnectOpen(uri);
    if (!first)
        die("virConnectOpen", -1);
    char *host = virConnectGetHostname(first);
    if (!host)
        die("virConnectGetHostname", -1);
    free(host);

    struct status before = read_status();
    double c0 = cpu_sec(), t0 = now_sec();
    for (long i = 0; i < count; i++) {
        conns[i] = virConnectOpen(uri);
        if (!conns[i])
            die("virConnectOpen", i);
    }
    double t1 = now_sec(), c1 = cpu_sec();
    struct status idle = read_status();

    long answered = 0;
    double t2 = now_sec();
    for (long i = 0; i < count; i++) {
        host = virConnectGetHostname(conns[i]);
        if (!host)
            die("virConnectGetHostname", i);
        free(host);
        answered++;
    }
    double t3 = now_sec();
    struct status after = read_status();

    printf("{\"impl\":\"c\",\"mode\":\"sequential\",\"conns\":%ld,\"open_secs\":%.6f,"
           "\"open_us_per_conn\":%.1f,\"open_cpu_us_per_conn\":%.1f,"
           "\"rss_before_kib\":%ld,\"rss_idle_kib\":%ld,\"rss_after_calls_kib\":%ld,"
           "\"rss_kib_per_conn\":%.3f,\"anon_kib_per_conn\":%.3f,"
           "\"threads_before\":%ld,\"threads_idle\":%ld,\"threads_after_calls\":%ld,"
           "\"answered\":%ld,\"calls_secs\":%.6f}\n",
           count, t1 - t0, (t1 - t0) * 1e6 / (double)count, (c1 - c0) * 1e6 / (double)count,
           before.rss_kib, idle.rss_kib, after.rss_kib,
           (double)(idle.rss_kib - before.rss_kib) / (double)count,
           (double)(idle.anon_kib - before.anon_kib) / (double)count,
           before.threads, idle.threads, after.threads, answered, t3 - t2);
    fflush(stdout);

    for (long i = 0; i < count; i++) {
        if (virConnectClose(conns[i]) < 0)
            die("virConnectClose", i);
    }
    virConnectClose(first);
    free(conns);
    return answered == count ? 0 : 1;
}
