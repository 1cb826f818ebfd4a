//! Character devices: `<serial>`, `<console>`, `<parallel>`, `<channel>`.

use crate::domain::common::{Address, Alias};
use crate::view::view;

view! {
    /// A character device (`<serial>`, `<console>`, `<parallel>` or
    /// `<channel>`: they share one format).
    pub struct CharDevice = "serial" {
        attrs {
            /// `type`: the host side (`pty`, `file`, `unix`, `tcp`, `spicevmc`, ...).
            kind, set_kind: "type" => String;
            /// `tty`: the pty path of a running guest (legacy).
            tty, set_tty: "tty" => String;
        }
        children {
            /// `<source>` (host side).
            many sources, sources_mut, push_source: "source" => CharSource;
            /// `<protocol type=...>` (tcp).
            one protocol, protocol_mut, set_protocol: "protocol" => CharProtocol;
            /// `<log file=...>`.
            one log, log_mut, set_log: "log" => CharLog;
            /// `<target>` (guest side).
            one target, target_mut, set_target: "target" => CharTarget;
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
    }
}

impl CharDevice {
    /// A `pty` device `<element>` (`serial`, `console`, ...) with target
    /// port 0 and no target type: libvirt picks the machine's default
    /// (`isa-serial` on a PC); see [`CharDevice::with_target_type`].
    pub fn pty(element: &str) -> Self {
        let mut c = CharDevice(crate::Element::new(element));
        c.set_kind("pty");
        c.target_mut().set_port(0u32);
        c
    }

    /// Sets the target's `type` (e.g. `isa-serial` for `<serial>`, `serial`
    /// for a `<console>` on the serial port, `virtio`) and returns the device
    /// for chaining.
    pub fn with_target_type(mut self, target_type: &str) -> Self {
        self.target_mut().set_kind(target_type);
        self
    }

    /// The pty path of a running guest, from `source/@path` or `@tty`.
    pub fn pty_path(&self) -> Option<&str> {
        self.0
            .child("source")
            .and_then(|s| s.attr("path"))
            .or_else(|| self.0.attr("tty"))
    }
}

view! {
    /// A character device's `<source>`.
    pub struct CharSource = "source" {
        attrs {
            /// `path` (pty, file, unix, dev).
            path, set_path: "path" => String;
            /// `mode` (`bind`/`connect`).
            mode, set_mode: "mode" => String;
            /// `host` (tcp, udp).
            host, set_host: "host" => String;
            /// `service`: the port (tcp, udp).
            service, set_service: "service" => String;
            /// `append` (file).
            append, set_append: "append" => crate::OnOff;
            /// `channel` (spiceport).
            channel, set_channel: "channel" => String;
        }
    }
}

view! {
    /// `<protocol type=...>`.
    pub struct CharProtocol = "protocol" {
        attrs {
            /// `type`: `raw`, `telnet`, `tls`, ...
            kind, set_kind: "type" => String;
        }
    }
}

view! {
    /// `<log file=... append=...>`.
    pub struct CharLog = "log" {
        attrs {
            /// `file`.
            file, set_file: "file" => String;
            /// `append`.
            append, set_append: "append" => crate::OnOff;
        }
    }
}

view! {
    /// A character device's `<target>`.
    pub struct CharTarget = "target" {
        attrs {
            /// `type`: `isa-serial`, `serial`, `virtio`, `guestfwd`, ...
            kind, set_kind: "type" => String;
            /// `port`.
            port, set_port: "port" => u32;
            /// `name` (channels, e.g. `org.qemu.guest_agent.0`).
            name, set_name: "name" => String;
            /// `state` (channels, live).
            state, set_state: "state" => String;
            /// `address` (guestfwd).
            address, set_address: "address" => String;
        }
        children {
            /// `<model name=...>` (serial).
            one model, model_mut, set_model: "model" => CharTargetModel;
        }
    }
}

view! {
    /// A serial target's `<model name=...>`.
    pub struct CharTargetModel = "model" {
        attrs {
            /// `name`: `isa-serial`, `pl011`, ...
            name, set_name: "name" => String;
        }
    }
}
