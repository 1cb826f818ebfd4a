//! `<secret>` (secret.rng): a secret value's metadata.

use crate::domain::TextElement;
use crate::view::view;

view! {
    /// `<secret>`.
    pub struct Secret = "secret" {
        attrs {
            /// `ephemeral`: kept in memory only.
            ephemeral, set_ephemeral: "ephemeral" => crate::YesNo;
            /// `private`: the value cannot be read back.
            private, set_private: "private" => crate::YesNo;
        }
        children {
            /// `<uuid>`.
            one uuid, uuid_mut, set_uuid: "uuid" => TextElement;
            /// `<description>`.
            one description, description_mut, set_description: "description" => TextElement;
            /// `<usage>`: what the secret is for.
            one usage, usage_mut, set_usage: "usage" => SecretUsage;
        }
    }
}

impl Secret {
    /// The usage type (`usage/@type`): `volume`, `ceph`, `iscsi`, `tls`,
    /// `vtpm`.
    pub fn usage_type(&self) -> Option<String> {
        self.usage().and_then(SecretUsage::kind)
    }
}

view! {
    /// A secret's `<usage type=...>`: which child applies depends on the
    /// type.
    pub struct SecretUsage = "usage" {
        attrs {
            /// `type`: `volume`, `ceph`, `iscsi`, `tls`, `vtpm`.
            kind, set_kind: "type" => String;
        }
        children {
            /// `<volume>` (volume): the encrypted volume's path.
            one volume, volume_mut, set_volume: "volume" => TextElement;
            /// `<name>` (ceph, tls, vtpm): the usage name.
            one name, name_mut, set_name: "name" => TextElement;
            /// `<target>` (iscsi): the iSCSI target.
            one target, target_mut, set_target: "target" => TextElement;
        }
    }
}
