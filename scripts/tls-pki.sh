#!/usr/bin/env bash
# A private PKI for the TLS tests, made with openssl: a CA, a server
# certificate for "localhost" (the private libvirtd's), and client
# directories in libvirt's pkipath= layout (cacert.pem, clientcert.pem,
# clientkey.pem), one per test case. Idempotent; `ensure` only makes what is
# missing, `install-system` also copies the good client files into libvirt's
# system layout for root (/etc/pki/...) unless other files are there.
#
#   scripts/tls-pki.sh ensure|install-system|dir
#
#   VIRTWIRE_PKI_DIR   where (default /tmp/virtwire-libvirtd/pki)
#
# Layout of $VIRTWIRE_PKI_DIR:
#   ca/            the CA (cacert.pem, cakey.pem)
#   server/        the daemon's servercert.pem and serverkey.pem
#   client/        a good client (pkipath= target)
#   nocert/        only cacert.pem: the daemon must refuse it
#   wrongca/       a CA and client of another PKI: trusts no server here
#   foreignclient/ our CA, but a client certificate from the other PKI
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

PKI=${VIRTWIRE_PKI_DIR:-/tmp/virtwire-libvirtd/pki}
DAYS=3650
SUBJ_O="/O=virtwire tests"
MARKER=/etc/pki/libvirt/.virtwire-test-pki

newkey() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

make_ca() { # dir cn
    local dir=$1 cn=$2
    mkdir -p "$dir"
    newkey "$dir/cakey.pem"
    openssl req -x509 -new -key "$dir/cakey.pem" -out "$dir/cacert.pem" -days "$DAYS" \
        -subj "$SUBJ_O/CN=$cn" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}

sign() { # ca_dir key out cn extensions
    local ca=$1 key=$2 out=$3 cn=$4 ext=$5 csr
    csr=$(mktemp)
    newkey "$key"
    openssl req -new -key "$key" -out "$csr" -subj "$SUBJ_O/CN=$cn" 2>/dev/null
    openssl x509 -req -in "$csr" -CA "$ca/cacert.pem" -CAkey "$ca/cakey.pem" \
        -CAcreateserial -out "$out" -days "$DAYS" -extfile <(printf '%b' "$ext") 2>/dev/null
    rm -f "$csr"
}

SERVER_EXT='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost\n'
CLIENT_EXT='basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n'

cmd_ensure() {
    command -v openssl >/dev/null || die "openssl not installed"
    if [[ -f $PKI/complete ]]; then
        return 0
    fi
    rm -rf "$PKI"
    mkdir -p "$PKI"
    chmod 755 "$PKI"
    make_ca "$PKI/ca" "virtwire test CA"
    make_ca "$PKI/otherca" "virtwire other CA"

    mkdir -p "$PKI/server"
    sign "$PKI/ca" "$PKI/server/serverkey.pem" "$PKI/server/servercert.pem" localhost "$SERVER_EXT"

    mkdir -p "$PKI/client"
    cp "$PKI/ca/cacert.pem" "$PKI/client/"
    sign "$PKI/ca" "$PKI/client/clientkey.pem" "$PKI/client/clientcert.pem" virtwire-client "$CLIENT_EXT"

    mkdir -p "$PKI/nocert"
    cp "$PKI/ca/cacert.pem" "$PKI/nocert/"

    mkdir -p "$PKI/wrongca"
    cp "$PKI/otherca/cacert.pem" "$PKI/wrongca/"
    sign "$PKI/otherca" "$PKI/wrongca/clientkey.pem" "$PKI/wrongca/clientcert.pem" virtwire-other-client "$CLIENT_EXT"

    mkdir -p "$PKI/foreignclient"
    cp "$PKI/ca/cacert.pem" "$PKI/foreignclient/"
    cp "$PKI/wrongca/clientcert.pem" "$PKI/wrongca/clientkey.pem" "$PKI/foreignclient/"

    touch "$PKI/complete"
    log "PKI ready in $PKI"
}

# libvirt's root layout, so that qemu+tls://localhost/system works with no
# pkipath (for virtwire and virsh alike). Files someone else put there are
# left alone.
cmd_install_system() {
    cmd_ensure
    need_root
    local f
    for f in /etc/pki/CA/cacert.pem /etc/pki/libvirt/clientcert.pem /etc/pki/libvirt/private/clientkey.pem; do
        if [[ -e $f && ! -e $MARKER ]]; then
            log "$f exists and is not ours: leaving the system PKI alone"
            return 0
        fi
    done
    install -D -m 644 "$PKI/ca/cacert.pem" /etc/pki/CA/cacert.pem
    install -D -m 644 "$PKI/client/clientcert.pem" /etc/pki/libvirt/clientcert.pem
    install -D -m 600 "$PKI/client/clientkey.pem" /etc/pki/libvirt/private/clientkey.pem
    echo "$PKI" >"$MARKER"
}

case ${1:-} in
    ensure) cmd_ensure ;;
    install-system) cmd_install_system ;;
    dir) echo "$PKI" ;;
    *) die "usage: $0 ensure|install-system|dir" ;;
esac
