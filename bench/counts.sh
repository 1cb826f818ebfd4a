#!/usr/bin/env bash
# Per-call syscalls, context switches (sleeps and wake-ups) and CPU of each
# client, and of the daemon serving it, for `domain_get_info` on
# test:///default through the private libvirtd: the floor
# (bench/c/rawbench.c), libvirt's C library (bench/c/virtbench.c) and
# virtwire (client/examples/bench_get_info.rs), one mode at a time, counted
# by `perf stat` (software events and the raw_syscalls tracepoint; exact
# whatever else the machine runs, unlike the timings).
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

# perf stat of the command and, at the same time, of the daemon; prints
# "syscalls cswitches cpu_us  daemon_syscalls daemon_cswitches daemon_cpu_us".
count() {
    perf stat -x, -e "$EVENTS" -p "$VIRTWIRE_LIBVIRTD_PID" -o "$TMP/daemon" &
    local daemon=$!
    sleep 0.2
    perf stat -x, -e "$EVENTS" -o "$TMP/client" -- "$@" >/dev/null 2>"$TMP/err" || { cat "$TMP/err" >&2; kill -INT $daemon; return 1; }
    kill -INT $daemon; wait $daemon || true
    python3 - "$TMP/client" "$TMP/daemon" "$CALLS" <<'PY'
import sys
def read(path):
    v = {}
    for line in open(path):
        f = line.strip().split(",")
        if len(f) > 2 and f[0] and f[0][0].isdigit():
            v[f[2]] = float(f[0])
    return v
calls = float(sys.argv[3])
out = []
for path in sys.argv[1:3]:
    v = read(path)
    out += [v.get("raw_syscalls:sys_enter", 0) / calls, v.get("context-switches", 0) / calls,
            v.get("task-clock", 0) * 1e3 / calls]
print(" ".join("%.2f" % x for x in out))
PY
}

printf '%-10s %-5s | %8s %8s %8s | %8s %8s %8s\n' impl mode "sys/call" "cs/call" "cpu_us" "d.sys" "d.cs" "d.cpu_us"
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
        printf '%-10s %-5s | %8s %8s %8s | %8s %8s %8s\n' raw "$mode" $(count $RAW --calls "$CALLS" --warmup 100 "${raw[@]}")
    fi
    printf '%-10s %-5s | %8s %8s %8s | %8s %8s %8s\n' C "$mode" $(count $C --calls "$CALLS" --warmup 100 "${c[@]}")
    for variant in "${VARIANTS[@]}"; do
        label=${variant%%=*} args=${variant#*=}
        # shellcheck disable=SC2086
        printf '%-10s %-5s | %8s %8s %8s | %8s %8s %8s\n' "$label" "$mode" $(count $VW --calls "$CALLS" --warmup 100 --runtime "$RUNTIME" "${vw[@]}" $args)
    done
done
echo "(per call; the connection's setup is included and negligible at $CALLS calls; cs = context switches)"
