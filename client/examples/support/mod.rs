//! Shared by the examples: where the private daemon of `scripts/libvirtd.sh` listens.

/// `test:///default` through the private daemon's unix socket, read from
/// `VIRTWIRE_LIBVIRTD_SOCK` or the daemon's env file (`$VIRTWIRE_RUN_DIR/env`,
/// default `/tmp/virtwire-libvirtd/env`). `None` when neither is there.
pub fn private_daemon_uri() -> Option<String> {
    let sock = std::env::var("VIRTWIRE_LIBVIRTD_SOCK").ok().or_else(|| {
        let dir =
            std::env::var("VIRTWIRE_RUN_DIR").unwrap_or_else(|_| "/tmp/virtwire-libvirtd".into());
        let env = std::fs::read_to_string(format!("{dir}/env")).ok()?;
        env.lines()
            .find_map(|l| l.strip_prefix("VIRTWIRE_LIBVIRTD_SOCK=").map(str::to_owned))
    })?;
    Some(format!("test+unix:///default?socket={sock}"))
}
