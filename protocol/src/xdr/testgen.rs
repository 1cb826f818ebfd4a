//! Deterministic random values for every generated type, so round-trip tests
//! cover all of them rather than a hand-picked few. Sizes stay small and
//! within each declaration's bound.

use super::{Bytes, XdrString};

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
        Self { state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1, depth: 4 }
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
        self.depth = self.depth.saturating_sub(1);
        let value = f(self);
        self.depth += 1;
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
        if self.present() { Some(self.nested(f)) } else { None }
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
