#!/usr/bin/env bash
# Everything a fresh Debian bookworm machine needs, as root: libvirt 11.3.0
# from bookworm-backports (daemon, clients, QEMU), libvirt's protocol files,
# a private libvirtd with unix, TCP and TLS listeners (scripts/libvirtd.sh,
# with the PKI of scripts/tls-pki.sh, also installed in libvirt's root
# layout under /etc/pki unless other files are there), a private sshd on
# 127.0.0.1:2222 for the ssh transport (scripts/sshd.sh), a second,
# unprivileged libvirtd whose listeners all demand SASL, with its own sasldb
# and a private MIT KDC for GSSAPI (scripts/sasl-daemon.sh), and the dir
# storage pool for stream tests (scripts/stream-pool.sh).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$VIRTWIRE_ROOT"

scripts/install-libvirt.sh
scripts/fetch-protocol.sh
scripts/libvirtd.sh start
scripts/tls-pki.sh install-system
scripts/sshd.sh start
scripts/sasl-daemon.sh start
scripts/stream-pool.sh ensure
