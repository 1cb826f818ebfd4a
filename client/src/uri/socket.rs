//! Which daemon socket a URI leads to (`remoteGetURIDaemonInfo` and
//! `remoteGetUNIXSocket`, `src/remote/remote_sockets.c:123-493`).

use std::path::PathBuf;

use super::config::ClientConfig;
use super::connect_uri::ConnectUri;
use super::env::Environment;
use super::error::UriError;
use super::layout;
use super::remote_params::{RemoteMode, RemoteParams};
use super::transport::Transport;

/// Drivers probed through their system sockets when no URI is given, in
/// libvirtd's driver loading order (`remoteProbeSystemDriverFromSocket`).
const SYSTEM_PROBE_DRIVERS: &[&str] = &["xen", "qemu", "lxc", "vbox", "bhyve", "vz"];

/// Drivers probed through their session sockets and then their installed
/// daemon binaries when no URI is given (`remoteProbeSessionDriverFrom*`).
const SESSION_PROBE_DRIVERS: &[&str] = &["qemu", "vbox"];

/// The environment variable that disables auto-starting session daemons
/// when set to `0`.
pub const LIBVIRT_AUTOSTART: &str = "LIBVIRT_AUTOSTART";

/// The daemon behind a chosen socket.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SocketDaemon {
    /// The path came from `socket=`; nothing is known about the daemon.
    Explicit,
    /// The monolithic daemon's socket (`libvirt-sock`), served by
    /// `libvirtd` or, with the same paths, by `virtproxyd`.
    Legacy,
    /// A per-driver daemon's socket (`virtqemud-sock`); holds the daemon
    /// name, `virt<driver>d`.
    Direct(String),
}

impl SocketDaemon {
    /// The name of the daemon the C client would auto-start for this
    /// socket: `libvirtd` for [`Legacy`](Self::Legacy), `virt<driver>d` for
    /// [`Direct`](Self::Direct), `None` for an explicit socket.
    pub fn daemon_name(&self) -> Option<&str> {
        match self {
            Self::Explicit => None,
            Self::Legacy => Some("libvirtd"),
            Self::Direct(name) => Some(name),
        }
    }
}

/// The daemon socket chosen for a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnixSocket {
    /// The socket path. For the SSH transports this is a path on the remote
    /// host, handed to netcat (or ignored by `virt-ssh-helper`, which
    /// resolves the socket itself).
    pub path: PathBuf,
    /// Which daemon listens there.
    pub daemon: SocketDaemon,
    /// Whether the session (per-user) daemon was chosen rather than the
    /// system one: a non-root user with a `/session` path or a `test+...`
    /// scheme, or with no URI at all (`REMOTE_DRIVER_OPEN_USER`).
    pub session: bool,
    /// Whether the C client would spawn the daemon if the socket is missing:
    /// session daemons over the local unix transport, unless
    /// `LIBVIRT_AUTOSTART=0` (`REMOTE_DRIVER_OPEN_AUTOSTART`).
    pub autostart: bool,
}

/// Chooses the daemon socket for `uri` (`None`: no URI, the daemon probes)
/// as libvirt 11.3.0 does, reading the client configuration file for
/// `remote_mode`.
///
/// Returns `Ok(None)` for the transports that use no socket (tcp, tls,
/// ext). Read-only connections use the `-sock-ro` system sockets; session
/// daemons have no read-only socket.
///
/// Rules, in order:
/// 1. `socket=` wins.
/// 2. The mode is `mode=`, else `remote_mode` in libvirt.conf, else auto.
/// 3. With no URI and a mode other than legacy, a build with the direct
///    default guesses the driver: as root from the first existing
///    `RUNSTATEDIR/libvirt/virt{xen,qemu,lxc,vbox,bhyve,vz}d-sock[-ro]`; as
///    another user from `virt{qemu,vbox}d-sock` in the runtime directory,
///    then from `SBINDIR/virt{qemu,vbox}d`.
/// 4. Auto on the unix transport: `virt<driver>d-sock` if it exists, else
///    `libvirt-sock` if it exists, else the build's default mode. Auto on
///    the SSH transports: legacy (the remote side probes).
/// 5. System sockets live in `LOCALSTATEDIR/run/libvirt/`, session sockets
///    in `$XDG_RUNTIME_DIR/libvirt/` (else `~/.cache/libvirt/`).
///
/// The daemon is named from the driver, `virt<driver>d`, whatever the
/// driver: `test` gives `virttestd`, which does not exist (the test driver
/// is only served by libvirtd), so `test+unix:///default` ends up on
/// `libvirt-sock` whenever that exists.
pub fn unix_socket(
    uri: Option<&ConnectUri>,
    read_only: bool,
    env: &dyn Environment,
) -> Result<Option<UnixSocket>, UriError> {
    unix_socket_with(uri, read_only, env, &ClientConfig::load(env)?)
}

/// [`unix_socket`] with an already loaded configuration.
pub fn unix_socket_with(
    uri: Option<&ConnectUri>,
    read_only: bool,
    env: &dyn Environment,
    config: &ClientConfig,
) -> Result<Option<UnixSocket>, UriError> {
    let transport = uri.map_or(Transport::Unix, ConnectUri::transport);
    let params = uri.map(RemoteParams::from_uri).transpose()?;
    let params = params.unwrap_or_default();
    let mode = match params.mode {
        Some(mode) => mode,
        None => config.remote_mode()?.unwrap_or_default(),
    };
    let session = is_session(uri, env);
    let autostart = session
        && uri.is_none_or(|u| u.host().is_none() && transport == Transport::Unix)
        && env.var(LIBVIRT_AUTOSTART).as_deref() != Some("0");
    let chosen = |path: PathBuf, daemon: SocketDaemon| {
        Some(UnixSocket {
            path,
            daemon,
            session,
            autostart,
        })
    };
    if !transport.uses_unix_socket() {
        return Ok(None);
    }
    if let Some(socket) = params.socket {
        return Ok(chosen(PathBuf::from(socket), SocketDaemon::Explicit));
    }

    let build = env.build_defaults();
    let socket_path = |prefix: &str| {
        if session {
            layout::user_runtime_dir(env).join(format!("{prefix}-sock"))
        } else {
            let suffix = if read_only { "sock-ro" } else { "sock" };
            build.system_socket_dir().join(format!("{prefix}-{suffix}"))
        }
    };

    let mut driver = uri.map(|u| u.driver().to_owned());
    if driver.is_none() && mode != RemoteMode::Legacy && build.default_mode_direct {
        driver = probe_driver(read_only, env);
    }
    let direct = driver.map(|d| {
        let daemon = format!("virt{d}d");
        (socket_path(&daemon), daemon)
    });
    let legacy = socket_path("libvirt");

    let mode = match mode {
        RemoteMode::Auto if transport != Transport::Unix => RemoteMode::Legacy,
        RemoteMode::Auto => {
            if direct.as_ref().is_some_and(|(p, _)| env.path_exists(p)) {
                RemoteMode::Direct
            } else if env.path_exists(&legacy) || !build.default_mode_direct {
                RemoteMode::Legacy
            } else {
                RemoteMode::Direct
            }
        }
        other => other,
    };
    match mode {
        RemoteMode::Direct if transport != Transport::Unix => {
            Err(UriError::DirectModeUnsupported { transport })
        }
        RemoteMode::Direct => match direct {
            Some((path, daemon)) => Ok(chosen(path, SocketDaemon::Direct(daemon))),
            None => Err(UriError::NoDaemonSocket),
        },
        _ => Ok(chosen(legacy, SocketDaemon::Legacy)),
    }
}

/// Whether the session daemon is wanted (`REMOTE_DRIVER_OPEN_USER`): never
/// for root; for others with no URI, a `/session` path, or a scheme that
/// starts with `test+` (`remote_sockets.c:456-492`).
fn is_session(uri: Option<&ConnectUri>, env: &dyn Environment) -> bool {
    env.euid() != 0 && uri.is_none_or(|u| u.path() == "/session" || u.scheme().starts_with("test+"))
}

/// Guesses the driver when no URI is given, from the sockets (and, for
/// non-root users, the daemon binaries) that exist.
fn probe_driver(read_only: bool, env: &dyn Environment) -> Option<String> {
    let build = env.build_defaults();
    let found = if env.euid() == 0 {
        let suffix = if read_only { "sock-ro" } else { "sock" };
        SYSTEM_PROBE_DRIVERS.iter().find(|d| {
            let path = build.runstatedir.join("libvirt");
            env.path_exists(&path.join(format!("virt{d}d-{suffix}")))
        })
    } else {
        let runtime = layout::user_runtime_dir(env);
        SESSION_PROBE_DRIVERS
            .iter()
            .find(|d| env.path_exists(&runtime.join(format!("virt{d}d-sock"))))
            .or_else(|| {
                SESSION_PROBE_DRIVERS
                    .iter()
                    .find(|d| env.path_exists(&build.sbindir.join(format!("virt{d}d"))))
            })
    };
    found.map(|d| (*d).to_owned())
}
