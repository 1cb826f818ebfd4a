use super::*;

#[test]
fn narrow_types_take_a_word_and_sign_extend() {
    let mut out = Vec::new();
    (b'x' as i8).encode(&mut out).unwrap();
    b'y'.encode(&mut out).unwrap();
    (-7i16).encode(&mut out).unwrap();
    14u16.encode(&mut out).unwrap();
    (-106i8).encode(&mut out).unwrap();
    assert_eq!(
        out,
        [
            0, 0, 0, 0x78, 0, 0, 0, 0x79, 0xff, 0xff, 0xff, 0xf9, 0, 0, 0, 14, 0xff, 0xff, 0xff,
            0x96
        ]
    );
    let mut src = Bytes::from(out);
    assert_eq!(i8::decode(&mut src).unwrap(), b'x' as i8);
    assert_eq!(u8::decode(&mut src).unwrap(), b'y');
    assert_eq!(i16::decode(&mut src).unwrap(), -7);
    assert_eq!(u16::decode(&mut src).unwrap(), 14);
    assert_eq!(i8::decode(&mut src).unwrap(), -106);
    // A zero-extended char from another peer reads the same.
    let mut src = Bytes::from_static(&[0, 0, 0, 0x96]);
    assert_eq!(i8::decode(&mut src).unwrap(), -106);
}

#[test]
fn strings_pad_and_share_the_buffer() {
    let mut out = Vec::new();
    encode_string("abcde", 10, &mut out).unwrap();
    assert_eq!(out, [0, 0, 0, 5, b'a', b'b', b'c', b'd', b'e', 0, 0, 0]);
    assert_eq!(opaque_len(5), out.len());
    let buf = Bytes::from(out);
    let mut src = buf.clone();
    let s = decode_string(&mut src, 10).unwrap();
    assert_eq!(s, "abcde");
    assert!(src.is_empty());
    // Shares memory with the input.
    assert_eq!(s.as_ptr(), buf[4..].as_ptr());
}

#[test]
fn bounds_are_enforced_both_ways() {
    let mut out = Vec::new();
    assert_eq!(
        encode_string("abcdef", 5, &mut out),
        Err(EncodeError::OverBound { len: 6, max: 5 })
    );
    let mut src = Bytes::from_static(&[0, 0, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0]);
    assert_eq!(
        decode_opaque(&mut src, 5),
        Err(DecodeError::OverBound { len: 6, max: 5 })
    );
    let mut src = Bytes::from_static(&[0, 0, 0, 3, 1, 2, 3, 4]);
    assert_eq!(
        decode_array::<u32>(&mut src, 5).unwrap_err(),
        DecodeError::UnexpectedEnd {
            needed: 12,
            remaining: 4
        }
    );
}

#[test]
fn huge_counts_do_not_allocate() {
    // A count of 2^31 u64s on 8 bytes of input is refused before allocating.
    let mut src = Bytes::from_static(&[0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert!(matches!(
        decode_array::<u64>(&mut src, u32::MAX),
        Err(DecodeError::UnexpectedEnd { .. })
    ));
}

#[test]
fn invalid_input_is_an_error() {
    let mut src = Bytes::from_static(&[0, 0, 0, 2, 0xff, 0xfe, 0, 0]);
    assert_eq!(decode_string(&mut src, 100), Err(DecodeError::InvalidUtf8));
    let mut src = Bytes::from_static(&[0, 0, 0, 2]);
    assert_eq!(
        bool::decode(&mut src),
        Err(DecodeError::InvalidBool { value: 2 })
    );
    let mut src = Bytes::from_static(&[0, 0, 0, 2]);
    assert_eq!(
        decode_option_with(&mut src, u32::decode),
        Err(DecodeError::InvalidBool { value: 2 })
    );
    assert_eq!(
        from_bytes::<u32>(Bytes::from_static(&[0, 0, 0, 1, 0])),
        Err(DecodeError::TrailingBytes { count: 1 })
    );
    assert!(u64::decode(&mut Bytes::from_static(&[1, 2, 3])).is_err());
}

#[test]
fn fixed_opaque_and_arrays() {
    let mut out = Vec::new();
    encode_fixed_opaque(&[1u8, 2, 3], &mut out);
    assert_eq!(out, [1, 2, 3, 0]);
    let mut src = Bytes::from(out);
    assert_eq!(decode_fixed_opaque::<3>(&mut src).unwrap(), [1, 2, 3]);
    let mut out = Vec::new();
    encode_fixed_array_with(&[1i8, -1], &mut out, |v, o| v.encode(o)).unwrap();
    let mut src = Bytes::from(out);
    assert_eq!(
        decode_fixed_array_with::<i8, 2>(&mut src, 4, i8::decode).unwrap(),
        [1, -1]
    );
}

#[test]
fn options_encode_a_flag_word() {
    let v = Some(7u32);
    let mut out = Vec::new();
    encode_option_with(&v, &mut out, |v, o| v.encode(o)).unwrap();
    assert_eq!(out, [0, 0, 0, 1, 0, 0, 0, 7]);
    assert_eq!(option_len_with(&v, |_| 4), 8);
    let mut src = Bytes::from(out);
    assert_eq!(decode_option_with(&mut src, u32::decode).unwrap(), Some(7));
}
