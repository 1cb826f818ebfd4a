//! Encode/Decode for XDR's primitive types.
//!
//! `char`, `unsigned char`, `short` and `unsigned short` each take a whole
//! 4-byte word, as libvirt's generator emits them. Signed ones are written
//! sign-extended (what an x86 peer writes); on reading only the low bits are
//! kept, as libvirt's own decoder does.

use super::{BufMut, Bytes, Decode, DecodeError, Encode, EncodeError, need};
use bytes::Buf;

macro_rules! word {
    ($ty:ty, $put:ident, $get:ident, $len:expr) => {
        impl Encode for $ty {
            #[inline]
            fn encoded_len(&self) -> usize {
                $len
            }
            #[inline]
            fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                out.$put(*self);
                Ok(())
            }
        }
        impl Decode for $ty {
            const MIN_LEN: usize = $len;
            #[inline]
            fn decode(src: &mut Bytes) -> Result<Self, DecodeError> {
                need(src, $len)?;
                Ok(src.$get())
            }
        }
    };
}

word!(i32, put_i32, get_i32, 4);
word!(u32, put_u32, get_u32, 4);
word!(i64, put_i64, get_i64, 8);
word!(u64, put_u64, get_u64, 8);
word!(f32, put_f32, get_f32, 4);
word!(f64, put_f64, get_f64, 8);

macro_rules! narrow {
    ($ty:ty, $wide:ty) => {
        impl Encode for $ty {
            #[inline]
            fn encoded_len(&self) -> usize {
                4
            }
            #[inline]
            fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
                out.put_i32(<$wide>::from(*self) as i32);
                Ok(())
            }
        }
        impl Decode for $ty {
            const MIN_LEN: usize = 4;
            #[inline]
            fn decode(src: &mut Bytes) -> Result<Self, DecodeError> {
                need(src, 4)?;
                // Truncation is deliberate: libvirt keeps the low bits.
                Ok(src.get_u32() as $ty)
            }
        }
    };
}

narrow!(i8, i32);
narrow!(u8, u32);
narrow!(i16, i32);
narrow!(u16, u32);

impl Encode for bool {
    #[inline]
    fn encoded_len(&self) -> usize {
        4
    }
    #[inline]
    fn encode<B: BufMut>(&self, out: &mut B) -> Result<(), EncodeError> {
        out.put_u32(u32::from(*self));
        Ok(())
    }
}

impl Decode for bool {
    const MIN_LEN: usize = 4;
    #[inline]
    fn decode(src: &mut Bytes) -> Result<Self, DecodeError> {
        match u32::decode(src)? {
            0 => Ok(false),
            1 => Ok(true),
            value => Err(DecodeError::InvalidBool { value }),
        }
    }
}

/// `void`: the payload of procedures without arguments or results.
impl Encode for () {
    #[inline]
    fn encoded_len(&self) -> usize {
        0
    }
    #[inline]
    fn encode<B: BufMut>(&self, _out: &mut B) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl Decode for () {
    const MIN_LEN: usize = 0;
    #[inline]
    fn decode(_src: &mut Bytes) -> Result<Self, DecodeError> {
        Ok(())
    }
}
