//! The SSH command cases of libvirt's `tests/virnetsockettest.c` (whose fake
//! ssh prints its arguments joined by spaces), and URI-level plans.

use super::*;
use crate::error::CommandFailureKind;
use crate::io::child::missing_program;
use crate::uri::MemoryEnvironment;

/// libvirt's test helper: the remote command for `qemu:///session`,
/// read-only, then ssh's arguments joined by spaces.
fn libvirt_case(options: SshOptions<'_>, proxy: ProxyMode, netcat: Option<&str>) -> String {
    let remote = remote_command(proxy, netcat, "/tmp/socket", "qemu:///session", true).unwrap();
    ssh_args(&options, remote).join(" ")
}

fn host(host: &str) -> SshOptions<'_> {
    SshOptions {
        host,
        ..SshOptions::default()
    }
}

const NC_TAIL: &str =
    r#"-q 2>&1 | grep "requires an argument" >/dev/null 2>&1; then ARG=-q0;else ARG=;fi;"#;

fn netcat_script(nc: &str) -> String {
    format!("sh -c 'if {nc} {NC_TAIL}{nc} $ARG -U /tmp/socket'")
}

#[test]
fn ssh_test_1_netcat_given() {
    assert_eq!(
        libvirt_case(host("somehost"), ProxyMode::Auto, Some("nc")),
        format!("-T -e none -- somehost {}", netcat_script("'nc'"))
    );
}

#[test]
fn ssh_test_2_port_user_no_tty() {
    let options = SshOptions {
        port: Some(9000),
        user: Some("fred"),
        no_tty: true,
        ..host("somehost")
    };
    assert_eq!(
        libvirt_case(options, ProxyMode::Auto, Some("netcat")),
        format!(
            "-p 9000 -l fred -T -e none -o BatchMode=yes -- somehost {}",
            netcat_script("'netcat'")
        )
    );
}

#[test]
fn ssh_test_3_no_verify() {
    let options = SshOptions {
        port: Some(9000),
        user: Some("fred"),
        no_verify: true,
        ..host("somehost")
    };
    assert_eq!(
        libvirt_case(options, ProxyMode::Auto, Some("netcat")),
        format!(
            "-p 9000 -l fred -T -e none -o StrictHostKeyChecking=no -- somehost {}",
            netcat_script("'netcat'")
        )
    );
}

#[test]
fn ssh_test_6_keyfile() {
    let options = SshOptions {
        keyfile: Some("/root/.ssh/example_key"),
        no_verify: true,
        ..host("example.com")
    };
    assert_eq!(
        libvirt_case(options, ProxyMode::Auto, Some("nc")),
        format!(
            "-i /root/.ssh/example_key -T -e none -o StrictHostKeyChecking=no -- example.com {}",
            netcat_script("'nc'")
        )
    );
}

#[test]
fn ssh_test_7_netcat_with_space() {
    assert_eq!(
        libvirt_case(host("somehost"), ProxyMode::Auto, Some("n c")),
        format!(
            "-T -e none -- somehost {}",
            netcat_script(r"'''\''n c'\''''")
        )
    );
    // Spelled out, as in libvirt's expected output.
    let remote = remote_command(ProxyMode::Auto, Some("n c"), "/tmp/socket", "x", true).unwrap();
    assert!(
        remote.starts_with(r"sh -c 'if '''\''n c'\'''' -q 2>&1"),
        "{remote}"
    );
    assert!(
        remote.ends_with(r";'''\''n c'\'''' $ARG -U /tmp/socket'"),
        "{remote}"
    );
}

#[test]
fn ssh_test_8_netcat_with_quote() {
    let remote = remote_command(ProxyMode::Auto, Some("n'c"), "/tmp/socket", "x", true).unwrap();
    let nc = r"'''\''n'\''\'\'''\''c'\''''";
    assert_eq!(remote, netcat_script(nc));
}

#[test]
fn ssh_test_9_netcat_with_double_quote() {
    let remote = remote_command(ProxyMode::Auto, Some("n\"c"), "/tmp/socket", "x", true).unwrap();
    assert_eq!(remote, netcat_script(r#"'''\''n"c'\''''"#));
}

#[test]
fn ssh_test_10_auto_probes_for_the_helper() {
    assert_eq!(
        libvirt_case(host("somehost"), ProxyMode::Auto, None),
        format!(
            "-T -e none -- somehost sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; \
             if test $? = 0; then     virt-ssh-helper -r 'qemu:///session'; \
             else    if 'nc' {NC_TAIL}'nc' $ARG -U /tmp/socket; fi'"
        )
    );
}

#[test]
fn ssh_test_11_native() {
    assert_eq!(
        libvirt_case(host("somehost"), ProxyMode::Native, None),
        "-T -e none -- somehost sh -c 'virt-ssh-helper -r 'qemu:///session''"
    );
}

#[test]
fn native_with_netcat_is_refused() {
    let err =
        remote_command(ProxyMode::Native, Some("nc"), "/s", "qemu:///system", false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    assert_eq!(
        err.to_string(),
        "netcat path not valid with native proxy mode"
    );
}

#[test]
fn read_write_helper_has_no_r() {
    assert_eq!(
        remote_command(ProxyMode::Native, None, "/s", "qemu:///system", false).unwrap(),
        "sh -c 'virt-ssh-helper 'qemu:///system''"
    );
}

#[test]
fn escape_shell_matches_libvirt() {
    assert_eq!(escape_shell(""), "''");
    assert_eq!(
        escape_shell("plain/path-1.2_x=y,z:@%+"),
        "plain/path-1.2_x=y,z:@%+"
    );
    assert_eq!(escape_shell("a b"), "'a b'");
    assert_eq!(escape_shell("it's"), r"'it'\''s'");
    assert_eq!(escape_shell("q?x=1&y=2"), "'q?x=1&y=2'");
    for c in SHELL_META {
        assert!(escape_shell(&format!("a{c}b")).starts_with('\''), "{c:?}");
    }
}

fn plan(uri: &str, read_only: bool) -> Plan {
    let uri = ConnectUri::parse(uri).unwrap();
    plan_ssh(&uri, read_only, &MemoryEnvironment::new(0)).unwrap()
}

#[test]
fn plan_default_system_uri() {
    // As captured from virsh with a fake ssh (libvirt-rpc-facts.md §4.8).
    let p = plan("test+ssh://host/default", false);
    assert_eq!(p.program, "ssh");
    assert_eq!(
        p.args.join(" "),
        format!(
            "-T -e none -- host sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; \
             if test $? = 0; then     virt-ssh-helper 'test:///default'; \
             else    if 'nc' {NC_TAIL}'nc' $ARG -U /var/run/libvirt/libvirt-sock; fi'"
        )
    );
    assert_eq!(p.remote_programs, ["virt-ssh-helper", "nc"]);
}

#[test]
fn plan_read_only_uses_the_ro_socket_and_r() {
    let p = plan("qemu+ssh://host/system", true);
    let remote = p.args.last().unwrap();
    assert!(
        remote.contains("virt-ssh-helper -r 'qemu:///system'"),
        "{remote}"
    );
    assert!(
        remote.contains("-U /var/run/libvirt/libvirt-sock-ro;"),
        "{remote}"
    );
}

#[test]
fn plan_socket_forces_netcat() {
    let p = plan(
        "qemu+ssh://root@127.0.0.1:2222/system?keyfile=/k/id&socket=/tmp/s/libvirt-sock&no_tty=1&no_verify=1&command=/opt/ssh",
        false,
    );
    assert_eq!(p.program, "/opt/ssh");
    assert_eq!(
        p.args.join(" "),
        format!(
            "-p 2222 -l root -i /k/id -T -e none -o BatchMode=yes -o StrictHostKeyChecking=no \
             -- 127.0.0.1 {}",
            netcat_script("'nc'").replace("/tmp/socket", "/tmp/s/libvirt-sock")
        )
    );
    assert_eq!(p.remote_programs, ["nc"]);
}

#[test]
fn plan_native_keeps_mode_and_socket_in_the_helper_uri() {
    let p = plan("qemu+ssh://h/system?proxy=native&mode=legacy&x=1", false);
    assert_eq!(
        p.args.last().unwrap(),
        r"sh -c 'virt-ssh-helper '''\''qemu:///system?mode=legacy&x=1'\'''''"
    );
    assert_eq!(p.remote_programs, ["virt-ssh-helper"]);
}

#[test]
fn plan_netcat_param_and_proxy() {
    let p = plan("qemu+ssh://h/system?netcat=/usr/bin/ncat", false);
    assert_eq!(p.remote_programs, ["/usr/bin/ncat"]);
    assert!(
        p.args
            .last()
            .unwrap()
            .contains("'/usr/bin/ncat' $ARG -U /var/run/libvirt/libvirt-sock'")
    );
    let uri = ConnectUri::parse("qemu+ssh://h/system?netcat=nc&proxy=native").unwrap();
    let err = plan_ssh(&uri, false, &MemoryEnvironment::new(0)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
}

#[test]
fn plan_proxy_from_libvirt_conf() {
    let env = MemoryEnvironment::new(0)
        .with_file("/etc/libvirt/libvirt.conf", "remote_proxy = \"native\"\n");
    let uri = ConnectUri::parse("qemu+ssh://h/system").unwrap();
    let p = plan_ssh(&uri, false, &env).unwrap();
    assert_eq!(
        p.args.last().unwrap(),
        "sh -c 'virt-ssh-helper 'qemu:///system''"
    );
}

#[test]
fn plan_ext_runs_the_command_alone() {
    let uri = ConnectUri::parse("test+ext:///default?command=/usr/local/bin/relay%20x").unwrap();
    let p = plan_ext(&uri).unwrap();
    assert_eq!(p.program, "/usr/local/bin/relay x");
    assert!(p.args.is_empty());
    // Without command= libvirt refuses the URI (the parser already does).
    let refused = ConnectUri::parse("test+ext:///default").map_or(true, |u| plan_ext(&u).is_err());
    assert!(refused);
}

#[test]
fn missing_programs_are_recognised() {
    let programs = ["virt-ssh-helper", "nc"];
    assert_eq!(
        missing_program("sh: 1: virt-ssh-helper: not found\n", &programs).as_deref(),
        Some("virt-ssh-helper")
    );
    assert_eq!(
        missing_program("bash: line 1: nc: command not found", &programs).as_deref(),
        Some("nc")
    );
    assert_eq!(
        missing_program("sh: 1: /usr/bin/nc: not found", &programs).as_deref(),
        Some("/usr/bin/nc")
    );
    assert_eq!(missing_program("sh: 1: other: not found", &programs), None);
    assert_eq!(
        missing_program("Permission denied (publickey).", &programs),
        None
    );
}

#[tokio::test]
async fn a_missing_program_is_named() {
    let spec = crate::io::child::Spawn {
        program: "/nonexistent/virtwire-ssh",
        args: Vec::new(),
        extra_env: &[],
        terminal: false,
    };
    let err = crate::io::child::spawn(&spec).err().expect("spawn fails");
    let failure = err.command_failure().expect("typed");
    assert_eq!(failure.kind, CommandFailureKind::NotFound);
    assert_eq!(failure.program, "/nonexistent/virtwire-ssh");
    assert!(
        err.to_string().contains("/nonexistent/virtwire-ssh"),
        "{err}"
    );
    assert!(err.is_closed());
}

#[tokio::test]
async fn end_of_file_carries_stderr_and_status() {
    use tokio::io::AsyncReadExt;
    // Like libvirt's "crashyhost": the program talks, complains, and dies.
    let spec = crate::io::child::Spawn {
        program: "sh",
        args: vec![
            "-c".into(),
            "printf hello; echo 'ssh: oops' >&2; exit 255".into(),
        ],
        extra_env: &[],
        terminal: false,
    };
    let (mut stream, monitor) = crate::io::child::spawn(&spec).unwrap();
    let mut got = Vec::new();
    let err = stream.read_to_end(&mut got).await.unwrap_err();
    assert_eq!(got, b"hello");
    assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof);
    let text = err.to_string();
    assert!(text.contains("ssh: oops") && text.contains("255"), "{text}");
    assert_eq!(monitor.status().and_then(|s| s.code()), Some(255));
}

#[tokio::test]
async fn a_clean_exit_is_a_plain_end_of_file() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let spec = crate::io::child::Spawn {
        program: "cat",
        args: Vec::new(),
        extra_env: &[],
        terminal: false,
    };
    let (mut stream, _monitor) = crate::io::child::spawn(&spec).unwrap();
    stream.write_all(b"ping").await.unwrap();
    stream.shutdown().await.unwrap();
    let mut got = Vec::new();
    stream.read_to_end(&mut got).await.unwrap();
    assert_eq!(got, b"ping");
}

#[tokio::test]
async fn stderr_keeps_only_the_end() {
    use tokio::io::AsyncReadExt;
    let spec = crate::io::child::Spawn {
        program: "sh",
        args: vec![
            "-c".into(),
            "i=0; while [ $i -lt 2000 ]; do echo line$i >&2; i=$((i+1)); done; exit 3".into(),
        ],
        extra_env: &[],
        terminal: false,
    };
    let (mut stream, monitor) = crate::io::child::spawn(&spec).unwrap();
    let mut got = Vec::new();
    assert!(stream.read_to_end(&mut got).await.is_err());
    let stderr = monitor.stderr();
    assert!(stderr.len() <= crate::io::child::STDERR_LIMIT);
    assert!(
        stderr.ends_with("line1999"),
        "{}",
        &stderr[stderr.len() - 20..]
    );
    assert!(!stderr.contains("line1\n"));
}

/// Without the `russh` feature, libssh and libssh2 URIs are refused at once
/// with an error that names the feature.
#[cfg(not(feature = "russh"))]
#[tokio::test]
async fn libssh_without_the_russh_feature_names_the_feature() {
    for scheme in ["libssh", "libssh2"] {
        let e = crate::ConnectOptions::new()
            .connect(&format!("test+{scheme}://root@127.0.0.1:1/default"))
            .await
            .expect_err("unsupported");
        assert_eq!(e.kind(), crate::ErrorKind::Unsupported, "{e}");
        assert!(e.to_string().contains("`russh` cargo feature"), "{e}");
        assert!(e.to_string().contains(scheme), "{e}");
    }
}

/// A remote shell's "not found" for virt-ssh-helper is recognised in the
/// in-process transports' stderr too (they share the recogniser).
#[test]
fn a_missing_virt_ssh_helper_is_recognised() {
    assert_eq!(
        missing_program(
            "bash: line 1: virt-ssh-helper: command not found",
            &[SSH_HELPER]
        ),
        Some(SSH_HELPER.to_owned())
    );
}
