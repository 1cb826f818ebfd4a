//! The other event families, the family tables and routing.

use super::generated;
use crate::event::family::{FAMILIES, Family, Registration, family_of};
use crate::event::{
    CloseReason, ConnectionClosed, DecodeEvent, NetworkEvent, NetworkEventKind, NetworkLifecycle,
    NodeDeviceEvent, NodeDeviceEventKind, NodeDeviceLifecycle, QemuMonitorEvent, SecretEvent,
    SecretEventKind, SecretLifecycle, StoragePoolEvent, StoragePoolEventKind, StoragePoolLifecycle,
    connection_closed, domain, network, node_device, qemu_monitor, secret, storage_pool,
};
use bytes::Bytes;
use std::fmt::Debug;
use virtwire_protocol::conn::callback_id;
use virtwire_protocol::xdr::{Encode, Generate};
use virtwire_protocol::{Event, ProcedureKind, qemu, remote};

/// Decodes generated messages of `E` as `T` and compares with `expect`;
/// every truncation must fail and a foreign procedure must be refused.
fn check<E, T>(expect: impl Fn(&E::Message) -> T)
where
    E: Event,
    E::Message: Generate + Encode,
    T: DecodeEvent + PartialEq + Debug,
{
    let procedure = E::INFO.number;
    for seed in 0..24 {
        let (message, body) = generated::<E>(seed);
        let event = T::decode_event(procedure, body.clone())
            .unwrap_or_else(|e| panic!("{} (seed {seed}): {e}", E::INFO.name));
        assert_eq!(event, expect(&message), "{} (seed {seed})", E::INFO.name);
        for cut in 0..body.len() {
            assert!(T::decode_event(procedure, body.slice(..cut)).is_err());
        }
        // 1 is a call in every program: never an event.
        assert!(T::decode_event(1, body).is_err());
    }
}

#[test]
fn network_events() {
    check::<remote::procs::NetworkEventLifecycle, NetworkEvent>(|m| NetworkEvent {
        callback_id: m.callback_id,
        network: m.net.clone(),
        kind: NetworkEventKind::Lifecycle {
            event: m.event,
            detail: m.detail,
        },
    });
    check::<remote::procs::NetworkEventCallbackMetadataChange, NetworkEvent>(|m| NetworkEvent {
        callback_id: m.callback_id,
        network: m.net.clone(),
        kind: NetworkEventKind::MetadataChange {
            metadata_type: m.r#type,
            nsuri: m.nsuri.clone(),
        },
    });
    let started = NetworkEventKind::Lifecycle {
        event: 2,
        detail: 0,
    };
    assert_eq!(started.lifecycle(), Some(NetworkLifecycle::Started));
    assert_eq!(NetworkLifecycle::from(4), NetworkLifecycle::Other(4));
}

#[test]
fn storage_pool_events() {
    check::<remote::procs::StoragePoolEventLifecycle, StoragePoolEvent>(|m| StoragePoolEvent {
        callback_id: m.callback_id,
        pool: m.pool.clone(),
        kind: StoragePoolEventKind::Lifecycle {
            event: m.event,
            detail: m.detail,
        },
    });
    check::<remote::procs::StoragePoolEventRefresh, StoragePoolEvent>(|m| StoragePoolEvent {
        callback_id: m.callback_id,
        pool: m.pool.clone(),
        kind: StoragePoolEventKind::Refresh,
    });
    assert_eq!(StoragePoolLifecycle::from(5), StoragePoolLifecycle::Deleted);
    assert_eq!(
        StoragePoolLifecycle::from(6),
        StoragePoolLifecycle::Other(6)
    );
    assert_eq!(StoragePoolEventKind::Refresh.lifecycle(), None);
}

#[test]
fn node_device_events() {
    check::<remote::procs::NodeDeviceEventLifecycle, NodeDeviceEvent>(|m| NodeDeviceEvent {
        callback_id: m.callback_id,
        device: m.dev.clone(),
        kind: NodeDeviceEventKind::Lifecycle {
            event: m.event,
            detail: m.detail,
        },
    });
    check::<remote::procs::NodeDeviceEventUpdate, NodeDeviceEvent>(|m| NodeDeviceEvent {
        callback_id: m.callback_id,
        device: m.dev.clone(),
        kind: NodeDeviceEventKind::Update,
    });
    assert_eq!(NodeDeviceLifecycle::from(0), NodeDeviceLifecycle::Created);
    assert_eq!(NodeDeviceLifecycle::from(3), NodeDeviceLifecycle::Undefined);
}

#[test]
fn secret_events() {
    check::<remote::procs::SecretEventLifecycle, SecretEvent>(|m| SecretEvent {
        callback_id: m.callback_id,
        secret: m.secret.clone(),
        kind: SecretEventKind::Lifecycle {
            event: m.event,
            detail: m.detail,
        },
    });
    check::<remote::procs::SecretEventValueChanged, SecretEvent>(|m| SecretEvent {
        callback_id: m.callback_id,
        secret: m.secret.clone(),
        kind: SecretEventKind::ValueChanged,
    });
    assert_eq!(SecretLifecycle::from(1), SecretLifecycle::Undefined);
    assert_eq!(SecretLifecycle::from(-3).raw(), -3);
}

#[test]
fn qemu_monitor_events() {
    check::<qemu::procs::DomainMonitorEvent, QemuMonitorEvent>(|m| QemuMonitorEvent {
        callback_id: m.callback_id,
        domain: m.dom.clone(),
        event: m.event.clone(),
        seconds: m.seconds,
        micros: m.micros,
        details: m.details.clone(),
    });
}

#[test]
fn connection_closed_events() {
    check::<remote::procs::ConnectEventConnectionClosed, ConnectionClosed>(|m| ConnectionClosed {
        reason: CloseReason::from(m.reason),
    });
    let closed = |reason: i32| {
        let body = Bytes::copy_from_slice(&reason.to_be_bytes());
        ConnectionClosed::decode(362, body).unwrap().reason
    };
    assert_eq!(closed(0), CloseReason::Error);
    assert_eq!(closed(1), CloseReason::Eof);
    assert_eq!(closed(2), CloseReason::Keepalive);
    assert_eq!(closed(3), CloseReason::Client);
    assert_eq!(closed(4), CloseReason::Other(4));
}

/// `(family, register, deregister, [event procedure names])` as libvirt
/// 11.3.0's `.x` files name them.
type Expected = (
    &'static Family,
    (i32, &'static str),
    (i32, &'static str),
    &'static [(i32, &'static str)],
);

#[test]
fn family_tables_match_the_generated_procedures() {
    let expected: [Expected; 6] = [
        (
            &network::FAMILY,
            (313, "REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY"),
            (314, "REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY"),
            &[
                (315, "REMOTE_PROC_NETWORK_EVENT_LIFECYCLE"),
                (446, "REMOTE_PROC_NETWORK_EVENT_CALLBACK_METADATA_CHANGE"),
            ],
        ),
        (
            &storage_pool::FAMILY,
            (368, "REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY"),
            (369, "REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY"),
            &[
                (370, "REMOTE_PROC_STORAGE_POOL_EVENT_LIFECYCLE"),
                (373, "REMOTE_PROC_STORAGE_POOL_EVENT_REFRESH"),
            ],
        ),
        (
            &node_device::FAMILY,
            (374, "REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY"),
            (375, "REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY"),
            &[
                (376, "REMOTE_PROC_NODE_DEVICE_EVENT_LIFECYCLE"),
                (377, "REMOTE_PROC_NODE_DEVICE_EVENT_UPDATE"),
            ],
        ),
        (
            &secret::FAMILY,
            (380, "REMOTE_PROC_CONNECT_SECRET_EVENT_REGISTER_ANY"),
            (381, "REMOTE_PROC_CONNECT_SECRET_EVENT_DEREGISTER_ANY"),
            &[
                (382, "REMOTE_PROC_SECRET_EVENT_LIFECYCLE"),
                (383, "REMOTE_PROC_SECRET_EVENT_VALUE_CHANGED"),
            ],
        ),
        (
            &qemu_monitor::FAMILY,
            (4, "QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER"),
            (5, "QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER"),
            &[(6, "QEMU_PROC_DOMAIN_MONITOR_EVENT")],
        ),
        (
            &connection_closed::FAMILY,
            (360, "REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK"),
            (361, "REMOTE_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK"),
            &[(362, "REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED")],
        ),
    ];
    for (family, register, deregister, events) in expected {
        assert_eq!((family.register.number, family.register.name), register);
        assert_eq!(
            (family.deregister.number, family.deregister.name),
            deregister
        );
        let got: Vec<_> = family.events.iter().map(|p| (p.number, p.name)).collect();
        assert_eq!(got, events, "{}", family.name);
    }
    let domain = &domain::FAMILY;
    assert_eq!(
        (domain.register.number, domain.register.name),
        (
            316,
            "REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY"
        )
    );
    assert_eq!(
        (domain.deregister.number, domain.deregister.name),
        (
            317,
            "REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY"
        )
    );
    assert_eq!(domain.events.len(), 28);
}

#[test]
fn every_family_is_consistent() {
    let mut all_events = 0;
    for family in FAMILIES {
        let program = family.program();
        assert!(program == remote::PROGRAM || program == qemu::PROGRAM);
        for call in [family.register, family.deregister] {
            assert_eq!(call.kind, ProcedureKind::Call, "{}", call.name);
            assert_eq!(call.program, program, "{}", call.name);
        }
        assert_eq!(family.register.message, None);
        for (id, event) in family.events.iter().enumerate() {
            assert_eq!(event.kind, ProcedureKind::Message, "{}", event.name);
            assert_eq!(event.program, program, "{}", event.name);
            assert!(event.name.contains("_EVENT"), "{}", event.name);
            let id = i32::try_from(id).unwrap();
            assert_eq!(
                family_of(program, event.number).map(|(f, i)| (f.name, i)),
                Some((family.name, id))
            );
        }
        all_events += family.events.len();
        // Every registration but the close callback's returns a callbackID.
        let returns_id = family.register.ret.is_some();
        assert_eq!(family.carries_callback_id(), returns_id, "{}", family.name);
        assert_eq!(family.registration == Registration::Void, !returns_id);
    }
    // 28 domain + 2 × 4 object families + qemu monitor + connection closed.
    assert_eq!(all_events, 38);
    // Every MESSAGE procedure of the remote and qemu programs, except the
    // legacy domain events, belongs to a family.
    let messages = remote::PROCEDURES
        .iter()
        .chain(qemu::PROCEDURES)
        .filter(|p| p.kind == ProcedureKind::Message);
    for info in messages {
        let routed = family_of(info.program, info.number).is_some();
        let legacy = info.program == remote::PROGRAM
            && info.name.starts_with("REMOTE_PROC_DOMAIN_EVENT_")
            && !domain::FAMILY
                .events
                .iter()
                .any(|p| p.number == info.number);
        assert!(routed != legacy, "{}", info.name);
    }
    // The qemu event number is also a remote call's: routing needs the program.
    assert!(family_of(remote::PROGRAM, 6).is_none());
    assert!(family_of(qemu::PROGRAM, 318).is_none());
}

#[test]
fn callback_id_is_the_leading_word() {
    assert_eq!(callback_id(&[0, 0, 0, 7, 1, 2]), Some(7));
    assert_eq!(callback_id(&[0xff, 0xff, 0xff, 0xfe]), Some(-2));
    assert_eq!(callback_id(&[0, 0, 0]), None);
    assert_eq!(callback_id(&[]), None);
}
