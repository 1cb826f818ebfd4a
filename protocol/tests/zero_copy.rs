//! Decoding large payloads shares the receive buffer instead of copying it:
//! the decoded bytes must lie inside the allocation that held the input.

use bytes::BytesMut;
use std::ops::Range;
use virtwire_protocol::frame::{self, RawPayload};
use virtwire_protocol::remote;
use virtwire_protocol::virnet::{MessageStatus, MessageType};
use virtwire_protocol::xdr::{self, Bytes, XdrString};

const MIB: usize = 1 << 20;

fn span(bytes: &[u8]) -> Range<usize> {
    let start = bytes.as_ptr() as usize;
    start..start + bytes.len()
}

/// Fails unless `inner` lies wholly inside `outer`.
fn assert_within(inner: &[u8], outer: &Range<usize>, what: &str) {
    let inner = span(inner);
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what} was copied: {inner:#x?} is not inside the input buffer {outer:#x?}"
    );
}

fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 + 7) as u8).collect()
}

fn big_xml() -> String {
    let mut xml = String::from("<domain type='kvm'>\n");
    let mut i = 0;
    while xml.len() < MIB {
        xml.push_str(&format!(
            "  <disk type='file'><source file='/var/lib/libvirt/images/d{i:06}.qcow2'/></disk>\n"
        ));
        i += 1;
    }
    xml.push_str("</domain>\n");
    xml
}

fn reply_header(procedure: remote::ProcedureNumber) -> virtwire_protocol::virnet::MessageHeader {
    frame::header(
        remote::REMOTE_PROGRAM,
        remote::REMOTE_PROTOCOL_VERSION,
        procedure as i32,
        MessageType::Reply,
        5,
        MessageStatus::Ok,
    )
}

#[test]
fn stream_frame_body_shares_the_receive_buffer() {
    let payload = Bytes::from(pattern(MIB));
    let header = frame::header(
        remote::REMOTE_PROGRAM,
        remote::REMOTE_PROTOCOL_VERSION,
        remote::ProcedureNumber::StorageVolDownload as i32,
        MessageType::Stream,
        9,
        MessageStatus::Continue,
    );
    let mut buf = BytesMut::new();
    frame::encode_message(&header, &RawPayload(payload.clone()), &mut buf).unwrap();
    let input = span(&buf);

    let frame = frame::decode_frame(&mut buf)
        .unwrap()
        .expect("a whole frame");

    assert_eq!(frame.header, header);
    assert_eq!(frame.body.len(), MIB);
    assert_eq!(frame.body, payload);
    assert_within(&frame.body, &input, "the stream payload");
    assert!(buf.is_empty());
}

#[test]
fn large_string_shares_the_input() {
    let xml = big_xml();
    let encoded = xdr::to_bytes(&remote::DomainGetXmlDescRet {
        xml: XdrString::from(xml.as_str()),
    })
    .unwrap();
    let input = span(&encoded);

    let ret: remote::DomainGetXmlDescRet = xdr::from_bytes(encoded.clone()).unwrap();

    assert_eq!(ret.xml.as_str(), xml);
    assert!(ret.xml.len() >= MIB);
    assert_within(ret.xml.as_bytes(), &input, "the domain XML");
}

#[test]
fn large_string_in_a_reply_frame_shares_the_receive_buffer() {
    let xml = big_xml();
    let mut buf = BytesMut::new();
    let body = remote::DomainGetXmlDescRet {
        xml: XdrString::from(xml.as_str()),
    };
    frame::encode_message(
        &reply_header(remote::ProcedureNumber::DomainGetXmlDesc),
        &body,
        &mut buf,
    )
    .unwrap();
    let input = span(&buf);

    let frame = frame::decode_frame(&mut buf)
        .unwrap()
        .expect("a whole frame");
    assert_within(&frame.body, &input, "the reply body");
    let ret: remote::DomainGetXmlDescRet = xdr::from_bytes(frame.body).unwrap();

    assert_eq!(ret.xml.as_str(), xml);
    assert_within(ret.xml.as_bytes(), &input, "the domain XML");
}

#[test]
fn large_opaque_shares_the_input() {
    let data = pattern(MIB + 3); // odd length: padding follows the data
    let encoded = xdr::to_bytes(&remote::DomainBlockPeekRet {
        buffer: Bytes::from(data.clone()),
    })
    .unwrap();
    let input = span(&encoded);

    let ret: remote::DomainBlockPeekRet = xdr::from_bytes(encoded.clone()).unwrap();

    assert_eq!(ret.buffer, data);
    assert_within(&ret.buffer, &input, "the opaque buffer");
}

/// The check itself must catch a copy, or the tests above prove nothing.
#[test]
fn a_copy_is_detected() {
    let original = Bytes::from(pattern(MIB));
    let copy = Bytes::copy_from_slice(&original);
    let input = span(&original);
    let outside = span(&copy);
    assert!(outside.end <= input.start || input.end <= outside.start);
    let caught = std::panic::catch_unwind(|| assert_within(&copy, &input, "the copy"));
    assert!(caught.is_err());
}
