//! Typed attribute and text values, and the enums with an `Other` fallback.

use std::borrow::Cow;

/// A value stored as text in an attribute or element. Parsing never loses
/// information: the tree keeps the text, the type only interprets it.
pub trait XmlValue: Sized {
    /// What a valid value looks like, for error messages.
    const EXPECTED: &'static str;
    /// Interprets `s`, or `None` when it is not a valid value.
    fn from_xml(s: &str) -> Option<Self>;
    /// The text to store.
    fn to_xml(&self) -> Cow<'_, str>;
}

/// Whether `s` is valid for `T`; what models store to validate documents.
pub(crate) fn check<T: XmlValue>(s: &str) -> bool {
    T::from_xml(s).is_some()
}

impl XmlValue for String {
    const EXPECTED: &'static str = "a string";
    fn from_xml(s: &str) -> Option<Self> {
        Some(s.to_owned())
    }
    fn to_xml(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

macro_rules! int_value {
    ($($t:ty),*) => {$(
        impl XmlValue for $t {
            const EXPECTED: &'static str = concat!("an integer (", stringify!($t), ", decimal or 0x hex)");
            fn from_xml(s: &str) -> Option<Self> {
                // libvirt parses most numbers with base 0 (strtol), so
                // addresses like 0x0a are as valid as decimal.
                let s = s.trim();
                let (neg, digits) = match s.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, s.strip_prefix('+').unwrap_or(s)),
                };
                let v = match digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
                    Some(hex) => i128::from_str_radix(hex, 16).ok()?,
                    None => digits.parse::<i128>().ok()?,
                };
                <$t>::try_from(if neg { -v } else { v }).ok()
            }
            fn to_xml(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}
int_value!(u8, u16, u32, u64, i32, i64);

/// Declares a string-valued enum whose unknown values are kept as
/// `Other(String)`, so a newer libvirt's values survive a round trip.
macro_rules! xml_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not know, kept as written.
            Other(String),
        }

        impl $name {
            /// The value as written in XML.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )*
                    $name::Other(s) => s,
                }
            }
        }

        impl $crate::XmlValue for $name {
            const EXPECTED: &'static str = stringify!($name);
            fn from_xml(s: &str) -> Option<Self> {
                Some(match s {
                    $( $text => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                })
            }
            fn to_xml(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use xml_enum;

xml_enum! {
    /// libvirt's `yes`/`no` switches.
    pub enum YesNo {
        /// `yes`
        Yes = "yes",
        /// `no`
        No = "no",
    }
}

xml_enum! {
    /// libvirt's `on`/`off` switches.
    pub enum OnOff {
        /// `on`
        On = "on",
        /// `off`
        Off = "off",
    }
}

impl From<bool> for YesNo {
    fn from(b: bool) -> Self {
        if b { YesNo::Yes } else { YesNo::No }
    }
}

impl From<bool> for OnOff {
    fn from(b: bool) -> Self {
        if b { OnOff::On } else { OnOff::Off }
    }
}

/// Declares a string newtype whose valid values `check` accepts: the
/// schema's patterns (`cpuset`, `loadparm`, ...) as types, so a document
/// whose value breaks one is refused with the value's path.
macro_rules! checked_string {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident: $expected:literal = $check:path;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis struct $name(pub String);

        impl $name {
            /// The value as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl $crate::XmlValue for $name {
            const EXPECTED: &'static str = $expected;
            fn from_xml(s: &str) -> Option<Self> {
                $check(s).then(|| $name(s.to_owned()))
            }
            fn to_xml(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

pub(crate) use checked_string;

/// An unsigned number as libvirt writes it (decimal or `0x` hex) that is at
/// most `max`.
pub(crate) fn uint_at_most(s: &str, max: u64) -> bool {
    u64::from_xml(s).is_some_and(|v| v <= max)
}

/// How many bytes one `unit` is, the way libvirt scales sizes: `b`,
/// `byte`, `bytes` are 1; a prefix letter (`k`, `m`, `g`, `t`, `p`, `e`)
/// alone or followed by `iB` is a power of 1024, followed by `B` a power of
/// 1000; letters in any case. `None` for anything else.
pub(crate) fn unit_bytes(unit: &str) -> Option<u64> {
    let lower = unit.to_ascii_lowercase();
    if matches!(lower.as_str(), "b" | "byte" | "bytes") {
        return Some(1);
    }
    let mut chars = lower.chars();
    let power = match chars.next()? {
        'k' => 1,
        'm' => 2,
        'g' => 3,
        't' => 4,
        'p' => 5,
        'e' => 6,
        _ => return None,
    };
    let base: u64 = match chars.as_str() {
        "" | "ib" => 1024,
        "b" => 1000,
        _ => return None,
    };
    Some(base.pow(power))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `([0-9]+(-[0-9]+)?|\^[0-9]+)(,...)*`: CPUs or NUMA nodes.
fn is_cpuset(s: &str) -> bool {
    s.split(',').all(|part| match part.strip_prefix('^') {
        Some(n) => is_digits(n),
        None => match part.split_once('-') {
            Some((a, b)) => is_digits(a) && is_digits(b),
            None => is_digits(part),
        },
    })
}

/// `(/|[a-zA-Z]:\\).+`: an absolute path (Unix or Windows).
fn is_abs_path(s: &str) -> bool {
    let b = s.as_bytes();
    match b {
        [b'/', _, ..] => true,
        [d, b':', b'\\', _, ..] => d.is_ascii_alphabetic(),
        _ => false,
    }
}

/// `[a-zA-Z0-9.\s]{1,8}`: an s390 boot loadparm.
fn is_loadparm(s: &str) -> bool {
    (1..=8).contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c.is_whitespace())
}

checked_string! {
    /// A set of CPUs or NUMA nodes: `0-3,^2,8`.
    pub struct CpuSet: "a CPU/node set like 0-3,^2,8" = is_cpuset;
}

checked_string! {
    /// An absolute path: `/...`, or `C:\...` for Windows hosts.
    pub struct AbsPath: "an absolute path" = is_abs_path;
}

checked_string! {
    /// An s390 boot `loadparm`: 1 to 8 letters, digits, dots or blanks.
    pub struct Loadparm: "1 to 8 letters, digits, dots or blanks" = is_loadparm;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        for ok in ["0", "0-3", "0-3,^2,8", "^1"] {
            assert!(is_cpuset(ok), "{ok}");
        }
        for bad in ["", "aaa", "1,", "-1", "1-", "0 -3"] {
            assert!(!is_cpuset(bad), "{bad}");
        }
        assert!(is_abs_path("/a") && is_abs_path("C:\\x"));
        assert!(!is_abs_path("") && !is_abs_path("/") && !is_abs_path("a/b"));
        assert!(is_loadparm("SYS1 .2") && !is_loadparm("sys1?") && !is_loadparm("loadparm1"));
        assert!(uint_at_most("0xff", 255) && !uint_at_most("256", 255));
        assert_eq!(unit_bytes("bytes"), Some(1));
        assert_eq!(unit_bytes("KiB"), Some(1024));
        assert_eq!(unit_bytes("k"), Some(1024));
        assert_eq!(unit_bytes("MB"), Some(1_000_000));
        assert_eq!(unit_bytes("G"), Some(1 << 30));
        assert_eq!(unit_bytes("EiB"), Some(1 << 60));
        assert_eq!(unit_bytes("kibibytes"), None);
    }
}
