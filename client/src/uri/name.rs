//! The name sent in CONNECT_OPEN for a URI (`doRemoteOpen`,
//! `src/remote/remote_driver.c:967-985`, and `remoteConnectFormatURI`,
//! `:715-742`).

use super::connect_uri::ConnectUri;
use super::error::UriError;
use super::params::UriParam;
use super::percent;
use super::remote_params::{REMOTE_PARAM_NAMES, RemoteParams};

impl ConnectUri {
    /// The name the client sends to the daemon in CONNECT_OPEN.
    ///
    /// As libvirt builds it: `name=` wins if given; a `remote` or
    /// `remote+...` scheme sends `""` (the daemon probes); otherwise the
    /// URI is rebuilt as `driver://` + path + the parameters the remote
    /// driver does not consume + fragment, dropping the transport, user,
    /// host and port. The path and fragment are re-escaped as libxml2 does
    /// and parameter values as glib does, so `?x=a b` (written `a%20b`)
    /// stays `a%20b`.
    ///
    /// | URI | name |
    /// |---|---|
    /// | `qemu+ssh://u@h:22/system?x=y` | `qemu:///system?x=y` |
    /// | `test+tcp://127.0.0.1:16509/default` | `test:///default` |
    /// | `qemu:///system` | `qemu:///system` |
    /// | `remote+tcp://host/` | `""` |
    /// | `qemu:///system?name=qemu:///embed` | `qemu:///embed` |
    ///
    /// Fails like libvirt when a remote parameter has a bad value (see
    /// [`RemoteParams::from_uri`]).
    pub fn connect_open_name(&self) -> Result<String, UriError> {
        let params = RemoteParams::from_uri(self)?;
        if let Some(name) = params.name {
            return Ok(name);
        }
        if self.is_remote_probe() {
            return Ok(String::new());
        }
        Ok(self.format_name(&[]))
    }

    /// The URI handed to `virt-ssh-helper` on the remote host by the SSH
    /// transports: like [`connect_open_name`](Self::connect_open_name) but
    /// keeping the `mode` and `socket` parameters, so the helper picks the
    /// same daemon. When `name=` is given or the scheme is `remote`, libvirt
    /// hands over the CONNECT_OPEN name instead, and so does this method.
    pub fn ssh_helper_name(&self) -> Result<String, UriError> {
        let params = RemoteParams::from_uri(self)?;
        if let Some(name) = params.name {
            return Ok(name);
        }
        if self.is_remote_probe() {
            return Ok(String::new());
        }
        Ok(self.format_name(&["mode", "socket"]))
    }

    /// `driver://path[?params][#fragment]`, keeping the remote parameters
    /// listed in `keep`.
    fn format_name(&self, keep: &[&str]) -> String {
        let passed = |p: &&UriParam| {
            keep.iter().any(|k| p.is(k)) || !REMOTE_PARAM_NAMES.iter().any(|r| p.is(r))
        };
        let query: Vec<String> = self
            .params()
            .iter()
            .filter(passed)
            .map(|p| format!("{}={}", p.name, percent::encode_param_value(&p.value)))
            .collect();
        let mut name = format!("{}://{}", self.driver(), percent::encode_path(self.path()));
        if !query.is_empty() {
            name.push('?');
            name.push_str(&query.join("&"));
        }
        if let Some(fragment) = self.fragment() {
            name.push('#');
            name.push_str(&percent::encode_fragment(fragment));
        }
        name
    }
}

/// The CONNECT_OPEN name for an optional URI: `""` (the daemon probes)
/// when there is none, else [`ConnectUri::connect_open_name`].
pub fn connect_open_name(uri: Option<&ConnectUri>) -> Result<String, UriError> {
    uri.map_or(Ok(String::new()), ConnectUri::connect_open_name)
}
