/*
 * rawbench: the floor for virDomainGetInfo through libvirtd. No library, no
 * event loop, no decoding: pre-encoded RPC frames written to a BLOCKING
 * unix socket, replies split by their length word and checked by header.
 * What it costs is about what the daemon and the kernel cost; a client can
 * only add to it.
 *
 *   rawbench [--calls N] [--warmup W] [--depths D1,D2,...] [--socket PATH]
 *            [--skip-sequential]
 *            [--domain NAME]
 *
 * Default socket: $VIRTWIRE_LIBVIRTD_SOCK (the private daemon from
 * scripts/libvirtd.sh); default domain "test"; default depths 5,16,64.
 *
 * Handshake, the least the daemon accepts with auth "none":
 *   serial 0  CONNECT_OPEN (1) {name: "test:///default", flags: 0}
 *   serial 1  DOMAIN_LOOKUP_BY_NAME (23) {name}; its remote_nonnull_domain
 *             reply bytes are taken verbatim as DOMAIN_GET_INFO's args
 * then DOMAIN_GET_INFO (16) frames, serials counting up, in these modes:
 *   sequential   send one, read its reply, N times
 *   pipeline D   keep D calls outstanding: each reply read lets one more
 *                call go (all replies of one read() go out in one write())
 * and CONNECT_CLOSE (2) at the end.
 *
 * Every reply is checked: program, version, procedure, type REPLY, status
 * OK, and a serial that is outstanding (replies may come out of order).
 * Any mismatch or a daemon error: message on stderr, exit 1.
 *
 * One JSON object per line on stdout, virtbench.c's fields plus the depth:
 *   {"impl":"raw","mode":"sequential"|"pipeline","tasks":D,"depth":D,
 *    "calls":N,"seconds":s,"calls_per_sec":x,"cpu_us_per_call":y}
 * tasks is 1 for sequential and D for a pipeline; seconds is wall clock
 * (CLOCK_MONOTONIC); cpu_us_per_call is getrusage(RUSAGE_SELF) user+sys
 * over the run, divided by the number of calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "bench_common.h"

#define REMOTE_PROGRAM 0x20008086u
#define REMOTE_VERSION 1u
#define PROC_CONNECT_OPEN 1
#define PROC_CONNECT_CLOSE 2
#define PROC_DOMAIN_GET_INFO 16
#define PROC_DOMAIN_LOOKUP_BY_NAME 23
#define TYPE_CALL 0
#define TYPE_REPLY 1
#define STATUS_OK 0

#define HEADER_LEN 28       /* length word + 24-byte header */
#define SERIAL_OFFSET 20    /* of the serial within a frame */
#define MAX_FRAME (33554432 + 4)
#define MAX_DEPTHS 16
#define MAX_DEPTH 4096
/* Outstanding serials are flagged in a ring; a pipeline never spans it. */
#define RING 65536

static int g_fd = -1;
static uint32_t g_serial;           /* next serial to send */
static unsigned char g_pending[RING];

/* Bytes received and not yet consumed: g_rx[g_rx_off .. g_rx_len). */
static unsigned char *g_rx;
static size_t g_rx_cap = 256 * 1024, g_rx_off, g_rx_len;

static void fail(const char *fmt, const char *arg)
{
    fprintf(stderr, "rawbench: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static void usage(void)
{
    fprintf(stderr,
            "usage: rawbench [--calls N] [--warmup W] [--depths D1,D2,...]\n"
            "                [--socket PATH] [--domain NAME]\n");
    exit(2);
}

/* This program's name in argument errors. */
static long parse_long(const char *s, const char *what)
{
    return parse_positive("rawbench", s, what);
}



static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* A CALL frame of proc with payload; the serial is patched in later. */
static size_t encode_call(unsigned char *out, int proc, const unsigned char *payload, size_t len)
{
    put_u32(out, (uint32_t)(HEADER_LEN + len));
    put_u32(out + 4, REMOTE_PROGRAM);
    put_u32(out + 8, REMOTE_VERSION);
    put_u32(out + 12, (uint32_t)proc);
    put_u32(out + 16, TYPE_CALL);
    put_u32(out + 20, 0);
    put_u32(out + 24, STATUS_OK);
    if (len)
        memcpy(out + HEADER_LEN, payload, len);
    return HEADER_LEN + len;
}

/* XDR string: length, bytes, zero padding to 4. Returns bytes written. */
static size_t encode_string(unsigned char *out, const char *s)
{
    size_t n = strlen(s), padded = (n + 3) & ~(size_t)3;
    put_u32(out, (uint32_t)n);
    memset(out + 4, 0, padded);
    memcpy(out + 4, s, n);
    return 4 + padded;
}

static void write_all(const unsigned char *p, size_t len)
{
    while (len) {
        ssize_t n = write(g_fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail("write: %s", strerror(errno));
        }
        p += n;
        len -= (size_t)n;
    }
}

/* Blocks until at least one more byte arrived. */
static void fill(void)
{
    if (g_rx_off == g_rx_len) {
        g_rx_off = g_rx_len = 0;
    } else if (g_rx_len == g_rx_cap) {
        memmove(g_rx, g_rx + g_rx_off, g_rx_len - g_rx_off);
        g_rx_len -= g_rx_off;
        g_rx_off = 0;
    }
    for (;;) {
        ssize_t n = read(g_fd, g_rx + g_rx_len, g_rx_cap - g_rx_len);
        if (n > 0) {
            g_rx_len += (size_t)n;
            return;
        }
        if (n == 0)
            fail("%s", "the daemon closed the connection");
        if (errno != EINTR)
            fail("read: %s", strerror(errno));
    }
}

/* The next complete frame already received, or NULL (nothing consumed). */
static const unsigned char *next_frame(uint32_t *len)
{
    size_t have = g_rx_len - g_rx_off;
    if (have < 4)
        return NULL;
    uint32_t n = get_u32(g_rx + g_rx_off);
    if (n < HEADER_LEN || n > MAX_FRAME)
        fail("bad frame length from the daemon%s", "");
    if (n > g_rx_cap) {
        g_rx = realloc(g_rx, n);
        if (!g_rx)
            fail("%s", "out of memory");
        g_rx_cap = n;
    }
    if (have < n)
        return NULL;
    const unsigned char *frame = g_rx + g_rx_off;
    g_rx_off += n;
    *len = n;
    return frame;
}

/* Checks a reply's header; returns its serial, which must be outstanding. */
static uint32_t check_reply(const unsigned char *f, uint32_t len, int proc)
{
    uint32_t serial = get_u32(f + SERIAL_OFFSET);
    if (get_u32(f + 4) != REMOTE_PROGRAM || get_u32(f + 8) != REMOTE_VERSION)
        fail("reply from another program/version%s", "");
    if (get_u32(f + 16) != TYPE_REPLY)
        fail("a message that is not a REPLY (events or keepalive are not expected)%s", "");
    if ((int)get_u32(f + 12) != proc)
        fail("reply for an unexpected procedure%s", "");
    if (get_u32(f + 24) != STATUS_OK) {
        /* virNetMessageError: code, domain, message (nullable string) ... */
        char msg[512] = "?";
        if (len >= HEADER_LEN + 12 && get_u32(f + HEADER_LEN + 8)) {
            uint32_t n = get_u32(f + HEADER_LEN + 12);
            if (n < sizeof(msg) && HEADER_LEN + 16 + n <= len) {
                memcpy(msg, f + HEADER_LEN + 16, n);
                msg[n] = 0;
            }
        }
        fail("the daemon answered with an error: %s", msg);
    }
    if (!g_pending[serial % RING] || g_serial - serial > RING)
        fail("reply with a serial that is not outstanding%s", "");
    g_pending[serial % RING] = 0;
    return serial;
}

/* One call, then its reply; returns the reply (valid until the next read). */
static const unsigned char *call_once(unsigned char *frame, size_t len, int proc, uint32_t *reply_len)
{
    uint32_t serial = g_serial++;
    put_u32(frame + SERIAL_OFFSET, serial);
    g_pending[serial % RING] = 1;
    write_all(frame, len);
    const unsigned char *reply;
    while (!(reply = next_frame(reply_len)))
        fill();
    if (check_reply(reply, *reply_len, proc) != serial)
        fail("reply to another call%s", "");
    return reply;
}

static void sequential(unsigned char *frame, size_t len, long n)
{
    uint32_t reply_len;
    for (long i = 0; i < n; i++)
        call_once(frame, len, PROC_DOMAIN_GET_INFO, &reply_len);
}

/* n calls with depth outstanding at all times (until the last ones). */
static void pipeline(const unsigned char *frame, size_t len, long n, int depth)
{
    static unsigned char out[MAX_DEPTH * 256];
    long sent = 0, done = 0;
    int first = depth < n ? depth : (int)n;
    /* Sends k calls in one write. */
#define SEND_K(k)                                                            \
    do {                                                                     \
        size_t off = 0;                                                      \
        for (long j = 0; j < (k); j++) {                                     \
            if (g_pending[g_serial % RING])                                  \
                fail("%s", "too many calls outstanding for the serial ring"); \
            memcpy(out + off, frame, len);                                   \
            put_u32(out + off + SERIAL_OFFSET, g_serial);                    \
            g_pending[g_serial % RING] = 1;                                  \
            g_serial++;                                                      \
            off += len;                                                      \
        }                                                                    \
        write_all(out, off);                                                 \
        sent += (k);                                                         \
    } while (0)
    SEND_K(first);
    while (done < n) {
        fill();
        const unsigned char *reply;
        uint32_t reply_len;
        long got = 0;
        while ((reply = next_frame(&reply_len))) {
            check_reply(reply, reply_len, PROC_DOMAIN_GET_INFO);
            got++;
        }
        done += got;
        long more = n - sent < got ? n - sent : got;
        if (more > 0)
            SEND_K(more);
    }
#undef SEND_K
}

static void report(const char *mode, int depth, long calls, double secs, double cpu)
{
    printf("{\"impl\":\"raw\",\"mode\":\"%s\",\"tasks\":%d,\"depth\":%d,\"calls\":%ld,"
           "\"seconds\":%.6f,\"calls_per_sec\":%.1f,\"cpu_us_per_call\":%.3f}\n",
           mode, depth, depth, calls, secs, (double)calls / secs, cpu * 1e6 / (double)calls);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    long calls = 20000, warmup = 2000;
    int depths[MAX_DEPTHS] = {5, 16, 64};
    int ndepths = 3;
    const char *sock = getenv("VIRTWIRE_LIBVIRTD_SOCK"), *domain = "test";
    int skip_sequential = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--skip-sequential")) {
            skip_sequential = 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--calls") || !strcmp(a, "-n")) {
            calls = parse_long(v, "call count");
        } else if (!strcmp(a, "--warmup")) {
            warmup = parse_long(v, "warmup count");
        } else if (!strcmp(a, "--socket")) {
            sock = v;
        } else if (!strcmp(a, "--domain")) {
            domain = v;
        } else if (!strcmp(a, "--depths")) {
            char *copy = strdup(v), *save = NULL;
            ndepths = 0;
            for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                if (ndepths == MAX_DEPTHS)
                    usage();
                long d = parse_long(tok, "depth");
                if (d > MAX_DEPTH)
                    fail("depth over %s", "4096");
                depths[ndepths++] = (int)d;
            }
            free(copy);
        } else {
            usage();
        }
    }
    if (!sock || !*sock) {
        fprintf(stderr, "rawbench: set VIRTWIRE_LIBVIRTD_SOCK (eval \"$(scripts/libvirtd.sh env)\") or pass --socket\n");
        return 2;
    }
    if (strlen(domain) > 200)
        fail("domain name too long: %s", domain);

    g_rx = malloc(g_rx_cap);
    if (!g_rx)
        fail("%s", "out of memory");
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(sock) >= sizeof(addr.sun_path))
        fail("socket path too long: %s", sock);
    strcpy(addr.sun_path, sock);
    g_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (g_fd < 0 || connect(g_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
        fail("cannot connect to the daemon: %s", strerror(errno));

    unsigned char payload[512], frame[1024];
    uint32_t reply_len;
    size_t len;

    /* CONNECT_OPEN: remote_string name (present, "test:///default"), flags 0. */
    put_u32(payload, 1);
    len = 4 + encode_string(payload + 4, "test:///default");
    put_u32(payload + len, 0);
    len = encode_call(frame, PROC_CONNECT_OPEN, payload, len + 4);
    call_once(frame, len, PROC_CONNECT_OPEN, &reply_len);

    /* DOMAIN_LOOKUP_BY_NAME: the reply's payload is the remote_nonnull_domain. */
    len = encode_call(frame, PROC_DOMAIN_LOOKUP_BY_NAME, payload, encode_string(payload, domain));
    const unsigned char *reply = call_once(frame, len, PROC_DOMAIN_LOOKUP_BY_NAME, &reply_len);
    size_t dom_len = reply_len - HEADER_LEN;
    if (dom_len > sizeof(payload) || dom_len < 4 + 16 + 4)
        fail("unexpected DOMAIN_LOOKUP_BY_NAME reply size%s", "");
    memcpy(payload, reply + HEADER_LEN, dom_len);

    /* DOMAIN_GET_INFO { remote_nonnull_domain dom }, pre-encoded once. */
    size_t info_len = encode_call(frame, PROC_DOMAIN_GET_INFO, payload, dom_len);
    if (info_len > 256)
        fail("GET_INFO frame over 256 bytes%s", "");

    sequential(frame, info_len, warmup);

    if (!skip_sequential) {
        double c0 = cpu_sec(), t0 = now_sec();
        sequential(frame, info_len, calls);
        double t1 = now_sec(), c1 = cpu_sec();
        report("sequential", 1, calls, t1 - t0, c1 - c0);
    }

    for (int i = 0; i < ndepths; i++) {
        pipeline(frame, info_len, warmup, depths[i]);
        double c0 = cpu_sec(), t0 = now_sec();
        pipeline(frame, info_len, calls, depths[i]);
        double t1 = now_sec(), c1 = cpu_sec();
        report("pipeline", depths[i], calls, t1 - t0, c1 - c0);
    }

    len = encode_call(frame, PROC_CONNECT_CLOSE, NULL, 0);
    call_once(frame, len, PROC_CONNECT_CLOSE, &reply_len);
    close(g_fd);
    return 0;
}
