//! `<cpu>` (domain and capabilities share the format) and `<vcpu>`.

use crate::view::view;

view! {
    /// `<cpu>`: CPU model, topology and features.
    pub struct Cpu = "cpu" {
        attrs {
            /// `mode`: `custom`, `host-model`, `host-passthrough`, `maximum`.
            mode, set_mode: "mode" => String;
            /// `match`.
            match_, set_match: "match" => String;
            /// `check`.
            check, set_check: "check" => String;
            /// `migratable`.
            migratable, set_migratable: "migratable" => crate::OnOff;
        }
        children {
            /// `<arch>` (capabilities).
            one arch, arch_mut, set_arch: "arch" => crate::domain::common::TextElement;
            /// `<model>`.
            one model, model_mut, set_model: "model" => CpuModel;
            /// `<vendor>`.
            one vendor, vendor_mut, set_vendor: "vendor" => crate::domain::common::TextElement;
            /// `<topology>`.
            one topology, topology_mut, set_topology: "topology" => Topology;
            /// `<feature>`s.
            many features, features_mut, push_feature: "feature" => CpuFeature;
        }
    }
}

view! {
    /// `<cpu><model>`.
    pub struct CpuModel = "model" {
        attrs {
            /// `fallback`.
            fallback, set_fallback: "fallback" => String;
            /// `vendor_id`.
            vendor_id, set_vendor_id: "vendor_id" => String;
        }
        text {
            /// The model name, e.g. `Skylake-Client`.
            name, set_name => String;
        }
    }
}

view! {
    /// `<topology>`.
    pub struct Topology = "topology" {
        attrs {
            /// `sockets`.
            sockets, set_sockets: "sockets" => u32;
            /// `dies`.
            dies, set_dies: "dies" => u32;
            /// `clusters`.
            clusters, set_clusters: "clusters" => u32;
            /// `cores`.
            cores, set_cores: "cores" => u32;
            /// `threads`.
            threads, set_threads: "threads" => u32;
        }
    }
}

view! {
    /// `<feature policy=... name=...>`.
    pub struct CpuFeature = "feature" {
        attrs {
            /// `policy`: `require`, `disable`, `force`, `optional`, `forbid`.
            policy, set_policy: "policy" => String;
            /// `name`.
            name, set_name: "name" => String;
        }
    }
}

view! {
    /// `<vcpu>`.
    pub struct Vcpu = "vcpu" {
        attrs {
            /// `placement`: `static` or `auto`.
            placement, set_placement: "placement" => String;
            /// `cpuset`.
            cpuset, set_cpuset: "cpuset" => crate::CpuSet;
            /// `current`: how many are online.
            current, set_current: "current" => u32;
        }
        text {
            /// The maximum number of vCPUs.
            count, set_count => u32;
        }
    }
}
