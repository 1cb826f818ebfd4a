//! `<disk>`: block devices, with their several kinds of source.

use crate::domain::common::{Address, Alias, BootOrder, DevSeclabel, Flag, TextElement};
use crate::model::{Rule, Violation};
use crate::tree::Element;
use crate::value::xml_enum;
use crate::view::view;

/// What libvirt's schema requires of a disk as a whole: a network disk has
/// a source, a LUN is a block, network or volume disk, and I/O limits are
/// either `<iotune>` or `<throttlefilters>`, not both.
fn disk_rules(el: &Element) -> Result<(), Violation> {
    let kind = el.attr("type").unwrap_or("file");
    if kind == "network" && el.child("source").is_none() {
        return Err(Violation::new(
            "source",
            "a network disk needs a <source> (with its protocol)",
        ));
    }
    if el.attr("device") == Some("lun") && !matches!(kind, "block" | "network" | "volume") {
        return Err(Violation::new(
            "@type",
            format!("a LUN is a block, network or volume disk, not {kind:?}"),
        ));
    }
    if el.child("iotune").is_some() && el.child("throttlefilters").is_some() {
        return Err(Violation::new(
            "throttlefilters",
            "<iotune> and <throttlefilters> exclude each other",
        ));
    }
    Ok(())
}

/// An iSCSI source names at least one host.
fn source_rules(el: &Element) -> Result<(), Violation> {
    if el.attr("protocol") == Some("iscsi") && el.child("host").is_none() {
        return Err(Violation::new("host", "an iSCSI source needs a <host>"));
    }
    Ok(())
}

/// `<cipher>` and `<ivgen>` come together.
fn encryption_rules(el: &Element) -> Result<(), Violation> {
    match (el.child("cipher").is_some(), el.child("ivgen").is_some()) {
        (true, false) => Err(Violation::new("ivgen", "<cipher> needs an <ivgen>")),
        (false, true) => Err(Violation::new("cipher", "<ivgen> needs a <cipher>")),
        _ => Ok(()),
    }
}

xml_enum! {
    /// `<disk type=...>`: where the data lives.
    pub enum DiskType {
        /// A host file.
        File = "file",
        /// A host block device.
        Block = "block",
        /// A host directory (exposed as a FAT image).
        Dir = "dir",
        /// A network protocol (NBD, iSCSI, RBD, ...).
        Network = "network",
        /// A volume of a storage pool.
        Volume = "volume",
        /// A vhost-user-blk socket.
        VhostUser = "vhostuser",
        /// A vhost-vdpa device.
        Vhostvdpa = "vhostvdpa",
        /// NVMe device bound to vfio.
        Nvme = "nvme",
    }
}

xml_enum! {
    /// `<disk device=...>`: what the guest sees.
    pub enum DiskDevice {
        /// A hard disk.
        Disk = "disk",
        /// A CD-ROM drive.
        Cdrom = "cdrom",
        /// A floppy drive.
        Floppy = "floppy",
        /// A SCSI LUN passed through.
        Lun = "lun",
    }
}

view! {
    /// A `<disk>` device.
    pub struct Disk = "disk" {
        attrs {
            /// `type`: where the data lives (decides `<source>`'s attributes).
            kind, set_kind: "type" => DiskType;
            /// `device`: disk, cdrom, floppy or lun.
            device, set_device: "device" => DiskDevice;
            /// `model` (virtio variants).
            model, set_model: "model" => String;
            /// `snapshot` default for this disk.
            snapshot, set_snapshot: "snapshot" => String;
        }
        children {
            /// `<driver>`: the hypervisor's backend settings (format, cache).
            one driver, driver_mut, set_driver: "driver" => DiskDriver;
            /// `<auth>` (legacy place; libvirt now writes it in `<source>`).
            one auth, auth_mut, set_auth: "auth" => DiskAuth;
            /// `<source>`.
            one source, source_mut, set_source: "source" => DiskSource;
            /// `<backingStore>` chain (kept as a raw element).
            one backing_store, backing_store_mut, set_backing_store: "backingStore" => BackingStore;
            /// `<target>`: the guest-side name and bus.
            one target, target_mut, set_target: "target" => DiskTarget;
            /// `<encryption>` (legacy place; libvirt now writes it in
            /// `<source>`).
            one encryption, encryption_mut, set_encryption: "encryption" => Encryption;
            /// `<boot>`.
            one boot, boot_mut, set_boot: "boot" => BootOrder;
            /// `<readonly/>`.
            one readonly, readonly_mut, set_readonly: "readonly" => Flag;
            /// `<shareable/>`.
            one shareable, shareable_mut, set_shareable: "shareable" => Flag;
            /// `<transient/>`.
            one transient, transient_mut, set_transient: "transient" => Flag;
            /// `<serial>`.
            one serial, serial_mut, set_serial: "serial" => TextElement;
            /// `<wwn>`.
            one wwn, wwn_mut, set_wwn: "wwn" => TextElement;
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
        rules {
            Rule::RequiredChild("target"),
            Rule::Check(disk_rules),
        }
    }
}

/// Where a disk's data comes from, decided by `<disk type=...>`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SourceKind<'a> {
    /// `type='file'`: `source/@file`.
    File(&'a str),
    /// `type='block'`: `source/@dev`.
    Block(&'a str),
    /// `type='dir'`: `source/@dir`.
    Dir(&'a str),
    /// `type='network'`: protocol and name (hosts via [`DiskSource::hosts`]).
    Network {
        /// `source/@protocol` (`nbd`, `rbd`, `iscsi`, ...).
        protocol: &'a str,
        /// `source/@name`, the export/image name, if any.
        name: Option<&'a str>,
    },
    /// `type='volume'`: pool and volume.
    Volume {
        /// `source/@pool`.
        pool: &'a str,
        /// `source/@volume`.
        volume: &'a str,
    },
    /// No `<source>` (an empty CD-ROM) or a kind this version does not know.
    None,
}

impl Disk {
    /// The source as the disk's `type` defines it.
    pub fn source_kind(&self) -> SourceKind<'_> {
        let Some(src) = self.source() else {
            return SourceKind::None;
        };
        let get = |n: &str| src.0.attr(n);
        let kind = self.0.attr("type").unwrap_or("file");
        match kind {
            "file" => get("file").map_or(SourceKind::None, SourceKind::File),
            "block" => get("dev").map_or(SourceKind::None, SourceKind::Block),
            "dir" => get("dir").map_or(SourceKind::None, SourceKind::Dir),
            "network" => get("protocol").map_or(SourceKind::None, |protocol| SourceKind::Network {
                protocol,
                name: get("name"),
            }),
            "volume" => match (get("pool"), get("volume")) {
                (Some(pool), Some(volume)) => SourceKind::Volume { pool, volume },
                _ => SourceKind::None,
            },
            _ => SourceKind::None,
        }
    }

    /// The guest device name (`target/@dev`, e.g. `vda`).
    pub fn target_dev(&self) -> Option<&str> {
        self.target().and_then(|t| t.0.attr("dev"))
    }

    /// A file-backed disk: `type='file' device='disk'`, source and format.
    pub fn file(path: &str, format: &str) -> Self {
        let mut d = Disk::new();
        d.set_kind(DiskType::File).set_device(DiskDevice::Disk);
        d.driver_mut().set_name("qemu").set_format(format);
        d.source_mut().set_file(path);
        d
    }

    /// Sets `<target dev=... bus=...>` and returns the disk for chaining.
    pub fn with_target(mut self, dev: &str, bus: &str) -> Self {
        self.target_mut().set_dev(dev).set_bus(bus);
        self
    }
}

view! {
    /// A disk's `<driver>`.
    pub struct DiskDriver = "driver" {
        attrs {
            /// `name`: the backend (`qemu`).
            name, set_name: "name" => String;
            /// `type`: the image format (`raw`, `qcow2`, ...).
            format, set_format: "type" => String;
            /// `cache` mode.
            cache, set_cache: "cache" => String;
            /// `io` mode.
            io, set_io: "io" => String;
            /// `discard`.
            discard, set_discard: "discard" => String;
            /// `error_policy`.
            error_policy, set_error_policy: "error_policy" => String;
            /// `iothread`.
            iothread, set_iothread: "iothread" => u32;
            /// `queues`.
            queues, set_queues: "queues" => u32;
        }
    }
}

view! {
    /// A disk's `<source>`; which attributes apply depends on the disk's type.
    pub struct DiskSource = "source" {
        attrs {
            /// `file` (type file).
            file, set_file: "file" => String;
            /// `dev` (type block).
            dev, set_dev: "dev" => String;
            /// `dir` (type dir).
            dir, set_dir: "dir" => String;
            /// `protocol` (type network).
            protocol, set_protocol: "protocol" => String;
            /// `name` (type network).
            name, set_name: "name" => String;
            /// `pool` (type volume).
            pool, set_pool: "pool" => String;
            /// `volume` (type volume).
            volume, set_volume: "volume" => String;
            /// `mode` (type volume, iSCSI).
            mode, set_mode: "mode" => String;
            /// `startupPolicy`.
            startup_policy, set_startup_policy: "startupPolicy" => String;
            /// `index` (in a backing chain).
            index, set_index: "index" => u32;
        }
        children {
            /// `<host>` servers (type network).
            many hosts, hosts_mut, push_host: "host" => SourceHost;
            /// `<auth>` (network sources).
            one auth, auth_mut, set_auth: "auth" => DiskAuth;
            /// `<encryption>`.
            one encryption, encryption_mut, set_encryption: "encryption" => Encryption;
            /// Per-device `<seclabel>`s.
            many seclabels, seclabels_mut, push_seclabel: "seclabel" => DevSeclabel;
        }
        rules {
            Rule::Check(source_rules),
        }
    }
}

view! {
    /// `<auth username=...>`: credentials for a network source.
    pub struct DiskAuth = "auth" {
        attrs {
            /// `username`.
            username, set_username: "username" => String;
        }
        children {
            /// `<secret>`: where the password is.
            one secret, secret_mut, set_secret: "secret" => AuthSecret;
        }
    }
}

view! {
    /// `<auth><secret type=... usage=...|uuid=...>`.
    pub struct AuthSecret = "secret" {
        attrs {
            /// `type`: `iscsi`, `ceph`, ...
            kind, set_kind: "type" => String;
            /// `usage`: the secret's usage name.
            usage, set_usage: "usage" => String;
            /// `uuid`: the secret's UUID.
            uuid, set_uuid: "uuid" => String;
        }
        rules {
            Rule::RequiredAttr("type"),
        }
    }
}

view! {
    /// `<encryption format=...>`: an encrypted image.
    pub struct Encryption = "encryption" {
        attrs {
            /// `format`: `luks`, `luks2`, `qcow`, ...
            format, set_format: "format" => String;
            /// `engine`: `qemu` or `librbd`.
            engine, set_engine: "engine" => String;
        }
        children {
            /// `<secret>`s holding the passphrase.
            many secrets, secrets_mut, push_secret: "secret" => AuthSecret;
            /// `<cipher>` (with `<ivgen>`).
            one cipher, cipher_mut, set_cipher: "cipher" => crate::domain::Named;
            /// `<ivgen>` (with `<cipher>`).
            one ivgen, ivgen_mut, set_ivgen: "ivgen" => crate::domain::Named;
        }
        rules {
            Rule::RequiredAttr("format"),
            Rule::Check(encryption_rules),
        }
    }
}

view! {
    /// A network disk source's `<host>`.
    pub struct SourceHost = "host" {
        attrs {
            /// `name`: host name or address.
            name, set_name: "name" => String;
            /// `port`.
            port, set_port: "port" => u16;
            /// `transport` (`tcp`, `unix`, `rdma`).
            transport, set_transport: "transport" => String;
            /// `socket` (unix transport).
            socket, set_socket: "socket" => String;
        }
    }
}

view! {
    /// `<backingStore>`: one step of a disk's backing chain.
    pub struct BackingStore = "backingStore" {
        attrs {
            /// `type`, like the disk's.
            kind, set_kind: "type" => DiskType;
            /// `index`.
            index, set_index: "index" => u32;
        }
        children {
            /// `<format type=...>`.
            one format, format_mut, set_format: "format" => Format;
            /// `<source>`.
            one source, source_mut, set_source: "source" => DiskSource;
            /// The next `<backingStore>`.
            one backing_store, backing_store_mut, set_backing_store: "backingStore" => BackingStore;
        }
    }
}

view! {
    /// `<format type=...>`.
    pub struct Format = "format" {
        attrs {
            /// `type`: `raw`, `qcow2`, ...
            kind, set_kind: "type" => String;
        }
    }
}

view! {
    /// A disk's `<target>`: how the guest sees it.
    pub struct DiskTarget = "target" {
        attrs {
            /// `dev`: the device name hint (`vda`, `sda`, `hdc`).
            dev, set_dev: "dev" => String;
            /// `bus`: `virtio`, `sata`, `scsi`, `ide`, `usb`, ...
            bus, set_bus: "bus" => String;
            /// `tray` (removable media).
            tray, set_tray: "tray" => String;
            /// `removable` (USB).
            removable, set_removable: "removable" => crate::OnOff;
            /// `rotation_rate`.
            rotation_rate, set_rotation_rate: "rotation_rate" => u32;
        }
    }
}
