/*
 * Event delivery through libvirt's C library, the counterpart of virtwire's
 * client/examples/event_bench.rs in its sequential mode: subscribe to the
 * lifecycle events of one running test-driver domain, suspend and resume it
 * N/2 times one call after another, and report events per second from the
 * first call to the last event and each event's latency from the start of
 * the call that caused it. One JSON line with "impl":"c".
 *
 *   eventbench URI [EVENTS]
 */
#include <libvirt/libvirt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench_common.h"

static double *sent, *arrived;
static int want, got;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static volatile int quit;



static int on_lifecycle(virConnectPtr c, virDomainPtr d, int event, int detail, void *opaque)
{
    (void)c; (void)d; (void)event; (void)detail; (void)opaque;
    pthread_mutex_lock(&lock);
    if (got < want)
        arrived[got++] = now_sec();
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
    return 0;
}

static void *loop(void *arg)
{
    (void)arg;
    while (!quit)
        virEventRunDefaultImpl();
    return NULL;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: eventbench URI [EVENTS]\n");
        return 2;
    }
    want = argc > 2 ? atoi(argv[2]) : 2000;
    sent = calloc(want, sizeof(double));
    arrived = calloc(want, sizeof(double));
    virEventRegisterDefaultImpl();
    pthread_t thread;
    pthread_create(&thread, NULL, loop, NULL);
    virConnectPtr conn = virConnectOpen(argv[1]);
    if (!conn)
        return 1;
    char xml[512];
    snprintf(xml, sizeof(xml),
             "<domain type='test'><name>vwbench-cevents-%d</name><memory>65536</memory>"
             "<vcpu>1</vcpu><os><type>hvm</type></os></domain>", (int)getpid());
    virDomainPtr dom = virDomainCreateXML(conn, xml, 0);
    if (!dom)
        return 1;
    int id = virConnectDomainEventRegisterAny(conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                              VIR_DOMAIN_EVENT_CALLBACK(on_lifecycle), NULL, NULL);
    if (id < 0)
        return 1;
    double c0 = cpu_sec(), t0 = now_sec();
    for (int i = 0; i < want; i++) {
        sent[i] = now_sec();
        if ((i % 2 ? virDomainResume(dom) : virDomainSuspend(dom)) < 0)
            return 1;
    }
    pthread_mutex_lock(&lock);
    while (got < want) {
        struct timespec limit;
        clock_gettime(CLOCK_REALTIME, &limit);
        limit.tv_sec += 30;
        if (pthread_cond_timedwait(&cond, &lock, &limit) != 0) {
            fprintf(stderr, "eventbench: only %d of %d events\n", got, want);
            return 1;
        }
    }
    pthread_mutex_unlock(&lock);
    double wall = now_sec() - t0, used = cpu_sec() - c0;
    for (int i = 0; i < want; i++)
        sent[i] = arrived[i] - sent[i];
    qsort(sent, want, sizeof(double), cmp);
    printf("{\"impl\":\"c\",\"mode\":\"sequential\",\"events\":%d,\"secs\":%.6f,\"events_per_sec\":%.0f,"
           "\"latency_us_p50\":%.0f,\"latency_us_p99\":%.0f,\"cpu_us_per_event\":%.2f}\n",
           want, wall, want / wall, sent[(int)((want - 1) * 0.5)] * 1e6,
           sent[(int)((want - 1) * 0.99)] * 1e6, used * 1e6 / want);
    virConnectDomainEventDeregisterAny(conn, id);
    virDomainDestroy(dom);
    virDomainFree(dom);
    quit = 1;
    virConnectClose(conn);
    return 0;
}
