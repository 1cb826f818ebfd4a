#!/usr/bin/env bash
# Build the C libvirt benchmark: target/bench/virtbench (repo-relative).
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
echo "built $ROOT/target/bench/virtbench and eventbench" >&2
