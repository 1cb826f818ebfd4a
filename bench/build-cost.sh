#!/usr/bin/env bash
# What virtwire costs a downstream crate to build: for each revision, a
# clean `cargo build --release` of a small library crate that lists domains
# through virtwire (src/lib.rs below), with the wall time, the time of the
# virtwire crates (cargo --timings) and the downstream .rlib's size.
#
#   bench/build-cost.sh [REV ...]
#
# Default revisions: before the typed API issue (bb2e60c^1), after its enums
# and flags (bb2e60c), before the object handles (5d8b76b^1) and HEAD.
# Each revision is checked out in a temporary git worktree with this
# checkout's protocol/xdr and protocol/api copied in; builds run one after
# another, so run it on a quiet machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[[ $# -gt 0 ]] || set -- 'bb2e60c^1' bb2e60c '5d8b76b^1' HEAD
WORK=$(mktemp -d)
cleanup() {
    for w in "$WORK"/src-*; do [[ -d $w ]] && git worktree remove --force "$w" >/dev/null 2>&1 || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

printf '%-12s %-9s %9s %9s %9s %9s %10s\n' rev commit "wall s" "protocol" "client" "auth" "rlib B"
i=0
for rev in "$@"; do
    i=$((i + 1))
    commit=$(git rev-parse --short "$rev")
    src=$WORK/src-$i down=$WORK/down-$i
    git worktree add -q --detach "$src" "$commit"
    cp -a protocol/xdr "$src/protocol/"
    [[ -d protocol/api ]] && cp -a protocol/api "$src/protocol/"
    mkdir -p "$down/src"
    cat >"$down/Cargo.toml" <<EOF
[package]
name = "downstream"
version = "0.1.0"
edition = "2024"

[dependencies]
virtwire = { path = "$src/client" }

[workspace]
EOF
    cat >"$down/src/lib.rs" <<'EOF'
//! A small program's use of virtwire: every domain's name and memory.
use virtwire::prelude::*;

/// The name and memory of every domain at `uri`.
pub async fn summary(uri: &str) -> virtwire::Result<Vec<(String, u64)>> {
    let client = virtwire::Client::connect(uri).await?;
    let mut out = Vec::new();
    for dom in client.connect_list_all_domains(1, 0).await?.domains {
        let info = client.domain_get_info(ARG).await?;
        out.push((dom.name.to_string(), info.memory));
    }
    Ok(out)
}
EOF
    # The raw layer took owned arguments until it took them borrowed.
    if grep -q "type Borrowed" "$src/protocol/src/procedure.rs"; then arg='\&dom'; else arg='dom.clone()'; fi
    sed -i "s/ARG/$arg/" "$down/src/lib.rs"
    cp "$src/Cargo.lock" "$down/"
    start=$(date +%s.%N)
    if ! (cd "$down" && cargo build --release -q --timings >"$WORK/build-$i.log" 2>&1); then
        cat "$WORK/build-$i.log" >&2
        echo "bench/build-cost.sh: the downstream crate does not build against $rev" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    python3 - "$down/target/cargo-timings/cargo-timing.html" "$rev" "$commit" "$start" "$end" \
        "$(stat -c %s "$down/target/release/libdownstream.rlib")" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
t = {}
for u in units:
    if "build" not in u.get("target", ""):
        t[u["name"]] = t.get(u["name"], 0) + u["duration"]
wall = float(sys.argv[5]) - float(sys.argv[4])
print("%-12s %-9s %9.1f %9.1f %9.1f %9.1f %10s" % (sys.argv[2], sys.argv[3], wall,
      t.get("virtwire-protocol", 0), t.get("virtwire", 0), t.get("virtwire-auth", 0), sys.argv[6]))
PY
done
echo "(seconds; protocol/client/auth: each crate's own compile time from cargo --timings)"
