//! Compiles the API generator's golden output
//! (`codegen/tests/golden/api/expected.rs`) and checks what its types
//! promise: named values round-trip, unknown numbers and bits survive,
//! aliases and zero flags are constants, and `Display` writes C names.

// The golden module is compiled to prove that it compiles; not every item
// in it is used.
#![allow(dead_code)]

mod api {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../codegen/tests/golden/api/expected.rs"
    ));
}

use api::{
    DomainModificationImpact, DomainQemuAgentCommandTimeoutValues, DomainSnapshotListFlags,
    DomainState, ErrorNumber, VcpuHostCpuState,
};

#[test]
fn named_values_round_trip() {
    for &s in DomainState::ALL {
        assert_eq!(DomainState::from_raw(s.raw()), s);
        assert!(s.is_known());
    }
    assert_eq!(DomainState::from_raw(1), DomainState::Running);
    assert_eq!(DomainState::Running.name(), Some("VIR_DOMAIN_RUNNING"));
    assert_eq!(DomainState::Running.since(), Some("0.0.1"));
    assert_eq!(i32::from(ErrorNumber::NoDomain), 2);
    assert_eq!(ErrorNumber::from(1), ErrorNumber::WarNoNetwork);
    assert_eq!(
        VcpuHostCpuState::from_raw(-2),
        VcpuHostCpuState::Unavailable
    );
    assert_eq!(api::LIBVIRT_RELEASE, "11.3.0");
}

#[test]
fn unknown_numbers_are_kept() {
    // The sentinel VIR_DOMAIN_LAST (2) is not a value.
    for raw in [2, 42, -1, i32::MIN, i32::MAX] {
        let s = DomainState::from_raw(raw);
        assert_eq!(s, DomainState::Other(raw));
        assert_eq!(s.raw(), raw);
        assert!(!s.is_known());
        assert_eq!(s.name(), None);
        assert_eq!(s.since(), None);
        assert_eq!(s.to_string(), format!("virDomainState({raw})"));
    }
    assert_eq!(DomainState::Running.to_string(), "VIR_DOMAIN_RUNNING");
}

#[test]
fn aliases_are_constants() {
    assert_eq!(
        DomainQemuAgentCommandTimeoutValues::MIN,
        DomainQemuAgentCommandTimeoutValues::Block
    );
    assert_eq!(DomainQemuAgentCommandTimeoutValues::MIN.raw(), -2);
    assert_eq!(DomainQemuAgentCommandTimeoutValues::ALL.len(), 2);
}

#[test]
fn flags_keep_unknown_bits() {
    let f = DomainModificationImpact::from_bits_retain(0b1010_0011);
    assert!(f.contains(DomainModificationImpact::LIVE | DomainModificationImpact::CONFIG));
    assert_eq!(f.bits(), 0b1010_0011);
    assert_eq!(
        f.difference(DomainModificationImpact::all()).bits(),
        0b1010_0000
    );
    assert_eq!(
        DomainModificationImpact::CURRENT,
        DomainModificationImpact::empty()
    );
    assert_eq!(
        format!(
            "{:?}",
            DomainModificationImpact::LIVE | DomainModificationImpact::CONFIG
        ),
        "DomainModificationImpact(LIVE | CONFIG)"
    );
    assert_eq!(
        format!("{f:?}"),
        "DomainModificationImpact(LIVE | CONFIG | 0xa0)"
    );
    assert_eq!(
        format!("{:?}", DomainModificationImpact::CURRENT),
        "DomainModificationImpact(0x0)"
    );
    assert_eq!(format!("{:#x}", DomainModificationImpact::CONFIG), "0x2");
    // Two names for one bit.
    assert_eq!(
        DomainSnapshotListFlags::ROOTS,
        DomainSnapshotListFlags::DESCENDANTS
    );
    assert_eq!(DomainSnapshotListFlags::LEAVES.bits(), 4);
}
