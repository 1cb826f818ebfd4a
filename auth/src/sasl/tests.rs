use std::path::Path;
use std::sync::Arc;

use super::*;

const FILE: &str = "\
# a comment
[credentials-admin]
authname=admin
password=pass\\sword

[credentials-other]
authname=other

[auth-libvirt-node1]
credentials=other

[auth-libvirt-default]
credentials=admin
";

#[test]
fn the_auth_file_picks_the_host_group_then_the_default() {
    let c = AuthConfig::parse(Path::new("/a.conf"), FILE).unwrap();
    assert_eq!(
        c.lookup("node1", CredentialType::Authname).unwrap(),
        Some("other")
    );
    assert_eq!(c.lookup("node1", CredentialType::Passphrase).unwrap(), None);
    assert_eq!(
        c.lookup("node2", CredentialType::Authname).unwrap(),
        Some("admin")
    );
    assert_eq!(
        c.lookup("", CredentialType::Passphrase).unwrap(),
        Some("pass word")
    );
    assert_eq!(c.lookup("x", CredentialType::Realm).unwrap(), None);
}

#[test]
fn auth_file_errors_name_the_file_and_line() {
    for (text, want) in [
        ("key=value\n", "line 1: a key before the first [group]"),
        ("[g\n", "line 1: a group header without its closing ']'"),
        ("[g]\nnovalue\n", "line 2: not a key=value line"),
        ("[g]\nk=\\q\n", "line 2: a bad escape"),
    ] {
        let e = AuthConfig::parse(Path::new("/etc/x.conf"), text).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("/etc/x.conf") && msg.contains(want), "{msg}");
    }
    let dangling = "[auth-libvirt-default]\ncredentials=nope\n";
    let c = AuthConfig::parse(Path::new("/x"), dangling).unwrap();
    let e = c.lookup("h", CredentialType::Authname).unwrap_err();
    assert!(e.to_string().contains("[credentials-nope]"), "{e}");
    let no_cred = "[auth-libvirt-default]\nfoo=bar\n";
    let c = AuthConfig::parse(Path::new("/x"), no_cred).unwrap();
    assert!(c.lookup("h", CredentialType::Authname).is_err());
}

#[test]
fn the_auth_file_path_follows_libvirts_order() {
    let none = |_: &Path| false;
    let all = |_: &Path| true;
    assert_eq!(
        auth_file_path(Some("/env"), Some("/uri"), None, &all).unwrap(),
        Path::new("/env")
    );
    assert_eq!(
        auth_file_path(None, Some("/uri"), None, &all).unwrap(),
        Path::new("/uri")
    );
    assert_eq!(
        auth_file_path(None, None, Some(Path::new("/home/u/.config/libvirt")), &all).unwrap(),
        Path::new("/home/u/.config/libvirt/auth.conf")
    );
    let only_etc = |p: &Path| p == Path::new("/etc/libvirt/auth.conf");
    assert_eq!(
        auth_file_path(None, None, Some(Path::new("/h")), &only_etc).unwrap(),
        Path::new("/etc/libvirt/auth.conf")
    );
    assert_eq!(
        auth_file_path(None, None, Some(Path::new("/h")), &none),
        None
    );
}

fn creds(user: &str, password: &str) -> CredentialSources {
    CredentialSources {
        host: "localhost".into(),
        provider: Some(Credentials::new(user, password).into_provider()),
        ..Default::default()
    }
}

#[test]
fn mechanism_choice_follows_the_offer_and_the_channel() {
    let (s, start) = SaslSession::start(
        "DIGEST-MD5,SCRAM-SHA-1,SCRAM-SHA-256",
        None,
        true,
        creds("u", "p"),
    )
    .unwrap();
    assert_eq!(s.mechanism(), "SCRAM-SHA-256");
    let first = String::from_utf8(start.data.unwrap()).unwrap();
    assert!(first.starts_with("n,,n=u,r="), "{first}");

    let (s, _) = SaslSession::start("scram-sha-1,PLAIN", None, true, creds("u", "p")).unwrap();
    assert_eq!(
        s.mechanism(),
        "scram-sha-1",
        "sent as the daemon spelled it"
    );

    let (s, start) =
        SaslSession::start("DIGEST-MD5,PLAIN", Some("plain"), true, creds("u", "p")).unwrap();
    assert_eq!(s.mechanism(), "PLAIN");
    assert_eq!(start.data.unwrap(), b"\0u\0p");

    let e =
        SaslSession::start("DIGEST-MD5", Some("SCRAM-SHA-256"), true, creds("u", "p")).unwrap_err();
    assert!(matches!(e, SaslError::NotOffered { .. }), "{e}");
    let e = SaslSession::start("DIGEST-MD5,GSSAPI", None, true, creds("u", "p")).unwrap_err();
    assert!(matches!(e, SaslError::NoCommonMechanism { .. }), "{e}");
    let e = SaslSession::start("SCRAM-SHA-256", None, false, creds("u", "p")).unwrap_err();
    assert!(matches!(e, SaslError::NoSecurityLayer { .. }), "{e}");
    assert!(e.to_string().contains("SSF"), "{e}");
}

#[test]
fn a_missing_credential_is_named_and_never_shown() {
    let sources = CredentialSources {
        host: "h".into(),
        default_user: Some("fred".into()),
        ..Default::default()
    };
    // SCRAM asks for the password once it has the server's first message.
    let (mut s, start) = SaslSession::start("SCRAM-SHA-256", None, true, sources).unwrap();
    let first = String::from_utf8(start.data.unwrap()).unwrap();
    assert!(
        first.starts_with("n,,n=fred,"),
        "the URI user is the authname: {first}"
    );
    let nonce = first.split("r=").nth(1).unwrap();
    let server_first = format!("r={nonce}srv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    let e = s.next(false, Some(server_first.as_bytes())).unwrap_err();
    assert!(
        matches!(e, SaslError::MissingCredential(CredentialType::Passphrase)),
        "{e:?}"
    );
    assert!(e.to_string().contains("password"), "{e}");
    let shown = format!("{:?}", Credentials::new("fred", "hunter2"));
    assert!(!shown.contains("hunter2"), "{shown}");
}

#[test]
fn the_auth_file_comes_before_the_provider_and_the_uri_user() {
    let file = AuthConfig::parse(Path::new("/x"), FILE).unwrap();
    let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = asked.clone();
    let provider = move |r: &CredentialRequest| {
        seen.lock().unwrap().push(r.kind);
        Some("from-provider".to_owned())
    };
    let sources = CredentialSources {
        host: "node1".into(),
        default_user: Some("uri-user".into()),
        auth_file: Some(file),
        provider: Some(Arc::new(provider)),
    };
    let (_, start) = SaslSession::start("PLAIN", None, true, sources).unwrap();
    // authname from the file's [credentials-other]; its password is not
    // there, so the provider is asked for that one only.
    assert_eq!(start.data.unwrap(), b"\0other\0from-provider");
    assert_eq!(*asked.lock().unwrap(), vec![CredentialType::Passphrase]);
}

#[test]
fn a_forged_scram_server_signature_is_refused() {
    let (mut s, start) =
        SaslSession::start("SCRAM-SHA-256", None, true, creds("user", "pencil")).unwrap();
    let first = String::from_utf8(start.data.unwrap()).unwrap();
    let nonce = first.split("r=").nth(1).unwrap();
    let server_first = format!("r={nonce}srv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    let next = s.next(false, Some(server_first.as_bytes())).unwrap();
    let SaslNext::Step(Some(client_final)) = next else {
        panic!("{next:?}")
    };
    assert!(String::from_utf8(client_final).unwrap().contains(",p="));
    let forged = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";
    let e = s.next(true, Some(forged.as_bytes())).unwrap_err();
    assert!(matches!(e, SaslError::Mechanism { .. }), "{e:?}");
}

#[test]
fn early_success_from_the_daemon_is_refused() {
    let (mut s, _) = SaslSession::start("SCRAM-SHA-256", None, true, creds("u", "p")).unwrap();
    let e = s.next(true, None).unwrap_err();
    assert!(
        matches!(e, SaslError::OutOfStep(_) | SaslError::Mechanism { .. }),
        "{e:?}"
    );
}
