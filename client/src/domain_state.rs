//! Domain states (`virDomainState`), as `domain_get_info` and
//! `domain_get_state` report them.

use std::fmt;

/// The state of a domain (`virDomainState`, `include/libvirt/libvirt-domain.h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DomainState {
    /// No state (`VIR_DOMAIN_NOSTATE`).
    NoState,
    /// Running (`VIR_DOMAIN_RUNNING`).
    Running,
    /// Blocked on a resource (`VIR_DOMAIN_BLOCKED`).
    Blocked,
    /// Paused by the user (`VIR_DOMAIN_PAUSED`).
    Paused,
    /// Being shut down (`VIR_DOMAIN_SHUTDOWN`).
    Shutdown,
    /// Shut off (`VIR_DOMAIN_SHUTOFF`).
    Shutoff,
    /// Crashed (`VIR_DOMAIN_CRASHED`).
    Crashed,
    /// Suspended by guest power management (`VIR_DOMAIN_PMSUSPENDED`).
    PmSuspended,
    /// A value this table does not know.
    Other(i32),
}

impl DomainState {
    /// The state for a wire value.
    pub fn from_raw(raw: i32) -> Self {
        match raw {
            0 => Self::NoState,
            1 => Self::Running,
            2 => Self::Blocked,
            3 => Self::Paused,
            4 => Self::Shutdown,
            5 => Self::Shutoff,
            6 => Self::Crashed,
            7 => Self::PmSuspended,
            other => Self::Other(other),
        }
    }

    /// The wire value.
    pub fn raw(self) -> i32 {
        match self {
            Self::NoState => 0,
            Self::Running => 1,
            Self::Blocked => 2,
            Self::Paused => 3,
            Self::Shutdown => 4,
            Self::Shutoff => 5,
            Self::Crashed => 6,
            Self::PmSuspended => 7,
            Self::Other(raw) => raw,
        }
    }
}

/// virsh's words for the states (`virshDomainStateToString`).
impl fmt::Display for DomainState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoState => f.write_str("no state"),
            Self::Running => f.write_str("running"),
            Self::Blocked => f.write_str("idle"),
            Self::Paused => f.write_str("paused"),
            Self::Shutdown => f.write_str("in shutdown"),
            Self::Shutoff => f.write_str("shut off"),
            Self::Crashed => f.write_str("crashed"),
            Self::PmSuspended => f.write_str("pmsuspended"),
            Self::Other(raw) => write!(f, "unknown ({raw})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_values_round_trip() {
        for raw in -1..10 {
            assert_eq!(DomainState::from_raw(raw).raw(), raw);
        }
        assert_eq!(DomainState::from_raw(1), DomainState::Running);
        assert_eq!(DomainState::from_raw(5).to_string(), "shut off");
    }
}
