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
# descriptions (the enums and flags) into protocol/api/.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

"$(dirname "$0")/fetch-api-xml.sh"

VER=$VIRTWIRE_LIBVIRT_VERSION
TARBALL_NAME=libvirt_${VER}.orig.tar.xz
# Upstream libvirt-11.3.0.tar.xz as shipped by Debian; the trust root here.
TARBALL_SHA256=6bcb0c42c4580436fea262ced56f68a6afe20f7390b1bea2116718cc034a0283
TOPDIR=libvirt-$VER

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
CACHE_DIR=$VIRTWIRE_ROOT/.virtwire/cache
TARBALL=$CACHE_DIR/$TARBALL_NAME

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

tarball_ok() { [[ -f $TARBALL ]] && echo "$TARBALL_SHA256  $TARBALL" | sha256sum --status -c -; }

# --- Get the orig tarball via apt (cached) --------------------------------
if tarball_ok; then
    log "using cached $TARBALL"
else
    rm -f "$TARBALL"
    # Find the Debian source version that packages upstream $VER. (awk reads
    # to the end: exiting early would SIGPIPE apt-cache under pipefail; and
    # apt-cache fails outright while no deb-src list is there yet.)
    src_version() {
        { apt-cache showsrc libvirt 2>/dev/null || true; } | awk -v v="$VER" '$1 == "Version:" && index($2, v "-") == 1 && !r { r = $2 } END { print r }'
    }
    src_changed=false
    if [[ $(id -u) -eq 0 ]]; then
        if ensure_apt_source; then src_changed=true; fi
    elif [[ ! -f $VIRTWIRE_APT_SOURCES ]]; then
        die "no cached tarball and no apt source $VIRTWIRE_APT_SOURCES: run as root once"
    fi
    dver=$(src_version)
    if $src_changed || [[ -z $dver ]]; then
        need_root
        apt_update_ours
        dver=$(src_version)
    fi
    [[ -n $dver ]] || die "apt knows no libvirt source package for $VER (is $VIRTWIRE_LIBVIRT_SUITE's deb-src reachable?)"
    log "libvirt source package $dver"

    # Ask apt for the URL only: fetching the whole source package can 404 on
    # the .dsc/.asc, and we need nothing but the orig tarball.
    uris=$(apt-get source -qq --print-uris "libvirt=$dver" 2>&1) \
        || die "apt-get source --print-uris libvirt=$dver failed: $uris"
    line=$(awk -v n="$TARBALL_NAME" '$2 == n && !r { r = $0 } END { print r }' <<<"$uris")
    [[ -n $line ]] || die "apt-get source --print-uris did not list $TARBALL_NAME"
    url=$(awk '{ gsub(/'\''/, "", $1); print $1 }' <<<"$line")
    apt_sha=$(awk '{ sub(/^SHA256:/, "", $4); print $4 }' <<<"$line")
    [[ $apt_sha == "$TARBALL_SHA256" ]] \
        || die "apt's SHA256 for $TARBALL_NAME ($apt_sha) is not the pinned $TARBALL_SHA256"

    mkdir -p "$CACHE_DIR"
    log "downloading $url"
    # apt's own transport (proxy config, retries); it checks the hash too.
    # It downloads as user _apt when it can, so use a dir that user can write.
    dl=$(mktemp -d /tmp/virtwire-dl.XXXXXX)
    chmod 777 "$dl"
    trap 'rm -rf "$dl"' EXIT
    /usr/lib/apt/apt-helper download-file "$url" "$dl/$TARBALL_NAME" "SHA256:$TARBALL_SHA256" >&2 \
        || die "download of $url failed"
    mv "$dl/$TARBALL_NAME" "$TARBALL"
    tarball_ok || die "sha256 of $TARBALL is not $TARBALL_SHA256"
    log "cached $TARBALL"
fi

# --- Extract only what we need, verify, then install ----------------------
work=$(mktemp -d /tmp/virtwire-xdr.XXXXXX)
trap 'rm -rf "$work" ${dl:+"$dl"}' EXIT
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
