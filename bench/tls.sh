#!/usr/bin/env bash
# virtwire vs libvirt's C client over TLS, against the private libvirtd's TLS
# listener (scripts/libvirtd.sh, PKI from scripts/tls-pki.sh), in the same
# run: virDomainGetInfo on test:///default sequentially and with 8 concurrent
# tasks (C: 8 threads) on one connection, and the time to open a connection
# (TCP, TLS handshake with client certificate, confirmation byte, auth list,
# CONNECT_OPEN).
#
#   bench/tls.sh [--calls N] [--conns N] [--reps R]
#
#   --calls N   calls per mode (default 20000)
#   --conns N   connections opened one after another (default 200)
#   --reps R    runs per implementation, alternating (default 3); the table
#               keeps the best run of each
#
# VIRTWIRE_BENCH_ARGS adds arguments for the Rust calls side, e.g.
# "--busy-poll-us 50".
# Raw JSON lines go to target/bench/tls-<timestamp>.jsonl.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

CALLS=20000
CONNS=200
REPS=3
while [[ $# -gt 0 ]]; do
    case $1 in
        --calls) CALLS=$2; shift 2 ;;
        --conns) CONNS=$2; shift 2 ;;
        --reps) REPS=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "bench/tls.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

say() { printf '[bench] %s\n' "$*" >&2; }

scripts/libvirtd.sh status >/dev/null 2>&1 || scripts/libvirtd.sh start
eval "$(scripts/libvirtd.sh env)"
URI="test+tls://$VIRTWIRE_LIBVIRTD_TLS/default?pkipath=$VIRTWIRE_PKI_DIR/client"

bench/c/build.sh >&2
say "building virtwire examples (release)"
cargo build --release -p virtwire --example bench_get_info --example conn_bench >&2
RUST_CALLS=$ROOT/target/release/examples/bench_get_info
RUST_CONNS=$ROOT/target/release/examples/conn_bench

mkdir -p target/bench
OUT=$ROOT/target/bench/tls-$(date -u +%Y%m%dT%H%M%SZ).jsonl
: >"$OUT"
for ((r = 1; r <= REPS; r++)); do
    say "run $r/$REPS"
    target/bench/virtbench --calls "$CALLS" --threads 8 --uri "$URI" | tee -a "$OUT" >&2
    # shellcheck disable=SC2086 # VIRTWIRE_BENCH_ARGS is a word list
    "$RUST_CALLS" --calls "$CALLS" --tasks 8 --uri "$URI" ${VIRTWIRE_BENCH_ARGS:-} 2>/dev/null | tee -a "$OUT" >&2
    target/bench/connbench --count "$CONNS" --uri "$URI" | tee -a "$OUT" >&2
    "$RUST_CONNS" --count "$CONNS" --uri "$URI" 2>/dev/null | tee -a "$OUT" >&2
done

echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "host:     $(uname -srm), nproc $(nproc)"
echo "libvirt:  library $(pkg-config --modversion libvirt), daemon $(libvirtd --version 2>/dev/null | awk '{print $NF}')"
echo "workload: $URI"
echo "          $CALLS calls per mode, $CONNS connections, best of $REPS runs"
echo "virtwire: ${VIRTWIRE_BENCH_ARGS:-default settings}"
echo "results:  $OUT"
python3 - "$OUT" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
def best(impl, pred, key, low=False):
    vals = [r[key] for r in rows if r.get("impl") == impl and pred(r)]
    if not vals:
        return None
    return min(vals) if low else max(vals)
print()
print(f"{'measure':<34}{'C':>12}{'virtwire':>12}{'ratio':>8}")
def line(name, pred, key, low=False, fmt="{:.0f}"):
    c, v = best("c", pred, key, low), best("virtwire", pred, key, low)
    if c is None or v is None:
        print(f"{name:<34}{'-':>12}{'-':>12}")
        return
    ratio = (c / v) if low else (v / c)
    print(f"{name:<34}{fmt.format(c):>12}{fmt.format(v):>12}{ratio:>7.2f}x")
calls = lambda mode, t: (lambda r: r.get("mode") == mode and r.get("tasks") == t and "calls_per_sec" in r)
line("calls/s sequential", calls("sequential", 1), "calls_per_sec")
line("calls/s 8 concurrent", calls("concurrent", 8), "calls_per_sec")
line("CPU us/call sequential", calls("sequential", 1), "cpu_us_per_call", low=True, fmt="{:.1f}")
line("CPU us/call 8 concurrent", calls("concurrent", 8), "cpu_us_per_call", low=True, fmt="{:.1f}")
conns = lambda r: "open_us_per_conn" in r
line("open us/conn (lower is better)", conns, "open_us_per_conn", low=True)
line("open CPU us/conn", conns, "open_cpu_us_per_conn", low=True)
print("ratio: virtwire's advantage (>1 is better for virtwire)")
PY
