//! Rust names for libvirt's C enum types and values.
//!
//! Types lose their `vir` prefix and are written in Rust case, acronyms as
//! words (`virDomainXMLFlags` → `DomainXmlFlags`, `virNodeGetCPUStatsAllCPUs`
//! → `NodeGetCpuStatsAllCpus`). Values lose the prefix their type's values
//! share (`VIR_DOMAIN_RUNNING` of `virDomainState` → `Running`); see
//! [`value_prefix`].

use crate::names;

/// The words of a C type name: `virDomainEventIOErrorAction` → `vir`,
/// `Domain`, `Event`, `IO`, `Error`, `Action`. An upper-case run ends before
/// its last letter when a lower-case letter follows (`IOError`), except for a
/// plural `s` that ends the word (`CPUs`).
pub fn words(name: &str) -> Vec<&str> {
    let bytes = name.as_bytes();
    let mut words = Vec::new();
    let mut start = 0;
    for i in 1..bytes.len() {
        let (prev, c) = (bytes[i - 1], bytes[i]);
        let next = bytes.get(i + 1).copied();
        let after_next = bytes.get(i + 2).copied();
        let boundary = if c.is_ascii_uppercase() {
            let lower_next = next.is_some_and(|n| n.is_ascii_lowercase());
            let plural = next == Some(b's') && !after_next.is_some_and(|a| a.is_ascii_lowercase());
            prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && lower_next && !plural)
        } else {
            c == b'_'
        };
        if boundary {
            words.push(&name[start..i]);
            start = if c == b'_' { i + 1 } else { i };
        }
    }
    words.push(&name[start..]);
    words.retain(|w| !w.is_empty() && *w != "_");
    words
}

/// The Rust name of a C enum type: `vir` stripped, each word capitalised
/// and the rest of it lower-cased.
pub fn type_name(c_name: &str) -> String {
    let stripped = c_name
        .strip_prefix("vir")
        .filter(|s| s.starts_with(|c: char| c.is_ascii_uppercase()))
        .unwrap_or(c_name);
    let mut out = String::with_capacity(stripped.len());
    for word in words(stripped) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    out
}

/// The prefix to strip from the values of C type `type_name` (`names` are
/// the values that get Rust names: no sentinels).
///
/// - With two or more values: the longest prefix ending in `_` that they all
///   share (`VIR_DOMAIN_` for `virDomainState`).
/// - With one value: its leading words that spell the start of the type's
///   name (`VIR_DOMAIN_BLOCKED_` of `VIR_DOMAIN_BLOCKED_UNKNOWN` for
///   `virDomainBlockedReason`), so one value does not become its last word.
///
/// Either way the prefix is shortened by whole words while a stripped name
/// would start with a digit, and it never takes a whole name.
pub fn value_prefix(type_name: &str, names: &[&str]) -> String {
    let mut len = match names {
        [] => 0,
        [only] => type_spelled_prefix_len(type_name, only),
        _ => names::common_prefix_len(names),
    };
    while len > 0
        && names
            .iter()
            .any(|n| n[len..].starts_with(|c: char| c.is_ascii_digit()))
    {
        len = names[0][..len - 1].rfind('_').map_or(0, |i| i + 1);
    }
    names
        .first()
        .map_or_else(String::new, |n| n[..len].to_owned())
}

/// The length of the leading `_`-separated words of `value` that, joined and
/// lower-cased, the lower-cased `type_name` starts with; at least one word is
/// left over.
fn type_spelled_prefix_len(type_name: &str, value: &str) -> usize {
    let type_lower: String = type_name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut spelled = String::new();
    let mut len = 0;
    for (i, c) in value.char_indices() {
        if c != '_' {
            spelled.push(c.to_ascii_lowercase());
            continue;
        }
        if !type_lower.starts_with(&spelled) {
            break;
        }
        len = i + 1;
    }
    if len >= value.len() { 0 } else { len }
}

/// `name` without `prefix`; a name that lacks it (a `VIR_WAR_*` code when
/// the prefix is `VIR_ERR_`) only loses `VIR_`.
pub fn strip<'a>(name: &'a str, prefix: &str) -> &'a str {
    name.strip_prefix(prefix)
        .or_else(|| name.strip_prefix("VIR_"))
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
}

/// An enum variant: `NO_DOMAIN` → `NoDomain`.
pub fn variant(stripped: &str) -> String {
    names::variant_ident(stripped)
}

/// A constant (a flag, an alias): `LIST_DOMAINS_ACTIVE` stays; a leading
/// digit gets a `V`.
pub fn constant(stripped: &str) -> String {
    let upper = stripped.to_ascii_uppercase();
    if upper.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{upper}")
    } else {
        upper
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_words() {
        assert_eq!(
            words("virDomainEventIOErrorAction"),
            ["vir", "Domain", "Event", "IO", "Error", "Action"]
        );
        assert_eq!(
            words("virNodeGetCPUStatsAllCPUs"),
            ["vir", "Node", "Get", "CPU", "Stats", "All", "CPUs"]
        );
        assert_eq!(words("virDomainEventID"), ["vir", "Domain", "Event", "ID"]);
        assert_eq!(
            words("virNWFilterDefineFlags"),
            ["vir", "NW", "Filter", "Define", "Flags"]
        );
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("virDomainState"), "DomainState");
        assert_eq!(
            type_name("virConnectListAllDomainsFlags"),
            "ConnectListAllDomainsFlags"
        );
        assert_eq!(type_name("virDomainXMLFlags"), "DomainXmlFlags");
        assert_eq!(
            type_name("virNodeGetCPUStatsAllCPUs"),
            "NodeGetCpuStatsAllCpus"
        );
        assert_eq!(
            type_name("virDomainEventPMSuspendedDetailType"),
            "DomainEventPmSuspendedDetailType"
        );
        assert_eq!(type_name("virIPAddrType"), "IpAddrType");
        assert_eq!(
            type_name("virAdmConnectDaemonShutdownFlags"),
            "AdmConnectDaemonShutdownFlags"
        );
        assert_eq!(type_name("virtualThing"), "VirtualThing");
    }

    #[test]
    fn prefixes_of_several_values() {
        assert_eq!(
            value_prefix(
                "virDomainState",
                &["VIR_DOMAIN_NOSTATE", "VIR_DOMAIN_RUNNING"]
            ),
            "VIR_DOMAIN_"
        );
        // Shortened rather than leave a digit in front.
        assert_eq!(value_prefix("t", &["VIR_X_2D", "VIR_X_3D"]), "VIR_");
        assert_eq!(value_prefix("t", &["A_2", "A_3"]), "");
    }

    #[test]
    fn prefix_of_one_value_follows_the_type_name() {
        assert_eq!(
            value_prefix("virDomainBlockedReason", &["VIR_DOMAIN_BLOCKED_UNKNOWN"]),
            "VIR_DOMAIN_BLOCKED_"
        );
        assert_eq!(
            value_prefix(
                "virConnectGetDomainCapabilitiesFlags",
                &["VIR_CONNECT_GET_DOMAIN_CAPABILITIES_DISABLE_DEPRECATED_FEATURES"]
            ),
            "VIR_CONNECT_GET_DOMAIN_CAPABILITIES_"
        );
        assert_eq!(
            value_prefix(
                "virDomainPMSuspendedDiskReason",
                &["VIR_DOMAIN_PMSUSPENDED_DISK_UNKNOWN"]
            ),
            "VIR_DOMAIN_PMSUSPENDED_DISK_"
        );
        assert_eq!(value_prefix("virFlags", &["VIR_FLAGS"]), "VIR_");
        assert_eq!(value_prefix("virX", &["VIR_X_Y"]), "VIR_X_");
    }

    #[test]
    fn stripping_and_rust_names() {
        assert_eq!(strip("VIR_ERR_NO_DOMAIN", "VIR_ERR_"), "NO_DOMAIN");
        assert_eq!(strip("VIR_WAR_NO_NETWORK", "VIR_ERR_"), "WAR_NO_NETWORK");
        assert_eq!(strip("OTHER", "VIR_"), "OTHER");
        assert_eq!(variant("NO_DOMAIN"), "NoDomain");
        assert_eq!(variant("PMSUSPENDED"), "Pmsuspended");
        assert_eq!(constant("LIST_DOMAINS_ACTIVE"), "LIST_DOMAINS_ACTIVE");
        assert_eq!(constant("min"), "MIN");
        assert_eq!(constant("3D"), "V3D");
    }
}
