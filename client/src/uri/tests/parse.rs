//! Parsing: components, transports, and rejected input.

use super::uri;
use crate::uri::{ConnectUri, Transport, UriError};

/// `(uri, driver, transport, user, host, port, path)`.
type Parts<'a> = (
    &'a str,
    &'a str,
    Transport,
    Option<&'a str>,
    Option<&'a str>,
    Option<u16>,
    &'a str,
);

#[test]
fn real_world_uris() {
    let cases: &[Parts] = &[
        (
            "qemu:///system",
            "qemu",
            Transport::Unix,
            None,
            None,
            None,
            "/system",
        ),
        (
            "qemu:///session",
            "qemu",
            Transport::Unix,
            None,
            None,
            None,
            "/session",
        ),
        (
            "qemu+ssh://root@example.com/system",
            "qemu",
            Transport::Ssh,
            Some("root"),
            Some("example.com"),
            None,
            "/system",
        ),
        (
            "qemu+tcp://host:16509/system",
            "qemu",
            Transport::Tcp,
            None,
            Some("host"),
            Some(16509),
            "/system",
        ),
        (
            "test:///default",
            "test",
            Transport::Unix,
            None,
            None,
            None,
            "/default",
        ),
        (
            "test+unix:///default?socket=/tmp/x",
            "test",
            Transport::Unix,
            None,
            None,
            None,
            "/default",
        ),
        (
            "qemu+unix:///system?socket=/opt/libvirt/run/libvirt/libvirt-sock",
            "qemu",
            Transport::Unix,
            None,
            None,
            None,
            "/system",
        ),
        (
            "qemu+ext:///system?command=/opt/openvpn/bin/tunnel.sh",
            "qemu",
            Transport::Ext,
            None,
            None,
            None,
            "/system",
        ),
        (
            "xen+tls://[2001:db8::1]:1234/",
            "xen",
            Transport::Tls,
            None,
            Some("2001:db8::1"),
            Some(1234),
            "/",
        ),
        (
            "xen+ssh://rjones@towada/system",
            "xen",
            Transport::Ssh,
            Some("rjones"),
            Some("towada"),
            None,
            "/system",
        ),
        (
            "xen://towada/system",
            "xen",
            Transport::Tls,
            None,
            Some("towada"),
            None,
            "/system",
        ),
        (
            "test+tcp://localhost:5000/default",
            "test",
            Transport::Tcp,
            None,
            Some("localhost"),
            Some(5000),
            "/default",
        ),
        (
            "qemu+libssh2://user@host/system?known_hosts=/home/user/.ssh/known_hosts",
            "qemu",
            Transport::Libssh2,
            Some("user"),
            Some("host"),
            None,
            "/system",
        ),
        (
            "qemu+libssh://user@host/system",
            "qemu",
            Transport::Libssh,
            Some("user"),
            Some("host"),
            None,
            "/system",
        ),
        (
            "esx://example-esx.com/?no_verify=1",
            "esx",
            Transport::Tls,
            None,
            Some("example-esx.com"),
            None,
            "/",
        ),
        (
            "vpx://example-vcenter.com/dc1/srv1",
            "vpx",
            Transport::Tls,
            None,
            Some("example-vcenter.com"),
            None,
            "/dc1/srv1",
        ),
        (
            "remote:///",
            "remote",
            Transport::Unix,
            None,
            None,
            None,
            "/",
        ),
        (
            "remote+tcp://host/",
            "remote",
            Transport::Tcp,
            None,
            Some("host"),
            None,
            "/",
        ),
        ("lxc:///", "lxc", Transport::Unix, None, None, None, "/"),
        (
            "lxc:///system",
            "lxc",
            Transport::Unix,
            None,
            None,
            None,
            "/system",
        ),
        (
            "ch:///session",
            "ch",
            Transport::Unix,
            None,
            None,
            None,
            "/session",
        ),
        (
            "vbox:///session",
            "vbox",
            Transport::Unix,
            None,
            None,
            None,
            "/session",
        ),
        (
            "bhyve:///system",
            "bhyve",
            Transport::Unix,
            None,
            None,
            None,
            "/system",
        ),
        (
            "network:///system",
            "network",
            Transport::Unix,
            None,
            None,
            None,
            "/system",
        ),
        (
            "qemu+ssh://u@h:22/system?x=y",
            "qemu",
            Transport::Ssh,
            Some("u"),
            Some("h"),
            Some(22),
            "/system",
        ),
    ];
    for &(text, driver, transport, user, host, port, path) in cases {
        let u = uri(text);
        assert_eq!(u.as_str(), text);
        assert_eq!(u.to_string(), text);
        assert_eq!(u.driver(), driver, "{text}");
        assert_eq!(u.transport(), transport, "{text}");
        assert_eq!(u.user(), user, "{text}");
        assert_eq!(u.host(), host, "{text}");
        assert_eq!(u.port(), port, "{text}");
        assert_eq!(u.path(), path, "{text}");
    }
}

#[test]
fn scheme_and_transport_split() {
    let u = uri("qemu+ssh://h/system");
    assert_eq!(u.scheme(), "qemu+ssh");
    assert_eq!(u.driver(), "qemu");
    // The transport is matched ignoring case, the driver keeps its case.
    let u = uri("QEMU+TCP://h:1/system");
    assert_eq!((u.driver(), u.transport()), ("QEMU", Transport::Tcp));
    assert_eq!(uri("qemu+UNIX:///system").transport(), Transport::Unix);
    assert_eq!(
        uri("qemu+LibSSH2://h/system").transport(),
        Transport::Libssh2
    );
    // Default transports: no host → unix, host → tls.
    assert_eq!(uri("qemu:///system").transport(), Transport::Unix);
    assert_eq!(uri("qemu://example.com/system").transport(), Transport::Tls);
    // Every transport name round-trips.
    for &t in Transport::ALL {
        assert_eq!(t.as_str().parse::<Transport>(), Ok(t));
        assert_eq!(t.to_string(), t.as_str());
    }
}

#[test]
fn ports() {
    assert_eq!(uri("qemu+tcp://h/system").effective_port(), Some(16509));
    assert_eq!(uri("qemu://h/system").effective_port(), Some(16514));
    assert_eq!(uri("qemu+tls://h:1234/system").effective_port(), Some(1234));
    assert_eq!(uri("qemu+ssh://h/system").effective_port(), None);
    assert_eq!(uri("qemu+ssh://h:2222/system").port(), Some(2222));
    // Port 0 means "no port", as in libvirt.
    assert_eq!(uri("qemu+tcp://h:0/system").port(), None);
    // libvirt drops the port of an empty host.
    let u = uri("qemu+tcp://:16510/system");
    assert_eq!(
        (u.host(), u.port(), u.hostname()),
        (None, None, "localhost")
    );
    assert_eq!(uri("qemu+tcp://h:65535/x").port(), Some(65535));
}

#[test]
fn hosts() {
    let u = uri("qemu+tls://[::1]/system");
    assert_eq!((u.host(), u.hostname()), (Some("::1"), "::1"));
    // Zone id: the brackets may hold anything but ']', then it is decoded.
    assert_eq!(
        uri("qemu+tcp://[fe80::1%25eth0]:5/s").host(),
        Some("fe80::1%eth0")
    );
    // Brackets without a ':' are kept (virStringStripIPv6Brackets).
    assert_eq!(uri("qemu+tcp://[abc]/s").host(), Some("[abc]"));
    // Host names are percent-decoded.
    assert_eq!(uri("qemu+tcp://%41bc/s").host(), Some("Abc"));
    assert_eq!(uri("qemu+tcp://192.168.0.1/s").host(), Some("192.168.0.1"));
    assert_eq!(uri("qemu+tcp://1.2.3.4abc/s").host(), Some("1.2.3.4abc"));
    assert_eq!(uri("qemu:///system").hostname(), "localhost");
    // An empty authority is no host.
    assert_eq!(uri("qemu+tcp:///system").host(), None);
}

#[test]
fn users() {
    assert_eq!(uri("qemu+ssh://u%40x@h/system").user(), Some("u@x"));
    assert_eq!(uri("qemu+ssh://u:pw@h/system").user(), Some("u:pw"));
    let u = uri("qemu+ssh://u@/system");
    assert_eq!((u.user(), u.host()), (Some("u"), None));
    // Empty userinfo: no user (libxml2 2.9.14 returns garbage here).
    let u = uri("qemu+ssh://@h/system");
    assert_eq!((u.user(), u.host()), (None, Some("h")));
}

#[test]
fn paths_and_short_forms() {
    assert_eq!(uri("qemu:///sys%20tem").path(), "/sys tem");
    assert_eq!(uri("qemu:///%C3%A9").path(), "/é");
    assert_eq!(uri("qemu:////a").path(), "//a");
    assert_eq!(
        uri("test:///path/to/host/definitions.xml").path(),
        "/path/to/host/definitions.xml"
    );
    // Forms libxml2 accepts without "//".
    let u = uri("qemu:");
    assert_eq!(
        (u.path(), u.host(), u.transport()),
        ("", None, Transport::Unix)
    );
    assert_eq!(uri("qemu:/system").path(), "/system");
    assert_eq!(uri("qemu:system").path(), "system");
    // "driver://" and a host with no path.
    let u = uri("qemu+tcp://h");
    assert_eq!((u.host(), u.path()), (Some("h"), ""));
    let u = uri("xen://localhost");
    assert_eq!((u.host(), u.path()), (Some("localhost"), ""));
}

#[test]
fn query_and_fragment() {
    let u = uri("qemu:///system?a=1&b=2#frag%20x");
    assert_eq!(u.query(), Some("a=1&b=2"));
    assert_eq!(u.fragment(), Some("frag x"));
    assert_eq!(u.param("A"), Some("1"));
    assert_eq!(u.param("c"), None);
    let u = uri("qemu+tcp://h?q");
    assert_eq!((u.path(), u.query()), ("", Some("q")));
    assert_eq!(uri("qemu:///?a=b?c/d").param("a"), Some("b?c/d"));
    assert_eq!(uri("qemu:///x#fr[]?/").fragment(), Some("fr[]?/"));
    assert_eq!(uri("qemu:///system?").query(), Some(""));
    assert!(uri("qemu:///system?").params().is_empty());
}

#[test]
fn client_side_drivers() {
    assert!(uri("test:///default").is_client_side_driver());
    // test+unix has no host either, but the scheme is "test+unix".
    assert!(!uri("test+unix:///default").is_client_side_driver());
    assert!(!uri("test+tcp://h/default").is_client_side_driver());
    assert!(!uri("test://h/default").is_client_side_driver());
    assert!(uri("esx://h/").is_client_side_driver());
    assert!(uri("hyperv://h/").is_client_side_driver());
    assert!(uri("vmwareplayer:///session").is_client_side_driver());
    assert!(!uri("qemu:///system").is_client_side_driver());
    assert!(uri("remote:///").is_remote_probe());
    assert!(uri("remote+ssh://h/").is_remote_probe());
    assert!(!uri("remotex:///").is_remote_probe());
}

fn err(text: &str) -> UriError {
    match ConnectUri::parse(text) {
        Ok(u) => panic!("{text} parsed: {u:?}"),
        Err(e) => e,
    }
}

#[test]
fn missing_or_bad_scheme() {
    for text in [
        "",
        "/system",
        "//host/system",
        "qemu",
        "a?b:c",
        "system#x:y",
    ] {
        assert_eq!(
            err(text),
            UriError::MissingScheme {
                uri: text.to_owned()
            },
            "{text}"
        );
    }
    for (text, scheme) in [
        ("1qemu:///", "1qemu"),
        (":///x", ""),
        ("q emu:///", "q emu"),
    ] {
        assert_eq!(
            err(text),
            UriError::BadScheme {
                scheme: scheme.to_owned()
            }
        );
    }
}

#[test]
fn bad_characters_and_escapes() {
    assert_eq!(
        err("qemu:///sys%zztem"),
        UriError::BadPercentEscape {
            uri: "qemu:///sys%zztem".into(),
            position: 11
        }
    );
    assert!(matches!(
        err("qemu:///system?a=%zz"),
        UriError::BadPercentEscape { position: 17, .. }
    ));
    assert!(matches!(
        err("qemu:///system%"),
        UriError::BadPercentEscape { position: 14, .. }
    ));
    assert!(matches!(
        err("qemu:///a b"),
        UriError::InvalidCharacter {
            position: 9,
            character: ' ',
            ..
        }
    ));
    assert!(matches!(
        err("qemu:///p?a=é"),
        UriError::InvalidCharacter {
            character: 'é', ..
        }
    ));
    assert!(matches!(
        err("qemu:///x#a#b"),
        UriError::InvalidCharacter { character: '#', .. }
    ));
    assert!(matches!(
        err("qemu+tcp://a@b@c/"),
        UriError::InvalidCharacter { character: '@', .. }
    ));
    assert!(matches!(
        err("qemu+tcp://[::1]x/"),
        UriError::InvalidCharacter { character: 'x', .. }
    ));
    assert!(matches!(
        err("qemu+tcp://[::1/"),
        UriError::UnterminatedIpv6Host { .. }
    ));
    assert!(matches!(
        err("qemu:///%FF"),
        UriError::InvalidUtf8 {
            component: "path",
            ..
        }
    ));
    assert!(matches!(
        err("qemu:///x?a=%FF"),
        UriError::InvalidUtf8 {
            component: "parameter",
            ..
        }
    ));
}

#[test]
fn bad_ports() {
    for (text, port) in [
        ("qemu+tcp://h:/system", ""),
        ("qemu+tcp://h:12a/system", "12a"),
        ("qemu+tcp://h:65536/system", "65536"),
        ("qemu+tcp://h:99999999999/x", "99999999999"),
        ("qemu+tcp://h:-1/x", "-1"),
        ("qemu+tcp://:/x", ""),
    ] {
        assert_eq!(
            err(text),
            UriError::BadPort {
                uri: text.to_owned(),
                port: port.to_owned()
            }
        );
    }
}

#[test]
fn remote_driver_checks() {
    assert_eq!(
        err("qemu+foo:///system"),
        UriError::UnknownTransport {
            transport: "foo".into()
        }
    );
    assert_eq!(
        err("qemu+unix://h/system"),
        UriError::UnixWithHost { host: "h".into() }
    );
    assert_eq!(
        err("qemu://system"),
        UriError::MissingSlash {
            uri: "qemu://system".into(),
            suggestion: "qemu:///system".into()
        }
    );
    assert_eq!(
        err("vbox://session/").to_string(),
        "invalid URI vbox://session/ (maybe you want vbox:///session)"
    );
    assert!(matches!(err("vz://system"), UriError::MissingSlash { .. }));
    // Only qemu, vbox and vz, and only the plain scheme.
    assert_eq!(uri("qemu+tcp://system").host(), Some("system"));
    assert_eq!(uri("lxc://system").host(), Some("system"));
}

#[test]
fn display_names_the_problem() {
    assert_eq!(
        err("qemu+foo:///system").to_string(),
        "remote_open: transport in URL not recognised \
         (should be tls|unix|ssh|ext|tcp|libssh2|libssh): 'foo'"
    );
    assert_eq!(
        err("qemu+unix://h/system").to_string(),
        "using unix socket and remote server 'h' is not supported."
    );
    assert_eq!(
        err("/system").to_string(),
        "URI '/system' does not include a driver name"
    );
    assert!(err("qemu+tcp://h:x/").to_string().contains("bad port 'x'"));
}
