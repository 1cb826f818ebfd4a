//! Storage: `<pool>` (storagepool.rng) and `<volume>` (storagevol.rng).

use crate::XmlValue;
use crate::domain::{Flag, Format, TextElement};
use crate::model::{Rule, Violation};
use crate::tree::Element;
use crate::value::xml_enum;
use crate::view::view;

view! {
    /// A size with a unit: a pool's or volume's `<capacity>`,
    /// `<allocation>`, `<available>`, `<physical>`. The unit defaults to
    /// bytes.
    pub struct Size = "capacity" {
        attrs {
            /// `unit` (default bytes): `bytes`, `KiB`, `M`, `GB`, ...
            unit, set_unit: "unit" => String;
        }
        text {
            /// The amount, in `unit`s.
            amount, set_amount => u64;
        }
    }
}

impl Size {
    /// The size in bytes, scaling by `unit` the way libvirt does (`KB` a
    /// power of 1000, `k`/`KiB` of 1024, up to `E`). `None` for an unknown
    /// unit or overflow.
    pub fn bytes(&self) -> Option<u64> {
        let n = self.amount()?;
        let unit = self.unit().unwrap_or_else(|| "bytes".into());
        n.checked_mul(crate::value::unit_bytes(&unit)?)
    }

    /// A size of `bytes` bytes, written without a unit.
    pub fn from_bytes(bytes: u64) -> Self {
        let mut s = Size::new();
        s.set_amount(bytes);
        s
    }
}

view! {
    /// `<pool>`: a storage pool. Children are listed in the order libvirt
    /// writes them.
    pub struct StoragePool = "pool" {
        attrs {
            /// `type`: `dir`, `fs`, `logical`, `iscsi`, `rbd`, ...
            kind, set_kind: "type" => String;
        }
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<capacity>`: the pool's size.
            one capacity, capacity_mut, set_capacity: "capacity" => Size;
            /// `<allocation>`: how much is allocated to volumes.
            one allocation, allocation_mut, set_allocation: "allocation" => Size;
            /// `<available>`: free space for new volumes.
            one available, available_mut, set_available: "available" => Size;
            /// `<features>`.
            one features, features_mut, set_features: "features" => PoolFeatures;
            /// `<source>`: where the storage comes from.
            one source, source_mut, set_source: "source" => PoolSource;
            /// `<target>`: where the pool appears on the host.
            one target, target_mut, set_target: "target" => PoolTarget;
            /// `<refresh>`: how a refresh computes volume sizes.
            one refresh, refresh_mut, set_refresh: "refresh" => Refresh;
        }
        rules {
            Rule::Check(pool_target_rules),
        }
    }
}

/// Pools whose volumes live under a host path have a `<target>` with a
/// `<path>` (storagepool.rng: `dir`, `fs`, `netfs`, `disk`, `iscsi`,
/// `scsi`, `mpath`, `vstorage`); a `zfs` pool's target is optional but
/// has a path when given. `logical` pools may leave the path out, and the
/// network pools (`rbd`, `gluster`, ...) have no target.
fn pool_target_rules(el: &Element) -> Result<(), Violation> {
    let kind = el.attr("type").unwrap_or_default();
    let needs_target = matches!(
        kind,
        "dir" | "fs" | "netfs" | "disk" | "iscsi" | "scsi" | "mpath" | "vstorage"
    );
    match el.child("target") {
        None if needs_target => Err(Violation::new(
            "target",
            format!("a {kind} pool needs a <target>"),
        )),
        Some(t) if (needs_target || kind == "zfs") && t.child("path").is_none() => {
            Err(Violation::new(
                "target/path",
                format!("a {kind} pool's target needs a <path>"),
            ))
        }
        _ => Ok(()),
    }
}

xml_enum! {
    /// `<pool type=...>`: the storage backend (libvirt's `storagepool.rng`).
    pub enum PoolType {
        /// A host directory.
        Dir = "dir",
        /// A pre-formatted block device, mounted.
        Fs = "fs",
        /// A network file system export, mounted.
        Netfs = "netfs",
        /// An LVM volume group.
        Logical = "logical",
        /// A disk and its partitions.
        Disk = "disk",
        /// iSCSI LUNs through the host's initiator.
        Iscsi = "iscsi",
        /// iSCSI LUNs through libiscsi, without the host's initiator.
        IscsiDirect = "iscsi-direct",
        /// A SCSI host adapter's LUNs.
        Scsi = "scsi",
        /// Multipath devices.
        Mpath = "mpath",
        /// A Ceph RADOS block device pool.
        Rbd = "rbd",
        /// A Sheepdog cluster (removed from libvirt, still in its schema).
        Sheepdog = "sheepdog",
        /// A Gluster volume.
        Gluster = "gluster",
        /// A ZFS pool.
        Zfs = "zfs",
        /// A Virtuozzo storage cluster.
        Vstorage = "vstorage",
    }
}

xml_enum! {
    /// `<volume type=...>`: what a volume is on the host.
    pub enum VolumeType {
        /// A regular file.
        File = "file",
        /// A block device.
        Block = "block",
        /// A directory.
        Dir = "dir",
        /// A network volume (rbd, gluster, ...).
        Network = "network",
        /// A network directory.
        Netdir = "netdir",
    }
}

impl StoragePool {
    /// The pool's `type` as a closed value; an unknown one is kept as
    /// [`PoolType::Other`].
    pub fn pool_type(&self) -> Option<PoolType> {
        self.kind().as_deref().and_then(PoolType::from_xml)
    }

    /// The target path (`target/path`): the directory or device directory
    /// volumes appear in.
    pub fn target_path(&self) -> Option<String> {
        self.target()
            .and_then(PoolTarget::path)
            .and_then(TextElement::value)
    }
}

view! {
    /// A pool's `<refresh>`.
    pub struct Refresh = "refresh" {
        children {
            /// `<volume allocation=...>`.
            one volume, volume_mut, set_volume: "volume" => RefreshVolume;
        }
    }
}

view! {
    /// A refresh's `<volume allocation=...>`.
    pub struct RefreshVolume = "volume" {
        attrs {
            /// `allocation`: `default`, or `capacity` to report the
            /// capacity as allocation (rbd).
            allocation, set_allocation: "allocation" => String;
        }
    }
}

view! {
    /// A pool's `<features>`.
    pub struct PoolFeatures = "features" {
        children {
            /// `<cow state=...>` (btrfs directories): copy-on-write.
            one cow, cow_mut, set_cow: "cow" => Cow;
        }
    }
}

view! {
    /// A pool feature's `<cow state=...>`.
    pub struct Cow = "cow" {
        attrs {
            /// `state`: whether new volumes are copy-on-write.
            state, set_state: "state" => crate::YesNo;
        }
    }
}

view! {
    /// A pool's `<source>`: which elements apply depends on the pool type.
    pub struct PoolSource = "source" {
        children {
            /// `<host>`s: the servers (netfs, iscsi, rbd, gluster, ...).
            many hosts, hosts_mut, push_host: "host" => PoolHost;
            /// `<device>`s: the block devices (fs, logical, disk, iscsi).
            many devices, devices_mut, push_device: "device" => SourceDevice;
            /// `<dir path=...>`: the exported directory (netfs, gluster).
            one dir, dir_mut, set_dir: "dir" => PathAttr;
            /// `<adapter>`: the SCSI host adapter (scsi).
            one adapter, adapter_mut, set_adapter: "adapter" => Adapter;
            /// `<name>`: the volume group, RBD pool, gluster volume, ...
            one name, name_mut, set_name: "name" => TextElement;
            /// `<format type=...>`: the file system or partition table.
            one format, format_mut, set_format: "format" => Format;
            /// `<protocol ver=...>`: the NFS version (netfs).
            one protocol, protocol_mut, set_protocol: "protocol" => Protocol;
            /// `<initiator>`: the iSCSI initiator.
            one initiator, initiator_mut, set_initiator: "initiator" => Initiator;
            /// `<auth>`: credentials (iscsi, rbd).
            one auth, auth_mut, set_auth: "auth" => PoolAuth;
            /// `<vendor name=...>`.
            one vendor, vendor_mut, set_vendor: "vendor" => crate::domain::Named;
            /// `<product name=...>`.
            one product, product_mut, set_product: "product" => crate::domain::Named;
        }
    }
}

view! {
    /// A pool source's `<host name=... port=...>`.
    pub struct PoolHost = "host" {
        attrs {
            /// `name`: host name or address.
            name, set_name: "name" => String;
            /// `port`.
            port, set_port: "port" => u16;
        }
    }
}

view! {
    /// A source `<device path=...>`: a pool's block device, or a volume's
    /// device with its extents.
    pub struct SourceDevice = "device" {
        attrs {
            /// `path`.
            path, set_path: "path" => String;
            /// `part_separator` (disk pools): whether partition names get
            /// a `p` before the number.
            part_separator, set_part_separator: "part_separator" => crate::YesNo;
        }
        children {
            /// `<freeExtent>`s (output, pools): unallocated space.
            many free_extents, free_extents_mut, push_free_extent: "freeExtent" => Extent;
            /// `<extent>`s (output, volumes): where the volume lies.
            many extents, extents_mut, push_extent: "extent" => Extent;
        }
    }
}

view! {
    /// An `<extent>` or `<freeExtent>`: a byte range of a device.
    pub struct Extent = "extent" {
        attrs {
            /// `start`, in bytes.
            start, set_start: "start" => u64;
            /// `end`, in bytes.
            end, set_end: "end" => u64;
        }
    }
}

view! {
    /// An element identified by a `path` attribute (`<dir path=...>`).
    pub struct PathAttr = "dir" {
        attrs {
            /// `path`.
            path, set_path: "path" => String;
        }
    }
}

view! {
    /// `<protocol ver=...>`: the NFS protocol version.
    pub struct Protocol = "protocol" {
        attrs {
            /// `ver`, e.g. `3` or `4.1`.
            ver, set_ver: "ver" => String;
        }
    }
}

view! {
    /// `<initiator>`: an iSCSI initiator.
    pub struct Initiator = "initiator" {
        children {
            /// `<iqn name=...>`.
            one iqn, iqn_mut, set_iqn: "iqn" => crate::domain::Named;
        }
    }
}

view! {
    /// A pool source's `<auth>`: CHAP or Ceph credentials from a secret.
    pub struct PoolAuth = "auth" {
        attrs {
            /// `type`: `chap` or `ceph`.
            kind, set_kind: "type" => String;
            /// `username`.
            username, set_username: "username" => String;
        }
        children {
            /// `<secret>`: where the password is.
            one secret, secret_mut, set_secret: "secret" => SecretRef;
        }
    }
}

view! {
    /// A `<secret>` reference, by UUID or usage name.
    pub struct SecretRef = "secret" {
        attrs {
            /// `uuid`.
            uuid, set_uuid: "uuid" => String;
            /// `usage`: the secret's usage name.
            usage, set_usage: "usage" => String;
        }
    }
}

view! {
    /// A scsi pool's `<adapter>`: a SCSI host by name or PCI address, or a
    /// Fibre Channel (vHBA) host by WWNs.
    pub struct Adapter = "adapter" {
        attrs {
            /// `type`: `scsi_host` or `fc_host`.
            kind, set_kind: "type" => String;
            /// `name`: the SCSI host, e.g. `host0`.
            name, set_name: "name" => String;
            /// `parent` (fc_host): the parent HBA.
            parent, set_parent: "parent" => String;
            /// `managed` (fc_host): whether libvirt creates and removes the
            /// vHBA.
            managed, set_managed: "managed" => crate::YesNo;
            /// `wwnn` (fc_host).
            wwnn, set_wwnn: "wwnn" => String;
            /// `wwpn` (fc_host).
            wwpn, set_wwpn: "wwpn" => String;
        }
        children {
            /// `<parentaddr>`: the SCSI host by PCI address.
            one parentaddr, parentaddr_mut, set_parentaddr: "parentaddr" => ParentAddr;
        }
    }
}

view! {
    /// `<parentaddr unique_id=...>`: a SCSI host by its PCI address.
    pub struct ParentAddr = "parentaddr" {
        attrs {
            /// `unique_id`: which of the device's SCSI hosts.
            unique_id, set_unique_id: "unique_id" => u32;
        }
        children {
            /// `<address>`: the PCI address.
            one address, address_mut, set_address: "address" => crate::domain::Address;
        }
    }
}

view! {
    /// A pool's `<target>`.
    pub struct PoolTarget = "target" {
        children {
            /// `<path>`.
            one path, path_mut, set_path: "path" => TextElement;
            /// `<permissions>`: of the target directory.
            one permissions, permissions_mut, set_permissions: "permissions" => Permissions;
        }
    }
}

view! {
    /// `<permissions>`: mode, owner, group and security label of a pool's
    /// directory or a volume.
    pub struct Permissions = "permissions" {
        children {
            /// `<mode>`: octal, e.g. `0755`.
            one mode, mode_mut, set_mode: "mode" => FileMode;
            /// `<owner>`: a user id, `-1` for unset.
            one owner, owner_mut, set_owner: "owner" => PermId;
            /// `<group>`: a group id, `-1` for unset.
            one group, group_mut, set_group: "group" => PermId;
            /// `<label>`: the security label.
            one label, label_mut, set_label: "label" => TextElement;
        }
    }
}

impl Permissions {
    /// The mode bits, read as octal.
    pub fn mode_bits(&self) -> Option<u32> {
        self.mode().and_then(FileMode::value).and_then(|m| m.bits())
    }

    /// The owner's user id; `-1` means unset.
    pub fn owner_id(&self) -> Option<i64> {
        self.owner().and_then(PermId::value)
    }

    /// The group id; `-1` means unset.
    pub fn group_id(&self) -> Option<i64> {
        self.group().and_then(PermId::value)
    }
}

/// `[0-7]+`: file mode bits in octal.
fn is_octal_mode(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| (b'0'..=b'7').contains(&b))
}

crate::value::checked_string! {
    /// File mode bits as libvirt writes them: octal digits, e.g. `0755`.
    pub struct OctalMode: "octal digits" = is_octal_mode;
}

impl OctalMode {
    /// The mode bits; `None` when they overflow a `u32`.
    pub fn bits(&self) -> Option<u32> {
        u32::from_str_radix(&self.0, 8).ok()
    }
}

impl From<u32> for OctalMode {
    fn from(bits: u32) -> Self {
        OctalMode(format!("{bits:04o}"))
    }
}

view! {
    /// A permissions `<mode>`.
    pub struct FileMode = "mode" {
        text {
            /// The mode, in octal.
            value, set_value => OctalMode;
        }
    }
}

view! {
    /// A permissions `<owner>` or `<group>`: a numeric id.
    pub struct PermId = "owner" {
        text {
            /// The id; `-1` means unset.
            value, set_value => i64;
        }
    }
}

view! {
    /// `<volume>`: a storage volume. Children are listed in the order
    /// libvirt writes them.
    pub struct StorageVolume = "volume" {
        attrs {
            /// `type`: `file`, `block`, `dir`, `network`, `netdir`, `ploop`.
            kind, set_kind: "type" => String;
        }
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<key>`: the volume's unique key (often its path).
            one key, key_mut, set_key: "key" => TextElement;
            /// `<source>`: where the volume lies (output).
            one source, source_mut, set_source: "source" => VolumeSource;
            /// `<capacity>`: the logical size.
            one capacity, capacity_mut, set_capacity: "capacity" => Size;
            /// `<allocation>`: how much is allocated on the host.
            one allocation, allocation_mut, set_allocation: "allocation" => Size;
            /// `<physical>`: the size on disk including metadata (output).
            one physical, physical_mut, set_physical: "physical" => Size;
            /// `<target>`: the volume on the host.
            one target, target_mut, set_target: "target" => VolumeTarget;
            /// `<backingStore>`: the image a copy-on-write volume is
            /// layered over.
            one backing_store, backing_store_mut, set_backing_store: "backingStore" => VolumeBackingStore;
        }
    }
}

impl StorageVolume {
    /// The volume's `type` as a closed value; an unknown one is kept as
    /// [`VolumeType::Other`].
    pub fn volume_type(&self) -> Option<VolumeType> {
        self.kind().as_deref().and_then(VolumeType::from_xml)
    }

    /// The capacity in bytes.
    pub fn capacity_bytes(&self) -> Option<u64> {
        self.capacity().and_then(Size::bytes)
    }

    /// The format (`target/format/@type`), e.g. `qcow2`.
    pub fn format_type(&self) -> Option<String> {
        self.target()
            .and_then(VolumeTarget::format)
            .and_then(Format::kind)
    }
}

view! {
    /// A volume's `<source>`.
    pub struct VolumeSource = "source" {
        children {
            /// `<device>`s with the extents the volume uses.
            many devices, devices_mut, push_device: "device" => SourceDevice;
        }
    }
}

view! {
    /// A volume's `<target>`.
    pub struct VolumeTarget = "target" {
        children {
            /// `<path>`.
            one path, path_mut, set_path: "path" => TextElement;
            /// `<format type=...>`: `raw`, `qcow2`, ...
            one format, format_mut, set_format: "format" => Format;
            /// `<permissions>`.
            one permissions, permissions_mut, set_permissions: "permissions" => Permissions;
            /// `<timestamps>` (output).
            one timestamps, timestamps_mut, set_timestamps: "timestamps" => Timestamps;
            /// `<encryption>`.
            one encryption, encryption_mut, set_encryption: "encryption" => VolumeEncryption;
            /// `<compat>`: the qcow2 compatibility level, e.g. `1.1`.
            one compat, compat_mut, set_compat: "compat" => TextElement;
            /// `<clusterSize>`: the qcow2 cluster size.
            one cluster_size, cluster_size_mut, set_cluster_size: "clusterSize" => Size;
            /// `<nocow/>`: turn copy-on-write off (btrfs).
            one nocow, nocow_mut, set_nocow: "nocow" => Flag;
            /// `<features>`: qcow2 features.
            one features, features_mut, set_features: "features" => VolumeFeatures;
        }
    }
}

view! {
    /// A volume's `<timestamps>`: `seconds.nanoseconds` since the epoch.
    pub struct Timestamps = "timestamps" {
        children {
            /// `<atime>`: last access.
            one atime, atime_mut, set_atime: "atime" => TextElement;
            /// `<btime>`: creation.
            one btime, btime_mut, set_btime: "btime" => TextElement;
            /// `<ctime>`: last status change.
            one ctime, ctime_mut, set_ctime: "ctime" => TextElement;
            /// `<mtime>`: last modification.
            one mtime, mtime_mut, set_mtime: "mtime" => TextElement;
        }
    }
}

view! {
    /// A volume target's `<features>` (qcow2).
    pub struct VolumeFeatures = "features" {
        children {
            /// `<lazy_refcounts/>`.
            one lazy_refcounts, lazy_refcounts_mut, set_lazy_refcounts: "lazy_refcounts" => Flag;
            /// `<extended_l2/>`.
            one extended_l2, extended_l2_mut, set_extended_l2: "extended_l2" => Flag;
        }
    }
}

view! {
    /// A volume's `<backingStore>`.
    pub struct VolumeBackingStore = "backingStore" {
        children {
            /// `<path>`.
            one path, path_mut, set_path: "path" => TextElement;
            /// `<format type=...>`.
            one format, format_mut, set_format: "format" => Format;
            /// `<permissions>`.
            one permissions, permissions_mut, set_permissions: "permissions" => Permissions;
        }
    }
}

view! {
    /// A volume's `<encryption format=...>`.
    pub struct VolumeEncryption = "encryption" {
        attrs {
            /// `format`: `luks`, `luks2`, `qcow`, ...
            format, set_format: "format" => String;
            /// `engine`: `qemu` or `librbd`.
            engine, set_engine: "engine" => String;
        }
        children {
            /// `<secret type='passphrase' uuid=...>`.
            many secrets, secrets_mut, push_secret: "secret" => EncryptionSecret;
            /// `<cipher>`.
            one cipher, cipher_mut, set_cipher: "cipher" => Cipher;
            /// `<ivgen>`.
            one ivgen, ivgen_mut, set_ivgen: "ivgen" => Cipher;
        }
    }
}

view! {
    /// An encryption's `<secret>`.
    pub struct EncryptionSecret = "secret" {
        attrs {
            /// `type`: `passphrase`.
            kind, set_kind: "type" => String;
            /// `uuid`.
            uuid, set_uuid: "uuid" => String;
            /// `usage`.
            usage, set_usage: "usage" => String;
        }
    }
}

view! {
    /// A LUKS `<cipher>` or `<ivgen>`.
    pub struct Cipher = "cipher" {
        attrs {
            /// `name`: `aes`, `plain64`, ...
            name, set_name: "name" => String;
            /// `size` (cipher): key bits.
            size, set_size: "size" => u32;
            /// `mode` (cipher): `cbc`, `xts`, ...
            mode, set_mode: "mode" => String;
            /// `hash`.
            hash, set_hash: "hash" => String;
        }
    }
}
