//! The registration table of each event family, so one generic routine can
//! register, route and deregister every kind of event.

use virtwire_protocol::ProcedureInfo;

/// How a family's register call is shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Registration {
    /// `{int eventID; optional object filter}` → `{int callbackID}`;
    /// deregistered with `{int callbackID}`. Domain, network, storage pool,
    /// node device and secret events.
    EventId,
    /// The qemu program's `{remote_domain dom; remote_string event; unsigned
    /// flags}` → `{int callbackID}`; deregistered with `{int callbackID}`.
    /// The optional event name filters instead of an event ID.
    MonitorEvent,
    /// Void → void, once per connection; the event carries no callbackID.
    Void,
}

/// One family of events: its register and deregister calls, and the MESSAGE
/// procedure the daemon sends for each of its event IDs.
#[derive(Debug)]
pub(crate) struct Family {
    /// A short name for logs, e.g. `"domain"`.
    pub(crate) name: &'static str,
    /// The register call.
    pub(crate) register: &'static ProcedureInfo,
    /// The deregister call.
    pub(crate) deregister: &'static ProcedureInfo,
    /// The MESSAGE procedure of each event ID, indexed by event ID. Families
    /// without event IDs (qemu monitor, connection closed) have one entry.
    pub(crate) events: &'static [&'static ProcedureInfo],
    /// The shape of the register call.
    pub(crate) registration: Registration,
}

impl Family {
    /// The program the family's calls and events belong to.
    pub(crate) fn program(&self) -> u32 {
        self.register.program
    }

    /// The MESSAGE procedure the daemon uses for `event_id`.
    pub(crate) fn event_procedure(&self, event_id: i32) -> Option<&'static ProcedureInfo> {
        let index = usize::try_from(event_id).ok()?;
        self.events.get(index).copied()
    }

    /// The event ID whose MESSAGE procedure is `procedure`.
    #[cfg(test)]
    pub(crate) fn event_id(&self, procedure: i32) -> Option<i32> {
        let index = self.events.iter().position(|p| p.number == procedure)?;
        i32::try_from(index).ok()
    }

    /// Whether registration returns a callbackID that every event of the
    /// family starts with (and that deregistration takes).
    pub(crate) fn carries_callback_id(&self) -> bool {
        self.registration != Registration::Void
    }
}

/// Every family, for routing incoming MESSAGEs.
pub(crate) static FAMILIES: [&Family; 7] = [
    &super::domain::FAMILY,
    &super::network::FAMILY,
    &super::storage_pool::FAMILY,
    &super::node_device::FAMILY,
    &super::secret::FAMILY,
    &super::qemu_monitor::FAMILY,
    &super::connection_closed::FAMILY,
];

/// The family and event ID of a MESSAGE of `procedure` in `program`, if it
/// is an event this crate subscribes to.
#[cfg(test)]
pub(crate) fn family_of(program: u32, procedure: i32) -> Option<(&'static Family, i32)> {
    FAMILIES
        .iter()
        .filter(|family| family.program() == program)
        .find_map(|family| Some((*family, family.event_id(procedure)?)))
}
