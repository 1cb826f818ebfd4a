//! Deterministic random values for every generated type, so round-trip tests
//! cover all of them rather than a hand-picked few. Sizes stay small and
//! within each declaration's bound.

use super::{Bytes, Decode, Encode, EncodeError, XdrString};
use std::fmt::Debug;

/// A small deterministic pseudo-random source (xorshift64*).
#[derive(Debug, Clone)]
pub struct Gen {
    state: u64,
    /// Remaining nesting allowance: optional data and arrays become empty
    /// when it runs out, which bounds recursive types.
    depth: u32,
}

/// A type whose values [`Gen`] can produce.
pub trait Generate: Sized {
    /// A random value.
    fn generate(g: &mut Gen) -> Self;
}

impl Gen {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            depth: 4,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A length in `0..=min(max, 4)`, zero once the depth allowance is spent.
    pub fn len(&mut self, max: u32) -> usize {
        if self.depth == 0 {
            return 0;
        }
        let cap = u64::from(max.min(4));
        (self.next_u64() % (cap + 1)) as usize
    }

    /// Whether optional data is present.
    pub fn present(&mut self) -> bool {
        self.depth > 0 && self.next_u64() & 1 == 1
    }

    /// Runs `f` one nesting level deeper.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        // Restore rather than increment: at depth 0 the decrement saturates,
        // and an increment would raise the allowance a little each time.
        let depth = self.depth;
        self.depth = depth.saturating_sub(1);
        let value = f(self);
        self.depth = depth;
        value
    }

    /// Picks one of `n` choices.
    pub fn choose(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Opaque data within `max` bytes.
    pub fn bytes(&mut self, max: u32) -> Bytes {
        let len = self.len(max.min(7));
        let data: Vec<u8> = (0..len).map(|_| self.next_u64() as u8).collect();
        Bytes::from(data)
    }

    /// A string within `max` bytes, sometimes with multi-byte characters.
    pub fn string(&mut self, max: u32) -> XdrString {
        let mut s = String::new();
        for _ in 0..self.len(max.min(7)) {
            let c = match self.choose(8) {
                0 => 'é',
                _ => char::from(b'a' + (self.next_u64() % 26) as u8),
            };
            if s.len() + c.len_utf8() <= max as usize {
                s.push(c);
            }
        }
        XdrString::from(s)
    }

    /// A vector of `len(max)` values made by `f`.
    pub fn vec<T>(&mut self, max: u32, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let len = self.len(max);
        self.nested(|g| (0..len).map(|_| f(g)).collect())
    }

    /// An optional value made by `f`.
    pub fn option<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.present() {
            Some(self.nested(f))
        } else {
            None
        }
    }

    /// A fixed array made by `f`.
    pub fn array<T, const N: usize>(&mut self, mut f: impl FnMut(&mut Self) -> T) -> [T; N] {
        std::array::from_fn(|_| f(self))
    }
}

macro_rules! from_bits {
    ($($ty:ty),*) => {$(
        impl Generate for $ty {
            fn generate(g: &mut Gen) -> Self {
                g.next_u64() as $ty
            }
        }
    )*};
}
from_bits!(i8, u8, i16, u16, i32, u32, i64, u64);

impl Generate for bool {
    fn generate(g: &mut Gen) -> Self {
        g.next_u64() & 1 == 1
    }
}

impl Generate for f32 {
    fn generate(g: &mut Gen) -> Self {
        // Finite values only: NaN would not compare equal to itself.
        (g.next_u64() as i32) as f32 / 7.0
    }
}

impl Generate for f64 {
    fn generate(g: &mut Gen) -> Self {
        (g.next_u64() as i64) as f64 / 7.0
    }
}

impl Generate for () {
    fn generate(_g: &mut Gen) -> Self {}
}

/// An entry of a generated module's `ALL_TYPES`: the XDR name of a type and
/// [`check_generated`] for it.
pub type TypeCheck = (&'static str, fn(u64));

/// The round-trip check behind each generated module's `ALL_TYPES`: generates
/// a `T` from `seed`, encodes it, checks that `encoded_len` is the number of
/// bytes written, decodes it and checks that the value is equal and nothing is
/// left over. Panics, naming the type, when any step fails.
pub fn check_generated<T>(seed: u64)
where
    T: Generate + Encode + Decode + PartialEq + Debug,
{
    let name = std::any::type_name::<T>();
    let value = T::generate(&mut Gen::new(seed));
    let mut out = Vec::new();
    if let Err(e) = value.encode(&mut out) {
        panic!("{name} (seed {seed}): generated value does not encode: {e}: {value:?}");
    }
    assert_eq!(
        out.len(),
        value.encoded_len(),
        "{name} (seed {seed}): encoded_len is not exact for {value:?}"
    );
    let mut src = Bytes::from(out);
    let back = match T::decode(&mut src) {
        Ok(back) => back,
        Err(e) => panic!("{name} (seed {seed}): encoding does not decode: {e}: {value:?}"),
    };
    assert!(
        src.is_empty(),
        "{name} (seed {seed}): {} bytes left after decoding",
        src.len()
    );
    assert_eq!(
        back, value,
        "{name} (seed {seed}): value changed across a round trip"
    );
}

/// The check behind each generated `borrowed::BORROWED_CHECKS` entry:
/// generates a `T` from `seed` and checks that `borrowed`, which encodes a
/// borrowed twin of it, gives the same bytes as `T` itself. Panics, naming
/// the type, when they differ.
pub fn check_borrowed<T>(seed: u64, borrowed: impl Fn(&T) -> Result<Bytes, EncodeError>)
where
    T: Generate + Encode + Debug,
{
    let name = std::any::type_name::<T>();
    let value = T::generate(&mut Gen::new(seed));
    let owned = super::to_bytes(&value);
    let twin = borrowed(&value);
    match (owned, twin) {
        (Ok(a), Ok(b)) => assert_eq!(
            a, b,
            "{name} (seed {seed}): the borrowed twin encodes differently: {value:?}"
        ),
        (a, b) => panic!("{name} (seed {seed}): owned {a:?}, borrowed {b:?}: {value:?}"),
    }
}
