#!/usr/bin/env bash
# Build the C benchmarks into target/bench (repo-relative): virtbench,
# eventbench and connbench (libvirt's client library) and rawbench (no
# library: pre-encoded frames on a blocking socket, the floor).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
pkg-config --exists libvirt || { echo "build.sh: libvirt dev files not found (run scripts/install-libvirt.sh)" >&2; exit 1; }
mkdir -p "$ROOT/target/bench"
# shellcheck disable=SC2046
gcc -O2 -std=gnu11 -Wall -Wextra -o "$ROOT/target/bench/virtbench" "$ROOT/bench/c/virtbench.c" \
    $(pkg-config --cflags --libs libvirt) -lpthread
# shellcheck disable=SC2046
gcc -O2 -std=gnu11 -Wall -Wextra -o "$ROOT/target/bench/eventbench" "$ROOT/bench/c/eventbench.c" \
    $(pkg-config --cflags --libs libvirt) -lpthread
# shellcheck disable=SC2046
gcc -O2 -std=gnu11 -Wall -Wextra -o "$ROOT/target/bench/connbench" "$ROOT/bench/c/connbench.c" \
    $(pkg-config --cflags --libs libvirt)
gcc -O2 -std=gnu11 -Wall -Wextra -o "$ROOT/target/bench/rawbench" "$ROOT/bench/c/rawbench.c"
echo "built virtbench, eventbench, connbench and rawbench in $ROOT/target/bench" >&2
