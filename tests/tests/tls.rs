//! TLS against the private daemon's TLS listener, with the PKI of
//! `scripts/tls-pki.sh`: a good chain (by `pkipath` and by libvirt's root
//! layout), the refusals (wrong CA, wrong host name, no or a foreign client
//! certificate, missing or bad files), `no_verify=1` and `tls_priority`.

use std::path::{Path, PathBuf};

use virtwire::prelude::*;
use virtwire::{Client, ErrorKind};
use virtwire_tests::daemon;
use virtwire_tests::suite::test_driver_suite;

fn pki(dir: &str) -> PathBuf {
    daemon().pki_dir.join(dir)
}

/// `test+tls://HOST:PORT/default?PARAMS`, HOST being `localhost` unless
/// given.
fn uri(host: Option<&str>, params: &str) -> String {
    let (name, port) = daemon().tls.rsplit_once(':').expect("host:port");
    format!(
        "test+tls://{}:{port}/default?{params}",
        host.unwrap_or(name)
    )
}

fn pkipath(dir: &Path) -> String {
    format!("pkipath={}", dir.display())
}

async fn connect(uri: &str) -> Client {
    Client::connect(uri)
        .await
        .unwrap_or_else(|e| panic!("connect to {uri}: {e}"))
}

async fn refused(uri: &str) -> virtwire::Error {
    match Client::connect(uri).await {
        Ok(_) => panic!("{uri} connected, but must be refused"),
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Tls, "{uri}: {e}");
            eprintln!("{uri}\n  -> {e}");
            e
        }
    }
}

/// A pkipath dir made of files from the PKI's dirs: (file name, source dir).
fn mixed_dir(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{}{tag}", virtwire_tests::prefix()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, from) in files {
        std::fs::copy(pki(from).join(name), dir.join(name)).unwrap();
    }
    dir
}

#[tokio::test]
async fn a_good_chain_runs_the_call_suite() {
    let client = connect(&uri(None, &pkipath(&pki("client")))).await;
    test_driver_suite(&client, "tls-suite").await;
    // The qemu driver through the same listener.
    let (host, port) = daemon().tls.rsplit_once(':').unwrap();
    let qemu = connect(&format!(
        "qemu+tls://{host}:{port}/system?{}",
        pkipath(&pki("client"))
    ))
    .await;
    assert!(
        qemu.connect_get_uri()
            .await
            .unwrap()
            .starts_with("qemu:///system")
    );
}

#[tokio::test]
async fn root_finds_libvirts_system_layout_without_pkipath() {
    // scripts/tls-pki.sh install-system puts the good client's files in
    // /etc/pki/CA and /etc/pki/libvirt (setup runs it as root).
    assert_eq!(unsafe_euid(), 0, "the live tests run as root");
    let client = connect(&uri(None, "")).await;
    client.connect_get_hostname().await.unwrap();
}

fn unsafe_euid() -> u32 {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m))
        .unwrap_or(u32::MAX)
}

#[tokio::test]
async fn a_server_from_another_ca_is_refused() {
    let e = refused(&uri(None, &pkipath(&pki("wrongca")))).await;
    let msg = e.to_string();
    assert!(msg.contains("not signed by a CA in"), "{msg}");
    assert!(msg.contains("wrongca/cacert.pem"), "{msg}");
}

#[tokio::test]
async fn a_host_name_the_certificate_lacks_is_refused() {
    // The daemon's certificate names DNS:localhost only.
    let e = refused(&uri(Some("127.0.0.1"), &pkipath(&pki("client")))).await;
    assert!(
        e.to_string()
            .contains("does not match the host name 127.0.0.1"),
        "{e}"
    );
}

#[tokio::test]
async fn the_daemon_refuses_a_client_without_a_certificate() {
    let e = refused(&uri(None, &pkipath(&pki("nocert")))).await;
    assert!(
        e.to_string().contains("refused this client's certificate"),
        "{e}"
    );
}

#[tokio::test]
async fn the_daemon_refuses_a_client_certificate_from_another_ca() {
    let e = refused(&uri(None, &pkipath(&pki("foreignclient")))).await;
    assert!(
        e.to_string().contains("refused this client's certificate"),
        "{e}"
    );
}

#[tokio::test]
async fn no_verify_accepts_an_untrusted_server_and_a_wrong_name() {
    // Our client certificate (the daemon must still accept it), but a CA
    // that did not sign the daemon's certificate.
    let dir = mixed_dir(
        "tls-noverify",
        &[
            ("cacert.pem", "wrongca"),
            ("clientcert.pem", "client"),
            ("clientkey.pem", "client"),
        ],
    );
    let e = refused(&uri(Some("127.0.0.1"), &pkipath(&dir))).await;
    assert!(e.to_string().contains("not signed by a CA"), "{e}");
    let client = connect(&uri(
        Some("127.0.0.1"),
        &format!("{}&no_verify=1", pkipath(&dir)),
    ))
    .await;
    client.connect_get_hostname().await.unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn missing_and_bad_files_are_named() {
    let e = refused(&uri(None, "pkipath=/nonexistent/virtwire-pki")).await;
    assert!(
        e.to_string()
            .contains("CA certificate /nonexistent/virtwire-pki/cacert.pem does not exist"),
        "{e}"
    );
    let dir = mixed_dir(
        "tls-badkey",
        &[("cacert.pem", "client"), ("clientcert.pem", "client")],
    );
    std::fs::write(
        dir.join("clientkey.pem"),
        "-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    let e = refused(&uri(None, &pkipath(&dir))).await;
    assert!(e.to_string().contains("clientkey.pem"), "{e}");
    // A CA file that holds the client's certificate instead: not a CA.
    std::fs::copy(pki("client").join("clientcert.pem"), dir.join("cacert.pem")).unwrap();
    let e = refused(&uri(None, &pkipath(&dir))).await;
    assert!(e.to_string().contains("is not a CA certificate"), "{e}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn tls_priority_picks_the_protocol_version() {
    let good = pkipath(&pki("client"));
    for priority in ["NORMAL:-VERS-TLS1.3", "NORMAL:-VERS-TLS1.2", "SECURE256"] {
        let client = connect(&uri(None, &format!("{good}&tls_priority={priority}"))).await;
        client.connect_get_hostname().await.unwrap();
    }
    let e = refused(&uri(None, &format!("{good}&tls_priority=NONE"))).await;
    assert!(e.to_string().contains("tls_priority"), "{e}");
}

#[tokio::test]
async fn pipelined_calls_never_wait_on_the_daemons_tls_buffer() {
    // libvirtd does not look for plaintext GnuTLS already decrypted; calls
    // coalesced into one TLS record would wait for the next packet. With no
    // keepalive to bring one, such a wait never ends: the timeout catches it.
    let client = virtwire::ConnectOptions::new()
        .keepalive(None)
        .connect(&uri(None, &pkipath(&pki("client"))))
        .await
        .expect("connect");
    let dom = client.raw().domain_lookup_by_name("test").await.unwrap();
    for round in 0..20 {
        let mut calls = tokio::task::JoinSet::new();
        for _ in 0..64 {
            let (client, dom) = (client.clone(), dom.clone());
            calls.spawn(async move { client.domain_get_info(&dom).await });
        }
        let all = async {
            while let Some(r) = calls.join_next().await {
                r.unwrap().expect("get_info");
            }
        };
        tokio::time::timeout(std::time::Duration::from_secs(20), all)
            .await
            .unwrap_or_else(|_| panic!("round {round}: calls stalled over TLS"));
    }
}
