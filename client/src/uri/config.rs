//! [`ClientConfig`]: the client configuration file `libvirt.conf`
//! (`virConfLoadConfig`, `src/util/virconf.c:1493-1527`).

use std::path::PathBuf;

use super::conf_syntax::{self, ConfValue};
use super::env::Environment;
use super::error::UriError;
use super::layout;
use super::remote_params::{ProxyMode, RemoteMode};

/// The file name of the client configuration.
pub const CLIENT_CONFIG_FILE: &str = "libvirt.conf";

/// The file name of the admin client configuration.
pub const ADMIN_CONFIG_FILE: &str = "libvirt-admin.conf";

/// Characters allowed in a `uri_aliases` alias name.
fn is_alias_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// A parsed client configuration file (`libvirt.conf`), or an empty one
/// when the file does not exist.
///
/// The settings read by the client are `uri_default`, `uri_aliases`,
/// `remote_mode`, `remote_proxy` and `tls_priority`. When a setting appears
/// twice, the first one counts, as in libvirt.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClientConfig {
    source: String,
    entries: Vec<(String, ConfValue)>,
}

impl ClientConfig {
    /// Where libvirt looks for the configuration file `file_name`:
    /// `SYSCONFDIR/libvirt/` for root, else `$XDG_CONFIG_HOME/libvirt/`
    /// (`~/.config/libvirt/` when unset).
    pub fn path(env: &dyn Environment, file_name: &str) -> PathBuf {
        if env.euid() == 0 {
            env.build_defaults()
                .sysconfdir
                .join("libvirt")
                .join(file_name)
        } else {
            layout::user_config_dir(env).join(file_name)
        }
    }

    /// Loads `libvirt.conf` for the current user. A missing file gives an
    /// empty configuration; an unreadable or malformed one is an error
    /// (libvirt then refuses to open any connection).
    pub fn load(env: &dyn Environment) -> Result<Self, UriError> {
        Self::load_file(env, CLIENT_CONFIG_FILE)
    }

    /// Loads the configuration file `file_name` (for example
    /// [`ADMIN_CONFIG_FILE`]) from the place [`path`](Self::path) gives.
    pub fn load_file(env: &dyn Environment, file_name: &str) -> Result<Self, UriError> {
        let path = Self::path(env, file_name);
        let source = path.display().to_string();
        if !env.path_exists(&path) {
            return Ok(Self {
                source,
                entries: Vec::new(),
            });
        }
        let text = env.read_file(&path).map_err(|e| UriError::Config {
            path: source.clone(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        Self::parse(&text, &source)
    }

    /// Parses configuration text; `source` names it in error messages.
    pub fn parse(text: &str, source: &str) -> Result<Self, UriError> {
        let entries = conf_syntax::parse(text).map_err(|e| UriError::Config {
            path: source.to_owned(),
            line: Some(e.line),
            message: e.message.to_owned(),
        })?;
        Ok(Self {
            source: source.to_owned(),
            entries,
        })
    }

    fn get(&self, key: &str) -> Option<&ConfValue> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn type_error<T>(&self, key: &str, expected: &'static str) -> Result<T, UriError> {
        Err(UriError::ConfigType {
            path: self.source.clone(),
            key: key.to_owned(),
            expected,
        })
    }

    /// A string setting; an error if it is set to something else.
    pub fn string(&self, key: &str) -> Result<Option<&str>, UriError> {
        match self.get(key) {
            None => Ok(None),
            Some(ConfValue::String(s)) => Ok(Some(s)),
            Some(_) => self.type_error(key, "a string"),
        }
    }

    /// A string-list setting; an error if it is set to anything but a list
    /// of strings (a lone string is refused too, as libvirt does for
    /// `uri_aliases`).
    pub fn string_list(&self, key: &str) -> Result<Option<Vec<&str>>, UriError> {
        match self.get(key) {
            None => Ok(None),
            Some(ConfValue::List(items)) => items
                .iter()
                .map(|v| match v {
                    ConfValue::String(s) => Ok(s.as_str()),
                    _ => self.type_error(key, "a string list"),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(_) => self.type_error(key, "a string list"),
        }
    }

    /// `uri_default`: the URI used when none is given and
    /// `LIBVIRT_DEFAULT_URI` is unset.
    pub fn uri_default(&self) -> Result<Option<&str>, UriError> {
        self.string("uri_default")
    }

    /// `remote_mode`: the default for the `mode=` URI parameter.
    pub fn remote_mode(&self) -> Result<Option<RemoteMode>, UriError> {
        self.string("remote_mode")?.map(str::parse).transpose()
    }

    /// `remote_proxy`: the default for the `proxy=` URI parameter.
    pub fn remote_proxy(&self) -> Result<Option<ProxyMode>, UriError> {
        self.string("remote_proxy")?.map(str::parse).transpose()
    }

    /// `tls_priority`: the default GnuTLS priority string for TLS.
    pub fn tls_priority(&self) -> Result<Option<&str>, UriError> {
        self.string("tls_priority")
    }

    /// Looks `name` up in `uri_aliases` (`"alias=uri"` entries) and returns
    /// the URI it stands for, or `None` if it is not an alias
    /// (`virURIResolveAlias`, `src/util/viruri.c:288-362`).
    ///
    /// Entries are checked in order up to the match: one without `=`, or
    /// with characters outside `a-Z, 0-9, _, -` before it, is an error.
    pub fn resolve_alias(&self, name: &str) -> Result<Option<&str>, UriError> {
        let Some(aliases) = self.string_list("uri_aliases")? else {
            return Ok(None);
        };
        for entry in aliases {
            let Some((alias, uri)) = entry.split_once('=') else {
                return Err(UriError::MalformedAlias {
                    entry: entry.to_owned(),
                    missing_equals: true,
                });
            };
            if !alias.chars().all(is_alias_char) {
                return Err(UriError::MalformedAlias {
                    entry: entry.to_owned(),
                    missing_equals: false,
                });
            }
            if alias == name {
                return Ok(Some(uri));
            }
        }
        Ok(None)
    }
}
