//! The commands behind the `ssh` and `ext` transports, built as libvirt
//! 11.3.0 builds them.
//!
//! * `ssh`: `ssh [-p PORT] [-l USER] [-i KEYFILE] -T -e none
//!   [-o BatchMode=yes] [-o StrictHostKeyChecking=no] -- HOST 'REMOTE'`
//!   (`virNetSocketNewConnectSSH`), where `REMOTE` is one `sh -c '...'`
//!   string that runs `virt-ssh-helper` or netcat on the far side
//!   (`virNetClientSSHHelperCommand`). `command=` replaces `ssh`.
//! * `ext`: `command=` alone, with no arguments
//!   (`REMOTE_DRIVER_TRANSPORT_EXT` in `doRemoteOpen`).

use crate::error::{Error, ErrorKind, Result};
use crate::uri::{self, ClientConfig, ConnectUri, Environment, ProxyMode, RemoteParams, UriError};

/// The program that relays to the daemon on the remote host in native
/// proxy mode.
pub(crate) const SSH_HELPER: &str = "virt-ssh-helper";

/// The netcat binary used when `netcat=` does not name one.
const DEFAULT_NETCAT: &str = "nc";

/// Characters that make libvirt quote a string for the shell
/// (`virBufferEscapeShell`).
const SHELL_META: &[char] = &[
    '\r', '\t', '\n', ' ', '!', '"', '#', '$', '&', '\'', '(', ')', '*', ';', '<', '>', '?', '[',
    '\\', ']', '^', '`', '{', '|', '}', '~',
];

/// Quotes `s` for `/bin/sh` the way `virBufferEscapeShell` does: unchanged
/// when it has no shell metacharacter, `''` when empty, else in single
/// quotes with each `'` written as `'\''`.
pub(crate) fn escape_shell(s: &str) -> String {
    if s.is_empty() {
        return "''".to_owned();
    }
    if !s.contains(SHELL_META) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if c == '\'' {
            out.push_str("'\\'");
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Two rounds of [`escape_shell`]: the remote sshd runs the command through
/// a shell, and the command runs `sh -c` again
/// (`virNetClientDoubleEscapeShell`).
fn double_escape(s: &str) -> String {
    escape_shell(&escape_shell(s))
}

/// The command run on the remote host (`virNetClientSSHHelperCommand`).
///
/// `proxy` is the resolved mode; an `Auto` with a `netcat` path becomes
/// `Netcat`, and `Native` with a `netcat` path is refused, as in libvirt.
/// The socket path is inserted as given (libvirt does not quote it).
pub(crate) fn remote_command(
    proxy: ProxyMode,
    netcat: Option<&str>,
    socket: &str,
    helper_uri: &str,
    read_only: bool,
) -> Result<String> {
    let proxy = effective_proxy(proxy, netcat);
    let nc = double_escape(netcat.unwrap_or(DEFAULT_NETCAT));
    let nc_command = format!(
        "if '{nc}' -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then \
         ARG=-q0;else ARG=;fi;'{nc}' $ARG -U {socket}"
    );
    let helper_command = format!(
        "{SSH_HELPER}{}'{}'",
        if read_only { " -r " } else { " " },
        double_escape(helper_uri)
    );
    Ok(match proxy {
        ProxyMode::Auto => format!(
            "sh -c 'which {SSH_HELPER} 1>/dev/null 2>&1; if test $? = 0; then     \
             {helper_command}; else    {nc_command}; fi'"
        ),
        ProxyMode::Netcat => format!("sh -c '{nc_command}'"),
        ProxyMode::Native => {
            if netcat.is_some() {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    "netcat path not valid with native proxy mode",
                ));
            }
            format!("sh -c '{helper_command}'")
        }
    })
}

/// `proxy` after libvirt's rule that a `netcat=` path asks for netcat.
fn effective_proxy(proxy: ProxyMode, netcat: Option<&str>) -> ProxyMode {
    match (proxy, netcat) {
        (ProxyMode::Auto, Some(_)) => ProxyMode::Netcat,
        (proxy, _) => proxy,
    }
}

/// The options of one `ssh` invocation.
#[derive(Debug, Clone, Default)]
pub(crate) struct SshOptions<'a> {
    /// The host to log in to.
    pub(crate) host: &'a str,
    /// `-p`, when the URI names a port.
    pub(crate) port: Option<u16>,
    /// `-l`, when the URI names a user.
    pub(crate) user: Option<&'a str>,
    /// `-i`, from `keyfile=`.
    pub(crate) keyfile: Option<&'a str>,
    /// `-o BatchMode=yes`, from `no_tty=1`.
    pub(crate) no_tty: bool,
    /// `-o StrictHostKeyChecking=no`, from `no_verify=1`.
    pub(crate) no_verify: bool,
}

/// The arguments given to `ssh` (not including the program), in
/// `virNetSocketNewConnectSSH`'s order.
pub(crate) fn ssh_args(options: &SshOptions<'_>, remote: String) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(port) = options.port {
        args.extend(["-p".to_owned(), port.to_string()]);
    }
    if let Some(user) = options.user {
        args.extend(["-l".to_owned(), user.to_owned()]);
    }
    if let Some(keyfile) = options.keyfile {
        args.extend(["-i".to_owned(), keyfile.to_owned()]);
    }
    args.extend(["-T", "-e", "none"].map(str::to_owned));
    if options.no_tty {
        args.extend(["-o", "BatchMode=yes"].map(str::to_owned));
    }
    if options.no_verify {
        args.extend(["-o", "StrictHostKeyChecking=no"].map(str::to_owned));
    }
    args.extend(["--".to_owned(), options.host.to_owned(), remote]);
    args
}

/// Everything needed to start the program behind an `ssh` or `ext` URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The program: `ssh`, or `command=`.
    pub(crate) program: String,
    /// Its arguments.
    pub(crate) args: Vec<String>,
    /// The programs the remote shell runs to reach the daemon, recognised
    /// in "not found" messages on stderr.
    pub(crate) remote_programs: Vec<String>,
}

/// What the far side of an SSH connection runs to reach the daemon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RemotePlan {
    /// The one command string given to the remote shell.
    pub(crate) command: String,
    /// The programs that command runs, recognised in "not found" messages.
    pub(crate) programs: Vec<String>,
}

/// The remote command of the SSH transports for `uri` (`ssh`, `libssh`,
/// `libssh2` alike, as `virNetClientSSHHelperCommand` serves all three):
/// the remote socket comes from `socket=` or libvirt's socket rules, the
/// proxy from `proxy=`, `remote_proxy` in libvirt.conf, or the default.
pub(crate) fn plan_remote(
    uri: &ConnectUri,
    params: &RemoteParams,
    read_only: bool,
    env: &dyn Environment,
) -> Result<RemotePlan> {
    let config = ClientConfig::load(env).map_err(Error::uri)?;
    let socket = uri::unix_socket_with(Some(uri), read_only, env, &config)
        .map_err(Error::uri)?
        .ok_or_else(|| Error::uri(UriError::NoDaemonSocket))?;
    let proxy = ProxyMode::resolve(
        params.proxy,
        config.remote_proxy().map_err(Error::uri)?,
        params.socket.is_some(),
        socket.session,
    );
    let helper_uri = uri.ssh_helper_name().map_err(Error::uri)?;
    let netcat = params.netcat.as_deref();
    let command = remote_command(
        proxy,
        netcat,
        &socket.path.to_string_lossy(),
        &helper_uri,
        read_only,
    )?;
    let programs = match effective_proxy(proxy, netcat) {
        ProxyMode::Native => vec![SSH_HELPER.to_owned()],
        ProxyMode::Netcat => vec![netcat.unwrap_or(DEFAULT_NETCAT).to_owned()],
        ProxyMode::Auto => vec![SSH_HELPER.to_owned(), DEFAULT_NETCAT.to_owned()],
    };
    Ok(RemotePlan { command, programs })
}

/// The `ssh` command for `uri` (`doRemoteOpen`'s SSH case), with the remote
/// command of [`plan_remote`].
pub(crate) fn plan_ssh(uri: &ConnectUri, read_only: bool, env: &dyn Environment) -> Result<Plan> {
    let params = RemoteParams::from_uri(uri).map_err(Error::uri)?;
    let remote = plan_remote(uri, &params, read_only, env)?;
    let options = SshOptions {
        host: uri.hostname(),
        port: uri.port(),
        user: uri.user(),
        keyfile: params.keyfile.as_deref(),
        no_tty: params.no_tty,
        no_verify: params.no_verify,
    };
    Ok(Plan {
        program: params.command.clone().unwrap_or_else(|| "ssh".to_owned()),
        args: ssh_args(&options, remote.command),
        remote_programs: remote.programs,
    })
}

/// The `ext` command for `uri`: `command=`, run with no arguments.
pub(crate) fn plan_ext(uri: &ConnectUri) -> Result<Plan> {
    let params = RemoteParams::from_uri(uri).map_err(Error::uri)?;
    let program = params
        .command
        .ok_or_else(|| Error::uri(UriError::MissingCommand))?;
    Ok(Plan {
        program,
        args: Vec::new(),
        remote_programs: Vec::new(),
    })
}

#[cfg(test)]
#[path = "ssh_tests.rs"]
mod tests;
