//! Which C enum types are flags, and which values are sentinels.
//!
//! libvirt's API XML does not say whether an enum type is a set of bits or
//! a list of alternatives. The rule used here:
//!
//! **A type is a flags type when at least one of its values is written
//! `1 << n` in libvirt's header**, directly or through the value it is
//! defined as (`VIR_DOMAIN_SAVE_IMAGE_XML_SECURE = VIR_DOMAIN_XML_SECURE`,
//! which is `1 << 0`). libvirt's `apibuild.py` records exactly those values
//! with a `value_bitshift` attribute, and libvirt writes every bit of a
//! flags type that way.
//!
//! Values that merely are powers of two prove nothing: `virNetworkUpdateCommand`
//! is `NONE = 0, MODIFY = 1, DELETE = 2, ADD_LAST = 3, ADD_FIRST = 4`, and
//! most short enums (`virIPAddrType`: 0, 1) only hold 0, 1 and 2.
//!
//! The name is the second signal: `…Flags`, `…FlagsValues` or
//! `…FlagValues`. Where the two disagree the type must be listed, with the
//! libvirt documentation that settles it, in
//! [`REVIEWED_KINDS`](super::exceptions::REVIEWED_KINDS), or generation
//! fails. In 11.3.0 that is six flags types without a flags name
//! (`virDomainModificationImpact`, `virDomainStatsTypes`, ...) and no enum
//! with one.
//!
//! **Sentinels** are not values: libvirt declares a `…_LAST` one past the
//! end of most enums, inside `#ifdef VIR_ENUM_SENTINELS`, and it grows with
//! every release. A value is taken for one when its name ends in `_LAST`
//! and it is greater than every other value of its type; in 11.3.0 that
//! picks exactly the 74 values in `VIR_ENUM_SENTINELS` blocks (not
//! `VIR_NETWORK_UPDATE_COMMAND_ADD_LAST`, which is 3 of 0..4).
//! [`NOT_VALUES`](super::exceptions::NOT_VALUES) lists any other.

use super::exceptions;

/// What a C enum type becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A Rust enum with an `Other(i32)` catch-all.
    Enum,
    /// A `bitflags` type over `u32` that keeps unknown bits.
    Flags,
}

/// Whether the C type's name says it holds flags.
pub fn named_as_flags(c_type: &str) -> bool {
    ["Flags", "FlagsValues", "FlagValues"]
        .iter()
        .any(|suffix| c_type.ends_with(suffix))
}

/// The kind of C type `c_type`, given whether a value of it is written
/// `1 << n` ([`Kind::Flags`] if so). When that and the name disagree the
/// type must be in [`REVIEWED_KINDS`](exceptions::REVIEWED_KINDS); the error
/// says what to add.
pub fn kind(c_type: &str, written_as_bits: bool) -> Result<Kind, String> {
    if let Some(kind) = exceptions::reviewed_kind(c_type) {
        return Ok(kind);
    }
    let named = named_as_flags(c_type);
    match (written_as_bits, named) {
        (true, true) => Ok(Kind::Flags),
        (false, false) => Ok(Kind::Enum),
        (true, false) => Err(format!(
            "`{c_type}` has values written `1 << n` but its name does not say Flags: \
             decide whether it is flags and add it, with a citation, to REVIEWED_KINDS \
             in codegen/src/api/exceptions.rs"
        )),
        (false, true) => Err(format!(
            "`{c_type}` is named as flags but no value of it is written `1 << n`: \
             decide whether it is flags and add it, with a citation, to REVIEWED_KINDS \
             in codegen/src/api/exceptions.rs"
        )),
    }
}

/// Whether the value `name` with number `value` is a sentinel among the
/// `others` numbers of its type.
pub fn is_sentinel(name: &str, value: i64, mut others: impl Iterator<Item = i64>) -> bool {
    name.ends_with("_LAST") && others.all(|o| o < value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_and_name_agreeing_decide() {
        assert_eq!(kind("virConnectListAllDomainsFlags", true), Ok(Kind::Flags));
        assert_eq!(kind("virDomainRebootFlagValues", true), Ok(Kind::Flags));
        assert_eq!(kind("virDomainState", false), Ok(Kind::Enum));
    }

    #[test]
    fn disagreement_needs_a_reviewed_entry() {
        assert_eq!(kind("virDomainStatsTypes", true), Ok(Kind::Flags));
        let err = kind("virNewThingTypes", true).unwrap_err();
        assert!(err.contains("REVIEWED_KINDS"), "{err}");
        let err = kind("virNewThingFlags", false).unwrap_err();
        assert!(err.contains("no value of it is written"), "{err}");
    }

    #[test]
    fn reviewed_kinds_are_the_disagreeing_ones() {
        for (c_type, kind, citation) in exceptions::REVIEWED_KINDS {
            assert_eq!(*kind == Kind::Flags, !named_as_flags(c_type), "{c_type}");
            assert!(!citation.is_empty());
        }
    }

    #[test]
    fn sentinels() {
        assert!(is_sentinel("VIR_DOMAIN_LAST", 8, [0, 7].into_iter()));
        assert!(!is_sentinel(
            "VIR_NETWORK_UPDATE_COMMAND_ADD_LAST",
            3,
            [0, 1, 2, 4, 5].into_iter()
        ));
        assert!(!is_sentinel("VIR_DOMAIN_RUNNING", 8, [0].into_iter()));
    }
}
