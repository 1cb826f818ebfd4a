#!/usr/bin/env bash
# Many connections from one process: libvirt's C client vs virtwire, against
# the same private libvirtd (scripts/libvirtd.sh), in the same run.
#
#   bench/conns.sh [--count N] [--reps R] [--parallel P] [--strict]
#
#   --count N     connections each run opens (default 2000)
#   --reps R      runs per implementation, alternating C, virtwire
#                 sequential, virtwire parallel, C, ... (default 2); the
#                 table keeps the best of the R runs
#   --parallel P  virtwire's parallel mode opens up to P at once (default 64)
#   --strict      exit 1 if any target is missed
#
# C: bench/c/connbench.c (virConnectOpen N times in one thread). virtwire:
# client/examples/conn_bench.rs on a current-thread runtime, the N opened one
# after another and, in a second process, up to P at a time. Each opens one
# connection first and keeps it, then measures: open time per connection,
# VmRSS (and RssAnon) per idle connection, Threads before and after, and
# that every connection answers connect_get_hostname afterwards.
#
# The daemon's max_clients (default 5000, all sockets) must exceed N + 1;
# scripts/libvirtd.sh sets 5000 and raises its own open-file limit. This
# script raises its own open-file limit too (the C client holds a socket
# and a wake-up pipe per connection).
# Raw JSON lines go to target/bench/conns-<timestamp>.jsonl.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

COUNT=2000
REPS=2
PARALLEL=64
STRICT=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --count) COUNT=$2; shift 2 ;;
        --reps) REPS=$2; shift 2 ;;
        --parallel) PARALLEL=$2; shift 2 ;;
        --strict) STRICT=1; shift ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "bench/conns.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
for v in "$COUNT" "$REPS" "$PARALLEL"; do
    [[ $v =~ ^[0-9]+$ && $v -ge 1 ]] || { echo "bench/conns.sh: bad --count/--reps/--parallel" >&2; exit 2; }
done

say() { printf '[conns] %s\n' "$*" >&2; }

# --- limits -----------------------------------------------------------------
need=$((COUNT * 4 + 256))
if (( $(ulimit -n) < need )); then
    hard=$(ulimit -Hn)
    if [[ $hard != unlimited ]] && (( hard < need )); then
        echo "bench/conns.sh: $COUNT connections need about $need open files; the hard limit is $hard" >&2
        exit 1
    fi
    ulimit -n "$need"
fi

# --- daemon -----------------------------------------------------------------
if ! scripts/libvirtd.sh status >/dev/null 2>&1; then
    say "starting private libvirtd"
    scripts/libvirtd.sh start
fi
eval "$(scripts/libvirtd.sh env)"
: "${VIRTWIRE_LIBVIRTD_SOCK:?no VIRTWIRE_LIBVIRTD_SOCK from scripts/libvirtd.sh env}"
daemon_files=$(awk '/^Max open files/ {print $4}' "/proc/$VIRTWIRE_LIBVIRTD_PID/limits" 2>/dev/null || echo "?")
if [[ $daemon_files =~ ^[0-9]+$ ]] && (( daemon_files < COUNT + 256 )); then
    say "warning: the daemon may open only $daemon_files files; restart it (scripts/libvirtd.sh stop; start)"
fi

# --- builds (outside any timing) --------------------------------------------
bench/c/build.sh
C_BIN=$ROOT/target/bench/connbench
say "building virtwire example conn_bench (release)"
RUST_BIN=$(cargo build --release -p virtwire --example conn_bench --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
exe = ""
for line in sys.stdin:
    try:
        msg = json.loads(line)
    except ValueError:
        continue
    if msg.get("reason") == "compiler-artifact" and msg.get("target", {}).get("name") == "conn_bench" and msg.get("executable"):
        exe = msg["executable"]
print(exe)
')
if [[ -z $RUST_BIN || ! -x $RUST_BIN ]]; then
    cargo build --release -p virtwire --example conn_bench >&2 || true
    echo "bench/conns.sh: building example conn_bench failed" >&2
    exit 1
fi

# --- runs, alternating --------------------------------------------------------
mkdir -p target/bench
OUT=$ROOT/target/bench/conns-$(date -u +%Y%m%dT%H%M%SZ).jsonl
: >"$OUT"
for ((r = 1; r <= REPS; r++)); do
    say "run $r/$REPS: C"
    "$C_BIN" --count "$COUNT" | tee -a "$OUT" >&2
    say "run $r/$REPS: virtwire sequential"
    "$RUST_BIN" --count "$COUNT" --mode sequential | tee -a "$OUT" >&2
    say "run $r/$REPS: virtwire parallel ($PARALLEL)"
    "$RUST_BIN" --count "$COUNT" --mode parallel --parallel "$PARALLEL" | tee -a "$OUT" >&2
done

# --- report -----------------------------------------------------------------
echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "host:     $(uname -srm), nproc $(nproc)"
echo "libvirt:  library $(pkg-config --modversion libvirt), daemon $(libvirtd --version 2>/dev/null | awk '{print $NF}')"
echo "rustc:    $(rustc --version 2>/dev/null || echo '?')"
echo "workload: $COUNT connections to test:///default via unix socket, best of $REPS runs each"
echo "results:  $OUT"
args=()
[[ $STRICT == 1 ]] && args+=(--strict)
python3 bench/conns_report.py "${args[@]}" "$OUT"
