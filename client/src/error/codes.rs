//! libvirt error codes, domains and levels.
//!
//! These are the three numeric vocabularies carried by every libvirt error
//! (`remote_error` on the wire): the error *code* ([`ErrorCode`], C enum
//! `virErrorNumber`), the *domain* or subsystem that raised it
//! ([`ErrorDomain`], `virErrorDomain`) and its *level* ([`ErrorLevel`],
//! `virErrorLevel`).
//!
//! The tables follow `include/libvirt/virterror.h` of libvirt
//! [`LIBVIRT_VOCABULARY`] (11.3.0). Variant names are the C names without
//! their prefix, in Rust case (`VIR_ERR_NO_DOMAIN` → [`ErrorCode::NoDomain`],
//! `VIR_FROM_QEMU` → [`ErrorDomain::Qemu`]); the `VIR_WAR_*` warning codes
//! keep a `War` prefix (`VIR_WAR_NO_NETWORK` → [`ErrorCode::WarNoNetwork`])
//! so they do not collide with the `VIR_ERR_*` code of the same name.
//! Per-variant documentation is the header's own comment for that value.
//!
//! Values sent by a newer (or older, unusual) server that this table does not
//! know are kept as `Other(raw)`, so no information is lost and
//! [`raw`](ErrorCode::raw) always returns what was received.

use std::fmt;

/// The libvirt release whose `virterror.h` these tables were taken from.
pub const LIBVIRT_VOCABULARY: &str = "11.3.0";

/// Generates a C-like enum with an `Other(i32)` catch-all plus its raw/name
/// conversions from one table of
/// `Variant = value, "C_NAME", "since", "header comment";` rows.
///
/// Keeping the table in one place means a value, its C name and its
/// documentation cannot drift apart; a repeated value is rejected at compile
/// time as an unreachable pattern in `from_raw` (and by the unit tests).
macro_rules! libvirt_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident: $ctype:literal, unknown = $unknown:literal {
            $( $variant:ident = $value:literal, $cname:literal, $since:literal, $doc:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!($doc, " (`", $cname, "` = ", stringify!($value),
                                ", since libvirt ", $since, ").")]
                $variant,
            )*
            #[doc = concat!(
                "A `", $ctype, "` value this table (libvirt 11.3.0) does not know; holds the raw value as received.\n\n",
                "[`name`](Self::name) returns the placeholder `", $unknown, "`. ",
                "[`from_raw`](Self::from_raw) only produces `Other` for unknown values; ",
                "an `Other` built by hand around a known value is not normalised and ",
                "compares unequal to the named variant ",
                "(`from_raw(x.raw())` normalises it).",
            )]
            Other(i32),
        }

        impl $name {
            #[doc = concat!("Every named `", $ctype, "` value, in ascending raw order ",
                            "(`Other` is not included).")]
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            #[doc = concat!("Converts a raw `", $ctype, "` value, as carried on the wire; ",
                            "values not in the table become [`Other`](Self::Other).")]
            #[must_use]
            pub const fn from_raw(raw: i32) -> Self {
                match raw {
                    $($value => Self::$variant,)*
                    other => Self::Other(other),
                }
            }

            #[doc = concat!("The raw `", $ctype, "` value (the value held by `Other`).")]
            #[must_use]
            pub const fn raw(self) -> i32 {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Other(raw) => raw,
                }
            }

            #[doc = concat!("The C enumerator name as spelled in `virterror.h`; `",
                            $unknown, "` for `Other`.")]
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $cname,)*
                    Self::Other(_) => $unknown,
                }
            }

            /// The libvirt release that introduced this value, as written in
            /// the header's `Since:` annotation; `None` for `Other`.
            #[must_use]
            pub const fn since(self) -> Option<&'static str> {
                match self {
                    $(Self::$variant => Some($since),)*
                    Self::Other(_) => None,
                }
            }

            /// `true` for every named variant, `false` for `Other`.
            #[must_use]
            pub const fn is_known(self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl fmt::Display for $name {
            #[doc = concat!("Writes the C name; `Other(n)` is written as `", $unknown, "(n)`.")]
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match *self {
                    Self::Other(raw) => write!(f, "{}({})", $unknown, raw),
                    known => f.write_str(known.name()),
                }
            }
        }

        impl From<i32> for $name {
            /// Same as [`from_raw`](Self::from_raw).
            fn from(raw: i32) -> Self {
                Self::from_raw(raw)
            }
        }

        impl From<$name> for i32 {
            /// Same as `raw()`.
            fn from(value: $name) -> i32 {
                value.raw()
            }
        }
    };
}

libvirt_enum! {
    /// How serious an error is (C enum `virErrorLevel`).
    pub enum ErrorLevel: "virErrorLevel", unknown = "VIR_ERR_UNKNOWN_LEVEL" {
        None = 0, "VIR_ERR_NONE", "0.1.0", "No level; the header gives no description";
        Warning = 1, "VIR_ERR_WARNING", "0.1.0", "A simple warning";
        Error = 2, "VIR_ERR_ERROR", "0.1.0", "An error";
    }
}

libvirt_enum! {
    /// The part of libvirt that raised an error (C enum `virErrorDomain`).
    ///
    /// The header keeps this list append-only; retired drivers keep their
    /// values. The comments are historical: e.g. [`Rpc`](Self::Rpc) says
    /// "XML-RPC" but is today's RPC layer.
    pub enum ErrorDomain: "virErrorDomain", unknown = "VIR_FROM_UNKNOWN" {
        None = 0, "VIR_FROM_NONE", "0.1.0", "No particular origin; the header gives no description";
        Xen = 1, "VIR_FROM_XEN", "0.1.0", "Error at Xen hypervisor layer";
        Xend = 2, "VIR_FROM_XEND", "0.1.0", "Error at connection with xend daemon";
        Xenstore = 3, "VIR_FROM_XENSTORE", "0.1.0", "Error at connection with xen store";
        Sexpr = 4, "VIR_FROM_SEXPR", "0.1.0", "Error in the S-Expression code";
        Xml = 5, "VIR_FROM_XML", "0.1.0", "Error in the XML code";
        Dom = 6, "VIR_FROM_DOM", "0.1.0", "Error when operating on a domain";
        Rpc = 7, "VIR_FROM_RPC", "0.1.1", "Error in the XML-RPC code";
        Proxy = 8, "VIR_FROM_PROXY", "0.1.3", "Error in the proxy code; unused since 0.8.6";
        Conf = 9, "VIR_FROM_CONF", "0.1.6", "Error in the configuration file handling";
        Qemu = 10, "VIR_FROM_QEMU", "0.2.0", "Error at the QEMU daemon";
        Net = 11, "VIR_FROM_NET", "0.2.0", "Error when operating on a network";
        Test = 12, "VIR_FROM_TEST", "0.2.3", "Error from test driver";
        Remote = 13, "VIR_FROM_REMOTE", "0.2.3", "Error from remote driver";
        Openvz = 14, "VIR_FROM_OPENVZ", "0.3.1", "Error from OpenVZ driver";
        Xenxm = 15, "VIR_FROM_XENXM", "0.4.1", "Error at Xen XM layer";
        StatsLinux = 16, "VIR_FROM_STATS_LINUX", "0.4.1", "Error in the Linux Stats code";
        Lxc = 17, "VIR_FROM_LXC", "0.4.2", "Error from Linux Container driver";
        Storage = 18, "VIR_FROM_STORAGE", "0.4.1", "Error from storage driver";
        Network = 19, "VIR_FROM_NETWORK", "0.4.6", "Error from network config";
        Domain = 20, "VIR_FROM_DOMAIN", "0.4.6", "Error from domain config";
        Uml = 21, "VIR_FROM_UML", "0.5.0", "Error at the UML driver; unused since 5.0.0";
        Nodedev = 22, "VIR_FROM_NODEDEV", "0.5.0", "Error from node device monitor";
        XenInotify = 23, "VIR_FROM_XEN_INOTIFY", "0.5.0", "Error from xen inotify layer";
        Security = 24, "VIR_FROM_SECURITY", "0.6.1", "Error from security framework";
        Vbox = 25, "VIR_FROM_VBOX", "0.6.3", "Error from VirtualBox driver";
        Interface = 26, "VIR_FROM_INTERFACE", "0.6.4", "Error when operating on an interface";
        One = 27, "VIR_FROM_ONE", "0.6.4", "The OpenNebula driver no longer exists; retained for ABI/API compat only";
        Esx = 28, "VIR_FROM_ESX", "0.7.0", "Error from ESX driver";
        Phyp = 29, "VIR_FROM_PHYP", "0.7.0", "Error from the phyp driver, unused since 6.0.0";
        Secret = 30, "VIR_FROM_SECRET", "0.7.1", "Error from secret storage";
        Cpu = 31, "VIR_FROM_CPU", "0.7.5", "Error from CPU driver";
        Xenapi = 32, "VIR_FROM_XENAPI", "0.8.0", "Error from XenAPI";
        Nwfilter = 33, "VIR_FROM_NWFILTER", "0.8.0", "Error from network filter driver";
        Hook = 34, "VIR_FROM_HOOK", "0.8.0", "Error from Synchronous hooks";
        DomainSnapshot = 35, "VIR_FROM_DOMAIN_SNAPSHOT", "0.8.0", "Error from domain snapshot";
        Audit = 36, "VIR_FROM_AUDIT", "0.8.5", "Error from auditing subsystem";
        Sysinfo = 37, "VIR_FROM_SYSINFO", "0.8.6", "Error from sysinfo/SMBIOS";
        Streams = 38, "VIR_FROM_STREAMS", "0.8.6", "Error from I/O streams";
        Vmware = 39, "VIR_FROM_VMWARE", "0.8.7", "Error from VMware driver";
        Event = 40, "VIR_FROM_EVENT", "0.9.0", "Error from event loop impl";
        Libxl = 41, "VIR_FROM_LIBXL", "0.9.0", "Error from libxenlight driver";
        Locking = 42, "VIR_FROM_LOCKING", "0.9.2", "Error from lock manager";
        Hyperv = 43, "VIR_FROM_HYPERV", "0.9.5", "Error from Hyper-V driver";
        Capabilities = 44, "VIR_FROM_CAPABILITIES", "0.9.8", "Error from capabilities";
        Uri = 45, "VIR_FROM_URI", "0.9.11", "Error from URI handling";
        Auth = 46, "VIR_FROM_AUTH", "0.9.11", "Error from auth handling";
        Dbus = 47, "VIR_FROM_DBUS", "0.9.12", "Error from DBus";
        Parallels = 48, "VIR_FROM_PARALLELS", "0.10.0", "Error from Parallels";
        Device = 49, "VIR_FROM_DEVICE", "0.10.0", "Error from Device";
        Ssh = 50, "VIR_FROM_SSH", "0.10.0", "Error from libssh2 connection transport";
        Lockspace = 51, "VIR_FROM_LOCKSPACE", "1.0.0", "Error from lockspace";
        Initctl = 52, "VIR_FROM_INITCTL", "1.0.1", "Error from initctl device communication";
        Identity = 53, "VIR_FROM_IDENTITY", "1.0.4", "Error from identity code";
        Cgroup = 54, "VIR_FROM_CGROUP", "1.0.5", "Error from cgroups";
        Access = 55, "VIR_FROM_ACCESS", "1.1.0", "Error from access control manager";
        Systemd = 56, "VIR_FROM_SYSTEMD", "1.1.1", "Error from systemd code";
        Bhyve = 57, "VIR_FROM_BHYVE", "1.2.2", "Error from bhyve driver";
        Crypto = 58, "VIR_FROM_CRYPTO", "1.2.3", "Error from crypto code";
        Firewall = 59, "VIR_FROM_FIREWALL", "1.2.4", "Error from firewall";
        Polkit = 60, "VIR_FROM_POLKIT", "1.2.9", "Error from polkit code";
        Thread = 61, "VIR_FROM_THREAD", "1.2.14", "Error from thread utils";
        Admin = 62, "VIR_FROM_ADMIN", "1.2.17", "Error from admin backend";
        Logging = 63, "VIR_FROM_LOGGING", "1.3.0", "Error from log manager";
        Xenxl = 64, "VIR_FROM_XENXL", "1.3.2", "Error from Xen xl config code";
        Perf = 65, "VIR_FROM_PERF", "1.3.3", "Error from perf";
        Libssh = 66, "VIR_FROM_LIBSSH", "2.5.0", "Error from libssh connection transport";
        Resctrl = 67, "VIR_FROM_RESCTRL", "3.7.0", "Error from resource control";
        Firewalld = 68, "VIR_FROM_FIREWALLD", "5.1.0", "Error from firewalld";
        DomainCheckpoint = 69, "VIR_FROM_DOMAIN_CHECKPOINT", "5.2.0", "Error from domain checkpoint";
        Tpm = 70, "VIR_FROM_TPM", "5.6.0", "Error from TPM";
        Bpf = 71, "VIR_FROM_BPF", "5.10.0", "Error from BPF code";
        Ch = 72, "VIR_FROM_CH", "7.5.0", "Error from Cloud-Hypervisor driver";
    }
}

libvirt_enum! {
    /// What went wrong (C enum `virErrorNumber`).
    ///
    /// Besides the `VIR_ERR_*` codes this includes the six `VIR_WAR_*`
    /// warnings, which share the same number space (variants `War…`).
    ///
    /// The header notes that values 60–65 moved by four positions in libvirt
    /// 0.8.0 (`VIR_WAR_NO_SECRET` … `VIR_ERR_MIGRATE_PERSIST_FAILED` had
    /// briefly been 60–69 in 0.7.1–0.7.7); this table uses the current
    /// numbering and does not try to undo that for ancient servers.
    ///
    /// Coarse classification helpers: [`is_not_found`](Self::is_not_found),
    /// [`is_unsupported`](Self::is_unsupported),
    /// [`is_invalid_argument`](Self::is_invalid_argument),
    /// [`is_access_denied`](Self::is_access_denied) and
    /// [`is_auth_failure`](Self::is_auth_failure).
    pub enum ErrorCode: "virErrorNumber", unknown = "VIR_ERR_UNKNOWN" {
        Ok = 0, "VIR_ERR_OK", "0.1.0", "No error; the header gives no description";
        InternalError = 1, "VIR_ERR_INTERNAL_ERROR", "0.1.0", "Internal error";
        NoMemory = 2, "VIR_ERR_NO_MEMORY", "0.1.0", "Memory allocation failure";
        NoSupport = 3, "VIR_ERR_NO_SUPPORT", "0.1.0", "No support for this function";
        UnknownHost = 4, "VIR_ERR_UNKNOWN_HOST", "0.1.0", "Could not resolve hostname";
        NoConnect = 5, "VIR_ERR_NO_CONNECT", "0.1.0", "Can't connect to hypervisor";
        InvalidConn = 6, "VIR_ERR_INVALID_CONN", "0.1.0", "Invalid connection object";
        InvalidDomain = 7, "VIR_ERR_INVALID_DOMAIN", "0.1.0", "Invalid domain object";
        InvalidArg = 8, "VIR_ERR_INVALID_ARG", "0.1.0", "Invalid function argument";
        OperationFailed = 9, "VIR_ERR_OPERATION_FAILED", "0.1.0", "A command to hypervisor failed";
        GetFailed = 10, "VIR_ERR_GET_FAILED", "0.1.0", "A HTTP GET command failed";
        PostFailed = 11, "VIR_ERR_POST_FAILED", "0.1.0", "A HTTP POST command failed";
        HttpError = 12, "VIR_ERR_HTTP_ERROR", "0.1.0", "Unexpected HTTP error code";
        SexprSerial = 13, "VIR_ERR_SEXPR_SERIAL", "0.1.0", "Failure to serialize an S-Expr";
        NoXen = 14, "VIR_ERR_NO_XEN", "0.1.0", "Could not open Xen hypervisor control";
        XenCall = 15, "VIR_ERR_XEN_CALL", "0.1.0", "Failure doing an hypervisor call";
        OsType = 16, "VIR_ERR_OS_TYPE", "0.1.0", "Unknown OS type";
        NoKernel = 17, "VIR_ERR_NO_KERNEL", "0.1.0", "Missing kernel information";
        NoRoot = 18, "VIR_ERR_NO_ROOT", "0.1.0", "Missing root device information";
        NoSource = 19, "VIR_ERR_NO_SOURCE", "0.1.0", "Missing source device information";
        NoTarget = 20, "VIR_ERR_NO_TARGET", "0.1.0", "Missing target device information";
        NoName = 21, "VIR_ERR_NO_NAME", "0.1.0", "Missing domain name information";
        NoOs = 22, "VIR_ERR_NO_OS", "0.1.0", "Missing domain OS information";
        NoDevice = 23, "VIR_ERR_NO_DEVICE", "0.1.0", "Missing domain devices information";
        NoXenstore = 24, "VIR_ERR_NO_XENSTORE", "0.1.0", "Could not open Xen Store control";
        DriverFull = 25, "VIR_ERR_DRIVER_FULL", "0.1.0", "Too many drivers registered";
        CallFailed = 26, "VIR_ERR_CALL_FAILED", "0.1.0", "Not supported by the drivers (deprecated)";
        XmlError = 27, "VIR_ERR_XML_ERROR", "0.1.1", "An XML description is not well formed or broken";
        DomExist = 28, "VIR_ERR_DOM_EXIST", "0.1.1", "The domain already exists";
        OperationDenied = 29, "VIR_ERR_OPERATION_DENIED", "0.1.4", "Operation forbidden on read-only connections";
        OpenFailed = 30, "VIR_ERR_OPEN_FAILED", "0.1.6", "Failed to open a conf file";
        ReadFailed = 31, "VIR_ERR_READ_FAILED", "0.1.6", "Failed to read a conf file";
        ParseFailed = 32, "VIR_ERR_PARSE_FAILED", "0.1.6", "Failed to parse a conf file";
        ConfSyntax = 33, "VIR_ERR_CONF_SYNTAX", "0.1.6", "Failed to parse the syntax of a conf file";
        WriteFailed = 34, "VIR_ERR_WRITE_FAILED", "0.1.6", "Failed to write a conf file";
        XmlDetail = 35, "VIR_ERR_XML_DETAIL", "0.1.9", "Detail of an XML error";
        InvalidNetwork = 36, "VIR_ERR_INVALID_NETWORK", "0.2.0", "Invalid network object";
        NetworkExist = 37, "VIR_ERR_NETWORK_EXIST", "0.2.0", "The network already exists";
        SystemError = 38, "VIR_ERR_SYSTEM_ERROR", "0.2.1", "General system call failure";
        Rpc = 39, "VIR_ERR_RPC", "0.2.3", "Some sort of RPC error";
        GnutlsError = 40, "VIR_ERR_GNUTLS_ERROR", "0.2.3", "Error from a GNUTLS call";
        WarNoNetwork = 41, "VIR_WAR_NO_NETWORK", "0.2.3", "Warning: failed to start network";
        NoDomain = 42, "VIR_ERR_NO_DOMAIN", "0.3.0", "Domain not found or unexpectedly disappeared";
        NoNetwork = 43, "VIR_ERR_NO_NETWORK", "0.3.0", "Network not found";
        InvalidMac = 44, "VIR_ERR_INVALID_MAC", "0.3.1", "Invalid MAC address";
        AuthFailed = 45, "VIR_ERR_AUTH_FAILED", "0.4.1", "Authentication failed";
        InvalidStoragePool = 46, "VIR_ERR_INVALID_STORAGE_POOL", "0.4.1", "Invalid storage pool object";
        InvalidStorageVol = 47, "VIR_ERR_INVALID_STORAGE_VOL", "0.4.1", "Invalid storage vol object";
        WarNoStorage = 48, "VIR_WAR_NO_STORAGE", "0.4.1", "Warning: failed to start storage";
        NoStoragePool = 49, "VIR_ERR_NO_STORAGE_POOL", "0.4.1", "Storage pool not found";
        NoStorageVol = 50, "VIR_ERR_NO_STORAGE_VOL", "0.4.1", "Storage volume not found";
        WarNoNode = 51, "VIR_WAR_NO_NODE", "0.5.0", "Warning: failed to start node driver";
        InvalidNodeDevice = 52, "VIR_ERR_INVALID_NODE_DEVICE", "0.5.0", "Invalid node device object";
        NoNodeDevice = 53, "VIR_ERR_NO_NODE_DEVICE", "0.5.0", "Node device not found";
        NoSecurityModel = 54, "VIR_ERR_NO_SECURITY_MODEL", "0.6.1", "Security model not found";
        OperationInvalid = 55, "VIR_ERR_OPERATION_INVALID", "0.6.4", "Operation is not applicable at this time";
        WarNoInterface = 56, "VIR_WAR_NO_INTERFACE", "0.6.4", "Warning: failed to start interface driver";
        NoInterface = 57, "VIR_ERR_NO_INTERFACE", "0.6.4", "Interface not found (the header's comment reads \"interface driver not running\")";
        InvalidInterface = 58, "VIR_ERR_INVALID_INTERFACE", "0.6.4", "Invalid interface object";
        MultipleInterfaces = 59, "VIR_ERR_MULTIPLE_INTERFACES", "0.7.0", "More than one matching interface found";
        WarNoNwfilter = 60, "VIR_WAR_NO_NWFILTER", "0.8.0", "Warning: failed to start nwfilter driver";
        InvalidNwfilter = 61, "VIR_ERR_INVALID_NWFILTER", "0.8.0", "Invalid nwfilter object";
        NoNwfilter = 62, "VIR_ERR_NO_NWFILTER", "0.8.0", "Nw filter pool not found";
        BuildFirewall = 63, "VIR_ERR_BUILD_FIREWALL", "0.8.0", "Failed to build the firewall (the header's comment repeats \"nw filter pool not found\")";
        WarNoSecret = 64, "VIR_WAR_NO_SECRET", "0.7.1", "Warning: failed to start secret storage";
        InvalidSecret = 65, "VIR_ERR_INVALID_SECRET", "0.7.1", "Invalid secret";
        NoSecret = 66, "VIR_ERR_NO_SECRET", "0.7.1", "Secret not found";
        ConfigUnsupported = 67, "VIR_ERR_CONFIG_UNSUPPORTED", "0.7.3", "Unsupported configuration construct";
        OperationTimeout = 68, "VIR_ERR_OPERATION_TIMEOUT", "0.7.3", "Timeout occurred during operation";
        MigratePersistFailed = 69, "VIR_ERR_MIGRATE_PERSIST_FAILED", "0.7.3", "A migration worked, but making the VM persist on the dest host failed";
        HookScriptFailed = 70, "VIR_ERR_HOOK_SCRIPT_FAILED", "0.8.0", "A synchronous hook script failed";
        InvalidDomainSnapshot = 71, "VIR_ERR_INVALID_DOMAIN_SNAPSHOT", "0.8.0", "Invalid domain snapshot";
        NoDomainSnapshot = 72, "VIR_ERR_NO_DOMAIN_SNAPSHOT", "0.8.0", "Domain snapshot not found";
        InvalidStream = 73, "VIR_ERR_INVALID_STREAM", "0.9.0", "Stream pointer not valid";
        ArgumentUnsupported = 74, "VIR_ERR_ARGUMENT_UNSUPPORTED", "0.9.4", "Valid API use but unsupported by the given driver";
        StorageProbeFailed = 75, "VIR_ERR_STORAGE_PROBE_FAILED", "0.9.5", "Storage pool probe failed";
        StoragePoolBuilt = 76, "VIR_ERR_STORAGE_POOL_BUILT", "0.9.5", "Storage pool already built";
        SnapshotRevertRisky = 77, "VIR_ERR_SNAPSHOT_REVERT_RISKY", "0.9.7", "Force was not requested for a risky domain snapshot revert";
        OperationAborted = 78, "VIR_ERR_OPERATION_ABORTED", "0.9.9", "Operation on a domain was canceled/aborted by user";
        AuthCancelled = 79, "VIR_ERR_AUTH_CANCELLED", "0.9.10", "Authentication cancelled";
        NoDomainMetadata = 80, "VIR_ERR_NO_DOMAIN_METADATA", "0.9.10", "The metadata is not present";
        MigrateUnsafe = 81, "VIR_ERR_MIGRATE_UNSAFE", "0.9.11", "Migration is not safe";
        Overflow = 82, "VIR_ERR_OVERFLOW", "0.9.11", "Integer overflow";
        BlockCopyActive = 83, "VIR_ERR_BLOCK_COPY_ACTIVE", "0.9.12", "Action prevented by block copy job";
        OperationUnsupported = 84, "VIR_ERR_OPERATION_UNSUPPORTED", "0.10.0", "The requested operation is not supported";
        Ssh = 85, "VIR_ERR_SSH", "0.10.0", "Error in ssh transport driver";
        AgentUnresponsive = 86, "VIR_ERR_AGENT_UNRESPONSIVE", "0.10.0", "Guest agent is unresponsive, not running or not usable";
        ResourceBusy = 87, "VIR_ERR_RESOURCE_BUSY", "1.0.0", "Resource is already in use";
        AccessDenied = 88, "VIR_ERR_ACCESS_DENIED", "1.1.0", "Operation on the object/resource was denied";
        DbusService = 89, "VIR_ERR_DBUS_SERVICE", "1.1.1", "Error from a dbus service";
        StorageVolExist = 90, "VIR_ERR_STORAGE_VOL_EXIST", "1.1.4", "The storage vol already exists";
        CpuIncompatible = 91, "VIR_ERR_CPU_INCOMPATIBLE", "1.2.6", "Given CPU is incompatible with host CPU";
        XmlInvalidSchema = 92, "VIR_ERR_XML_INVALID_SCHEMA", "1.2.12", "XML document doesn't validate against schema";
        MigrateFinishOk = 93, "VIR_ERR_MIGRATE_FINISH_OK", "1.2.18", "Finish API succeeded but it is expected to return NULL";
        AuthUnavailable = 94, "VIR_ERR_AUTH_UNAVAILABLE", "1.3.3", "Authentication unavailable";
        NoServer = 95, "VIR_ERR_NO_SERVER", "1.3.3", "Server was not found";
        NoClient = 96, "VIR_ERR_NO_CLIENT", "1.3.5", "Client was not found";
        AgentUnsynced = 97, "VIR_ERR_AGENT_UNSYNCED", "2.3.0", "Guest agent replies with wrong id to guest-sync command (deprecated)";
        Libssh = 98, "VIR_ERR_LIBSSH", "2.5.0", "Error in libssh transport driver";
        DeviceMissing = 99, "VIR_ERR_DEVICE_MISSING", "4.1.0", "Fail to find the desired device";
        InvalidNwfilterBinding = 100, "VIR_ERR_INVALID_NWFILTER_BINDING", "4.5.0", "Invalid nwfilter binding";
        NoNwfilterBinding = 101, "VIR_ERR_NO_NWFILTER_BINDING", "4.5.0", "No nwfilter binding";
        InvalidDomainCheckpoint = 102, "VIR_ERR_INVALID_DOMAIN_CHECKPOINT", "5.2.0", "Invalid domain checkpoint";
        NoDomainCheckpoint = 103, "VIR_ERR_NO_DOMAIN_CHECKPOINT", "5.2.0", "Domain checkpoint not found";
        NoDomainBackup = 104, "VIR_ERR_NO_DOMAIN_BACKUP", "5.2.0", "Domain backup job id not found";
        InvalidNetworkPort = 105, "VIR_ERR_INVALID_NETWORK_PORT", "5.5.0", "Invalid network port object";
        NetworkPortExist = 106, "VIR_ERR_NETWORK_PORT_EXIST", "5.5.0", "The network port already exists";
        NoNetworkPort = 107, "VIR_ERR_NO_NETWORK_PORT", "5.5.0", "Network port not found";
        NoHostname = 108, "VIR_ERR_NO_HOSTNAME", "6.1.0", "No domain's hostname found";
        CheckpointInconsistent = 109, "VIR_ERR_CHECKPOINT_INCONSISTENT", "6.10.0", "Checkpoint can't be used";
        MultipleDomains = 110, "VIR_ERR_MULTIPLE_DOMAINS", "7.1.0", "More than one matching domain found";
        NoNetworkMetadata = 111, "VIR_ERR_NO_NETWORK_METADATA", "9.7.0", "Network metadata is not present";
        AgentCommandTimeout = 112, "VIR_ERR_AGENT_COMMAND_TIMEOUT", "11.2.0", "Guest agent didn't respond to a non-sync command within timeout";
        AgentCommandFailed = 113, "VIR_ERR_AGENT_COMMAND_FAILED", "11.2.0", "Guest agent responded with failure to a command";
    }
}

impl ErrorCode {
    /// `true` if the error says that a named object the caller referred to
    /// does not exist (the header's "… not found" / "not present" codes for
    /// managed objects).
    ///
    /// Members: [`NoDomain`](Self::NoDomain), [`NoNetwork`](Self::NoNetwork),
    /// [`NoStoragePool`](Self::NoStoragePool),
    /// [`NoStorageVol`](Self::NoStorageVol),
    /// [`NoNodeDevice`](Self::NoNodeDevice),
    /// [`NoInterface`](Self::NoInterface) (libvirt raises it for "interface
    /// not found" despite the header comment),
    /// [`NoNwfilter`](Self::NoNwfilter), [`NoSecret`](Self::NoSecret),
    /// [`NoDomainSnapshot`](Self::NoDomainSnapshot),
    /// [`NoDomainMetadata`](Self::NoDomainMetadata),
    /// [`NoServer`](Self::NoServer), [`NoClient`](Self::NoClient),
    /// [`DeviceMissing`](Self::DeviceMissing),
    /// [`NoNwfilterBinding`](Self::NoNwfilterBinding),
    /// [`NoDomainCheckpoint`](Self::NoDomainCheckpoint),
    /// [`NoDomainBackup`](Self::NoDomainBackup),
    /// [`NoNetworkPort`](Self::NoNetworkPort) and
    /// [`NoNetworkMetadata`](Self::NoNetworkMetadata).
    ///
    /// Not included: the `War…` warnings (a driver failed to start), the
    /// legacy "missing … information" config codes (`NoKernel`, `NoRoot`,
    /// `NoSource`, `NoTarget`, `NoName`, `NoOs`, `NoDevice`),
    /// [`NoSecurityModel`](Self::NoSecurityModel) (host configuration) and
    /// [`NoHostname`](Self::NoHostname) (guest data unavailable).
    #[must_use]
    pub const fn is_not_found(self) -> bool {
        matches!(
            self,
            Self::NoDomain
                | Self::NoNetwork
                | Self::NoStoragePool
                | Self::NoStorageVol
                | Self::NoNodeDevice
                | Self::NoInterface
                | Self::NoNwfilter
                | Self::NoSecret
                | Self::NoDomainSnapshot
                | Self::NoDomainMetadata
                | Self::NoServer
                | Self::NoClient
                | Self::DeviceMissing
                | Self::NoNwfilterBinding
                | Self::NoDomainCheckpoint
                | Self::NoDomainBackup
                | Self::NoNetworkPort
                | Self::NoNetworkMetadata
        )
    }

    /// `true` if the driver or hypervisor does not support what was asked.
    ///
    /// Members: [`NoSupport`](Self::NoSupport) ("no support for this
    /// function"), [`CallFailed`](Self::CallFailed) ("not supported by the
    /// drivers", deprecated), [`ConfigUnsupported`](Self::ConfigUnsupported)
    /// ("unsupported configuration construct"),
    /// [`ArgumentUnsupported`](Self::ArgumentUnsupported) ("valid API use but
    /// unsupported by the given driver") and
    /// [`OperationUnsupported`](Self::OperationUnsupported).
    #[must_use]
    pub const fn is_unsupported(self) -> bool {
        matches!(
            self,
            Self::NoSupport
                | Self::CallFailed
                | Self::ConfigUnsupported
                | Self::ArgumentUnsupported
                | Self::OperationUnsupported
        )
    }

    /// `true` if input supplied by the caller was rejected as malformed.
    ///
    /// Members: [`InvalidArg`](Self::InvalidArg) ("invalid function
    /// argument"), [`InvalidMac`](Self::InvalidMac),
    /// [`XmlError`](Self::XmlError) (XML "not well formed or broken"),
    /// [`XmlDetail`](Self::XmlDetail) and
    /// [`XmlInvalidSchema`](Self::XmlInvalidSchema).
    ///
    /// Not included: the `Invalid<Object>` codes ("invalid … object", a bad
    /// handle), [`OperationInvalid`](Self::OperationInvalid) (valid request,
    /// wrong object state) and the `…Unsupported` codes (see
    /// [`is_unsupported`](Self::is_unsupported)).
    #[must_use]
    pub const fn is_invalid_argument(self) -> bool {
        matches!(
            self,
            Self::InvalidArg
                | Self::InvalidMac
                | Self::XmlError
                | Self::XmlDetail
                | Self::XmlInvalidSchema
        )
    }

    /// `true` if an authenticated caller was refused permission.
    ///
    /// Members: [`AccessDenied`](Self::AccessDenied) ("operation on the
    /// object/resource was denied", access control) and
    /// [`OperationDenied`](Self::OperationDenied) ("operation forbidden on
    /// read-only connections"). Failed authentication is reported by
    /// [`is_auth_failure`](Self::is_auth_failure) instead.
    #[must_use]
    pub const fn is_access_denied(self) -> bool {
        matches!(self, Self::AccessDenied | Self::OperationDenied)
    }

    /// `true` if authenticating the connection did not succeed.
    ///
    /// Members: [`AuthFailed`](Self::AuthFailed),
    /// [`AuthCancelled`](Self::AuthCancelled) and
    /// [`AuthUnavailable`](Self::AuthUnavailable).
    #[must_use]
    pub const fn is_auth_failure(self) -> bool {
        matches!(
            self,
            Self::AuthFailed | Self::AuthCancelled | Self::AuthUnavailable
        )
    }

    /// `true` for the `VIR_WAR_*` codes (a driver failed to start).
    #[must_use]
    pub const fn is_warning_code(self) -> bool {
        matches!(
            self,
            Self::WarNoNetwork
                | Self::WarNoStorage
                | Self::WarNoNode
                | Self::WarNoInterface
                | Self::WarNoNwfilter
                | Self::WarNoSecret
        )
    }
}

#[cfg(test)]
#[path = "codes_tests.rs"]
mod tests;
