#!/usr/bin/env bash
# Install libvirt 11.3.0 (daemon, virsh, headers) and QEMU from Debian
# bookworm-backports, idempotently, as root. A second run only re-checks.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

start=$(date +%s)
need_root
export DEBIAN_FRONTEND=noninteractive

# Smallest set that gives libvirtd with the test, qemu, network and storage
# drivers. Not libvirt-daemon-system: it adds config-network, whose
# autostarted "default" NAT network (virbr0 + dnsmasq) we do not want.
PACKAGES=(
    libvirt-daemon                 # libvirtd itself (test driver is built in)
    libvirt-daemon-driver-qemu
    libvirt-daemon-driver-network
    libvirt-daemon-driver-storage
    libvirt-daemon-driver-secret   # secrets and their events
    libvirt-daemon-driver-nodedev  # node devices and their events (udev)
    udev                           # udevd forwards uevents to nodedev
    iproute2                       # ip: tap links that raise node device events
    libvirt-clients                # virsh, virt-admin
    libvirt-dev                    # headers + pkg-config for a C benchmark
    qemu-system-x86
    qemu-utils                     # qemu-img for guest disks
    ipxe-qemu                      # NIC option ROMs (efi-virtio.rom): console guest's iPXE shell
    python3-libvirt                # C-library reference client: graphics-fd check in console-guest.sh
    time                           # /usr/bin/time: CPU and max RSS in bench/streams.sh
    gdb                            # the live-test watchdog prints a hung daemon's threads
    golang-go/bookworm             # bench/streams.sh's go-libvirt side (Go 1.19, as tested;
    golang-github-digitalocean-go-libvirt-dev  #  /bookworm keeps -t backports' Go 1.23 out)
    sasl2-bin libsasl2-modules     # SASL daemon's sasldb (scripts/sasl-daemon.sh)
    libsasl2-dev                   # Cyrus SASL headers + pkg-config: the sasl-cyrus feature
    libsasl2-modules-gssapi-mit    # Cyrus's GSSAPI plugin (daemon and client)
    krb5-kdc krb5-admin-server     # the private KDC (krb5kdc, kdb5_util, kadmin.local)
    krb5-user                      # kinit for the test user's credential cache
    openssh-server/bookworm        # sshd for the ssh transport tests (scripts/sshd.sh);
    openssh-sftp-server/bookworm   #  /bookworm: backports' 10.0 would need its own
    openssh-client/bookworm        #  openssh-client; keep all three at bookworm's
    netcat-openbsd                 # nc -U: the ssh transport's netcat proxy
    libvirt-daemon-common          # virt-ssh-helper: the ssh transport's native proxy
    gcc pkg-config
)

# True when every package is installed and the daemon is the pinned release.
all_installed() {
    local p st
    for p in "${PACKAGES[@]}"; do
        p=${p%%/*}  # name/suite only picks the suite to install from
        st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) || return 1
        [[ $st == installed ]] || return 1
    done
    [[ $(dpkg-query -W -f='${Version}' libvirt-daemon) == "$VIRTWIRE_LIBVIRT_VERSION"-* ]]
}

if all_installed; then
    log "all packages already installed; skipping apt"
else
    ensure_apt_source || true
    # Full update, not just ours: dependencies come from bookworm main too,
    # and an image's lists can be old enough to point at removed .debs.
    log "apt-get update"
    apt-get update -qq || die "apt-get update failed (network to the Debian mirror?)"

    # No init system runs here, but maintainer scripts may still try to
    # start daemons through invoke-rc.d; policy-rc.d exit 101 forbids that.
    # Only add one if the machine has none, and remove what we added.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\n# virtwire install-libvirt.sh: do not start services\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi

    log "apt-get install -t $VIRTWIRE_LIBVIRT_SUITE ${PACKAGES[*]}"
    apt-get install -y -q --no-install-recommends -t "$VIRTWIRE_LIBVIRT_SUITE" \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        "${PACKAGES[@]}" || die "apt-get install failed"
fi

ver=$(libvirtd --version 2>&1) || die "libvirtd --version failed: $ver"
[[ $ver == *" $VIRTWIRE_LIBVIRT_VERSION"* ]] || die "expected libvirtd $VIRTWIRE_LIBVIRT_VERSION, got: $ver"
log "$ver"

# There is no virtlogd (no init system to run it), so QEMU's stdout/stderr
# must go straight to a file instead of through virtlogd.
qconf=/etc/libvirt/qemu.conf
[[ -f $qconf ]] || die "$qconf missing (libvirt-daemon-driver-qemu not installed?)"
if grep -qx 'stdio_handler = "file"' "$qconf"; then
    :
elif grep -qE '^[[:space:]]*stdio_handler[[:space:]]*=' "$qconf"; then
    sed -i -E 's/^[[:space:]]*stdio_handler[[:space:]]*=.*/stdio_handler = "file"/' "$qconf"
    log "set stdio_handler = \"file\" in $qconf"
else
    printf '\n# virtwire: no virtlogd on this machine\nstdio_handler = "file"\n' >>"$qconf"
    log "added stdio_handler = \"file\" to $qconf"
fi

log "done in $(( $(date +%s) - start ))s"
