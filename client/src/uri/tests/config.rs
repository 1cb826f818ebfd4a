//! The client configuration file and `uri_aliases`.

use super::{root, user};
use crate::uri::{ClientConfig, MemoryEnvironment, ProxyMode, RemoteMode, UriError};

fn conf(text: &str) -> ClientConfig {
    ClientConfig::parse(text, "test.conf").unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn syntax_error(text: &str) -> (Option<usize>, String) {
    match ClientConfig::parse(text, "test.conf") {
        Err(UriError::Config { line, message, .. }) => (line, message),
        other => panic!("{text:?}: {other:?}"),
    }
}

#[test]
fn debian_default_file_parses() {
    // The shape of the libvirt.conf shipped by libvirt: comments only.
    let c = conf(
        "#\n# This can be used to setup URI aliases for frequently\n\
         # used connection URIs. Aliases may contain only the\n\
         # characters  a-Z, 0-9, _, -.\n#\n\
         #uri_aliases = [\n#  \"hail=qemu+ssh://root@hail.cloud.example.com/system\",\n#]\n\
         #uri_default = \"qemu:///system\"\n",
    );
    assert_eq!(c.uri_default(), Ok(None));
    assert_eq!(c.resolve_alias("hail"), Ok(None));
}

#[test]
fn settings() {
    let c = conf(
        "uri_default = \"qemu:///system\"  # trailing comment\n\
         remote_mode = 'direct'; remote_proxy = \"native\"\n\
         tls_priority=\"NORMAL\"\n\
         uri_aliases = [\n  \"hail=qemu+ssh://root@hail.cloud.example.com/system\",\n\
           'sleet=qemu+ssh://root@sleet.cloud.example.com/system',\n]\n\
         other = 42\n",
    );
    assert_eq!(c.uri_default(), Ok(Some("qemu:///system")));
    assert_eq!(c.remote_mode(), Ok(Some(RemoteMode::Direct)));
    assert_eq!(c.remote_proxy(), Ok(Some(ProxyMode::Native)));
    assert_eq!(c.tls_priority(), Ok(Some("NORMAL")));
    assert_eq!(
        c.resolve_alias("hail"),
        Ok(Some("qemu+ssh://root@hail.cloud.example.com/system"))
    );
    assert_eq!(
        c.resolve_alias("sleet"),
        Ok(Some("qemu+ssh://root@sleet.cloud.example.com/system"))
    );
    assert_eq!(c.resolve_alias("Hail"), Ok(None));
    assert_eq!(c.resolve_alias("qemu:///system"), Ok(None));
    assert_eq!(
        c.string("other"),
        Err(UriError::ConfigType {
            path: "test.conf".into(),
            key: "other".into(),
            expected: "a string"
        })
    );
}

#[test]
fn value_forms() {
    let c = conf("a = \"\"\"multi\nline\"\"\"\nb = -7\nc = +8\nd = []\ne = [ \"x\" , ]\n");
    assert_eq!(c.string("a"), Ok(Some("multi\nline")));
    assert_eq!(c.string_list("d"), Ok(Some(vec![])));
    assert_eq!(c.string_list("e"), Ok(Some(vec!["x"])));
    assert!(matches!(
        c.string_list("b"),
        Err(UriError::ConfigType { .. })
    ));
    // A lone string is not a list for uri_aliases.
    let c = conf("uri_aliases = \"a=b:///\"");
    assert!(matches!(
        c.resolve_alias("a"),
        Err(UriError::ConfigType {
            expected: "a string list",
            ..
        })
    ));
    let c = conf("uri_aliases = [\"a=b:///\", 1]");
    assert!(matches!(
        c.resolve_alias("a"),
        Err(UriError::ConfigType { .. })
    ));
    // The first setting of a name counts.
    let c = conf("uri_default = \"a:///\"\nuri_default = \"b:///\"");
    assert_eq!(c.uri_default(), Ok(Some("a:///")));
    assert_eq!(conf("").uri_default(), Ok(None));
    assert_eq!(conf("x=1").string("y"), Ok(None));
}

#[test]
fn syntax_errors() {
    assert_eq!(
        syntax_error("uri_default \"x\""),
        (Some(1), "expecting an assignment".into())
    );
    assert_eq!(
        syntax_error("\n\nuri_default = x"),
        (Some(3), "expecting a value".into())
    );
    assert_eq!(
        syntax_error("a = \"x"),
        (Some(1), "unterminated string".into())
    );
    assert_eq!(
        syntax_error("a = 'x\n'"),
        (Some(1), "unterminated string".into())
    );
    assert_eq!(
        syntax_error("a = [\"x\" \"y\"]"),
        (Some(1), "expecting a separator in list".into())
    );
    assert_eq!(
        syntax_error("a = [\"x\""),
        (Some(1), "list is not closed with ]".into())
    );
    assert_eq!(
        syntax_error("a = 1 b = 2"),
        (Some(1), "expecting a separator".into())
    );
    assert_eq!(
        syntax_error("a = -"),
        (Some(1), "unterminated number".into())
    );
    assert_eq!(
        syntax_error("a = 99999999999999999999"),
        (Some(1), "numeric overflow in conf value".into())
    );
    assert_eq!(syntax_error("1a = 2"), (Some(1), "expecting a name".into()));
    // As in libvirt, a file ending in blank lines after a statement is fine,
    // but one holding only white space is not.
    assert_eq!(conf("a = \"1\"\n\n\n").string("a"), Ok(Some("1")));
    assert_eq!(syntax_error("\n"), (Some(2), "expecting a name".into()));
    assert_eq!(syntax_error("  "), (Some(1), "expecting a name".into()));
    // Triple quotes need more than 6 bytes left (checked with libvirt's
    // virConfReadString).
    assert_eq!(conf("k = \"\"\"\"\"\" ").string("k"), Ok(Some("")));
    assert_eq!(
        syntax_error("k = \"\"\"\"\"\""),
        (Some(1), "expecting a separator".into())
    );
    let e = ClientConfig::parse("x", "/etc/libvirt/libvirt.conf").unwrap_err();
    assert_eq!(
        e.to_string(),
        "/etc/libvirt/libvirt.conf:1: expecting an assignment"
    );
}

#[test]
fn malformed_aliases() {
    let c = conf("uri_aliases = [\"ok=a:///\", \"noequals\", \"later=b:///\"]");
    assert_eq!(c.resolve_alias("ok"), Ok(Some("a:///")));
    let e = c.resolve_alias("later").unwrap_err();
    assert_eq!(
        e,
        UriError::MalformedAlias {
            entry: "noequals".into(),
            missing_equals: true
        }
    );
    assert_eq!(
        e.to_string(),
        "Malformed 'uri_aliases' config entry 'noequals', expected 'alias=uri://host/path'"
    );
    let c = conf("uri_aliases = [\"bad.name=a:///\"]");
    assert_eq!(
        c.resolve_alias("x"),
        Err(UriError::MalformedAlias {
            entry: "bad.name=a:///".into(),
            missing_equals: false
        })
    );
    // Everything after the first '=' is the URI.
    let c = conf("uri_aliases = [\"a-b_9=test:///default?x=1\"]");
    assert_eq!(c.resolve_alias("a-b_9"), Ok(Some("test:///default?x=1")));
}

#[test]
fn file_locations() {
    assert_eq!(
        ClientConfig::path(&root(), "libvirt.conf").to_str(),
        Some("/etc/libvirt/libvirt.conf")
    );
    assert_eq!(
        ClientConfig::path(&user(), "libvirt.conf").to_str(),
        Some("/home/u/.config/libvirt/libvirt.conf")
    );
    let env = user().with_var("XDG_CONFIG_HOME", "/cfg");
    assert_eq!(
        ClientConfig::path(&env, "libvirt-admin.conf").to_str(),
        Some("/cfg/libvirt/libvirt-admin.conf")
    );
    let env = user().with_var("XDG_CONFIG_HOME", "");
    assert_eq!(
        ClientConfig::path(&env, "libvirt.conf").to_str(),
        Some("/home/u/.config/libvirt/libvirt.conf")
    );
}

#[test]
fn loading() {
    // A missing file is an empty configuration.
    assert_eq!(ClientConfig::load(&root()).unwrap().uri_default(), Ok(None));
    let env = root().with_file("/etc/libvirt/libvirt.conf", "uri_default = \"lxc:///\"");
    assert_eq!(
        ClientConfig::load(&env).unwrap().uri_default(),
        Ok(Some("lxc:///"))
    );
    // An existing but unreadable file is an error.
    let env = MemoryEnvironment::new(0).with_path("/etc/libvirt/libvirt.conf");
    assert!(matches!(
        ClientConfig::load(&env),
        Err(UriError::Config { line: None, .. })
    ));
}
