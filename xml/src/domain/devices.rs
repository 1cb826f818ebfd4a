//! `<devices>`: the container of every device, and the typed helpers over it.

use crate::domain::chardev::CharDevice;
use crate::domain::common::TextElement;
use crate::domain::controller::{Controller, Filesystem, Hostdev, Input, ModelDevice, Tpm};
use crate::domain::disk::Disk;
use crate::domain::graphics::{Graphics, Video};
use crate::domain::interface::Interface;
use crate::view::view;

view! {
    /// `<devices>`, in the order libvirt writes them.
    pub struct Devices = "devices" {
        children {
            /// `<emulator>`: the hypervisor binary.
            one emulator, emulator_mut, set_emulator: "emulator" => TextElement;
            /// `<disk>`s.
            many disks, disks_mut, push_disk: "disk" => Disk;
            /// `<controller>`s.
            many controllers, controllers_mut, push_controller: "controller" => Controller;
            /// `<filesystem>`s.
            many filesystems, filesystems_mut, push_filesystem: "filesystem" => Filesystem;
            /// `<interface>`s.
            many interfaces, interfaces_mut, push_interface: "interface" => Interface;
            /// `<serial>` ports.
            many serials, serials_mut, push_serial: "serial" => CharDevice;
            /// `<parallel>` ports.
            many parallels, parallels_mut, push_parallel: "parallel" => CharDevice;
            /// `<console>`s.
            many consoles, consoles_mut, push_console: "console" => CharDevice;
            /// `<channel>`s.
            many channels, channels_mut, push_channel: "channel" => CharDevice;
            /// `<input>` devices.
            many inputs, inputs_mut, push_input: "input" => Input;
            /// `<tpm>`s.
            many tpms, tpms_mut, push_tpm: "tpm" => Tpm;
            /// `<graphics>`.
            many graphics, graphics_mut, push_graphics: "graphics" => Graphics;
            /// `<sound>` cards.
            many sounds, sounds_mut, push_sound: "sound" => ModelDevice;
            /// `<video>` adapters.
            many videos, videos_mut, push_video: "video" => Video;
            /// `<hostdev>`s.
            many hostdevs, hostdevs_mut, push_hostdev: "hostdev" => Hostdev;
            /// USB `<hub>`s.
            many hubs, hubs_mut, push_hub: "hub" => Input;
            /// `<watchdog>`s.
            many watchdogs, watchdogs_mut, push_watchdog: "watchdog" => ModelDevice;
            /// `<memballoon>`.
            one memballoon, memballoon_mut, set_memballoon: "memballoon" => ModelDevice;
            /// `<rng>`s.
            many rngs, rngs_mut, push_rng: "rng" => ModelDevice;
            /// `<panic>` devices.
            many panics, panics_mut, push_panic: "panic" => ModelDevice;
        }
    }
}

impl Devices {
    /// Each disk's guest device name (`target/@dev`), in order.
    pub fn disk_targets(&self) -> impl Iterator<Item = &str> {
        self.disks().filter_map(Disk::target_dev)
    }

    /// Each interface's host-side device and MAC address, in order.
    pub fn interface_targets(&self) -> impl Iterator<Item = (Option<&str>, Option<&str>)> {
        self.interfaces().map(|i| (i.target_dev(), i.mac_address()))
    }

    /// Each graphics device's type and port (`None` when unset or not yet
    /// allocated: `-1`).
    pub fn graphics_ports(&self) -> impl Iterator<Item = (String, Option<u16>)> {
        self.graphics().map(|g| {
            let kind = g.kind().map(|k| k.to_string()).unwrap_or_default();
            (kind, g.port().and_then(|p| u16::try_from(p).ok()))
        })
    }
}
