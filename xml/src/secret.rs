//! `<secret>` (secret.rng): a secret value's metadata.

use crate::XmlValue;
use crate::domain::TextElement;
use crate::value::xml_enum;
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

    /// [`Secret::usage_type`] as a closed value; an unknown one is kept as
    /// [`SecretUsageType::Other`].
    pub fn secret_usage_type(&self) -> Option<SecretUsageType> {
        self.usage_type()
            .as_deref()
            .and_then(SecretUsageType::from_xml)
    }
}

xml_enum! {
    /// `<usage type=...>`: what a secret is for (libvirt's `secret.rng`).
    pub enum SecretUsageType {
        /// A storage volume's encryption passphrase.
        Volume = "volume",
        /// A Ceph client key.
        Ceph = "ceph",
        /// An iSCSI CHAP password.
        Iscsi = "iscsi",
        /// A TLS private key's passphrase.
        Tls = "tls",
        /// A virtual TPM's state encryption key.
        Vtpm = "vtpm",
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
