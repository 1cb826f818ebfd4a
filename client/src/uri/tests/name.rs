//! CONNECT_OPEN names (`remoteConnectFormatURI`).

use super::uri;
use crate::uri::{UriError, connect_open_name};

fn name(text: &str) -> String {
    uri(text)
        .connect_open_name()
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn names_from_the_brief_and_the_docs() {
    // Every pair below was also checked against virsh 11.3.0 (oracle).
    for (text, expected) in [
        ("qemu+ssh://u@h:22/system?x=y", "qemu:///system?x=y"),
        ("test+tcp://127.0.0.1:16509/default", "test:///default"),
        ("qemu:///system", "qemu:///system"),
        ("qemu:///session", "qemu:///session"),
        ("xen+tls://[2001:db8::1]:1234/", "xen:///"),
        (
            "qemu+ext:///system?command=/opt/openvpn/bin/tunnel.sh",
            "qemu:///system",
        ),
        ("test+unix:///default?socket=/tmp/x", "test:///default"),
        (
            "qemu+unix:///system?socket=/opt/libvirt/run/libvirt/libvirt-sock",
            "qemu:///system",
        ),
        ("qemu+ssh://root@example.com/system", "qemu:///system"),
        ("qemu+tcp://host:16509/system", "qemu:///system"),
        ("lxc:///", "lxc:///"),
        ("ch:///session", "ch:///session"),
        ("test:///default", "test:///default"),
        ("xen://towada/system?no_verify=1", "xen:///system"),
        ("test+tcp://h:1/default?x=1;y=2", "test:///default?x=1&y=2"),
        ("QEMU+TCP://h:1/system", "QEMU:///system"),
        ("qemu+tcp://system", "qemu://"),
        ("qemu:", "qemu://"),
        ("qemu:system", "qemu://system"),
    ] {
        assert_eq!(name(text), expected, "{text}");
    }
    // Not a remote-driver URI in libvirt (the ESX driver is client-side),
    // but the rules apply all the same.
    assert_eq!(
        name("esx://example-esx.com/?no_verify=1&transport=http"),
        "esx:///?transport=http"
    );
}

#[test]
fn remote_schemes_probe() {
    assert_eq!(name("remote:///"), "");
    assert_eq!(name("remote+tcp://host/"), "");
    assert_eq!(name("remote+ssh://u@host/system?x=y"), "");
    assert_eq!(connect_open_name(None), Ok(String::new()));
    assert_eq!(
        connect_open_name(Some(&uri("qemu:///system"))),
        Ok("qemu:///system".into())
    );
}

#[test]
fn name_parameter_overrides() {
    assert_eq!(
        name("qemu:///system?mode=direct&socket=/tmp/nonex&proxy=native&Name=test:///default"),
        "test:///default"
    );
    assert_eq!(name("remote:///?name=qemu:///system"), "qemu:///system");
    assert_eq!(name("qemu:///system?NAME="), "");
    assert_eq!(name("qemu:///system?name=foo:///bar"), "foo:///bar");
}

#[test]
fn remote_parameters_are_removed_others_kept() {
    assert_eq!(
        name(
            "qemu+tcp://h:1/system?pkipath=/x&tls_priority=NORMAL&no_sanity=1&no_tty=0\
             &sshauth=agent&netcat=nc&known_hosts=/k&known_hosts_verify=bogus&auth=polkit\
             &authfile=/a&AuthFile=/b"
        ),
        "qemu:///system"
    );
    assert_eq!(
        name("qemu+ext:///system?command=/bin/false&no_verify=1&keyfile=k&foo=a%2Bb+c"),
        "qemu:///system?foo=a%2Bb%2Bc"
    );
    assert_eq!(name("qemu:///system?a=1&a=2"), "qemu:///system?a=1&a=2");
    assert_eq!(
        name("qemu:///system?a&b=&=c&&d=1"),
        "qemu:///system?a=&b=&d=1"
    );
    assert_eq!(name("qemu:///system?MODE=legacy&x=1"), "qemu:///system?x=1");
}

#[test]
fn re_escaping() {
    // Oracle: libxml2 escapes ':' in paths but not "/@~".
    assert_eq!(name("qemu:///sys%3Atem%2F%40x%7E"), "qemu:///sys%3Atem/@x~");
    // glib keeps only unreserved characters in values, upper-case hex.
    assert_eq!(
        name("qemu:///system?x=%C3%A9%20%2B%3D%26"),
        "qemu:///system?x=%C3%A9%20%2B%3D%26"
    );
    assert_eq!(
        name("qemu:///system?x=a%20b%2Fc~d&mode=legacy"),
        "qemu:///system?x=a%20b%2Fc~d"
    );
    assert_eq!(
        name("qemu:///system?a=1;b=2&c=3"),
        "qemu:///system?a=1%3Bb%3D2&c=3"
    );
    // Names are written decoded, as libvirt does.
    assert_eq!(name("qemu:///system?x%5Fy=1"), "qemu:///system?x_y=1");
    // Fragments keep ":?[]" but escape '#'.
    assert_eq!(name("qemu:///system#a%23b:c?d"), "qemu:///system#a%23b:c?d");
    assert_eq!(name("qemu:///system#fr%20ag"), "qemu:///system#fr%20ag");
    assert_eq!(name("qemu:///%C3%A9"), "qemu:///%C3%A9");
}

#[test]
fn ssh_helper_name_keeps_mode_and_socket() {
    // Oracle: virt-ssh-helper 'qemu:///system?mode=legacy&x=1&socket=%2Fs'.
    let u = uri("qemu+ssh://h/system?mode=legacy&x=1&socket=/s&keyfile=/k&proxy=native");
    assert_eq!(u.connect_open_name().unwrap(), "qemu:///system?x=1");
    assert_eq!(
        u.ssh_helper_name().unwrap(),
        "qemu:///system?mode=legacy&x=1&socket=%2Fs"
    );
    assert_eq!(uri("remote+ssh://h/").ssh_helper_name().unwrap(), "");
    assert_eq!(
        uri("qemu+ssh://h/system?name=qemu:///session&mode=legacy")
            .ssh_helper_name()
            .unwrap(),
        "qemu:///session"
    );
}

#[test]
fn bad_remote_values_fail_the_name() {
    // Oracle: libvirt fails before sending anything.
    assert_eq!(
        uri("qemu:///system?no_verify=x").connect_open_name(),
        Err(UriError::BadParameterValue {
            name: "no_verify".into(),
            value: "x".into()
        })
    );
    assert!(matches!(
        uri("qemu:///system?mode=bogus").connect_open_name(),
        Err(UriError::UnknownMode { .. })
    ));
    assert_eq!(
        uri("qemu+ext:///system").connect_open_name(),
        Err(UriError::MissingCommand)
    );
}

#[test]
fn escaping_of_every_printable_ascii_character() {
    // Oracle: virsh 11.3.0 sent exactly these names.
    let all: String = (0x20u8..0x7f).map(|b| format!("%{b:02X}")).collect();
    assert_eq!(
        name(&format!("qemu:///system?v={all}&mode=legacy")),
        "qemu:///system?v=%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D\
         %3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~"
    );
    assert_eq!(
        name(&format!("qemu:///{all}#{all}")),
        "qemu:///%20!%22%23$%25&'()*+,-./0123456789%3A;%3C=%3E%3F@ABCDEFGHIJKLMNOPQRSTUVWXYZ\
         %5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~\
         #%20!%22%23$%25&'()*+,-./0123456789:;%3C=%3E?@ABCDEFGHIJKLMNOPQRSTUVWXYZ\
         [%5C]%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~"
    );
}
