use std::path::{Path, PathBuf};

use super::*;

fn set(paths: &[&str]) -> impl Fn(&Path) -> bool {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    move |p: &Path| paths.iter().any(|q| q == p)
}

#[test]
fn pkipath_takes_every_file_from_that_dir_existing_or_not() {
    let files = PkiFiles::locate(
        Some(Path::new("/x")),
        Some(Path::new("/h/.pki/libvirt")),
        &set(&[]),
    );
    assert_eq!(files.ca_cert, Path::new("/x/cacert.pem"));
    assert_eq!(files.ca_crl, Path::new("/x/cacrl.pem"));
    assert_eq!(files.client_cert, Path::new("/x/clientcert.pem"));
    assert_eq!(files.client_key, Path::new("/x/clientkey.pem"));
}

#[test]
fn root_uses_the_system_layout() {
    let files = PkiFiles::locate(None, None, &set(&[]));
    assert_eq!(files.ca_cert, Path::new("/etc/pki/CA/cacert.pem"));
    assert_eq!(files.ca_crl, Path::new("/etc/pki/CA/cacrl.pem"));
    assert_eq!(
        files.client_cert,
        Path::new("/etc/pki/libvirt/clientcert.pem")
    );
    assert_eq!(
        files.client_key,
        Path::new("/etc/pki/libvirt/private/clientkey.pem")
    );
}

#[test]
fn a_user_falls_back_per_file_and_takes_cert_and_key_as_a_pair() {
    let user = Path::new("/h/.pki/libvirt");
    // CA from the user dir; only the key there, so both from the system.
    let files = PkiFiles::locate(
        None,
        Some(user),
        &set(&[
            "/h/.pki/libvirt/cacert.pem",
            "/h/.pki/libvirt/clientkey.pem",
        ]),
    );
    assert_eq!(files.ca_cert, user.join("cacert.pem"));
    assert_eq!(files.ca_crl, Path::new("/etc/pki/CA/cacrl.pem"));
    assert_eq!(
        files.client_cert,
        Path::new("/etc/pki/libvirt/clientcert.pem")
    );
    assert_eq!(
        files.client_key,
        Path::new("/etc/pki/libvirt/private/clientkey.pem")
    );
    // Both there: both from the user dir.
    let files = PkiFiles::locate(
        None,
        Some(user),
        &set(&[
            "/h/.pki/libvirt/clientcert.pem",
            "/h/.pki/libvirt/clientkey.pem",
        ]),
    );
    assert_eq!(files.ca_cert, Path::new("/etc/pki/CA/cacert.pem"));
    assert_eq!(files.client_cert, user.join("clientcert.pem"));
    assert_eq!(files.client_key, user.join("clientkey.pem"));
}

#[test]
fn for_process_uses_the_home_dir_only_when_not_root() {
    let home = Path::new("/nonexistent-home");
    assert_eq!(
        PkiFiles::for_process(None, 0, Some(home)).ca_cert,
        Path::new("/etc/pki/CA/cacert.pem")
    );
    // Not root, but nothing exists in the user dir: system files again.
    assert_eq!(
        PkiFiles::for_process(None, 1000, Some(home)).client_key,
        Path::new("/etc/pki/libvirt/private/clientkey.pem")
    );
}

#[test]
fn priority_strings_keep_their_versions() {
    let v = |s: &str| TlsVersions::from_priority(s).unwrap();
    assert_eq!(
        v("NORMAL"),
        TlsVersions {
            tls12: true,
            tls13: true
        }
    );
    assert_eq!(
        v("NORMAL:-VERS-TLS1.2"),
        TlsVersions {
            tls12: false,
            tls13: true
        }
    );
    assert_eq!(
        v("NORMAL:!VERS-TLS1.3"),
        TlsVersions {
            tls12: true,
            tls13: false
        }
    );
    assert_eq!(
        v("SECURE256:-VERS-ALL:+VERS-TLS1.3:%SERVER_PRECEDENCE"),
        TlsVersions {
            tls12: false,
            tls13: true
        }
    );
    assert_eq!(
        v("NONE:+VERS-TLS1.2:+AES-256-GCM"),
        TlsVersions {
            tls12: true,
            tls13: false
        }
    );
}

#[test]
fn priority_strings_without_a_usable_version_are_refused() {
    for bad in [
        "",
        "NONE",
        "NORMAL:-VERS-TLS-ALL",
        "NORMAL:-VERS-TLS1.2:-VERS-TLS1.3",
    ] {
        let e = TlsVersions::from_priority(bad).expect_err(bad);
        assert!(matches!(e, TlsError::Priority { .. }), "{bad}: {e}");
        assert!(e.to_string().contains("tls_priority"), "{e}");
    }
}

#[test]
fn a_missing_ca_is_named() {
    let files = PkiFiles::locate(Some(Path::new("/nonexistent/pki")), None, &set(&[]));
    let e = client_config(&TlsOptions::new(files)).expect_err("no CA");
    match &e {
        TlsError::MissingFile { role, path } => {
            assert_eq!(*role, "CA certificate");
            assert_eq!(path, Path::new("/nonexistent/pki/cacert.pem"));
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("/nonexistent/pki/cacert.pem"));
}

#[test]
fn a_file_that_is_not_pem_is_named() {
    let dir = std::env::temp_dir().join(format!("virtwire-auth-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cacert.pem"), "not a certificate\n").unwrap();
    let files = PkiFiles::locate(Some(&dir), None, &set(&[]));
    let e = client_config(&TlsOptions::new(files)).expect_err("bad PEM");
    assert!(
        matches!(
            e,
            TlsError::BadPem {
                role: "CA certificate",
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("cacert.pem"), "{e}");
    std::fs::write(
        dir.join("cacert.pem"),
        "-----BEGIN CERTIFICATE-----\nAAAA!!!!\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let files = PkiFiles::locate(Some(&dir), None, &set(&[]));
    let e = client_config(&TlsOptions::new(files)).expect_err("bad base64");
    assert!(matches!(e, TlsError::BadPem { .. }), "{e:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn server_names_accept_hosts_and_addresses() {
    assert!(TlsOptions::server_name("host.example.com").is_ok());
    assert!(TlsOptions::server_name("127.0.0.1").is_ok());
    assert!(TlsOptions::server_name("[::1]").is_ok());
    assert!(matches!(
        TlsOptions::server_name("bad host"),
        Err(TlsError::BadHostName(_))
    ));
}

fn cert(cn: &str, dns: &[&str]) -> rustls::pki_types::CertificateDer<'static> {
    let mut params =
        rcgen::CertificateParams::new(dns.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            .unwrap();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, cn);
    let key = rcgen::KeyPair::generate().unwrap();
    params.self_signed(&key).unwrap().der().clone()
}

#[test]
fn the_common_name_matches_only_without_dns_names() {
    use super::sanity::common_name_matches;
    let cn_only = cert("host.example.com", &[]);
    assert!(common_name_matches(&cn_only, "host.example.com"));
    assert!(common_name_matches(&cn_only, "HOST.example.com"));
    assert!(!common_name_matches(&cn_only, "other.example.com"));
    // With DNS names, GnuTLS ignores the common name; so does this.
    let with_san = cert("host.example.com", &["alias.example.com"]);
    assert!(!common_name_matches(&with_san, "host.example.com"));
    assert!(!common_name_matches(
        &rustls::pki_types::CertificateDer::from(vec![1, 2, 3]),
        "x"
    ));
}
