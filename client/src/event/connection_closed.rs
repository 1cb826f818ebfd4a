//! The daemon-side connection-closed event
//! (`virConnectRegisterCloseCallback` through the remote driver).

use super::decode::{DecodeEvent, message, unknown_procedure};
use super::family::{Family, Registration};
use super::raw_enum::raw_enum;
use bytes::Bytes;
use virtwire_protocol::remote::{ProcedureNumber, procs};
use virtwire_protocol::xdr::DecodeError;
use virtwire_protocol::{Event as _, Procedure as _};

raw_enum! {
    /// Why a connection closed (`virConnectCloseReason`).
    pub enum CloseReason {
        /// `VIR_CONNECT_CLOSE_REASON_ERROR`: an I/O error.
        Error = 0,
        /// `VIR_CONNECT_CLOSE_REASON_EOF`: end of file from the peer.
        Eof = 1,
        /// `VIR_CONNECT_CLOSE_REASON_KEEPALIVE`: keepalive timed out.
        Keepalive = 2,
        /// `VIR_CONNECT_CLOSE_REASON_CLIENT`: the client closed it.
        Client = 3,
    }
}

/// `REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED`: the daemon's own connection
/// to the hypervisor driver closed. Unlike every other event it carries no
/// callbackID: there is at most one close callback per connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionClosed {
    /// Why.
    pub reason: CloseReason,
}

impl ConnectionClosed {
    /// Decodes the body of a MESSAGE of `procedure` (only
    /// `REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED` is this event).
    pub fn decode(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        match ProcedureNumber::try_from(procedure) {
            Ok(ProcedureNumber::ConnectEventConnectionClosed) => {
                let m = message::<procs::ConnectEventConnectionClosed>(body)?;
                Ok(Self {
                    reason: CloseReason::from(m.reason),
                })
            }
            _ => Err(unknown_procedure("connection closed procedure", procedure)),
        }
    }
}

impl DecodeEvent for ConnectionClosed {
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        Self::decode(procedure, body)
    }
}

/// `CONNECT_REGISTER_CLOSE_CALLBACK`: void → void, no callbackID.
pub(crate) static FAMILY: Family = Family {
    name: "connection closed",
    register: procs::ConnectRegisterCloseCallback::INFO,
    deregister: procs::ConnectUnregisterCloseCallback::INFO,
    events: &[procs::ConnectEventConnectionClosed::INFO],
    registration: Registration::Void,
};
