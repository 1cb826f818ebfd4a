//! SASL through Cyrus (the `sasl-cyrus` feature) against the SASL daemon
//! of `scripts/sasl-daemon.sh`: DIGEST-MD5 over its plain TCP listener,
//! where a security layer of SSF 56 or more is required, so every byte
//! after authentication is wrapped; and the refusals there.

use std::time::Duration;

use virtwire::auth::sasl::Credentials;
use virtwire::prelude::*;
use virtwire::{Client, ConnectOptions, ErrorCode, ErrorKind};
use virtwire_tests::sasl_daemon;
use virtwire_tests::suite::test_driver_suite;

fn tcp_uri(extra: &str) -> String {
    format!("test+tcp://{}/default{extra}", sasl_daemon().tcp)
}

/// DIGEST-MD5 named in the URI: the daemon offers GSSAPI too, which Cyrus
/// would prefer (as it does for libvirt's client) and which needs a
/// Kerberos ticket this process does not have.
fn digest_uri() -> String {
    tcp_uri("?auth=sasl.DIGEST-MD5")
}

fn good() -> ConnectOptions {
    let d = sasl_daemon();
    ConnectOptions::new()
        .credentials(Credentials::new(&d.user, &d.password).into_provider())
        .timeout(Some(Duration::from_secs(60)))
}

async fn connect(options: ConnectOptions, uri: &str) -> Client {
    virtwire_tests::connect_with(options, uri).await
}

async fn refused(options: ConnectOptions, uri: &str) -> virtwire::Error {
    virtwire_tests::refused_without(options, uri, &sasl_daemon().password).await
}

#[tokio::test]
async fn digest_md5_over_tcp_runs_the_call_suite_through_the_layer() {
    let client = connect(good(), &digest_uri()).await;
    test_driver_suite(&client, "sasl-digest").await;
}

#[tokio::test]
async fn the_mechanism_in_the_uri_matches_in_any_case() {
    let client = connect(good(), &tcp_uri("?auth=sasl.digest-md5")).await;
    assert!(!client.connect_get_hostname().await.unwrap().is_empty());
}

/// Many calls at once, with replies far larger than one SASL packet
/// (SASL_MAXOUTBUF is about 64 KiB): packets and libvirt messages cut
/// across each other both ways.
#[tokio::test]
async fn many_concurrent_calls_cross_sasl_packets() {
    let client = connect(good().max_in_flight(5), &digest_uri()).await;
    let caps = client.connect_get_capabilities().await.unwrap();
    let hostname = client.connect_get_hostname().await.unwrap();
    // A call whose arguments span several packets: a domain XML padded
    // with a long description (about 200 KiB).
    let name = virtwire_tests::unique_name("sasl-big");
    let description = "x".repeat(200 * 1024);
    let xml = virtwire_tests::test_domain_xml(&name).replace(
        "<name>",
        &format!("<description>{description}</description><name>"),
    );
    let dom = client
        .raw()
        .domain_define_xml(xml.as_str())
        .await
        .expect("define a domain with a 200 KiB description");
    let mut tasks = Vec::new();
    for i in 0..200 {
        let client = client.clone();
        let dom = dom.clone();
        tasks.push(tokio::spawn(async move {
            match i % 3 {
                0 => client.connect_get_capabilities().await.unwrap().to_string(),
                1 => client.connect_get_hostname().await.unwrap().to_string(),
                _ => client
                    .domain_get_xml_desc(&dom, 0)
                    .await
                    .unwrap()
                    .to_string(),
            }
        }));
    }
    for (i, task) in tasks.into_iter().enumerate() {
        let got = task.await.unwrap();
        match i % 3 {
            0 => assert_eq!(got, caps.as_str()),
            1 => assert_eq!(got, hostname.as_str()),
            _ => assert!(got.contains(&description), "the big XML came back whole"),
        }
    }
    client.domain_undefine(&dom).await.unwrap();
}

#[tokio::test]
async fn a_wrong_password_is_libvirts_auth_failed() {
    let d = sasl_daemon();
    let wrong = ConnectOptions::new()
        .credentials(Credentials::new(&d.user, "not-the-password").into_provider());
    let e = refused(wrong, &digest_uri()).await;
    assert_eq!(e.kind(), ErrorKind::Auth, "{e}");
    assert_eq!(e.code(), Some(ErrorCode::AuthFailed), "{e}");
    assert!(!e.to_string().contains("not-the-password"), "{e}");
}

#[tokio::test]
async fn no_credentials_name_what_is_missing() {
    let e = refused(ConnectOptions::new(), &digest_uri()).await;
    assert_eq!(e.kind(), ErrorKind::Auth);
    assert!(e.to_string().contains("authentication name"), "{e}");
}

#[tokio::test]
async fn scram_is_not_offered_on_plain_tcp() {
    // SCRAM has no security layer, so the daemon leaves it out on TCP.
    let e = refused(good(), &tcp_uri("?auth=sasl.scram-sha-256")).await;
    assert_eq!(e.kind(), ErrorKind::Auth);
    assert!(
        e.to_string()
            .contains("scram-sha-256 not supported by the daemon"),
        "{e}"
    );
}

/// GSSAPI against the private MIT KDC, with the ticket `kinit` left in the
/// setup's credential cache. MIT krb5 reads `KRB5_CONFIG` and `KRB5CCNAME`
/// from the process environment, which a running (multi-threaded) test
/// process cannot safely change, so the test runs itself again in a child
/// process that has them.
#[tokio::test]
async fn gssapi_over_tcp_runs_the_call_suite_through_the_layer() {
    const NAME: &str = "gssapi_over_tcp_runs_the_call_suite_through_the_layer";
    let d = sasl_daemon();
    if std::env::var("KRB5CCNAME").ok().as_deref() != Some(d.krb5_ccname.as_str()) {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([NAME, "--exact", "--nocapture"])
            .env("KRB5_CONFIG", &d.krb5_config)
            .env("KRB5CCNAME", &d.krb5_ccname)
            .status()
            .expect("run the GSSAPI test in a child process");
        assert!(
            status.success(),
            "the GSSAPI test failed in its child process"
        );
        return;
    }
    // The service principal is libvirt/localhost: the URI names the host
    // so (no credentials: the ticket is the credential).
    let port = d.tcp.rsplit_once(':').expect("host:port").1;
    let uri = format!("test+tcp://localhost:{port}/default?auth=sasl.gssapi");
    let client = connect(
        ConnectOptions::new().timeout(Some(Duration::from_secs(60))),
        &uri,
    )
    .await;
    test_driver_suite(&client, "sasl-gssapi").await;
}
