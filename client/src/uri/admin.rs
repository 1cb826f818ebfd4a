//! Admin-interface URIs (`libvirtd:///system`, `virtqemud:///session`) and
//! their sockets (`src/admin/libvirt-admin.c:100-247`).

use std::path::PathBuf;

use super::config::{ADMIN_CONFIG_FILE, ClientConfig};
use super::env::Environment;
use super::error::UriError;
use super::layout;
use super::syntax;

/// The environment variable naming the default admin URI.
pub const LIBVIRT_ADMIN_DEFAULT_URI: &str = "LIBVIRT_ADMIN_DEFAULT_URI";

/// The admin URI used when none is given: `LIBVIRT_ADMIN_DEFAULT_URI` if
/// set and non-empty, else `uri_default` from `libvirt-admin.conf`, else
/// `libvirtd:///system` for root and `libvirtd:///session` for others.
pub fn admin_default_uri(env: &dyn Environment) -> Result<String, UriError> {
    admin_default_uri_with(env, &ClientConfig::load_file(env, ADMIN_CONFIG_FILE)?)
}

fn admin_default_uri_with(
    env: &dyn Environment,
    config: &ClientConfig,
) -> Result<String, UriError> {
    if let Some(uri) = env.var(LIBVIRT_ADMIN_DEFAULT_URI).filter(|v| !v.is_empty()) {
        return Ok(uri);
    }
    if let Some(uri) = config.uri_default()? {
        return Ok(uri.to_owned());
    }
    Ok(if env.euid() == 0 {
        "libvirtd:///system"
    } else {
        "libvirtd:///session"
    }
    .to_owned())
}

/// The admin socket for the admin URI `name` (`None`: the default), as
/// `virAdmConnectOpen` finds it: default URI, then `uri_aliases` from
/// `libvirt-admin.conf` unless `no_aliases`, then [`admin_socket_path`].
pub fn admin_socket(
    name: Option<&str>,
    no_aliases: bool,
    env: &dyn Environment,
) -> Result<PathBuf, UriError> {
    let config = ClientConfig::load_file(env, ADMIN_CONFIG_FILE)?;
    let mut uri = match name {
        Some(name) => name.to_owned(),
        None => admin_default_uri_with(env, &config)?,
    };
    if !no_aliases {
        if let Some(alias) = config.resolve_alias(&uri)? {
            uri = alias.to_owned();
        }
    }
    admin_socket_path(&uri, env)
}

/// The admin socket of one admin URI:
/// * `?socket=PATH` (the only parameter allowed, exact case) wins;
/// * the scheme `libvirtd` means the `libvirt-admin-sock` socket (libvirtd
///   and virtproxyd), any scheme starting with `virt` means
///   `<scheme>-admin-sock` (`virtqemud-admin-sock`), others are refused;
/// * the path `/system` puts it in `RUNSTATEDIR/libvirt/`, `/session` in
///   the user runtime directory (`$XDG_RUNTIME_DIR/libvirt/`); any other
///   path is refused. The host, if any, is ignored.
pub fn admin_socket_path(uri: &str, env: &dyn Environment) -> Result<PathBuf, UriError> {
    let raw = syntax::parse(uri).map_err(|e| match e {
        UriError::MissingScheme { .. } => UriError::UnsupportedAdminScheme { scheme: None },
        other => other,
    })?;
    let mut socket = None;
    for param in &raw.params {
        if param.name != "socket" {
            return Err(UriError::UnknownAdminParameter {
                name: param.name.clone(),
            });
        }
        socket = Some(param.value.clone());
    }
    if let Some(socket) = socket {
        return Ok(PathBuf::from(socket));
    }
    let base = if raw.scheme == "libvirtd" {
        "libvirt-admin-sock".to_owned()
    } else if raw.scheme.starts_with("virt") {
        format!("{}-admin-sock", raw.scheme)
    } else {
        return Err(UriError::UnsupportedAdminScheme {
            scheme: Some(raw.scheme),
        });
    };
    match raw.path.as_deref() {
        Some("/system") => Ok(env.build_defaults().runstatedir.join("libvirt").join(base)),
        Some("/session") => Ok(layout::user_runtime_dir(env).join(base)),
        other => Err(UriError::InvalidAdminPath {
            path: other.unwrap_or_default().to_owned(),
        }),
    }
}
