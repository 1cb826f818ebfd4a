//! Default URI precedence and name resolution (`virConnectOpenInternal`).

use super::{root, user};
use crate::uri::{
    ClientConfig, Environment, MemoryEnvironment, UriError, default_uri, resolve_uri,
    resolve_uri_with,
};

const ROOT_CONF: &str = "/etc/libvirt/libvirt.conf";
const USER_CONF: &str = "/home/u/.config/libvirt/libvirt.conf";

fn resolved(name: Option<&str>, env: &dyn Environment) -> Option<String> {
    resolve_uri(name, false, env)
        .unwrap_or_else(|e| panic!("{name:?}: {e}"))
        .map(|u| u.as_str().to_owned())
}

#[test]
fn default_uri_precedence() {
    // Nothing set: let the daemon probe.
    assert_eq!(default_uri(&root()), Ok(None));
    assert_eq!(default_uri(&user()), Ok(None));
    // The config file of the right user.
    let env = root()
        .with_file(ROOT_CONF, "uri_default = \"qemu:///system\"")
        .with_file(USER_CONF, "uri_default = \"qemu:///session\"");
    assert_eq!(default_uri(&env), Ok(Some("qemu:///system".into())));
    let env = user()
        .with_file(ROOT_CONF, "uri_default = \"qemu:///system\"")
        .with_file(USER_CONF, "uri_default = \"qemu:///session\"");
    assert_eq!(default_uri(&env), Ok(Some("qemu:///session".into())));
    // $XDG_CONFIG_HOME moves the user file.
    let env = user()
        .with_var("XDG_CONFIG_HOME", "/xdg")
        .with_file("/xdg/libvirt/libvirt.conf", "uri_default = \"lxc:///\"")
        .with_file(USER_CONF, "uri_default = \"qemu:///session\"");
    assert_eq!(default_uri(&env), Ok(Some("lxc:///".into())));
    // The environment variable beats the file; an empty one does not count.
    let env = env.with_var("LIBVIRT_DEFAULT_URI", "test:///default");
    assert_eq!(default_uri(&env), Ok(Some("test:///default".into())));
    let env = env.with_var("LIBVIRT_DEFAULT_URI", "");
    assert_eq!(default_uri(&env), Ok(Some("lxc:///".into())));
    // A malformed file or a non-string value is an error.
    let env = root().with_file(ROOT_CONF, "uri_default = [\"x:///\"]");
    assert!(matches!(
        default_uri(&env),
        Err(UriError::ConfigType { .. })
    ));
    let env = root().with_file(ROOT_CONF, "uri_default = ");
    assert!(matches!(default_uri(&env), Err(UriError::Config { .. })));
}

#[test]
fn explicit_names() {
    let env = user().with_var("LIBVIRT_DEFAULT_URI", "test:///default");
    assert_eq!(
        resolved(Some("qemu:///system"), &env).as_deref(),
        Some("qemu:///system")
    );
    // "" is no name at all.
    assert_eq!(resolved(Some(""), &env).as_deref(), Some("test:///default"));
    assert_eq!(resolved(None, &env).as_deref(), Some("test:///default"));
    assert_eq!(resolved(None, &user()), None);
    assert_eq!(resolved(Some(""), &user()), None);
    // Xen back-compatibility names.
    for name in ["xen", "XEN", "Xen", "xen://"] {
        assert_eq!(
            resolved(Some(name), &user()).as_deref(),
            Some("xen:///system"),
            "{name}"
        );
    }
    assert_eq!(
        resolved(Some("xen://localhost"), &user()).as_deref(),
        Some("xen://localhost")
    );
}

#[test]
fn aliases() {
    let conf = "uri_aliases = [\n  \"hail=qemu+ssh://root@hail.cloud.example.com/system\",\n  \
                \"dflt=test:///default\",\n]\nuri_default = \"dflt\"\n";
    let env = root().with_file(ROOT_CONF, conf);
    let uri = resolve_uri(Some("hail"), false, &env).unwrap().unwrap();
    assert_eq!(uri.host(), Some("hail.cloud.example.com"));
    assert_eq!(uri.connect_open_name(), Ok("qemu:///system".into()));
    // VIR_CONNECT_NO_ALIASES: the name is parsed as is (and has no scheme).
    assert_eq!(
        resolve_uri(Some("hail"), true, &env),
        Err(UriError::MissingScheme { uri: "hail".into() })
    );
    // The default URI goes through the aliases too.
    assert_eq!(resolved(None, &env).as_deref(), Some("test:///default"));
    let env = env.with_var("LIBVIRT_DEFAULT_URI", "hail");
    assert_eq!(
        resolved(None, &env).as_deref(),
        Some("qemu+ssh://root@hail.cloud.example.com/system")
    );
    // A URI is never an alias.
    assert_eq!(
        resolved(Some("qemu:///system"), &env).as_deref(),
        Some("qemu:///system")
    );
}

#[test]
fn errors_surface() {
    let env = user();
    assert!(matches!(
        resolve_uri(Some("qemu://system"), false, &env),
        Err(UriError::MissingSlash { .. })
    ));
    let env = user().with_var("LIBVIRT_DEFAULT_URI", "qemu+bogus:///system");
    assert!(matches!(
        resolve_uri(None, false, &env),
        Err(UriError::UnknownTransport { .. })
    ));
    // A broken libvirt.conf fails every open, even with an explicit URI.
    let env = MemoryEnvironment::new(0).with_file(ROOT_CONF, "uri_aliases = [");
    assert!(matches!(
        resolve_uri(Some("qemu:///system"), false, &env),
        Err(UriError::Config { .. })
    ));
}

#[test]
fn preloaded_config() {
    let config = ClientConfig::parse("uri_default = \"lxc:///\"", "mem").unwrap();
    let uri = resolve_uri_with(None, false, &user(), &config)
        .unwrap()
        .unwrap();
    assert_eq!(uri.driver(), "lxc");
}

#[test]
fn alias_default_and_remote_mode_together() {
    // Oracle: virsh 11.3.0 as an unprivileged user with this file in
    // $XDG_CONFIG_HOME/libvirt/libvirt.conf and `virsh -c ''`.
    let env = MemoryEnvironment::new(65534)
        .with_var("HOME", "/tmp/hh")
        .with_var("XDG_CONFIG_HOME", "/tmp/xc2")
        .with_var("XDG_RUNTIME_DIR", "/tmp/xr")
        .with_file(
            "/tmp/xc2/libvirt/libvirt.conf",
            "uri_aliases = [\n \"dflt=test+unix:///default?x=1\",\n]\n\
             uri_default = \"dflt\"\nremote_mode = \"direct\"\n",
        );
    for name in [None, Some(""), Some("dflt")] {
        let uri = resolve_uri(name, false, &env).unwrap().unwrap();
        assert_eq!(uri.connect_open_name(), Ok("test:///default?x=1".into()));
        let socket = crate::uri::unix_socket(Some(&uri), false, &env)
            .unwrap()
            .unwrap();
        assert_eq!(socket.path.to_str(), Some("/tmp/xr/libvirt/virttestd-sock"));
    }
    let env = env.with_var("LIBVIRT_DEFAULT_URI", "qemu:///session");
    let uri = resolve_uri(None, false, &env).unwrap().unwrap();
    let socket = crate::uri::unix_socket(Some(&uri), false, &env)
        .unwrap()
        .unwrap();
    assert_eq!(socket.path.to_str(), Some("/tmp/xr/libvirt/virtqemud-sock"));
}
