//! Shared helpers of the live tests: where the private daemon is, unique
//! object names, typed-parameter lookups, and a second throw-away daemon.
//!
//! Every live test needs the private daemon of `scripts/libvirtd.sh start`.
//! When it is not running the helpers panic (the test fails); they never
//! skip.

use std::collections::HashMap;
use std::os::unix::net::UnixStream as StdUnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub use virtwire;
pub use virtwire_xml;

use virtwire_xml::Document;
use virtwire_xml::domain::{Disk, Domain, DomainBuilder, Graphics, Interface};

pub mod suite;

/// `virDomainState` values.
pub mod state {
    /// `VIR_DOMAIN_RUNNING`
    pub const RUNNING: i32 = 1;
    /// `VIR_DOMAIN_PAUSED`
    pub const PAUSED: i32 = 3;
    /// `VIR_DOMAIN_SHUTOFF`
    pub const SHUTOFF: i32 = 5;
}

/// `VIR_TYPED_PARAM_STRING_OKAY`: the caller accepts string typed params.
pub const TYPED_PARAM_STRING_OKAY: u32 = 4;

/// Where the shared private daemon listens, from its env file.
#[derive(Debug, Clone)]
pub struct DaemonEnv {
    /// Read-write unix socket.
    pub sock: String,
    /// Read-only unix socket.
    pub sock_ro: String,
    /// Admin socket.
    pub admin_sock: String,
    /// `host:port` of the TCP listener.
    pub tcp: String,
    /// `host:port` of the TLS listener (host `localhost`, the name in the
    /// daemon's certificate).
    pub tls: String,
    /// The PKI of `scripts/tls-pki.sh`: `client/`, `nocert/`, `wrongca/`,
    /// `foreignclient/` in libvirt's pkipath layout, and `ca/`, `otherca/`.
    pub pki_dir: PathBuf,
    /// The daemon's pid.
    pub pid: u32,
}

/// The env file written by `scripts/libvirtd.sh start`.
pub fn env_file() -> PathBuf {
    let dir = std::env::var_os("VIRTWIRE_RUN_DIR")
        .map_or_else(|| PathBuf::from("/tmp/virtwire-libvirtd"), PathBuf::from);
    dir.join("env")
}

/// The `KEY=VALUE` lines of a setup script's env file, for `what` (named
/// in the panic when the file is missing, with `start`, the command that
/// writes it). `get(key)` panics naming the file when a key is absent.
struct EnvFile {
    path: PathBuf,
    vars: HashMap<String, String>,
}

impl EnvFile {
    fn load(path: PathBuf, what: &str, start: &str) -> Self {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{what} is needed, but {} cannot be read ({e}): run `{start}` first",
                path.display()
            )
        });
        let vars = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.trim().to_owned(), unquote(v.trim())))
            .collect();
        Self { path, vars }
    }

    fn get(&self, key: &str) -> String {
        self.vars
            .get(key)
            .cloned()
            .unwrap_or_else(|| panic!("{} lacks {key}", self.path.display()))
    }
}

fn load_env() -> DaemonEnv {
    let file = EnvFile::load(
        env_file(),
        "the private libvirtd",
        "scripts/libvirtd.sh start",
    );
    let path = file.path.clone();
    let get = |key: &str| file.get(key);
    let env = DaemonEnv {
        sock: get("VIRTWIRE_LIBVIRTD_SOCK"),
        sock_ro: get("VIRTWIRE_LIBVIRTD_SOCK_RO"),
        admin_sock: get("VIRTWIRE_LIBVIRTD_ADMIN_SOCK"),
        tcp: get("VIRTWIRE_LIBVIRTD_TCP"),
        tls: get("VIRTWIRE_LIBVIRTD_TLS"),
        pki_dir: PathBuf::from(get("VIRTWIRE_PKI_DIR")),
        pid: get("VIRTWIRE_LIBVIRTD_PID")
            .parse()
            .unwrap_or_else(|e| panic!("bad VIRTWIRE_LIBVIRTD_PID in {}: {e}", path.display())),
    };
    assert!(
        Path::new(&format!("/proc/{}", env.pid)).exists(),
        "the private libvirtd (pid {}) from {} is not running: run `scripts/libvirtd.sh start`",
        env.pid,
        path.display()
    );
    env
}

/// Undoes the `%q` quoting of bash's printf for the simple cases it produces
/// for paths (backslash escapes, or `$'…'`).
fn unquote(v: &str) -> String {
    let v = v
        .strip_prefix("$'")
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or(v);
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The shared private daemon's addresses (loaded once; panics if it is not
/// running).
pub fn daemon() -> &'static DaemonEnv {
    static ENV: OnceLock<DaemonEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        let env = load_env();
        start_watchdog(env.pid);
        env
    })
}

/// How long one live-test binary may run before the watchdog ends it, in
/// seconds (`VIRTWIRE_TEST_DEADLINE`, default 600; the slowest binary takes
/// well under a minute).
fn deadline() -> Duration {
    let secs = std::env::var("VIRTWIRE_TEST_DEADLINE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    Duration::from_secs(secs)
}

/// A hung daemon must fail the run with evidence, not hang CI: past the
/// deadline, print the daemon's threads (gdb) and its log's tail, then
/// abort this test process.
fn start_watchdog(pid: u32) {
    let deadline = deadline();
    let spawned = std::thread::Builder::new()
        .name("live-test-watchdog".into())
        .spawn(move || {
            std::thread::sleep(deadline);
            eprintln!(
                "\n=== live-test watchdog: {} still running after {deadline:?}; \
                 libvirtd (pid {pid}) threads and log follow",
                std::env::args().next().unwrap_or_default()
            );
            let _ = Command::new("timeout")
                .args(["60", "gdb", "-q", "-batch", "-p", &pid.to_string()])
                .args(["-ex", "thread apply all bt 12"])
                .stdin(Stdio::null())
                .status();
            if let Some(log) = env_file().parent().map(|d| d.join("libvirtd.log")) {
                let text = std::fs::read_to_string(&log).unwrap_or_default();
                let lines: Vec<&str> = text.lines().collect();
                for line in &lines[lines.len().saturating_sub(40)..] {
                    eprintln!("{line}");
                }
            }
            eprintln!("=== live-test watchdog: aborting");
            std::process::abort();
        });
    if let Err(e) = spawned {
        panic!("cannot start the live-test watchdog: {e}");
    }
}

/// `test+unix:///default` over the read-write socket.
pub fn test_unix_uri() -> String {
    format!("test+unix:///default?socket={}", daemon().sock)
}

/// `test+unix:///default` over the read-only socket.
pub fn test_ro_uri() -> String {
    format!("test+unix:///default?socket={}", daemon().sock_ro)
}

/// `test+tcp://127.0.0.1:PORT/default`.
pub fn test_tcp_uri() -> String {
    format!("test+tcp://{}/default", daemon().tcp)
}

/// `qemu+unix:///system` over the read-write socket.
pub fn qemu_uri() -> String {
    format!("qemu+unix:///system?socket={}", daemon().sock)
}

/// The admin URI of the shared daemon.
pub fn admin_uri() -> String {
    format!("libvirtd:///system?socket={}", daemon().admin_sock)
}

/// Opens `uri`, panicking with the error if the daemon cannot be reached.
pub async fn connect(uri: &str) -> virtwire::Client {
    match virtwire::Client::connect(uri).await {
        Ok(client) => client,
        Err(e) => panic!("cannot connect to {uri}: {e} ({e:?})"),
    }
}

/// Opens `test:///default` on the shared daemon over its unix socket.
pub async fn connect_test() -> virtwire::Client {
    connect(&test_unix_uri()).await
}

/// The prefix of every object the live tests of this process create.
pub fn prefix() -> String {
    format!("vwlive-{}-", std::process::id())
}

/// A name unique in this process (and among concurrently running test
/// processes): `vwlive-<pid>-<test>-<n>`.
pub fn unique_name(test: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{}{test}-{n}", prefix())
}

/// Whether a `vwlive-<pid>-…` object belongs to a test process that no longer
/// runs (a leftover safe to remove).
pub fn is_stale(name: &str, prefix: &str) -> bool {
    let Some(rest) = name.strip_prefix(prefix) else {
        return false;
    };
    let pid: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match pid.parse::<u32>() {
        Ok(pid) => pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists(),
        Err(_) => false,
    }
}

/// A domain XML for the test driver.
pub fn test_domain_xml(name: &str) -> String {
    format!(
        "<domain type='test'><name>{name}</name><memory unit='KiB'>65536</memory>\
         <currentMemory unit='KiB'>65536</currentMemory><vcpu>2</vcpu>\
         <os><type arch='i686'>hvm</type></os></domain>"
    )
}

/// The minimal QEMU/TCG guest of `fixtures/guest/tcg-guest.xml.in`, built
/// with virtwire-xml's typed builder: 64 MiB, one vCPU, a qcow2 disk at
/// `disk` as `vda`, an `ethernet` NIC on a tap named `tap` that libvirt
/// creates (no option ROM, so no network boot), a serial console, VNC on
/// 127.0.0.1, VGA and a virtio balloon. The same tree as the template with
/// its placeholders filled in, apart from the template's comments.
pub fn tcg_guest(name: &str, disk: &str, tap: &str) -> Document<Domain> {
    DomainBuilder::new("qemu", name)
        .memory_mib(64)
        .vcpus(1)
        .machine("x86_64", "pc")
        .feature("acpi")
        .clock("utc")
        .lifecycle("destroy", "restart", "destroy")
        .disk(Disk::file(disk, "qcow2").with_target("vda", "virtio"))
        .interface(
            Interface::ethernet("virtio")
                .with_managed_tap(tap)
                .with_rom_enabled(false),
        )
        .serial_console()
        .graphics(Graphics::vnc("127.0.0.1"))
        .video("vga")
        .memballoon("virtio")
        .build()
}

/// `fixtures/guest/<file>` with each `(placeholder, value)` substituted
/// (placeholders are written `@NAME@`).
pub fn render_fixture(file: &str, values: &[(&str, &str)]) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/guest")
        .join(file);
    let mut text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    for (key, value) in values {
        text = text.replace(&format!("@{key}@"), value);
    }
    text
}

/// The host's name, as the kernel has it.
pub fn local_hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .expect("read /proc/sys/kernel/hostname")
        .trim()
        .to_owned()
}

/// The value of typed param `field`, if present.
pub fn param<'a>(
    params: &'a [virtwire::remote::TypedParam],
    field: &str,
) -> Option<&'a virtwire::remote::TypedParamValue> {
    params
        .iter()
        .find(|p| p.field.as_str() == field)
        .map(|p| &p.value)
}

/// A numeric typed param as u64 (panics if missing or not an integer that
/// fits), read through the client's [`virtwire::TypedParams`].
pub fn param_u64(params: &[virtwire::remote::TypedParam], field: &str) -> u64 {
    let typed = virtwire::TypedParams::from(params.to_vec());
    typed.get_u64(field).unwrap_or_else(|| {
        panic!(
            "typed param {field}: expected a non-negative integer, got {:?} in {:?}",
            typed.get(field),
            typed.names().collect::<Vec<_>>()
        )
    })
}

/// A string typed param (panics if missing or not a string).
pub fn param_str<'a>(params: &'a [virtwire::remote::TypedParam], field: &str) -> &'a str {
    match param(params, field) {
        Some(virtwire::remote::TypedParamValue::String(s)) => s.as_str(),
        other => panic!("typed param {field}: expected a string, got {other:?}"),
    }
}

/// Polls `f` every `every` until it returns `Some`, or `limit` passes.
pub async fn poll_until<T, F, Fut>(limit: Duration, every: Duration, mut f: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(v) = f().await {
            return Some(v);
        }
        if start.elapsed() >= limit {
            return None;
        }
        tokio::time::sleep(every).await;
    }
}

/// The unprivileged user the throw-away daemon runs as (`nobody`).
const SECOND_DAEMON_UID: u32 = 65534;
const SECOND_DAEMON_GID: u32 = 65534;

/// A second, private libvirtd that a test may stop and kill without harming
/// the shared one: run in session mode as `nobody`, with `HOME` and
/// `XDG_RUNTIME_DIR` in its own temp dir, so it shares no path with the root
/// daemon. Its socket is `$XDG_RUNTIME_DIR/libvirt/libvirt-sock` (root may
/// connect). Dropping it kills the daemon and removes the dir; the daemon
/// also gets SIGKILL if the thread that started it dies (`--pdeathsig`).
pub struct SecondDaemon {
    child: Option<Child>,
    dir: PathBuf,
    socket: PathBuf,
}

impl SecondDaemon {
    /// Starts the daemon and waits until its socket accepts connections.
    pub fn start(tag: &str) -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("{}{tag}-{n}", prefix()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the second daemon's dir");
        set_mode(&dir, 0o755);
        let home = dir.join("home");
        let run = dir.join("run");
        for d in [&home, &run] {
            std::fs::create_dir(d).expect("create dir");
            std::os::unix::fs::chown(d, Some(SECOND_DAEMON_UID), Some(SECOND_DAEMON_GID))
                .expect("chown the second daemon's dirs to nobody");
            set_mode(d, 0o700);
        }
        let log_path = dir.join("libvirtd.out");
        let log = std::fs::File::create(&log_path).expect("create log");
        let child = Command::new("setpriv")
            .args([
                &format!("--reuid={SECOND_DAEMON_UID}"),
                &format!("--regid={SECOND_DAEMON_GID}"),
                "--clear-groups",
                "--pdeathsig=KILL",
                "--",
                "libvirtd",
            ])
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("HOME", &home)
            .env("XDG_RUNTIME_DIR", &run)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("LIBVIRT_LOG_OUTPUTS", "3:stderr")
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("dup log"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run setpriv … libvirtd: {e}"));
        let socket = run.join("libvirt").join("libvirt-sock");
        let mut daemon = Self {
            child: Some(child),
            dir,
            socket,
        };
        let start = Instant::now();
        loop {
            if StdUnixStream::connect(&daemon.socket).is_ok() {
                return daemon;
            }
            if let Some(status) = daemon.child_mut().try_wait().expect("try_wait") {
                panic!(
                    "the second libvirtd exited ({status}) before listening: {}",
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                );
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!(
                    "the second libvirtd did not listen on {} within 15 s: {}",
                    daemon.socket.display(),
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn child_mut(&mut self) -> &mut Child {
        self.child.as_mut().expect("daemon already reaped")
    }

    /// The daemon's pid.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("daemon already reaped").id()
    }

    /// `test+unix:///default` on this daemon.
    pub fn test_uri(&self) -> String {
        format!("test+unix:///default?socket={}", self.socket.display())
    }

    /// `qemu+unix:///session` on this daemon: its storage driver is real (a
    /// session daemon's pools live under its own home).
    pub fn session_uri(&self) -> String {
        format!("qemu+unix:///session?socket={}", self.socket.display())
    }

    /// Whether the daemon process is still alive (it has not exited).
    pub fn is_running(&mut self) -> bool {
        match self.child.as_mut() {
            Some(child) => matches!(child.try_wait(), Ok(None)),
            None => false,
        }
    }

    /// A transient dir pool in [`home`](Self::home)`/pool` and a raw
    /// volume `v.raw` of `size` bytes in it (its file:
    /// [`volume_path`](Self::volume_path)).
    pub async fn volume(
        &self,
        client: &virtwire::Client,
        size: u64,
    ) -> virtwire::remote::NonnullStorageVol {
        let xml = format!(
            "<pool type='dir'><name>pool</name><target><path>{}</path></target></pool>",
            self.home().join("pool").display()
        );
        let pool = client
            .storage_pool_create_xml(&xml, virtwire::api::StoragePoolCreateFlags::WITH_BUILD)
            .await
            .expect("a pool in the daemon's home");
        let vol = format!(
            "<volume><name>v.raw</name><capacity unit='bytes'>{size}</capacity>\
             <target><format type='raw'/></target></volume>"
        );
        pool.storage_vol_create_xml(&vol, virtwire::api::StorageVolCreateFlags::empty())
            .await
            .expect("a volume")
            .into_wire()
    }

    /// The file of the volume [`volume`](Self::volume) makes.
    pub fn volume_path(&self) -> PathBuf {
        self.home().join("pool").join("v.raw")
    }

    /// A directory the daemon (running as `nobody`) owns, for its pools.
    pub fn home(&self) -> PathBuf {
        self.dir.join("home")
    }

    /// Sends `signal` (a `kill -s` name such as `STOP` or `CONT`).
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args(["-s", signal, &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -s {signal} {} failed", self.pid());
    }

    /// SIGKILLs the daemon and reaps it.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for SecondDaemon {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Removes temp dirs (`$TMPDIR/vwlive-<pid>-…`) left by test processes that
/// no longer run.
pub fn remove_stale_temp_dirs() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_stale(name, "vwlive-") {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The private sshd of `scripts/sshd.sh start`, for the ssh transport tests.
#[derive(Debug, Clone)]
pub struct SshdEnv {
    /// Its port on 127.0.0.1.
    pub port: u16,
    /// root's private key, authorized by the sshd.
    pub key: String,
    /// A known_hosts file with the sshd's host key.
    pub known_hosts: String,
    /// An ssh wrapper that trusts only that known_hosts (for `command=`).
    pub ssh: String,
    /// A local user the sshd lets in with a password.
    pub password_user: String,
    /// That user's password.
    pub password: String,
}

/// The env file written by `scripts/sshd.sh start`.
pub fn sshd_env_file() -> PathBuf {
    let dir = std::env::var_os("VIRTWIRE_SSHD_DIR")
        .map_or_else(|| PathBuf::from("/tmp/virtwire-sshd"), PathBuf::from);
    dir.join("env")
}

/// The private sshd (loaded once; panics if it is not running, and starts
/// the private libvirtd's watchdog like [`daemon`]).
pub fn sshd() -> &'static SshdEnv {
    static ENV: OnceLock<SshdEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        daemon();
        let file = EnvFile::load(sshd_env_file(), "the private sshd", "scripts/sshd.sh start");
        let path = file.path.clone();
        let get = |key: &str| file.get(key);
        let pid = get("VIRTWIRE_SSHD_PID");
        assert!(
            Path::new(&format!("/proc/{pid}")).exists(),
            "the private sshd (pid {pid}) from {} is not running: run `scripts/sshd.sh start`",
            path.display()
        );
        SshdEnv {
            port: get("VIRTWIRE_SSHD_PORT")
                .parse()
                .unwrap_or_else(|e| panic!("bad VIRTWIRE_SSHD_PORT in {}: {e}", path.display())),
            key: get("VIRTWIRE_SSHD_KEY"),
            known_hosts: get("VIRTWIRE_SSHD_KNOWN_HOSTS"),
            ssh: get("VIRTWIRE_SSHD_SSH"),
            password_user: get("VIRTWIRE_SSHD_PASSWORD_USER"),
            password: get("VIRTWIRE_SSHD_PASSWORD"),
        }
    })
}

/// `DRIVER+ssh://root@127.0.0.1:PORT/PATH?keyfile=…&command=<wrapper>&EXTRA`
/// to the private sshd, trusting its host key through the wrapper.
pub fn ssh_uri(driver: &str, path: &str, extra: &str) -> String {
    let s = sshd();
    let mut uri = format!(
        "{driver}+ssh://root@127.0.0.1:{}{path}?keyfile={}&command={}",
        s.port, s.key, s.ssh
    );
    if !extra.is_empty() {
        uri.push('&');
        uri.push_str(extra);
    }
    uri
}

/// Opens `uri` with `options`; panics naming the URI when it fails.
pub async fn connect_with(options: virtwire::ConnectOptions, uri: &str) -> virtwire::Client {
    options
        .connect(uri)
        .await
        .unwrap_or_else(|e| panic!("{uri}: {e}"))
}

/// Opens `uri` with `options` and expects a refusal, which must not show
/// `secret` in its message or `Debug` form (credentials never leak into
/// errors). Prints the message, so a test run shows what users see.
pub async fn refused_without(
    options: virtwire::ConnectOptions,
    uri: &str,
    secret: &str,
) -> virtwire::Error {
    match options.connect(uri).await {
        Ok(_) => panic!("{uri} connected, but must be refused"),
        Err(e) => {
            eprintln!("{uri}\n  -> {e}");
            let text = format!("{e} {e:?}");
            assert!(!text.contains(secret), "an error shows the secret: {e}");
            e
        }
    }
}

/// The SASL daemon of `scripts/sasl-daemon.sh start`: an unprivileged
/// libvirtd whose unix, TCP and TLS listeners all demand SASL.
#[derive(Debug, Clone)]
pub struct SaslDaemonEnv {
    /// Its unix socket.
    pub sock: String,
    /// `host:port` of its TCP listener (SASL with a security layer).
    pub tcp: String,
    /// `host:port` of its TLS listener (`localhost`, client certificate).
    pub tls: String,
    /// The sasldb user.
    pub user: String,
    /// That user's password.
    pub password: String,
    /// A realm the user also exists in.
    pub realm: String,
    /// The private KDC's `krb5.conf` (for `KRB5_CONFIG`).
    pub krb5_config: String,
    /// The test user's Kerberos credential cache (for `KRB5CCNAME`).
    pub krb5_ccname: String,
    /// The test user's Kerberos principal.
    pub krb5_principal: String,
}

/// The SASL daemon (loaded once; panics if it is not running).
pub fn sasl_daemon() -> &'static SaslDaemonEnv {
    static ENV: OnceLock<SaslDaemonEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        daemon();
        let dir = std::env::var_os("VIRTWIRE_SASL_DIR")
            .map_or_else(|| PathBuf::from("/tmp/virtwire-sasl"), PathBuf::from);
        let file = EnvFile::load(
            dir.join("env"),
            "the SASL daemon",
            "scripts/sasl-daemon.sh start",
        );
        let get = |key: &str| file.get(key);
        let pid = get("VIRTWIRE_SASL_PID");
        assert!(
            Path::new(&format!("/proc/{pid}")).exists(),
            "the SASL daemon (pid {pid}) is not running: run `scripts/sasl-daemon.sh start`"
        );
        SaslDaemonEnv {
            sock: get("VIRTWIRE_SASL_SOCK"),
            tcp: get("VIRTWIRE_SASL_TCP"),
            tls: get("VIRTWIRE_SASL_TLS"),
            user: get("VIRTWIRE_SASL_USER"),
            password: get("VIRTWIRE_SASL_PASSWORD"),
            realm: get("VIRTWIRE_SASL_REALM"),
            krb5_config: get("VIRTWIRE_KRB5_CONFIG"),
            krb5_ccname: get("VIRTWIRE_KRB5CCNAME"),
            krb5_principal: get("VIRTWIRE_KRB5_PRINCIPAL"),
        }
    })
}

/// A fresh directory for a QEMU guest's disk, readable by QEMU (which runs
/// as libvirt-qemu), holding an empty 16 MiB qcow2 image: `(dir, disk)`.
/// Leftovers of an earlier run of the same name go first.
pub fn guest_disk(name: &str) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("{name}-disk"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let disk = dir.join("disk.qcow2");
    let status = std::process::Command::new("qemu-img")
        .args(["create", "-q", "-f", "qcow2"])
        .arg(&disk)
        .arg("16M")
        .status()
        .expect("run qemu-img");
    assert!(status.success(), "qemu-img create failed");
    (dir, disk)
}

/// Removes a test's domain, running or not (destroy, then undefine).
pub async fn remove_test_domain(dom: &virtwire::Domain) {
    if dom.is_active().await.unwrap_or(false) {
        dom.destroy().await.expect("destroy");
    }
    if dom.is_persistent().await.unwrap_or(false) {
        dom.undefine_flags(virtwire::api::DomainUndefineFlagsValues::empty())
            .await
            .expect("undefine");
    }
}
