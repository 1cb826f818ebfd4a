//! An nwfilter's `<rule>`s and their protocol matches, with the value types
//! of libvirt's nwfilter schema. Most values may also be a filter variable
//! (`$IP`, `$MAC[@1]`), filled in when the filter is bound to a port.

use crate::value::{checked_string, uint_at_most};
use crate::view::view;

/// `$NAME`, `$NAME[3]` or `$NAME[@2]`, blanks allowed around the parts.
fn is_variable(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('$') else {
        return false;
    };
    let rest = rest.trim_start_matches(' ').trim_end_matches(' ');
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    if name_end == 0 {
        return false;
    }
    let index = &rest[name_end..];
    if index.is_empty() {
        return true;
    }
    let Some(inner) = index.strip_prefix('[').and_then(|i| i.strip_suffix(']')) else {
        return false;
    };
    let inner = inner.trim_matches(' ');
    let digits = inner.strip_prefix('@').unwrap_or(inner);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_u16_or_var(s: &str) -> bool {
    is_variable(s) || uint_at_most(s, 0xffff)
}

fn is_u32_or_var(s: &str) -> bool {
    is_variable(s) || uint_at_most(s, 0xffff_ffff)
}

fn is_dscp(s: &str) -> bool {
    is_variable(s) || uint_at_most(s, 63)
}

fn is_vlan_id(s: &str) -> bool {
    is_variable(s) || uint_at_most(s, 4095)
}

/// A number in range, or a name (a non-numeric word the schema lists).
fn is_number_or_name(s: &str, min: u64, max: u64) -> bool {
    if is_variable(s) {
        return true;
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return <u64 as crate::XmlValue>::from_xml(s).is_some_and(|v| (min..=max).contains(&v));
    }
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_ether_type(s: &str) -> bool {
    is_number_or_name(s, 0x600, 0xffff)
}

fn is_ip_protocol(s: &str) -> bool {
    is_number_or_name(s, 0, 255)
}

fn is_arp_opcode(s: &str) -> bool {
    is_number_or_name(s, 0, 0xffff)
}

fn is_dotted_quad(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A prefix length 0-32 or a dotted netmask.
fn is_mask_v4(s: &str) -> bool {
    is_variable(s) || is_dotted_quad(s) || uint_at_most(s, 32) && !s.starts_with("0x")
}

/// A prefix length 0-128 or an IPv6 netmask.
fn is_mask_v6(s: &str) -> bool {
    if is_variable(s) {
        return true;
    }
    if s.contains(':') {
        return s.bytes().all(|b| b.is_ascii_hexdigit() || b == b':');
    }
    uint_at_most(s, 128) && !s.starts_with("0x")
}

checked_string! {
    /// A 16-bit number (decimal or `0x` hex) or a filter variable.
    pub struct FilterU16: "a number 0 to 65535 or a $variable" = is_u16_or_var;
}

checked_string! {
    /// A 32-bit number (decimal or `0x` hex) or a filter variable.
    pub struct FilterU32: "a number 0 to 4294967295 or a $variable" = is_u32_or_var;
}

checked_string! {
    /// A DSCP value, 0 to 63, or a filter variable.
    pub struct Dscp: "a DSCP value 0 to 63 or a $variable" = is_dscp;
}

checked_string! {
    /// A VLAN id, 0 to 4095, or a filter variable.
    pub struct VlanId: "a VLAN id 0 to 4095 or a $variable" = is_vlan_id;
}

checked_string! {
    /// An Ethernet protocol: a number from 0x600 (`1536`) to 0xffff, a name
    /// (`arp`, `ipv4`, ...) or a filter variable.
    pub struct EtherType: "an ether type 0x600 to 0xffff, a name or a $variable" = is_ether_type;
}

checked_string! {
    /// An IP protocol: a number 0 to 255, a name (`tcp`, ...) or a variable.
    pub struct IpProtocol: "an IP protocol 0 to 255, a name or a $variable" = is_ip_protocol;
}

checked_string! {
    /// An ARP opcode: a number 0 to 65535, a name (`Request`, ...) or a
    /// variable.
    pub struct ArpOpcode: "an ARP opcode 0 to 65535, a name or a $variable" = is_arp_opcode;
}

checked_string! {
    /// An IPv4 mask: a prefix length 0 to 32, a dotted netmask or a variable.
    pub struct MaskV4: "a prefix length 0 to 32, a dotted netmask or a $variable" = is_mask_v4;
}

checked_string! {
    /// An IPv6 mask: a prefix length 0 to 128, a netmask or a variable.
    pub struct MaskV6: "a prefix length 0 to 128, an IPv6 netmask or a $variable" = is_mask_v6;
}

view! {
    /// A filter `<rule>`: an action, a direction, and at most one protocol
    /// match (each protocol element is a child of its own name).
    pub struct FilterRule = "rule" {
        attrs {
            /// `action`: `drop`, `accept`, `reject`, `continue`, `return`.
            action, set_action: "action" => String;
            /// `direction`: `in`, `out`, `inout`.
            direction, set_direction: "direction" => String;
            /// `priority`, -1000 to 1000.
            priority, set_priority: "priority" => i32;
            /// `statematch`.
            statematch, set_statematch: "statematch" => String;
        }
        children {
            /// `<mac>`.
            one mac, mac_mut, set_mac: "mac" => L2Match;
            /// `<vlan>`.
            one vlan, vlan_mut, set_vlan: "vlan" => L2Match;
            /// `<stp>`.
            one stp, stp_mut, set_stp: "stp" => L2Match;
            /// `<arp>`.
            one arp, arp_mut, set_arp: "arp" => L2Match;
            /// `<rarp>`.
            one rarp, rarp_mut, set_rarp: "rarp" => L2Match;
            /// `<ip>`.
            one ip, ip_mut, set_ip: "ip" => IpMatch;
            /// `<ipv6>`.
            one ipv6, ipv6_mut, set_ipv6: "ipv6" => Ipv6Match;
            /// `<tcp>`.
            one tcp, tcp_mut, set_tcp: "tcp" => IpMatch;
            /// `<udp>`.
            one udp, udp_mut, set_udp: "udp" => IpMatch;
            /// `<sctp>`.
            one sctp, sctp_mut, set_sctp: "sctp" => IpMatch;
            /// `<icmp>`.
            one icmp, icmp_mut, set_icmp: "icmp" => IpMatch;
            /// `<igmp>`.
            one igmp, igmp_mut, set_igmp: "igmp" => IpMatch;
            /// `<all>`.
            one all, all_mut, set_all: "all" => IpMatch;
            /// `<esp>`.
            one esp, esp_mut, set_esp: "esp" => IpMatch;
            /// `<ah>`.
            one ah, ah_mut, set_ah: "ah" => IpMatch;
            /// `<udplite>`.
            one udplite, udplite_mut, set_udplite: "udplite" => IpMatch;
            /// `<tcp-ipv6>`.
            one tcp_ipv6, tcp_ipv6_mut, set_tcp_ipv6: "tcp-ipv6" => Ipv6Match;
            /// `<udp-ipv6>`.
            one udp_ipv6, udp_ipv6_mut, set_udp_ipv6: "udp-ipv6" => Ipv6Match;
            /// `<sctp-ipv6>`.
            one sctp_ipv6, sctp_ipv6_mut, set_sctp_ipv6: "sctp-ipv6" => Ipv6Match;
            /// `<icmpv6>`.
            one icmpv6, icmpv6_mut, set_icmpv6: "icmpv6" => Ipv6Match;
            /// `<all-ipv6>`.
            one all_ipv6, all_ipv6_mut, set_all_ipv6: "all-ipv6" => Ipv6Match;
            /// `<esp-ipv6>`.
            one esp_ipv6, esp_ipv6_mut, set_esp_ipv6: "esp-ipv6" => Ipv6Match;
            /// `<ah-ipv6>`.
            one ah_ipv6, ah_ipv6_mut, set_ah_ipv6: "ah-ipv6" => Ipv6Match;
            /// `<udplite-ipv6>`.
            one udplite_ipv6, udplite_ipv6_mut, set_udplite_ipv6: "udplite-ipv6" => Ipv6Match;
        }
        rules {
            crate::model::Rule::RequiredAttr("action"),
            crate::model::Rule::RequiredAttr("direction"),
        }
    }
}

view! {
    /// A layer-2 match: `<mac>`, `<vlan>`, `<stp>`, `<arp>` or `<rarp>` (the
    /// attributes of all five; each element uses its own).
    pub struct L2Match = "mac" {
        attrs {
            /// `match`: `no` inverts the match.
            match_, set_match: "match" => crate::YesNo;
            /// `srcmacaddr`.
            srcmacaddr, set_srcmacaddr: "srcmacaddr" => String;
            /// `srcmacmask`.
            srcmacmask, set_srcmacmask: "srcmacmask" => String;
            /// `dstmacaddr`.
            dstmacaddr, set_dstmacaddr: "dstmacaddr" => String;
            /// `dstmacmask`.
            dstmacmask, set_dstmacmask: "dstmacmask" => String;
            /// `protocolid` (mac): the ether type.
            protocolid, set_protocolid: "protocolid" => EtherType;
            /// `vlanid` (vlan).
            vlanid, set_vlanid: "vlanid" => VlanId;
            /// `encap-protocol` (vlan).
            encap_protocol, set_encap_protocol: "encap-protocol" => EtherType;
            /// `hwtype` (arp, rarp).
            hwtype, set_hwtype: "hwtype" => FilterU16;
            /// `protocoltype` (arp, rarp).
            protocoltype, set_protocoltype: "protocoltype" => FilterU16;
            /// `opcode` (arp, rarp).
            opcode, set_opcode: "opcode" => ArpOpcode;
            /// `arpsrcmacaddr` (arp, rarp).
            arpsrcmacaddr, set_arpsrcmacaddr: "arpsrcmacaddr" => String;
            /// `arpdstmacaddr` (arp, rarp).
            arpdstmacaddr, set_arpdstmacaddr: "arpdstmacaddr" => String;
            /// `arpsrcipaddr` (arp, rarp).
            arpsrcipaddr, set_arpsrcipaddr: "arpsrcipaddr" => String;
            /// `arpdstipaddr` (arp, rarp).
            arpdstipaddr, set_arpdstipaddr: "arpdstipaddr" => String;
            /// `gratuitous` (arp, rarp).
            gratuitous, set_gratuitous: "gratuitous" => String;
            /// `type` (stp): the BPDU type.
            stp_type, set_stp_type: "type" => u8;
            /// `flags` (stp).
            stp_flags, set_stp_flags: "flags" => u8;
            /// `root-priority` (stp).
            root_priority, set_root_priority: "root-priority" => FilterU16;
            /// `root-cost` (stp).
            root_cost, set_root_cost: "root-cost" => FilterU32;
            /// `comment`.
            comment, set_comment: "comment" => String;
        }
    }
}

view! {
    /// An IPv4 match: `<ip>`, `<tcp>`, `<udp>`, `<sctp>`, `<icmp>`, `<igmp>`,
    /// `<all>`, `<esp>`, `<ah>` or `<udplite>`.
    pub struct IpMatch = "ip" {
        attrs {
            /// `match`: `no` inverts the match.
            match_, set_match: "match" => crate::YesNo;
            /// `srcmacaddr`.
            srcmacaddr, set_srcmacaddr: "srcmacaddr" => String;
            /// `srcipaddr`.
            srcipaddr, set_srcipaddr: "srcipaddr" => String;
            /// `srcipmask`.
            srcipmask, set_srcipmask: "srcipmask" => MaskV4;
            /// `dstipaddr`.
            dstipaddr, set_dstipaddr: "dstipaddr" => String;
            /// `dstipmask`.
            dstipmask, set_dstipmask: "dstipmask" => MaskV4;
            /// `protocol` (ip).
            protocol, set_protocol: "protocol" => IpProtocol;
            /// `srcportstart`.
            srcportstart, set_srcportstart: "srcportstart" => FilterU16;
            /// `srcportend`.
            srcportend, set_srcportend: "srcportend" => FilterU16;
            /// `dstportstart`.
            dstportstart, set_dstportstart: "dstportstart" => FilterU16;
            /// `dstportend`.
            dstportend, set_dstportend: "dstportend" => FilterU16;
            /// `dscp`.
            dscp, set_dscp: "dscp" => Dscp;
            /// `connlimit-above`.
            connlimit_above, set_connlimit_above: "connlimit-above" => FilterU16;
            /// `state`: `NEW,ESTABLISHED,...`.
            state, set_state: "state" => String;
            /// `flags` (tcp): `mask/set`.
            flags, set_flags: "flags" => String;
            /// `type` (icmp).
            icmp_type, set_icmp_type: "type" => u8;
            /// `code` (icmp).
            icmp_code, set_icmp_code: "code" => u8;
            /// `comment`.
            comment, set_comment: "comment" => String;
        }
    }
}

view! {
    /// An IPv6 match: `<ipv6>`, `<tcp-ipv6>`, `<udp-ipv6>`, `<sctp-ipv6>`,
    /// `<icmpv6>`, `<all-ipv6>`, `<esp-ipv6>`, `<ah-ipv6>` or
    /// `<udplite-ipv6>`.
    pub struct Ipv6Match = "ipv6" {
        attrs {
            /// `match`: `no` inverts the match.
            match_, set_match: "match" => crate::YesNo;
            /// `srcmacaddr`.
            srcmacaddr, set_srcmacaddr: "srcmacaddr" => String;
            /// `srcipaddr`.
            srcipaddr, set_srcipaddr: "srcipaddr" => String;
            /// `srcipmask`.
            srcipmask, set_srcipmask: "srcipmask" => MaskV6;
            /// `dstipaddr`.
            dstipaddr, set_dstipaddr: "dstipaddr" => String;
            /// `dstipmask`.
            dstipmask, set_dstipmask: "dstipmask" => MaskV6;
            /// `protocol` (ipv6).
            protocol, set_protocol: "protocol" => IpProtocol;
            /// `srcportstart`.
            srcportstart, set_srcportstart: "srcportstart" => FilterU16;
            /// `srcportend`.
            srcportend, set_srcportend: "srcportend" => FilterU16;
            /// `dstportstart`.
            dstportstart, set_dstportstart: "dstportstart" => FilterU16;
            /// `dstportend`.
            dstportend, set_dstportend: "dstportend" => FilterU16;
            /// `dscp`.
            dscp, set_dscp: "dscp" => Dscp;
            /// `state`.
            state, set_state: "state" => String;
            /// `flags` (tcp-ipv6).
            flags, set_flags: "flags" => String;
            /// `type` (icmpv6, ipv6).
            icmp_type, set_icmp_type: "type" => u8;
            /// `typeend` (ipv6).
            icmp_type_end, set_icmp_type_end: "typeend" => u8;
            /// `code` (icmpv6, ipv6).
            icmp_code, set_icmp_code: "code" => u8;
            /// `codeend` (ipv6).
            icmp_code_end, set_icmp_code_end: "codeend" => u8;
            /// `comment`.
            comment, set_comment: "comment" => String;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        for v in ["$IP", "$ MAC[ @1 ] ", "$A_1[3]"] {
            assert!(is_variable(v), "{v}");
        }
        for v in ["$", "IP", "$A[", "$A[@]", "$A-B", "$A [1]"] {
            assert!(!is_variable(v), "{v}");
        }
        assert!(is_u16_or_var("0xffff") && !is_u16_or_var("65536"));
        assert!(is_dscp("0x3f") && !is_dscp("0x40") && !is_dscp("64"));
        assert!(is_ether_type("arp") && is_ether_type("1536") && !is_ether_type("15"));
        assert!(is_mask_v4("255.255.0.0") && is_mask_v4("32") && !is_mask_v4("33"));
        assert!(is_mask_v6("ffff:ffff::") && is_mask_v6("128") && !is_mask_v6("129"));
        assert!(is_vlan_id("0xfff") && !is_vlan_id("0xffff"));
    }
}
