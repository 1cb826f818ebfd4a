#!/usr/bin/env bash
# A dir storage pool for stream (volume upload/download) tests and benches,
# in the private daemon of scripts/libvirtd.sh, over its unix socket.
#
#   scripts/stream-pool.sh ensure|delete|env
#
#   ensure  define (persistent), build and start the pool if needed; safe to
#           run any number of times, also after the run dir was wiped.
#   delete  delete all its volumes, stop and undefine it, remove the dir.
#   env     print export lines (pool name, dir, URI) for eval.
#
#   VIRTWIRE_STREAM_POOL      pool name (default virtwire-streams)
#   VIRTWIRE_STREAM_POOL_DIR  its directory (default $RUN_DIR/pool-streams)
#
# The filesystem under the run dir must support holes (SEEK_HOLE/SEEK_DATA,
# e.g. ext4, xfs, tmpfs) for sparse streams to keep their layout: `ensure`
# checks that. Create raw volumes with `--allocation 0`, else libvirt fully
# allocates them and there is nothing sparse left to stream.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

RUN_DIR=${VIRTWIRE_RUN_DIR:-/tmp/virtwire-libvirtd}
POOL=${VIRTWIRE_STREAM_POOL:-virtwire-streams}
POOL_DIR=${VIRTWIRE_STREAM_POOL_DIR:-$RUN_DIR/pool-streams}
[[ $POOL =~ ^[A-Za-z0-9_.-]+$ ]] || die "bad pool name '$POOL'"

[[ -f $RUN_DIR/env ]] || die "private libvirtd not running ($RUN_DIR/env missing): run scripts/libvirtd.sh start"
# shellcheck disable=SC1091
source "$RUN_DIR/env"
URI="qemu+unix:///system?socket=$VIRTWIRE_LIBVIRTD_SOCK"
v() { timeout 60 virsh -q -c "$URI" "$@"; }

# Exit 0 if a data block followed by a hole is reported as such in DIR.
holes_supported() {
    python3 - "$1" <<'EOF'
import os, sys, tempfile
fd, path = tempfile.mkstemp(dir=sys.argv[1], prefix=".holecheck-")
try:
    os.ftruncate(fd, 1 << 20)
    os.pwrite(fd, b"x" * 4096, 512 << 10)
    os.fsync(fd)
    ok = os.lseek(fd, 0, os.SEEK_DATA) == 512 << 10 and os.lseek(fd, 512 << 10, os.SEEK_HOLE) < 1 << 20
except OSError:
    ok = False
finally:
    os.close(fd)
    os.unlink(path)
sys.exit(0 if ok else 1)
EOF
}

pool_target() { v pool-dumpxml "$POOL" 2>/dev/null | sed -n 's|.*<path>\(.*\)</path>.*|\1|p' | head -n1; }

cmd_ensure() {
    need_root
    local target
    if v pool-info "$POOL" >/dev/null 2>&1; then
        target=$(pool_target)
        if [[ $target != "$POOL_DIR" ]]; then
            log "pool $POOL points at '$target', not $POOL_DIR: redefining it"
            v pool-destroy "$POOL" >/dev/null 2>&1 || true
            v pool-undefine "$POOL" >/dev/null || die "virsh pool-undefine $POOL failed"
        fi
    fi
    if ! v pool-info "$POOL" >/dev/null 2>&1; then
        v pool-define-as "$POOL" dir --target "$POOL_DIR" >/dev/null || die "virsh pool-define-as $POOL failed"
        log "defined pool $POOL ($POOL_DIR)"
    fi
    # The definition outlives the run dir (it is kept in /etc/libvirt/storage),
    # so the directory may have to be made again. 0755 like the run dir.
    mkdir -p "$POOL_DIR"
    chmod 755 "$RUN_DIR" "$POOL_DIR"
    holes_supported "$POOL_DIR" || log "WARNING: $POOL_DIR does not report holes (SEEK_HOLE): sparse streams will come out dense"
    if [[ $(v pool-info "$POOL" | awk '$1 == "State:" { print $2 }') != running ]]; then
        v pool-start "$POOL" >/dev/null || die "virsh pool-start $POOL failed"
        log "started pool $POOL"
    else
        v pool-refresh "$POOL" >/dev/null || die "virsh pool-refresh $POOL failed"
    fi
    log "pool $POOL ready at $POOL_DIR"
}

cmd_delete() {
    local vol
    if v pool-info "$POOL" >/dev/null 2>&1; then
        if [[ $(v pool-info "$POOL" | awk '$1 == "State:" { print $2 }') == running ]]; then
            for vol in $(v vol-list "$POOL" --name 2>/dev/null || true); do
                v vol-delete --pool "$POOL" "$vol" >/dev/null || log "could not delete volume $vol"
            done
            v pool-destroy "$POOL" >/dev/null || die "virsh pool-destroy $POOL failed"
        fi
        v pool-undefine "$POOL" >/dev/null || die "virsh pool-undefine $POOL failed"
        log "undefined pool $POOL"
    else
        log "pool $POOL not defined"
    fi
    rm -rf "$POOL_DIR"
}

cmd_env() {
    printf 'export VIRTWIRE_STREAM_POOL=%q\n' "$POOL"
    printf 'export VIRTWIRE_STREAM_POOL_DIR=%q\n' "$POOL_DIR"
    printf 'export VIRTWIRE_STREAM_POOL_URI=%q\n' "$URI"
}

case ${1:-} in
    ensure) cmd_ensure ;;
    delete) cmd_delete ;;
    env) cmd_env ;;
    *) echo "usage: $0 ensure|delete|env" >&2; exit 2 ;;
esac
