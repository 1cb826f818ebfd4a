//! Typed returns written by hand where generating them would be contrived.

use crate::DomainState;
use virtwire_protocol::remote::{DomainGetInfoRet, DomainGetStateRet};

/// What [`Domain::get_info`](super::Domain::get_info) returns (`virDomainInfo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DomainInfo {
    /// The running state.
    pub state: DomainState,
    /// The maximum memory allowed, in KiB.
    pub max_mem: u64,
    /// The memory used, in KiB.
    pub memory: u64,
    /// The number of virtual CPUs.
    pub nr_virt_cpu: u32,
    /// The CPU time used, in nanoseconds.
    pub cpu_time: u64,
}

impl From<DomainGetInfoRet> for DomainInfo {
    fn from(ret: DomainGetInfoRet) -> Self {
        Self {
            state: DomainState::from_raw(i32::from(ret.state)),
            max_mem: ret.max_mem,
            memory: ret.memory,
            nr_virt_cpu: u32::from(ret.nr_virt_cpu),
            cpu_time: ret.cpu_time,
        }
    }
}

/// What [`Domain::get_state`](super::Domain::get_state) returns: the state
/// and why the domain is in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DomainStateInfo {
    /// The running state.
    pub state: DomainState,
    /// The reason, a value of the `virDomain<State>Reason` enum of `state`
    /// (`virDomainRunningReason`, `virDomainShutoffReason`, ...).
    pub reason: i32,
}

impl From<DomainGetStateRet> for DomainStateInfo {
    fn from(ret: DomainGetStateRet) -> Self {
        Self {
            state: DomainState::from_raw(ret.state),
            reason: ret.reason,
        }
    }
}
