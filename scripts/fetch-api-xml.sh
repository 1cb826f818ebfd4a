#!/usr/bin/env bash
# Put libvirt 11.3.0's API descriptions (libvirt-api.xml, libvirt-qemu-api.xml,
# libvirt-lxc-api.xml, libvirt-admin-api.xml) into protocol/api/, where
# protocol/build.rs generates the enums and flags from them. They are built
# from libvirt's headers when libvirt is compiled, so the source tarball does
# not have them: they come from Debian's libvirt-dev package of the pinned
# release, and must match the sha256s committed in protocol/api.sha256.
#
#   scripts/fetch-api-xml.sh                   # installed copy, else apt (cached .deb)
#   LIBVIRT_API_DIR=/path/to/api scripts/fetch-api-xml.sh  # copy from there, unchecked
#   VIRTWIRE_WRITE_MANIFEST=1 ...              # (re)write protocol/api.sha256
#                                              # from the downloaded package
#
# scripts/fetch-protocol.sh runs this first.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

VER=$VIRTWIRE_LIBVIRT_VERSION
PACKAGE=libvirt-dev
# Where Debian's libvirt-dev puts the files.
PACKAGE_DIR=usr/share/libvirt/api
API_FILES=(
    libvirt-api.xml
    libvirt-qemu-api.xml
    libvirt-lxc-api.xml
    libvirt-admin-api.xml
)

API_DIR=$VIRTWIRE_ROOT/protocol/api
MANIFEST=$VIRTWIRE_ROOT/protocol/api.sha256
CACHE_DIR=$VIRTWIRE_ROOT/.virtwire/cache

# Whether directory $1 holds the files the manifest lists, with those sha256s.
matches_manifest() {
    [[ -f $MANIFEST ]] && (cd "$1" 2>/dev/null && sha256sum --status --strict -c "$MANIFEST" 2>/dev/null)
}

install_from() {
    local dir=$1 f
    mkdir -p "$API_DIR"
    for f in "${API_FILES[@]}"; do
        [[ -f $dir/$f ]] || die "$dir/$f not found"
        install -m 644 "$dir/$f" "$API_DIR/$f"
    done
}

# --- Override: a directory of API XML files ----------------------------------
if [[ -n ${LIBVIRT_API_DIR:-} ]]; then
    [[ -d $LIBVIRT_API_DIR ]] || die "LIBVIRT_API_DIR=$LIBVIRT_API_DIR is not a directory"
    install_from "$LIBVIRT_API_DIR"
    log "copied the API XML from LIBVIRT_API_DIR=$LIBVIRT_API_DIR"
    log "NOTE: checksum verification against $MANIFEST SKIPPED (it may be any version)"
    exit 0
fi

if [[ -z ${VIRTWIRE_WRITE_MANIFEST:-} ]]; then
    [[ -f $MANIFEST ]] || die "manifest $MANIFEST missing (VIRTWIRE_WRITE_MANIFEST=1 creates it from the package)"
    # --- Already done? --------------------------------------------------------
    if matches_manifest "$API_DIR"; then
        log "protocol/api/*.xml match $(basename "$MANIFEST"); nothing to do"
        exit 0
    fi
    # --- The machine's own libvirt-dev, when it is the pinned release --------
    if matches_manifest "/$PACKAGE_DIR"; then
        install_from "/$PACKAGE_DIR"
        matches_manifest "$API_DIR" || die "protocol/api/ does not match $MANIFEST after install"
        log "installed ${#API_FILES[@]} API XML files from /$PACKAGE_DIR"
        exit 0
    fi
fi

# --- The package, via apt (cached) -------------------------------------------
work=$(mktemp -d /tmp/virtwire-api.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

# Unpacks .deb $1 into $work/root and checks the files against the manifest.
unpack_ok() {
    rm -rf "$work/root"
    mkdir -p "$work/root"
    dpkg-deb -x "$1" "$work/root" 2>/dev/null || return 1
    [[ -n ${VIRTWIRE_WRITE_MANIFEST:-} ]] || matches_manifest "$work/root/$PACKAGE_DIR"
}

deb=''
for cached in "$CACHE_DIR/${PACKAGE}_${VER}"-*.deb; do
    [[ -f $cached ]] || continue
    if unpack_ok "$cached"; then
        deb=$cached
        log "using cached $cached"
        break
    fi
    log "cached $cached does not have the expected files; removing it"
    rm -f "$cached"
done

if [[ -z $deb ]]; then
    # The Debian version of the package that carries upstream $VER. (awk reads
    # to the end: exiting early would SIGPIPE apt-cache under pipefail.)
    deb_version() {
        { apt-cache show "$PACKAGE" 2>/dev/null || true; } \
            | awk -v v="$VER" '$1 == "Version:" && index($2, v "-") == 1 && !r { r = $2 } END { print r }'
    }
    sources_changed=false
    if [[ $(id -u) -eq 0 ]]; then
        if ensure_apt_source; then sources_changed=true; fi
    elif [[ ! -f $VIRTWIRE_APT_SOURCES ]]; then
        die "no cached $PACKAGE package and no apt source $VIRTWIRE_APT_SOURCES: run as root once"
    fi
    dver=$(deb_version)
    if $sources_changed || [[ -z $dver ]]; then
        need_root
        apt_update_ours
        dver=$(deb_version)
    fi
    [[ -n $dver ]] || die "apt knows no $PACKAGE package for $VER (is $VIRTWIRE_LIBVIRT_SUITE reachable?)"
    log "downloading $PACKAGE $dver"
    # apt checks the package against the archive's signed index. It downloads
    # as user _apt when it can, so use a dir that user can write.
    mkdir -p "$work/dl" "$CACHE_DIR"
    chmod 777 "$work/dl"
    (cd "$work/dl" && apt-get download -q "$PACKAGE=$dver" >&2) \
        || die "apt-get download $PACKAGE=$dver failed"
    got=("$work/dl/${PACKAGE}_"*.deb)
    [[ -f ${got[0]} ]] || die "apt-get download left no $PACKAGE .deb"
    deb=$CACHE_DIR/$(basename "${got[0]}")
    mv "${got[0]}" "$deb"
    if ! unpack_ok "$deb"; then
        (cd "$work/root/$PACKAGE_DIR" && sha256sum --strict -c "$MANIFEST" >&2) || true
        rm -f "$deb"
        die "the API XML in $PACKAGE $dver does not match $MANIFEST (listed above)"
    fi
    log "cached $deb"
fi

if [[ -n ${VIRTWIRE_WRITE_MANIFEST:-} ]]; then
    (cd "$work/root/$PACKAGE_DIR" && sha256sum "${API_FILES[@]}") >"$MANIFEST"
    log "wrote $MANIFEST"
fi

install_from "$work/root/$PACKAGE_DIR"
matches_manifest "$API_DIR" || die "protocol/api/ does not match $MANIFEST after install"
log "installed ${#API_FILES[@]} API XML files into protocol/api/ from $(basename "$deb")"
