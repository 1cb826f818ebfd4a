//! SASL against the SASL daemon of `scripts/sasl-daemon.sh` (an
//! unprivileged libvirtd with its own sasldb): SCRAM over its unix socket
//! and over TLS, credentials from a provider, libvirt's auth file and the
//! URI's user name, and the refusals (wrong password, no credentials, no
//! common mechanism, SASL asked of a daemon that does not use it). Plain
//! TCP (DIGEST-MD5 and GSSAPI with a security layer) is `sasl_cyrus.rs`.

use std::path::PathBuf;
use std::sync::Arc;

use virtwire::auth::sasl::{CredentialRequest, CredentialType, Credentials};
use virtwire::prelude::*;
use virtwire::{Client, ConnectOptions, ErrorKind};
use virtwire_tests::suite::test_driver_suite;
use virtwire_tests::{daemon, sasl_daemon};

fn unix_uri(extra: &str) -> String {
    format!("test+unix:///default?socket={}{extra}", sasl_daemon().sock)
}

fn tls_uri(user: Option<&str>, extra: &str) -> String {
    let at = user.map(|u| format!("{u}@")).unwrap_or_default();
    format!(
        "test+tls://{at}{}/default?pkipath={}{extra}",
        sasl_daemon().tls,
        daemon().pki_dir.join("client").display()
    )
}

fn good() -> ConnectOptions {
    let d = sasl_daemon();
    ConnectOptions::new().credentials(Credentials::new(&d.user, &d.password).into_provider())
}

async fn connect(options: ConnectOptions, uri: &str) -> Client {
    virtwire_tests::connect_with(options, uri).await
}

async fn refused(options: ConnectOptions, uri: &str) -> virtwire::Error {
    virtwire_tests::refused_without(options, uri, &sasl_daemon().password).await
}

/// An auth file with the user's credentials for every host.
fn auth_file(tag: &str) -> PathBuf {
    let d = sasl_daemon();
    let path = std::env::temp_dir().join(format!("{}{tag}.conf", virtwire_tests::prefix()));
    std::fs::write(
        &path,
        format!(
            "[credentials-test]\nauthname={}\npassword={}\n\n[auth-libvirt-default]\ncredentials=test\n",
            d.user, d.password
        ),
    )
    .unwrap();
    path
}

#[tokio::test]
async fn scram_over_unix_runs_the_call_suite() {
    let client = connect(good(), &unix_uri("")).await;
    test_driver_suite(&client, "sasl-unix").await;
}

#[tokio::test]
async fn scram_over_tls_with_the_auth_file_runs_the_call_suite() {
    let file = auth_file("sasl-tls");
    let uri = tls_uri(None, &format!("&authfile={}", file.display()));
    let client = connect(ConnectOptions::new(), &uri).await;
    test_driver_suite(&client, "sasl-tls").await;
    std::fs::remove_file(file).unwrap();
}

#[tokio::test]
async fn scram_sha_1_when_the_uri_asks_for_it() {
    let client = connect(good(), &unix_uri("&auth=sasl.scram-sha-1")).await;
    client.connect_get_hostname().await.unwrap();
    let e = refused(good(), &unix_uri("&auth=sasl.CRAM-MD5")).await;
    assert_eq!(e.kind(), ErrorKind::Auth);
    assert!(
        e.to_string()
            .contains("CRAM-MD5 not supported by the daemon"),
        "{e}"
    );
}

#[tokio::test]
async fn the_uri_user_is_the_authname_and_the_provider_gives_the_password() {
    let password = sasl_daemon().password.clone();
    let provider = move |r: &CredentialRequest| match r.kind {
        CredentialType::Passphrase => Some(password.clone()),
        _ => None,
    };
    let uri = tls_uri(Some(&sasl_daemon().user), "");
    let client = connect(ConnectOptions::new().credentials(Arc::new(provider)), &uri).await;
    client.connect_get_hostname().await.unwrap();
}

#[tokio::test]
async fn a_wrong_password_is_libvirts_auth_failed() {
    let d = sasl_daemon();
    let wrong = ConnectOptions::new()
        .credentials(Credentials::new(&d.user, "not-the-password").into_provider());
    for uri in [unix_uri(""), tls_uri(None, "")] {
        let e = refused(wrong.clone(), &uri).await;
        assert_eq!(e.kind(), ErrorKind::Auth, "{e}");
        assert_eq!(e.code(), Some(virtwire::ErrorCode::AuthFailed), "{e}");
    }
}

#[tokio::test]
async fn no_credentials_name_what_is_missing() {
    let e = refused(ConnectOptions::new(), &unix_uri("")).await;
    assert_eq!(e.kind(), ErrorKind::Auth);
    assert!(e.to_string().contains("authentication name"), "{e}");
}

#[tokio::test]
async fn sasl_asked_of_a_daemon_without_it_is_rejected() {
    let uri = format!("test+unix:///default?socket={}&auth=sasl", daemon().sock);
    let e = refused(good(), &uri).await;
    assert_eq!(e.kind(), ErrorKind::Auth);
    assert!(
        e.to_string()
            .contains("requested authentication type sasl rejected"),
        "{e}"
    );
}
