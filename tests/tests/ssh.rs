//! The `ssh` and `ext` transports against the private sshd
//! (`scripts/sshd.sh`) and libvirtd: netcat and virt-ssh-helper proxies,
//! calls, a stream and an event through the tunnel, and the failures a user
//! meets (no ssh binary, a refused key, an unknown host key, no netcat on
//! the far side) with ssh's own words in the error.

use std::path::{Path, PathBuf};
use std::time::Duration;
use virtwire::prelude::*;
use virtwire::{CommandFailureKind, ConnectOptions, ErrorKind};
use virtwire_tests::{
    connect, daemon, local_hostname, ssh_uri, sshd, test_domain_xml, unique_name,
};

/// A scratch directory for keys and scripts, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(unique_name(test));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    /// Writes an executable shell script.
    fn script(&self, name: &str, body: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = self.0.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Hostname, driver type and the domain list over `uri`.
async fn basic_calls(uri: &str, driver_type: &str) -> virtwire::Client {
    let client = connect(uri).await;
    assert_eq!(
        client.connect_get_hostname().await.unwrap().as_str(),
        local_hostname()
    );
    assert_eq!(client.connect_get_type().await.unwrap(), driver_type);
    client
        .connect_list_all_domains(1, 0)
        .await
        .expect("list domains");
    client
}

#[tokio::test]
async fn qemu_over_ssh_with_netcat() {
    let uri = ssh_uri(
        "qemu",
        "/system",
        &format!("socket={}&proxy=netcat", daemon().sock),
    );
    let client = basic_calls(&uri, "QEMU").await;
    assert_eq!(client.uri(), uri);
    client.close().await.unwrap();
}

#[tokio::test]
async fn qemu_over_ssh_with_virt_ssh_helper() {
    let uri = ssh_uri("qemu", "/system", "proxy=native&no_tty=1");
    let client = basic_calls(&uri, "QEMU").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn test_driver_over_ssh_auto_proxy_runs_the_call_suite() {
    // No proxy= and no socket=: the remote shell finds virt-ssh-helper.
    let uri = ssh_uri("test", "/default", "");
    let client = basic_calls(&uri, "TEST").await;
    virtwire_tests::suite::test_driver_suite(&client, "ssh-suite-auto").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn read_only_over_ssh_uses_the_read_only_socket() {
    let uri = ssh_uri("test", "/default", "proxy=native");
    let client = ConnectOptions::new()
        .read_only(true)
        .connect(&uri)
        .await
        .expect("read-only connect");
    client.connect_get_hostname().await.unwrap();
    let e = client
        .domain_define_xml(test_domain_xml(&unique_name("ssh-ro")).as_str())
        .await
        .expect_err("read-only");
    assert_eq!(e.code(), Some(virtwire::ErrorCode::OperationDenied), "{e}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_missing_ssh_binary_is_named() {
    let uri = format!(
        "test+ssh://root@127.0.0.1:{}/default?command=/nonexistent/ssh",
        sshd().port
    );
    let e = virtwire::Client::connect(&uri)
        .await
        .expect_err("no such ssh");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(failure.kind, CommandFailureKind::NotFound, "{e}");
    assert_eq!(failure.program, "/nonexistent/ssh");
    assert!(e.to_string().contains("/nonexistent/ssh"), "{e}");
    assert_eq!(e.kind(), ErrorKind::Connection);
}

#[tokio::test]
async fn a_refused_key_shows_ssh_stderr() {
    let scratch = Scratch::new("ssh-badkey");
    let key = scratch.0.join("id_ed25519");
    let status = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(status.success());
    let uri = format!(
        "test+ssh://root@127.0.0.1:{}/default?keyfile={}&command={}&no_tty=1",
        sshd().port,
        key.display(),
        sshd().ssh
    );
    let e = virtwire::Client::connect(&uri).await.expect_err("refused");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(failure.kind, CommandFailureKind::Closed, "{e}");
    assert!(failure.stderr.contains("Permission denied"), "{e}");
    assert_eq!(failure.status.and_then(|s| s.code()), Some(255), "{e}");
    assert!(e.to_string().contains("Permission denied"), "{e}");
}

#[tokio::test]
async fn an_unknown_host_key_fails_without_prompting() {
    // No no_tty=1: ssh would ask on the terminal, but the child has none.
    let scratch = Scratch::new("ssh-hostkey");
    let ssh = scratch.script(
        "ssh",
        "exec ssh -o UserKnownHostsFile=/dev/null -o GlobalKnownHostsFile=/dev/null \
         -o StrictHostKeyChecking=ask \"$@\"",
    );
    let uri = format!(
        "test+ssh://root@127.0.0.1:{}/default?keyfile={}&command={}",
        sshd().port,
        sshd().key,
        ssh.display()
    );
    let e = tokio::time::timeout(Duration::from_secs(30), virtwire::Client::connect(&uri))
        .await
        .expect("no prompt, no hang")
        .expect_err("unknown host key");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(failure.kind, CommandFailureKind::Closed, "{e}");
    assert!(
        failure.stderr.contains("Host key verification failed"),
        "{e}"
    );
}

#[tokio::test]
async fn a_missing_remote_netcat_is_reported() {
    let uri = ssh_uri(
        "test",
        "/default",
        &format!("socket={}&netcat=/nonexistent/nc", daemon().sock),
    );
    let e = virtwire::Client::connect(&uri)
        .await
        .expect_err("no netcat");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(
        failure.kind,
        CommandFailureKind::RemoteProgramMissing {
            program: "/nonexistent/nc".into()
        },
        "{e}"
    );
    assert!(e.to_string().contains("/nonexistent/nc"), "{e}");
}

#[tokio::test]
async fn a_wrong_remote_socket_shows_netcat_stderr() {
    let uri = ssh_uri("test", "/default", "socket=/nonexistent/libvirt-sock");
    let e = virtwire::Client::connect(&uri)
        .await
        .expect_err("no socket");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(failure.kind, CommandFailureKind::Closed, "{e}");
    assert!(
        failure.stderr.contains("/nonexistent/libvirt-sock")
            || failure.stderr.contains("No such file"),
        "{e}"
    );
}

#[tokio::test]
async fn ext_runs_the_command_and_talks_over_its_pipes() {
    let scratch = Scratch::new("ext");
    let relay = scratch.script("relay", &format!("exec nc -U {}", daemon().sock));
    let uri = format!("test+ext:///default?command={}", relay.display());
    let client = basic_calls(&uri, "TEST").await;
    virtwire_tests::suite::test_driver_suite(&client, "ext-suite").await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn the_call_suite_runs_over_ssh_in_both_proxy_modes() {
    for (proxy, extra) in [
        ("netcat", format!("proxy=netcat&socket={}", daemon().sock)),
        ("native", "proxy=native".to_owned()),
    ] {
        let uri = ssh_uri("test", "/default", &extra);
        let client = virtwire::Client::connect(&uri)
            .await
            .unwrap_or_else(|e| panic!("{uri}: {e}"));
        virtwire_tests::suite::test_driver_suite(&client, &format!("ssh-suite-{proxy}")).await;
        client.close().await.unwrap();
    }
}

#[tokio::test]
async fn ext_with_a_missing_command_is_named() {
    let e = virtwire::Client::connect("test+ext:///default?command=/nonexistent/relay")
        .await
        .expect_err("no such command");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(failure.kind, CommandFailureKind::NotFound, "{e}");
    assert!(e.to_string().contains("/nonexistent/relay"), "{e}");
}

#[tokio::test]
async fn ext_that_exits_early_shows_its_stderr() {
    let scratch = Scratch::new("ext-fail");
    let relay = scratch.script("relay", "echo 'relay: no daemon here' >&2; exit 3");
    let uri = format!("test+ext:///default?command={}", relay.display());
    let e = virtwire::Client::connect(&uri).await.expect_err("exits");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(failure.kind, CommandFailureKind::Closed, "{e}");
    assert_eq!(failure.status.and_then(|s| s.code()), Some(3), "{e}");
    assert!(e.to_string().contains("relay: no daemon here"), "{e}");
    assert!(Path::new(&failure.program).ends_with("relay"));
}

#[tokio::test]
async fn a_missing_remote_virt_ssh_helper_is_reported() {
    // A stand-in for ssh that runs the remote command locally, on a PATH
    // that has a shell but no virt-ssh-helper.
    let scratch = Scratch::new("ssh-nohelper");
    let bin = scratch.0.join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink("/bin/sh", bin.join("sh")).unwrap();
    let ssh = scratch.script(
        "ssh",
        &format!(
            "for last; do :; done\nPATH={} exec /bin/sh -c \"$last\"",
            bin.display()
        ),
    );
    let uri = format!(
        "qemu+ssh://root@somehost/system?proxy=native&command={}",
        ssh.display()
    );
    let e = virtwire::Client::connect(&uri)
        .await
        .expect_err("no helper");
    eprintln!("error: {e}");
    let failure = e.command_failure().expect("a command failure");
    assert_eq!(
        failure.kind,
        CommandFailureKind::RemoteProgramMissing {
            program: "virt-ssh-helper".into()
        },
        "{e}"
    );
    assert_eq!(failure.status.and_then(|s| s.code()), Some(127), "{e}");
}
