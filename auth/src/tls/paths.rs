//! Where libvirt's client looks for its PEM files
//! (`virNetTLSContextLocateCredentials`, `src/rpc/virnettlscontext.c`).

use std::path::{Path, PathBuf};

/// The per-user PKI directory under the home directory, used by clients
/// not running as root.
pub const USER_PKI_SUBDIR: &str = ".pki/libvirt";

const SYSTEM_CA_DIR: &str = "/etc/pki/CA";
const SYSTEM_CERT_DIR: &str = "/etc/pki/libvirt";
const SYSTEM_KEY_DIR: &str = "/etc/pki/libvirt/private";

/// The four files of a TLS client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkiFiles {
    /// `cacert.pem`: the CA certificates the server's chain must lead to.
    pub ca_cert: PathBuf,
    /// `cacrl.pem`: a revocation list, used when it exists.
    pub ca_crl: PathBuf,
    /// `clientcert.pem`: the client's certificate, presented when it and
    /// its key exist.
    pub client_cert: PathBuf,
    /// `clientkey.pem`: the client certificate's private key.
    pub client_key: PathBuf,
}

impl PkiFiles {
    /// libvirt's search:
    /// - `pkipath=` given: all four files in that directory, whether they
    ///   exist or not;
    /// - otherwise, for a client not running as root (`user_dir` is then
    ///   `~/.pki/libvirt`): each of the CA certificate and CRL from there
    ///   if it exists, and the certificate and key from there if both
    ///   exist;
    /// - what is left from the system layout: `/etc/pki/CA/cacert.pem`,
    ///   `/etc/pki/CA/cacrl.pem`, `/etc/pki/libvirt/clientcert.pem` and
    ///   `/etc/pki/libvirt/private/clientkey.pem`.
    pub fn locate(
        pkipath: Option<&Path>,
        user_dir: Option<&Path>,
        exists: &dyn Fn(&Path) -> bool,
    ) -> Self {
        if let Some(dir) = pkipath {
            return Self::in_dir(dir, dir, dir);
        }
        let system = Self::in_dir(
            Path::new(SYSTEM_CA_DIR),
            Path::new(SYSTEM_CERT_DIR),
            Path::new(SYSTEM_KEY_DIR),
        );
        let Some(dir) = user_dir else {
            return system;
        };
        let user = Self::in_dir(dir, dir, dir);
        let pick = |u: PathBuf, s: PathBuf| if exists(&u) { u } else { s };
        let pair = exists(&user.client_cert) && exists(&user.client_key);
        Self {
            ca_cert: pick(user.ca_cert, system.ca_cert),
            ca_crl: pick(user.ca_crl, system.ca_crl),
            client_cert: if pair {
                user.client_cert
            } else {
                system.client_cert
            },
            client_key: if pair {
                user.client_key
            } else {
                system.client_key
            },
        }
    }

    /// The files for this process: `pkipath`, else the user's directory
    /// under `home` when `euid` is not root, else the system layout.
    pub fn for_process(pkipath: Option<&Path>, euid: u32, home: Option<&Path>) -> Self {
        let user = home.filter(|_| euid != 0).map(|h| h.join(USER_PKI_SUBDIR));
        Self::locate(pkipath, user.as_deref(), &|p| p.exists())
    }

    fn in_dir(ca: &Path, cert: &Path, key: &Path) -> Self {
        Self {
            ca_cert: ca.join("cacert.pem"),
            ca_crl: ca.join("cacrl.pem"),
            client_cert: cert.join("clientcert.pem"),
            client_key: key.join("clientkey.pem"),
        }
    }
}
