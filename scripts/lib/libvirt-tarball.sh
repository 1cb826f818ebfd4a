# The pinned libvirt orig tarball: where it is cached and how it is fetched
# and verified. Sourced (after common.sh) by every script that needs files
# from libvirt's source tree, so there is one trust root and one download path.
# shellcheck shell=bash

LIBVIRT_TARBALL_NAME=libvirt_${VIRTWIRE_LIBVIRT_VERSION}.orig.tar.xz
# Upstream libvirt-11.3.0.tar.xz as shipped by Debian; the trust root here.
LIBVIRT_TARBALL_SHA256=6bcb0c42c4580436fea262ced56f68a6afe20f7390b1bea2116718cc034a0283
# Top directory inside the tarball.
LIBVIRT_TARBALL_TOPDIR=libvirt-$VIRTWIRE_LIBVIRT_VERSION
LIBVIRT_CACHE_DIR=$VIRTWIRE_ROOT/.virtwire/cache
LIBVIRT_TARBALL=$LIBVIRT_CACHE_DIR/$LIBVIRT_TARBALL_NAME

# True when the cached tarball exists and has the pinned sha256.
libvirt_tarball_ok() {
    [[ -f $LIBVIRT_TARBALL ]] && echo "$LIBVIRT_TARBALL_SHA256  $LIBVIRT_TARBALL" | sha256sum --status -c -
}

# Make sure $LIBVIRT_TARBALL is present and verified, downloading it through
# apt (Debian's source package) when it is not. Dies on any mismatch.
ensure_libvirt_tarball() {
    local ver=$VIRTWIRE_LIBVIRT_VERSION
    if libvirt_tarball_ok; then
        log "using cached $LIBVIRT_TARBALL"
        return 0
    fi
    rm -f "$LIBVIRT_TARBALL"
    # Find the Debian source version that packages upstream $ver. (awk reads
    # to the end: exiting early would SIGPIPE apt-cache under pipefail; and
    # apt-cache fails outright while no deb-src list is there yet.)
    src_version() {
        { apt-cache showsrc libvirt 2>/dev/null || true; } | awk -v v="$ver" '$1 == "Version:" && index($2, v "-") == 1 && !r { r = $2 } END { print r }'
    }
    local src_changed=false dver uris line url apt_sha dl
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
    [[ -n $dver ]] || die "apt knows no libvirt source package for $ver (is $VIRTWIRE_LIBVIRT_SUITE's deb-src reachable?)"
    log "libvirt source package $dver"

    # Ask apt for the URL only: fetching the whole source package can 404 on
    # the .dsc/.asc, and we need nothing but the orig tarball.
    uris=$(apt-get source -qq --print-uris "libvirt=$dver" 2>&1) \
        || die "apt-get source --print-uris libvirt=$dver failed: $uris"
    line=$(awk -v n="$LIBVIRT_TARBALL_NAME" '$2 == n && !r { r = $0 } END { print r }' <<<"$uris")
    [[ -n $line ]] || die "apt-get source --print-uris did not list $LIBVIRT_TARBALL_NAME"
    url=$(awk '{ gsub(/'\''/, "", $1); print $1 }' <<<"$line")
    apt_sha=$(awk '{ sub(/^SHA256:/, "", $4); print $4 }' <<<"$line")
    [[ $apt_sha == "$LIBVIRT_TARBALL_SHA256" ]] \
        || die "apt's SHA256 for $LIBVIRT_TARBALL_NAME ($apt_sha) is not the pinned $LIBVIRT_TARBALL_SHA256"

    mkdir -p "$LIBVIRT_CACHE_DIR"
    log "downloading $url"
    # apt's own transport (proxy config, retries); it checks the hash too.
    # It downloads as user _apt when it can, so use a dir that user can write.
    dl=$(mktemp -d /tmp/virtwire-dl.XXXXXX)
    chmod 777 "$dl"
    if ! /usr/lib/apt/apt-helper download-file "$url" "$dl/$LIBVIRT_TARBALL_NAME" "SHA256:$LIBVIRT_TARBALL_SHA256" >&2; then
        rm -rf "$dl"
        die "download of $url failed"
    fi
    mv "$dl/$LIBVIRT_TARBALL_NAME" "$LIBVIRT_TARBALL"
    rm -rf "$dl"
    libvirt_tarball_ok || die "sha256 of $LIBVIRT_TARBALL is not $LIBVIRT_TARBALL_SHA256"
    log "cached $LIBVIRT_TARBALL"
}
