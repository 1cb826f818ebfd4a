#!/usr/bin/env bash
# Builds and runs every fuzz target (fuzz/fuzz_targets/) for N seconds each.
#
#   scripts/fuzz.sh [seconds] [target...]     (default: 60 s, all targets)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). cargo-fuzz passes
# nightly-only flags to rustc; RUSTC_BOOTSTRAP=1 lets a stable toolchain take
# them. Each run starts from the committed seeds in fuzz/corpus/<target>/ but
# writes what it discovers to fuzz/target/corpus/<target>/ (not committed).
# A crash stops the script with a non-zero status; the input is saved under
# fuzz/artifacts/<target>/ — minimise it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz tmin <target> fuzz/artifacts/<target>/crash-…
# and add it to fuzz/corpus/<target>/ once the bug is fixed, so
# `cargo test -p virtwire-protocol --test fuzz_corpus` (targets frame, body,
# connection), `cargo test -p virtwire-xml --test fuzz_corpus` (xml_*) or
# `cargo test -p virtwire-auth --test fuzz_corpus` (sasl_scram: SCRAM server
# messages through the SASL session) keeps checking it.
set -euo pipefail

seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
    exit 2
fi
export RUSTC_BOOTSTRAP=1
# Extra `cargo fuzz build/run` flags, e.g. FUZZ_FLAGS="--sanitizer none".
read -r -a build_flags <<<"${FUZZ_FLAGS:-}"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi

cargo fuzz build "${build_flags[@]}"
status=0
for t in "${targets[@]}"; do
    work="$root/fuzz/target/corpus/$t"
    mkdir -p "$work" "$root/fuzz/artifacts/$t"
    echo "== $t: ${seconds}s"
    log="$root/fuzz/target/fuzz-$t.log"
    if cargo fuzz run "${build_flags[@]}" "$t" "$work" "$root/fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
        # The last status line: executions, coverage, speed.
        grep -E '^#[0-9]+' "$log" | tail -n 1
        grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr '\n' ' '
        echo
    else
        status=1
        echo "fuzz.sh: $t failed; the last lines of $log:" >&2
        tail -n 40 "$log" >&2
    fi
done
exit $status
