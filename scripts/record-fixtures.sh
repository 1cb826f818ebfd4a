#!/usr/bin/env bash
# Records real libvirt RPC traffic as text fixtures in fixtures/frames/.
#
#   scripts/record-fixtures.sh [SCENARIO...]     (default: all scenarios)
#
# For each scenario it starts the recording proxy (protocol/examples/record.rs)
# on a private socket in front of the private libvirtd (scripts/libvirtd.sh,
# started if needed), runs one virsh connection through it, and writes
# fixtures/frames/SCENARIO.frames. Idempotent: it recreates the files and
# removes every object it defines (test-driver domain, storage pool, volumes).
# The admin scenario talks to the daemon's admin socket with virt-admin.
# Storage streams use a transient dir pool of the daemon's qemu:///system
# connection, because the test driver has no volume upload/download.
#
#   VIRTWIRE_FIXTURES_OUT   output folder (default fixtures/frames)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ROOT=$VIRTWIRE_ROOT
OUT=${VIRTWIRE_FIXTURES_OUT:-$ROOT/fixtures/frames}
RUN_DIR=${VIRTWIRE_RUN_DIR:-/tmp/virtwire-libvirtd}
POOL=vw-fixture-pool
POOL_DIR=/tmp/virtwire-fixture-pool   # fixed: its path appears in the frames
DOM=vw-fixture
WORK=$(mktemp -d /tmp/virtwire-rec.XXXXXX)
PROXY=$WORK/rec.sock

"$ROOT/scripts/libvirtd.sh" start >/dev/null
set -a; source "$RUN_DIR/env"; set +a
SOCK=$VIRTWIRE_LIBVIRTD_SOCK
TEST_URI="test+unix:///default?socket=$SOCK"
QEMU_URI="qemu+unix:///system?socket=$SOCK"

direct() { timeout 30 virsh -q -c "$@"; }

cleanup() {
    direct "$TEST_URI" "destroy $DOM; undefine $DOM" >/dev/null 2>&1 || true
    direct "$TEST_URI" "vol-delete --pool default-pool $DOM.img" >/dev/null 2>&1 || true
    direct "$QEMU_URI" "pool-destroy $POOL" >/dev/null 2>&1 || true
    rm -rf "$POOL_DIR" "$WORK"
}
trap cleanup EXIT
cleanup_start() { # leftovers of an interrupted earlier run
    direct "$TEST_URI" "destroy $DOM; undefine $DOM" >/dev/null 2>&1 || true
    direct "$QEMU_URI" "pool-destroy $POOL" >/dev/null 2>&1 || true
    rm -rf "$POOL_DIR"
}
cleanup_start

# The recorder: the cargo example if the crate builds, else the same file alone.
if (cd "$ROOT" && cargo build -q -p virtwire-protocol --example record) 2>"$WORK/build.log"; then
    REC=$ROOT/target/debug/examples/record
else
    log "crate does not build; compiling protocol/examples/record.rs with rustc"
    rustc --edition 2024 -O -o "$WORK/record" "$ROOT/protocol/examples/record.rs"
    REC=$WORK/record
fi

VERSION=$(direct "$TEST_URI" version --daemon | awk '/daemon/ {print $NF}')
[[ $VERSION == "$VIRTWIRE_LIBVIRT_VERSION" ]] || log "warning: daemon is $VERSION, not $VIRTWIRE_LIBVIRT_VERSION"
mkdir -p "$OUT"

# Quotes an argument for the command line shown in the fixture header.
show() { if [[ $1 =~ [^A-Za-z0-9_./:=-] ]]; then printf "'%s'" "$1"; else printf '%s' "$1"; fi; }

# record_run NAME UPSTREAM SHOWN CMD...: runs CMD (with @PROXY@ replaced by
# the proxy's socket path) as the one client connection through the proxy;
# SHOWN is the command line for the header. Sets REC_RC to CMD's exit status.
record_run() {
    local name=$1 upstream=$2 shown=$3 a pid i rc=0 cmd=()
    shift 3
    for a in "$@"; do cmd+=("${a//@PROXY@/$PROXY}"); done
    rm -f "$PROXY"
    "$REC" --listen "$PROXY" --upstream "$upstream" --out "$WORK/$name.frames" --scenario "$name" \
        --command "$shown" --libvirtd-version "$VERSION" 2>"$WORK/$name.rec" &
    pid=$!
    for i in $(seq 50); do [[ -S $PROXY ]] && break; sleep 0.1; done
    [[ -S $PROXY ]] || die "$name: proxy did not start"
    timeout 120 "${cmd[@]}" >"$WORK/$name.out" 2>&1 || rc=$?
    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; die "$name: proxy did not finish"; fi
    wait "$pid" || { cat "$WORK/$name.rec" >&2; die "$name: recorder failed"; }
    mv "$WORK/$name.frames" "$OUT/$name.frames"
    REC_RC=$rc
    log "$name: $(grep -c '^C' "$OUT/$name.frames") C / $(grep -c '^S' "$OUT/$name.frames") S frames, $(basename "$1") exit $rc"
}

# record NAME URI ARGS...: one virsh connection (virt-admin for libvirtd:// URIs)
# through the proxy.
record() {
    local name=$1 uri=$2 tool=virsh upstream=$SOCK shown a
    shift 2
    if [[ $uri == libvirtd://* ]]; then tool=virt-admin upstream=$VIRTWIRE_LIBVIRTD_ADMIN_SOCK; fi
    shown="$tool -c '${uri}?socket=<proxy>'"
    for a in "$@"; do shown+=" $(show "$a")"; done
    record_run "$name" "$upstream" "$shown" "$tool" -c "$uri?socket=@PROXY@" "$@"
}

# expect_out NAME PATTERN COUNT: the client printed COUNT lines matching PATTERN.
expect_out() {
    local n
    n=$(grep -c -- "$2" "$WORK/$1.out" || true)
    [[ $n -eq $3 ]] || { cat "$WORK/$1.out" >&2; die "$1: $n lines match '$2', expected $3"; }
}

# at SECONDS CMD...: runs CMD once SECONDS have passed since T0 (set by the caller).
at() {
    local wait
    wait=$(awk -v t="$1" -v t0="$T0" -v now="$(date +%s.%N)" 'BEGIN { w = t0 + t - now; print (w > 0 ? w : 0) }')
    sleep "$wait"
    shift
    "$@"
}

cat >"$WORK/domain.xml" <<EOF
<domain type='test'>
  <name>$DOM</name>
  <uuid>5c2a7d1e-0f3b-4b8e-9a61-7669727477ff</uuid>
  <memory unit='KiB'>65536</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>
EOF
LIFECYCLE="define $WORK/domain.xml; start $DOM; suspend $DOM; resume $DOM; destroy $DOM; undefine $DOM"

# A 32 KiB volume: 8 KiB of text, a hole, 4 KiB of text (so sparse streams see holes).
make_volume() {
    head -c 8192 < <(yes 'virtwire fixture volume data') >"$1"
    truncate -s 32K "$1"
    head -c 4096 < <(yes 'end of the virtwire fixture') | dd of="$1" bs=4096 seek=7 conv=notrunc status=none
}

scenario_list_all() { record list-all test+unix:///default list --all; }
scenario_dominfo() { record dominfo test+unix:///default dominfo test; }
scenario_nodeinfo() { record nodeinfo test+unix:///default nodeinfo; }
scenario_error_no_domain() { record error-no-domain test+unix:///default dominfo nosuchdomain; }
scenario_capabilities_hostname() { record capabilities-hostname test+unix:///default 'capabilities; hostname'; }
scenario_typed_params() {
    record typed-params test+unix:///default 'domstats; numatune test; blkiotune test; schedinfo test; memtune test'
}
scenario_domain_details() {
    record domain-details test+unix:///default \
        'vcpuinfo test; domblkinfo test vda; domblkstat test vda; dommemstat test; domfsinfo test; domifaddr test; dumpxml test'
}
scenario_net_pool_vol() {
    record net-pool-vol test+unix:///default "net-list --all; net-info default; pool-list --all; pool-info default-pool; \
vol-create-as default-pool $DOM.img 64k; vol-list default-pool --details; vol-delete --pool default-pool $DOM.img"
}
scenario_domain_lifecycle() { record domain-lifecycle test+unix:///default "$LIFECYCLE; list --all"; }
scenario_domain_events() {
    # The recorded connection listens for events while a second, direct
    # connection (same in-memory test driver) changes a domain's state.
    (sleep 1.5; direct "$TEST_URI" "$LIFECYCLE" >/dev/null) &
    local bg=$!
    record domain-events test+unix:///default event --all --loop --timeout 4
    wait "$bg"
}
scenario_screenshot() { record screenshot test+unix:///default screenshot test "$WORK/screen.png"; }
setup_pool() {
    rm -rf "$POOL_DIR"; mkdir -p "$POOL_DIR"
    make_volume "$POOL_DIR/data.img"
    direct "$QEMU_URI" "pool-create-as $POOL dir --target $POOL_DIR" >/dev/null
}
scenario_vol_download() {
    setup_pool
    record vol-download qemu+unix:///system vol-download --pool "$POOL" data.img "$WORK/dl.img"
    cmp "$WORK/dl.img" "$POOL_DIR/data.img" || die "vol-download: content differs"
    direct "$QEMU_URI" "pool-destroy $POOL" >/dev/null
}
scenario_vol_download_sparse() {
    setup_pool
    record vol-download-sparse qemu+unix:///system vol-download --sparse --pool "$POOL" data.img "$WORK/dls.img"
    cmp "$WORK/dls.img" "$POOL_DIR/data.img" || die "vol-download-sparse: content differs"
    direct "$QEMU_URI" "pool-destroy $POOL" >/dev/null
}
scenario_vol_upload_sparse() {
    setup_pool
    make_volume "$WORK/up.img"
    direct "$QEMU_URI" "vol-create-as $POOL up.img 32k" >/dev/null
    record vol-upload-sparse qemu+unix:///system vol-upload --sparse --pool "$POOL" up.img "$WORK/up.img"
    cmp "$WORK/up.img" "$POOL_DIR/up.img" || die "vol-upload-sparse: content differs"
    direct "$QEMU_URI" "pool-destroy $POOL" >/dev/null
}
scenario_qemu_lxc_errors() {
    # The test driver implements neither program's calls: CALLs of the qemu
    # and lxc programs, answered by error REPLYs.
    record qemu-lxc-errors test+unix:///default "qemu-monitor-command test '{\"execute\":\"query-status\"}'; \
qemu-agent-command test '{\"execute\":\"guest-ping\"}'; lxc-enter-namespace test --noseclabel -- /bin/true"
}
scenario_admin() {
    record admin libvirtd:///system "version; srv-list; srv-threadpool-info libvirtd; srv-clients-info libvirtd; \
daemon-log-filters; daemon-log-outputs; client-info libvirtd 999999"
}
scenario_keepalive() {
    # virsh pings after 5 s idle (and the daemon does too, after
    # CONNECT_SUPPORTS_FEATURE(10)), so 12 idle seconds give PING/PONG pairs.
    record keepalive test+unix:///default event --event lifecycle --timeout 12
}

ALL=(list-all dominfo nodeinfo error-no-domain capabilities-hostname typed-params domain-details
    net-pool-vol domain-lifecycle domain-events screenshot vol-download vol-download-sparse
    vol-upload-sparse qemu-lxc-errors admin keepalive)
for s in "${@:-${ALL[@]}}"; do
    declare -F "scenario_${s//-/_}" >/dev/null || die "unknown scenario $s (known: ${ALL[*]})"
    "scenario_${s//-/_}"
done
log "fixtures in $OUT"
