//! A `remote_error` as the daemon sends it, decoded from its XDR bytes into
//! an [`Error`]: numbers that libvirt 11.3.0 does not name survive.

use super::{Error, ErrorCode, ErrorDomain, ErrorKind, ErrorLevel};
use virtwire_protocol::conn::CallError;
use virtwire_protocol::virnet::MessageError;
use virtwire_protocol::xdr::{Bytes, from_bytes};

/// The XDR of a `remote_error` with the given numbers and message, and
/// every optional field absent.
fn remote_error_bytes(code: i32, domain: i32, level: i32, message: &str) -> Bytes {
    let mut out = Vec::new();
    let int = |out: &mut Vec<u8>, v: i32| out.extend_from_slice(&v.to_be_bytes());
    int(&mut out, code);
    int(&mut out, domain);
    // message: present, a string padded to 4 bytes.
    int(&mut out, 1);
    int(&mut out, i32::try_from(message.len()).unwrap());
    out.extend_from_slice(message.as_bytes());
    out.resize(out.len().next_multiple_of(4), 0);
    int(&mut out, level);
    int(&mut out, 0); // dom: absent
    int(&mut out, 0); // str1
    int(&mut out, 0); // str2
    int(&mut out, 0); // str3
    int(&mut out, 7); // int1
    int(&mut out, -1); // int2
    int(&mut out, 0); // net: absent
    Bytes::from(out)
}

#[test]
fn unknown_code_domain_and_level_keep_their_numbers() {
    let wire: MessageError =
        from_bytes(remote_error_bytes(9999, 9998, 42, "from a newer daemon")).unwrap();
    let err = Error::call("DOMAIN_FROM_THE_FUTURE", CallError::Remote(Box::new(wire)));
    assert_eq!(err.kind(), ErrorKind::Libvirt);
    assert_eq!(err.code(), Some(ErrorCode::Other(9999)));
    assert_eq!(err.code().map(ErrorCode::raw), Some(9999));
    assert_eq!(err.domain(), Some(ErrorDomain::Other(9998)));
    let libvirt = err.libvirt().unwrap();
    assert_eq!(libvirt.level, ErrorLevel::Other(42));
    assert_eq!(libvirt.level.raw(), 42);
    assert_eq!(libvirt.message, "from a newer daemon");
    assert_eq!((libvirt.int1, libvirt.int2), (7, -1));
    assert_eq!(libvirt.code.to_string(), "virErrorNumber(9999)");
    assert!(!err.is_not_found());
}

#[test]
fn known_numbers_are_named() {
    let wire: MessageError = from_bytes(remote_error_bytes(42, 10, 2, "no domain")).unwrap();
    let err = Error::call("DOMAIN_LOOKUP_BY_NAME", CallError::Remote(Box::new(wire)));
    assert_eq!(err.code(), Some(ErrorCode::NoDomain));
    assert_eq!(err.domain(), Some(ErrorDomain::Qemu));
    assert_eq!(err.libvirt().unwrap().level, ErrorLevel::Error);
    assert!(err.is_not_found());
}
