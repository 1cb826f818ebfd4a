//! The Cyrus backend without a daemon: mechanism choice under libvirt's
//! security properties, and DIGEST-MD5's first step on a made-up
//! challenge.

use super::*;

const CHALLENGE: &[u8] = b"realm=\"virtwire.test\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth-conf\",\
charset=utf-8,cipher=\"rc4,3des,des\",maxbuf=65536,algorithm=md5-sess";

fn tcp() -> CyrusChannel {
    CyrusChannel {
        secure: false,
        host: "localhost".into(),
        local: Some("127.0.0.1:40000".parse().unwrap()),
        remote: Some("127.0.0.1:16509".parse().unwrap()),
        external_ssf: None,
    }
}

fn with_password() -> CredentialSources {
    CredentialSources {
        host: "localhost".into(),
        provider: Some(Credentials::new("alice", "s3cret-pw").into_provider()),
        ..CredentialSources::default()
    }
}

#[test]
fn plain_tcp_refuses_mechanisms_without_a_layer() {
    let e = CyrusSession::start("SCRAM-SHA-256,PLAIN", None, &tcp(), with_password()).unwrap_err();
    assert!(matches!(e, SaslError::NoSecurityLayer { .. }), "{e}");
    assert!(e.to_string().contains("SCRAM-SHA-256"), "{e}");
}

#[test]
fn a_wanted_mechanism_must_be_offered() {
    let e = CyrusSession::start("DIGEST-MD5", Some("GSSAPI"), &tcp(), with_password()).unwrap_err();
    assert!(matches!(e, SaslError::NotOffered { .. }), "{e}");
}

#[test]
fn digest_md5_starts_with_nil_and_answers_the_challenge() {
    let (mut session, start) =
        CyrusSession::start("DIGEST-MD5", None, &tcp(), with_password()).unwrap();
    assert_eq!(start.mechanism, "DIGEST-MD5");
    assert_eq!(start.data, None, "DIGEST-MD5 has no initial response");
    let SaslNext::Step(Some(response)) = session.next(false, Some(CHALLENGE)).unwrap() else {
        panic!("a response to the challenge");
    };
    let text = String::from_utf8_lossy(&response);
    assert!(text.contains("username=\"alice\""), "{text}");
    assert!(text.contains("qop=auth-conf"), "{text}");
    assert!(
        !text.contains("s3cret-pw"),
        "the password itself is never sent"
    );
    assert!(!format!("{session:?}").contains("s3cret-pw"));
}

#[test]
fn digest_md5_without_credentials_names_what_is_missing() {
    let sources = CredentialSources {
        host: "localhost".into(),
        ..CredentialSources::default()
    };
    let (mut session, _) = CyrusSession::start("DIGEST-MD5", None, &tcp(), sources).unwrap();
    let e = session.next(false, Some(CHALLENGE)).unwrap_err();
    assert!(
        matches!(e, SaslError::MissingCredential(CredentialType::Authname)),
        "{e}"
    );
}

#[test]
fn a_daemon_claiming_success_early_is_not_believed() {
    let (mut session, _) =
        CyrusSession::start("DIGEST-MD5", None, &tcp(), with_password()).unwrap();
    // complete=1 on the first reply: the client still steps (on the
    // challenge) and is not done, so it does not report success.
    let next = session.next(true, Some(CHALLENGE)).unwrap();
    assert!(matches!(next, SaslNext::Step(Some(_))), "{next:?}");
}
