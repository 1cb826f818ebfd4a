#!/usr/bin/env bash
# Manage the disk-less console guest (fixtures/guest/console-guest.xml.in)
# through the private daemon of scripts/libvirtd.sh, over its unix socket.
#
#   scripts/console-guest.sh define|start|start-paused|resume|check|destroy|undefine [NAME]
#   scripts/console-guest.sh probe [NAME] [console_probe.py options]
#
#   NAME defaults to virtwire-console.
#   start         plain start. There is no OS, so SeaBIOS/iPXE print only
#                 once, in the first ~21 s; a console opened later sees
#                 only what comes after (nothing at all after ~21 s).
#   start-paused  start with vCPUs paused: open the console, then `resume`
#                 (what `virsh start --console` does too).
#   check         (re)start paused, then through `virsh console` in a pty:
#                 resume, wait for iPXE's Ctrl-B prompt, send Ctrl-B, type
#                 "echo hello" at "iPXE> ", expect it back; then check that
#                 VNC on 127.0.0.1 and virDomainOpenGraphicsFD both greet
#                 with "RFB 003.008\n". Leaves the guest at the iPXE shell.
#   probe         run scripts/lib/console_probe.py against a guest that was
#                 just started paused, e.g. `probe NAME --resume --observe 25`.
#   Facts (strings, timings): fixtures/guest/console-guest.md
#   VIRTWIRE_CONSOLE_TAP  host tap name (default vwtapc0; one per running
#                         guest, and not tcg-guest.sh's vwtap0)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

RUN_DIR=${VIRTWIRE_RUN_DIR:-/tmp/virtwire-libvirtd}
TEMPLATE=$VIRTWIRE_ROOT/fixtures/guest/console-guest.xml.in
PROBE=$VIRTWIRE_ROOT/scripts/lib/console_probe.py
TAP=${VIRTWIRE_CONSOLE_TAP:-vwtapc0}
# virtio-net's default option ROM in QEMU's pc machines (package ipxe-qemu).
ROM=/usr/lib/ipxe/qemu/efi-virtio.rom

cmd=${1:-}
NAME=virtwire-console
shift || true
# NAME is optional, also before probe's options.
if [[ $# -gt 0 && $1 != -* ]]; then NAME=$1; shift; fi
[[ $NAME =~ ^[A-Za-z0-9_.-]+$ ]] || die "bad guest name '$NAME' (letters, digits, _ . - only)"
GUEST_DIR=$RUN_DIR/guests
XML=$GUEST_DIR/$NAME.xml

[[ -f $RUN_DIR/env ]] || die "private libvirtd not running ($RUN_DIR/env missing): run scripts/libvirtd.sh start"
# shellcheck disable=SC1091
source "$RUN_DIR/env"
URI="qemu+unix:///system?socket=$VIRTWIRE_LIBVIRTD_SOCK"
v() { timeout 60 virsh -q -c "$URI" "$@"; }
state() { v domstate "$NAME" 2>/dev/null || true; }

cmd_define() {
    [[ -c /dev/net/tun ]] || die "/dev/net/tun missing: the guest's tap cannot be created"
    [[ -f $ROM ]] || die "$ROM missing: install ipxe-qemu (scripts/install-libvirt.sh)"
    mkdir -p "$GUEST_DIR"
    chmod 755 "$GUEST_DIR"
    sed -e "s|@NAME@|$NAME|g" -e "s|@TAP@|$TAP|g" "$TEMPLATE" >"$XML"
    v define "$XML" >/dev/null || die "virsh define $XML failed"
    log "defined $NAME (tap $TAP)"
}

ensure_defined() { v dominfo "$NAME" >/dev/null 2>&1 || cmd_define; }

cmd_start() {
    ensure_defined
    case $(state) in
        running)
            # Its boot output is gone: a paused start must really be a new one.
            [[ ${1:-} != --paused ]] || die "$NAME is already running: destroy it first"
            log "$NAME already running"; return 0 ;;
        paused) die "$NAME is paused: use resume" ;;
    esac
    v start "$NAME" "$@" >/dev/null || die "virsh start $NAME failed (QEMU log: /var/log/libvirt/qemu/$NAME.log)"
    log "started $NAME ${1:+($1) }(vnc $(v vncdisplay "$NAME"), console $(v ttyconsole "$NAME"))"
}

cmd_resume() {
    [[ $(state) == paused ]] || die "$NAME is not paused"
    v resume "$NAME" >/dev/null || die "virsh resume $NAME failed"
    log "resumed $NAME"
}

# First 12 bytes a VNC server sends on a new connection to 127.0.0.1:PORT.
rfb_banner_tcp() {
    python3 - "$1" <<'EOF'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), 5)
s.settimeout(5)
b = b""
while len(b) < 12:
    d = s.recv(12 - len(b))
    if not d:
        break
    b += d
print(repr(b))
EOF
}

# Same through virDomainOpenGraphicsFD, if the Debian Python binding is there.
rfb_banner_fd() {
    /usr/bin/python3 - "$URI" "$NAME" <<'EOF'
import socket, sys
import libvirt
dom = libvirt.open(sys.argv[1]).lookupByName(sys.argv[2])
s = socket.socket(fileno=dom.openGraphicsFD(0, 0))
s.settimeout(5)
print(repr(s.recv(12)))
EOF
}

cmd_check() {
    local out disp port banner
    ensure_defined
    [[ -z $(state) || $(state) == "shut off" ]] || v destroy "$NAME" >/dev/null
    cmd_start --paused
    out=$(timeout 90 python3 "$PROBE" --uri "$URI" --name "$NAME" --resume --ctrl-b) ||
        die "console probe failed: ${out:-no output}"
    printf 'console: %s\n' "$out"
    [[ $out == *'"typed_reply": "echo hello\r\nhello\r\niPXE> "'* ]] || die "iPXE shell did not echo 'echo hello'"

    disp=$(v domdisplay "$NAME") || die "virsh domdisplay failed"
    printf 'domdisplay: %s\n' "$disp"
    [[ $disp =~ ^vnc://127\.0\.0\.1:([0-9]+)$ ]] || die "unexpected display '$disp'"
    port=$((5900 + BASH_REMATCH[1]))
    banner=$(rfb_banner_tcp "$port") || die "could not read from VNC 127.0.0.1:$port"
    printf 'vnc 127.0.0.1:%s: %s\n' "$port" "$banner"
    [[ $banner == "b'RFB 003.008\\n'" ]] || die "VNC banner is not RFB 003.008"
    if /usr/bin/python3 -c 'import libvirt' 2>/dev/null; then
        banner=$(rfb_banner_fd) || die "virDomainOpenGraphicsFD failed"
        printf 'graphics fd: %s\n' "$banner"
        [[ $banner == "b'RFB 003.008\\n'" ]] || die "graphics fd banner is not RFB 003.008"
    else
        log "python3-libvirt missing: graphics fd not checked"
    fi
    log "$NAME: console and graphics OK (guest left at the iPXE shell)"
}

cmd_probe() {
    [[ -n $(state) && $(state) != "shut off" ]] || die "$NAME is not started (use start-paused first)"
    python3 "$PROBE" --uri "$URI" --name "$NAME" "$@"
}

cmd_destroy() {
    case $(state) in
        running | paused)
            v destroy "$NAME" >/dev/null || die "virsh destroy $NAME failed"
            log "destroyed $NAME" ;;
        *) log "$NAME not running" ;;
    esac
}

cmd_undefine() {
    cmd_destroy
    if v dominfo "$NAME" >/dev/null 2>&1; then
        v undefine "$NAME" >/dev/null || die "virsh undefine $NAME failed"
        log "undefined $NAME"
    fi
    rm -f "$XML"
}

case $cmd in
    define) cmd_define ;;
    start) cmd_start ;;
    start-paused) cmd_start --paused ;;
    resume) cmd_resume ;;
    check) cmd_check ;;
    probe) cmd_probe "$@" ;;
    destroy) cmd_destroy ;;
    undefine) cmd_undefine ;;
    *) echo "usage: $0 define|start|start-paused|resume|check|destroy|undefine [NAME]" >&2
       echo "       $0 probe [NAME] [console_probe.py options]" >&2; exit 2 ;;
esac
