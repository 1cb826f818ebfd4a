//! Unit tests for the libvirt error-code tables.

use super::{ErrorCode, ErrorDomain, ErrorLevel, LIBVIRT_VOCABULARY};
use std::collections::HashSet;
use std::path::PathBuf;

/// `(raw, C name, Debug name)` rows of a table, in `ALL` order.
fn rows<T: Copy + std::fmt::Debug>(
    all: &[T],
    raw: fn(T) -> i32,
    name: fn(T) -> Option<&'static str>,
) -> Vec<(i32, &'static str, String)> {
    all.iter()
        .map(|&v| (raw(v), name(v).expect("a named value"), format!("{v:?}")))
        .collect()
}

fn code_rows() -> Vec<(i32, &'static str, String)> {
    rows(ErrorCode::ALL, ErrorCode::raw, ErrorCode::name)
}

fn domain_rows() -> Vec<(i32, &'static str, String)> {
    rows(ErrorDomain::ALL, ErrorDomain::raw, ErrorDomain::name)
}

fn level_rows() -> Vec<(i32, &'static str, String)> {
    rows(ErrorLevel::ALL, ErrorLevel::raw, ErrorLevel::name)
}

/// `NoDomain` → `NO_DOMAIN`.
fn upper_snake(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[test]
fn table_sizes_match_libvirt_11_3_0() {
    assert_eq!(LIBVIRT_VOCABULARY, "11.3.0");
    assert_eq!(ErrorCode::ALL.len(), 114);
    assert_eq!(ErrorDomain::ALL.len(), 73);
    assert_eq!(ErrorLevel::ALL.len(), 3);
}

#[test]
fn tables_are_dense_ascending_and_unique() {
    for rows in [code_rows(), domain_rows(), level_rows()] {
        // 0..len in order: implies no duplicate and no missing value.
        for (i, (raw, _, _)) in rows.iter().enumerate() {
            assert_eq!(*raw, i32::try_from(i).unwrap(), "row {i}: {rows:?}");
        }
        let names: HashSet<_> = rows.iter().map(|r| r.1).collect();
        assert_eq!(names.len(), rows.len(), "duplicate C name");
        let variants: HashSet<_> = rows.iter().map(|r| r.2.clone()).collect();
        assert_eq!(variants.len(), rows.len(), "duplicate variant");
    }
}

#[test]
fn variant_names_follow_c_names() {
    for (_, name, variant) in code_rows() {
        let snake = upper_snake(&variant);
        let expected = match snake.strip_prefix("WAR_") {
            Some(rest) => format!("VIR_WAR_{rest}"),
            None => format!("VIR_ERR_{snake}"),
        };
        assert_eq!(name, expected);
    }
    for (_, name, variant) in domain_rows() {
        assert_eq!(name, format!("VIR_FROM_{}", upper_snake(&variant)));
    }
    for (_, name, variant) in level_rows() {
        assert_eq!(name, format!("VIR_ERR_{}", upper_snake(&variant)));
    }
}

#[test]
fn round_trip_every_known_value() {
    for &c in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_raw(c.raw()), c);
        assert_eq!(ErrorCode::from(i32::from(c)), c);
        assert!(c.is_known());
        assert!(c.since().is_some());
        assert_eq!(Some(c.to_string().as_str()), c.name());
    }
    for &d in ErrorDomain::ALL {
        assert_eq!(ErrorDomain::from_raw(d.raw()), d);
        assert_eq!(ErrorDomain::from(i32::from(d)), d);
        assert!(d.is_known());
        assert_eq!(Some(d.to_string().as_str()), d.name());
    }
    for &l in ErrorLevel::ALL {
        assert_eq!(ErrorLevel::from_raw(l.raw()), l);
        assert_eq!(ErrorLevel::from(i32::from(l)), l);
        assert!(l.is_known());
        assert_eq!(Some(l.to_string().as_str()), l.name());
    }
}

#[test]
fn unknown_values_become_other() {
    for raw in [-1, 114, 1000, i32::MIN, i32::MAX] {
        let c = ErrorCode::from_raw(raw);
        assert_eq!(c, ErrorCode::Other(raw));
        assert_eq!(c.raw(), raw);
        assert_eq!(c.name(), None);
        assert_eq!(c.to_string(), format!("virErrorNumber({raw})"));
        assert!(!c.is_known());
        assert_eq!(c.since(), None);
        assert!(!c.is_not_found() && !c.is_unsupported());
        assert!(!c.is_invalid_argument() && !c.is_access_denied());
        assert!(!c.is_auth_failure() && !c.is_warning_code());
    }
    for raw in [-1, 73, i32::MAX] {
        let d = ErrorDomain::from_raw(raw);
        assert_eq!(d, ErrorDomain::Other(raw));
        assert_eq!(d.raw(), raw);
        assert_eq!(d.name(), None);
        assert_eq!(d.to_string(), format!("virErrorDomain({raw})"));
    }
    for raw in [-1, 3, i32::MIN] {
        let l = ErrorLevel::from_raw(raw);
        assert_eq!(l, ErrorLevel::Other(raw));
        assert_eq!(l.raw(), raw);
        assert_eq!(l.name(), None);
        assert_eq!(l.to_string(), format!("virErrorLevel({raw})"));
    }
    // A hand-built `Other` around a known value is not normalised…
    assert_ne!(ErrorCode::Other(42), ErrorCode::NoDomain);
    // …but from_raw(raw()) normalises it.
    assert_eq!(
        ErrorCode::from_raw(ErrorCode::Other(42).raw()),
        ErrorCode::NoDomain
    );
}

#[test]
fn spot_check_known_values() {
    use ErrorCode as C;
    assert_eq!(C::Ok.raw(), 0);
    assert_eq!(C::InternalError.raw(), 1);
    assert_eq!(C::NoSupport.raw(), 3);
    assert_eq!(C::InvalidArg.raw(), 8);
    assert_eq!(C::OperationFailed.raw(), 9);
    assert_eq!(C::OperationDenied.raw(), 29);
    assert_eq!(C::SystemError.raw(), 38);
    assert_eq!(C::Rpc.raw(), 39);
    assert_eq!(C::WarNoNetwork.raw(), 41);
    assert_eq!(C::NoDomain.raw(), 42);
    assert_eq!(C::AuthFailed.raw(), 45);
    assert_eq!(C::OperationInvalid.raw(), 55);
    assert_eq!(C::ArgumentUnsupported.raw(), 74);
    assert_eq!(C::OperationUnsupported.raw(), 84);
    assert_eq!(C::AccessDenied.raw(), 88);
    assert_eq!(C::MultipleDomains.raw(), 110);
    assert_eq!(C::NoNetworkMetadata.raw(), 111);
    assert_eq!(C::AgentCommandTimeout.raw(), 112);
    assert_eq!(C::AgentCommandFailed.raw(), 113);
    assert_eq!(C::from_raw(42), C::NoDomain);
    assert_eq!(C::NoDomain.name(), Some("VIR_ERR_NO_DOMAIN"));
    assert_eq!(C::NoDomain.to_string(), "VIR_ERR_NO_DOMAIN");
    assert_eq!(
        C::OperationInvalid.name(),
        Some("VIR_ERR_OPERATION_INVALID")
    );
    assert_eq!(C::Ok.name(), Some("VIR_ERR_OK"));
    assert_eq!(C::WarNoSecret.name(), Some("VIR_WAR_NO_SECRET"));
    assert_eq!(C::NoDomain.since(), Some("0.3.0"));
    assert_eq!(C::AgentCommandFailed.since(), Some("11.2.0"));

    use ErrorDomain as D;
    assert_eq!(D::None.raw(), 0);
    assert_eq!(D::Rpc.raw(), 7);
    assert_eq!(D::Qemu.raw(), 10);
    assert_eq!(D::Test.raw(), 12);
    assert_eq!(D::Remote.raw(), 13);
    assert_eq!(D::Domain.raw(), 20);
    assert_eq!(D::Access.raw(), 55);
    assert_eq!(D::Ch.raw(), 72);
    assert_eq!(D::from_raw(13), D::Remote);
    assert_eq!(D::Qemu.name(), Some("VIR_FROM_QEMU"));
    assert_eq!(D::Rpc.to_string(), "VIR_FROM_RPC");

    use ErrorLevel as L;
    assert_eq!(L::None.raw(), 0);
    assert_eq!(L::Warning.raw(), 1);
    assert_eq!(L::Error.raw(), 2);
    assert_eq!(L::Error.name(), Some("VIR_ERR_ERROR"));
}

fn members(pred: fn(ErrorCode) -> bool) -> Vec<ErrorCode> {
    ErrorCode::ALL
        .iter()
        .copied()
        .filter(|&c| pred(c))
        .collect()
}

#[test]
fn predicate_membership() {
    use ErrorCode as C;
    assert_eq!(
        members(C::is_not_found),
        [
            C::NoDomain,
            C::NoNetwork,
            C::NoStoragePool,
            C::NoStorageVol,
            C::NoNodeDevice,
            C::NoInterface,
            C::NoNwfilter,
            C::NoSecret,
            C::NoDomainSnapshot,
            C::NoDomainMetadata,
            C::NoServer,
            C::NoClient,
            C::DeviceMissing,
            C::NoNwfilterBinding,
            C::NoDomainCheckpoint,
            C::NoDomainBackup,
            C::NoNetworkPort,
            C::NoNetworkMetadata,
        ]
    );
    assert_eq!(
        members(C::is_unsupported),
        [
            C::NoSupport,
            C::CallFailed,
            C::ConfigUnsupported,
            C::ArgumentUnsupported,
            C::OperationUnsupported,
        ]
    );
    assert_eq!(
        members(C::is_invalid_argument),
        [
            C::InvalidArg,
            C::XmlError,
            C::XmlDetail,
            C::InvalidMac,
            C::XmlInvalidSchema,
        ]
    );
    assert_eq!(
        members(C::is_access_denied),
        [C::OperationDenied, C::AccessDenied]
    );
    assert_eq!(
        members(C::is_auth_failure),
        [C::AuthFailed, C::AuthCancelled, C::AuthUnavailable]
    );
    let warnings = members(C::is_warning_code);
    assert_eq!(warnings.len(), 6);
    assert!(
        warnings
            .iter()
            .all(|c| c.name().is_some_and(|n| n.starts_with("VIR_WAR_")))
    );
    assert_eq!(
        ErrorCode::ALL
            .iter()
            .filter(|c| c.name().is_some_and(|n| n.starts_with("VIR_WAR_")))
            .count(),
        6
    );
}

#[test]
fn predicates_are_disjoint() {
    let preds: [fn(ErrorCode) -> bool; 6] = [
        ErrorCode::is_not_found,
        ErrorCode::is_unsupported,
        ErrorCode::is_invalid_argument,
        ErrorCode::is_access_denied,
        ErrorCode::is_auth_failure,
        ErrorCode::is_warning_code,
    ];
    for &c in ErrorCode::ALL {
        let hits = preds.iter().filter(|p| p(c)).count();
        assert!(hits <= 1, "{c:?} matches {hits} predicates");
    }
}

/// Parses `NAME = value` enumerators of the C enum whose closing line is
/// `} <type>;`.
fn header_enum(header: &str, c_type: &str) -> Vec<(i32, String)> {
    let end = header
        .find(&format!("}} {c_type};"))
        .unwrap_or_else(|| panic!("{c_type} not found in header"));
    let start = header[..end]
        .rfind("typedef enum {")
        .expect("typedef enum before type name");
    header[start..end]
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let (name, rest) = line.split_once('=')?;
            let name = name.trim();
            if !name.starts_with("VIR_") {
                return None;
            }
            let digits: String = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            Some((digits.parse().expect("numeric value"), name.to_owned()))
        })
        .collect()
}

/// Compares the tables with libvirt's header, which `scripts/fetch-protocol.sh`
/// extracts into `.virtwire/libvirt-src` from the pinned 11.3.0 tarball.
#[test]
fn tables_match_virterror_h() {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        ".virtwire",
        "libvirt-src",
        "include",
        "libvirt",
        "virterror.h",
    ]
    .iter()
    .collect();
    let header = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/fetch-protocol.sh)", path.display()));
    let ours = |rows: Vec<(i32, &'static str, String)>| -> Vec<(i32, String)> {
        rows.into_iter()
            .map(|(v, n, _)| (v, n.to_owned()))
            .collect()
    };
    assert_eq!(header_enum(&header, "virErrorNumber"), ours(code_rows()));
    assert_eq!(header_enum(&header, "virErrorDomain"), ours(domain_rows()));
    assert_eq!(header_enum(&header, "virErrorLevel"), ours(level_rows()));
}
