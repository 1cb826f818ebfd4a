//! Domain events: every callback-style procedure decodes to its variant.

use super::generated;
use crate::event::domain::FAMILY;
use crate::event::{DomainEvent, DomainEventId, DomainEventKind as Kind, DomainLifecycle};
use virtwire_protocol::conn::callback_id;
use virtwire_protocol::remote::{NonnullDomain, procs};
use virtwire_protocol::xdr::{Encode, Generate};
use virtwire_protocol::{Event, ProcedureKind};

/// Seeds per procedure: enough to vary optional fields and array lengths.
const SEEDS: u64 = 24;

/// The callback-style procedure numbers, as listed in the facts document.
const EXPECTED: [i32; 28] = [
    318, 319, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 332, 333, 339, 346, 348,
    354, 359, 363, 367, 379, 385, 423, 438, 453,
];

/// Collects the procedures checked, to prove every one was.
#[derive(Default)]
struct Checked(Vec<i32>);

impl Checked {
    /// Decodes generated messages of `E` and compares with `expect`; checks
    /// the routing callbackID and that every truncation fails cleanly.
    fn check<E: Event>(&mut self, expect: impl Fn(&E::Message) -> DomainEvent)
    where
        E::Message: Generate + Encode,
    {
        let procedure = E::INFO.number;
        for seed in 0..SEEDS {
            let (message, body) = generated::<E>(seed);
            let event = DomainEvent::decode(procedure, body.clone())
                .unwrap_or_else(|e| panic!("{} (seed {seed}) does not decode: {e}", E::INFO.name));
            assert_eq!(event, expect(&message), "{} (seed {seed})", E::INFO.name);
            assert_eq!(event.kind.id().callback_procedure(), procedure);
            assert_eq!(callback_id(&body), Some(event.callback_id));
            for cut in 0..body.len() {
                assert!(
                    DomainEvent::decode(procedure, body.slice(..cut)).is_err(),
                    "{} decodes from {cut} of {} bytes",
                    E::INFO.name,
                    body.len()
                );
            }
        }
        self.0.push(procedure);
    }
}

/// An expected event.
fn ev(callback_id: i32, domain: &NonnullDomain, kind: Kind) -> DomainEvent {
    DomainEvent {
        callback_id,
        domain: domain.clone(),
        kind,
    }
}

#[test]
fn every_callback_procedure_decodes_to_its_variant() {
    let mut c = Checked::default();
    c.check::<procs::DomainEventCallbackLifecycle>(|m| {
        let kind = Kind::Lifecycle {
            event: m.msg.event,
            detail: m.msg.detail,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackReboot>(|m| ev(m.callback_id, &m.msg.dom, Kind::Reboot));
    c.check::<procs::DomainEventCallbackRtcChange>(|m| {
        let kind = Kind::RtcChange {
            offset: m.msg.offset,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackWatchdog>(|m| {
        let kind = Kind::Watchdog {
            action: m.msg.action,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackIoError>(|m| {
        let kind = Kind::IoError {
            src_path: m.msg.src_path.clone(),
            dev_alias: m.msg.dev_alias.clone(),
            action: m.msg.action,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackGraphics>(|m| {
        let kind = Kind::Graphics {
            phase: m.msg.phase,
            local: m.msg.local.clone(),
            remote: m.msg.remote.clone(),
            auth_scheme: m.msg.auth_scheme.clone(),
            subject: m.msg.subject.clone(),
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackIoErrorReason>(|m| {
        let kind = Kind::IoErrorReason {
            src_path: m.msg.src_path.clone(),
            dev_alias: m.msg.dev_alias.clone(),
            action: m.msg.action,
            reason: m.msg.reason.clone(),
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackControlError>(|m| {
        ev(m.callback_id, &m.msg.dom, Kind::ControlError)
    });
    c.check::<procs::DomainEventCallbackBlockJob>(|m| {
        let kind = Kind::BlockJob {
            path: m.msg.path.clone(),
            job_type: m.msg.r#type,
            status: m.msg.status,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackDiskChange>(|m| {
        let kind = Kind::DiskChange {
            old_src_path: m.msg.old_src_path.clone(),
            new_src_path: m.msg.new_src_path.clone(),
            dev_alias: m.msg.dev_alias.clone(),
            reason: m.msg.reason,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackTrayChange>(|m| {
        let kind = Kind::TrayChange {
            dev_alias: m.msg.dev_alias.clone(),
            reason: m.msg.reason,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackPmwakeup>(|m| {
        ev(
            m.callback_id,
            &m.msg.dom,
            Kind::Pmwakeup { reason: m.reason },
        )
    });
    c.check::<procs::DomainEventCallbackPmsuspend>(|m| {
        ev(
            m.callback_id,
            &m.msg.dom,
            Kind::Pmsuspend { reason: m.reason },
        )
    });
    c.check::<procs::DomainEventCallbackBalloonChange>(|m| {
        let kind = Kind::BalloonChange {
            actual: m.msg.actual,
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventCallbackPmsuspendDisk>(|m| {
        ev(
            m.callback_id,
            &m.msg.dom,
            Kind::PmsuspendDisk { reason: m.reason },
        )
    });
    c.check::<procs::DomainEventCallbackDeviceRemoved>(|m| {
        let kind = Kind::DeviceRemoved {
            dev_alias: m.msg.dev_alias.clone(),
        };
        ev(m.callback_id, &m.msg.dom, kind)
    });
    c.check::<procs::DomainEventBlockJob2>(|m| {
        let kind = Kind::BlockJob2 {
            dst: m.dst.clone(),
            job_type: m.r#type,
            status: m.status,
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventCallbackTunable>(|m| {
        let kind = Kind::Tunable {
            params: crate::TypedParams::from_wire(m.params.clone()),
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventCallbackAgentLifecycle>(|m| {
        let kind = Kind::AgentLifecycle {
            state: m.state,
            reason: m.reason,
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventCallbackDeviceAdded>(|m| {
        let kind = Kind::DeviceAdded {
            dev_alias: m.dev_alias.clone(),
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventCallbackMigrationIteration>(|m| {
        let kind = Kind::MigrationIteration {
            iteration: m.iteration,
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventCallbackJobCompleted>(|m| {
        let kind = Kind::JobCompleted {
            params: crate::TypedParams::from_wire(m.params.clone()),
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventCallbackDeviceRemovalFailed>(|m| {
        let kind = Kind::DeviceRemovalFailed {
            dev_alias: m.dev_alias.clone(),
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventCallbackMetadataChange>(|m| {
        let kind = Kind::MetadataChange {
            metadata_type: m.r#type,
            nsuri: m.nsuri.clone(),
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventBlockThreshold>(|m| {
        let kind = Kind::BlockThreshold {
            dev: m.dev.clone(),
            path: m.path.clone(),
            threshold: m.threshold,
            excess: m.excess,
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventMemoryFailure>(|m| {
        let kind = Kind::MemoryFailure {
            recipient: m.recipient,
            action: m.action,
            flags: m.flags,
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventMemoryDeviceSizeChange>(|m| {
        let kind = Kind::MemoryDeviceSizeChange {
            alias: m.alias.clone(),
            size: m.size,
        };
        ev(m.callback_id, &m.dom, kind)
    });
    c.check::<procs::DomainEventNicMacChange>(|m| {
        let kind = Kind::NicMacChange {
            alias: m.alias.clone(),
            old_mac: m.old_mac.clone(),
            new_mac: m.new_mac.clone(),
        };
        ev(m.callback_id, &m.dom, kind)
    });
    assert_eq!(c.0, EXPECTED);
}

#[test]
fn event_ids_map_to_the_generated_callback_procedures() {
    for (raw, id) in DomainEventId::ALL.iter().enumerate() {
        let raw = i32::try_from(raw).unwrap();
        assert_eq!(id.raw(), raw);
        assert_eq!(DomainEventId::from_raw(raw), Some(*id));
        let info = id.procedure();
        assert_eq!(info.number, EXPECTED[raw as usize], "{id:?}");
        assert_eq!(id.callback_procedure(), info.number);
        assert_eq!(info.kind, ProcedureKind::Message, "{}", info.name);
        assert_eq!(info.program, virtwire_protocol::remote::PROGRAM);
        assert!(
            info.name.starts_with("REMOTE_PROC_DOMAIN_EVENT_"),
            "{}",
            info.name
        );
        assert_eq!(
            FAMILY.event_procedure(raw).map(|p| p.number),
            Some(info.number)
        );
        assert_eq!(FAMILY.event_id(info.number), Some(raw));
    }
    // Only the first sixteen have "CALLBACK" in their names.
    assert_eq!(
        DomainEventId::Lifecycle.procedure().name,
        "REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE"
    );
    assert_eq!(
        DomainEventId::BlockThreshold.procedure().name,
        "REMOTE_PROC_DOMAIN_EVENT_BLOCK_THRESHOLD"
    );
    assert_eq!(DomainEventId::from_raw(28), None);
    assert_eq!(DomainEventId::from_raw(-1), None);
    assert_eq!(FAMILY.event_procedure(28), None);
    assert_eq!(FAMILY.event_procedure(-1), None);
}

#[test]
fn unknown_and_legacy_procedures_are_errors() {
    let body = bytes::Bytes::from_static(&[0; 64]);
    // A procedure number no program has, a call, and the legacy lifecycle
    // event (no callbackID): none is a callback-style domain event.
    for procedure in [-1, 0, 9_999, 16, 107, 315, 362] {
        assert!(
            DomainEvent::decode(procedure, body.clone()).is_err(),
            "{procedure}"
        );
    }
}

#[test]
fn lifecycle_values_known_and_unknown() {
    assert_eq!(DomainLifecycle::from(0), DomainLifecycle::Defined);
    assert_eq!(DomainLifecycle::from(3), DomainLifecycle::Suspended);
    assert_eq!(DomainLifecycle::from(8), DomainLifecycle::Crashed);
    assert_eq!(DomainLifecycle::from(9), DomainLifecycle::Other(9));
    for raw in -2..12 {
        assert_eq!(DomainLifecycle::from(raw).raw(), raw);
        assert_eq!(i32::from(DomainLifecycle::from(raw)), raw);
    }
    let kind = Kind::Lifecycle {
        event: 5,
        detail: 1,
    };
    assert_eq!(kind.lifecycle(), Some(DomainLifecycle::Stopped));
    assert_eq!(Kind::Reboot.lifecycle(), None);
}
