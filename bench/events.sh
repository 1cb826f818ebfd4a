#!/usr/bin/env bash
# Event delivery: libvirt's C library (bench/c/eventbench.c) vs virtwire
# (client/examples/event_bench.rs), a burst of lifecycle events from the
# private libvirtd's test driver, in the same run, alternating.
#
#   bench/events.sh [--events N] [--reps R]
#
# Prints each run's JSON line, then the best of R for each (highest events/s;
# lowest latency and CPU independently) and virtwire's ratios to C.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
EVENTS=2000
REPS=3
while [[ $# -gt 0 ]]; do
    case $1 in
        --events) EVENTS=$2; shift 2 ;;
        --reps) REPS=$2; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "bench/events.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
scripts/libvirtd.sh start >/dev/null
# shellcheck disable=SC1091
source /tmp/virtwire-libvirtd/env
URI="test+unix:///default?socket=$VIRTWIRE_LIBVIRTD_SOCK"
bench/c/build.sh 2>/dev/null
cargo build -q --release -p virtwire --example event_bench
OUT=$(mktemp)
for ((i = 0; i < REPS; i++)); do
    timeout 120 target/bench/eventbench "$URI" "$EVENTS" | tee -a "$OUT"
    timeout 120 target/release/examples/event_bench --uri "$URI" --events "$EVENTS" --mode sequential | tee -a "$OUT"
done
timeout 120 target/release/examples/event_bench --uri "$URI" --events "$EVENTS" --mode burst | tee -a "$OUT"
python3 - "$OUT" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
best = {}
for r in rows:
    key = (r["impl"], r["mode"])
    b = best.setdefault(key, dict(r))
    b["events_per_sec"] = max(b["events_per_sec"], r["events_per_sec"])
    for k in ("latency_us_p50", "latency_us_p99", "cpu_us_per_event"):
        b[k] = min(b[k], r[k])
print(f"\n{'impl':9} {'mode':11} {'events/s':>9} {'p50 us':>8} {'p99 us':>8} {'CPU us/ev':>10}")
for (impl, mode), b in sorted(best.items()):
    print(f"{impl:9} {mode:11} {b['events_per_sec']:9.0f} {b['latency_us_p50']:8.0f} {b['latency_us_p99']:8.0f} {b['cpu_us_per_event']:10.1f}")
c, v = best.get(("c", "sequential")), best.get(("virtwire", "sequential"))
if c and v:
    print(f"\nvirtwire / C (sequential): events/s {v['events_per_sec']/c['events_per_sec']:.2f}x, "
          f"p50 latency {v['latency_us_p50']/c['latency_us_p50']:.2f}x, "
          f"CPU per event {v['cpu_us_per_event']/c['cpu_us_per_event']:.2f}x")
PY
rm -f "$OUT"
