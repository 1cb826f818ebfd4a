//! Human-readable forms of a few generated types.

use crate::remote::{TypedParam, TypedParamValue};
use std::fmt;

/// As virsh prints typed parameter values.
impl fmt::Display for TypedParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Int(v) => write!(f, "{v}"),
            Self::Uint(v) => write!(f, "{v}"),
            Self::Llong(v) => write!(f, "{v}"),
            Self::Ullong(v) => write!(f, "{v}"),
            Self::Double(v) => write!(f, "{v:.3}"),
            Self::Boolean(v) => f.write_str(if *v != 0 { "yes" } else { "no" }),
            Self::String(v) => f.write_str(v),
        }
    }
}

/// `field=value`.
impl fmt::Display for TypedParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.field, self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xdr::XdrString;

    #[test]
    fn formats_like_virsh() {
        let p = TypedParam {
            field: XdrString::from("cpu.time"),
            value: TypedParamValue::Ullong(42),
        };
        assert_eq!(p.to_string(), "cpu.time=42");
        assert_eq!(TypedParamValue::Boolean(1).to_string(), "yes");
        assert_eq!(TypedParamValue::Double(0.5).to_string(), "0.500");
    }
}
