//! The remaining top-level documents, and the others re-exported from
//! their own modules (network, storage, node device, secret).

pub use crate::host_interface::HostInterface;
pub use crate::network::{Network, NetworkPort};
pub use crate::nodedev::{CcwDevno, CcwNumber, ChannelDevAddr, NodeCapability, NodeDevice};
pub use crate::secret::{Secret, SecretUsageType};
pub use crate::storage::{PoolType, StoragePool, StorageVolume, VolumeType};

use crate::domain::{DiskSource, Domain, TextElement};
use crate::model::{Rule, Violation};
use crate::tree::Element;
use crate::value::checked_string;
use crate::view::view;

view! {
    /// `<filter>`: an nwfilter.
    pub struct NwFilter = "filter" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
            /// `chain`.
            chain, set_chain: "chain" => String;
            /// `priority`.
            priority, set_priority: "priority" => i32;
        }
        children {
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<rule>`s.
            many rules, rules_mut, push_rule: "rule" => crate::nwfilter::FilterRule;
        }
        rules {
            crate::model::Rule::RequiredAttr("name"),
        }
    }
}

view! {
    /// `<filterbinding>`: an nwfilter bound to a port.
    pub struct NwFilterBinding = "filterbinding" {
        children {
            /// `<owner>`: the guest.
            one owner, owner_mut, set_owner: "owner" => crate::network::PortOwner;
            /// `<portdev name=...>`: the host device of the port.
            one portdev, portdev_mut, set_portdev: "portdev" => crate::domain::Named;
            /// `<linkdev name=...>`: the device a macvtap port is on.
            one linkdev, linkdev_mut, set_linkdev: "linkdev" => crate::domain::Named;
            /// `<mac address=...>`.
            one mac, mac_mut, set_mac: "mac" => crate::domain::Mac;
            /// `<filterref filter=...>`: the filter and its parameters.
            one filterref, filterref_mut, set_filterref: "filterref" => FilterRef;
        }
    }
}

view! {
    /// `<filterref filter=...>`: a filter with values for its variables.
    pub struct FilterRef = "filterref" {
        attrs {
            /// `filter`: the filter's name.
            filter, set_filter: "filter" => String;
        }
        children {
            /// `<parameter name=... value=...>`s.
            many parameters, parameters_mut, push_parameter: "parameter" => FilterParameter;
        }
    }
}

view! {
    /// `<parameter name=... value=...>`: a filter variable's value.
    pub struct FilterParameter = "parameter" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
            /// `value`.
            value, set_value: "value" => String;
        }
    }
}

view! {
    /// `<domainsnapshot>`.
    pub struct DomainSnapshot = "domainsnapshot" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<description>`.
            one description, description_mut, set_description: "description" => TextElement;
            /// `<state>`.
            one state, state_mut, set_state: "state" => TextElement;
            /// `<creationTime>`.
            one creation_time, creation_time_mut, set_creation_time: "creationTime" => TextElement;
            /// `<disks>`: per-disk settings.
            one disks, disks_mut, set_disks: "disks" => SnapshotDisks;
            /// `<domain>`: the guest's configuration when taken.
            one domain, domain_mut, set_domain: "domain" => Domain;
        }
    }
}

view! {
    /// `<domaincheckpoint>`.
    pub struct DomainCheckpoint = "domaincheckpoint" {
        children {
            /// `<name>`: no leading dot, no `/` (it names a file).
            one name, name_mut, set_name: "name" => CheckpointNameElement;
            /// `<parent>`: the previous checkpoint.
            one parent, parent_mut, set_parent: "parent" => CheckpointParent;
            /// `<disks>`: per-disk settings.
            one disks, disks_mut, set_disks: "disks" => CheckpointDisks;
            /// `<description>`.
            one description, description_mut, set_description: "description" => TextElement;
            /// `<creationTime>`.
            one creation_time, creation_time_mut, set_creation_time: "creationTime" => TextElement;
            /// `<domain>`: the guest's configuration when taken.
            one domain, domain_mut, set_domain: "domain" => Domain;
        }
    }
}

/// `[a-zA-Z0-9_-][a-zA-Z0-9_.-]*`: usable as a file name.
fn is_checkpoint_name(s: &str) -> bool {
    let ok = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut chars = s.chars();
    chars.next().is_some_and(ok) && chars.all(|c| ok(c) || c == '.')
}

checked_string! {
    /// A checkpoint name: letters, digits, `_`, `-` and `.`, not starting
    /// with `.`.
    pub struct CheckpointName: "letters, digits, _, - and . (not first)" = is_checkpoint_name;
}

view! {
    /// A checkpoint's `<name>`.
    pub struct CheckpointNameElement = "name" {
        text {
            /// The name.
            value, set_value => CheckpointName;
        }
    }
}

view! {
    /// A checkpoint's `<parent>`.
    pub struct CheckpointParent = "parent" {
        children {
            /// `<name>`.
            one name, name_mut, set_name: "name" => CheckpointNameElement;
        }
    }
}

view! {
    /// A checkpoint's `<disks>`.
    pub struct CheckpointDisks = "disks" {
        children {
            /// `<disk>`s.
            many disks, disks_mut, push_disk: "disk" => CheckpointDisk;
        }
    }
}

view! {
    /// A checkpoint's `<disk name=...>`.
    pub struct CheckpointDisk = "disk" {
        attrs {
            /// `name`: the disk's target or source path.
            name, set_name: "name" => String;
            /// `checkpoint`: `no` or `bitmap`.
            checkpoint, set_checkpoint: "checkpoint" => String;
            /// `bitmap`: the bitmap's name.
            bitmap, set_bitmap: "bitmap" => String;
        }
        rules {
            Rule::RequiredAttr("name"),
        }
    }
}

view! {
    /// A snapshot's `<disks>`.
    pub struct SnapshotDisks = "disks" {
        children {
            /// `<disk>`s.
            many disks, disks_mut, push_disk: "disk" => SnapshotDisk;
        }
    }
}

/// A network snapshot target takes no per-device seclabel (the schema
/// allows them for file and block targets only), and no target takes a
/// `startupPolicy` (that belongs to a domain's disks).
fn snapshot_disk_rules(el: &Element) -> Result<(), Violation> {
    let source = el.child("source");
    if source.is_some_and(|s| s.attr("startupPolicy").is_some()) {
        return Err(Violation::new(
            "source/@startupPolicy",
            "a snapshot source takes no startupPolicy",
        ));
    }
    let seclabel = source.and_then(|s| s.child("seclabel"));
    if el.attr("type") == Some("network") && seclabel.is_some() {
        return Err(Violation::new(
            "source/seclabel",
            "a network snapshot source takes no <seclabel>",
        ));
    }
    Ok(())
}

view! {
    /// A snapshot's `<disk name=... snapshot=...>`.
    pub struct SnapshotDisk = "disk" {
        attrs {
            /// `name`: the disk's target or source path.
            name, set_name: "name" => String;
            /// `snapshot`: `no`, `internal`, `external`, `manual`.
            snapshot, set_snapshot: "snapshot" => String;
            /// `type` of an external snapshot's target: `file`, `block`,
            /// `network`.
            kind, set_kind: "type" => String;
        }
        children {
            /// `<source>`: where an external snapshot goes.
            one source, source_mut, set_source: "source" => DiskSource;
        }
        rules {
            Rule::RequiredAttr("name"),
            Rule::Check(snapshot_disk_rules),
        }
    }
}
