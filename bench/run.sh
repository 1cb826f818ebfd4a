#!/usr/bin/env bash
# virtwire vs libvirt's C client: virDomainGetInfo on test:///default through
# the same private libvirtd (scripts/libvirtd.sh), in the same run, with the
# floor beside them: bench/c/rawbench.c, pre-encoded frames written to a
# blocking socket with no library at all.
#
#   bench/run.sh [--calls N] [--reps R] [--threads 1,8,64] [--depths 5,16,64]
#                [--strict]
#
#   --calls N    calls per mode (default 20000; each of T threads does N/T)
#   --reps R     runs per implementation, alternating raw, C, virtwire, ...
#                (default 2); the table keeps the best of the R runs
#   --threads L  thread counts for the C concurrent mode (default 1,8,64)
#   --depths L   pipeline depths for the floor (default 5,8,16,64); a depth
#                equal to a thread count shares its row in the table
#   --strict     exit 1 if any target is missed
#
# VIRTWIRE_BENCH_ARGS adds arguments for the Rust side, e.g.
# "--max-in-flight 16" or "--runtime multi".
#
# Rust side: `cargo build --release -p virtwire --example bench_get_info`, then
# the built binary is run as `bench_get_info --calls N` and must print the
# same JSON lines as bench/c/virtbench.c with "impl":"virtwire". If that
# example does not exist yet, only the C side runs.
# Raw JSON lines go to target/bench/results-<timestamp>.jsonl.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

CALLS=20000
REPS=2
THREADS=1,8,64
DEPTHS=5,8,16,64
STRICT=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --calls) CALLS=$2; shift 2 ;;
        --reps) REPS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --depths) DEPTHS=$2; shift 2 ;;
        --strict) STRICT=1; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ $CALLS =~ ^[0-9]+$ && $REPS =~ ^[0-9]+$ && $REPS -ge 1 ]] || { echo "bench/run.sh: bad --calls/--reps" >&2; exit 2; }

say() { printf '[bench] %s\n' "$*" >&2; }

# --- daemon -----------------------------------------------------------------
if ! scripts/libvirtd.sh status >/dev/null 2>&1; then
    say "starting private libvirtd"
    scripts/libvirtd.sh start
fi
eval "$(scripts/libvirtd.sh env)"
: "${VIRTWIRE_LIBVIRTD_SOCK:?no VIRTWIRE_LIBVIRTD_SOCK from scripts/libvirtd.sh env}"

# --- builds (outside any timing) --------------------------------------------
bench/c/build.sh
C_BIN=$ROOT/target/bench/virtbench
RAW_BIN=$ROOT/target/bench/rawbench

RUST_BIN=
have_example=$(cargo metadata --no-deps --format-version 1 2>/dev/null | python3 -c '
import json, sys
m = json.load(sys.stdin)
print(any(t["name"] == "bench_get_info" and "example" in t["kind"]
          for p in m["packages"] if p["name"] == "virtwire" for t in p["targets"]))
' || echo False)
if [[ $have_example == True ]]; then
    say "building virtwire example bench_get_info (release)"
    # The executable path comes from cargo's own build messages.
    RUST_BIN=$(cargo build --release -p virtwire --example bench_get_info --message-format=json 2>/dev/null |
        python3 -c '
import json, sys
exe = ""
for line in sys.stdin:
    try:
        msg = json.loads(line)
    except ValueError:
        continue
    if msg.get("reason") == "compiler-artifact" and msg.get("target", {}).get("name") == "bench_get_info" and msg.get("executable"):
        exe = msg["executable"]
print(exe)
')
    if [[ -z $RUST_BIN || ! -x $RUST_BIN ]]; then
        cargo build --release -p virtwire --example bench_get_info >&2 || true
        echo "bench/run.sh: building example bench_get_info failed" >&2
        exit 1
    fi
else
    say "virtwire example bench_get_info does not exist yet: running the C side only"
fi

# --- runs, alternating --------------------------------------------------------
mkdir -p target/bench
OUT=$ROOT/target/bench/results-$(date -u +%Y%m%dT%H%M%SZ).jsonl
: >"$OUT"
for ((r = 1; r <= REPS; r++)); do
    say "run $r/$REPS: raw (floor)"
    "$RAW_BIN" --calls "$CALLS" --depths "$DEPTHS" --socket "$VIRTWIRE_LIBVIRTD_SOCK" | tee -a "$OUT" >&2
    say "run $r/$REPS: C"
    "$C_BIN" --calls "$CALLS" --threads "$THREADS" | tee -a "$OUT" >&2
    if [[ -n $RUST_BIN ]]; then
        say "run $r/$REPS: virtwire"
        # shellcheck disable=SC2086 # VIRTWIRE_BENCH_ARGS is a word list
        "$RUST_BIN" --calls "$CALLS" ${VIRTWIRE_BENCH_ARGS:-} | tee -a "$OUT" >&2
    fi
done

# --- report -----------------------------------------------------------------
echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "host:     $(uname -srm), nproc $(nproc)"
echo "cpu:      $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
echo "libvirt:  library $(pkg-config --modversion libvirt), daemon $(libvirtd --version 2>/dev/null | awk '{print $NF}')"
echo "rustc:    $(rustc --version 2>/dev/null || echo '?')"
echo "workload: virDomainGetInfo on test:///default via unix socket, $CALLS calls per mode, best of $REPS runs each"
echo "floor:    rawbench, sequential and pipelines of depth $DEPTHS"
echo "results:  $OUT"
args=()
[[ $STRICT == 1 ]] && args+=(--strict)
[[ -z $RUST_BIN ]] && args+=(--c-only)
python3 bench/report.py "${args[@]}" "$OUT"
