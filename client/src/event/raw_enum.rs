//! A macro for libvirt's C enums as they arrive in events: known values get a
//! variant, anything else is kept as `Other(raw)`, because a newer daemon may
//! send values this crate does not know yet.

/// Defines a `Copy` enum over `i32` with one variant per listed value plus
/// `Other(i32)`, and `From<i32>` / `raw()` in both directions.
macro_rules! raw_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of virtwire does not know.
            Other(i32),
        }

        impl $name {
            /// The C value.
            pub const fn raw(self) -> i32 {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Other(raw) => raw,
                }
            }
        }

        impl From<i32> for $name {
            fn from(raw: i32) -> Self {
                match raw {
                    $( $value => Self::$variant, )+
                    other => Self::Other(other),
                }
            }
        }

        impl From<$name> for i32 {
            fn from(value: $name) -> i32 {
                value.raw()
            }
        }
    };
}

pub(crate) use raw_enum;
