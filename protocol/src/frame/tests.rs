use super::*;

/// The AUTH_LIST call recorded from a real daemon (facts §1.1).
const AUTH_LIST_CALL: [u8; 28] = [
    0, 0, 0, 0x1c, 0x20, 0, 0x80, 0x86, 0, 0, 0, 1, 0, 0, 0, 0x42, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0,
];

#[test]
fn encodes_a_call_byte_for_byte() {
    let h = header(0x2000_8086, 1, 66, MessageType::Call, 0, MessageStatus::Ok);
    let mut out = BytesMut::new();
    encode_message(&h, &(), &mut out).unwrap();
    assert_eq!(&out[..], &AUTH_LIST_CALL);
}

#[test]
fn decodes_in_pieces() {
    let mut buf = BytesMut::new();
    for (i, b) in AUTH_LIST_CALL.iter().enumerate() {
        assert_eq!(decode_frame(&mut buf).unwrap(), None, "at byte {i}");
        buf.put_u8(*b);
    }
    let frame = decode_frame(&mut buf).unwrap().unwrap();
    assert_eq!(frame.header.proc, 66);
    assert_eq!(frame.header.r#type, MessageType::Call);
    assert!(frame.body.is_empty());
    assert!(buf.is_empty());
}

#[test]
fn rejects_bad_lengths_before_allocating() {
    for len in [0u32, 3, 4, 27] {
        let mut buf = BytesMut::from(&len.to_be_bytes()[..]);
        assert_eq!(decode_frame(&mut buf), Err(FrameError::TooShort { len }));
    }
    let len = (MESSAGE_MAX + LEN_WORD + 1) as u32;
    let mut buf = BytesMut::from(&len.to_be_bytes()[..]);
    assert_eq!(decode_frame(&mut buf), Err(FrameError::TooLarge { len }));
    assert!(buf.capacity() < 1024);
    // The largest legal length is accepted (and waits for its bytes).
    let len = (MESSAGE_MAX + LEN_WORD) as u32;
    let mut buf = BytesMut::from(&len.to_be_bytes()[..]);
    assert_eq!(decode_frame(&mut buf), Ok(None));
}

#[test]
fn rejects_unknown_message_types() {
    let mut bytes = AUTH_LIST_CALL;
    bytes[19] = 7;
    let mut buf = BytesMut::from(&bytes[..]);
    assert!(matches!(decode_frame(&mut buf), Err(FrameError::Header(_))));
}

#[test]
fn skips_descriptor_count_and_carriers() {
    let h = header(
        0x0006_8000,
        1,
        1,
        MessageType::ReplyWithFds,
        3,
        MessageStatus::Ok,
    );
    let mut out = BytesMut::new();
    encode_message(
        &h,
        &RawPayload(Bytes::from_static(&[0, 0, 0, 2, 0, 0, 0, 9])),
        &mut out,
    )
    .unwrap();
    out.put_slice(&[0, 0, 0xaa]); // two carriers, then the next frame's first byte
    let frame = decode_frame(&mut out).unwrap().unwrap();
    assert_eq!(frame.num_fds, 2);
    assert_eq!(&frame.body[..], &[0, 0, 0, 9]);
    assert_eq!(&out[..], &[0xaa]);
}

#[test]
fn refuses_too_many_descriptors() {
    let h = header(
        0x0006_8000,
        1,
        1,
        MessageType::ReplyWithFds,
        3,
        MessageStatus::Ok,
    );
    let mut out = BytesMut::new();
    encode_message(&h, &33u32, &mut out).unwrap();
    out.put_bytes(0, 33);
    assert_eq!(
        decode_frame(&mut out),
        Err(FrameError::BadFdCount { count: 33 })
    );
}

#[test]
fn refuses_oversized_messages_on_encode() {
    let h = header(1, 1, 1, MessageType::Stream, 3, MessageStatus::Continue);
    let body = RawPayload(Bytes::from(vec![0u8; PAYLOAD_MAX + 1]));
    let mut out = BytesMut::new();
    assert!(matches!(
        encode_message(&h, &body, &mut out),
        Err(EncodeError::MessageTooLarge { .. })
    ));
}
