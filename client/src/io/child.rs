//! A child process as the byte stream to the daemon: the `ssh` and `ext`
//! transports write to its stdin and read its stdout, as libvirt does
//! (`virNetSocketNewConnectCommand`).
//!
//! The child's stderr is kept (its last [`STDERR_LIMIT`] bytes) so that a
//! connection that fails can say why: ssh reports refused logins, unknown
//! hosts and a missing remote helper there. A supervisor task owns the
//! process: it records the exit status, and when the stream is dropped it
//! gives the child [`EXIT_GRACE`] to leave on its own (its stdin is closed)
//! before killing it.

use std::ffi::OsString;
use std::io;
use std::io::IoSlice;
use std::pin::Pin;
use std::process::{ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};
use tokio::process::{Child, ChildStderr, ChildStdin, ChildStdout, Command};
use tokio::sync::{oneshot, watch};

use super::tunnel_end::{EndWatch, TunnelEnd, settle};
use crate::error::{CommandFailure, CommandFailureKind, Error};

/// How much of the child's stderr is kept: the last 8 KiB.
pub(crate) const STDERR_LIMIT: usize = 8 * 1024;

/// How long a child whose stream was dropped may take to exit before it is
/// killed.
const EXIT_GRACE: Duration = Duration::from_millis(500);

/// The variables libvirt passes to every command it runs
/// (`virCommandAddEnvPassCommon`), besides `LC_ALL=C`.
const COMMON_ENV: &[&str] = &[
    "LD_PRELOAD",
    "LD_LIBRARY_PATH",
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "TMPDIR",
];

/// The extra variables libvirt passes to `ssh` (`virNetSocketNewConnectSSH`):
/// agent, Kerberos and askpass settings.
pub(crate) const SSH_ENV: &[&str] = &[
    "XDG_RUNTIME_DIR",
    "KRB5CCNAME",
    "SSH_AUTH_SOCK",
    "SSH_ASKPASS",
    "OPENSSL_CONF",
    "DISPLAY",
    "XAUTHORITY",
];

/// What to run and how.
pub(crate) struct Spawn<'a> {
    /// The program (looked up in `PATH` when it has no slash).
    pub(crate) program: &'a str,
    /// Its arguments, not including the program.
    pub(crate) args: Vec<String>,
    /// Environment variables passed on besides [`COMMON_ENV`]; everything
    /// else is cleared, as libvirt does.
    pub(crate) extra_env: &'a [&'a str],
    /// Keep the caller's controlling terminal (so ssh can prompt for a
    /// password or a host key). When false the child runs in a new session
    /// without one, and anything that would prompt fails instead.
    pub(crate) terminal: bool,
}

/// The child's state as the supervisor and the stderr reader see it.
#[derive(Default)]
struct State {
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    stderr_closed: bool,
}

/// What is known about a running or finished child; shared by the stream,
/// the supervisor and whoever reports a failure.
pub(crate) struct Monitor {
    program: String,
    state: Mutex<State>,
    /// Becomes true once the exit status is known and stderr is closed.
    done: watch::Sender<bool>,
}

impl Monitor {
    fn update(&self, f: impl FnOnce(&mut State)) {
        let mut state = self.state.lock().expect("child monitor lock");
        f(&mut state);
        let done = state.status.is_some() && state.stderr_closed;
        drop(state);
        if done {
            self.done.send_replace(true);
        }
    }

    /// The exit status, if the child has exited.
    pub(crate) fn status(&self) -> Option<ExitStatus> {
        self.state.lock().expect("child monitor lock").status
    }

    /// The kept stderr text, trimmed, lossily decoded.
    pub(crate) fn stderr(&self) -> String {
        let state = self.state.lock().expect("child monitor lock");
        String::from_utf8_lossy(&state.stderr).trim().to_owned()
    }

    /// The program that was run.
    pub(crate) fn program(&self) -> &str {
        &self.program
    }

    /// The error for a connection that failed before it was set up: `cause`
    /// is the error the handshake got; the child's exit status and stderr
    /// are added, and a remote shell's "not found" for `remote_programs`
    /// (virt-ssh-helper, netcat) is recognised.
    pub(crate) async fn failure(&self, cause: Error, remote_programs: &[&str]) -> Error {
        if !cause.is_closed() {
            return cause;
        }
        settle(self).await;
        let stderr = self.stderr();
        let kind = match missing_program(&stderr, remote_programs) {
            Some(program) => CommandFailureKind::RemoteProgramMissing { program },
            None => CommandFailureKind::Closed,
        };
        let message = match &kind {
            CommandFailureKind::RemoteProgramMissing { program } => format!(
                "the remote host has no `{program}` to reach the daemon through: {}",
                self.describe()
            ),
            _ => {
                let described = self.describe();
                // The end of file of the stream already carries the report.
                let cause = cause.to_string();
                if cause.contains(&described) {
                    format!(
                        "the connection through `{}` closed before it was set up: {described}",
                        self.program
                    )
                } else {
                    format!(
                        "the connection through `{}` closed before it was set up ({cause}): \
                         {described}",
                        self.program
                    )
                }
            }
        };
        Error::command(
            CommandFailure {
                program: self.program.clone(),
                kind,
                status: self.status(),
                stderr,
            },
            message,
        )
    }
}

/// The program a shell reported as missing (`sh: 1: nc: not found`, `bash:
/// line 1: virt-ssh-helper: command not found`), if it is one of `programs`
/// (compared by full text and by file name).
pub(crate) fn missing_program(stderr: &str, programs: &[&str]) -> Option<String> {
    stderr.lines().find_map(|line| {
        let line = line.trim_end();
        let head = line
            .strip_suffix(": command not found")
            .or_else(|| line.strip_suffix(": not found"))
            .or_else(|| line.strip_suffix(": No such file or directory"))?;
        let name = head.rsplit(": ").next()?.trim();
        let file_name = |p: &str| p.rsplit('/').next().unwrap_or(p).to_owned();
        programs
            .iter()
            .any(|p| *p == name || file_name(p) == file_name(name))
            .then(|| name.to_owned())
    })
}

impl TunnelEnd for Monitor {
    fn done(&self) -> watch::Receiver<bool> {
        self.done.subscribe()
    }

    /// `` `ssh` exited with exit status: 255: <stderr> ``, or what is known.
    fn describe(&self) -> String {
        let mut text = match self.status() {
            Some(status) => format!("`{}` ended ({status})", self.program),
            None => format!("`{}` is still running", self.program),
        };
        let stderr = self.stderr();
        if stderr.is_empty() {
            text.push_str(", with nothing on stderr");
        } else {
            text.push_str(": ");
            text.push_str(&stderr);
        }
        text
    }

    /// Whether the end of the stream is worth an error rather than a plain
    /// end of file: the child failed or complained.
    fn failed(&self) -> bool {
        let state = self.state.lock().expect("child monitor lock");
        !state.stderr.is_empty() || state.status.is_some_and(|s| !s.success())
    }
}

/// A running child's stdin and stdout as one byte stream.
pub(crate) struct ChildStream {
    /// `None` once shut down: closing the pipe is how the child sees the end
    /// (tokio's own shutdown of a pipe leaves it open).
    stdin: Option<ChildStdin>,
    stdout: ChildStdout,
    /// Reports a failed end with the child's status and stderr.
    end: EndWatch<Monitor>,
    /// Dropping it tells the supervisor to end the child.
    _stop: oneshot::Sender<()>,
}

/// Starts `spec` with piped stdin, stdout and stderr.
///
/// A program that cannot be started gives a [`CommandFailure`] of kind
/// [`CommandFailureKind::NotFound`] or [`CommandFailureKind::Spawn`].
pub(crate) fn spawn(spec: &Spawn<'_>) -> Result<(ChildStream, Arc<Monitor>), Error> {
    let mut command = Command::new(spec.program);
    command.args(&spec.args).env_clear().env("LC_ALL", "C");
    for name in COMMON_ENV.iter().chain(spec.extra_env) {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        } else if *name == "PATH" {
            command.env("PATH", OsString::from("/bin:/usr/bin"));
        }
    }
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    if !spec.terminal {
        // SAFETY: setsid is async-signal-safe and touches no memory of the
        // parent; the closure allocates nothing.
        unsafe {
            command.pre_exec(|| rustix::process::setsid().map(drop).map_err(io::Error::from));
        }
    }
    let mut child = command.spawn().map_err(|e| {
        let kind = if e.kind() == io::ErrorKind::NotFound {
            CommandFailureKind::NotFound
        } else {
            CommandFailureKind::Spawn
        };
        let message = match kind {
            CommandFailureKind::NotFound => {
                format!("cannot run `{}`: no such program ({e})", spec.program)
            }
            _ => format!("cannot run `{}`: {e}", spec.program),
        };
        Error::command(
            CommandFailure {
                program: spec.program.to_owned(),
                kind,
                status: None,
                stderr: String::new(),
            },
            message,
        )
        .with_source(e)
    })?;
    tracing::debug!(program = spec.program, args = ?spec.args, pid = child.id(), "spawned");
    let take = |what: &str| Error::new(crate::ErrorKind::Connection, format!("no {what} pipe"));
    let stdin = child.stdin.take().ok_or_else(|| take("stdin"))?;
    let stdout = child.stdout.take().ok_or_else(|| take("stdout"))?;
    let stderr = child.stderr.take().ok_or_else(|| take("stderr"))?;
    let monitor = Arc::new(Monitor {
        program: spec.program.to_owned(),
        state: Mutex::new(State::default()),
        done: watch::Sender::new(false),
    });
    let (stop, stopped) = oneshot::channel();
    tokio::spawn(read_stderr(stderr, monitor.clone()));
    tokio::spawn(supervise(child, stopped, monitor.clone()));
    let stream = ChildStream {
        stdin: Some(stdin),
        stdout,
        end: EndWatch::new(monitor.clone(), "end of file from"),
        _stop: stop,
    };
    Ok((stream, monitor))
}

/// Keeps the last [`STDERR_LIMIT`] bytes of the child's stderr.
async fn read_stderr(mut stderr: ChildStderr, monitor: Arc<Monitor>) {
    let mut chunk = [0u8; 1024];
    loop {
        match stderr.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => monitor.update(|state| {
                state.stderr.extend_from_slice(&chunk[..n]);
                let excess = state.stderr.len().saturating_sub(STDERR_LIMIT);
                state.stderr.drain(..excess);
            }),
        }
    }
    monitor.update(|state| state.stderr_closed = true);
}

/// Waits for the child, or ends it once the stream is gone.
async fn supervise(mut child: Child, mut stopped: oneshot::Receiver<()>, monitor: Arc<Monitor>) {
    let status = tokio::select! {
        status = child.wait() => status.ok(),
        _ = &mut stopped => {
            match tokio::time::timeout(EXIT_GRACE, child.wait()).await {
                Ok(status) => status.ok(),
                Err(_) => {
                    let _ = child.start_kill();
                    child.wait().await.ok()
                }
            }
        }
    };
    tracing::debug!(program = monitor.program(), ?status, "child ended");
    monitor.update(|state| state.status = status);
}

impl AsyncRead for ChildStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        this.end.poll_read(&mut this.stdout, cx, buf)
    }
}

impl ChildStream {
    fn stdin(&mut self) -> io::Result<Pin<&mut ChildStdin>> {
        match self.stdin.as_mut() {
            Some(stdin) => Ok(Pin::new(stdin)),
            None => Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the child's stdin is closed",
            )),
        }
    }
}

impl AsyncWrite for ChildStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.stdin()?.poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.stdin()?.poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stdin.as_ref().is_some_and(|s| s.is_write_vectored())
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.stdin.as_mut() {
            Some(stdin) => Pin::new(stdin).poll_flush(cx),
            None => Poll::Ready(Ok(())),
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(stdin) = self.stdin.as_mut() {
            ready!(Pin::new(stdin).poll_flush(cx))?;
        }
        self.stdin = None;
        Poll::Ready(Ok(()))
    }
}
