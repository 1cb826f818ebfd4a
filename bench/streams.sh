#!/usr/bin/env bash
# Storage volume streams: virsh (libvirt's C library) vs go-libvirt vs
# virtwire, downloading and uploading a raw volume of the dir pool of
# scripts/stream-pool.sh through the private libvirtd's unix socket.
#
#   bench/streams.sh [--reps N] [--size-mib M] [--impls LIST] [--timeout S] [--keep]
#
#   --reps N       runs per case and implementation (default 3); the table
#                  keeps the best (lowest time, CPU and RSS independently)
#   --size-mib M   volume size (default 1024). Dense = M MiB of random data;
#                  sparse = 10 random chunks of M/100 MiB, evenly spread,
#                  the rest holes (a leading and a trailing hole included)
#   --impls LIST   comma list of virsh,go-libvirt,virtwire (default all)
#   --timeout S    limit per transfer (default 300)
#   --keep         keep /tmp/virtwire-bench and the bench volumes
#
# Cases: download and upload, dense and sparse. virsh uses --sparse for the
# sparse cases. go-libvirt (Debian's golang-github-digitalocean-go-libvirt-dev,
# bench/go/streambench) has no sparse stream support, so it runs dense only.
# virtwire runs if VIRTWIRE_STREAM_BENCH names a binary that takes
#   --uri URI --pool POOL --vol VOL --mode download|upload [--sparse] --file PATH
# and prints one JSON line {"impl":"virtwire","mode":...,"sparse":...,
# "bytes":N,"secs":S,"cpu_secs":C,"max_rss_kib":R}; "bytes" is the logical
# size streamed (data + holes).
#
# Every run is measured the same way from outside: wall time (process
# start, connect and transfer) by bash, user+sys CPU and max RSS by
# /usr/bin/time. Each downloaded file and each uploaded volume (the pool
# is a local dir) must have the source's sha256; sparse results should
# keep their holes (a NOTE is printed if not).
# Raw lines go to target/bench/streams-<timestamp>.jsonl (virtwire's own
# line too, marked "source":"self"); temp data lives in /tmp/virtwire-bench.
set -euo pipefail
export LC_ALL=C  # a '.' in $EPOCHREALTIME and in awk's numbers
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

REPS=3
SIZE_MIB=1024
IMPLS=virsh,go-libvirt,virtwire
TIMEOUT=300
KEEP=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --reps) REPS=$2; shift 2 ;;
        --size-mib) SIZE_MIB=$2; shift 2 ;;
        --impls) IMPLS=$2; shift 2 ;;
        --timeout) TIMEOUT=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
        *) echo "bench/streams.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ $REPS =~ ^[0-9]+$ && $REPS -ge 1 && $SIZE_MIB =~ ^[0-9]+$ && $SIZE_MIB -ge 100 && $TIMEOUT =~ ^[0-9]+$ ]] ||
    { echo "bench/streams.sh: bad --reps/--size-mib (>= 100)/--timeout" >&2; exit 2; }

say() { printf '[streams] %s\n' "$*" >&2; }
die() { printf '[streams] ERROR: %s\n' "$*" >&2; exit 1; }
want() { [[ ,$IMPLS, == *,$1,* ]]; }

[[ -x /usr/bin/time ]] || die "/usr/bin/time missing: run scripts/install-libvirt.sh (package time)"
WORK=/tmp/virtwire-bench
SIZE=$((SIZE_MIB << 20))

# --- daemon and pool ------------------------------------------------------------
if ! scripts/libvirtd.sh status >/dev/null 2>&1; then
    say "starting private libvirtd"
    scripts/libvirtd.sh start
fi
eval "$(scripts/libvirtd.sh env)"
scripts/stream-pool.sh ensure
eval "$(scripts/stream-pool.sh env)"
POOL=$VIRTWIRE_STREAM_POOL
POOL_DIR=$VIRTWIRE_STREAM_POOL_DIR
URI=$VIRTWIRE_STREAM_POOL_URI
v() { timeout 120 virsh -q -c "$URI" "$@"; }

VOL_DENSE=virtwire-bench-dense.raw
VOL_SPARSE=virtwire-bench-sparse.raw
VOL_UP=virtwire-bench-upload.raw

cleanup() {
    local vol
    [[ $KEEP == 1 ]] && { say "kept $WORK and the bench volumes"; return; }
    for vol in $VOL_DENSE $VOL_SPARSE $VOL_UP; do
        v vol-delete --pool "$POOL" "$vol" >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}

# --- builds (outside any timing) ----------------------------------------------
GO_BIN=
if want go-libvirt; then
    if command -v go >/dev/null && [[ -d /usr/share/gocode/src/github.com/digitalocean/go-libvirt ]]; then
        say "building bench/go/streambench (GOPATH mode on Debian's gocode, offline)"
        mkdir -p target/bench
        GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=$ROOT/target/bench/gocache \
            GOPROXY=off GOFLAGS= GOTOOLCHAIN=local \
            timeout 300 go build -o target/bench/go-streambench ./bench/go/streambench ||
            die "building bench/go/streambench failed"
        GO_BIN=$ROOT/target/bench/go-streambench
    else
        say "go or go-libvirt missing (scripts/install-libvirt.sh installs them): skipping go-libvirt"
    fi
fi
VW_BIN=
if want virtwire; then
    if [[ -n ${VIRTWIRE_STREAM_BENCH:-} ]]; then
        [[ -x $VIRTWIRE_STREAM_BENCH ]] || die "VIRTWIRE_STREAM_BENCH=$VIRTWIRE_STREAM_BENCH is not executable"
        VW_BIN=$VIRTWIRE_STREAM_BENCH
    else
        say "VIRTWIRE_STREAM_BENCH is not set: skipping virtwire"
    fi
fi
want virsh || [[ -n $GO_BIN || -n $VW_BIN ]] || die "no implementation to run"

# --- data -----------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK"
trap cleanup EXIT
free_kib=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
[[ $free_kib -gt $((SIZE_MIB * 1024 * 5)) ]] || die "need ~$((SIZE_MIB * 5)) MiB free under $WORK"

say "writing sources: $SIZE_MIB MiB dense (random) and sparse (10 chunks of $((SIZE_MIB / 100)) MiB)"
timeout 300 head -c "$SIZE" /dev/urandom >"$WORK/dense.src"
# Chunk i starts at i*stride + stride/2 MiB: a hole before the first chunk,
# between all chunks and after the last one.
timeout 120 python3 - "$WORK/sparse.src" "$SIZE_MIB" <<'EOF'
import os, sys
path, size_mib = sys.argv[1], int(sys.argv[2])
stride, chunk = size_mib // 10, max(1, size_mib // 100)
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
os.ftruncate(fd, size_mib << 20)
for i in range(10):
    off = (i * stride + stride // 2) << 20
    for k in range(chunk):
        os.pwrite(fd, os.urandom(1 << 20), off + (k << 20))
os.close(fd)
EOF
SUM_DENSE=$(sha256sum "$WORK/dense.src" | cut -d' ' -f1)
SUM_SPARSE=$(sha256sum "$WORK/sparse.src" | cut -d' ' -f1)

# "EXTENTS ALLOC_KIB" of a file: data extents (SEEK_DATA/SEEK_HOLE) and
# allocated KiB; a dense file is one extent.
layout() {
    python3 - "$1" <<'EOF'
import os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
size, n, off = os.fstat(fd).st_size, 0, 0
while off < size:
    try:
        d = os.lseek(fd, off, os.SEEK_DATA)
    except OSError:  # ENXIO: only a hole is left
        break
    off = os.lseek(fd, d, os.SEEK_HOLE)
    n += 1
print(n, os.fstat(fd).st_blocks // 2)
EOF
}
read -r SPARSE_EXTENTS SPARSE_KIB < <(layout "$WORK/sparse.src")
say "sparse source: $SPARSE_EXTENTS data extents, $SPARSE_KIB KiB allocated"

# (Re)create VOL with no allocation; with content FILE if given (copied into
# the pool dir directly, keeping holes).
make_vol() {
    local vol=$1 src=${2:-}
    v vol-delete --pool "$POOL" "$vol" >/dev/null 2>&1 || true
    v vol-create-as "$POOL" "$vol" "${SIZE_MIB}M" --allocation 0 --format raw >/dev/null ||
        die "vol-create-as $vol failed"
    if [[ -n $src ]]; then
        cp --sparse=always "$src" "$POOL_DIR/$vol"
        v pool-refresh "$POOL" >/dev/null
    fi
}
say "creating volumes in pool $POOL ($POOL_DIR)"
make_vol $VOL_DENSE "$WORK/dense.src"
make_vol $VOL_SPARSE "$WORK/sparse.src"
[[ $(sha256sum "$POOL_DIR/$VOL_SPARSE" | cut -d' ' -f1) == "$SUM_SPARSE" ]] || die "sparse volume content differs from its source"
read -r n kib < <(layout "$POOL_DIR/$VOL_SPARSE")
[[ $n == "$SPARSE_EXTENTS" ]] || die "sparse volume has $n data extents, source $SPARSE_EXTENTS (no holes on this fs?)"

# --- one measured run ------------------------------------------------------------
mkdir -p target/bench
OUT=$ROOT/target/bench/streams-$(date -u +%Y%m%dT%H%M%SZ).jsonl
: >"$OUT"
FAILED=0

# run IMPL MODE SPARSE(0|1)
run() {
    local impl=$1 mode=$2 sparse=$3 vol file src sum tf log rc t0 t1 line secs user sys rss cpu got n kib sflag=
    if [[ $sparse == 1 ]]; then src=$WORK/sparse.src sum=$SUM_SPARSE sflag=--sparse; else src=$WORK/dense.src sum=$SUM_DENSE; fi
    if [[ $mode == download ]]; then
        vol=$VOL_DENSE; [[ $sparse == 1 ]] && vol=$VOL_SPARSE
        file=$WORK/download.out
        rm -f "$file"
    else
        vol=$VOL_UP
        file=$src
        make_vol $VOL_UP
    fi
    local -a cmd
    # $sflag is empty or one word.
    # shellcheck disable=SC2206
    case $impl in
        virsh) cmd=(virsh -q -c "$URI" "vol-$mode" --pool "$POOL" "$vol" "$file" $sflag) ;;
        go-libvirt) cmd=("$GO_BIN" --socket "$VIRTWIRE_LIBVIRTD_SOCK" --pool "$POOL" --vol "$vol" --mode "$mode" --file "$file" $sflag) ;;
        virtwire) cmd=("$VW_BIN" --uri "$URI" --pool "$POOL" --vol "$vol" --mode "$mode" $sflag --file "$file") ;;
    esac
    tf=$WORK/time.txt log=$WORK/run.log
    sync  # earlier runs' dirty pages must not be written back during this one
    rc=0
    t0=$EPOCHREALTIME
    timeout "$TIMEOUT" /usr/bin/time -o "$tf" -f '%e %U %S %M' "${cmd[@]}" >"$log" 2>&1 || rc=$?
    t1=$EPOCHREALTIME
    if [[ $rc -ne 0 ]]; then
        say "FAIL $impl $mode sparse=$sparse: exit $rc$([[ $rc == 124 ]] && echo " (timeout ${TIMEOUT}s)")"
        sed 's/^/    /' "$log" >&2
        FAILED=1
        return
    fi
    # With a failing command, time(1) writes a status line first: use the last.
    # time(1)'s %e has only 10 ms resolution: take the wall time from bash.
    read -r _ user sys rss < <(tail -n1 "$tf")
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [[ $mode == download ]]; then got=$file; else got=$POOL_DIR/$vol; fi
    if [[ $(sha256sum "$got" | cut -d' ' -f1) != "$sum" ]]; then
        say "FAIL $impl $mode sparse=$sparse: sha256 of $got differs from the source"
        FAILED=1
        return
    fi
    read -r n kib < <(layout "$got")
    if [[ $sparse == 1 && $n != "$SPARSE_EXTENTS" ]]; then
        say "NOTE $impl $mode sparse: result has $n data extents ($kib KiB allocated), source $SPARSE_EXTENTS: holes not kept"
    fi
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    line=$(printf '{"impl":"%s","mode":"%s","sparse":%s,"bytes":%d,"secs":%s,"cpu_secs":%s,"max_rss_kib":%d}' \
        "$impl" "$mode" "$([[ $sparse == 1 ]] && echo true || echo false)" "$SIZE" "$secs" "$cpu" "$rss")
    echo "$line" >>"$OUT"
    printf '%s  (result: %s extents, %s KiB allocated)\n' "$line" "$n" "$kib" >&2
    if [[ $impl == virtwire ]]; then
        # Keep the binary's own line too, but only after checking it.
        local self
        self=$(grep -m1 '^{' "$log" || true)
        python3 - "$self" "$mode" "$sparse" "$SIZE" <<'EOF' || { say "FAIL virtwire: bad JSON line: $self"; FAILED=1; return; }
import json, sys
r = json.loads(sys.argv[1])
assert r["impl"] == "virtwire" and r["mode"] == sys.argv[2], r
assert r["sparse"] == (sys.argv[3] == "1") and int(r["bytes"]) == int(sys.argv[4]), r
assert all(isinstance(r[k], (int, float)) for k in ("secs", "cpu_secs", "max_rss_kib")), r
EOF
        python3 -c 'import json, sys; r = json.loads(sys.argv[1]); r["source"] = "self"; print(json.dumps(r))' "$self" >>"$OUT"
    fi
}

# --- runs, alternating ----------------------------------------------------------
impls=()
want virsh && impls+=(virsh)
[[ -n $GO_BIN ]] && impls+=(go-libvirt)
[[ -n $VW_BIN ]] && impls+=(virtwire)
for ((r = 1; r <= REPS; r++)); do
    # Rotate the order so no implementation always runs first.
    order=("${impls[@]:$(((r - 1) % ${#impls[@]}))}" "${impls[@]:0:$(((r - 1) % ${#impls[@]}))}")
    for mode in download upload; do
        for sparse in 0 1; do
            for impl in "${order[@]}"; do
                [[ $impl == go-libvirt && $sparse == 1 ]] && continue
                say "run $r/$REPS: $impl $mode $([[ $sparse == 1 ]] && echo sparse || echo dense)"
                run "$impl" "$mode" "$sparse"
            done
        done
    done
done

# --- report -----------------------------------------------------------------------
echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "host:     $(uname -srm), nproc $(nproc)"
echo "cpu:      $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
echo "libvirt:  virsh $(virsh --version), daemon $(libvirtd --version 2>/dev/null | awk '{print $NF}')"
echo "go:       $(go version 2>/dev/null || echo -), go-libvirt $(dpkg-query -W -f='${Version}' golang-github-digitalocean-go-libvirt-dev 2>/dev/null || echo -)"
echo "fs:       $(df -PT "$POOL_DIR" | awk 'NR == 2 { print $2 }') under $POOL_DIR and $WORK"
echo "workload: $SIZE_MIB MiB raw volume, dense (random) and sparse ($SPARSE_EXTENTS chunks, $SPARSE_KIB KiB data), unix socket, best of $REPS"
echo "results:  $OUT"
python3 bench/streams_report.py "$OUT"
[[ $FAILED == 0 ]] || die "some runs failed (see above)"
