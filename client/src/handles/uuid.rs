//! `Uuid`: the 16 bytes libvirt identifies domains, networks, pools, ...
//! by (`VIR_UUID_BUFLEN`), written as libvirt writes them
//! (`VIR_UUID_STRING_BUFLEN`: lowercase, hyphenated 8-4-4-4-12).

use std::fmt;
use std::str::FromStr;

/// A libvirt UUID: 16 bytes, displayed in libvirt's hyphenated lowercase
/// form (`6695eb01-f6a4-8304-79aa-97f2502e193f`) and parsed from it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Uuid([u8; 16]);

impl Uuid {
    /// The UUID of these bytes.
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// Its bytes.
    pub const fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    /// Its bytes, by value.
    pub const fn into_bytes(self) -> [u8; 16] {
        self.0
    }
}

impl From<[u8; 16]> for Uuid {
    fn from(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }
}

impl From<Uuid> for [u8; 16] {
    fn from(uuid: Uuid) -> Self {
        uuid.0
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uuid({self})")
    }
}

/// Why a string is not a UUID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseUuidError(String);

impl fmt::Display for ParseUuidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a UUID: {:?}", self.0)
    }
}

impl std::error::Error for ParseUuidError {}

impl FromStr for Uuid {
    type Err = ParseUuidError;

    /// Parses 32 hexadecimal digits, in either case, with hyphens anywhere
    /// between them and whitespace around them, as libvirt's `virUUIDParse`
    /// accepts.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseUuidError(s.to_owned());
        let mut out = [0u8; 16];
        let mut digits = s.trim().chars().filter(|&c| c != '-');
        for byte in &mut out {
            let hi = digits.next().and_then(|c| c.to_digit(16)).ok_or_else(err)?;
            let lo = digits.next().and_then(|c| c.to_digit(16)).ok_or_else(err)?;
            *byte = u8::try_from(hi * 16 + lo).map_err(|_| err())?;
        }
        if digits.next().is_some() || s.trim().starts_with('-') || s.trim().ends_with('-') {
            return Err(err());
        }
        Ok(Self(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_and_parses_libvirts_form() {
        let text = "6695eb01-f6a4-8304-79aa-97f2502e193f";
        let uuid: Uuid = text.parse().unwrap();
        assert_eq!(uuid.as_bytes()[0], 0x66);
        assert_eq!(uuid.to_string(), text);
        assert_eq!("6695EB01F6A4830479AA97F2502E193F".parse::<Uuid>(), Ok(uuid));
        assert_eq!(format!("{uuid:?}"), format!("Uuid({text})"));
    }

    #[test]
    fn refuses_what_is_not_a_uuid() {
        for bad in [
            "",
            "6695eb01",
            "6695eb01-f6a4-8304-79aa-97f2502e193f0",
            "x695eb01-f6a4-8304-79aa-97f2502e193f",
            "-6695eb01f6a4830479aa97f2502e193f",
        ] {
            assert!(bad.parse::<Uuid>().is_err(), "{bad}");
        }
    }
}
