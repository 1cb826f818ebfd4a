#!/usr/bin/env bash
# The main demo: list every domain with state, vcpus, memory and, for running
# ones, cpu/block/network/memory statistics (client/examples/list_domains.rs).
#
#   scripts/demo.sh            test:///default through the private libvirtd
#   scripts/demo.sh --guest    also boot a tiny QEMU TCG guest and list qemu:///system
#   scripts/demo.sh URI        any libvirt URI
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$VIRTWIRE_ROOT"

RUN_DIR=${VIRTWIRE_RUN_DIR:-/tmp/virtwire-libvirtd}
scripts/libvirtd.sh start >/dev/null
# shellcheck disable=SC1091
source "$RUN_DIR/env"

case ${1:-} in
    --guest)
        # The guest keeps running afterwards: `scripts/tcg-guest.sh destroy vw-demo` stops it.
        if ! virsh -q -c "qemu+unix:///system?socket=$VIRTWIRE_LIBVIRTD_SOCK" dominfo vw-demo >/dev/null 2>&1; then
            VIRTWIRE_GUEST_TAP=vwdemo0 scripts/tcg-guest.sh define vw-demo
        fi
        VIRTWIRE_GUEST_TAP=vwdemo0 scripts/tcg-guest.sh start vw-demo
        sleep 2 # let SeaBIOS touch the disk so the block counters move
        uri="qemu+unix:///system?socket=$VIRTWIRE_LIBVIRTD_SOCK"
        ;;
    "") uri="test+unix:///default?socket=$VIRTWIRE_LIBVIRTD_SOCK" ;;
    *) uri=$1 ;;
esac
exec cargo run -q -p virtwire --example list_domains -- "$uri"
