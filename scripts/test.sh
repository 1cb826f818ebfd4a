#!/usr/bin/env bash
# Runs every test: unit, golden, generated round-trip, recorded frames, fuzz
# corpora, libvirt's own XML test data, zero-copy checks, and the live tests
# against the private libvirtd (started here if it is not running). Run
# scripts/setup.sh once first.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$VIRTWIRE_ROOT"

scripts/fetch-protocol.sh
scripts/fetch-xml-testdata.sh
scripts/libvirtd.sh start
cargo test --workspace --all-targets
cargo test --workspace --doc
