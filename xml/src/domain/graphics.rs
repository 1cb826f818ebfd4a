//! `<graphics>` and `<video>`.

use crate::domain::common::{Address, Alias};
use crate::model::{Rule, Violation};
use crate::tree::Element;
use crate::value::xml_enum;
use crate::view::view;

/// A `network` listen names its network.
fn listen_rules(el: &Element) -> Result<(), Violation> {
    if el.attr("type") == Some("network") && el.attr("network").is_none() {
        return Err(Violation::new(
            "@network",
            "a listen of type network names the network",
        ));
    }
    Ok(())
}

xml_enum! {
    /// `<graphics type=...>`.
    pub enum GraphicsType {
        /// VNC.
        Vnc = "vnc",
        /// SPICE.
        Spice = "spice",
        /// SDL window.
        Sdl = "sdl",
        /// RDP.
        Rdp = "rdp",
        /// Desktop (VirtualBox).
        Desktop = "desktop",
        /// EGL headless.
        EglHeadless = "egl-headless",
        /// D-Bus display.
        Dbus = "dbus",
    }
}

view! {
    /// A `<graphics>` device.
    pub struct Graphics = "graphics" {
        attrs {
            /// `type`.
            kind, set_kind: "type" => GraphicsType;
            /// `port` (VNC/SPICE); -1 means "pick one" before start.
            port, set_port: "port" => i32;
            /// `tlsPort` (SPICE).
            tls_port, set_tls_port: "tlsPort" => i32;
            /// `autoport`.
            autoport, set_autoport: "autoport" => crate::YesNo;
            /// `websocket` (VNC).
            websocket, set_websocket: "websocket" => i32;
            /// `listen` (legacy; `<listen>` children are the full form).
            listen, set_listen: "listen" => String;
            /// `passwd`.
            passwd, set_passwd: "passwd" => String;
            /// `keymap`.
            keymap, set_keymap: "keymap" => String;
            /// `socket` (VNC on a unix socket).
            socket, set_socket: "socket" => String;
        }
        children {
            /// `<listen>` entries.
            many listens, listens_mut, push_listen: "listen" => Listen;
            /// `<gl>`.
            one gl, gl_mut, set_gl: "gl" => Gl;
        }
    }
}

impl Graphics {
    /// VNC with an automatically chosen port (`autoport='yes'`; libvirt
    /// writes the port it picked when the guest runs, see
    /// [`Graphics::port`]), listening on `address`.
    pub fn vnc(address: &str) -> Self {
        let mut g = Graphics::new();
        g.set_kind(GraphicsType::Vnc)
            .set_autoport(crate::YesNo::Yes);
        g.push_listen(Listen::new())
            .set_kind("address")
            .set_address(address);
        g
    }
}

view! {
    /// A graphics `<listen>`.
    pub struct Listen = "listen" {
        attrs {
            /// `type`: `address`, `network`, `socket`, `none`.
            kind, set_kind: "type" => String;
            /// `address`.
            address, set_address: "address" => String;
            /// `network`.
            network, set_network: "network" => String;
            /// `socket`.
            socket, set_socket: "socket" => String;
        }
        rules {
            Rule::RequiredAttr("type"),
            Rule::Check(listen_rules),
        }
    }
}

view! {
    /// `<gl enable=... rendernode=...>`.
    pub struct Gl = "gl" {
        attrs {
            /// `enable`.
            enable, set_enable: "enable" => crate::YesNo;
            /// `rendernode`.
            rendernode, set_rendernode: "rendernode" => String;
        }
    }
}

view! {
    /// A `<video>` device.
    pub struct Video = "video" {
        children {
            /// `<model>`.
            one model, model_mut, set_model: "model" => VideoModel;
            /// `<driver>`.
            one driver, driver_mut, set_driver: "driver" => VideoDriver;
            /// `<alias>`.
            one alias, alias_mut, set_alias: "alias" => Alias;
            /// `<address>`.
            one address, address_mut, set_address: "address" => Address;
        }
    }
}

view! {
    /// A video `<model>`.
    pub struct VideoModel = "model" {
        attrs {
            /// `type`: `virtio`, `qxl`, `vga`, `cirrus`, `bochs`, `ramfb`, `none`.
            kind, set_kind: "type" => String;
            /// `vram` KiB.
            vram, set_vram: "vram" => u64;
            /// `ram` KiB (qxl).
            ram, set_ram: "ram" => u64;
            /// `vgamem` KiB (qxl).
            vgamem, set_vgamem: "vgamem" => u64;
            /// `heads`.
            heads, set_heads: "heads" => u32;
            /// `primary`.
            primary, set_primary: "primary" => crate::YesNo;
        }
        children {
            /// `<acceleration>` (kept as a raw element).
            one acceleration, acceleration_mut, set_acceleration: "acceleration" => crate::domain::common::Flag;
        }
    }
}

view! {
    /// A video `<driver>`.
    pub struct VideoDriver = "driver" {
        attrs {
            /// `name`.
            name, set_name: "name" => String;
        }
    }
}
