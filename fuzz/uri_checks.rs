// The check behind the `uri` fuzz target, shared with the corpus replay test
// (`client/tests/fuzz_corpus.rs`) through `include!`. Plain items only.
//
// A URI is user input: parsing never panics, everything derived from a
// parsed URI (its parts, the remote driver's parameters, the CONNECT_OPEN
// name, the unix socket, a tls_priority) is total, and the URI's text form
// parses again to the same URI.

use virtwire::auth::tls::TlsVersions;
use virtwire::uri::{ConnectUri, MemoryEnvironment, RemoteParams, unix_socket};

/// `data` as a libvirt connection URI (see the file comment).
pub fn check_uri(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(uri) = ConnectUri::parse(text) else {
        return;
    };
    let _ = (uri.transport(), uri.driver(), uri.scheme());
    let _ = (uri.hostname(), uri.port(), uri.effective_port(), uri.user(), uri.path());
    let _ = uri.connect_open_name();
    if let Ok(params) = RemoteParams::from_uri(&uri) {
        if let Some(priority) = &params.tls_priority {
            let _ = TlsVersions::from_priority(priority);
        }
    }
    for euid in [0, 1000] {
        let env = MemoryEnvironment::new(euid)
            .with_var("XDG_RUNTIME_DIR", "/run/user/1000")
            .with_var("HOME", "/home/u");
        for read_only in [false, true] {
            let _ = unix_socket(Some(&uri), read_only, &env);
        }
    }
    let again = ConnectUri::parse(uri.as_str())
        .unwrap_or_else(|e| panic!("{:?} does not parse again: {e}", uri.as_str()));
    assert_eq!(again.as_str(), uri.as_str());
    assert_eq!(again.transport(), uri.transport());
    assert_eq!(again.hostname(), uri.hostname());
    assert_eq!(again.port(), uri.port());
    assert_eq!(again.user(), uri.user());
    assert_eq!(again.path(), uri.path());
    assert_eq!(again.params(), uri.params());
}
