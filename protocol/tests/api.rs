//! The enums and flags generated from libvirt 11.3.0's API XML: what was
//! generated, and that unknown numbers and bits survive.

use virtwire_protocol::api::{
    ConnectGetAllDomainStatsFlags, ConnectListAllDomainsFlags, DomainEventType,
    DomainModificationImpact, DomainQemuAgentCommandTimeoutValues, DomainState, DomainStatsTypes,
    ErrorDomain, ErrorLevel, ErrorNumber, LIBVIRT_RELEASE, NodeGetCpuStatsAllCpus, StreamEventType,
};

#[test]
fn everything_in_the_api_xml_is_generated() {
    let code = include_str!(concat!(env!("OUT_DIR"), "/api.rs"));
    // 178 enum types with 1 068 values in the four files, less 74 sentinels
    // and VIR_DOMAIN_MEMORY_STAT_NR.
    assert!(
        code.lines()
            .any(|l| l == "// 83 enums and 95 flags types, 993 values."),
        "{}",
        code.lines().nth(1).unwrap_or_default()
    );
    assert_eq!(LIBVIRT_RELEASE, "11.3.0");
}

#[test]
fn a_state_from_a_newer_daemon_round_trips() {
    let state = DomainState::from_raw(42);
    assert_eq!(state, DomainState::Other(42));
    assert_eq!(state.raw(), 42);
    assert_eq!(DomainState::from_raw(state.raw()), state);
    assert_eq!(state.to_string(), "virDomainState(42)");
    // The sentinel VIR_DOMAIN_LAST (8) is not a state.
    assert_eq!(DomainState::from_raw(8), DomainState::Other(8));
    assert_eq!(DomainState::ALL.len(), 8);
    for &s in DomainState::ALL {
        assert_eq!(DomainState::from_raw(s.raw()), s);
    }
    assert_eq!(DomainState::Pmsuspended.raw(), 7);
    assert_eq!(
        DomainState::Pmsuspended.name(),
        Some("VIR_DOMAIN_PMSUSPENDED")
    );
    assert_eq!(DomainState::Pmsuspended.since(), Some("0.9.11"));
}

#[test]
fn error_vocabularies_match_virterror_h() {
    assert_eq!(ErrorNumber::ALL.len(), 114);
    assert_eq!(ErrorDomain::ALL.len(), 73);
    assert_eq!(ErrorLevel::ALL.len(), 3);
    assert_eq!(ErrorNumber::from_raw(42), ErrorNumber::NoDomain);
    assert_eq!(ErrorNumber::WarNoNetwork.raw(), 41);
    assert_eq!(ErrorNumber::from_raw(9999), ErrorNumber::Other(9999));
    assert!(ErrorNumber::NoDomain.is_not_found());
    assert!(ErrorNumber::WarNoNetwork.is_warning_code());
}

#[test]
fn enums_with_negative_and_aliased_values() {
    assert_eq!(NodeGetCpuStatsAllCpus::CpuStatsAllCpus.raw(), -1);
    assert_eq!(
        DomainQemuAgentCommandTimeoutValues::MIN,
        DomainQemuAgentCommandTimeoutValues::Block
    );
    assert_eq!(DomainQemuAgentCommandTimeoutValues::Block.raw(), -2);
    assert_eq!(DomainEventType::from_raw(5), DomainEventType::Stopped);
}

#[test]
fn flags_keep_unknown_bits() {
    let raw = ConnectListAllDomainsFlags::ACTIVE.bits() | 1 << 30;
    let flags = ConnectListAllDomainsFlags::from_bits_retain(raw);
    assert!(flags.contains(ConnectListAllDomainsFlags::ACTIVE));
    assert_eq!(flags.bits(), raw);
    assert_eq!(ConnectListAllDomainsFlags::from_bits(raw), None);
    assert_eq!(ConnectGetAllDomainStatsFlags::ENFORCE_STATS.bits(), 1 << 31);
    // Defined as another type's value.
    assert_eq!(
        ConnectGetAllDomainStatsFlags::RUNNING.bits(),
        ConnectListAllDomainsFlags::RUNNING.bits()
    );
    assert_eq!(
        DomainModificationImpact::CURRENT,
        DomainModificationImpact::empty()
    );
    assert_eq!(DomainModificationImpact::CONFIG.bits(), 2);
}

#[test]
fn reviewed_types_are_flags() {
    assert_eq!(DomainStatsTypes::STATE.bits(), 1);
    assert_eq!(StreamEventType::HANGUP.bits(), 1 << 3);
}
