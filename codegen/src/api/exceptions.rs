//! The hand-made decisions about libvirt's enums that the rules in
//! [`classify`](super::classify) and [`naming`](super::naming) cannot make
//! from the API XML alone. Each entry cites where in libvirt the decision
//! comes from. Checked against libvirt 11.3.0; a newer release that needs a
//! new entry fails the build with a message naming this file.

use super::classify::Kind;

/// Types whose kind was reviewed because the two signals disagree: the
/// rule calls them flags (a value is written `1 << n`) but the name does not
/// end in `Flags`, `FlagsValues` or `FlagValues`, or the other way round.
/// An entry's kind is what the generator uses.
///
/// `(C type, kind, citation)`
pub const REVIEWED_KINDS: &[(&str, Kind, &str)] = &[
    (
        "virDomainModificationImpact",
        Kind::Flags,
        "src/libvirt-domain.c, virDomainAddIOThread() and others: \
         `flags`: \"bitwise-OR of virDomainModificationImpact\"",
    ),
    (
        "virDomainGuestInfoTypes",
        Kind::Flags,
        "src/libvirt-domain.c, virDomainGetGuestInfo(): `types`: \"types of information \
         to return, binary-OR of virDomainGuestInfoTypes\"",
    ),
    (
        "virDomainMessageType",
        Kind::Flags,
        "src/libvirt-domain.c, virDomainGetMessages(): `flags`: \"zero or more \
         virDomainMessageType flags\"",
    ),
    (
        "virDomainStatsTypes",
        Kind::Flags,
        "src/libvirt-domain.c, virConnectGetAllDomainStats(): `stats`: \"stats to return, \
         binary-OR of virDomainStatsTypes\"",
    ),
    (
        "virEventHandleType",
        Kind::Flags,
        "src/util/virevent.c, virEventAddHandle(): `events`: \"bitset of events to watch \
         from virEventHandleType constants\"",
    ),
    (
        "virStreamEventType",
        Kind::Flags,
        "src/libvirt-stream.c, virStreamEventAddCallback(): `events`: \"set of events to \
         monitor\"; the values are the bits 1 << 0 to 1 << 3, like virEventHandleType's",
    ),
];

/// Values that are not values of their type, beyond the `…_LAST` sentinels
/// that the rule finds.
///
/// `(C name, citation)`
pub const NOT_VALUES: &[(&str, &str)] = &[(
    "VIR_DOMAIN_MEMORY_STAT_NR",
    "libvirt-domain.h: \"The number of statistics supported by this version of the \
     interface\"; VIR_DOMAIN_MEMORY_STAT_LAST, the sentinel, is defined as it",
)];

/// Enum values that share their number with another value of their type
/// and are not defined as that value, so the rule cannot tell which is the
/// alias. The alias becomes an associated constant.
///
/// `(alias, the value it stands for, citation)`
pub const ALIASES: &[(&str, &str, &str)] = &[(
    "VIR_DOMAIN_QEMU_AGENT_COMMAND_MIN",
    "VIR_DOMAIN_QEMU_AGENT_COMMAND_BLOCK",
    "libvirt-qemu.h defines both as VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK (-2); \
     src/libvirt-qemu.c, virDomainQemuAgentCommand(): \"@timeout must be -2, -1, 0 or \
     positive. VIR_DOMAIN_QEMU_AGENT_COMMAND_BLOCK(-2): meaning to block forever\" \
     (MIN is only the lower bound)",
)];

/// Value prefixes chosen by hand, where the shared prefix would keep too
/// much of the name.
///
/// `(C type, prefix, citation)`
pub const PREFIXES: &[(&str, &str, &str)] = &[(
    "virErrorNumber",
    "VIR_ERR_",
    "virterror.h: the six VIR_WAR_* warnings share virErrorNumber with the \
     VIR_ERR_* codes; with `VIR_ERR_` stripped they keep `War` \
     (VIR_WAR_NO_NETWORK → WarNoNetwork) and the codes read as ErrorNumber::NoDomain",
)];

/// The kind [`REVIEWED_KINDS`] gives `c_type`, if any.
pub fn reviewed_kind(c_type: &str) -> Option<Kind> {
    REVIEWED_KINDS
        .iter()
        .find(|(t, _, _)| *t == c_type)
        .map(|&(_, kind, _)| kind)
}

/// Whether `name` is listed in [`NOT_VALUES`].
pub fn is_not_a_value(name: &str) -> bool {
    NOT_VALUES.iter().any(|(n, _)| *n == name)
}

/// The value that `alias` stands for according to [`ALIASES`].
pub fn alias_target(alias: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(a, _, _)| *a == alias)
        .map(|&(_, target, _)| target)
}

/// The prefix [`PREFIXES`] gives the values of `c_type`.
pub fn prefix(c_type: &str) -> Option<&'static str> {
    PREFIXES
        .iter()
        .find(|(t, _, _)| *t == c_type)
        .map(|&(_, prefix, _)| prefix)
}
