//! Typed parameters (`virTypedParameter`): the named, typed values that
//! libvirt's tuning and statistics calls take and return.
//!
//! [`TypedParams`] is an ordered list of `(name, value)` pairs, as the C
//! arrays are. Reading is by name with typed getters; writing is by a
//! builder:
//!
//! ```no_run
//! # async fn demo(dom: virtwire::Domain) -> virtwire::Result<()> {
//! use virtwire::TypedParams;
//! use virtwire::api::DomainModificationImpact;
//! use virtwire::handles::typed_params::names;
//!
//! // virDomainGetMemoryParameters: the count is asked for first, by the method.
//! let memory = dom.get_memory_parameters(DomainModificationImpact::CURRENT).await?;
//! println!("hard limit: {:?} KiB", memory.get_u64(names::DOMAIN_MEMORY_HARD_LIMIT));
//!
//! // virDomainSetMemoryParameters
//! dom.set_memory_parameters(
//!     &TypedParams::new().ullong(names::DOMAIN_MEMORY_HARD_LIMIT, 1 << 20),
//!     DomainModificationImpact::CONFIG,
//! )
//! .await?;
//! # Ok(()) }
//! ```
//!
//! # Names
//!
//! The names are libvirt's, from the `VIR_DOMAIN_*` string macros of the
//! C headers (`VIR_DOMAIN_CPU_STATS_CPUTIME` is `"cpu_time"`,
//! `VIR_DOMAIN_MEMORY_HARD_LIMIT` `"hard_limit"`); [`names`] has the most
//! used ones, and every C function's documentation lists its own.
//!
//! # Value types from a newer daemon
//!
//! The wire form (`remote_typed_param_value`) is an XDR union on the type
//! number with no length before the value, so a value of a type this build
//! does not know cannot be skipped: such a reply fails to decode, with an
//! [`ErrorKind::Protocol`](crate::ErrorKind::Protocol) error naming
//! `remote_typed_param_value` and the number, and libvirt's own client fails
//! the same way. libvirt keeps that from happening by asking before it
//! sends a new type, as it does for strings: a daemon sends string values
//! only to a client that sets `VIR_TYPED_PARAM_STRING_OKAY`, which the
//! methods here set where libvirt's client library does.

use std::fmt;

use virtwire_protocol::remote;
use virtwire_protocol::xdr::XdrString;

/// One typed parameter's value (`virTypedParameter`'s `type` and `value`).
#[derive(Debug, Clone, PartialEq)]
pub enum TypedParamValue {
    /// `VIR_TYPED_PARAM_INT`
    Int(i32),
    /// `VIR_TYPED_PARAM_UINT`
    UInt(u32),
    /// `VIR_TYPED_PARAM_LLONG`
    LLong(i64),
    /// `VIR_TYPED_PARAM_ULLONG`
    ULLong(u64),
    /// `VIR_TYPED_PARAM_DOUBLE`
    Double(f64),
    /// `VIR_TYPED_PARAM_BOOLEAN` (an `int` on the wire; any non-zero value
    /// is `true`).
    Boolean(bool),
    /// `VIR_TYPED_PARAM_STRING`
    String(String),
}

impl TypedParamValue {
    /// The value's type (`virTypedParameterType`).
    pub fn kind(&self) -> virtwire_protocol::api::TypedParameterType {
        use virtwire_protocol::api::TypedParameterType as T;
        match self {
            Self::Int(_) => T::Int,
            Self::UInt(_) => T::Uint,
            Self::LLong(_) => T::Llong,
            Self::ULLong(_) => T::Ullong,
            Self::Double(_) => T::Double,
            Self::Boolean(_) => T::Boolean,
            Self::String(_) => T::String,
        }
    }

    /// An integer value of any of the four integer types, widened; `None`
    /// for the other types.
    pub fn as_i128(&self) -> Option<i128> {
        match *self {
            Self::Int(v) => Some(i128::from(v)),
            Self::UInt(v) => Some(i128::from(v)),
            Self::LLong(v) => Some(i128::from(v)),
            Self::ULLong(v) => Some(i128::from(v)),
            _ => None,
        }
    }

    /// An integer value that fits a `u64` losslessly.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_i128().and_then(|v| u64::try_from(v).ok())
    }

    /// An integer value that fits an `i64` losslessly.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_i128().and_then(|v| i64::try_from(v).ok())
    }

    /// An integer value that fits a `u32` losslessly.
    pub fn as_u32(&self) -> Option<u32> {
        self.as_i128().and_then(|v| u32::try_from(v).ok())
    }

    /// An integer value that fits an `i32` losslessly.
    pub fn as_i32(&self) -> Option<i32> {
        self.as_i128().and_then(|v| i32::try_from(v).ok())
    }

    /// A [`Double`](Self::Double) value.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Self::Double(v) => Some(v),
            _ => None,
        }
    }

    /// A [`Boolean`](Self::Boolean) value.
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Self::Boolean(v) => Some(v),
            _ => None,
        }
    }

    /// A [`String`](Self::String) value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(v) => Some(v),
            _ => None,
        }
    }

    /// The wire form (`remote_typed_param_value`).
    pub fn to_wire(&self) -> remote::TypedParamValue {
        use remote::TypedParamValue as W;
        match self {
            Self::Int(v) => W::Int(*v),
            Self::UInt(v) => W::Uint(*v),
            Self::LLong(v) => W::Llong(*v),
            Self::ULLong(v) => W::Ullong(*v),
            Self::Double(v) => W::Double(*v),
            Self::Boolean(v) => W::Boolean(i32::from(*v)),
            Self::String(v) => W::String(XdrString::from(v.as_str())),
        }
    }

    /// The value of a wire form.
    pub fn from_wire(wire: remote::TypedParamValue) -> Self {
        use remote::TypedParamValue as W;
        match wire {
            W::Int(v) => Self::Int(v),
            W::Uint(v) => Self::UInt(v),
            W::Llong(v) => Self::LLong(v),
            W::Ullong(v) => Self::ULLong(v),
            W::Double(v) => Self::Double(v),
            W::Boolean(v) => Self::Boolean(v != 0),
            W::String(v) => Self::String(String::from(v)),
        }
    }
}

impl fmt::Display for TypedParamValue {
    /// The value alone, as `virsh` prints it (`yes`/`no` for booleans,
    /// three decimals for doubles).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Int(v) => write!(f, "{v}"),
            Self::UInt(v) => write!(f, "{v}"),
            Self::LLong(v) => write!(f, "{v}"),
            Self::ULLong(v) => write!(f, "{v}"),
            Self::Double(v) => write!(f, "{v:.3}"),
            Self::Boolean(v) => f.write_str(if *v { "yes" } else { "no" }),
            Self::String(v) => f.write_str(v),
        }
    }
}

macro_rules! value_from {
    ($($t:ty => $variant:ident),* $(,)?) => {$(
        impl From<$t> for TypedParamValue {
            #[doc = concat!("A [`", stringify!($variant), "`](Self::", stringify!($variant), ").")]
            fn from(v: $t) -> Self {
                Self::$variant(v)
            }
        }
    )*};
}

value_from! {
    i32 => Int,
    u32 => UInt,
    i64 => LLong,
    u64 => ULLong,
    f64 => Double,
    bool => Boolean,
    String => String,
}

impl From<&str> for TypedParamValue {
    /// A [`String`](Self::String).
    fn from(v: &str) -> Self {
        Self::String(v.to_owned())
    }
}

/// An ordered list of typed parameters (a `virTypedParameterPtr` array and
/// its length): what the `*_parameters`, `*_stats` and `*_tune` calls take
/// and return. See the [module docs](self).
///
/// The order is the daemon's (or the builder's), and a name may appear
/// more than once, as libvirt allows for some calls (the list-valued
/// migration parameters, say); the getters return the first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypedParams {
    params: Vec<(String, TypedParamValue)>,
}

/// The builder: each method appends one parameter and returns the list.
/// For a call that sets parameters, libvirt changes only those given.
impl TypedParams {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `name` = `value` (`virTypedParamsAddInt`).
    #[must_use]
    pub fn int(mut self, name: impl Into<String>, value: i32) -> Self {
        self.push(name, value);
        self
    }

    /// Appends `name` = `value` (`virTypedParamsAddUInt`).
    #[must_use]
    pub fn uint(mut self, name: impl Into<String>, value: u32) -> Self {
        self.push(name, value);
        self
    }

    /// Appends `name` = `value` (`virTypedParamsAddLLong`).
    #[must_use]
    pub fn llong(mut self, name: impl Into<String>, value: i64) -> Self {
        self.push(name, value);
        self
    }

    /// Appends `name` = `value` (`virTypedParamsAddULLong`).
    #[must_use]
    pub fn ullong(mut self, name: impl Into<String>, value: u64) -> Self {
        self.push(name, value);
        self
    }

    /// Appends `name` = `value` (`virTypedParamsAddDouble`).
    #[must_use]
    pub fn double(mut self, name: impl Into<String>, value: f64) -> Self {
        self.push(name, value);
        self
    }

    /// Appends `name` = `value` (`virTypedParamsAddBoolean`).
    #[must_use]
    pub fn boolean(mut self, name: impl Into<String>, value: bool) -> Self {
        self.push(name, value);
        self
    }

    /// Appends `name` = `value` (`virTypedParamsAddString`).
    #[must_use]
    pub fn string(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.push(name, TypedParamValue::String(value.into()));
        self
    }

    /// Appends `name` = `value` in place, for lists built in a loop.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<TypedParamValue>) {
        self.params.push((name.into(), value.into()));
    }
}

/// Reading.
impl TypedParams {
    /// The number of parameters.
    pub fn len(&self) -> usize {
        self.params.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    /// The value of the first parameter named `name` (`virTypedParamsGet`).
    pub fn get(&self, name: &str) -> Option<&TypedParamValue> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The values of every parameter named `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a TypedParamValue> {
        self.params
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v)
    }

    /// Whether a parameter is named `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// `name` as a `u64`: a value of any integer type that fits
    /// (`virTypedParamsGetULLong`, which wants the exact type, is stricter).
    pub fn get_u64(&self, name: &str) -> Option<u64> {
        self.get(name)?.as_u64()
    }

    /// `name` as an `i64`: a value of any integer type that fits
    /// (`virTypedParamsGetLLong`).
    pub fn get_i64(&self, name: &str) -> Option<i64> {
        self.get(name)?.as_i64()
    }

    /// `name` as a `u32`: a value of any integer type that fits
    /// (`virTypedParamsGetUInt`).
    pub fn get_u32(&self, name: &str) -> Option<u32> {
        self.get(name)?.as_u32()
    }

    /// `name` as an `i32`: a value of any integer type that fits
    /// (`virTypedParamsGetInt`).
    pub fn get_i32(&self, name: &str) -> Option<i32> {
        self.get(name)?.as_i32()
    }

    /// `name` when it is a double (`virTypedParamsGetDouble`).
    pub fn get_f64(&self, name: &str) -> Option<f64> {
        self.get(name)?.as_f64()
    }

    /// `name` when it is a boolean (`virTypedParamsGetBoolean`).
    pub fn get_bool(&self, name: &str) -> Option<bool> {
        self.get(name)?.as_bool()
    }

    /// `name` when it is a string (`virTypedParamsGetString`).
    pub fn get_string(&self, name: &str) -> Option<&str> {
        self.get(name)?.as_str()
    }

    /// The parameters in order, as `(name, value)`.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.params.iter())
    }

    /// The names in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.params.iter().map(|(n, _)| n.as_str())
    }
}

/// The wire form (`remote_typed_param<>`).
impl TypedParams {
    /// The list of a reply's `remote_typed_param` array.
    pub fn from_wire(wire: Vec<remote::TypedParam>) -> Self {
        wire.into_iter()
            .map(|p| (String::from(p.field), TypedParamValue::from_wire(p.value)))
            .collect()
    }

    /// The `remote_typed_param` array a call's arguments carry.
    pub fn to_wire(&self) -> Vec<remote::TypedParam> {
        self.params
            .iter()
            .map(|(name, value)| remote::TypedParam {
                field: XdrString::from(name.as_str()),
                value: value.to_wire(),
            })
            .collect()
    }
}

impl From<Vec<remote::TypedParam>> for TypedParams {
    fn from(wire: Vec<remote::TypedParam>) -> Self {
        Self::from_wire(wire)
    }
}

impl From<&TypedParams> for Vec<remote::TypedParam> {
    fn from(params: &TypedParams) -> Self {
        params.to_wire()
    }
}

impl From<TypedParams> for Vec<remote::TypedParam> {
    fn from(params: TypedParams) -> Self {
        params.to_wire()
    }
}

/// `virNodeGetCPUStats`' `virNodeCPUStats` array: each value a
/// [`ULLong`](TypedParamValue::ULLong).
impl From<Vec<remote::NodeGetCpuStats>> for TypedParams {
    fn from(wire: Vec<remote::NodeGetCpuStats>) -> Self {
        wire.into_iter()
            .map(|s| (String::from(s.field), TypedParamValue::ULLong(s.value)))
            .collect()
    }
}

/// `virNodeGetMemoryStats`' `virNodeMemoryStats` array: each value a
/// [`ULLong`](TypedParamValue::ULLong).
impl From<Vec<remote::NodeGetMemoryStats>> for TypedParams {
    fn from(wire: Vec<remote::NodeGetMemoryStats>) -> Self {
        wire.into_iter()
            .map(|s| (String::from(s.field), TypedParamValue::ULLong(s.value)))
            .collect()
    }
}

impl<K: Into<String>, V: Into<TypedParamValue>> FromIterator<(K, V)> for TypedParams {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self {
            params: iter
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }
}

impl<K: Into<String>, V: Into<TypedParamValue>> Extend<(K, V)> for TypedParams {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        self.params
            .extend(iter.into_iter().map(|(k, v)| (k.into(), v.into())));
    }
}

impl IntoIterator for TypedParams {
    type Item = (String, TypedParamValue);
    type IntoIter = std::vec::IntoIter<(String, TypedParamValue)>;

    fn into_iter(self) -> Self::IntoIter {
        self.params.into_iter()
    }
}

impl<'a> IntoIterator for &'a TypedParams {
    type Item = (&'a str, &'a TypedParamValue);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The iterator of [`TypedParams::iter`]: `(name, value)` in order.
#[derive(Debug, Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, (String, TypedParamValue)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a TypedParamValue);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(n, v)| (n.as_str(), v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(n, v)| (n.as_str(), v))
    }
}

impl fmt::Display for TypedParams {
    /// `name=value` pairs separated by `, `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, value)) in self.params.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{name}={value}")?;
        }
        Ok(())
    }
}

/// One domain's statistics from
/// [`Client::get_all_domain_stats`](crate::Client::get_all_domain_stats) or
/// [`Client::domain_list_get_stats`](crate::Client::domain_list_get_stats)
/// (`virDomainStatsRecord`).
#[derive(Debug, Clone, PartialEq)]
pub struct DomainStatsRecord {
    /// The domain.
    pub domain: super::Domain,
    /// Its statistics, named by group (`state.state`, `cpu.time`,
    /// `balloon.current`, `block.0.name`, ...; see
    /// `virConnectGetAllDomainStats`).
    pub params: TypedParams,
}

/// What [`Domain::get_job_stats`](super::Domain::get_job_stats) returns
/// (`virDomainGetJobStats`): the job's type and its statistics
/// (`time_elapsed`, `data_total`, ...; see `VIR_DOMAIN_JOB_*`).
#[derive(Debug, Clone, PartialEq)]
pub struct DomainJobStats {
    /// The job's type.
    pub job_type: virtwire_protocol::api::DomainJobType,
    /// Its statistics.
    pub params: TypedParams,
}

impl From<remote::DomainGetJobStatsRet> for DomainJobStats {
    fn from(ret: remote::DomainGetJobStatsRet) -> Self {
        Self {
            job_type: virtwire_protocol::api::DomainJobType::from_raw(ret.r#type),
            params: TypedParams::from_wire(ret.params),
        }
    }
}

/// The names of common typed parameters: libvirt's string macros of the
/// same names with `VIR_` left out. The C function of each call documents
/// its full list.
pub mod names {
    /// `VIR_DOMAIN_CPU_STATS_CPUTIME`: CPU time, ns (ULLong), of
    /// `virDomainGetCPUStats`.
    pub const DOMAIN_CPU_STATS_CPUTIME: &str = "cpu_time";
    /// `VIR_DOMAIN_CPU_STATS_USERTIME`: user CPU time, ns (ULLong), in the
    /// total of `virDomainGetCPUStats`.
    pub const DOMAIN_CPU_STATS_USERTIME: &str = "user_time";
    /// `VIR_DOMAIN_CPU_STATS_SYSTEMTIME`: system CPU time, ns (ULLong), in
    /// the total of `virDomainGetCPUStats`.
    pub const DOMAIN_CPU_STATS_SYSTEMTIME: &str = "system_time";
    /// `VIR_DOMAIN_CPU_STATS_VCPUTIME`: vCPU time, ns (ULLong), per CPU in
    /// `virDomainGetCPUStats`.
    pub const DOMAIN_CPU_STATS_VCPUTIME: &str = "vcpu_time";

    /// `VIR_DOMAIN_MEMORY_HARD_LIMIT`: KiB (ULLong), of
    /// `virDomainGetMemoryParameters` and `virDomainSetMemoryParameters`.
    pub const DOMAIN_MEMORY_HARD_LIMIT: &str = "hard_limit";
    /// `VIR_DOMAIN_MEMORY_SOFT_LIMIT`: KiB (ULLong).
    pub const DOMAIN_MEMORY_SOFT_LIMIT: &str = "soft_limit";
    /// `VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT`: KiB (ULLong).
    pub const DOMAIN_MEMORY_SWAP_HARD_LIMIT: &str = "swap_hard_limit";
    /// `VIR_DOMAIN_MEMORY_PARAM_UNLIMITED`: the value of a memory limit
    /// that is not set.
    pub const DOMAIN_MEMORY_PARAM_UNLIMITED: u64 = 9_007_199_254_740_991;

    /// `VIR_DOMAIN_SCHEDULER_WEIGHT`: the scheduler weight (UInt) of
    /// `virDomainGetSchedulerParameters`.
    pub const DOMAIN_SCHEDULER_WEIGHT: &str = "weight";
    /// `VIR_DOMAIN_SCHEDULER_CPU_SHARES`: CPU shares (ULLong).
    pub const DOMAIN_SCHEDULER_CPU_SHARES: &str = "cpu_shares";

    /// `VIR_DOMAIN_BLKIO_WEIGHT`: the block I/O weight (UInt) of
    /// `virDomainGetBlkioParameters`.
    pub const DOMAIN_BLKIO_WEIGHT: &str = "weight";

    /// `VIR_DOMAIN_NUMA_NODESET`: the NUMA nodeset (String) of
    /// `virDomainGetNumaParameters`.
    pub const DOMAIN_NUMA_NODESET: &str = "numa_nodeset";
    /// `VIR_DOMAIN_NUMA_MODE`: the NUMA mode (Int, a
    /// `virDomainNumatuneMemMode`).
    pub const DOMAIN_NUMA_MODE: &str = "numa_mode";

    /// `VIR_DOMAIN_BANDWIDTH_IN_AVERAGE`: inbound average, KiB/s (UInt), of
    /// `virDomainGetInterfaceParameters`.
    pub const DOMAIN_BANDWIDTH_IN_AVERAGE: &str = "inbound.average";
    /// `VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE`: outbound average, KiB/s (UInt).
    pub const DOMAIN_BANDWIDTH_OUT_AVERAGE: &str = "outbound.average";

    /// `VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC`: bytes/s (ULLong), of
    /// `virDomainGetBlockIoTune` and `virDomainSetBlockIoTune`.
    pub const DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC: &str = "total_bytes_sec";
    /// `VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME`: the throttle group (String).
    pub const DOMAIN_BLOCK_IOTUNE_GROUP_NAME: &str = "group_name";

    /// `VIR_NODE_CPU_STATS_USER`: user time, ns, of `virNodeGetCPUStats`.
    pub const NODE_CPU_STATS_USER: &str = "user";
    /// `VIR_NODE_CPU_STATS_KERNEL`: kernel time, ns.
    pub const NODE_CPU_STATS_KERNEL: &str = "kernel";
    /// `VIR_NODE_CPU_STATS_IDLE`: idle time, ns.
    pub const NODE_CPU_STATS_IDLE: &str = "idle";
    /// `VIR_NODE_CPU_STATS_IOWAIT`: I/O wait time, ns.
    pub const NODE_CPU_STATS_IOWAIT: &str = "iowait";
    /// `VIR_NODE_CPU_STATS_ALL_CPUS`: the `cpu_num` of the total in
    /// `virNodeGetCPUStats`.
    pub const NODE_CPU_STATS_ALL_CPUS: i32 = -1;
    /// `VIR_NODE_MEMORY_STATS_TOTAL`: total memory, KiB, of
    /// `virNodeGetMemoryStats`.
    pub const NODE_MEMORY_STATS_TOTAL: &str = "total";
    /// `VIR_NODE_MEMORY_STATS_FREE`: free memory, KiB.
    pub const NODE_MEMORY_STATS_FREE: &str = "free";
    /// `VIR_NODE_MEMORY_STATS_ALL_CELLS`: the `cell_num` of the total in
    /// `virNodeGetMemoryStats`.
    pub const NODE_MEMORY_STATS_ALL_CELLS: i32 = -1;

    /// `VIR_DOMAIN_STATS_STATE` group: the state (Int, a `virDomainState`)
    /// in a [`DomainStatsRecord`](super::DomainStatsRecord).
    pub const STATS_STATE_STATE: &str = "state.state";
    /// The reason for the state (Int).
    pub const STATS_STATE_REASON: &str = "state.reason";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builder_keeps_order_and_types() {
        let p = TypedParams::new()
            .ullong("hard_limit", 1 << 20)
            .string("group_name", "g")
            .boolean("enabled", true)
            .int("mode", -2);
        assert_eq!(
            p.names().collect::<Vec<_>>(),
            ["hard_limit", "group_name", "enabled", "mode"]
        );
        assert_eq!(p.get_u64("hard_limit"), Some(1 << 20));
        assert_eq!(p.get_string("group_name"), Some("g"));
        assert_eq!(p.get_bool("enabled"), Some(true));
        assert_eq!(p.get_i32("mode"), Some(-2));
        // Lossless widening and narrowing only.
        assert_eq!(p.get_u64("mode"), None);
        assert_eq!(p.get_i64("mode"), Some(-2));
        assert_eq!(p.get_u32("hard_limit"), Some(1 << 20));
        // Strings and booleans are not numbers.
        assert_eq!(p.get_u64("group_name"), None);
        assert_eq!(p.get_string("missing"), None);
        assert_eq!(
            p.to_string(),
            "hard_limit=1048576, group_name=g, enabled=yes, mode=-2"
        );
    }

    #[test]
    fn the_first_of_repeated_names_wins() {
        let mut p = TypedParams::new();
        p.push("disk", "vda");
        p.push("disk", "vdb");
        assert_eq!(p.get_string("disk"), Some("vda"));
        let all: Vec<_> = p.get_all("disk").filter_map(|v| v.as_str()).collect();
        assert_eq!(all, ["vda", "vdb"]);
    }
}
