//! [`CyrusSession`]: SASL through the system's Cyrus SASL library
//! (libsasl2), for the mechanisms with a security layer that libvirt's
//! daemon offers: DIGEST-MD5 and GSSAPI (Kerberos). Same sans-IO shape as
//! [`super::SaslSession`]: [`CyrusSession::start`] makes the
//! `AUTH_SASL_START` message, [`CyrusSession::next`] answers each reply.
//! After success, [`CyrusSession::into_layer`] gives the negotiated
//! [`SecurityLayer`] when its SSF is above zero.
//!
//! Set up as libvirt's client does (`virnetsaslcontext.c`,
//! `remoteAuthSASL`): service `libvirt`, the URI's host name, the socket
//! addresses as `ip;port`, `SASL_SUCCESS_DATA`; on a secure channel SSF
//! 0..0 with anonymous mechanisms allowed (and TLS's key size as the
//! external SSF), on plain TCP 56..100000 without anonymous or plaintext
//! mechanisms and a result below 56 refused. Credentials are answered
//! through `SASL_INTERACT` prompts, never logged.
//!
//! Cyrus calls block: a GSSAPI step may talk to the KDC. They are short
//! and run on the connecting task.

use std::ffi::{CStr, CString, c_char, c_int, c_uint, c_void};
use std::net::SocketAddr;
use std::ptr;
use std::sync::OnceLock;

use sasl2_sys::prelude as sys;

use super::credentials::CredentialType;
use super::error::SaslError;
use super::layer::{MIN_TCP_SSF, SecurityLayer};
use super::session::{CredentialSources, SaslNext, SaslStart};

/// The mechanisms this backend is meant for (Cyrus may have more; the
/// daemon's list and the security properties decide).
pub const CYRUS_MECHANISMS: &[&str] = &["GSSAPI", "DIGEST-MD5"];

/// `REMOTE_AUTH_SASL_DATA_MAX`.
const DATA_MAX: usize = 65536;

/// libvirt's `maxbufsize` security property (`1 << 16`).
const MAX_BUF: c_uint = 1 << 16;

/// libvirt's `max_ssf` on plain TCP ("AES == 256" with room to spare).
const MAX_TCP_SSF: c_uint = 100_000;

/// The credential prompts registered with Cyrus: their procedures stay
/// null so that Cyrus returns `SASL_INTERACT` and lets this code answer.
const PROMPTS: &[std::ffi::c_ulong] = &[
    sys::SASL_CB_USER,
    sys::SASL_CB_AUTHNAME,
    sys::SASL_CB_PASS,
    sys::SASL_CB_GETREALM,
];

/// What Cyrus needs to know about the connection.
#[derive(Debug, Clone, Default)]
pub struct CyrusChannel {
    /// A unix socket, TLS or SSH: no layer needed (libvirt's `is_secure`).
    pub secure: bool,
    /// The host name from the URI (GSSAPI's service principal is
    /// `libvirt/HOST`).
    pub host: String,
    /// This end's TCP address, if the connection is TCP.
    pub local: Option<SocketAddr>,
    /// The daemon's TCP address, if the connection is TCP.
    pub remote: Option<SocketAddr>,
    /// Over TLS: the cipher's key size in bits (Cyrus's external SSF).
    pub external_ssf: Option<u32>,
}

/// Initialises the client library once per process (`sasl_client_init`,
/// which loads the mechanism plugins).
fn init() -> Result<(), SaslError> {
    static INIT: OnceLock<c_int> = OnceLock::new();
    // SAFETY: a null callback list is allowed; OnceLock runs this once.
    let rc = *INIT.get_or_init(|| unsafe { sys::sasl_client_init(ptr::null()) });
    if rc == sys::SASL_OK {
        Ok(())
    } else {
        Err(SaslError::Library(format!(
            "cannot initialise Cyrus SASL: {}",
            errstring(rc)
        )))
    }
}

/// Cyrus's text for a result code.
fn errstring(rc: c_int) -> String {
    // SAFETY: sasl_errstring returns a static string (or null).
    let s = unsafe { sys::sasl_errstring(rc, ptr::null(), ptr::null_mut()) };
    if s.is_null() {
        format!("error {rc}")
    } else {
        // SAFETY: non-null, NUL-terminated, static.
        unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned()
    }
}

/// libvirt's address form for SASL: `ip;port` (IPv6 without brackets).
fn addr_string(addr: Option<SocketAddr>) -> Result<Option<CString>, SaslError> {
    addr.map(|a| CString::new(format!("{};{}", a.ip(), a.port())))
        .transpose()
        .map_err(|_| SaslError::Library("address with a NUL byte".into()))
}

/// A Cyrus connection context and everything whose address it keeps:
/// the callback list and the answers given to its prompts. Disposed (and
/// the answers wiped) on drop.
struct Conn {
    conn: *mut sys::sasl_conn_t,
    /// Cyrus keeps a pointer to this list for the context's life.
    _callbacks: Box<[sys::sasl_callback_t]>,
    /// Answers to prompts: Cyrus reads them through raw pointers until the
    /// next start/step call at least, so they live as long as the context.
    answers: Vec<Vec<u8>>,
}

// SAFETY: a sasl_conn_t is not tied to a thread; it is only ever used
// through `&mut Conn` (one caller at a time), and the pointers it holds
// point into heap memory owned by this same struct.
unsafe impl Send for Conn {}

impl Conn {
    /// Cyrus's detail on the last error of this context.
    fn detail(&self, rc: c_int) -> String {
        // SAFETY: the context is live; the string belongs to it.
        let s = unsafe { sys::sasl_errdetail(self.conn) };
        if s.is_null() {
            errstring(rc)
        } else {
            // SAFETY: non-null and NUL-terminated.
            unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned()
        }
    }

    /// An unsigned property (`SASL_SSF`, `SASL_MAXOUTBUF`).
    fn uint_prop(&self, prop: c_uint) -> Result<c_uint, SaslError> {
        let mut value: *const c_void = ptr::null();
        // SAFETY: the context is live; Cyrus points `value` at its own
        // unsigned int for these properties.
        let rc = unsafe { sys::sasl_getprop(self.conn, prop as c_int, &mut value) };
        if rc != sys::SASL_OK || value.is_null() {
            return Err(SaslError::Library(format!(
                "cannot read a SASL property: {}",
                self.detail(rc)
            )));
        }
        // SAFETY: checked non-null above; it points at a c_uint.
        Ok(unsafe { *value.cast::<c_uint>() })
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        // SAFETY: the context came from sasl_client_new and is disposed
        // once; sasl_dispose nulls the pointer.
        unsafe { sys::sasl_dispose(&mut self.conn) };
        for a in &mut self.answers {
            a.fill(0);
        }
    }
}

/// One exchange through Cyrus SASL.
pub struct CyrusSession {
    conn: Conn,
    mechanism: String,
    secure: bool,
    /// The last start/step returned `SASL_OK` (the client is complete).
    client_done: bool,
    sources: CredentialSources,
}

impl std::fmt::Debug for CyrusSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CyrusSession")
            .field("mechanism", &self.mechanism)
            .field("secure", &self.secure)
            .field("client_done", &self.client_done)
            .finish_non_exhaustive()
    }
}

/// What a start or step call gave.
struct Output {
    rc: c_int,
    data: Option<Vec<u8>>,
}

impl CyrusSession {
    /// Chooses a mechanism from the daemon's comma-separated `offered`
    /// list (only `wanted` if given, from `auth=sasl.MECH`) with the
    /// security properties `channel` calls for, and makes the initial
    /// response.
    pub fn start(
        offered: &str,
        wanted: Option<&str>,
        channel: &CyrusChannel,
        credentials: CredentialSources,
    ) -> Result<(Self, SaslStart), SaslError> {
        init()?;
        let list: Vec<&str> = offered
            .split([',', ' '])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .collect();
        let mechlist = match wanted {
            Some(w) => match list.iter().find(|m| m.eq_ignore_ascii_case(w)) {
                Some(m) => (*m).to_owned(),
                None => {
                    return Err(SaslError::NotOffered {
                        wanted: w.to_owned(),
                        offered: offered.to_owned(),
                    });
                }
            },
            None => list.join(","),
        };
        let c = |s: &str| {
            CString::new(s).map_err(|_| SaslError::Library("a name with a NUL byte".into()))
        };
        let service = c("libvirt")?;
        let host = c(&channel.host)?;
        let local = addr_string(channel.local)?;
        let remote = addr_string(channel.remote)?;
        let mut callbacks: Box<[sys::sasl_callback_t]> = PROMPTS
            .iter()
            .chain(std::iter::once(&sys::SASL_CB_LIST_END))
            .map(|&id| sys::sasl_callback_t {
                id,
                proc_: None,
                context: ptr::null_mut(),
            })
            .collect();
        let mut raw = ptr::null_mut();
        // SAFETY: every string is NUL-terminated and outlives the call
        // (Cyrus copies them); the callback list ends with LIST_END and
        // is kept alive in `Conn` for as long as the context.
        let rc = unsafe {
            sys::sasl_client_new(
                service.as_ptr(),
                host.as_ptr(),
                local.as_ref().map_or(ptr::null(), |s| s.as_ptr()),
                remote.as_ref().map_or(ptr::null(), |s| s.as_ptr()),
                callbacks.as_mut_ptr(),
                sys::SASL_SUCCESS_DATA,
                &mut raw,
            )
        };
        if rc != sys::SASL_OK {
            return Err(SaslError::Library(format!(
                "cannot make a SASL client context: {}",
                errstring(rc)
            )));
        }
        let conn = Conn {
            conn: raw,
            _callbacks: callbacks,
            answers: Vec::new(),
        };
        if let Some(bits) = channel.external_ssf {
            let ssf: sys::sasl_ssf_t = bits;
            // SAFETY: SASL_SSF_EXTERNAL takes a pointer to a sasl_ssf_t,
            // copied during the call.
            let rc = unsafe {
                sys::sasl_setprop(
                    conn.conn,
                    sys::SASL_SSF_EXTERNAL as c_int,
                    (&ssf as *const sys::sasl_ssf_t).cast(),
                )
            };
            if rc != sys::SASL_OK {
                return Err(SaslError::Library(format!(
                    "cannot set the external SSF: {}",
                    conn.detail(rc)
                )));
            }
        }
        let props = sys::sasl_security_properties_t {
            min_ssf: if channel.secure { 0 } else { MIN_TCP_SSF },
            max_ssf: if channel.secure { 0 } else { MAX_TCP_SSF },
            maxbufsize: MAX_BUF,
            security_flags: if channel.secure {
                0
            } else {
                sys::SASL_SEC_NOANONYMOUS | sys::SASL_SEC_NOPLAINTEXT
            },
            property_names: ptr::null_mut(),
            property_values: ptr::null_mut(),
        };
        // SAFETY: SASL_SEC_PROPS takes a pointer to the struct, copied.
        let rc = unsafe {
            sys::sasl_setprop(
                conn.conn,
                sys::SASL_SEC_PROPS as c_int,
                (&props as *const sys::sasl_security_properties_t).cast(),
            )
        };
        if rc != sys::SASL_OK {
            return Err(SaslError::Library(format!(
                "cannot set the security properties: {}",
                conn.detail(rc)
            )));
        }
        let mut this = Self {
            conn,
            // Named in errors until Cyrus has chosen.
            mechanism: mechlist.clone(),
            secure: channel.secure,
            client_done: false,
            sources: credentials,
        };
        let mechlist_c = c(&mechlist)?;
        let mut chosen: *const c_char = ptr::null();
        let out = this.call(|conn, prompts, out, len| {
            // SAFETY: the context is live, the list NUL-terminated; Cyrus
            // sets `chosen` to a string it owns for the context's life.
            unsafe {
                sys::sasl_client_start(conn, mechlist_c.as_ptr(), prompts, out, len, &mut chosen)
            }
        });
        let out = match out {
            Ok(out) => out,
            // Nothing in the list meets the security properties (or
            // Cyrus has no plugin for it).
            Err(SaslError::NoCommonMechanism { .. }) => {
                return Err(if channel.secure {
                    SaslError::NoCommonMechanism { offered: mechlist }
                } else {
                    SaslError::NoSecurityLayer {
                        mechanism: mechlist,
                    }
                });
            }
            Err(e) => return Err(e),
        };
        if chosen.is_null() {
            return Err(SaslError::Library("Cyrus chose no mechanism".into()));
        }
        // SAFETY: non-null, NUL-terminated, owned by the context.
        this.mechanism = unsafe { CStr::from_ptr(chosen) }
            .to_string_lossy()
            .into_owned();
        this.client_done = out.rc == sys::SASL_OK;
        tracing::debug!(mechanism = %this.mechanism, "Cyrus SASL start");
        let start = SaslStart {
            mechanism: this.mechanism.clone(),
            data: out.data,
        };
        Ok((this, start))
    }

    /// The mechanism in use.
    pub fn mechanism(&self) -> &str {
        &self.mechanism
    }

    /// Takes the daemon's answer to START or STEP (`complete`, and its
    /// data, `None` for nil) and says what to do next, as libvirt's loop
    /// does: done once the daemon is complete and the last local step
    /// was too; otherwise a local step on the daemon's data (always at
    /// least one, so the daemon's proof is checked). Done includes the
    /// SSF check on plain TCP.
    pub fn next(&mut self, complete: bool, data: Option<&[u8]>) -> Result<SaslNext, SaslError> {
        if complete && self.client_done {
            return self.finish();
        }
        let input = data.unwrap_or_default();
        let len = c_uint::try_from(input.len()).map_err(|_| SaslError::TooLong(input.len()))?;
        // Nil is a null pointer; empty data a real (if unread) one.
        let input_ptr: *const c_char = match data {
            Some([]) => c"".as_ptr(),
            Some(d) => d.as_ptr().cast(),
            None => ptr::null(),
        };
        let out = self.call(|conn, prompts, out, outlen| {
            // SAFETY: the context is live and `input_ptr` (or null) points
            // at `len` readable bytes for the call.
            unsafe { sys::sasl_client_step(conn, input_ptr, len, prompts, out, outlen) }
        })?;
        self.client_done = out.rc == sys::SASL_OK;
        if complete && self.client_done {
            return self.finish();
        }
        Ok(SaslNext::Step(out.data))
    }

    /// The SSF negotiated (after success).
    pub fn ssf(&self) -> Result<u32, SaslError> {
        self.conn.uint_prop(sys::SASL_SSF)
    }

    /// After [`SaslNext::Done`]: the security layer, or `None` when the
    /// SSF is 0 (the stream then stays as it is, as on a unix socket).
    pub fn into_layer(self) -> Result<Option<CyrusLayer>, SaslError> {
        let ssf = self.ssf()?;
        if ssf == 0 {
            return Ok(None);
        }
        let max_out = self.conn.uint_prop(sys::SASL_MAXOUTBUF)?;
        tracing::debug!(ssf, max_out, "SASL security layer negotiated");
        Ok(Some(CyrusLayer {
            conn: self.conn,
            ssf,
            max_out: (max_out as usize).max(1),
        }))
    }

    fn finish(&mut self) -> Result<SaslNext, SaslError> {
        if !self.secure {
            let ssf = self.ssf()?;
            if ssf < MIN_TCP_SSF {
                return Err(SaslError::WeakSecurityLayer {
                    mechanism: self.mechanism.clone(),
                    ssf,
                });
            }
        }
        Ok(SaslNext::Done)
    }

    /// Runs a start or step call, answering its prompts until it gives a
    /// result, and copies its output (owned by Cyrus) out.
    fn call(
        &mut self,
        mut f: impl FnMut(
            *mut sys::sasl_conn_t,
            *mut *mut sys::sasl_interact_t,
            *mut *const c_char,
            *mut c_uint,
        ) -> c_int,
    ) -> Result<Output, SaslError> {
        let mut prompts: *mut sys::sasl_interact_t = ptr::null_mut();
        // Cyrus asks again only for what is still unanswered; a bound
        // keeps a confused plugin from looping.
        for _ in 0..8 {
            let mut out: *const c_char = ptr::null();
            let mut len: c_uint = 0;
            let rc = f(self.conn.conn, &mut prompts, &mut out, &mut len);
            match rc {
                sys::SASL_OK | sys::SASL_CONTINUE => {
                    let data = if out.is_null() {
                        None
                    } else {
                        // SAFETY: Cyrus gave `len` bytes at `out`, valid
                        // until the next call on this context.
                        Some(
                            unsafe { std::slice::from_raw_parts(out.cast::<u8>(), len as usize) }
                                .to_vec(),
                        )
                    };
                    if data.as_ref().is_some_and(|d| d.len() > DATA_MAX) {
                        return Err(SaslError::TooLong(len as usize));
                    }
                    return Ok(Output { rc, data });
                }
                sys::SASL_INTERACT => self.answer(prompts)?,
                sys::SASL_NOMECH => {
                    return Err(SaslError::NoCommonMechanism {
                        offered: String::new(),
                    });
                }
                _ => {
                    return Err(SaslError::Mechanism {
                        mechanism: self.mechanism.clone(),
                        reason: self.conn.detail(rc),
                    });
                }
            }
        }
        Err(SaslError::OutOfStep(
            "the SASL library kept asking for credentials",
        ))
    }

    /// Fills Cyrus's prompt list from the credential sources.
    fn answer(&mut self, prompts: *mut sys::sasl_interact_t) -> Result<(), SaslError> {
        let mut p = prompts;
        // SAFETY: Cyrus hands a list of sasl_interact_t ending with an
        // entry whose id is SASL_CB_LIST_END; it stays valid until the
        // next start/step call, which is after this loop.
        while !p.is_null() && unsafe { (*p).id } != sys::SASL_CB_LIST_END {
            // SAFETY: as above, `p` is within the list.
            let prompt = unsafe { &mut *p };
            let text = (!prompt.prompt.is_null())
                // SAFETY: non-null prompts are NUL-terminated strings.
                .then(|| {
                    unsafe { CStr::from_ptr(prompt.prompt) }
                        .to_string_lossy()
                        .into_owned()
                });
            let default = (!prompt.defresult.is_null())
                // SAFETY: as for the prompt.
                .then(|| {
                    unsafe { CStr::from_ptr(prompt.defresult) }
                        .to_string_lossy()
                        .into_owned()
                });
            let kind = match prompt.id {
                sys::SASL_CB_USER => Some(CredentialType::Username),
                sys::SASL_CB_AUTHNAME => Some(CredentialType::Authname),
                sys::SASL_CB_PASS => Some(CredentialType::Passphrase),
                sys::SASL_CB_GETREALM => Some(CredentialType::Realm),
                _ => None,
            };
            let value = match kind {
                Some(kind) => match self.sources.lookup(kind, text.as_deref()) {
                    Some(v) => v,
                    // The user to act as defaults to the authname, or,
                    // with none (GSSAPI, whose identity is the ticket's),
                    // to empty: the authenticated identity itself. The
                    // realm defaults to Cyrus's suggestion (the daemon's).
                    None if kind == CredentialType::Username => self
                        .sources
                        .lookup(CredentialType::Authname, None)
                        .unwrap_or_default(),
                    None if kind == CredentialType::Realm => default.unwrap_or_default(),
                    None => return Err(SaslError::MissingCredential(kind)),
                },
                None => default.unwrap_or_default(),
            };
            let mut bytes = value.into_bytes();
            let len = bytes.len() as c_uint;
            bytes.push(0);
            prompt.result = bytes.as_ptr().cast();
            prompt.len = len;
            // The heap buffer does not move when the Vec moves.
            self.conn.answers.push(bytes);
            // SAFETY: the list goes on until LIST_END.
            p = unsafe { p.add(1) };
        }
        Ok(())
    }
}

/// A Cyrus security layer: `sasl_encode`/`sasl_decode` on the context
/// that authenticated.
pub struct CyrusLayer {
    conn: Conn,
    ssf: u32,
    /// `SASL_MAXOUTBUF`: the most plaintext one packet may carry.
    max_out: usize,
}

impl std::fmt::Debug for CyrusLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CyrusLayer")
            .field("ssf", &self.ssf)
            .field("max_out", &self.max_out)
            .finish_non_exhaustive()
    }
}

impl CyrusLayer {
    /// The most plaintext one packet carries (`SASL_MAXOUTBUF`).
    pub fn max_out(&self) -> usize {
        self.max_out
    }
}

impl SecurityLayer for CyrusLayer {
    fn ssf(&self) -> u32 {
        self.ssf
    }

    fn encode(&mut self, plain: &[u8], out: &mut Vec<u8>) -> Result<(), SaslError> {
        for chunk in plain.chunks(self.max_out) {
            let mut wire: *const c_char = ptr::null();
            let mut len: c_uint = 0;
            // SAFETY: the context is live; the chunk is at most max_out
            // (≤ 65536) bytes; Cyrus's output stays valid until the next
            // call on this context, and is copied before that.
            let rc = unsafe {
                sys::sasl_encode(
                    self.conn.conn,
                    chunk.as_ptr().cast(),
                    chunk.len() as c_uint,
                    &mut wire,
                    &mut len,
                )
            };
            if rc != sys::SASL_OK {
                return Err(SaslError::Layer(self.conn.detail(rc)));
            }
            if !wire.is_null() {
                // SAFETY: `len` bytes at `wire`, as above.
                out.extend_from_slice(unsafe {
                    std::slice::from_raw_parts(wire.cast::<u8>(), len as usize)
                });
            }
        }
        Ok(())
    }

    fn decode(&mut self, wire: &[u8], out: &mut Vec<u8>) -> Result<(), SaslError> {
        // Cyrus buffers a packet cut short and decodes every whole one in
        // the input; the input is offered in pieces c_uint can count.
        for chunk in wire.chunks(1 << 20) {
            let mut plain: *const c_char = ptr::null();
            let mut len: c_uint = 0;
            // SAFETY: as in encode.
            let rc = unsafe {
                sys::sasl_decode(
                    self.conn.conn,
                    chunk.as_ptr().cast(),
                    chunk.len() as c_uint,
                    &mut plain,
                    &mut len,
                )
            };
            if rc != sys::SASL_OK {
                return Err(SaslError::Layer(self.conn.detail(rc)));
            }
            if !plain.is_null() && len > 0 {
                // SAFETY: as in encode.
                out.extend_from_slice(unsafe {
                    std::slice::from_raw_parts(plain.cast::<u8>(), len as usize)
                });
            }
        }
        Ok(())
    }
}
