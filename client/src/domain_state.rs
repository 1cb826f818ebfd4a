//! Domain states (`virDomainState`), as `domain_get_info` and
//! `domain_get_state` report them: the type generated from libvirt's API
//! description, [`virtwire_protocol::api::DomainState`].
//!
//! Its `Display` writes the C name (`VIR_DOMAIN_SHUTOFF`);
//! [`virsh_name`](DomainState::virsh_name) gives virsh's words
//! (`shut off`).

pub use virtwire_protocol::api::DomainState;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_values_round_trip() {
        for raw in -1..10 {
            assert_eq!(DomainState::from_raw(raw).raw(), raw);
        }
        assert_eq!(DomainState::from_raw(1), DomainState::Running);
        assert_eq!(DomainState::from_raw(5).virsh_name(), "shut off");
        assert_eq!(DomainState::from_raw(5).to_string(), "VIR_DOMAIN_SHUTOFF");
    }

    /// A state from a newer daemon survives: `Other(42)`, and back to 42.
    #[test]
    fn unknown_states_are_kept() {
        let state = DomainState::from_raw(42);
        assert_eq!(state, DomainState::Other(42));
        assert_eq!(state.raw(), 42);
        assert_eq!(DomainState::from_raw(state.raw()), state);
        assert!(!state.is_known());
        assert_eq!(state.to_string(), "virDomainState(42)");
        assert_eq!(state.virsh_name(), "no state");
        // The sentinel VIR_DOMAIN_LAST (8) is not a state either.
        assert_eq!(DomainState::from_raw(8), DomainState::Other(8));
    }
}
