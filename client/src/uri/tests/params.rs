//! Query parameter splitting and the remote driver's typed parameters.

use super::uri;
use crate::uri::{
    AuthType, ConnectUri, KnownHostsVerify, ProxyMode, RemoteMode, RemoteParams, UriError, UriParam,
};

fn pairs(text: &str) -> Vec<(String, String)> {
    uri(text)
        .params()
        .iter()
        .map(|p| (p.name.clone(), p.value.clone()))
        .collect()
}

fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn splitting_follows_vir_uri_parse_params() {
    assert_eq!(pairs("q:///?a=b&c=d"), owned(&[("a", "b"), ("c", "d")]));
    // ';' separates only when no '&' is left in the rest of the query.
    assert_eq!(pairs("q:///?a=1;b=2"), owned(&[("a", "1"), ("b", "2")]));
    assert_eq!(
        pairs("q:///?a=1;b=2&c=3"),
        owned(&[("a", "1;b=2"), ("c", "3")])
    );
    assert_eq!(
        pairs("q:///?a=1&b=2;c=3"),
        owned(&[("a", "1"), ("b", "2"), ("c", "3")])
    );
    // Bare names and "name=" give "", "=value" and empty sections vanish.
    assert_eq!(
        pairs("q:///?a&b=&=c&&d=1"),
        owned(&[("a", ""), ("b", ""), ("d", "1")])
    );
    // The value runs to the separator; repeats are kept in order.
    assert_eq!(pairs("q:///?a=b=c&a=2"), owned(&[("a", "b=c"), ("a", "2")]));
    // Names and values are decoded; '+' stays '+'.
    assert_eq!(
        pairs("q:///?x%5Fy=a%20b+c%26d"),
        owned(&[("x_y", "a b+c&d")])
    );
    assert!(pairs("q:///").is_empty());
    assert!(pairs("q:///?&&;").is_empty());
}

#[test]
fn typed_remote_params() {
    let u = uri(
        "qemu+libssh2://u@h/system?name=qemu:///embed&command=/bin/ssh&socket=/s\
         &auth=sasl.digest-md5&authfile=/a&sshauth=agent,privkey&netcat=/bin/nc\
         &keyfile=/k&pkipath=/pki&known_hosts=/kh&known_hosts_verify=Ignore\
         &tls_priority=NORMAL:-VERS-SSL3.0&mode=legacy&proxy=netcat\
         &no_sanity=1&no_verify=2&no_tty=0&foo=bar&Foo=baz",
    );
    let p = RemoteParams::from_uri(&u).unwrap();
    assert_eq!(p.name.as_deref(), Some("qemu:///embed"));
    assert_eq!(p.command.as_deref(), Some("/bin/ssh"));
    assert_eq!(p.socket.as_deref(), Some("/s"));
    assert_eq!(
        p.auth,
        Some(AuthType::Sasl {
            mechanism: Some("digest-md5".into())
        })
    );
    assert_eq!(p.authfile.as_deref(), Some("/a"));
    assert_eq!(p.sshauth.as_deref(), Some("agent,privkey"));
    assert_eq!(p.netcat.as_deref(), Some("/bin/nc"));
    assert_eq!(p.keyfile.as_deref(), Some("/k"));
    assert_eq!(p.pkipath.as_deref(), Some("/pki"));
    assert_eq!(p.known_hosts.as_deref(), Some("/kh"));
    assert_eq!(p.known_hosts_verify, Some(KnownHostsVerify::Ignore));
    assert_eq!(p.tls_priority.as_deref(), Some("NORMAL:-VERS-SSL3.0"));
    assert_eq!(p.mode, Some(RemoteMode::Legacy));
    assert_eq!(p.proxy, Some(ProxyMode::Netcat));
    assert!(p.no_sanity && p.no_verify && !p.no_tty);
    assert_eq!(
        p.driver_params,
        vec![UriParam::new("foo", "bar"), UriParam::new("Foo", "baz")]
    );
}

#[test]
fn defaults_and_repeats() {
    let p = RemoteParams::from_uri(&uri("qemu:///system")).unwrap();
    assert_eq!(p, RemoteParams::default());
    assert!(p.mode.is_none() && p.proxy.is_none() && !p.no_verify);
    // Names ignore case; the last value wins.
    let p = RemoteParams::from_uri(&uri("qemu:///s?SOCKET=/x&socket=/y&Mode=direct")).unwrap();
    assert_eq!(p.socket.as_deref(), Some("/y"));
    assert_eq!(p.mode, Some(RemoteMode::Direct));
    // Only the last mode/proxy/auth value is checked, as in libvirt.
    let p =
        RemoteParams::from_uri(&uri("qemu:///s?auth=bogus&auth=polkit&mode=x&mode=auto")).unwrap();
    assert_eq!(
        (p.auth, p.mode),
        (Some(AuthType::Polkit), Some(RemoteMode::Auto))
    );
    // authfile: stripped in any case, taken from the first exact "authfile".
    let p = RemoteParams::from_uri(&uri("qemu:///s?AuthFile=/b&authfile=/a&authfile=/c")).unwrap();
    assert_eq!(p.authfile.as_deref(), Some("/a"));
    assert!(p.driver_params.is_empty());
}

#[test]
fn auth_values() {
    for (text, auth) in [
        ("sasl", AuthType::Sasl { mechanism: None }),
        ("SASL", AuthType::Sasl { mechanism: None }),
        (
            "Sasl.SCRAM-SHA-256",
            AuthType::Sasl {
                mechanism: Some("SCRAM-SHA-256".into()),
            },
        ),
        (
            "sasl.",
            AuthType::Sasl {
                mechanism: Some(String::new()),
            },
        ),
        ("polkit", AuthType::Polkit),
        ("PolKit", AuthType::Polkit),
    ] {
        assert_eq!(text.parse::<AuthType>(), Ok(auth), "{text}");
    }
    for bad in ["none", "tls", "sasl-x", ""] {
        assert_eq!(
            bad.parse::<AuthType>(),
            Err(UriError::UnknownAuth { value: bad.into() })
        );
    }
}

#[test]
fn mode_and_proxy_values_are_exact() {
    assert_eq!("direct".parse(), Ok(RemoteMode::Direct));
    // Oracle: "Unknown remote mode 'Direct'".
    assert_eq!(
        RemoteParams::from_uri(&uri("qemu:///session?mode=Direct")),
        Err(UriError::UnknownMode {
            value: "Direct".into()
        })
    );
    assert_eq!(
        RemoteParams::from_uri(&uri("qemu+tcp://h/system?proxy=bogus")),
        Err(UriError::UnknownProxy {
            value: "bogus".into()
        })
    );
    assert_eq!("native".parse(), Ok(ProxyMode::Native));
    for m in [RemoteMode::Auto, RemoteMode::Legacy, RemoteMode::Direct] {
        assert_eq!(m.to_string().parse(), Ok(m));
    }
    for m in [ProxyMode::Auto, ProxyMode::Netcat, ProxyMode::Native] {
        assert_eq!(m.as_str().parse(), Ok(m));
    }
}

#[test]
fn proxy_defaults() {
    use ProxyMode::*;
    assert_eq!(ProxyMode::resolve(None, None, false, false), Auto);
    assert_eq!(ProxyMode::resolve(None, None, true, true), Netcat);
    assert_eq!(ProxyMode::resolve(None, None, false, true), Native);
    assert_eq!(ProxyMode::resolve(None, Some(Netcat), false, true), Netcat);
    assert_eq!(
        ProxyMode::resolve(Some(Native), Some(Netcat), true, false),
        Native
    );
}

#[test]
fn integer_flags_follow_vir_str_to_long_i() {
    let flag = |v: &str| RemoteParams::from_uri(&uri(&format!("qemu:///s?no_tty={v}")));
    for (v, expected) in [
        ("1", true),
        ("0", false),
        ("%201", true),
        ("%2B1", true),
        ("-0", false),
        ("-5", true),
        ("007", true),
    ] {
        assert_eq!(flag(v).map(|p| p.no_tty), Ok(expected), "{v}");
    }
    // Oracle: trailing junk, overflow and empty values fail.
    for v in ["1%20", "99999999999", "", "x", "0x1", "1.0", "%2B", "--1"] {
        assert!(
            matches!(flag(v), Err(UriError::BadParameterValue { .. })),
            "{v}"
        );
    }
    assert_eq!(
        RemoteParams::from_uri(&uri("qemu:///s?No_Verify=yes"))
            .unwrap_err()
            .to_string(),
        "Failed to parse value of URI component No_Verify ('yes' is not an integer)"
    );
}

#[test]
fn known_hosts_verify_only_checked_for_libssh() {
    let parse = |t: &str| RemoteParams::from_uri(&ConnectUri::parse(t).unwrap());
    assert_eq!(
        parse("qemu+libssh://h/system?known_hosts_verify=bogus"),
        Err(UriError::UnknownKnownHostsVerify {
            value: "bogus".into()
        })
    );
    assert_eq!(
        parse("qemu+libssh2://h/system?known_hosts_verify=AUTO")
            .unwrap()
            .known_hosts_verify,
        Some(KnownHostsVerify::Auto)
    );
    // Other transports strip it without reading it (oracle: no error).
    let p = parse("qemu+tcp://h/system?known_hosts_verify=bogus").unwrap();
    assert_eq!(p.known_hosts_verify, None);
    assert!(p.driver_params.is_empty());
}

#[test]
fn ext_needs_a_command() {
    assert_eq!(
        RemoteParams::from_uri(&uri("qemu+ext:///system")),
        Err(UriError::MissingCommand)
    );
    let p = RemoteParams::from_uri(&uri(
        "qemu+ext:///system?command=/opt/openvpn/bin/tunnel.sh",
    ))
    .unwrap();
    assert_eq!(p.command.as_deref(), Some("/opt/openvpn/bin/tunnel.sh"));
}
