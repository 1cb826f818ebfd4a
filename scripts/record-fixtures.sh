#!/usr/bin/env bash
# Records real libvirt RPC traffic as text fixtures in fixtures/frames/.
#
#   scripts/record-fixtures.sh [SCENARIO...]     (default: all scenarios)
#
# For each scenario it starts the recording proxy (protocol/examples/record.rs)
# on a private socket in front of the private libvirtd (scripts/libvirtd.sh,
# started if needed), runs one client connection through it (virsh; virt-admin
# for admin; python3-libvirt for graphics-fd), and writes
# fixtures/frames/SCENARIO.frames. Idempotent: it recreates the files and
# removes every object it defines (test-driver domain and network, storage
# pool, volumes, secret, tap, console guest).
# Storage streams use a transient dir pool of the daemon's qemu:///system
# connection, because the test driver has no volume upload/download.
# Event scenarios listen through the proxy while direct connections (or `ip`)
# trigger the events. console, qemu-monitor-event and graphics-fd use the
# disk-less console guest of scripts/console-guest.sh (QEMU/TCG).
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
NET=vw-fixture-net                          # test driver network
SECRET=5c2a7d1e-0f3b-4b8e-9a61-7669727477fe # ephemeral qemu:///system secret
NODE_TAP=vwfixtap0                          # tap created for node device events
GUEST=vw-fixture-console                    # console guest (scripts/console-guest.sh)
export VIRTWIRE_CONSOLE_TAP=vwfixcon0       # the guest's own tap
WORK=$(mktemp -d /tmp/virtwire-rec.XXXXXX)
PROXY=$WORK/rec.sock

"$ROOT/scripts/libvirtd.sh" start >/dev/null
set -a; source "$RUN_DIR/env"; set +a
SOCK=$VIRTWIRE_LIBVIRTD_SOCK
TEST_URI="test+unix:///default?socket=$SOCK"
QEMU_URI="qemu+unix:///system?socket=$SOCK"

direct() { timeout 30 virsh -q -c "$@"; }

remove_objects() {
    direct "$TEST_URI" "destroy $DOM; undefine $DOM" >/dev/null 2>&1 || true
    direct "$TEST_URI" "vol-delete --pool default-pool $DOM.img" >/dev/null 2>&1 || true
    direct "$QEMU_URI" "pool-destroy $POOL" >/dev/null 2>&1 || true
    direct "$QEMU_URI" "pool-undefine $POOL" >/dev/null 2>&1 || true
    direct "$QEMU_URI" "secret-undefine $SECRET" >/dev/null 2>&1 || true
    ip link del "$NODE_TAP" >/dev/null 2>&1 || true
    if direct "$QEMU_URI" "dominfo $GUEST" >/dev/null 2>&1; then
        "$ROOT/scripts/console-guest.sh" undefine "$GUEST" >/dev/null 2>&1 || true
    fi
    rm -rf "$POOL_DIR"
}
cleanup() {
    remove_objects
    rm -rf "$WORK"
}
trap cleanup EXIT
remove_objects # leftovers of an interrupted earlier run

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
scenario_vol_upload() {
    setup_pool
    make_volume "$WORK/up.img"
    direct "$QEMU_URI" "vol-create-as $POOL up.img 32k" >/dev/null
    record vol-upload qemu+unix:///system vol-upload --pool "$POOL" up.img "$WORK/up.img"
    cmp "$WORK/up.img" "$POOL_DIR/up.img" || die "vol-upload: content differs"
    direct "$QEMU_URI" "pool-destroy $POOL" >/dev/null
}

# Event scenarios: the recorded virsh listens in three windows of 4 s, one
# registration each (virsh's *-event commands take one event type), while
# direct connections trigger events at fixed times after T0, in the middle
# of each window (the first opens ~0.3 s after T0). The test driver keeps its
# objects only while some connection is open: the recorded one is.
WINDOW_SEC=4
windows() { # windows FIRST SECOND: listen for FIRST, then SECOND, then FIRST again
    echo "$1 --loop --timeout $WINDOW_SEC; $2 --loop --timeout $WINDOW_SEC; $1 --loop --timeout $WINDOW_SEC"
}
# triggers CMD1 CMD2 CMD3: runs each (a function) at 1.5 s, 6 s and 10.5 s.
triggers() {
    T0=$(date +%s.%N)
    (set -e; at 1.5 "$1"; at 6 "$2"; at 10.5 "$3") >"$WORK/triggers.out" 2>&1 &
    TRIGGERS=$!
}
triggers_done() {
    wait "$TRIGGERS" || { cat "$WORK/triggers.out" >&2; die "$1: a trigger failed"; }
}

cat >"$WORK/network.xml" <<EOF
<network>
  <name>$NET</name>
  <uuid>5c2a7d1e-0f3b-4b8e-9a61-7669727477fd</uuid>
  <bridge name='vwfixbr0'/>
  <ip address='192.168.254.1' netmask='255.255.255.0'/>
</network>
EOF
net_one() { direct "$TEST_URI" "net-define $WORK/network.xml; net-start $NET; net-destroy $NET"; }
net_two() { direct "$TEST_URI" "net-desc $NET --config 'virtwire fixture'"; }
net_three() { direct "$TEST_URI" "net-undefine $NET"; }
scenario_network_events() {
    triggers net_one net_two net_three
    record network-events test+unix:///default \
        "$(windows 'net-event --event lifecycle' 'net-event --event metadata-change')"
    triggers_done network-events
    expect_out network-events "event 'lifecycle' for network $NET" 4
    expect_out network-events "event 'metadata-change' for network $NET" 1
}

pool_one() { mkdir -p "$POOL_DIR"; direct "$QEMU_URI" "pool-define-as $POOL dir --target $POOL_DIR; pool-start $POOL"; }
pool_two() { direct "$QEMU_URI" "pool-refresh $POOL"; }
pool_three() { direct "$QEMU_URI" "pool-destroy $POOL; pool-undefine $POOL"; }
scenario_storage_pool_events() {
    rm -rf "$POOL_DIR"
    triggers pool_one pool_two pool_three
    record storage-pool-events qemu+unix:///system \
        "$(windows 'pool-event --event lifecycle' 'pool-event --event refresh')"
    triggers_done storage-pool-events
    rm -rf "$POOL_DIR"
    expect_out storage-pool-events "event 'lifecycle' for storage pool $POOL" 4
    expect_out storage-pool-events "event 'refresh' for storage pool $POOL" 1
}

cat >"$WORK/secret.xml" <<EOF
<secret ephemeral='yes' private='no'>
  <uuid>$SECRET</uuid>
  <description>virtwire fixture secret</description>
</secret>
EOF
printf 'virtwire' >"$WORK/secret.value"
secret_one() { direct "$QEMU_URI" "secret-define $WORK/secret.xml"; }
secret_two() { direct "$QEMU_URI" "secret-set-value $SECRET --file $WORK/secret.value --plain"; }
secret_three() { direct "$QEMU_URI" "secret-undefine $SECRET"; }
scenario_secret_events() {
    triggers secret_one secret_two secret_three
    record secret-events qemu+unix:///system \
        "$(windows 'secret-event --event lifecycle' 'secret-event --event value-changed')"
    triggers_done secret-events
    expect_out secret-events "event 'lifecycle' for secret $SECRET" 2
    expect_out secret-events "event 'value-changed' for secret $SECRET" 1
}

scenario_node_device_events() {
    # udevd reports the tap's net device to the node device driver.
    T0=$(date +%s.%N)
    (set -e; at 1.5 ip tuntap add "$NODE_TAP" mode tap; at 2.5 ip link del "$NODE_TAP") \
        >"$WORK/triggers.out" 2>&1 &
    TRIGGERS=$!
    record node-device-events qemu+unix:///system nodedev-event --event lifecycle --loop --timeout 4
    triggers_done node-device-events
    expect_out node-device-events "event 'lifecycle' for node device net_${NODE_TAP}_" 2
}

guest() { "$ROOT/scripts/console-guest.sh" "$1" "$GUEST" 2>>"$WORK/guest.log"; }
guest_running() { # the console guest, running (started plainly if it is not)
    case $(direct "$QEMU_URI" "domstate $GUEST" 2>/dev/null) in
        running) ;;
        paused) guest resume ;;
        *) guest start ;;
    esac
}

# Drives `virsh console` in a pty: waits for iPXE's Ctrl-B prompt, sends
# Ctrl-B, types `echo hi` at `iPXE> `, then leaves with Ctrl-].
cat >"$WORK/console.py" <<'EOF'
import os, pty, select, sys, time

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
seen = bytearray()


def wait_for(pattern, seconds):
    deadline = time.monotonic() + seconds
    while pattern not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            print(repr(bytes(seen)))
            sys.exit(f"timed out waiting for {pattern!r}")
        if select.select([fd], [], [], left)[0]:
            try:
                seen.extend(os.read(fd, 4096))
            except OSError:
                print(repr(bytes(seen)))
                sys.exit(f"virsh console ended before {pattern!r}")


wait_for(b"Press Ctrl-B for the iPXE command line...", 30)
os.write(fd, b"\x02")
wait_for(b"iPXE> ", 10)
os.write(fd, b"echo hi\r")
wait_for(b"\r\nhi\r\niPXE> ", 10)
os.write(fd, b"\x1d")
deadline = time.monotonic() + 10
status = None
while time.monotonic() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    if select.select([fd], [], [], 0.1)[0]:
        try:
            seen.extend(os.read(fd, 4096))
        except OSError:
            pass
else:
    sys.exit("virsh console did not exit after Ctrl-]")
print(repr(bytes(seen)))
sys.exit(os.waitstatus_to_exitcode(status))
EOF
scenario_console() {
    # The recipe of fixtures/guest/console-guest.md: start paused, open the
    # console, resume (virsh console --resume resumes once it is open).
    guest destroy
    guest start-paused
    record_run console "$SOCK" \
        "virsh -c 'qemu+unix:///system?socket=<proxy>' console $GUEST --resume (in a pty: Ctrl-B at the iPXE prompt, 'echo hi\\r', Ctrl-])" \
        python3 "$WORK/console.py" virsh -c "qemu+unix:///system?socket=@PROXY@" console "$GUEST" --resume
    [[ $REC_RC -eq 0 ]] || { cat "$WORK/console.out" >&2; die "console: the console session failed"; }
}

scenario_qemu_monitor_event() {
    guest_running
    T0=$(date +%s.%N)
    (set -e; at 1.5 direct "$QEMU_URI" "suspend $GUEST"; at 2.5 direct "$QEMU_URI" "resume $GUEST") \
        >"$WORK/triggers.out" 2>&1 &
    TRIGGERS=$!
    record qemu-monitor-event qemu+unix:///system qemu-monitor-event --domain "$GUEST" --loop --timeout 4
    triggers_done qemu-monitor-event
    expect_out qemu-monitor-event "^event STOP " 1
    expect_out qemu-monitor-event "^event RESUME " 1
}

# virDomainOpenGraphicsFD (REPLY_WITH_FDS: the daemon's descriptor to the
# client), then virDomainOpenGraphics (CALL_WITH_FDS: the client's socket to
# the daemon, which hands it to QEMU); each socket greets with the VNC banner.
cat >"$WORK/graphics.py" <<'EOF'
import socket, sys
import libvirt

conn = libvirt.open(sys.argv[1])
dom = conn.lookupByName(sys.argv[2])
ours = socket.socket(fileno=dom.openGraphicsFD(0, 0))
ours.settimeout(5)
print("openGraphicsFD:", ours.recv(12))
ours.close()
mine, theirs = socket.socketpair()
dom.openGraphics(0, theirs.fileno(), 0)
theirs.close()
mine.settimeout(5)
print("openGraphics:", mine.recv(12))
mine.close()
conn.close()
EOF
scenario_graphics_fd() {
    guest_running
    record_run graphics-fd "$SOCK" \
        "python3 graphics.py 'qemu+unix:///system?socket=<proxy>' $GUEST (openGraphicsFD(0, 0), openGraphics(0, <socketpair end>, 0))" \
        /usr/bin/python3 "$WORK/graphics.py" "qemu+unix:///system?socket=@PROXY@" "$GUEST"
    [[ $REC_RC -eq 0 ]] || { cat "$WORK/graphics-fd.out" >&2; die "graphics-fd: the client failed"; }
    expect_out graphics-fd "RFB 003.008" 2
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
    vol-upload-sparse vol-upload qemu-lxc-errors admin keepalive network-events storage-pool-events
    secret-events node-device-events console qemu-monitor-event graphics-fd)
for s in "${@:-${ALL[@]}}"; do
    declare -F "scenario_${s//-/_}" >/dev/null || die "unknown scenario $s (known: ${ALL[*]})"
    "scenario_${s//-/_}"
done
log "fixtures in $OUT"
