//! The plan of a `libssh`/`libssh2` connection: defaults and parameters as
//! libvirt reads them.

use super::*;
use crate::uri::MemoryEnvironment;

fn plan_of(uri: &str, env: &MemoryEnvironment) -> Result<Plan> {
    plan(&ConnectUri::parse(uri).unwrap(), false, env)
}

fn user_env() -> MemoryEnvironment {
    MemoryEnvironment::new(1000).with_var("HOME", "/home/u")
}

#[test]
fn defaults_follow_libvirt() {
    let env = user_env();
    let p = plan_of("qemu+libssh://host/system", &env).unwrap();
    assert_eq!(p.host, "host");
    assert_eq!(p.port, 22);
    assert_eq!(p.user, "root");
    assert_eq!(
        p.known_hosts,
        PathBuf::from("/home/u/.config/libvirt/known_hosts")
    );
    assert_eq!(p.verify, KnownHostsVerify::Normal);
    assert_eq!(p.keyfile, None);
    assert_eq!(
        p.methods,
        [
            AuthMethod::Agent,
            AuthMethod::Password,
            AuthMethod::KeyboardInteractive
        ]
    );
    assert!(
        p.remote.command.contains("virt-ssh-helper"),
        "{}",
        p.remote.command
    );
}

#[test]
fn the_first_default_key_that_exists_is_used() {
    let env = user_env()
        .with_path("/home/u/.ssh/id_rsa")
        .with_path("/home/u/.ssh/id_ed25519");
    let p = plan_of("qemu+libssh2://bob@host:2022/system", &env).unwrap();
    assert_eq!(p.keyfile, Some(PathBuf::from("/home/u/.ssh/id_ed25519")));
    assert_eq!(p.user, "bob");
    assert_eq!(p.port, 2022);
    assert_eq!(
        p.methods,
        [
            AuthMethod::Agent,
            AuthMethod::PrivKey,
            AuthMethod::Password,
            AuthMethod::KeyboardInteractive
        ]
    );
}

#[test]
fn parameters_override_the_defaults() {
    let env = user_env().with_var("XDG_CONFIG_HOME", "/xdg");
    let p = plan_of(
        "test+libssh://h/default?keyfile=~/k&known_hosts=/kh&known_hosts_verify=ignore\
         &sshauth=PrivKey,agent&proxy=netcat&socket=/s",
        &env,
    )
    .unwrap();
    assert_eq!(p.keyfile, Some(PathBuf::from("/home/u/k")));
    assert_eq!(p.known_hosts, PathBuf::from("/kh"));
    assert_eq!(p.verify, KnownHostsVerify::Ignore);
    assert_eq!(p.methods, [AuthMethod::PrivKey, AuthMethod::Agent]);
    assert!(p.remote.command.contains("-U /s"), "{}", p.remote.command);
    assert_eq!(p.remote.programs, ["nc"]);
    let p = plan_of("test+libssh://h/default", &env).unwrap();
    assert_eq!(p.known_hosts, PathBuf::from("/xdg/libvirt/known_hosts"));
}

#[test]
fn no_verify_means_auto_unless_known_hosts_verify_says_otherwise() {
    let env = user_env();
    let p = plan_of("qemu+libssh://h/system?no_verify=1", &env).unwrap();
    assert_eq!(p.verify, KnownHostsVerify::Auto);
    let p = plan_of(
        "qemu+libssh://h/system?no_verify=1&known_hosts_verify=normal",
        &env,
    )
    .unwrap();
    assert_eq!(p.verify, KnownHostsVerify::Normal);
}

#[test]
fn bad_methods_and_privkey_without_a_key_are_refused() {
    let env = user_env();
    let e = plan_of("qemu+libssh://h/system?sshauth=agent,gssapi", &env).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.to_string().contains("gssapi"), "{e}");
    let e = plan_of("qemu+libssh://h/system?sshauth=privkey", &env).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.to_string().contains("keyfile"), "{e}");
}

#[test]
fn bad_known_hosts_verify_is_refused() {
    let env = user_env();
    assert!(plan_of("qemu+libssh://h/system?known_hosts_verify=maybe", &env).is_err());
}
