# Shared helpers for virtwire's shell scripts. Sourced, never executed.
# shellcheck shell=bash

# The libvirt release the whole project is pinned to (protocol files, daemon).
VIRTWIRE_LIBVIRT_VERSION=11.3.0
# Debian suite that carries that release for bookworm machines.
VIRTWIRE_LIBVIRT_SUITE=${VIRTWIRE_LIBVIRT_SUITE:-bookworm-backports}
# Our own apt source file, so we never edit the machine's existing entries.
VIRTWIRE_APT_SOURCES=/etc/apt/sources.list.d/virtwire-libvirt.sources

VIRTWIRE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

need_root() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (it changes apt sources / runs a system daemon)"
}

# Print "URI<TAB>SIGNED_BY" of the machine's main Debian archive entry.
# Reads the deb822 file first, then one-line sources.list; falls back to the
# official mirror so a machine without either still works.
debian_mirror() {
    local f=/etc/apt/sources.list.d/debian.sources line uri='' key=''
    if [[ -r $f ]]; then
        # Stanzas are blank-line separated; '#' lines are comments (the image
        # has a snapshot URL in a comment, which must not be picked up).
        line=$(awk '
            BEGIN { RS=""; FS="\n" }
            {
                uris=""; suites=""; key=""; types=""
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^[ \t]*#/) continue
                    if ($i ~ /^URIs:/)      { sub(/^URIs:[ \t]*/, "", $i); uris=$i }
                    if ($i ~ /^Suites:/)    { sub(/^Suites:[ \t]*/, "", $i); suites=" " $i " " }
                    if ($i ~ /^Signed-By:/) { sub(/^Signed-By:[ \t]*/, "", $i); key=$i }
                    if ($i ~ /^Types:/)     { types=" " $i " " }
                }
                if (types ~ / deb / && suites ~ / bookworm / && uris !~ /security/) {
                    split(uris, u, " "); print u[1] "\t" key; exit
                }
            }' "$f")
        uri=${line%%$'\t'*}; key=${line#*$'\t'}
    fi
    if [[ -z $uri && -r /etc/apt/sources.list ]]; then
        uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i ~ /:\/\//) { if ($(i+1) == "bookworm") { print $i; exit } } }' /etc/apt/sources.list)
    fi
    [[ -n $uri ]] || uri=http://deb.debian.org/debian
    # Signed-By may be a path; an inline key block would span lines, so only
    # keep it when it is a readable file, else use Debian's keyring.
    if [[ -z $key || ! -r $key ]]; then key=/usr/share/keyrings/debian-archive-keyring.gpg; fi
    printf '%s\t%s\n' "$uri" "$key"
}

# Ensure our apt source (binary + source entries for the libvirt suite) exists
# with the expected content. Returns 0 if it changed (apt-get update needed),
# 1 if it was already in place.
ensure_apt_source() {
    local m uri key want
    m=$(debian_mirror); uri=${m%%$'\t'*}; key=${m#*$'\t'}
    want="# Managed by virtwire scripts/lib/common.sh: libvirt $VIRTWIRE_LIBVIRT_VERSION lives here.
Types: deb deb-src
URIs: $uri
Suites: $VIRTWIRE_LIBVIRT_SUITE
Components: main
Signed-By: $key"
    if [[ -f $VIRTWIRE_APT_SOURCES ]] && [[ $(cat "$VIRTWIRE_APT_SOURCES") == "$want" ]]; then
        return 1
    fi
    log "writing $VIRTWIRE_APT_SOURCES ($VIRTWIRE_LIBVIRT_SUITE from $uri)"
    printf '%s\n' "$want" >"$VIRTWIRE_APT_SOURCES"
    return 0
}

# Refresh only our own source's lists: fast, and it cannot be broken by some
# unrelated third-party entry on the machine.
apt_update_ours() {
    log "apt-get update ($VIRTWIRE_APT_SOURCES only)"
    apt-get update -qq \
        -o Dir::Etc::sourcelist="$VIRTWIRE_APT_SOURCES" \
        -o Dir::Etc::sourceparts=- \
        -o APT::Get::List-Cleanup=0 \
        || die "apt-get update for $VIRTWIRE_APT_SOURCES failed (network to the Debian mirror?)"
}

# The pid in pid file $1 if that process is alive and named $2 (its comm),
# so a stale file or a reused pid is never taken for our daemon.
live_pid() {
    local pid
    [[ -f $1 ]] || return 1
    pid=$(<"$1")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] || return 1
    echo "$pid"
}

# SIGTERM to pid $1, up to $2 seconds (default 10) for it to exit, then
# SIGKILL.
end_process() {
    local pid=$1 tenths=$((${2:-10} * 10)) i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < tenths; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "pid $pid still alive after ${2:-10}s; SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
}
