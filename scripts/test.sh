#!/usr/bin/env bash
# Runs every test: unit, golden, generated round-trip, recorded frames, fuzz
# corpora, libvirt's own XML test data, zero-copy checks, and the live tests
# against the private libvirtd and sshd (started here if they are not
# running). Run scripts/setup.sh once first.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$VIRTWIRE_ROOT"

scripts/fetch-protocol.sh
scripts/fetch-xml-testdata.sh
scripts/libvirtd.sh start
scripts/sshd.sh start
scripts/sasl-daemon.sh start
cargo test --workspace --all-targets --no-run
# Each live-test binary has its own watchdog (tests/src/lib.rs); this bounds
# the whole run too, so a hung daemon cannot hold CI for its full budget.
timeout --kill-after=30s "${VIRTWIRE_TEST_TIMEOUT:-40m}" cargo test --workspace --all-targets
cargo test --workspace --doc
