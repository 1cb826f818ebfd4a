//! Turning XDR names into Rust names.

/// Rust keywords (all editions, including reserved ones).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// Names from std's prelude (and `Self`) that a generated type must not take,
/// so that reading the generated code never surprises.
const PRELUDE: &[&str] = &[
    "String", "Option", "Vec", "Box", "Result", "Some", "None", "Ok", "Err", "Self", "Default",
    "Iterator", "Clone", "Copy", "Send", "Sync", "Sized", "Drop", "Fn",
];

/// `remote_domain_get_info_ret` → `RemoteDomainGetInfoRet`, `CONNECT_OPEN` →
/// `ConnectOpen`, `MessageUUID` stays. A part with no lower-case letters is
/// lower-cased after its first letter.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for part in name.split('_').filter(|p| !p.is_empty()) {
        let shout = !part.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
        }
        if shout {
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        } else {
            out.extend(chars);
        }
    }
    out
}

/// `callbackID` → `callback_id`, `nrVirtCpu` → `nr_virt_cpu`, `oldMAC` → `old_mac`.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let boundary = prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower);
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A field or function name: snake case, keywords made raw (`r#type`).
pub fn field_ident(name: &str) -> String {
    let snake = snake(name);
    escape(snake)
}

/// Makes a keyword usable as an identifier.
pub fn escape(ident: String) -> String {
    if NOT_RAW.contains(&ident.as_str()) {
        format!("{ident}_")
    } else if KEYWORDS.contains(&ident.as_str()) {
        format!("r#{ident}")
    } else {
        ident
    }
}

/// The Rust name of an XDR type: the prefix stripped, then camel case. When
/// stripping leaves nothing usable or a prelude name, the full name is used.
pub fn type_ident(xdr_name: &str, prefix: &str) -> String {
    let stripped = xdr_name
        .strip_prefix(prefix)
        .filter(|s| !prefix.is_empty() && !s.is_empty());
    if let Some(short) = stripped.map(camel) {
        let usable = short
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic());
        if usable && !PRELUDE.contains(&short.as_str()) {
            return short;
        }
    }
    variant_ident(xdr_name)
}

/// Whether a generated type must not take `name` (a name from std's prelude).
pub fn is_reserved_type_name(name: &str) -> bool {
    PRELUDE.contains(&name)
}

/// An enum or union variant: camel case; a leading digit gets a `V`.
pub fn variant_ident(name: &str) -> String {
    let camel = camel(name);
    match camel.chars().next() {
        None => "V".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("V{camel}"),
        Some(_) if camel == "Self" => "Self_".to_owned(),
        Some(_) => camel,
    }
}

/// The length of the longest prefix ending in `_` that every name starts with
/// and that leaves something of each.
pub fn common_prefix_len(names: &[&str]) -> usize {
    let Some(first) = names.first() else { return 0 };
    let mut best = 0;
    for (i, c) in first.char_indices() {
        if c != '_' {
            continue;
        }
        let len = i + 1;
        let prefix = &first[..len];
        if names.iter().all(|n| n.len() > len && n.starts_with(prefix)) {
            best = len;
        } else {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case() {
        assert_eq!(camel("domain_get_info_ret"), "DomainGetInfoRet");
        assert_eq!(camel("CONNECT_OPEN"), "ConnectOpen");
        assert_eq!(camel("MessageUUID"), "MessageUUID");
        assert_eq!(camel("nonnull_domain"), "NonnullDomain");
        assert_eq!(camel("X86_64"), "X8664");
    }

    #[test]
    fn snake_case() {
        assert_eq!(snake("callbackID"), "callback_id");
        assert_eq!(snake("nrVirtCpu"), "nr_virt_cpu");
        assert_eq!(snake("oldMAC"), "old_mac");
        assert_eq!(snake("MACAddr"), "mac_addr");
        assert_eq!(snake("str1"), "str1");
        assert_eq!(snake("need_results"), "need_results");
        assert_eq!(snake("libVer"), "lib_ver");
        assert_eq!(snake("ipv4Addr"), "ipv4_addr");
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("Self"), "self_");
    }

    #[test]
    fn type_names() {
        assert_eq!(
            type_ident("remote_domain_get_info_ret", "remote_"),
            "DomainGetInfoRet"
        );
        assert_eq!(type_ident("virNetMessageHeader", "virNet"), "MessageHeader");
        assert_eq!(type_ident("remote_string", "remote_"), "RemoteString");
        assert_eq!(type_ident("admin_string", "admin_"), "AdminString");
        assert_eq!(type_ident("other_thing", "remote_"), "OtherThing");
        assert_eq!(type_ident("remote_", "remote_"), "Remote");
        assert_eq!(type_ident("remote_9p", "remote_"), "Remote9p");
    }

    #[test]
    fn prefixes_and_variants() {
        assert_eq!(
            common_prefix_len(&["REMOTE_AUTH_NONE", "REMOTE_AUTH_SASL"]),
            "REMOTE_AUTH_".len()
        );
        assert_eq!(common_prefix_len(&["A_B", "A_B_C"]), 2);
        assert_eq!(common_prefix_len(&["FOO_BAR"]), 4);
        assert_eq!(common_prefix_len(&["FOO", "BAR"]), 0);
        assert_eq!(variant_ident("2G"), "V2g");
        assert_eq!(variant_ident("SELF"), "Self_");
    }
}
