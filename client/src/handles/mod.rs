//! Object handles: [`Domain`], [`Network`], [`StoragePool`], ... each a
//! [`Client`](crate::Client) and the object's wire identity, with a method
//! for every libvirt call that acts on the object.
//!
//! ```no_run
//! # async fn demo() -> virtwire::Result<()> {
//! use virtwire::api::DomainXmlFlags;
//!
//! let client = virtwire::Client::connect("qemu:///system").await?;
//! let dom = client.domain_lookup_by_name("guest").await?;
//! let info = dom.get_info().await?;
//! println!("{dom}: {} with {} KiB", info.state, info.memory);
//! let xml = dom.get_xml_desc(DomainXmlFlags::INACTIVE).await?;
//! # let _ = xml;
//! # Ok(()) }
//! ```
//!
//! The methods are generated from libvirt's `remote_protocol.x` and
//! `libvirt-api.xml` (see `virtwire-codegen`'s `handles` module): a
//! procedure whose arguments start with an object is a method of that
//! object's handle, any other a method of [`Client`](crate::Client). Names
//! follow libvirt's C API in Rust case, as the `virt` crate does, with the
//! object's prefix left out: `virDomainGetInfo` is [`Domain::get_info`],
//! `virConnectListAllDomains` is
//! [`Client::list_all_domains`](crate::Client::list_all_domains),
//! `virDomainLookupByName` is
//! [`Client::domain_lookup_by_name`](crate::Client::domain_lookup_by_name),
//! `virStorageVolLookupByName` is
//! [`StoragePool::storage_vol_lookup_by_name`]. Every method's doc names
//! its C function.
//!
//! Arguments are borrowed: `&str` for strings, `Option<&str>` for the
//! nullable ones, `&[u8]` for bytes, `&Domain` for objects, and the typed
//! flags of [`virtwire_protocol::api`] where libvirt documents a single
//! flags type for the `flags` argument (`u32` otherwise). Returns are typed:
//! handles for objects, `String` for names and XML, `bool` for the `is_*`,
//! `has_*` and `get_autostart` calls, [`Uuid`], [`DomainInfo`],
//! [`DomainStateInfo`], and the
//! generated reply structs (`remote::DomainBlockStatsRet`, ...) for the
//! rest. Procedures that open a data stream return a
//! [`Stream`](crate::stream::Stream).
//!
//! # Typed parameters
//!
//! The calls that take or return libvirt's typed parameters
//! (`virTypedParameter` arrays) use [`TypedParams`], with typed getters
//! and a builder (see [`typed_params`]):
//!
//! ```no_run
//! # async fn demo(client: virtwire::Client, dom: virtwire::Domain) -> virtwire::Result<()> {
//! use virtwire::TypedParams;
//! use virtwire::api::{ConnectGetAllDomainStatsFlags, DomainModificationImpact, DomainStatsTypes};
//!
//! dom.set_memory_parameters(
//!     &TypedParams::new().ullong("hard_limit", 1 << 20),
//!     DomainModificationImpact::CONFIG,
//! )
//! .await?;
//! let memory = dom.get_memory_parameters(DomainModificationImpact::CURRENT).await?;
//! assert_eq!(memory.get_u64("hard_limit"), Some(1 << 20));
//!
//! let total = dom.get_cpu_stats_total(Default::default()).await?;
//! println!("{dom}: {:?} ns", total.get_u64("cpu_time"));
//!
//! for record in client
//!     .get_all_domain_stats(DomainStatsTypes::STATE, ConnectGetAllDomainStatsFlags::empty())
//!     .await?
//! {
//!     println!("{}: state {:?}", record.domain, record.params.get_i32("state.state"));
//! }
//! # Ok(()) }
//! ```
//!
//! The calls that the C API makes the caller ask twice, first for the
//! number of parameters (`virDomainGetMemoryParameters`,
//! `virDomainGetBlkioParameters`, `virDomainGetNumaParameters`,
//! `virDomainGetInterfaceParameters`, `virDomainGetBlockIoTune`,
//! `virDomainBlockStatsFlags`, `virNodeGetMemoryParameters`,
//! `virNodeGetCPUStats`, `virNodeGetMemoryStats`,
//! `virDomainGetSchedulerParameters[Flags]`, `virDomainGetCPUStats`) are
//! one call here, with no `nparams` argument; the two node statistics
//! calls return their `unsigned long long` values as
//! [`TypedParamValue::ULLong`]. `VIR_TYPED_PARAM_STRING_OKAY` is set where
//! libvirt's client library sets it, so `flags` is the other flags type
//! the C function takes ([`DomainModificationImpact`](virtwire_protocol::api::DomainModificationImpact)
//! mostly). `virDomainGetCPUStats` is three methods:
//! [`Domain::get_cpu_stats`] (libvirt's `start_cpu` and `ncpus`),
//! [`Domain::get_cpu_stats_total`] and [`Domain::get_cpu_stats_per_cpu`].
//! `virConnectGetAllDomainStats` and `virDomainListGetStats` are
//! [`Client::get_all_domain_stats`](crate::Client::get_all_domain_stats)
//! and [`Client::domain_list_get_stats`](crate::Client::domain_list_get_stats),
//! returning [`DomainStatsRecord`]s.
//!
//! The qemu and lxc programs' procedures are here too, with the program in
//! their names as in the C names: `virDomainQemuMonitorCommand` is
//! [`Domain::qemu_monitor_command`], `virDomainQemuAgentCommand`
//! [`Domain::qemu_agent_command`], `virDomainLxcOpenNamespace`
//! [`Domain::lxc_open_namespace`].
//!
//! Left out, and still reachable through the raw
//! [`remote::Calls`](virtwire_protocol::remote::Calls),
//! [`qemu::Calls`](virtwire_protocol::qemu::Calls) and
//! [`lxc::Calls`](virtwire_protocol::lxc::Calls) layer: the procedures
//! listed in [`SKIPPED`] (event registration, which [`event`](crate::event)
//! wraps; opening and closing, which
//! [`Client::connect`](crate::Client::connect) and
//! [`Client::close`](crate::Client::close) do; the procedures that are
//! not a public C function, such as the migration phases and `auth_*`;
//! and the typed-parameter procedures whose methods are written by hand,
//! named in their reasons). [`GENERATED`] counts the generated methods per
//! type.
//!
//! # Coming from libvirt-python or the `virt` crate
//!
//! The `virt` crate names its methods by the same rule (check its docs for
//! the exact signature of the version you use); libvirt-python drops the
//! object's prefix and keeps C's case. `flags` are the typed flags of
//! [`virtwire_protocol::api`] where the C function names one flags type.
//!
//! | C function | libvirt-python | `virt` crate | virtwire |
//! |---|---|---|---|
//! | `virConnectOpen` | `libvirt.open(uri)` | `Connect::open(Some(uri))` | `Client::connect(uri).await?` |
//! | `virConnectOpenReadOnly` | `libvirt.openReadOnly(uri)` | `Connect::open_read_only(Some(uri))` | `Client::connect_read_only(uri).await?` |
//! | `virConnectClose` | `conn.close()` | `conn.close()` | `client.close().await?` |
//! | `virConnectGetVersion` | `conn.getVersion()` | `conn.get_hyp_version()` | `client.get_version().await?` |
//! | `virConnectGetLibVersion` | `conn.getLibVersion()` | `conn.get_lib_version()` | `client.get_lib_version().await?` |
//! | `virConnectGetHostname` | `conn.getHostname()` | `conn.get_hostname()` | `client.get_hostname().await?` |
//! | `virConnectGetCapabilities` | `conn.getCapabilities()` | `conn.get_capabilities()` | `client.get_capabilities().await?` |
//! | `virConnectGetMaxVcpus` | `conn.getMaxVcpus(None)` | `conn.get_max_vcpus(None)` | `client.get_max_vcpus(None).await?` |
//! | `virNodeGetFreeMemory` | `conn.getFreeMemory()` | `conn.get_free_memory()` | `client.node_get_free_memory().await?` |
//! | `virNodeGetInfo` | `conn.getInfo()` | `conn.get_node_info()` | `client.node_get_info().await?` |
//! | `virConnectListDomains` | `conn.listDomainsID()` | `conn.list_domains()` | `client.list_domains(max).await?` |
//! | `virConnectListDefinedDomains` | `conn.listDefinedDomains()` | `conn.list_defined_domains()` | `client.list_defined_domains(max).await?` |
//! | `virConnectListAllDomains` | `conn.listAllDomains(flags)` | `conn.list_all_domains(flags)` | `client.list_all_domains(flags).await?` |
//! | `virDomainLookupByName` | `conn.lookupByName(name)` | `Domain::lookup_by_name(&conn, name)` | `client.domain_lookup_by_name(name).await?` |
//! | `virDomainLookupByID` | `conn.lookupByID(id)` | `Domain::lookup_by_id(&conn, id)` | `client.domain_lookup_by_id(id).await?` |
//! | `virDomainLookupByUUIDString` | `conn.lookupByUUIDString(s)` | `Domain::lookup_by_uuid_string(&conn, s)` | `client.domain_lookup_by_uuid_string(s).await?` |
//! | `virDomainDefineXML` | `conn.defineXML(xml)` | `Domain::define_xml(&conn, xml)` | `client.domain_define_xml(xml).await?` |
//! | `virDomainDefineXMLFlags` | `conn.defineXMLFlags(xml, flags)` | `Domain::define_xml_flags(&conn, xml, flags)` | `client.domain_define_xml_flags(xml, flags).await?` |
//! | `virDomainCreateXML` | `conn.createXML(xml, flags)` | `Domain::create_xml(&conn, xml, flags)` | `client.domain_create_xml(xml, flags).await?` |
//! | `virDomainGetName` | `dom.name()` | `dom.get_name()` | `dom.name()` |
//! | `virDomainGetUUIDString` | `dom.UUIDString()` | `dom.get_uuid_string()` | `dom.uuid().to_string()` |
//! | `virDomainGetID` | `dom.ID()` | `dom.get_id()` | `dom.id()` |
//! | `virDomainGetInfo` | `dom.info()` | `dom.get_info()` | `dom.get_info().await?` |
//! | `virDomainGetState` | `dom.state()` | `dom.get_state()` | `dom.get_state(0).await?` |
//! | `virDomainIsActive` | `dom.isActive()` | `dom.is_active()` | `dom.is_active().await?` |
//! | `virDomainGetXMLDesc` | `dom.XMLDesc(flags)` | `dom.get_xml_desc(flags)` | `dom.get_xml_desc(flags).await?` |
//! | `virDomainCreate` | `dom.create()` | `dom.create()` | `dom.create().await?` |
//! | `virDomainCreateWithFlags` | `dom.createWithFlags(flags)` | `dom.create_with_flags(flags)` | `dom.create_with_flags(flags).await?` |
//! | `virDomainShutdownFlags` | `dom.shutdownFlags(flags)` | `dom.shutdown_flags(flags)` | `dom.shutdown_flags(flags).await?` |
//! | `virDomainDestroy` | `dom.destroy()` | `dom.destroy()` | `dom.destroy().await?` |
//! | `virDomainSuspend` | `dom.suspend()` | `dom.suspend()` | `dom.suspend().await?` |
//! | `virDomainUndefineFlags` | `dom.undefineFlags(flags)` | `dom.undefine_flags(flags)` | `dom.undefine_flags(flags).await?` |
//! | `virDomainSetMemoryFlags` | `dom.setMemoryFlags(kib, flags)` | `dom.set_memory_flags(kib, flags)` | `dom.set_memory_flags(kib, flags).await?` |
//! | `virDomainSetMaxMemory` | `dom.setMaxMemory(kib)` | `dom.set_max_memory(kib)` | `dom.set_max_memory(kib).await?` |
//! | `virDomainGetVcpusFlags` | `dom.vcpusFlags(flags)` | `dom.get_vcpus_flags(flags)` | `dom.get_vcpus_flags(flags).await?` |
//! | `virDomainSetVcpusFlags` | `dom.setVcpusFlags(n, flags)` | `dom.set_vcpus_flags(n, flags)` | `dom.set_vcpus_flags(n, flags).await?` |
//! | `virDomainGetMaxVcpus` | `dom.maxVcpus()` | `dom.get_max_vcpus()` | `dom.get_max_vcpus().await?` |
//! | `virDomainAttachDeviceFlags` | `dom.attachDeviceFlags(xml, flags)` | `dom.attach_device_flags(xml, flags)` | `dom.attach_device_flags(xml, flags).await?` |
//! | `virDomainGetAutostart` | `dom.autostart()` | `dom.get_autostart()` | `dom.get_autostart().await?` |
//! | `virDomainSetAutostart` | `dom.setAutostart(on)` | `dom.set_autostart(on)` | `dom.set_autostart(on).await?` |
//! | `virDomainBlockStats` | `dom.blockStats(path)` | `dom.block_stats(path)` | `dom.block_stats(path).await?` |
//! | `virDomainInterfaceStats` | `dom.interfaceStats(dev)` | `dom.interface_stats(dev)` | `dom.interface_stats(dev).await?` |
//! | `virDomainMemoryStats` | `dom.memoryStats()` | `dom.memory_stats(flags)` | `dom.memory_stats(max, flags).await?` |
//! | `virDomainGetCPUStats` | `dom.getCPUStats(True)` | `dom.get_cpu_stats(...)` | `dom.get_cpu_stats_total(flags).await?` |
//! | `virDomainGetCPUStats` | `dom.getCPUStats(False)` | `dom.get_cpu_stats(...)` | `dom.get_cpu_stats_per_cpu(flags).await?` |
//! | `virDomainGetMemoryParameters` | `dom.memoryParameters(flags)` | `dom.get_memory_parameters(flags)` | `dom.get_memory_parameters(flags).await?` |
//! | `virDomainSetMemoryParameters` | `dom.setMemoryParameters(dict, flags)` | `dom.set_memory_parameters(params, flags)` | `dom.set_memory_parameters(&params, flags).await?` |
//! | `virDomainGetSchedulerParameters` | `dom.schedulerParameters()` | `dom.get_scheduler_parameters()` | `dom.get_scheduler_parameters().await?` |
//! | `virConnectGetAllDomainStats` | `conn.getAllDomainStats(stats, flags)` | `conn.get_all_domain_stats(stats, flags)` | `client.get_all_domain_stats(stats, flags).await?` |
//! | `virDomainListGetStats` | `conn.domainListGetStats(doms, stats, flags)` | (see its docs) | `client.domain_list_get_stats(&doms, stats, flags).await?` |
//! | `virDomainGetSchedulerType` | `dom.schedulerType()` | `dom.get_scheduler_type()` | `dom.get_scheduler_type().await?` |
//! | `virDomainGetTime` | `dom.getTime()` | `dom.get_time(flags)` | `dom.get_time(flags).await?` |
//! | `virDomainSnapshotCreateXML` | `dom.snapshotCreateXML(xml, flags)` | `DomainSnapshot::create_xml(&dom, xml, flags)` | `dom.snapshot_create_xml(xml, flags).await?` |
//! | `virConnectNumOfNetworks` | `conn.numOfNetworks()` | `conn.num_of_networks()` | `client.num_of_networks().await?` |
//! | `virConnectListNetworks` | `conn.listNetworks()` | `conn.list_networks()` | `client.list_networks(max).await?` |
//! | `virNetworkLookupByName` | `conn.networkLookupByName(name)` | `Network::lookup_by_name(&conn, name)` | `client.network_lookup_by_name(name).await?` |
//! | `virNetworkGetXMLDesc` | `net.XMLDesc(flags)` | `net.get_xml_desc(flags)` | `net.get_xml_desc(flags).await?` |
//! | `virConnectListStoragePools` | `conn.listStoragePools()` | `conn.list_storage_pools()` | `client.list_storage_pools(max).await?` |
//! | `virStoragePoolLookupByName` | `conn.storagePoolLookupByName(name)` | `StoragePool::lookup_by_name(&conn, name)` | `client.storage_pool_lookup_by_name(name).await?` |
//! | `virStorageVolLookupByName` | `pool.storageVolLookupByName(name)` | `StorageVol::lookup_by_name(&pool, name)` | `pool.storage_vol_lookup_by_name(name).await?` |
//! | `virStorageVolLookupByPath` | `conn.storageVolLookupByPath(path)` | `StorageVol::lookup_by_path(&conn, path)` | `client.storage_vol_lookup_by_path(path).await?` |
//! | `virStorageVolDownload` | `vol.download(stream, 0, 0, flags)` | `vol.download(&stream, 0, 0, flags)` | `vol.download(0, 0, flags).await?` (a [`Stream`](crate::stream::Stream)) |
//!
//! In virtwire every call is `async` and returns [`Result`](crate::Result);
//! the list calls take libvirt's `maxnames`/`maxids` bound as the C
//! functions do; the typed-parameter calls take no count.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/handles.rs"));
}
mod info;
mod lookup;
mod objects;
mod params_calls;
pub mod typed_params;
mod uuid;

pub use generated::{GENERATED, SKIPPED};
pub use info::{DomainInfo, DomainStateInfo};
pub use objects::{
    Domain, DomainCheckpoint, DomainSnapshot, Interface, Network, NetworkPort, NodeDevice,
    NwFilter, NwFilterBinding, Secret, StoragePool, StorageVol,
};
pub use typed_params::{DomainJobStats, DomainStatsRecord, TypedParamValue, TypedParams};
pub use uuid::{ParseUuidError, Uuid};
