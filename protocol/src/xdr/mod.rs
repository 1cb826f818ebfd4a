//! The XDR (RFC 4506) runtime that generated code is written against.
//!
//! Named types (structs, enums, unions) and primitives implement [`Encode`] and
//! [`Decode`]. Bounded strings, opaque data, arrays and optional data are
//! encoded through the free functions here, because their bound belongs to the
//! declaration site in the `.x` file rather than to the Rust type.
//!
//! Decoding reads from [`Bytes`] and never copies variable-length opaque or
//! string data: the result shares the input buffer.

mod error;
mod primitives;
mod string;
#[cfg(any(test, feature = "testgen"))]
mod testgen;

pub use bytes::{BufMut, Bytes};
pub use error::{DecodeError, EncodeError};
pub use string::XdrString;
#[cfg(any(test, feature = "testgen"))]
pub use testgen::{Gen, Generate, TypeCheck, check_borrowed, check_generated};

/// A value that can be written in XDR.
pub trait Encode {
    /// The exact number of bytes [`Encode::encode`] writes.
    fn encoded_len(&self) -> usize;
    /// Writes the value. Fails when a bounded field holds more than its bound.
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError>;
}

/// A value that can be read from XDR.
pub trait Decode: Sized {
    /// The fewest bytes any encoding of this type takes. Used to refuse array
    /// counts that the remaining input could not possibly hold before allocating.
    const MIN_LEN: usize;
    /// Reads one value from the front of `src`, advancing it.
    fn decode(src: &mut Bytes) -> Result<Self, DecodeError>;
}

/// Encodes `value` into a fresh buffer of exactly the right size.
pub fn to_bytes<T: Encode + ?Sized>(value: &T) -> Result<Bytes, EncodeError> {
    let mut out = Vec::with_capacity(value.encoded_len());
    value.encode(&mut out)?;
    Ok(Bytes::from(out))
}

/// Decodes a whole body: trailing bytes after the value are an error.
pub fn from_bytes<T: Decode>(mut src: Bytes) -> Result<T, DecodeError> {
    let value = T::decode(&mut src)?;
    if !src.is_empty() {
        return Err(DecodeError::TrailingBytes { count: src.len() });
    }
    Ok(value)
}

/// Bytes of zero padding after `len` bytes of data, to reach a 4-byte boundary.
#[inline]
pub const fn padding(len: usize) -> usize {
    (4 - (len & 3)) & 3
}

/// `len` rounded up to a multiple of 4.
#[inline]
pub const fn padded(len: usize) -> usize {
    len + padding(len)
}

/// Fails unless `src` holds at least `n` more bytes.
#[inline]
pub fn need(src: &Bytes, n: usize) -> Result<(), DecodeError> {
    if src.len() < n {
        Err(DecodeError::UnexpectedEnd {
            needed: n,
            remaining: src.len(),
        })
    } else {
        Ok(())
    }
}

/// Reads a length word and checks it against the declared bound.
#[inline]
fn read_len(src: &mut Bytes, max: u32) -> Result<usize, DecodeError> {
    let len = u32::decode(src)?;
    if len > max {
        return Err(DecodeError::OverBound { len, max });
    }
    Ok(len as usize)
}

#[inline]
fn check_bound(len: usize, max: u32) -> Result<(), EncodeError> {
    if len > max as usize {
        Err(EncodeError::OverBound { len, max })
    } else {
        Ok(())
    }
}

#[inline]
fn put_padding<B: BufMut>(len: usize, out: &mut B) {
    out.put_bytes(0, padding(len));
}

/// Encoded size of variable-length opaque data (`opaque x<max>`) or a string.
#[inline]
pub const fn opaque_len(len: usize) -> usize {
    4 + padded(len)
}

/// Writes variable-length opaque data, `opaque x<max>`.
pub fn encode_opaque<B: BufMut>(data: &[u8], max: u32, out: &mut B) -> Result<(), EncodeError> {
    check_bound(data.len(), max)?;
    out.put_u32(data.len() as u32);
    out.put_slice(data);
    put_padding(data.len(), out);
    Ok(())
}

/// Reads variable-length opaque data without copying it.
pub fn decode_opaque(src: &mut Bytes, max: u32) -> Result<Bytes, DecodeError> {
    let len = read_len(src, max)?;
    need(src, padded(len))?;
    let data = src.split_to(len);
    bytes::Buf::advance(src, padding(len));
    Ok(data)
}

/// Writes a bounded string, `string x<max>`.
pub fn encode_string<B: BufMut>(s: &str, max: u32, out: &mut B) -> Result<(), EncodeError> {
    encode_opaque(s.as_bytes(), max, out)
}

/// Reads a bounded string without copying it; invalid UTF-8 is an error.
pub fn decode_string(src: &mut Bytes, max: u32) -> Result<XdrString, DecodeError> {
    XdrString::from_utf8(decode_opaque(src, max)?)
}

/// Encoded size of fixed-length opaque data, `opaque x[N]`.
#[inline]
pub const fn fixed_opaque_len(n: usize) -> usize {
    padded(n)
}

/// Writes fixed-length opaque data, `opaque x[N]`.
pub fn encode_fixed_opaque<B: BufMut, const N: usize>(data: &[u8; N], out: &mut B) {
    out.put_slice(data);
    put_padding(N, out);
}

/// Reads fixed-length opaque data.
pub fn decode_fixed_opaque<const N: usize>(src: &mut Bytes) -> Result<[u8; N], DecodeError> {
    need(src, padded(N))?;
    let mut data = [0u8; N];
    bytes::Buf::copy_to_slice(src, &mut data);
    bytes::Buf::advance(src, padding(N));
    Ok(data)
}

/// Encoded size of a variable-length array whose elements are sized by `f`.
#[inline]
pub fn array_len_with<T>(items: &[T], f: impl Fn(&T) -> usize) -> usize {
    4 + items.iter().map(f).sum::<usize>()
}

/// Encoded size of a variable-length array of [`Encode`] values.
#[inline]
pub fn array_len<T: Encode>(items: &[T]) -> usize {
    array_len_with(items, T::encoded_len)
}

/// Writes a variable-length array, `T x<max>`, each element by `f`.
pub fn encode_array_with<T, B: BufMut>(
    items: &[T],
    max: u32,
    out: &mut B,
    mut f: impl FnMut(&T, &mut B) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    check_bound(items.len(), max)?;
    out.put_u32(items.len() as u32);
    for item in items {
        f(item, out)?;
    }
    Ok(())
}

/// Writes a variable-length array of [`Encode`] values.
pub fn encode_array<T: Encode, B: BufMut>(
    items: &[T],
    max: u32,
    out: &mut B,
) -> Result<(), EncodeError> {
    encode_array_with(items, max, out, |item, out| item.encode(out))
}

/// Reads a variable-length array, each element by `f`.
///
/// `min_len` is the fewest bytes one element can take: a count that the rest
/// of the input cannot hold is refused before anything is allocated.
pub fn decode_array_with<T>(
    src: &mut Bytes,
    max: u32,
    min_len: usize,
    mut f: impl FnMut(&mut Bytes) -> Result<T, DecodeError>,
) -> Result<Vec<T>, DecodeError> {
    let count = read_len(src, max)?;
    let needed = count.saturating_mul(min_len.max(1));
    if needed > src.len() {
        return Err(DecodeError::UnexpectedEnd {
            needed,
            remaining: src.len(),
        });
    }
    let mut items = Vec::with_capacity(count);
    for _ in 0..count {
        items.push(f(src)?);
    }
    Ok(items)
}

/// Reads a variable-length array of [`Decode`] values.
pub fn decode_array<T: Decode>(src: &mut Bytes, max: u32) -> Result<Vec<T>, DecodeError> {
    decode_array_with(src, max, T::MIN_LEN, T::decode)
}

/// Writes a fixed-length array, `T x[N]`, each element by `f`.
pub fn encode_fixed_array_with<T, B: BufMut, const N: usize>(
    items: &[T; N],
    out: &mut B,
    mut f: impl FnMut(&T, &mut B) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    for item in items {
        f(item, out)?;
    }
    Ok(())
}

/// Reads a fixed-length array, each element by `f`.
pub fn decode_fixed_array_with<T, const N: usize>(
    src: &mut Bytes,
    min_len: usize,
    mut f: impl FnMut(&mut Bytes) -> Result<T, DecodeError>,
) -> Result<[T; N], DecodeError> {
    need(src, N.saturating_mul(min_len))?;
    let mut items = Vec::with_capacity(N);
    for _ in 0..N {
        items.push(f(src)?);
    }
    // The loop pushed exactly N items, so the conversion cannot fail.
    items.try_into().map_err(|_| DecodeError::UnexpectedEnd {
        needed: N,
        remaining: 0,
    })
}

/// Encoded size of optional data, `T *x`.
#[inline]
pub fn option_len_with<T>(value: &Option<T>, f: impl Fn(&T) -> usize) -> usize {
    4 + value.as_ref().map_or(0, f)
}

/// Writes optional data, `T *x`: a 0/1 word, then the value when present.
pub fn encode_option_with<T, B: BufMut>(
    value: &Option<T>,
    out: &mut B,
    f: impl FnOnce(&T, &mut B) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    match value {
        None => {
            out.put_u32(0);
            Ok(())
        }
        Some(v) => {
            out.put_u32(1);
            f(v, out)
        }
    }
}

/// Reads optional data, `T *x`.
pub fn decode_option_with<T>(
    src: &mut Bytes,
    f: impl FnOnce(&mut Bytes) -> Result<T, DecodeError>,
) -> Result<Option<T>, DecodeError> {
    match u32::decode(src)? {
        0 => Ok(None),
        1 => Ok(Some(f(src)?)),
        other => Err(DecodeError::InvalidBool { value: other }),
    }
}

/// Decodes `T` from `src`, re-encodes it, decodes that again and checks that
/// both decodings agree and that `encoded_len` was exact. The oracle the
/// fuzzers and the recorded-frame tests use. Returns whether `src` itself was
/// reproduced byte for byte.
///
/// For tests and fuzzers only (feature `testgen`, or `--cfg fuzzing`).
#[cfg(any(test, feature = "testgen", fuzzing))]
pub fn check_roundtrip<T>(src: Bytes) -> Result<bool, DecodeError>
where
    T: Encode + Decode + PartialEq + std::fmt::Debug,
{
    let value: T = from_bytes(src.clone())?;
    let encoded = match to_bytes(&value) {
        Ok(bytes) => bytes,
        Err(e) => panic!("decoded value does not re-encode: {e}: {value:?}"),
    };
    assert_eq!(
        encoded.len(),
        value.encoded_len(),
        "encoded_len is not exact"
    );
    let again: T = from_bytes(encoded.clone()).expect("re-encoded value does not decode");
    if value != again {
        // A NaN double never equals itself; such values must still encode
        // identically.
        let again_encoded = to_bytes(&again).expect("re-decoded value does not re-encode");
        assert_eq!(
            encoded, again_encoded,
            "value changed across a round trip: {value:?} became {again:?}"
        );
    }
    Ok(encoded == src)
}

#[cfg(test)]
mod tests;
