//! Where libvirt keeps things: build-time directories ([`BuildDefaults`])
//! and the per-user directories glib derives from the XDG variables.

use std::path::PathBuf;

use super::env::Environment;

/// The directories and defaults a libvirt build was configured with. The
/// client's notion of "the system socket" or "the system config file"
/// depends on them.
///
/// [`Default`] gives upstream libvirt's meson defaults for a `/usr` prefix,
/// which most distributions use; Debian and Ubuntu differ only in
/// [`default_mode_direct`](Self::default_mode_direct) (see
/// [`legacy_mode`](Self::legacy_mode)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildDefaults {
    /// `LOCALSTATEDIR` (`/var`). The client looks for the system sockets
    /// in `LOCALSTATEDIR/run/libvirt`, not in `RUNSTATEDIR`, because the
    /// same path is used on remote hosts that may lack `/run`.
    pub localstatedir: PathBuf,
    /// `RUNSTATEDIR` (`/run`). Used by the driver probe when no URI is
    /// given and by the admin sockets.
    pub runstatedir: PathBuf,
    /// `SYSCONFDIR` (`/etc`): root reads `SYSCONFDIR/libvirt/libvirt.conf`.
    pub sysconfdir: PathBuf,
    /// `SBINDIR` (`/usr/sbin`): where the daemons are installed.
    pub sbindir: PathBuf,
    /// The meson option `remote_default_mode`: `true` for `direct`
    /// (upstream's default: connect to `virtqemud` and friends when no
    /// socket exists yet), `false` for `legacy` (connect to `libvirtd`).
    pub default_mode_direct: bool,
}

impl Default for BuildDefaults {
    fn default() -> Self {
        Self {
            localstatedir: PathBuf::from("/var"),
            runstatedir: PathBuf::from("/run"),
            sysconfdir: PathBuf::from("/etc"),
            sbindir: PathBuf::from("/usr/sbin"),
            default_mode_direct: true,
        }
    }
}

impl BuildDefaults {
    /// Upstream defaults but with `remote_default_mode=legacy`, as Debian's
    /// and Ubuntu's packages are built (checked with Debian's libvirt
    /// 11.3.0: with no socket present, `qemu:///system` resolves to
    /// `/var/run/libvirt/libvirt-sock`).
    pub fn legacy_mode() -> Self {
        Self {
            default_mode_direct: false,
            ..Self::default()
        }
    }

    /// `LOCALSTATEDIR/run/libvirt`: the client's system socket directory.
    pub fn system_socket_dir(&self) -> PathBuf {
        self.localstatedir.join("run").join("libvirt")
    }
}

/// glib's `g_get_home_dir`: `$HOME`, else the user database, else `/`.
fn home_dir(env: &dyn Environment) -> PathBuf {
    env.home_dir().unwrap_or_else(|| PathBuf::from("/"))
}

/// A non-empty environment variable as a path.
fn var_dir(env: &dyn Environment, name: &str) -> Option<PathBuf> {
    env.var(name).filter(|v| !v.is_empty()).map(PathBuf::from)
}

/// `$XDG_CONFIG_HOME/libvirt`, or `~/.config/libvirt`
/// (`virGetUserConfigDirectory`).
pub(crate) fn user_config_dir(env: &dyn Environment) -> PathBuf {
    var_dir(env, "XDG_CONFIG_HOME")
        .unwrap_or_else(|| home_dir(env).join(".config"))
        .join("libvirt")
}

/// `$XDG_RUNTIME_DIR/libvirt`, or else `$XDG_CACHE_HOME/libvirt`, or
/// `~/.cache/libvirt` (`virGetUserRuntimeDirectory`; glib falls back from
/// the runtime to the cache directory).
pub(crate) fn user_runtime_dir(env: &dyn Environment) -> PathBuf {
    var_dir(env, "XDG_RUNTIME_DIR")
        .or_else(|| var_dir(env, "XDG_CACHE_HOME"))
        .unwrap_or_else(|| home_dir(env).join(".cache"))
        .join("libvirt")
}
