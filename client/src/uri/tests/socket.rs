//! Daemon socket discovery (`remote_sockets.c`).

use std::path::PathBuf;

use super::{root, uri, user};
use crate::uri::{
    BuildDefaults, Environment, MemoryEnvironment, SocketDaemon, Transport, UnixSocket, UriError,
    unix_socket,
};

const SYS: &str = "/var/run/libvirt";
const RUN: &str = "/run/user/1000/libvirt";

fn socket(text: Option<&str>, read_only: bool, env: &dyn Environment) -> UnixSocket {
    let parsed = text.map(uri);
    unix_socket(parsed.as_ref(), read_only, env)
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
        .unwrap_or_else(|| panic!("{text:?}: no socket"))
}

fn error(text: Option<&str>, read_only: bool, env: &dyn Environment) -> UriError {
    let parsed = text.map(uri);
    unix_socket(parsed.as_ref(), read_only, env).expect_err("an error")
}

fn direct(path: &str, daemon: &str) -> (PathBuf, SocketDaemon) {
    (path.into(), SocketDaemon::Direct(daemon.into()))
}

fn legacy(path: &str) -> (PathBuf, SocketDaemon) {
    (path.into(), SocketDaemon::Legacy)
}

fn chosen(s: &UnixSocket) -> (PathBuf, SocketDaemon) {
    (s.path.clone(), s.daemon.clone())
}

#[test]
fn root_system_auto_mode() {
    let q = Some("qemu:///system");
    // Nothing exists: the build default (upstream: direct).
    let s = socket(q, false, &root());
    assert_eq!(
        chosen(&s),
        direct("/var/run/libvirt/virtqemud-sock", "virtqemud")
    );
    assert!(!s.session && !s.autostart);
    assert_eq!(s.daemon.daemon_name(), Some("virtqemud"));
    // Only libvirtd (or virtproxyd) is running.
    let env = root().with_path(format!("{SYS}/libvirt-sock"));
    assert_eq!(
        chosen(&socket(q, false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
    assert_eq!(
        socket(q, false, &env).daemon.daemon_name(),
        Some("libvirtd")
    );
    // Both: the modular daemon wins.
    let env = env.with_path(format!("{SYS}/virtqemud-sock"));
    assert_eq!(
        chosen(&socket(q, false, &env)),
        direct("/var/run/libvirt/virtqemud-sock", "virtqemud")
    );
    // Root has no session daemon, whatever the path says.
    let s = socket(Some("qemu:///session"), false, &env);
    assert_eq!(
        (s.path.to_str(), s.session),
        (Some("/var/run/libvirt/virtqemud-sock"), false)
    );
}

#[test]
fn legacy_default_build() {
    // Oracle (Debian's build): no socket at all gives libvirt-sock.
    let env = root().with_build_defaults(BuildDefaults::legacy_mode());
    assert_eq!(
        chosen(&socket(Some("qemu:///system"), false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
    assert_eq!(
        chosen(&socket(Some("qemu:///system"), true, &env)),
        legacy("/var/run/libvirt/libvirt-sock-ro")
    );
    let env = env.with_path(format!("{SYS}/virtqemud-sock"));
    assert_eq!(
        chosen(&socket(Some("qemu:///system"), false, &env)),
        direct("/var/run/libvirt/virtqemud-sock", "virtqemud")
    );
}

#[test]
fn read_only_sockets() {
    let q = Some("qemu:///system");
    assert_eq!(
        chosen(&socket(q, true, &root())),
        direct("/var/run/libvirt/virtqemud-sock-ro", "virtqemud")
    );
    // The existence checks look at the -ro paths.
    let env = root()
        .with_path(format!("{SYS}/virtqemud-sock"))
        .with_path(format!("{SYS}/libvirt-sock-ro"));
    assert_eq!(
        chosen(&socket(q, true, &env)),
        legacy("/var/run/libvirt/libvirt-sock-ro")
    );
    // Oracle: a non-root user's read-only system connection.
    let env = user().with_path(format!("{SYS}/libvirt-sock-ro"));
    let s = socket(q, true, &env);
    assert_eq!(chosen(&s), legacy("/var/run/libvirt/libvirt-sock-ro"));
    assert!(!s.session && !s.autostart);
}

#[test]
fn explicit_modes() {
    let env = root()
        .with_path(format!("{SYS}/libvirt-sock"))
        .with_path(format!("{SYS}/virtqemud-sock"));
    assert_eq!(
        chosen(&socket(Some("qemu:///system?mode=legacy"), false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
    assert_eq!(
        chosen(&socket(Some("qemu:///system?mode=direct"), false, &root())),
        direct("/var/run/libvirt/virtqemud-sock", "virtqemud")
    );
    let env = root().with_path(format!("{SYS}/libvirt-sock"));
    assert_eq!(
        chosen(&socket(Some("qemu:///system?mode=direct"), false, &env)),
        direct("/var/run/libvirt/virtqemud-sock", "virtqemud")
    );
}

#[test]
fn remote_mode_from_the_config_file() {
    let conf = "/etc/libvirt/libvirt.conf";
    let env = root()
        .with_path(format!("{SYS}/virtqemud-sock"))
        .with_file(conf, "remote_mode = \"legacy\"\n");
    assert_eq!(
        chosen(&socket(Some("qemu:///system"), false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
    // The URI parameter wins over the file.
    assert_eq!(
        chosen(&socket(Some("qemu:///system?mode=auto"), false, &env)),
        direct("/var/run/libvirt/virtqemud-sock", "virtqemud")
    );
    let env = root().with_file(conf, "remote_mode = \"modular\"\n");
    assert_eq!(
        error(Some("qemu:///system"), false, &env),
        UriError::UnknownMode {
            value: "modular".into()
        }
    );
    // Non-root users read ~/.config/libvirt/libvirt.conf instead.
    let env = user()
        .with_file(
            "/home/u/.config/libvirt/libvirt.conf",
            "remote_mode = 'legacy'",
        )
        .with_file(conf, "remote_mode = 'direct'");
    assert_eq!(
        chosen(&socket(Some("qemu:///session"), false, &env)),
        legacy("/run/user/1000/libvirt/libvirt-sock")
    );
}

#[test]
fn explicit_socket_wins() {
    for text in [
        "test+unix:///default?socket=/tmp/x",
        "qemu:///system?socket=/tmp/x&mode=direct",
        "qemu+ssh://h/system?socket=/tmp/x",
    ] {
        let s = socket(Some(text), true, &root());
        assert_eq!(
            chosen(&s),
            ("/tmp/x".into(), SocketDaemon::Explicit),
            "{text}"
        );
        assert_eq!(s.daemon.daemon_name(), None);
    }
    let s = socket(
        Some("qemu+unix:///system?socket=/opt/libvirt/run/libvirt/libvirt-sock"),
        false,
        &user(),
    );
    assert_eq!(
        s.path.to_str(),
        Some("/opt/libvirt/run/libvirt/libvirt-sock")
    );
}

#[test]
fn daemon_name_per_driver() {
    for (driver, daemon) in [
        ("qemu", "virtqemud"),
        ("lxc", "virtlxcd"),
        ("ch", "virtchd"),
        ("xen", "virtxend"),
        ("vbox", "virtvboxd"),
        ("bhyve", "virtbhyved"),
        ("vz", "virtvzd"),
        ("network", "virtnetworkd"),
        ("storage", "virtstoraged"),
        ("nodedev", "virtnodedevd"),
        ("secret", "virtsecretd"),
        ("nwfilter", "virtnwfilterd"),
        ("interface", "virtinterfaced"),
        // No such daemon exists: the test driver is only in libvirtd, and
        // "remote" only makes sense with libvirtd or virtproxyd.
        ("test", "virttestd"),
        ("remote", "virtremoted"),
    ] {
        let text = format!("{driver}:///system?mode=direct");
        let s = socket(Some(&text), false, &root());
        assert_eq!(
            chosen(&s),
            direct(&format!("{SYS}/{daemon}-sock"), daemon),
            "{driver}"
        );
    }
}

#[test]
fn test_driver_goes_to_libvirtd_when_it_runs() {
    let env = root().with_path(format!("{SYS}/libvirt-sock"));
    assert_eq!(
        chosen(&socket(Some("test+unix:///default"), false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
    assert_eq!(
        chosen(&socket(Some("remote:///"), false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
}

#[test]
fn non_root_session() {
    let s = socket(Some("qemu:///session"), false, &user());
    assert_eq!(
        chosen(&s),
        direct("/run/user/1000/libvirt/virtqemud-sock", "virtqemud")
    );
    assert!(s.session && s.autostart);
    // Oracle: with both sockets present, the modular one.
    let env = user()
        .with_path(format!("{RUN}/virtqemud-sock"))
        .with_path(format!("{RUN}/libvirt-sock"));
    assert_eq!(
        chosen(&socket(Some("qemu:///session"), false, &env)),
        direct("/run/user/1000/libvirt/virtqemud-sock", "virtqemud")
    );
    // Oracle: network has no session daemon running here; libvirtd serves it.
    assert_eq!(
        chosen(&socket(Some("network:///session"), false, &env)),
        legacy("/run/user/1000/libvirt/libvirt-sock")
    );
    let env = env.with_path(format!("{RUN}/virtnetworkd-sock"));
    assert_eq!(
        chosen(&socket(Some("network:///session"), false, &env)),
        direct("/run/user/1000/libvirt/virtnetworkd-sock", "virtnetworkd")
    );
    // Session daemons have no read-only socket.
    assert_eq!(
        socket(Some("qemu:///session"), true, &user()).path.to_str(),
        Some("/run/user/1000/libvirt/virtqemud-sock")
    );
    // Other drivers too.
    assert_eq!(
        socket(Some("ch:///session"), false, &user()).path.to_str(),
        Some("/run/user/1000/libvirt/virtchd-sock")
    );
}

#[test]
fn test_scheme_with_transport_means_session() {
    // Oracle: non-root test+unix:///default targets the session libvirtd,
    // read-only or not.
    let env = user().with_path(format!("{RUN}/libvirt-sock"));
    for ro in [false, true] {
        let s = socket(Some("test+unix:///default"), ro, &env);
        assert_eq!(chosen(&s), legacy("/run/user/1000/libvirt/libvirt-sock"));
        assert!(s.session && s.autostart);
    }
    // Plain test:/// (no '+') is not session; the prefix is case-sensitive.
    assert!(!socket(Some("test:///default"), false, &env).session);
    assert!(!socket(Some("TEST+unix:///default"), false, &env).session);
    // test+tcp uses no socket at all.
    assert_eq!(
        unix_socket(Some(&uri("test+tcp://h/default")), false, &env),
        Ok(None)
    );
}

#[test]
fn autostart_rules() {
    let env = user().with_var("LIBVIRT_AUTOSTART", "0");
    assert!(!socket(Some("qemu:///session"), false, &env).autostart);
    let env = user().with_var("LIBVIRT_AUTOSTART", "1");
    assert!(socket(Some("qemu:///session"), false, &env).autostart);
    // Oracle: ssh to a session uses the local runtime dir path, no autostart.
    let s = socket(Some("qemu+ssh://h/session"), false, &user());
    assert_eq!(chosen(&s), legacy("/run/user/1000/libvirt/libvirt-sock"));
    assert!(s.session && !s.autostart);
    assert!(!socket(Some("qemu:///system"), false, &user()).autostart);
}

#[test]
fn runtime_directory_fallbacks() {
    // Oracle for each: the session socket directory.
    let q = Some("qemu:///session?mode=legacy");
    let env = MemoryEnvironment::new(1000).with_var("HOME", "/tmp/hh");
    assert_eq!(
        socket(q, false, &env).path.to_str(),
        Some("/tmp/hh/.cache/libvirt/libvirt-sock")
    );
    let env = env.with_var("XDG_CACHE_HOME", "/tmp/xc");
    assert_eq!(
        socket(q, false, &env).path.to_str(),
        Some("/tmp/xc/libvirt/libvirt-sock")
    );
    let env = MemoryEnvironment::new(1000)
        .with_var("HOME", "/tmp/hh")
        .with_var("XDG_RUNTIME_DIR", "");
    assert_eq!(
        socket(q, false, &env).path.to_str(),
        Some("/tmp/hh/.cache/libvirt/libvirt-sock")
    );
    let env = env.with_var("XDG_RUNTIME_DIR", "/tmp/xr/");
    assert_eq!(
        socket(q, false, &env).path.to_str(),
        Some("/tmp/xr/libvirt/libvirt-sock")
    );
    // No HOME at all: glib falls back to "/".
    let env = MemoryEnvironment::new(1000);
    assert_eq!(
        socket(q, false, &env).path.to_str(),
        Some("/.cache/libvirt/libvirt-sock")
    );
}

#[test]
fn ssh_transports() {
    // Auto means legacy for remote hosts, whatever exists locally.
    let env = root().with_path(format!("{SYS}/virtqemud-sock"));
    for text in [
        "qemu+ssh://root@example.com/system",
        "qemu+libssh://h/system",
        "qemu+libssh2://h/system",
    ] {
        assert_eq!(
            chosen(&socket(Some(text), false, &env)),
            legacy("/var/run/libvirt/libvirt-sock"),
            "{text}"
        );
    }
    assert_eq!(
        socket(Some("qemu+ssh://h/system"), true, &env)
            .path
            .to_str(),
        Some("/var/run/libvirt/libvirt-sock-ro")
    );
    // Oracle: "Cannot use direct socket mode for ssh transport".
    let e = error(Some("qemu+ssh://h/session?mode=direct"), false, &user());
    assert_eq!(
        e,
        UriError::DirectModeUnsupported {
            transport: Transport::Ssh
        }
    );
    assert_eq!(
        e.to_string(),
        "Cannot use direct socket mode for ssh transport"
    );
}

#[test]
fn socketless_transports() {
    for text in [
        "qemu+tcp://host:16509/system",
        "qemu://host/system",
        "xen+tls://[2001:db8::1]:1234/",
        "qemu+ext:///system?command=/opt/openvpn/bin/tunnel.sh",
        "remote+tcp://host/",
    ] {
        assert_eq!(
            unix_socket(Some(&uri(text)), false, &root()),
            Ok(None),
            "{text}"
        );
    }
    // Bad values still fail, as they fail libvirt's open.
    assert!(matches!(
        error(Some("qemu+tcp://h/system?mode=bogus"), false, &root()),
        UriError::UnknownMode { .. }
    ));
    assert_eq!(
        error(Some("qemu+ext:///system"), false, &root()),
        UriError::MissingCommand
    );
}

#[test]
fn no_uri_as_root_probes_system_sockets() {
    // Nothing to probe and no libvirtd: libvirt gives up.
    assert_eq!(error(None, false, &root()), UriError::NoDaemonSocket);
    // Only libvirtd: legacy.
    let env = root().with_path(format!("{SYS}/libvirt-sock"));
    let s = socket(None, false, &env);
    assert_eq!(chosen(&s), legacy("/var/run/libvirt/libvirt-sock"));
    assert!(!s.session && !s.autostart);
    // The probe looks in RUNSTATEDIR (/run), the socket is then taken from
    // LOCALSTATEDIR/run (/var/run; the same directory on real systems).
    let env = root().with_path("/run/libvirt/virtlxcd-sock");
    assert_eq!(
        chosen(&socket(None, false, &env)),
        direct("/var/run/libvirt/virtlxcd-sock", "virtlxcd")
    );
    // Probe order: xen, qemu, lxc, vbox, bhyve, vz.
    let env = env
        .with_path("/run/libvirt/virtqemud-sock")
        .with_path("/run/libvirt/virtxend-sock");
    assert_eq!(
        socket(None, false, &env).daemon,
        SocketDaemon::Direct("virtxend".into())
    );
    // Read-only probes the -ro sockets.
    let env = root().with_path("/run/libvirt/virtqemud-sock-ro");
    assert_eq!(
        chosen(&socket(None, true, &env)),
        direct("/var/run/libvirt/virtqemud-sock-ro", "virtqemud")
    );
    assert_eq!(error(None, false, &env), UriError::NoDaemonSocket);
}

#[test]
fn no_uri_as_user_probes_session_sockets_then_binaries() {
    let env = user().with_path(format!("{RUN}/virtvboxd-sock"));
    let s = socket(None, false, &env);
    assert_eq!(
        chosen(&s),
        direct("/run/user/1000/libvirt/virtvboxd-sock", "virtvboxd")
    );
    assert!(s.session && s.autostart);
    // No socket, but virtqemud is installed: it would be auto-started.
    let env = user().with_path("/usr/sbin/virtqemud");
    assert_eq!(
        chosen(&socket(None, false, &env)),
        direct("/run/user/1000/libvirt/virtqemud-sock", "virtqemud")
    );
    // A running session libvirtd is used when no modular daemon is found.
    let env = user().with_path(format!("{RUN}/libvirt-sock"));
    assert_eq!(
        chosen(&socket(None, false, &env)),
        legacy("/run/user/1000/libvirt/libvirt-sock")
    );
    assert_eq!(error(None, false, &user()), UriError::NoDaemonSocket);
}

#[test]
fn no_uri_without_probing() {
    // Legacy mode (URI-less, so from the config file) skips the probe.
    let env = root()
        .with_path("/run/libvirt/virtqemud-sock")
        .with_file("/etc/libvirt/libvirt.conf", "remote_mode = \"legacy\"");
    assert_eq!(
        chosen(&socket(None, false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
    // So does a legacy-default build (oracle: Debian, as root and as user).
    let env = root()
        .with_path("/run/libvirt/virtqemud-sock")
        .with_build_defaults(BuildDefaults::legacy_mode());
    assert_eq!(
        chosen(&socket(None, false, &env)),
        legacy("/var/run/libvirt/libvirt-sock")
    );
    let env = user()
        .with_path(format!("{RUN}/virtqemud-sock"))
        .with_build_defaults(BuildDefaults::legacy_mode());
    assert_eq!(
        chosen(&socket(None, false, &env)),
        legacy("/run/user/1000/libvirt/libvirt-sock")
    );
}

#[test]
fn custom_build_directories() {
    let build = BuildDefaults {
        localstatedir: "/usr/local/var".into(),
        ..BuildDefaults::default()
    };
    let env = root().with_build_defaults(build);
    assert_eq!(
        socket(Some("qemu:///system"), false, &env).path.to_str(),
        Some("/usr/local/var/run/libvirt/virtqemud-sock")
    );
}
