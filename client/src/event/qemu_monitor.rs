//! QEMU monitor events (`virConnectDomainQemuMonitorEventRegister`), sent by
//! the qemu program rather than the remote one.

use super::decode::{DecodeEvent, message, unknown_procedure};
use super::family::{Family, Registration};
use bytes::Bytes;
use virtwire_protocol::qemu::{ProcedureNumber, procs};
use virtwire_protocol::remote::NonnullDomain;
use virtwire_protocol::xdr::{DecodeError, XdrString};
use virtwire_protocol::{Event as _, Procedure as _};

/// A QMP event a domain's QEMU emitted (`QEMU_PROC_DOMAIN_MONITOR_EVENT`).
#[derive(Debug, Clone, PartialEq)]
pub struct QemuMonitorEvent {
    /// The registration it was sent for.
    pub callback_id: i32,
    /// The domain.
    pub domain: NonnullDomain,
    /// The QMP event name, e.g. `"SHUTDOWN"`.
    pub event: XdrString,
    /// When QEMU emitted it: seconds since the epoch.
    pub seconds: i64,
    /// And microseconds within that second.
    pub micros: u32,
    /// The event's `data` as JSON, if it has any.
    pub details: Option<XdrString>,
}

impl QemuMonitorEvent {
    /// Decodes the body of a qemu-program MESSAGE of `procedure` (only
    /// `QEMU_PROC_DOMAIN_MONITOR_EVENT` is an event).
    pub fn decode(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        match ProcedureNumber::try_from(procedure) {
            Ok(ProcedureNumber::DomainMonitorEvent) => {
                let m = message::<procs::DomainMonitorEvent>(body)?;
                Ok(Self {
                    callback_id: m.callback_id,
                    domain: m.dom,
                    event: m.event,
                    seconds: m.seconds,
                    micros: m.micros,
                    details: m.details,
                })
            }
            _ => Err(unknown_procedure("qemu event procedure", procedure)),
        }
    }
}

impl DecodeEvent for QemuMonitorEvent {
    fn decode_event(procedure: i32, body: Bytes) -> Result<Self, DecodeError> {
        Self::decode(procedure, body)
    }
}

/// `QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER` `{optional dom;
/// optional event name; flags}`: no event IDs, one MESSAGE procedure.
pub(crate) static FAMILY: Family = Family {
    name: "qemu monitor",
    register: procs::ConnectDomainMonitorEventRegister::INFO,
    deregister: procs::ConnectDomainMonitorEventDeregister::INFO,
    events: &[procs::DomainMonitorEvent::INFO],
    registration: Registration::MonitorEvent,
};
