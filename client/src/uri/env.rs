//! [`Environment`]: everything URI resolution reads from the process and the
//! file system, behind a trait so tests can be deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use super::layout::BuildDefaults;

/// What URI resolution reads from the outside world: the effective user,
/// environment variables, the client configuration file and the existence
/// of daemon sockets and binaries.
///
/// [`SystemEnvironment`] reads the real process; [`MemoryEnvironment`] is a
/// fixed, in-memory one for tests.
pub trait Environment: Send + Sync {
    /// The effective user id (`geteuid()`); 0 means root, which selects the
    /// system daemons and `/etc/libvirt/libvirt.conf`.
    fn euid(&self) -> u32;

    /// An environment variable, `None` if unset (or not UTF-8).
    fn var(&self, name: &str) -> Option<String>;

    /// The whole content of a text file.
    fn read_file(&self, path: &Path) -> io::Result<String>;

    /// Whether something exists at `path`, following symlinks (libvirt's
    /// `virFileExists`, i.e. `access(path, F_OK)`).
    fn path_exists(&self, path: &Path) -> bool;

    /// The home directory: `$HOME` if set (glib's rule). The default method
    /// only looks at `$HOME`.
    fn home_dir(&self) -> Option<PathBuf> {
        self.var("HOME").map(PathBuf::from)
    }

    /// The paths and defaults libvirt was built with. The default method
    /// returns upstream's defaults ([`BuildDefaults::default`]).
    fn build_defaults(&self) -> BuildDefaults {
        BuildDefaults::default()
    }
}

/// The real process environment and file system.
#[derive(Debug, Clone, Default)]
pub struct SystemEnvironment {
    build: BuildDefaults,
}

impl SystemEnvironment {
    /// The real environment, assuming upstream libvirt's build defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// The real environment, assuming the given build defaults (for
    /// example [`BuildDefaults::legacy_mode`] on Debian and Ubuntu).
    pub fn with_build_defaults(build: BuildDefaults) -> Self {
        Self { build }
    }
}

#[cfg(unix)]
mod sys {
    unsafe extern "C" {
        /// POSIX `geteuid()`: always succeeds, no preconditions.
        pub safe fn geteuid() -> u32;
    }
}

impl Environment for SystemEnvironment {
    #[cfg(unix)]
    fn euid(&self) -> u32 {
        sys::geteuid()
    }

    /// Non-UNIX systems have no root user in libvirt's sense; report an
    /// unprivileged one.
    #[cfg(not(unix))]
    fn euid(&self) -> u32 {
        u32::MAX
    }

    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }

    fn read_file(&self, path: &Path) -> io::Result<String> {
        std::fs::read_to_string(path)
    }

    fn path_exists(&self, path: &Path) -> bool {
        path.exists()
    }

    /// `$HOME`, else the user database entry (like glib).
    fn home_dir(&self) -> Option<PathBuf> {
        #[allow(deprecated)]
        std::env::home_dir()
    }

    fn build_defaults(&self) -> BuildDefaults {
        self.build.clone()
    }
}

/// A fixed environment held in memory, for tests and for callers that want
/// to resolve URIs as some other user would.
///
/// ```
/// use virtwire::uri::{Environment, MemoryEnvironment};
///
/// let env = MemoryEnvironment::new(1000)
///     .with_var("XDG_RUNTIME_DIR", "/run/user/1000")
///     .with_path("/run/user/1000/libvirt/virtqemud-sock");
/// assert!(env.path_exists("/run/user/1000/libvirt/virtqemud-sock".as_ref()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryEnvironment {
    /// The effective user id.
    pub euid: u32,
    /// Environment variables.
    pub vars: BTreeMap<String, String>,
    /// Files and their content; they also exist for
    /// [`path_exists`](Environment::path_exists).
    pub files: BTreeMap<PathBuf, String>,
    /// Other paths that exist (sockets, binaries).
    pub paths: BTreeSet<PathBuf>,
    /// The build defaults to report.
    pub build: BuildDefaults,
}

impl MemoryEnvironment {
    /// An empty environment for user `euid`, with upstream build defaults.
    pub fn new(euid: u32) -> Self {
        Self {
            euid,
            ..Self::default()
        }
    }

    /// Sets an environment variable.
    pub fn with_var(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.vars.insert(name.into(), value.into());
        self
    }

    /// Adds a file with its content.
    pub fn with_file(mut self, path: impl Into<PathBuf>, content: impl Into<String>) -> Self {
        self.files.insert(path.into(), content.into());
        self
    }

    /// Marks a path as existing (a socket or a binary).
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.paths.insert(path.into());
        self
    }

    /// Replaces the build defaults.
    pub fn with_build_defaults(mut self, build: BuildDefaults) -> Self {
        self.build = build;
        self
    }
}

impl Environment for MemoryEnvironment {
    fn euid(&self) -> u32 {
        self.euid
    }

    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).cloned()
    }

    fn read_file(&self, path: &Path) -> io::Result<String> {
        self.files
            .get(path)
            .cloned()
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }

    fn path_exists(&self, path: &Path) -> bool {
        self.files.contains_key(path) || self.paths.contains(path)
    }

    fn build_defaults(&self) -> BuildDefaults {
        self.build.clone()
    }
}
