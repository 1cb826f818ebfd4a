//! Opening the byte stream to the daemon: unix sockets and TCP.

use crate::error::{Error, ErrorKind, Result};
use std::net::SocketAddr;
use std::path::Path;
use tokio::net::{TcpStream, UnixStream};

/// Connects to a daemon's unix socket.
pub(crate) async fn unix(path: &Path) -> Result<UnixStream> {
    UnixStream::connect(path).await.map_err(|e| {
        Error::io(
            &format!("cannot connect to the libvirt socket {}", path.display()),
            e,
        )
    })
}

/// Connects over TCP to `host:port`, trying each resolved address in turn.
pub(crate) async fn tcp(host: &str, port: u16) -> Result<TcpStream> {
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| Error::io(&format!("cannot resolve {host}"), e))?
        .collect();
    let mut last = None;
    for addr in &addrs {
        match TcpStream::connect(addr).await {
            Ok(stream) => {
                // Calls are small and latency-bound.
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(match last {
        Some(e) => Error::io(&format!("cannot connect to {host}:{port}"), e),
        None => Error::new(
            ErrorKind::Connection,
            format!("{host} resolved to no address"),
        ),
    })
}
