//! Constants that libvirt's `.x` files use but do not define: they come from
//! libvirt's public C headers (the C code that rpcgen's output is compiled
//! with includes them). The list is complete for libvirt 11.3.0.

/// One C constant: its name, value and the header that defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExternalConst {
    /// The C name.
    pub name: &'static str,
    /// Its value.
    pub value: i64,
    /// The header, relative to libvirt's source tree.
    pub header: &'static str,
}

const HOST_H: &str = "include/libvirt/libvirt-host.h";
const COMMON_H: &str = "include/libvirt/libvirt-common.h.in";

/// Every C constant the generator knows.
pub const EXTERNAL_CONSTS: &[ExternalConst] = &[
    ExternalConst {
        name: "VIR_UUID_BUFLEN",
        value: 16,
        header: HOST_H,
    },
    ExternalConst {
        name: "VIR_SECURITY_MODEL_BUFLEN",
        value: 257,
        header: HOST_H,
    },
    ExternalConst {
        name: "VIR_SECURITY_LABEL_BUFLEN",
        value: 4097,
        header: HOST_H,
    },
    ExternalConst {
        name: "VIR_SECURITY_DOI_BUFLEN",
        value: 257,
        header: HOST_H,
    },
    ExternalConst {
        name: "VIR_TYPED_PARAM_INT",
        value: 1,
        header: COMMON_H,
    },
    ExternalConst {
        name: "VIR_TYPED_PARAM_UINT",
        value: 2,
        header: COMMON_H,
    },
    ExternalConst {
        name: "VIR_TYPED_PARAM_LLONG",
        value: 3,
        header: COMMON_H,
    },
    ExternalConst {
        name: "VIR_TYPED_PARAM_ULLONG",
        value: 4,
        header: COMMON_H,
    },
    ExternalConst {
        name: "VIR_TYPED_PARAM_DOUBLE",
        value: 5,
        header: COMMON_H,
    },
    ExternalConst {
        name: "VIR_TYPED_PARAM_BOOLEAN",
        value: 6,
        header: COMMON_H,
    },
    ExternalConst {
        name: "VIR_TYPED_PARAM_STRING",
        value: 7,
        header: COMMON_H,
    },
];

/// Looks a C constant up by name.
pub fn lookup(name: &str) -> Option<&'static ExternalConst> {
    EXTERNAL_CONSTS.iter().find(|c| c.name == name)
}
