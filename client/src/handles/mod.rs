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
//! `has_*` and `get_autostart` calls, [`Uuid`], [`DomainInfo`], and the
//! generated reply structs (`remote::DomainBlockStatsRet`, ...) for the
//! rest. Procedures that open a data stream return a
//! [`Stream`](crate::stream::Stream).
//!
//! Left out, and still reachable through the raw
//! [`remote::Calls`](virtwire_protocol::remote::Calls) layer: the
//! procedures listed in [`SKIPPED`] (event registration, which
//! [`event`](crate::event) wraps; opening and closing, which
//! [`Client::connect`](crate::Client::connect) and
//! [`Client::close`](crate::Client::close) do; and the procedures that are
//! not a public C function, such as the migration phases), and the qemu and
//! lxc programs ([`qemu::Calls`](virtwire_protocol::qemu::Calls),
//! [`lxc::Calls`](virtwire_protocol::lxc::Calls)).
//!
//! # Coming from libvirt-python or the `virt` crate
//!
//! | libvirt-python | `virt` crate | virtwire |
//! |---|---|---|
//! | `libvirt.open(uri)` | `Connect::open(Some(uri))` | `Client::connect(uri).await?` |
//! | `libvirt.openReadOnly(uri)` | `Connect::open_read_only(uri)` | `Client::connect_read_only(uri).await?` |
//! | `conn.close()` | `conn.close()` | `client.close().await?` |
//! | `conn.getVersion()` | `conn.get_hyp_version()` | `client.get_version().await?` |
//! | `conn.getLibVersion()` | `conn.get_lib_version()` | `client.get_lib_version().await?` |
//! | `conn.getHostname()` | `conn.get_hostname()` | `client.get_hostname().await?` |
//! | `conn.getCapabilities()` | `conn.get_capabilities()` | `client.get_capabilities().await?` |
//! | `conn.getMaxVcpus(None)` | `conn.get_max_vcpus(None)` | `client.get_max_vcpus(None).await?` |
//! | `conn.getFreeMemory()` | `conn.get_free_memory()` | `client.node_get_free_memory().await?` |
//! | `conn.getInfo()` | `NodeInfo::...` / `conn.get_node_info()` | `client.node_get_info().await?` |
//! | `conn.listDomainsID()` | `conn.list_domains()` | `client.list_domains(max).await?` |
//! | `conn.listDefinedDomains()` | `conn.list_defined_domains()` | `client.list_defined_domains(max).await?` |
//! | `conn.listAllDomains(flags)` | `conn.list_all_domains(flags)` | `client.list_all_domains(flags).await?` |
//! | `conn.lookupByName(name)` | `Domain::lookup_by_name(&conn, name)` | `client.domain_lookup_by_name(name).await?` |
//! | `conn.lookupByID(id)` | `Domain::lookup_by_id(&conn, id)` | `client.domain_lookup_by_id(id).await?` |
//! | `conn.lookupByUUIDString(s)` | `Domain::lookup_by_uuid_string(&conn, s)` | `client.domain_lookup_by_uuid_string(s).await?` |
//! | `conn.defineXML(xml)` | `Domain::define_xml(&conn, xml)` | `client.domain_define_xml(xml).await?` |
//! | `conn.defineXMLFlags(xml, f)` | `Domain::define_xml_flags(&conn, xml, f)` | `client.domain_define_xml_flags(xml, f).await?` |
//! | `conn.createXML(xml, f)` | `Domain::create_xml(&conn, xml, f)` | `client.domain_create_xml(xml, f).await?` |
//! | `dom.name()` | `dom.get_name()` | `dom.name()` |
//! | `dom.UUIDString()` | `dom.get_uuid_string()` | `dom.uuid().to_string()` |
//! | `dom.ID()` | `dom.get_id()` | `dom.id()` |
//! | `dom.info()` | `dom.get_info()` | `dom.get_info().await?` |
//! | `dom.state()` | `dom.get_state()` | `dom.get_state(0).await?` |
//! | `dom.isActive()` | `dom.is_active()` | `dom.is_active().await?` |
//! | `dom.XMLDesc(flags)` | `dom.get_xml_desc(flags)` | `dom.get_xml_desc(flags).await?` |
//! | `dom.create()` | `dom.create()` | `dom.create().await?` |
//! | `dom.createWithFlags(f)` | `dom.create_with_flags(f)` | `dom.create_with_flags(f).await?` |
//! | `dom.shutdown()` | `dom.shutdown()` | `dom.shutdown().await?` |
//! | `dom.shutdownFlags(f)` | `dom.shutdown_flags(f)` | `dom.shutdown_flags(f).await?` |
//! | `dom.destroy()` | `dom.destroy()` | `dom.destroy().await?` |
//! | `dom.suspend()` / `dom.resume()` | `dom.suspend()` / `dom.resume()` | `dom.suspend().await?` / `dom.resume().await?` |
//! | `dom.undefine()` | `dom.undefine()` | `dom.undefine().await?` |
//! | `dom.undefineFlags(f)` | `dom.undefine_flags(f)` | `dom.undefine_flags(f).await?` |
//! | `dom.setMemoryFlags(kib, f)` | `dom.set_memory_flags(kib, f)` | `dom.set_memory_flags(kib, f).await?` |
//! | `dom.setMaxMemory(kib)` | `dom.set_max_memory(kib)` | `dom.set_max_memory(kib).await?` |
//! | `dom.vcpusFlags(f)` | `dom.get_vcpus_flags(f)` | `dom.get_vcpus_flags(f).await?` |
//! | `dom.setVcpusFlags(n, f)` | `dom.set_vcpus_flags(n, f)` | `dom.set_vcpus_flags(n, f).await?` |
//! | `dom.maxVcpus()` | `dom.get_max_vcpus()` | `dom.get_max_vcpus().await?` |
//! | `dom.attachDeviceFlags(xml, f)` | `dom.attach_device_flags(xml, f)` | `dom.attach_device_flags(xml, f).await?` |
//! | `dom.autostart()` | `dom.get_autostart()` | `dom.get_autostart().await?` |
//! | `dom.setAutostart(b)` | `dom.set_autostart(b)` | `dom.set_autostart(b).await?` |
//! | `dom.blockStats(path)` | `dom.get_block_stats(path)` | `dom.block_stats(path).await?` |
//! | `dom.interfaceStats(dev)` | `dom.interface_stats(dev)` | `dom.interface_stats(dev).await?` |
//! | `dom.memoryStats()` | `dom.memory_stats(0)` | `dom.memory_stats(max, 0).await?` |
//! | `dom.getCPUStats(True)` | `dom.get_cpu_stats(...)` | `dom.get_cpu_stats(n, -1, 1, 0).await?` |
//! | `dom.schedulerType()` | `dom.get_scheduler_type()` | `dom.get_scheduler_type().await?` |
//! | `dom.getTime()` | `dom.get_time(0)` | `dom.get_time(0).await?` |
//! | `dom.snapshotLookupByName(n)` | `DomainSnapshot::lookup_by_name(&dom, n, 0)` | `dom.snapshot_lookup_by_name(n, 0).await?` |
//! | `conn.numOfNetworks()` | `conn.num_of_networks()` | `client.num_of_networks().await?` |
//! | `conn.listNetworks()` | `conn.list_networks()` | `client.list_networks(max).await?` |
//! | `conn.networkLookupByName(n)` | `Network::lookup_by_name(&conn, n)` | `client.network_lookup_by_name(n).await?` |
//! | `net.XMLDesc(0)` | `net.get_xml_desc(0)` | `net.get_xml_desc(flags).await?` |
//! | `conn.listStoragePools()` | `conn.list_storage_pools()` | `client.list_storage_pools(max).await?` |
//! | `conn.storagePoolLookupByName(n)` | `StoragePool::lookup_by_name(&conn, n)` | `client.storage_pool_lookup_by_name(n).await?` |
//! | `pool.storageVolLookupByName(n)` | `StorageVol::lookup_by_name(&pool, n)` | `pool.storage_vol_lookup_by_name(n).await?` |
//! | `conn.storageVolLookupByPath(p)` | `StorageVol::lookup_by_path(&conn, p)` | `client.storage_vol_lookup_by_path(p).await?` |
//!
//! In virtwire every call is `async` and returns [`Result`](crate::Result);
//! the list calls take libvirt's `maxnames`/`maxids` bound as the C
//! functions do.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/handles.rs"));
}
mod info;
mod lookup;
mod objects;
mod uuid;

pub use generated::{GENERATED, SKIPPED};
pub use info::DomainInfo;
pub use objects::{
    Domain, DomainCheckpoint, DomainSnapshot, Interface, Network, NetworkPort, NodeDevice,
    NwFilter, NwFilterBinding, Secret, StoragePool, StorageVol,
};
pub use uuid::{ParseUuidError, Uuid};
