#!/usr/bin/env bash
# Per-call syscalls, context switches (sleeps and wake-ups) and CPU of each
# client, and of the daemon serving it, for `domain_get_info` on
# test:///default through the private libvirtd: the floor
# (bench/c/rawbench.c), libvirt's C library (bench/c/virtbench.c) and
# virtwire (client/examples/bench_get_info.rs), one mode at a time, counted
# by `perf stat` (software events and the raw_syscalls tracepoint; exact
# whatever else the machine runs, unlike the timings). The daemon's CPU is
# also split between its event-loop thread (the main thread, which does all
# socket and TLS work) and its RPC worker threads.
#
#   bench/counts.sh [--calls N] [--modes seq,8,64] [--vw "label=ARGS" ...]
#
#   --calls N    calls per mode (default 20000)
#   --modes L    seq and/or concurrency levels (default seq,8,64); the floor
#                runs a pipeline of that depth
#   --vw L=ARGS  an extra virtwire variant with bench_get_info ARGS, e.g.
#                --vw "busy0=--busy-poll-us 0" (repeatable); "virtwire"
#                (defaults) always runs
#   --runtime R  current (default) or multi, for every virtwire variant
#   --uri URI    C and virtwire connect here instead of the private daemon's
#                unix socket (e.g. its TLS listener, see bench/tls.sh); the
#                floor, which speaks only unix, is left out
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
CALLS=20000
MODES=seq,8,64
RUNTIME=current
URI=
VARIANTS=("virtwire=")
while [[ $# -gt 0 ]]; do
    case $1 in
        --calls) CALLS=$2; shift 2 ;;
        --modes) MODES=$2; shift 2 ;;
        --vw) VARIANTS+=("$2"); shift 2 ;;
        --runtime) RUNTIME=$2; shift 2 ;;
        --uri) URI=$2; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "bench/counts.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
command -v perf >/dev/null || { echo "bench/counts.sh: needs perf (apt-get install linux-perf)" >&2; exit 2; }
scripts/libvirtd.sh status >/dev/null 2>&1 || scripts/libvirtd.sh start
eval "$(scripts/libvirtd.sh env)"
bench/c/build.sh >/dev/null
cargo build --release -q -p virtwire --example bench_get_info
RAW=target/bench/rawbench C=target/bench/virtbench VW=target/release/examples/bench_get_info
EVENTS=raw_syscalls:sys_enter,context-switches,task-clock
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# perf stat of the command and, at the same time, of the daemon (per
# thread); prints "calls_per_sec syscalls cswitches cpu_us  daemon_syscalls
# daemon_cswitches daemon_cpu_us  loop_cpu_us workers_cpu_us".
count() {
    perf stat -x, --per-thread -e "$EVENTS" -p "$VIRTWIRE_LIBVIRTD_PID" -o "$TMP/daemon" &
    local daemon=$!
    sleep 0.2
    perf stat -x, -e "$EVENTS" -o "$TMP/client" -- "$@" >"$TMP/out" 2>"$TMP/err" || { cat "$TMP/err" >&2; kill -INT $daemon; return 1; }
    kill -INT $daemon; wait $daemon || true
    python3 - "$TMP/client" "$TMP/daemon" "$CALLS" "$TMP/out" "$VIRTWIRE_LIBVIRTD_PID" <<'PY'
import json, sys
def read(path, main_tid=None):
    total, main = {}, {}
    for line in open(path):
        f = line.strip().split(",")
        if main_tid is None:
            # Not per thread: value, unit, event.
            if len(f) > 2 and f[0][:1].isdigit():
                total[f[2]] = total.get(f[2], 0) + float(f[0])
            continue
        if len(f) < 4 or not f[1][:1].isdigit():
            continue
        # Per thread: name-tid, value, unit, event.
        value, event = float(f[1]), f[3]
        total[event] = total.get(event, 0) + value
        if f[0].rsplit("-", 1)[-1] == main_tid:
            main[event] = main.get(event, 0) + value
    return total, main
calls = float(sys.argv[3])
rate = 0.0
for line in open(sys.argv[4]):
    if line.startswith("{"):
        rate = json.loads(line).get("calls_per_sec", rate)
client, _ = read(sys.argv[1])
daemon, loop = read(sys.argv[2], sys.argv[5])
def per(v):
    return [v.get("raw_syscalls:sys_enter", 0) / calls, v.get("context-switches", 0) / calls,
            v.get("task-clock", 0) * 1e3 / calls]
loop_us = loop.get("task-clock", 0) * 1e3 / calls
out = per(client) + per(daemon) + [loop_us, daemon.get("task-clock", 0) * 1e3 / calls - loop_us]
print("%.0f " % rate + " ".join("%.2f" % x for x in out))
PY
}

FMT='%-10s %-5s | %8s | %8s %8s %8s | %8s %8s %8s | %8s %8s\n'
printf "$FMT" impl mode "calls/s" "sys/call" "cs/call" "cpu_us" "d.sys" "d.cs" "d.cpu_us" "loop_us" "wkrs_us"
IFS=, read -ra modes <<<"$MODES"
for mode in "${modes[@]}"; do
    if [[ $mode == seq ]]; then
        raw=(--depths "") c=(--threads "") vw=(--tasks "")
    else
        raw=(--skip-sequential --depths "$mode") c=(--skip-sequential --threads "$mode") vw=(--skip-sequential --tasks "$mode")
    fi
    if [[ -n $URI ]]; then
        c+=(--uri "$URI") vw+=(--uri "$URI")
    else
        printf "$FMT" raw "$mode" $(count $RAW --calls "$CALLS" --warmup 100 "${raw[@]}")
    fi
    printf "$FMT" C "$mode" $(count $C --calls "$CALLS" --warmup 100 "${c[@]}")
    for variant in "${VARIANTS[@]}"; do
        label=${variant%%=*} args=${variant#*=}
        # shellcheck disable=SC2086
        printf "$FMT" "$label" "$mode" $(count $VW --calls "$CALLS" --warmup 100 --runtime "$RUNTIME" "${vw[@]}" $args)
    done
done
echo "(per call; the connection's setup is included and negligible at $CALLS calls; cs = context switches;"
echo " loop_us and wkrs_us: the daemon's CPU in its event-loop thread and in all its other threads)"
