//! Decoding the callback-style domain event messages.
//!
//! The sixteen events that predate callback IDs (318..=333) wrap the legacy
//! message as `{int callbackID; [int reason;] remote_domain_event_X_msg
//! msg}`; the later ones are flat, with `callbackID` and `dom` first.

use super::DomainEvent;
use super::kind::DomainEventKind as Kind;
use crate::event::decode::{message, unknown_procedure};
use bytes::Bytes;
use virtwire_protocol::remote::{NonnullDomain, ProcedureNumber, procs};
use virtwire_protocol::xdr::DecodeError;

/// Assembles an event.
fn event(callback_id: i32, domain: NonnullDomain, kind: Kind) -> DomainEvent {
    DomainEvent {
        callback_id,
        domain,
        kind,
    }
}

/// See [`DomainEvent::decode`].
pub(super) fn decode(procedure: i32, body: Bytes) -> Result<DomainEvent, DecodeError> {
    let unknown = || unknown_procedure("domain event procedure", procedure);
    let Ok(known) = ProcedureNumber::try_from(procedure) else {
        return Err(unknown());
    };
    Ok(match known {
        ProcedureNumber::DomainEventCallbackLifecycle => {
            let m = message::<procs::DomainEventCallbackLifecycle>(body)?;
            let kind = Kind::Lifecycle {
                event: m.msg.event,
                detail: m.msg.detail,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackReboot => {
            let m = message::<procs::DomainEventCallbackReboot>(body)?;
            event(m.callback_id, m.msg.dom, Kind::Reboot)
        }
        ProcedureNumber::DomainEventCallbackRtcChange => {
            let m = message::<procs::DomainEventCallbackRtcChange>(body)?;
            let kind = Kind::RtcChange {
                offset: m.msg.offset,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackWatchdog => {
            let m = message::<procs::DomainEventCallbackWatchdog>(body)?;
            let kind = Kind::Watchdog {
                action: m.msg.action,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackIoError => {
            let m = message::<procs::DomainEventCallbackIoError>(body)?;
            let kind = Kind::IoError {
                src_path: m.msg.src_path,
                dev_alias: m.msg.dev_alias,
                action: m.msg.action,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackGraphics => {
            let m = message::<procs::DomainEventCallbackGraphics>(body)?;
            let kind = Kind::Graphics {
                phase: m.msg.phase,
                local: m.msg.local,
                remote: m.msg.remote,
                auth_scheme: m.msg.auth_scheme,
                subject: m.msg.subject,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackIoErrorReason => {
            let m = message::<procs::DomainEventCallbackIoErrorReason>(body)?;
            let kind = Kind::IoErrorReason {
                src_path: m.msg.src_path,
                dev_alias: m.msg.dev_alias,
                action: m.msg.action,
                reason: m.msg.reason,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackControlError => {
            let m = message::<procs::DomainEventCallbackControlError>(body)?;
            event(m.callback_id, m.msg.dom, Kind::ControlError)
        }
        ProcedureNumber::DomainEventCallbackBlockJob => {
            let m = message::<procs::DomainEventCallbackBlockJob>(body)?;
            let kind = Kind::BlockJob {
                path: m.msg.path,
                job_type: m.msg.r#type,
                status: m.msg.status,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackDiskChange => {
            let m = message::<procs::DomainEventCallbackDiskChange>(body)?;
            let kind = Kind::DiskChange {
                old_src_path: m.msg.old_src_path,
                new_src_path: m.msg.new_src_path,
                dev_alias: m.msg.dev_alias,
                reason: m.msg.reason,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackTrayChange => {
            let m = message::<procs::DomainEventCallbackTrayChange>(body)?;
            let kind = Kind::TrayChange {
                dev_alias: m.msg.dev_alias,
                reason: m.msg.reason,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        // The three power-management events carry `reason` outside `msg`.
        ProcedureNumber::DomainEventCallbackPmwakeup => {
            let m = message::<procs::DomainEventCallbackPmwakeup>(body)?;
            let kind = Kind::Pmwakeup { reason: m.reason };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackPmsuspend => {
            let m = message::<procs::DomainEventCallbackPmsuspend>(body)?;
            let kind = Kind::Pmsuspend { reason: m.reason };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackBalloonChange => {
            let m = message::<procs::DomainEventCallbackBalloonChange>(body)?;
            let kind = Kind::BalloonChange {
                actual: m.msg.actual,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackPmsuspendDisk => {
            let m = message::<procs::DomainEventCallbackPmsuspendDisk>(body)?;
            let kind = Kind::PmsuspendDisk { reason: m.reason };
            event(m.callback_id, m.msg.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackDeviceRemoved => {
            let m = message::<procs::DomainEventCallbackDeviceRemoved>(body)?;
            let kind = Kind::DeviceRemoved {
                dev_alias: m.msg.dev_alias,
            };
            event(m.callback_id, m.msg.dom, kind)
        }
        // From here on the messages are flat.
        ProcedureNumber::DomainEventBlockJob2 => {
            let m = message::<procs::DomainEventBlockJob2>(body)?;
            let kind = Kind::BlockJob2 {
                dst: m.dst,
                job_type: m.r#type,
                status: m.status,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackTunable => {
            let m = message::<procs::DomainEventCallbackTunable>(body)?;
            event(
                m.callback_id,
                m.dom,
                Kind::Tunable {
                    params: crate::TypedParams::from_wire(m.params),
                },
            )
        }
        ProcedureNumber::DomainEventCallbackAgentLifecycle => {
            let m = message::<procs::DomainEventCallbackAgentLifecycle>(body)?;
            let kind = Kind::AgentLifecycle {
                state: m.state,
                reason: m.reason,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackDeviceAdded => {
            let m = message::<procs::DomainEventCallbackDeviceAdded>(body)?;
            let kind = Kind::DeviceAdded {
                dev_alias: m.dev_alias,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackMigrationIteration => {
            let m = message::<procs::DomainEventCallbackMigrationIteration>(body)?;
            let kind = Kind::MigrationIteration {
                iteration: m.iteration,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackJobCompleted => {
            let m = message::<procs::DomainEventCallbackJobCompleted>(body)?;
            event(
                m.callback_id,
                m.dom,
                Kind::JobCompleted {
                    params: crate::TypedParams::from_wire(m.params),
                },
            )
        }
        ProcedureNumber::DomainEventCallbackDeviceRemovalFailed => {
            let m = message::<procs::DomainEventCallbackDeviceRemovalFailed>(body)?;
            let kind = Kind::DeviceRemovalFailed {
                dev_alias: m.dev_alias,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventCallbackMetadataChange => {
            let m = message::<procs::DomainEventCallbackMetadataChange>(body)?;
            let kind = Kind::MetadataChange {
                metadata_type: m.r#type,
                nsuri: m.nsuri,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventBlockThreshold => {
            let m = message::<procs::DomainEventBlockThreshold>(body)?;
            let kind = Kind::BlockThreshold {
                dev: m.dev,
                path: m.path,
                threshold: m.threshold,
                excess: m.excess,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventMemoryFailure => {
            let m = message::<procs::DomainEventMemoryFailure>(body)?;
            let kind = Kind::MemoryFailure {
                recipient: m.recipient,
                action: m.action,
                flags: m.flags,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventMemoryDeviceSizeChange => {
            let m = message::<procs::DomainEventMemoryDeviceSizeChange>(body)?;
            let kind = Kind::MemoryDeviceSizeChange {
                alias: m.alias,
                size: m.size,
            };
            event(m.callback_id, m.dom, kind)
        }
        ProcedureNumber::DomainEventNicMacChange => {
            let m = message::<procs::DomainEventNicMacChange>(body)?;
            let kind = Kind::NicMacChange {
                alias: m.alias,
                old_mac: m.old_mac,
                new_mac: m.new_mac,
            };
            event(m.callback_id, m.dom, kind)
        }
        // Includes the legacy domain events, which this crate never
        // registers for and which carry no callbackID.
        _ => return Err(unknown()),
    })
}
