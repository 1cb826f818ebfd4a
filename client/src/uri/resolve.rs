//! From the name an application passes to "open" to the URI that is used:
//! the default URI and aliases (`virConnectOpenInternal` and
//! `virConnectGetDefaultURI`, `src/libvirt.c:878-1025`).

use super::config::ClientConfig;
use super::connect_uri::ConnectUri;
use super::env::Environment;
use super::error::UriError;

/// The environment variable naming the default connection URI.
pub const LIBVIRT_DEFAULT_URI: &str = "LIBVIRT_DEFAULT_URI";

/// The URI to use when the application gives none: `LIBVIRT_DEFAULT_URI`
/// if set and non-empty, else `uri_default` from the client configuration
/// file (`/etc/libvirt/libvirt.conf` for root,
/// `$XDG_CONFIG_HOME/libvirt/libvirt.conf` otherwise), else `None`, which
/// means "let the daemon probe" (the CONNECT_OPEN name is then `""`).
///
/// Aliases are not applied here; see [`resolve_uri`].
pub fn default_uri(env: &dyn Environment) -> Result<Option<String>, UriError> {
    default_uri_with(env, &ClientConfig::load(env)?)
}

/// [`default_uri`] with an already loaded configuration.
pub fn default_uri_with(
    env: &dyn Environment,
    config: &ClientConfig,
) -> Result<Option<String>, UriError> {
    if let Some(uri) = env.var(LIBVIRT_DEFAULT_URI).filter(|v| !v.is_empty()) {
        return Ok(Some(uri));
    }
    Ok(config.uri_default()?.map(str::to_owned))
}

/// Resolves the name an application passes to "open" (as `virsh -c NAME`
/// or `libvirt.open(NAME)`) into the URI libvirt would use, in libvirt's
/// order:
///
/// 1. `""` is the same as no name; `xen` (any case) and `xen://` mean
///    `xen:///system`;
/// 2. no name: [`default_uri`]; if that is `None` too, the result is
///    `Ok(None)`: connect to the default local socket and let the daemon
///    pick the driver;
/// 3. unless `no_aliases` (`VIR_CONNECT_NO_ALIASES`), a name equal to an
///    alias in `uri_aliases` is replaced by its URI;
/// 4. the result is parsed and checked with [`ConnectUri::parse`].
///
/// The client configuration file is read once, and a malformed file fails
/// the resolution, as it fails `virConnectOpen`.
pub fn resolve_uri(
    name: Option<&str>,
    no_aliases: bool,
    env: &dyn Environment,
) -> Result<Option<ConnectUri>, UriError> {
    resolve_uri_with(name, no_aliases, env, &ClientConfig::load(env)?)
}

/// [`resolve_uri`] with an already loaded configuration.
pub fn resolve_uri_with(
    name: Option<&str>,
    no_aliases: bool,
    env: &dyn Environment,
    config: &ClientConfig,
) -> Result<Option<ConnectUri>, UriError> {
    let name = match name.filter(|n| !n.is_empty()) {
        Some(n) if n.eq_ignore_ascii_case("xen") || n == "xen://" => {
            Some("xen:///system".to_owned())
        }
        Some(n) => Some(n.to_owned()),
        None => default_uri_with(env, config)?,
    };
    let Some(mut name) = name else {
        return Ok(None);
    };
    if !no_aliases {
        if let Some(uri) = config.resolve_alias(&name)? {
            name = uri.to_owned();
        }
    }
    ConnectUri::parse(&name).map(Some)
}
