//! The `libssh` and `libssh2` transports (in-process SSH with russh, the
//! `russh` feature) against the private sshd (`scripts/sshd.sh`) and
//! libvirtd: the call suite in both proxy modes over both schemes, the
//! agent, and the refusals a user meets (unknown or changed host key, a
//! refused key, a missing key file, no netcat on the far side), each as a
//! typed `SshFailure`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use virtwire::prelude::*;
use virtwire::{ConnectOptions, ErrorKind, SshFailureKind};
use virtwire_tests::{daemon, local_hostname, sshd, unique_name};

/// A scratch directory for keys and known_hosts files, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(unique_name(test));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// A new passphrase-less ed25519 key pair at `name` (and `name.pub`).
    fn keygen(&self, name: &str) -> PathBuf {
        let key = self.path(name);
        let status = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", "virtwire-test", "-f"])
            .arg(&key)
            .status()
            .unwrap();
        assert!(status.success(), "ssh-keygen");
        key
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `DRIVER+SCHEME://root@127.0.0.1:PORT/PATH?EXTRA` to the private sshd;
/// `EXTRA` carries keyfile= and known_hosts= when the test wants them.
fn uri(scheme: &str, driver: &str, path: &str, extra: &str) -> String {
    let mut uri = format!("{driver}+{scheme}://root@127.0.0.1:{}{path}", sshd().port);
    if !extra.is_empty() {
        uri.push('?');
        uri.push_str(extra);
    }
    uri
}

/// The key and known_hosts of the private sshd as URI parameters.
fn trusted() -> String {
    format!("keyfile={}&known_hosts={}", sshd().key, sshd().known_hosts)
}

async fn connect_ok(uri: &str) -> virtwire::Client {
    tokio::time::timeout(Duration::from_secs(60), virtwire::Client::connect(uri))
        .await
        .unwrap_or_else(|_| panic!("{uri}: no connection within 60 s"))
        .unwrap_or_else(|e| panic!("{uri}: {e}"))
}

async fn connect_err(uri: &str) -> virtwire::Error {
    connect_err_with(&ConnectOptions::new(), uri).await
}

async fn connect_err_with(options: &ConnectOptions, uri: &str) -> virtwire::Error {
    let e = tokio::time::timeout(Duration::from_secs(60), options.connect(uri))
        .await
        .unwrap_or_else(|_| panic!("{uri}: no answer within 60 s"))
        .expect_err("the connection should fail");
    eprintln!("{uri}\n  error: {e}");
    e
}

#[tokio::test]
async fn the_call_suite_runs_over_libssh_and_libssh2_in_both_proxy_modes() {
    for scheme in ["libssh", "libssh2"] {
        for (proxy, extra) in [
            ("netcat", format!("proxy=netcat&socket={}", daemon().sock)),
            ("native", "proxy=native".to_owned()),
        ] {
            let uri = uri(
                scheme,
                "test",
                "/default",
                &format!("{}&{extra}", trusted()),
            );
            let client = connect_ok(&uri).await;
            assert_eq!(client.uri(), uri);
            assert_eq!(
                client.connect_get_hostname().await.unwrap().as_str(),
                local_hostname()
            );
            virtwire_tests::suite::test_driver_suite(&client, &format!("{scheme}-{proxy}")).await;
            client.close().await.unwrap();
        }
    }
}

#[tokio::test]
async fn qemu_over_libssh_with_virt_ssh_helper_read_only() {
    let uri = uri("libssh", "qemu", "/system", &trusted());
    let client = ConnectOptions::new()
        .read_only(true)
        .connect(&uri)
        .await
        .unwrap_or_else(|e| panic!("{uri}: {e}"));
    assert_eq!(client.connect_get_type().await.unwrap(), "QEMU");
    client
        .connect_list_all_domains(1, 0)
        .await
        .expect("list domains");
    client.close().await.unwrap();
}

#[tokio::test]
async fn an_unknown_host_key_is_refused_without_prompting() {
    let scratch = Scratch::new("libssh-unknown");
    let known_hosts = scratch.path("known_hosts");
    std::fs::write(&known_hosts, "").unwrap();
    for scheme in ["libssh", "libssh2"] {
        let uri = uri(
            scheme,
            "test",
            "/default",
            &format!(
                "keyfile={}&known_hosts={}",
                sshd().key,
                known_hosts.display()
            ),
        );
        let e = connect_err(&uri).await;
        assert_eq!(e.kind(), ErrorKind::Auth, "{e}");
        let failure = e.ssh_failure().expect("an ssh failure");
        match &failure.kind {
            SshFailureKind::HostKeyUnknown {
                known_hosts: file,
                fingerprint,
            } => {
                assert_eq!(file, &known_hosts);
                assert!(fingerprint.starts_with("SHA256:"), "{fingerprint}");
            }
            other => panic!("{other:?}: {e}"),
        }
        assert_eq!(failure.host, "127.0.0.1");
        assert_eq!(failure.port, sshd().port);
        let text = e.to_string();
        assert!(text.contains("127.0.0.1"), "{text}");
        assert!(text.contains(&known_hosts.display().to_string()), "{text}");
        // Nothing was added.
        assert_eq!(std::fs::read_to_string(&known_hosts).unwrap(), "");
    }
}

#[tokio::test]
async fn a_changed_host_key_is_refused() {
    let scratch = Scratch::new("libssh-changed");
    let other = scratch.keygen("other_host_key");
    let public = std::fs::read_to_string(other.with_extension("pub")).unwrap();
    let known_hosts = scratch.path("known_hosts");
    std::fs::write(
        &known_hosts,
        format!("[127.0.0.1]:{} {public}", sshd().port),
    )
    .unwrap();
    let uri = uri(
        "libssh2",
        "test",
        "/default",
        &format!(
            "keyfile={}&known_hosts={}",
            sshd().key,
            known_hosts.display()
        ),
    );
    let e = connect_err(&uri).await;
    let failure = e.ssh_failure().expect("an ssh failure");
    assert!(
        matches!(
            &failure.kind,
            SshFailureKind::HostKeyMismatch { known_hosts: f, line: 1, .. } if *f == known_hosts
        ),
        "{:?}: {e}",
        failure.kind
    );
    assert!(
        e.to_string().contains(&known_hosts.display().to_string()),
        "{e}"
    );
    // known_hosts_verify=ignore skips the check altogether.
    let ignore = format!("{uri}&known_hosts_verify=ignore");
    let client = connect_ok(&ignore).await;
    client.connect_get_hostname().await.unwrap();
    client.close().await.unwrap();
}

#[tokio::test]
async fn known_hosts_verify_auto_records_the_key_then_connects() {
    let scratch = Scratch::new("libssh-auto");
    // Not there yet: created, as libvirt does.
    let known_hosts = scratch.path("sub/known_hosts");
    let base = uri(
        "libssh",
        "test",
        "/default",
        &format!(
            "keyfile={}&known_hosts={}",
            sshd().key,
            known_hosts.display()
        ),
    );
    let client = connect_ok(&format!("{base}&known_hosts_verify=auto")).await;
    client.connect_get_hostname().await.unwrap();
    client.close().await.unwrap();
    let recorded = std::fs::read_to_string(&known_hosts).unwrap();
    let expected = std::fs::read_to_string(&sshd().known_hosts).unwrap();
    let key_of = |line: &str| line.split_whitespace().nth(2).map(str::to_owned);
    assert!(
        recorded.starts_with(&format!("[127.0.0.1]:{} ssh-ed25519 ", sshd().port)),
        "{recorded}"
    );
    assert_eq!(key_of(&recorded), key_of(&expected), "{recorded}");
    // Now known: the default (normal) check passes.
    let client = connect_ok(&base).await;
    client.connect_get_hostname().await.unwrap();
    client.close().await.unwrap();
    assert_eq!(std::fs::read_to_string(&known_hosts).unwrap(), recorded);
}

#[tokio::test]
async fn a_refused_key_fails_authentication_naming_the_methods() {
    let scratch = Scratch::new("libssh-badkey");
    let key = scratch.keygen("id_ed25519");
    let uri = uri(
        "libssh",
        "test",
        "/default",
        &format!(
            "keyfile={}&known_hosts={}&sshauth=privkey,password",
            key.display(),
            sshd().known_hosts
        ),
    );
    let e = connect_err(&uri).await;
    assert_eq!(e.kind(), ErrorKind::Auth, "{e}");
    let failure = e.ssh_failure().expect("an ssh failure");
    let SshFailureKind::AuthFailed { tried } = &failure.kind else {
        panic!("{:?}: {e}", failure.kind)
    };
    assert_eq!(tried.len(), 2, "{tried:?}");
    assert!(tried[0].starts_with("privkey"), "{tried:?}");
    assert!(tried[0].contains(&key.display().to_string()), "{tried:?}");
    assert!(tried[1].starts_with("password"), "{tried:?}");
    assert_eq!(failure.user, "root");
    assert!(e.to_string().contains("privkey"), "{e}");
}

#[tokio::test]
async fn a_missing_key_file_is_named() {
    let uri = uri(
        "libssh2",
        "test",
        "/default",
        &format!(
            "keyfile=/nonexistent/id_ed25519&known_hosts={}",
            sshd().known_hosts
        ),
    );
    let e = connect_err(&uri).await;
    assert_eq!(e.kind(), ErrorKind::Auth, "{e}");
    let failure = e.ssh_failure().expect("an ssh failure");
    assert!(
        matches!(&failure.kind, SshFailureKind::KeyFile { path, .. }
            if path == Path::new("/nonexistent/id_ed25519")),
        "{:?}",
        failure.kind
    );
    assert!(e.to_string().contains("/nonexistent/id_ed25519"), "{e}");
}

#[tokio::test]
async fn a_missing_remote_netcat_is_reported_with_its_stderr() {
    let uri = uri(
        "libssh",
        "test",
        "/default",
        &format!(
            "{}&socket={}&netcat=/nonexistent/nc",
            trusted(),
            daemon().sock
        ),
    );
    let e = connect_err(&uri).await;
    assert_eq!(e.kind(), ErrorKind::Connection, "{e}");
    let failure = e.ssh_failure().expect("an ssh failure");
    assert_eq!(
        failure.kind,
        SshFailureKind::RemoteProgramMissing {
            program: "/nonexistent/nc".into()
        },
        "{e}"
    );
    assert!(failure.stderr.contains("/nonexistent/nc"), "{failure:?}");
    assert_eq!(failure.exit_status, Some(127), "{failure:?}");
    assert!(e.to_string().contains("/nonexistent/nc"), "{e}");
}

#[tokio::test]
async fn a_wrong_remote_socket_shows_the_remote_stderr() {
    let uri = uri(
        "libssh2",
        "test",
        "/default",
        &format!("{}&socket=/nonexistent/libvirt-sock", trusted()),
    );
    let e = connect_err(&uri).await;
    let failure = e.ssh_failure().expect("an ssh failure");
    assert_eq!(failure.kind, SshFailureKind::Closed, "{e}");
    assert!(
        failure.stderr.contains("/nonexistent/libvirt-sock")
            || failure.stderr.contains("No such file"),
        "{failure:?}"
    );
}

/// An ssh-agent of this test, on its own socket, ended on drop.
struct Agent {
    child: Child,
    socket: PathBuf,
}

impl Agent {
    fn start(dir: &Path) -> Self {
        let socket = dir.join("agent.sock");
        let child = Command::new("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .stdout(Stdio::null())
            .spawn()
            .expect("ssh-agent");
        for _ in 0..100 {
            if socket.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(socket.exists(), "ssh-agent made no socket");
        Self { child, socket }
    }

    fn add(&self, key: &str) {
        let status = Command::new("ssh-add")
            .arg("-q")
            .arg(key)
            .env("SSH_AUTH_SOCK", &self.socket)
            .status()
            .unwrap();
        assert!(status.success(), "ssh-add {key}");
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn the_agent_authenticates_with_sshauth_agent() {
    let scratch = Scratch::new("libssh-agent");
    let agent = Agent::start(&scratch.0);
    let options = ConnectOptions::new().ssh_agent(Some(agent.socket.clone()));
    let uri = uri(
        "libssh",
        "test",
        "/default",
        &format!("known_hosts={}&sshauth=agent", sshd().known_hosts),
    );
    // An empty agent: authentication fails, and says so.
    let e = connect_err_with(&options, &uri).await;
    let failure = e.ssh_failure().expect("an ssh failure");
    let SshFailureKind::AuthFailed { tried } = &failure.kind else {
        panic!("{:?}: {e}", failure.kind)
    };
    assert!(tried[0].contains("no keys"), "{tried:?}");
    // With root's key in it, the agent signs and the connection is made.
    agent.add(&sshd().key);
    let client = options
        .connect(&uri)
        .await
        .unwrap_or_else(|e| panic!("{uri}: {e}"));
    assert_eq!(client.connect_get_type().await.unwrap(), "TEST");
    client.close().await.unwrap();
}

/// A password login through the credential callback, as libvirt asks
/// through `virConnectAuth`: the test user of the private sshd, then a
/// wrong password and no callback at all.
#[tokio::test]
async fn password_authentication_asks_the_credential_callback() {
    use std::sync::Arc;
    use virtwire::auth::sasl::{CredentialRequest, CredentialType};
    let s = sshd();
    for scheme in ["libssh", "libssh2"] {
        let uri = format!(
            "test+{scheme}://{}@127.0.0.1:{}/default?known_hosts={}&sshauth=password&proxy=netcat&socket={}",
            s.password_user,
            s.port,
            s.known_hosts,
            daemon().sock
        );
        let good = s.password.clone();
        let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = asked.clone();
        let provider = move |r: &CredentialRequest| {
            seen.lock().unwrap().push((r.kind, r.prompt.clone()));
            (r.kind == CredentialType::Passphrase).then(|| good.clone())
        };
        let client = ConnectOptions::new()
            .credentials(Arc::new(provider))
            .connect(&uri)
            .await
            .unwrap_or_else(|e| panic!("{uri}: {e}"));
        virtwire_tests::suite::test_driver_suite(&client, &format!("{scheme}-password")).await;
        let asked = asked.lock().unwrap().clone();
        assert_eq!(asked.len(), 1, "{asked:?}");
        assert!(asked[0].1.contains(&s.password_user), "{asked:?}");

        let wrong = virtwire::auth::sasl::Credentials::new("x", "not-the-password");
        let e = ConnectOptions::new()
            .credentials(wrong.into_provider())
            .connect(&uri)
            .await
            .expect_err("a wrong password");
        assert_eq!(e.kind(), ErrorKind::Auth, "{e}");
        assert!(e.to_string().contains("password: refused"), "{e}");
        assert!(!e.to_string().contains("not-the-password"), "{e}");

        let e = ConnectOptions::new()
            .connect(&uri)
            .await
            .expect_err("no callback");
        assert!(
            e.to_string().contains("password: no credential given"),
            "{e}"
        );
    }
}
