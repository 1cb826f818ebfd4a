#!/usr/bin/env bash
# A second, unprivileged libvirtd (session mode, as nobody) whose listeners
# all demand SASL: unix socket, TCP (SSF >= 56: DIGEST-MD5/GSSAPI only) and
# TLS (client certificate and SASL). Its sasldb, SASL config
# (SASL_CONF_PATH) and users are its own. For GSSAPI it also runs a private
# MIT KDC (realm VIRTWIRE.TEST on 127.0.0.1, its own kdc.conf, krb5.conf and
# database under $DIR/krb5): the daemon's service principal
# libvirt/localhost is in a keytab it reads (KRB5_KTNAME), and a user
# principal gets a credential cache from kinit. The main private daemon
# (scripts/libvirtd.sh) keeps auth "none" for every other test; only one
# privileged libvirtd can run on a machine, but session daemons with their
# own dirs coexist with it.
#
#   scripts/sasl-daemon.sh start|stop|status
#
#   VIRTWIRE_SASL_DIR        run dir (default /tmp/virtwire-sasl)
#   VIRTWIRE_SASL_TCP_PORT   default 16521
#   VIRTWIRE_SASL_TLS_PORT   default 16522
#   VIRTWIRE_KDC_PORT        default 16523 (TCP and UDP)
#
# `start` writes $VIRTWIRE_SASL_DIR/env: the socket, ports, the test
# users and passwords (test-only secrets, made up here), and the Kerberos
# files: VIRTWIRE_KRB5_CONFIG and VIRTWIRE_KRB5CCNAME. A GSSAPI client
# (Cyrus, through MIT krb5) reads KRB5_CONFIG and KRB5CCNAME from its
# process environment, so whoever runs one sets them to those values (the
# live test re-runs itself in a child process with them set).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

DIR=${VIRTWIRE_SASL_DIR:-/tmp/virtwire-sasl}
TCP_PORT=${VIRTWIRE_SASL_TCP_PORT:-16521}
TLS_PORT=${VIRTWIRE_SASL_TLS_PORT:-16522}
PKI=${VIRTWIRE_PKI_DIR:-/tmp/virtwire-libvirtd/pki}
RUN_AS=65534
PIDFILE=$DIR/libvirtd.pid
ENVFILE=$DIR/env
SOCK=$DIR/run/libvirt-sock
USER_NAME=virtwire
USER_PASSWORD=virtwire-sasl-secret
REALM=virtwire.test
KDC_PORT=${VIRTWIRE_KDC_PORT:-16523}
KRB=$DIR/krb5
KRB_REALM=VIRTWIRE.TEST
KRB_USER=virtwire
KRB_PASSWORD=virtwire-krb5-secret
KRB_SERVICE=libvirt/localhost

our_pid() { live_pid "$PIDFILE" libvirtd; }

kdc_pid() { live_pid "$KRB/kdc.pid" krb5kdc; }

# A fresh user ticket (kinit's default lifetime is a day; every start
# renews it, even when everything already runs).
krb_kinit() {
    printf '%s\n' "$KRB_PASSWORD" |
        KRB5_CONFIG=$KRB/krb5.conf KRB5CCNAME=FILE:$KRB/ccache \
            kinit "$KRB_USER@$KRB_REALM" >/dev/null ||
        die "kinit $KRB_USER@$KRB_REALM failed (see $KRB/kdc.log)"
}

# The realm: config files, database, principals, keytab, KDC, ticket.
krb_start() {
    command -v krb5kdc >/dev/null && command -v kadmin.local >/dev/null ||
        die "krb5kdc/kadmin.local missing: run scripts/install-libvirt.sh"
    mkdir -p "$KRB"
    # rdns/dns_canonicalize_hostname off: the client asks for
    # libvirt/localhost as written. ignore_acceptor_hostname: the daemon's
    # Cyrus GSSAPI names itself libvirt/<its host name>; this lets it accept
    # any libvirt/* principal in its keytab, so the name of the machine
    # does not matter.
    cat >"$KRB/krb5.conf" <<CONF
[libdefaults]
    default_realm = $KRB_REALM
    dns_lookup_kdc = false
    dns_lookup_realm = false
    rdns = false
    dns_canonicalize_hostname = false
    ignore_acceptor_hostname = true
    udp_preference_limit = 1
[realms]
    $KRB_REALM = {
        kdc = 127.0.0.1:$KDC_PORT
    }
[domain_realm]
    localhost = $KRB_REALM
CONF
    cat >"$KRB/kdc.conf" <<CONF
[kdcdefaults]
    kdc_listen = 127.0.0.1:$KDC_PORT
    kdc_tcp_listen = 127.0.0.1:$KDC_PORT
[realms]
    $KRB_REALM = {
        database_name = $KRB/principal
        key_stash_file = $KRB/stash
        acl_file = $KRB/kadm5.acl
        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
    }
[logging]
    kdc = FILE:$KRB/kdc.log
CONF
    : >"$KRB/kadm5.acl"
    local -x KRB5_CONFIG=$KRB/krb5.conf KRB5_KDC_PROFILE=$KRB/kdc.conf
    kdb5_util create -s -r "$KRB_REALM" -P "virtwire-kdb-master" >/dev/null 2>&1 ||
        die "kdb5_util create failed"
    kadmin.local -r "$KRB_REALM" -q "addprinc -pw $KRB_PASSWORD $KRB_USER" >/dev/null 2>&1 ||
        die "cannot add the principal $KRB_USER"
    kadmin.local -r "$KRB_REALM" -q "addprinc -randkey $KRB_SERVICE" >/dev/null 2>&1 ||
        die "cannot add the principal $KRB_SERVICE"
    kadmin.local -r "$KRB_REALM" -q "ktadd -k $KRB/libvirt.keytab $KRB_SERVICE" >/dev/null 2>&1 ||
        die "cannot write the keytab"
    krb5kdc -P "$KRB/kdc.pid" || die "krb5kdc did not start (see $KRB/kdc.log)"
    local i
    for ((i = 0; i < 40; i++)); do
        kdc_pid >/dev/null && ss -Hltn "sport = :$KDC_PORT" | grep -q . && break
        sleep 0.25
    done
    kdc_pid >/dev/null || die "krb5kdc did not stay up (see $KRB/kdc.log)"
    krb_kinit
}

cmd_start() {
    need_root
    local pid i
    if pid=$(our_pid) && [[ -S $SOCK ]] && kdc_pid >/dev/null && grep -q '^VIRTWIRE_KRB5_CONFIG=' "$ENVFILE" 2>/dev/null; then
        krb_kinit
        log "already running (pid $pid)"
        return 0
    fi
    # Half up (or from before the KDC was added): start over.
    cmd_stop
    command -v saslpasswd2 >/dev/null || die "saslpasswd2 missing: run scripts/install-libvirt.sh"
    VIRTWIRE_PKI_DIR=$PKI "$(dirname "$0")/tls-pki.sh" ensure
    rm -rf "$DIR"
    mkdir -p "$DIR"/{home,run,xdg,cfg,cache,sasl,pki}
    chmod 755 "$DIR"

    # SASL: the daemon's service name is "libvirt", so its config is
    # libvirt.conf in SASL_CONF_PATH.
    cat >"$DIR/sasl/libvirt.conf" <<CONF
mech_list: scram-sha-256 scram-sha-1 digest-md5 gssapi
sasldb_path: $DIR/sasl/passwd.db
CONF
    # The user in the daemon's default realm (its host name), which is what
    # a client naming no realm authenticates as, and in a named realm.
    printf '%s' "$USER_PASSWORD" | saslpasswd2 -p -c -f "$DIR/sasl/passwd.db" -a libvirt "$USER_NAME"
    printf '%s' "$USER_PASSWORD" | saslpasswd2 -p -c -f "$DIR/sasl/passwd.db" -a libvirt -u "$REALM" "$USER_NAME"

    krb_start
    # The daemon reads its keytab as nobody.
    chown "$RUN_AS:$RUN_AS" "$KRB/libvirt.keytab"
    chmod 600 "$KRB/libvirt.keytab"
    chmod 755 "$KRB"
    chmod 644 "$KRB/krb5.conf"

    cp "$PKI/ca/cacert.pem" "$PKI/server/servercert.pem" "$PKI/server/serverkey.pem" "$DIR/pki/"
    cat >"$DIR/libvirtd.conf" <<CONF
# Generated by virtwire scripts/sasl-daemon.sh; rewritten on every start.
listen_tcp = 1
listen_tls = 1
listen_addr = "127.0.0.1"
tcp_port = "$TCP_PORT"
tls_port = "$TLS_PORT"
auth_tcp = "sasl"
auth_tls = "sasl"
auth_unix_rw = "sasl"
auth_unix_ro = "sasl"
unix_sock_dir = "$DIR/run"
unix_sock_rw_perms = "0777"
unix_sock_ro_perms = "0777"
ca_file = "$DIR/pki/cacert.pem"
cert_file = "$DIR/pki/servercert.pem"
key_file = "$DIR/pki/serverkey.pem"
log_outputs = "3:file:$DIR/libvirtd.log"
CONF
    chown -R "$RUN_AS:$RUN_AS" "$DIR"/{home,run,xdg,cfg,cache,sasl,pki}
    chmod 700 "$DIR"/{home,xdg,cfg,cache,pki}
    chmod 755 "$DIR/run"
    chmod 600 "$DIR/pki/serverkey.pem" "$DIR/sasl/passwd.db"
    touch "$DIR/libvirtd.log" && chown "$RUN_AS:$RUN_AS" "$DIR/libvirtd.log"
    chown "$RUN_AS:$RUN_AS" "$DIR"

    setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --clear-groups -- \
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$DIR/home" \
        XDG_RUNTIME_DIR="$DIR/xdg" XDG_CONFIG_HOME="$DIR/cfg" XDG_CACHE_HOME="$DIR/cache" \
        SASL_CONF_PATH="$DIR/sasl" KRB5_CONFIG="$KRB/krb5.conf" KRB5_KTNAME="FILE:$KRB/libvirt.keytab" \
        libvirtd --listen --daemon --config "$DIR/libvirtd.conf" --pid-file "$PIDFILE" ||
        { tail -n 20 "$DIR/libvirtd.log" >&2; die "the SASL libvirtd did not start"; }
    for ((i = 0; i < 60; i++)); do
        if pid=$(our_pid) && [[ -S $SOCK ]] &&
            ss -Hltn "sport = :$TCP_PORT" | grep -q . && ss -Hltn "sport = :$TLS_PORT" | grep -q .; then
            {
                printf 'VIRTWIRE_SASL_SOCK=%q\n' "$SOCK"
                printf 'VIRTWIRE_SASL_TCP=%s\n' "127.0.0.1:$TCP_PORT"
                printf 'VIRTWIRE_SASL_TLS=%s\n' "localhost:$TLS_PORT"
                printf 'VIRTWIRE_SASL_USER=%s\n' "$USER_NAME"
                printf 'VIRTWIRE_SASL_PASSWORD=%s\n' "$USER_PASSWORD"
                printf 'VIRTWIRE_SASL_REALM=%s\n' "$REALM"
                printf 'VIRTWIRE_SASL_PID=%s\n' "$pid"
                printf 'VIRTWIRE_KRB5_CONFIG=%q\n' "$KRB/krb5.conf"
                printf 'VIRTWIRE_KRB5CCNAME=%q\n' "FILE:$KRB/ccache"
                printf 'VIRTWIRE_KRB5_PRINCIPAL=%s\n' "$KRB_USER@$KRB_REALM"
            } >"$ENVFILE"
            log "SASL libvirtd running (pid $pid, $SOCK, tcp 127.0.0.1:$TCP_PORT, tls localhost:$TLS_PORT)"
            return 0
        fi
        sleep 0.5
    done
    tail -n 20 "$DIR/libvirtd.log" >&2 || true
    die "the SASL libvirtd did not listen within 30 s"
}

cmd_stop() {
    local pid
    if pid=$(our_pid); then
        end_process "$pid" 10
        log "stopped (pid $pid)"
    else
        log "not running"
    fi
    if pid=$(kdc_pid); then
        end_process "$pid" 5
        log "KDC stopped (pid $pid)"
    fi
    rm -f "$ENVFILE" "$PIDFILE" "$KRB/kdc.pid"
}

cmd_status() {
    local pid
    if pid=$(our_pid); then
        echo "running (pid $pid)"
        cat "$ENVFILE" 2>/dev/null || true
    else
        echo "not running"
        return 1
    fi
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: $0 start|stop|status" ;;
esac
