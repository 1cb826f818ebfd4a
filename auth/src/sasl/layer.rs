//! [`SecurityLayer`]: what a SASL mechanism with an SSF above zero puts
//! around every byte once authentication is over.

use super::error::SaslError;

/// The SSF libvirt requires of a SASL mechanism on a plain TCP connection
/// (56, "DES level"): anything weaker is refused, on both sides.
pub const MIN_TCP_SSF: u32 = 56;

/// A negotiated SASL security layer (integrity or confidentiality), as
/// libvirt's connection uses it after authentication: the byte stream in
/// each direction is cut into packets, each wrapped by the mechanism.
///
/// The object belongs to one connection and is used by one task at a
/// time; it is `Send` so that task may move between threads.
pub trait SecurityLayer: Send {
    /// The security strength factor negotiated (bits; 0 would mean no
    /// layer, and such a layer is never installed).
    fn ssf(&self) -> u32;

    /// Wraps `plain`, appending the wire bytes to `out`: the input is cut
    /// into chunks no longer than the mechanism's output limit (Cyrus's
    /// `SASL_MAXOUTBUF`), each becoming one security-layer packet.
    fn encode(&mut self, plain: &[u8], out: &mut Vec<u8>) -> Result<(), SaslError>;

    /// Unwraps bytes as they came off the wire, appending the plaintext
    /// of every complete packet to `out`. A packet cut short is kept until
    /// the rest arrives, so `out` may get nothing.
    fn decode(&mut self, wire: &[u8], out: &mut Vec<u8>) -> Result<(), SaslError>;
}

impl std::fmt::Debug for dyn SecurityLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecurityLayer")
            .field("ssf", &self.ssf())
            .finish_non_exhaustive()
    }
}
