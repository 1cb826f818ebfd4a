#!/usr/bin/env bash
# Put libvirt 11.3.0's XDR protocol files into protocol/xdr/, taken from
# Debian's libvirt source package (orig tarball, sha256-pinned), plus a few
# C sources/headers into .virtwire/libvirt-src/ for reading.
#
#   scripts/fetch-protocol.sh                  # apt + cached tarball
#   LIBVIRT_SOURCE=/path/to/libvirt scripts/fetch-protocol.sh   # local tree
#   VIRTWIRE_WRITE_MANIFEST=1 ...              # (re)write protocol/xdr.sha256
#                                              # from the pinned tarball
#
# It first runs scripts/fetch-api-xml.sh, which puts libvirt's API XML
# descriptions (the enums and flags) into protocol/api/, and
# scripts/fetch-xml-testdata.sh, which puts libvirt's RelaxNG schemas (from
# which xml/tests/schema_tables_fresh.rs regenerates the strict mode's
# committed tables) and XML test data into .virtwire/.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

"$(dirname "$0")/fetch-api-xml.sh"
"$(dirname "$0")/fetch-xml-testdata.sh"

source "$(dirname "$0")/lib/libvirt-tarball.sh"

TOPDIR=$LIBVIRT_TARBALL_TOPDIR

XDR_FILES=(
    src/remote/remote_protocol.x
    src/remote/qemu_protocol.x
    src/remote/lxc_protocol.x
    src/admin/admin_protocol.x
    src/rpc/virnetprotocol.x
    src/rpc/virkeepaliveprotocol.x
)
REF_FILES=(
    include/libvirt/virterror.h
    include/libvirt/libvirt-host.h
    include/libvirt/libvirt-common.h.in
    src/libvirt_internal.h
    src/remote/remote_sockets.c
    src/remote/remote_driver.c
)

XDR_DIR=$VIRTWIRE_ROOT/protocol/xdr
MANIFEST=$VIRTWIRE_ROOT/protocol/xdr.sha256
REF_DIR=$VIRTWIRE_ROOT/.virtwire/libvirt-src
TARBALL=$LIBVIRT_TARBALL

manifest_ok() {
    [[ -f $MANIFEST ]] && (cd "$XDR_DIR" 2>/dev/null && sha256sum --status --strict -c "$MANIFEST" 2>/dev/null)
}

refs_present() {
    local f
    for f in "${REF_FILES[@]}"; do [[ -f $REF_DIR/$f ]] || return 1; done
}

# Copy the wanted files out of an unpacked tree $1 into their places.
install_from_tree() {
    local tree=$1 f
    mkdir -p "$XDR_DIR" "$REF_DIR"
    for f in "${XDR_FILES[@]}"; do
        [[ -f $tree/$f ]] || die "$tree/$f not found"
        install -m 644 "$tree/$f" "$XDR_DIR/$(basename "$f")"
    done
    for f in "${REF_FILES[@]}"; do
        if [[ -f $tree/$f ]]; then
            install -D -m 644 "$tree/$f" "$REF_DIR/$f"
        else
            log "warning: reference file $f not in $tree (skipped)"
        fi
    done
}

# --- Override: a local libvirt checkout/unpacked tree -----------------------
if [[ -n ${LIBVIRT_SOURCE:-} ]]; then
    [[ -d $LIBVIRT_SOURCE ]] || die "LIBVIRT_SOURCE=$LIBVIRT_SOURCE is not a directory"
    install_from_tree "$LIBVIRT_SOURCE"
    log "copied protocol files from LIBVIRT_SOURCE=$LIBVIRT_SOURCE"
    log "NOTE: checksum verification against $MANIFEST SKIPPED (local tree may be any version)"
    exit 0
fi

# --- Already done? -----------------------------------------------------------
if [[ -z ${VIRTWIRE_WRITE_MANIFEST:-} ]] && manifest_ok && refs_present; then
    log "protocol/xdr/*.x match $(basename "$MANIFEST"); nothing to do"
    exit 0
fi
[[ -n ${VIRTWIRE_WRITE_MANIFEST:-} || -f $MANIFEST ]] \
    || die "manifest $MANIFEST missing (VIRTWIRE_WRITE_MANIFEST=1 creates it from the pinned tarball)"

# --- Get the orig tarball via apt (cached) --------------------------------
ensure_libvirt_tarball

# --- Extract only what we need, verify, then install ----------------------
work=$(mktemp -d /tmp/virtwire-xdr.XXXXXX)
trap 'rm -rf "$work"' EXIT
members=()
for f in "${XDR_FILES[@]}" "${REF_FILES[@]}"; do members+=("$TOPDIR/$f"); done
tar -xJf "$TARBALL" -C "$work" "${members[@]}" \
    || die "extracting ${#members[@]} files from $TARBALL failed"

if [[ -n ${VIRTWIRE_WRITE_MANIFEST:-} ]]; then
    (cd "$work/$TOPDIR" && for f in "${XDR_FILES[@]}"; do
        printf '%s  %s\n' "$(sha256sum <"$f" | cut -d' ' -f1)" "$(basename "$f")"
    done) >"$MANIFEST"
    log "wrote $MANIFEST"
fi

# Check the new copies before they replace anything in protocol/xdr/.
mkdir -p "$work/check"
for f in "${XDR_FILES[@]}"; do cp "$work/$TOPDIR/$f" "$work/check/"; done
if ! (cd "$work/check" && sha256sum --quiet --strict -c "$MANIFEST" >&2); then
    die "extracted .x files do not match $MANIFEST (listed above)"
fi

install_from_tree "$work/$TOPDIR"
manifest_ok || die "protocol/xdr/ does not match $MANIFEST after install"
log "installed ${#XDR_FILES[@]} .x files into protocol/xdr/ and ${#REF_FILES[@]} reference files into .virtwire/libvirt-src/"
