#!/usr/bin/env bash
# Manage a tiny QEMU/TCG guest (fixtures/guest/tcg-guest.xml.in) through the
# private daemon of scripts/libvirtd.sh, over its unix socket.
#
#   scripts/tcg-guest.sh define|start|check|destroy|undefine [NAME]
#
#   NAME defaults to virtwire-tcg. `check` asserts that the running guest
#   gives real stats (domstats, domblkstat, domifstat, dommemstat,
#   cpu-stats) and a screenshot. `undefine` also deletes the disk image.
#   VIRTWIRE_GUEST_TAP  host tap name (default vwtap0; one per running guest)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

RUN_DIR=${VIRTWIRE_RUN_DIR:-/tmp/virtwire-libvirtd}
TEMPLATE=$VIRTWIRE_ROOT/fixtures/guest/tcg-guest.xml.in
TAP=${VIRTWIRE_GUEST_TAP:-vwtap0}

cmd=${1:-}
NAME=${2:-virtwire-tcg}
[[ $NAME =~ ^[A-Za-z0-9_.-]+$ ]] || die "bad guest name '$NAME' (letters, digits, _ . - only)"
GUEST_DIR=$RUN_DIR/guests
DISK=$GUEST_DIR/$NAME.qcow2
XML=$GUEST_DIR/$NAME.xml

[[ -f $RUN_DIR/env ]] || die "private libvirtd not running ($RUN_DIR/env missing): run scripts/libvirtd.sh start"
# shellcheck disable=SC1091
source "$RUN_DIR/env"
URI="qemu+unix:///system?socket=$VIRTWIRE_LIBVIRTD_SOCK"
v() { timeout 60 virsh -q -c "$URI" "$@"; }

cmd_define() {
    # TCG needs no /dev/kvm, but the managed tap does need the tun device.
    [[ -c /dev/net/tun ]] || die "/dev/net/tun missing: the guest's tap cannot be created"
    mkdir -p "$GUEST_DIR"
    chmod 755 "$GUEST_DIR"
    if [[ ! -f $DISK ]]; then
        qemu-img create -q -f qcow2 "$DISK" 16M || die "qemu-img create $DISK failed"
    fi
    sed -e "s|@NAME@|$NAME|g" -e "s|@DISK@|$DISK|g" -e "s|@TAP@|$TAP|g" "$TEMPLATE" >"$XML"
    v define "$XML" >/dev/null || die "virsh define $XML failed"
    log "defined $NAME (disk $DISK, tap $TAP)"
}

cmd_start() {
    if [[ $(v domstate "$NAME" 2>/dev/null) == running ]]; then
        log "$NAME already running"
        return 0
    fi
    v start "$NAME" >/dev/null || die "virsh start $NAME failed (QEMU log: /var/log/libvirt/qemu/$NAME.log)"
    log "started $NAME (vnc $(v vncdisplay "$NAME"), console $(v ttyconsole "$NAME"))"
}

# Run one virsh stats command, show its output, fail if it printed nothing.
show() {
    local out
    out=$(v "$@") || die "virsh $* failed"
    [[ -n $out ]] || die "virsh $* printed nothing"
    printf '$ virsh %s\n%s\n' "$*" "$out"
}

cmd_check() {
    local i rd shot
    [[ $(v domstate "$NAME") == running ]] || die "$NAME is not running"
    # SeaBIOS reads the disk while looking for a boot sector; wait for that
    # so the block counters are not all zero.
    for ((i = 0; i < 60; i++)); do
        rd=$(v domblkstat "$NAME" vda | awk '$2 == "rd_req" { print $3 }')
        [[ ${rd:-0} -gt 0 ]] && break
        sleep 0.5
    done
    [[ ${rd:-0} -gt 0 ]] || die "no disk reads after 30s: is the guest executing?"
    show domstats "$NAME"
    show domblkstat "$NAME" vda
    show domifstat "$NAME" "$TAP"
    show dommemstat "$NAME"
    # --total only: per-CPU usage needs cgroup v1 cpuacct, and libvirt uses
    # its cgroup v2 backend on this kind of hybrid-cgroup machine.
    show cpu-stats "$NAME" --total
    # QEMU picks the format (PNG here, PPM on older ones): name it after it.
    shot=$GUEST_DIR/$NAME-screenshot
    rm -f "$shot" "$shot".png "$shot".ppm
    v screenshot "$NAME" --file "$shot" >/dev/null || die "virsh screenshot failed"
    [[ -s $shot ]] || die "screenshot $shot is empty"
    case $(head -c 4 "$shot" | od -An -tx1 | tr -d ' \n') in
        89504e47) mv "$shot" "$shot.png"; shot=$shot.png ;;
        5036*) mv "$shot" "$shot.ppm"; shot=$shot.ppm ;;
    esac
    log "screenshot: $shot ($(stat -c %s "$shot") bytes)"
    log "$NAME: all stats OK"
}

cmd_destroy() {
    if [[ $(v domstate "$NAME" 2>/dev/null) == running ]]; then
        v destroy "$NAME" >/dev/null || die "virsh destroy $NAME failed"
        log "destroyed $NAME"
    else
        log "$NAME not running"
    fi
}

cmd_undefine() {
    cmd_destroy
    if v dominfo "$NAME" >/dev/null 2>&1; then
        v undefine "$NAME" >/dev/null || die "virsh undefine $NAME failed"
        log "undefined $NAME"
    fi
    rm -f "$DISK" "$XML" "$GUEST_DIR/$NAME-screenshot"*
}

case $cmd in
    define) cmd_define ;;
    start) cmd_start ;;
    check) cmd_check ;;
    destroy) cmd_destroy ;;
    undefine) cmd_undefine ;;
    *) echo "usage: $0 define|start|check|destroy|undefine [NAME]" >&2; exit 2 ;;
esac
