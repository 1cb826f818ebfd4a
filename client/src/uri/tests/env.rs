//! The environments themselves.

use std::path::Path;

use crate::uri::{BuildDefaults, Environment, MemoryEnvironment};

#[test]
fn memory_environment() {
    let env = MemoryEnvironment::new(7)
        .with_var("A", "1")
        .with_file("/f", "text")
        .with_path("/sock");
    assert_eq!(env.euid(), 7);
    assert_eq!(env.var("A").as_deref(), Some("1"));
    assert_eq!(env.var("B"), None);
    assert_eq!(env.read_file(Path::new("/f")).unwrap(), "text");
    assert!(env.read_file(Path::new("/sock")).is_err());
    assert!(env.path_exists(Path::new("/f")) && env.path_exists(Path::new("/sock")));
    assert!(!env.path_exists(Path::new("/other")));
    assert_eq!(env.home_dir(), None);
    assert_eq!(
        env.with_var("HOME", "/h").home_dir().as_deref(),
        Some(Path::new("/h"))
    );
    assert_eq!(
        MemoryEnvironment::new(0).build_defaults(),
        BuildDefaults::default()
    );
}

#[test]
fn build_defaults() {
    let b = BuildDefaults::default();
    assert_eq!(b.system_socket_dir(), Path::new("/var/run/libvirt"));
    assert!(b.default_mode_direct);
    assert!(!BuildDefaults::legacy_mode().default_mode_direct);
}

#[cfg(target_os = "linux")]
#[test]
fn system_environment_reads_the_process() {
    use crate::uri::SystemEnvironment;

    let env = SystemEnvironment::new();
    // The second "Uid:" field of /proc/self/status is the effective uid.
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let euid: u32 = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap();
    assert_eq!(env.euid(), euid);
    assert!(env.path_exists(Path::new("/proc/self")));
    assert!(env.read_file(Path::new("/proc/self/status")).is_ok());
    assert_eq!(env.var("PATH"), std::env::var("PATH").ok());
    let legacy = SystemEnvironment::with_build_defaults(BuildDefaults::legacy_mode());
    assert!(!legacy.build_defaults().default_mode_direct);
}
