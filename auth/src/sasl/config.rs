//! libvirt's auth file (`auth.conf`, `src/util/virauthconfig.c`): where it
//! is, its GKeyFile syntax, and the lookup of a credential for a host.
//!
//! ```text
//! [credentials-admin]
//! authname=admin
//! password=secret
//!
//! [auth-libvirt-node1.example.com]
//! credentials=admin
//!
//! [auth-libvirt-default]
//! credentials=admin
//! ```
//!
//! Parsed here rather than with an INI crate: GKeyFile's escapes and
//! comment rules differ from every INI dialect's, and the subset libvirt
//! uses takes a few lines.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::credentials::CredentialType;
use super::error::SaslError;

/// The auth file libvirt would read (`virAuthGetConfigFilePathURI`):
/// `LIBVIRT_AUTH_FILE`, else the URI's `authfile=`, else
/// `auth.conf` in the user's config dir (`$XDG_CONFIG_HOME/libvirt`, or
/// `~/.config/libvirt`) if readable, else `/etc/libvirt/auth.conf` if
/// readable, else none.
pub fn auth_file_path(
    env_auth_file: Option<&str>,
    uri_auth_file: Option<&str>,
    user_config_dir: Option<&Path>,
    readable: &dyn Fn(&Path) -> bool,
) -> Option<PathBuf> {
    if let Some(path) = env_auth_file {
        return Some(PathBuf::from(path));
    }
    if let Some(path) = uri_auth_file {
        return Some(PathBuf::from(path));
    }
    let candidates = user_config_dir
        .map(|d| d.join("auth.conf"))
        .into_iter()
        .chain(std::iter::once(PathBuf::from("/etc/libvirt/auth.conf")));
    candidates.into_iter().find(|p| readable(p))
}

/// A parsed auth file.
#[derive(Debug, Clone, Default)]
pub struct AuthConfig {
    path: PathBuf,
    groups: HashMap<String, HashMap<String, String>>,
}

impl AuthConfig {
    /// Reads and parses `path`.
    pub fn load(path: &Path) -> Result<Self, SaslError> {
        let text = std::fs::read_to_string(path).map_err(|e| SaslError::AuthFile {
            path: path.to_owned(),
            reason: format!("cannot be read: {e}"),
        })?;
        Self::parse(path, &text)
    }

    /// Parses `text` (read from `path`, named in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Self, SaslError> {
        let bad = |line: usize, reason: &str| SaslError::AuthFile {
            path: path.to_owned(),
            reason: format!("line {line}: {reason}"),
        };
        let mut groups: HashMap<String, HashMap<String, String>> = HashMap::new();
        let mut current: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_start();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let name = rest
                    .trim_end()
                    .strip_suffix(']')
                    .ok_or_else(|| bad(i + 1, "a group header without its closing ']'"))?;
                if name.is_empty() || name.contains(['[', ']']) {
                    return Err(bad(i + 1, "a malformed group name"));
                }
                groups.entry(name.to_owned()).or_default();
                current = Some(name.to_owned());
                continue;
            }
            let Some(group) = &current else {
                return Err(bad(i + 1, "a key before the first [group]"));
            };
            let (key, value) = line
                .split_once('=')
                .ok_or_else(|| bad(i + 1, "not a key=value line"))?;
            let key = key.trim_end();
            if key.is_empty() {
                return Err(bad(i + 1, "an empty key"));
            }
            // Localised variants (key[fr]=...) are not libvirt's business.
            if key.ends_with(']') {
                continue;
            }
            let value = unescape(value.trim_start()).ok_or_else(|| bad(i + 1, "a bad escape"))?;
            groups
                .get_mut(group)
                .expect("the current group exists")
                .insert(key.to_owned(), value);
        }
        Ok(Self {
            path: path.to_owned(),
            groups,
        })
    }

    /// The credential `kind` for `host` (`virAuthConfigLookup` for the
    /// "libvirt" service): the `credentials=` of `[auth-libvirt-HOST]`, or
    /// of `[auth-libvirt-default]`, names a `[credentials-NAME]` group that
    /// holds the value. `None` when no auth group applies or the key is
    /// absent; an error when the groups refer to nothing.
    pub fn lookup(&self, host: &str, kind: CredentialType) -> Result<Option<&str>, SaslError> {
        let host = if host.is_empty() { "localhost" } else { host };
        let specific = format!("auth-libvirt-{host}");
        let (auth_name, auth) = match self.groups.get(&specific) {
            Some(g) => (specific, g),
            None => match self.groups.get("auth-libvirt-default") {
                Some(g) => ("auth-libvirt-default".to_owned(), g),
                None => return Ok(None),
            },
        };
        let cred_name = auth.get("credentials").ok_or_else(|| SaslError::AuthFile {
            path: self.path.clone(),
            reason: format!("group [{auth_name}] lacks 'credentials'"),
        })?;
        let group = self
            .groups
            .get(&format!("credentials-{cred_name}"))
            .ok_or_else(|| SaslError::AuthFile {
                path: self.path.clone(),
                reason: format!(
                    "group [credentials-{cred_name}], named by [{auth_name}], does not exist"
                ),
            })?;
        Ok(group.get(kind.auth_file_key()).map(String::as_str))
    }
}

/// GKeyFile's value escapes: `\s`, `\n`, `\t`, `\r`, `\\`.
fn unescape(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            's' => ' ',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '\\' => '\\',
            _ => return None,
        });
    }
    Some(out)
}
