//! The words virsh uses for [`DomainState`]s.

use super::DomainState;

impl DomainState {
    /// How virsh writes the state (`virshDomainStateToString` in libvirt's
    /// `tools/virsh-domain-monitor.c`): `"running"`, `"shut off"`, ...; like
    /// virsh, `"no state"` for a state libvirt does not name.
    pub const fn virsh_name(self) -> &'static str {
        match self {
            Self::Nostate => "no state",
            Self::Running => "running",
            Self::Blocked => "idle",
            Self::Paused => "paused",
            Self::Shutdown => "in shutdown",
            Self::Shutoff => "shut off",
            Self::Crashed => "crashed",
            Self::Pmsuspended => "pmsuspended",
            Self::Other(_) => "no state",
        }
    }
}
