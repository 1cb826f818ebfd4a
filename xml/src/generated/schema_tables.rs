// @generated from libvirt 11.3.0's RelaxNG schemas (src/conf/schemas/*.rng)
// by xml/tests/schema_tables_fresh.rs. Do not edit.
//
// Facts only: element and attribute names and their closed value lists.
// To regenerate: scripts/fetch-xml-testdata.sh, then
//   UPDATE_GOLDEN=1 cargo test -p virtwire-xml --test schema_tables_fresh

use super::{Pattern, Schema, Text, Values};

pub(crate) static PATTERNS: [Pattern; 577] = [
    // 0
    Pattern {
        attrs: &[("id", Values::Any), ("type", Values::OneOf(V0))],
        children: &[
            ("blkiotune", &[41]),
            ("bootloader", &[1]),
            ("bootloader_args", &[1]),
            ("clock", &[61]),
            ("cpu", &[361]),
            ("cputune", &[44]),
            ("currentMemory", &[26]),
            ("defaultiothread", &[40]),
            ("description", &[1]),
            ("devices", &[239]),
            ("features", &[244]),
            ("genid", &[1]),
            ("idmap", &[22]),
            ("iothreadids", &[37]),
            ("iothreads", &[1]),
            ("keywrap", &[16]),
            ("launchSecurity", &[18]),
            ("maxMemory", &[25]),
            ("memory", &[24]),
            ("memoryBacking", &[27]),
            ("memtune", &[43]),
            ("metadata", &[321]),
            ("name", &[1]),
            ("numatune", &[57]),
            ("on_crash", &[172]),
            ("on_lockfailure", &[173]),
            ("on_poweroff", &[171]),
            ("on_reboot", &[171]),
            ("os", &[4, 5, 13]),
            ("perf", &[19]),
            ("pm", &[174]),
            ("resource", &[60]),
            ("seclabel", &[2]),
            ("sysinfo", &[250]),
            ("throttlegroups", &[241]),
            ("title", &[1]),
            ("uuid", &[1]),
            ("vcpu", &[34]),
            ("vcpus", &[35]),
            (
                "{http://libvirt.org/schemas/domain/bhyve/1.0}commandline",
                &[313],
            ),
            (
                "{http://libvirt.org/schemas/domain/lxc/1.0}namespace",
                &[310],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}capabilities",
                &[303],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}commandline",
                &[300],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}deprecation",
                &[305],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}override",
                &[307],
            ),
            (
                "{http://libvirt.org/schemas/domain/vmware/1.0}datacenterpath",
                &[1],
            ),
            (
                "{http://libvirt.org/schemas/domain/xen/1.0}commandline",
                &[314],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["name"],
    },
    // 1
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 2
    Pattern {
        attrs: &[
            ("model", Values::Any),
            ("relabel", Values::OneOf(V1)),
            ("type", Values::OneOf(V2)),
        ],
        children: &[("baselabel", &[1]), ("imagelabel", &[1]), ("label", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 3
    Pattern {
        attrs: &[
            ("labelskip", Values::OneOf(V3)),
            ("model", Values::Any),
            ("relabel", Values::OneOf(V1)),
        ],
        children: &[("label", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 4
    Pattern {
        attrs: &[],
        children: &[
            ("cmdline", &[1]),
            ("dtb", &[1]),
            ("initrd", &[1]),
            ("kernel", &[1]),
            ("root", &[1]),
            ("shim", &[1]),
            ("type", &[11]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["type"],
    },
    // 5
    Pattern {
        attrs: &[("firmware", Values::OneOf(V4))],
        children: &[
            ("acpi", &[261]),
            ("bios", &[264]),
            ("boot", &[64]),
            ("bootmenu", &[10]),
            ("cmdline", &[1]),
            ("dtb", &[1]),
            ("firmware", &[6]),
            ("initrd", &[1]),
            ("kernel", &[1]),
            ("loader", &[8]),
            ("nvram", &[9]),
            ("root", &[1]),
            ("shim", &[1]),
            ("smbios", &[263]),
            ("type", &[12]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["type"],
    },
    // 6
    Pattern {
        attrs: &[],
        children: &[("feature", &[7])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["feature"],
    },
    // 7
    Pattern {
        attrs: &[("enabled", Values::OneOf(V1)), ("name", Values::OneOf(V5))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["enabled", "name"],
        required_children: &[],
    },
    // 8
    Pattern {
        attrs: &[
            ("format", Values::OneOf(V6)),
            ("readonly", Values::OneOf(V1)),
            ("secure", Values::OneOf(V1)),
            ("stateless", Values::OneOf(V1)),
            ("type", Values::OneOf(V7)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 9
    Pattern {
        attrs: &[
            ("format", Values::OneOf(V6)),
            ("template", Values::Any),
            ("templateFormat", Values::OneOf(V6)),
            ("type", Values::OneOf(V8)),
        ],
        children: &[(
            "source",
            &[
                76, 77, 78, 81, 83, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 100, 101, 103, 104,
            ],
        )],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 10
    Pattern {
        attrs: &[("enable", Values::OneOf(V1)), ("timeout", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["enable"],
        required_children: &[],
    },
    // 11
    Pattern {
        attrs: &[("arch", Values::OneOf(V9)), ("machine", Values::OneOf(V10))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V11)),
        required_attrs: &[],
        required_children: &[],
    },
    // 12
    Pattern {
        attrs: &[("arch", Values::OneOf(V12)), ("machine", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V13)),
        required_attrs: &[],
        required_children: &[],
    },
    // 13
    Pattern {
        attrs: &[],
        children: &[
            ("init", &[1]),
            ("initarg", &[1]),
            ("initdir", &[1]),
            ("initenv", &[15]),
            ("initgroup", &[1]),
            ("inituser", &[1]),
            ("type", &[14]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["type"],
    },
    // 14
    Pattern {
        attrs: &[("arch", Values::OneOf(V12))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V14)),
        required_attrs: &[],
        required_children: &[],
    },
    // 15
    Pattern {
        attrs: &[("name", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["name"],
        required_children: &[],
    },
    // 16
    Pattern {
        attrs: &[],
        children: &[("cipher", &[17])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["cipher"],
    },
    // 17
    Pattern {
        attrs: &[("name", Values::OneOf(V15)), ("state", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "state"],
        required_children: &[],
    },
    // 18
    Pattern {
        attrs: &[
            ("authorKey", Values::OneOf(V1)),
            ("kernelHashes", Values::OneOf(V1)),
            ("type", Values::OneOf(V17)),
            ("vcek", Values::OneOf(V1)),
        ],
        children: &[
            ("cbitpos", &[1]),
            ("dhCert", &[1]),
            ("guestVisibleWorkarounds", &[1]),
            ("handle", &[1]),
            ("hostData", &[1]),
            ("idAuth", &[1]),
            ("idBlock", &[1]),
            ("policy", &[1]),
            ("reducedPhysBits", &[1]),
            ("session", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 19
    Pattern {
        attrs: &[],
        children: &[("event", &[20])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["event"],
    },
    // 20
    Pattern {
        attrs: &[("enabled", Values::OneOf(V1)), ("name", Values::OneOf(V18))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["enabled", "name"],
        required_children: &[],
    },
    // 21
    Pattern {
        attrs: &[("appid", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["appid"],
        required_children: &[],
    },
    // 22
    Pattern {
        attrs: &[],
        children: &[("gid", &[23]), ("uid", &[23])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 23
    Pattern {
        attrs: &[
            ("count", Values::Any),
            ("start", Values::Any),
            ("target", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["count", "start", "target"],
        required_children: &[],
    },
    // 24
    Pattern {
        attrs: &[("dumpCore", Values::OneOf(V16)), ("unit", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 25
    Pattern {
        attrs: &[("slots", Values::Any), ("unit", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 26
    Pattern {
        attrs: &[("unit", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 27
    Pattern {
        attrs: &[],
        children: &[
            ("access", &[32]),
            ("allocation", &[33]),
            ("discard", &[30]),
            ("hugepages", &[28]),
            ("locked", &[30]),
            ("nosharepages", &[30]),
            ("source", &[31]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 28
    Pattern {
        attrs: &[],
        children: &[("page", &[29])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 29
    Pattern {
        attrs: &[
            ("nodeset", Values::Any),
            ("size", Values::Any),
            ("unit", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["size"],
        required_children: &[],
    },
    // 30
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 31
    Pattern {
        attrs: &[("type", Values::OneOf(V19))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 32
    Pattern {
        attrs: &[("mode", Values::OneOf(V20))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 33
    Pattern {
        attrs: &[("mode", Values::OneOf(V21)), ("threads", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 34
    Pattern {
        attrs: &[
            ("cpuset", Values::Any),
            ("current", Values::Any),
            ("placement", Values::OneOf(V22)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 35
    Pattern {
        attrs: &[],
        children: &[("vcpu", &[36])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 36
    Pattern {
        attrs: &[
            ("enabled", Values::OneOf(V1)),
            ("hotpluggable", Values::OneOf(V1)),
            ("id", Values::Any),
            ("order", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["enabled", "id"],
        required_children: &[],
    },
    // 37
    Pattern {
        attrs: &[],
        children: &[("iothread", &[38])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 38
    Pattern {
        attrs: &[
            ("id", Values::Any),
            ("thread_pool_max", Values::Any),
            ("thread_pool_min", Values::Any),
        ],
        children: &[("poll", &[39])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id"],
        required_children: &[],
    },
    // 39
    Pattern {
        attrs: &[
            ("grow", Values::Any),
            ("max", Values::Any),
            ("shrink", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 40
    Pattern {
        attrs: &[
            ("thread_pool_max", Values::Any),
            ("thread_pool_min", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 41
    Pattern {
        attrs: &[],
        children: &[("device", &[42]), ("weight", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 42
    Pattern {
        attrs: &[],
        children: &[
            ("path", &[1]),
            ("read_bytes_sec", &[1]),
            ("read_iops_sec", &[1]),
            ("weight", &[1]),
            ("write_bytes_sec", &[1]),
            ("write_iops_sec", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["path"],
    },
    // 43
    Pattern {
        attrs: &[],
        children: &[
            ("hard_limit", &[26]),
            ("min_guarantee", &[26]),
            ("soft_limit", &[26]),
            ("swap_hard_limit", &[26]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 44
    Pattern {
        attrs: &[],
        children: &[
            ("cachetune", &[51]),
            ("emulator_period", &[1]),
            ("emulator_quota", &[1]),
            ("emulatorpin", &[46]),
            ("emulatorsched", &[50]),
            ("global_period", &[1]),
            ("global_quota", &[1]),
            ("iothread_period", &[1]),
            ("iothread_quota", &[1]),
            ("iothreadpin", &[47]),
            ("iothreadsched", &[49]),
            ("memorytune", &[54]),
            ("period", &[1]),
            ("quota", &[1]),
            ("shares", &[1]),
            ("vcpupin", &[45]),
            ("vcpusched", &[48]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 45
    Pattern {
        attrs: &[("cpuset", Values::Any), ("vcpu", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cpuset", "vcpu"],
        required_children: &[],
    },
    // 46
    Pattern {
        attrs: &[("cpuset", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cpuset"],
        required_children: &[],
    },
    // 47
    Pattern {
        attrs: &[("cpuset", Values::Any), ("iothread", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cpuset", "iothread"],
        required_children: &[],
    },
    // 48
    Pattern {
        attrs: &[
            ("priority", Values::Any),
            ("scheduler", Values::OneOf(V23)),
            ("vcpus", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["scheduler"],
        required_children: &[],
    },
    // 49
    Pattern {
        attrs: &[
            ("iothreads", Values::Any),
            ("priority", Values::Any),
            ("scheduler", Values::OneOf(V23)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["scheduler"],
        required_children: &[],
    },
    // 50
    Pattern {
        attrs: &[("priority", Values::Any), ("scheduler", Values::OneOf(V23))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["scheduler"],
        required_children: &[],
    },
    // 51
    Pattern {
        attrs: &[("id", Values::Any), ("vcpus", Values::Any)],
        children: &[("cache", &[52]), ("monitor", &[53])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["vcpus"],
        required_children: &[],
    },
    // 52
    Pattern {
        attrs: &[
            ("id", Values::Any),
            ("level", Values::Any),
            ("size", Values::Any),
            ("type", Values::OneOf(V24)),
            ("unit", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id", "level", "size", "type"],
        required_children: &[],
    },
    // 53
    Pattern {
        attrs: &[("level", Values::Any), ("vcpus", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["level", "vcpus"],
        required_children: &[],
    },
    // 54
    Pattern {
        attrs: &[("vcpus", Values::Any)],
        children: &[("monitor", &[56]), ("node", &[55])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["vcpus"],
        required_children: &[],
    },
    // 55
    Pattern {
        attrs: &[("bandwidth", Values::Any), ("id", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["bandwidth", "id"],
        required_children: &[],
    },
    // 56
    Pattern {
        attrs: &[("vcpus", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["vcpus"],
        required_children: &[],
    },
    // 57
    Pattern {
        attrs: &[],
        children: &[("memnode", &[59]), ("memory", &[58])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 58
    Pattern {
        attrs: &[
            ("mode", Values::OneOf(V25)),
            ("nodeset", Values::Any),
            ("placement", Values::OneOf(V22)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 59
    Pattern {
        attrs: &[
            ("cellid", Values::Any),
            ("mode", Values::OneOf(V25)),
            ("nodeset", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cellid", "mode", "nodeset"],
        required_children: &[],
    },
    // 60
    Pattern {
        attrs: &[],
        children: &[("fibrechannel", &[21]), ("partition", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 61
    Pattern {
        attrs: &[
            ("adjustment", Values::Any),
            ("basis", Values::OneOf(V26)),
            ("offset", Values::OneOf(V27)),
            ("start", Values::Any),
            ("timezone", Values::Any),
        ],
        children: &[("timer", &[62])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["offset"],
        required_children: &[],
    },
    // 62
    Pattern {
        attrs: &[
            ("frequency", Values::Any),
            ("mode", Values::OneOf(V28)),
            ("name", Values::OneOf(V29)),
            ("present", Values::OneOf(V1)),
            ("tickpolicy", Values::OneOf(V30)),
            ("track", Values::OneOf(V31)),
        ],
        children: &[("catchup", &[63])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 63
    Pattern {
        attrs: &[
            ("limit", Values::Any),
            ("slew", Values::Any),
            ("threshold", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 64
    Pattern {
        attrs: &[("dev", Values::OneOf(V32))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 65
    Pattern {
        attrs: &[("name", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 66
    Pattern {
        attrs: &[("shareBacking", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 67
    Pattern {
        attrs: &[],
        children: &[("key", &[1]), ("lockspace", &[1]), ("target", &[68])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["key", "lockspace", "target"],
    },
    // 68
    Pattern {
        attrs: &[("offset", Values::Any), ("path", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["path"],
        required_children: &[],
    },
    // 69
    Pattern {
        attrs: &[
            ("device", Values::OneOf(V33)),
            ("model", Values::OneOf(V34)),
            ("rawio", Values::OneOf(V1)),
            ("sgio", Values::OneOf(V35)),
            ("snapshot", Values::OneOf(V36)),
            ("type", Values::OneOf(V8)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("auth", &[288]),
            ("backenddomain", &[65]),
            ("backingStore", &[30, 70]),
            ("blockio", &[107]),
            ("boot", &[286]),
            ("driver", &[111]),
            ("encryption", &[323]),
            ("geometry", &[106]),
            ("iotune", &[240]),
            ("mirror", &[287]),
            ("privateData", &[30]),
            ("product", &[1]),
            ("readonly", &[30]),
            ("serial", &[1]),
            ("shareable", &[30]),
            (
                "source",
                &[
                    76, 77, 78, 81, 83, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 100, 101, 103, 104,
                ],
            ),
            ("target", &[105]),
            ("throttlefilters", &[242]),
            ("transient", &[66]),
            ("vendor", &[1]),
            ("wwn", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["target"],
    },
    // 70
    Pattern {
        attrs: &[("index", Values::Any), ("type", Values::OneOf(V8))],
        children: &[
            ("backingStore", &[30, 70]),
            ("format", &[71]),
            (
                "source",
                &[
                    76, 77, 78, 81, 83, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 100, 101, 103, 104,
                ],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["format"],
    },
    // 71
    Pattern {
        attrs: &[("type", Values::OneOf(V37))],
        children: &[("metadata_cache", &[72])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 72
    Pattern {
        attrs: &[],
        children: &[("max_size", &[26])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 73
    Pattern {
        attrs: &[],
        children: &[("slice", &[74])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["slice"],
    },
    // 74
    Pattern {
        attrs: &[
            ("offset", Values::Any),
            ("size", Values::Any),
            ("type", Values::OneOf(V38)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["offset", "size", "type"],
        required_children: &[],
    },
    // 75
    Pattern {
        attrs: &[("type", Values::OneOf(V8))],
        children: &[
            ("format", &[71]),
            (
                "source",
                &[
                    76, 77, 78, 81, 83, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 100, 101, 103, 104,
                ],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["format"],
    },
    // 76
    Pattern {
        attrs: &[
            ("fdgroup", Values::Any),
            ("file", Values::Any),
            ("index", Values::Any),
            ("startupPolicy", Values::OneOf(V39)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("privateData", &[30]),
            ("seclabel", &[3]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 77
    Pattern {
        attrs: &[
            ("dev", Values::Any),
            ("index", Values::Any),
            ("startupPolicy", Values::OneOf(V39)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("privateData", &[30]),
            ("reservations", &[329]),
            ("seclabel", &[3]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 78
    Pattern {
        attrs: &[
            ("dir", Values::Any),
            ("index", Values::Any),
            ("startupPolicy", Values::OneOf(V39)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("privateData", &[30]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dir"],
        required_children: &[],
    },
    // 79
    Pattern {
        attrs: &[
            ("name", Values::Any),
            ("port", Values::Any),
            ("socket", Values::Any),
            ("transport", Values::OneOf(V40)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 80
    Pattern {
        attrs: &[("group", Values::Any), ("user", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 81
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V41)),
        ],
        children: &[
            ("auth", &[288]),
            ("config", &[82]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("slices", &[73]),
            ("snapshot", &[65]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["protocol"],
        required_children: &[],
    },
    // 82
    Pattern {
        attrs: &[("file", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["file"],
        required_children: &[],
    },
    // 83
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V42)),
        ],
        children: &[
            ("auth", &[288]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("initiator", &[326]),
            ("privateData", &[30]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 84
    Pattern {
        attrs: &[("size", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["size"],
        required_children: &[],
    },
    // 85
    Pattern {
        attrs: &[("seconds", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["seconds"],
        required_children: &[],
    },
    // 86
    Pattern {
        attrs: &[("verify", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["verify"],
        required_children: &[],
    },
    // 87
    Pattern {
        attrs: &[],
        children: &[("cookie", &[15])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["cookie"],
    },
    // 88
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V43)),
            ("query", Values::Any),
        ],
        children: &[
            ("auth", &[288]),
            ("cookies", &[87]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("readahead", &[84]),
            ("slices", &[73]),
            ("ssl", &[86]),
            ("timeout", &[85]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 89
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V44)),
            ("query", Values::Any),
        ],
        children: &[
            ("auth", &[288]),
            ("cookies", &[87]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("readahead", &[84]),
            ("slices", &[73]),
            ("timeout", &[85]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 90
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V45)),
        ],
        children: &[
            ("auth", &[288]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("readahead", &[84]),
            ("slices", &[73]),
            ("ssl", &[86]),
            ("timeout", &[85]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 91
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V46)),
        ],
        children: &[
            ("auth", &[288]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("readahead", &[84]),
            ("slices", &[73]),
            ("timeout", &[85]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 92
    Pattern {
        attrs: &[("path", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["path"],
        required_children: &[],
    },
    // 93
    Pattern {
        attrs: &[
            ("agentsock", Values::Any),
            ("keyfile", Values::Any),
            ("username", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["username"],
        required_children: &[],
    },
    // 94
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V47)),
        ],
        children: &[
            ("auth", &[288]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("identity", &[93]),
            ("knownHosts", &[92]),
            ("privateData", &[30]),
            ("readahead", &[84]),
            ("slices", &[73]),
            ("timeout", &[85]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 95
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V48)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("readahead", &[84]),
            ("slices", &[73]),
            ("timeout", &[85]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 96
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V49)),
            ("tls", Values::OneOf(V1)),
            ("tlsHostname", Values::Any),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("reconnect", &[327]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["protocol"],
        required_children: &["host"],
    },
    // 97
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V50)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 98
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V51)),
            ("tls", Values::OneOf(V1)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("host", &[79]),
            ("privateData", &[30]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 99
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("name", Values::Any),
            ("protocol", Values::OneOf(V52)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("host", &[79]),
            ("identity", &[80]),
            ("privateData", &[30]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "protocol"],
        required_children: &["host"],
    },
    // 100
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("mode", Values::OneOf(V53)),
            ("pool", Values::Any),
            ("startupPolicy", Values::OneOf(V39)),
            ("volume", Values::Any),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("privateData", &[30]),
            ("seclabel", &[3]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["pool", "volume"],
        required_children: &[],
    },
    // 101
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("managed", Values::OneOf(V1)),
            ("namespace", Values::Any),
            ("startupPolicy", Values::OneOf(V39)),
            ("type", Values::OneOf(V54)),
        ],
        children: &[
            ("address", &[102]),
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("privateData", &[30]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["namespace", "type"],
        required_children: &["address"],
    },
    // 102
    Pattern {
        attrs: &[
            ("bus", Values::Any),
            ("domain", Values::Any),
            ("function", Values::Any),
            ("multifunction", Values::OneOf(V16)),
            ("slot", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 103
    Pattern {
        attrs: &[("path", Values::Any), ("type", Values::OneOf(V55))],
        children: &[("reconnect", &[327])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["path", "type"],
        required_children: &[],
    },
    // 104
    Pattern {
        attrs: &[("dev", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 105
    Pattern {
        attrs: &[
            ("bus", Values::OneOf(V56)),
            ("dev", Values::Any),
            ("removable", Values::OneOf(V16)),
            ("rotation_rate", Values::Any),
            ("tray", Values::OneOf(V57)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 106
    Pattern {
        attrs: &[
            ("cyls", Values::Any),
            ("heads", Values::Any),
            ("secs", Values::Any),
            ("trans", Values::OneOf(V58)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cyls", "heads", "secs"],
        required_children: &[],
    },
    // 107
    Pattern {
        attrs: &[
            ("discard_granularity", Values::Any),
            ("logical_block_size", Values::Any),
            ("physical_block_size", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 108
    Pattern {
        attrs: &[],
        children: &[("iothread", &[109])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["iothread"],
    },
    // 109
    Pattern {
        attrs: &[("id", Values::Any)],
        children: &[("queue", &[110])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id"],
        required_children: &[],
    },
    // 110
    Pattern {
        attrs: &[("id", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id"],
        required_children: &[],
    },
    // 111
    Pattern {
        attrs: &[
            ("ats", Values::OneOf(V16)),
            ("cache", Values::OneOf(V59)),
            ("copy_on_read", Values::OneOf(V16)),
            ("detect_zeroes", Values::OneOf(V60)),
            ("discard", Values::OneOf(V61)),
            ("discard_no_unref", Values::OneOf(V16)),
            ("error_policy", Values::OneOf(V62)),
            ("event_idx", Values::OneOf(V16)),
            ("io", Values::OneOf(V63)),
            ("ioeventfd", Values::OneOf(V16)),
            ("iommu", Values::OneOf(V16)),
            ("iothread", Values::Any),
            ("name", Values::Any),
            ("packed", Values::OneOf(V16)),
            ("page_per_vq", Values::OneOf(V16)),
            ("queue_size", Values::Any),
            ("queues", Values::Any),
            ("rerror_policy", Values::OneOf(V64)),
            ("type", Values::OneOf(V65)),
        ],
        children: &[("iothreads", &[108]), ("metadata_cache", &[72])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 112
    Pattern {
        attrs: &[
            ("index", Values::Any),
            ("maxEventChannels", Values::Any),
            ("maxGrantFrames", Values::Any),
            ("model", Values::OneOf(V66)),
            ("ports", Values::Any),
            ("type", Values::OneOf(V67)),
            ("vectors", Values::Any),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("driver", &[115]),
            ("master", &[285]),
            ("model", &[113]),
            ("pcihole64", &[26]),
            ("target", &[114]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 113
    Pattern {
        attrs: &[("name", Values::OneOf(V68))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 114
    Pattern {
        attrs: &[
            ("busNr", Values::Any),
            ("chassis", Values::Any),
            ("chassisNr", Values::Any),
            ("hotplug", Values::OneOf(V16)),
            ("index", Values::Any),
            ("memReserve", Values::Any),
            ("port", Values::Any),
        ],
        children: &[("node", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 115
    Pattern {
        attrs: &[
            ("ats", Values::OneOf(V16)),
            ("cmd_per_lun", Values::Any),
            ("ioeventfd", Values::OneOf(V16)),
            ("iommu", Values::OneOf(V16)),
            ("iothread", Values::Any),
            ("max_sectors", Values::Any),
            ("packed", Values::OneOf(V16)),
            ("page_per_vq", Values::OneOf(V16)),
            ("queues", Values::Any),
        ],
        children: &[("iothreads", &[108])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 116
    Pattern {
        attrs: &[("dir", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dir"],
        required_children: &[],
    },
    // 117
    Pattern {
        attrs: &[
            ("accessmode", Values::OneOf(V69)),
            ("dmode", Values::Any),
            ("fmode", Values::Any),
            ("model", Values::OneOf(V34)),
            ("multidevs", Values::OneOf(V70)),
            ("type", Values::OneOf(V71)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("binary", &[121]),
            ("boot", &[286]),
            ("driver", &[120]),
            ("idmap", &[22]),
            ("readonly", &[30]),
            ("source", &[65, 82, 104, 116, 118, 119]),
            ("space_hard_limit", &[26]),
            ("space_soft_limit", &[26]),
            ("target", &[116]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["source", "target"],
    },
    // 118
    Pattern {
        attrs: &[("dir", Values::Any), ("socket", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 119
    Pattern {
        attrs: &[("units", Values::Any), ("usage", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["usage"],
        required_children: &[],
    },
    // 120
    Pattern {
        attrs: &[
            ("ats", Values::OneOf(V16)),
            ("format", Values::OneOf(V37)),
            ("iommu", Values::OneOf(V16)),
            ("packed", Values::OneOf(V16)),
            ("page_per_vq", Values::OneOf(V16)),
            ("queue", Values::Any),
            ("type", Values::OneOf(V72)),
            ("wrpolicy", Values::OneOf(V73)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 121
    Pattern {
        attrs: &[("path", Values::Any), ("xattr", Values::OneOf(V16))],
        children: &[
            ("cache", &[122]),
            ("lock", &[124]),
            ("openfiles", &[126]),
            ("sandbox", &[123]),
            ("thread_pool", &[125]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 122
    Pattern {
        attrs: &[("mode", Values::OneOf(V74))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 123
    Pattern {
        attrs: &[("mode", Values::OneOf(V75))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 124
    Pattern {
        attrs: &[("flock", Values::OneOf(V16)), ("posix", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 125
    Pattern {
        attrs: &[("size", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 126
    Pattern {
        attrs: &[("max", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 127
    Pattern {
        attrs: &[
            ("managed", Values::OneOf(V1)),
            ("trustGuestRxFilters", Values::OneOf(V1)),
            ("type", Values::OneOf(V76)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("backend", &[144]),
            ("backenddomain", &[65]),
            ("bandwidth", &[341]),
            ("boot", &[286]),
            ("coalesce", &[316]),
            ("downscript", &[92]),
            ("driver", &[145, 322]),
            ("filterref", &[148]),
            ("guest", &[141]),
            ("ip", &[150]),
            ("link", &[139]),
            ("mac", &[142]),
            ("model", &[143]),
            ("mtu", &[84]),
            ("port", &[346]),
            ("portForward", &[151]),
            ("rom", &[273]),
            ("route", &[345]),
            ("script", &[92]),
            (
                "source",
                &[65, 104, 128, 129, 130, 131, 132, 133, 134, 135, 136, 138],
            ),
            ("target", &[140]),
            ("teaming", &[153]),
            ("tune", &[149]),
            ("virtualport", &[331, 333, 335, 337, 339]),
            ("vlan", &[343]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 128
    Pattern {
        attrs: &[
            ("bridge", Values::Any),
            ("macTableManager", Values::OneOf(V77)),
            ("network", Values::Any),
            ("portgroup", Values::Any),
            ("portid", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["bridge"],
        required_children: &[],
    },
    // 129
    Pattern {
        attrs: &[],
        children: &[("ip", &[150]), ("route", &[345])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 130
    Pattern {
        attrs: &[
            ("dev", Values::Any),
            ("mode", Values::OneOf(V78)),
            ("path", Values::Any),
            ("type", Values::OneOf(V55)),
        ],
        children: &[("reconnect", &[327])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 131
    Pattern {
        attrs: &[
            ("bridge", Values::Any),
            ("macTableManager", Values::OneOf(V77)),
            ("network", Values::Any),
            ("portgroup", Values::Any),
            ("portid", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["network"],
        required_children: &[],
    },
    // 132
    Pattern {
        attrs: &[
            ("dev", Values::Any),
            ("mode", Values::Any),
            ("network", Values::Any),
            ("portgroup", Values::Any),
            ("portid", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 133
    Pattern {
        attrs: &[("address", Values::Any), ("port", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address", "port"],
        required_children: &[],
    },
    // 134
    Pattern {
        attrs: &[("address", Values::Any), ("port", Values::Any)],
        children: &[("local", &[133])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address", "port"],
        required_children: &["local"],
    },
    // 135
    Pattern {
        attrs: &[("address", Values::Any), ("port", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["port"],
        required_children: &[],
    },
    // 136
    Pattern {
        attrs: &[("missing", Values::OneOf(V1))],
        children: &[
            ("address", &[137, 237]),
            ("product", &[110]),
            ("vendor", &[110]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 137
    Pattern {
        attrs: &[
            ("bus", Values::Any),
            ("device", Values::Any),
            ("domain", Values::Any),
            ("function", Values::Any),
            ("multifunction", Values::OneOf(V16)),
            ("slot", Values::Any),
            ("type", Values::OneOf(V79)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 138
    Pattern {
        attrs: &[
            ("connectionid", Values::Any),
            ("portgroupid", Values::Any),
            ("portid", Values::Any),
            ("switchid", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["switchid"],
        required_children: &[],
    },
    // 139
    Pattern {
        attrs: &[("state", Values::OneOf(V80))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["state"],
        required_children: &[],
    },
    // 140
    Pattern {
        attrs: &[("dev", Values::Any), ("managed", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 141
    Pattern {
        attrs: &[("actual", Values::Any), ("dev", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 142
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("check", Values::OneOf(V1)),
            ("currentAddress", Values::Any),
            ("type", Values::OneOf(V81)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address"],
        required_children: &[],
    },
    // 143
    Pattern {
        attrs: &[("type", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 144
    Pattern {
        attrs: &[
            ("logFile", Values::Any),
            ("tap", Values::Any),
            ("type", Values::OneOf(V82)),
            ("vhost", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 145
    Pattern {
        attrs: &[
            ("ats", Values::OneOf(V16)),
            ("event_idx", Values::OneOf(V16)),
            ("ioeventfd", Values::OneOf(V16)),
            ("iommu", Values::OneOf(V16)),
            ("name", Values::OneOf(V83)),
            ("packed", Values::OneOf(V16)),
            ("page_per_vq", Values::OneOf(V16)),
            ("queues", Values::Any),
            ("rss", Values::OneOf(V16)),
            ("rss_hash_report", Values::OneOf(V16)),
            ("rx_queue_size", Values::Any),
            ("tx_queue_size", Values::Any),
            ("txmode", Values::OneOf(V84)),
        ],
        children: &[("guest", &[147]), ("host", &[146])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 146
    Pattern {
        attrs: &[
            ("csum", Values::OneOf(V16)),
            ("ecn", Values::OneOf(V16)),
            ("gso", Values::OneOf(V16)),
            ("mrg_rxbuf", Values::OneOf(V16)),
            ("tso4", Values::OneOf(V16)),
            ("tso6", Values::OneOf(V16)),
            ("ufo", Values::OneOf(V16)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 147
    Pattern {
        attrs: &[
            ("csum", Values::OneOf(V16)),
            ("ecn", Values::OneOf(V16)),
            ("tso4", Values::OneOf(V16)),
            ("tso6", Values::OneOf(V16)),
            ("ufo", Values::OneOf(V16)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 148
    Pattern {
        attrs: &[("filter", Values::Any)],
        children: &[("parameter", &[362])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["filter"],
        required_children: &[],
    },
    // 149
    Pattern {
        attrs: &[],
        children: &[("sndbuf", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 150
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("family", Values::Any),
            ("peer", Values::Any),
            ("prefix", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address"],
        required_children: &[],
    },
    // 151
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("dev", Values::Any),
            ("proto", Values::OneOf(V85)),
        ],
        children: &[("range", &[152])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["proto"],
        required_children: &[],
    },
    // 152
    Pattern {
        attrs: &[
            ("end", Values::Any),
            ("exclude", Values::OneOf(V1)),
            ("start", Values::Any),
            ("to", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["start"],
        required_children: &[],
    },
    // 153
    Pattern {
        attrs: &[("persistent", Values::Any), ("type", Values::OneOf(V86))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 154
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("autoport", Values::OneOf(V1)),
            ("connected", Values::OneOf(V87)),
            ("defaultMode", Values::OneOf(V88)),
            ("display", Values::Any),
            ("fullscreen", Values::OneOf(V1)),
            ("keymap", Values::Any),
            ("listen", Values::Any),
            ("multiUser", Values::OneOf(V1)),
            ("p2p", Values::OneOf(V1)),
            ("passwd", Values::Any),
            ("passwdValidTo", Values::Any),
            ("port", Values::Any),
            ("powerControl", Values::OneOf(V1)),
            ("replaceUser", Values::OneOf(V1)),
            ("sharePolicy", Values::OneOf(V89)),
            ("socket", Values::Any),
            ("tlsPort", Values::Any),
            ("type", Values::OneOf(V90)),
            ("username", Values::Any),
            ("websocket", Values::Any),
            ("xauth", Values::Any),
        ],
        children: &[
            ("audio", &[110]),
            ("channel", &[156]),
            ("clipboard", &[163]),
            ("filetransfer", &[155]),
            ("gl", &[155, 161, 162]),
            ("image", &[157]),
            ("jpeg", &[158]),
            ("listen", &[165]),
            ("mouse", &[164]),
            ("playback", &[159]),
            ("streaming", &[160]),
            ("zlib", &[158]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 155
    Pattern {
        attrs: &[("enable", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["enable"],
        required_children: &[],
    },
    // 156
    Pattern {
        attrs: &[("mode", Values::OneOf(V88)), ("name", Values::OneOf(V91))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode", "name"],
        required_children: &[],
    },
    // 157
    Pattern {
        attrs: &[("compression", Values::OneOf(V92))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["compression"],
        required_children: &[],
    },
    // 158
    Pattern {
        attrs: &[("compression", Values::OneOf(V93))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["compression"],
        required_children: &[],
    },
    // 159
    Pattern {
        attrs: &[("compression", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["compression"],
        required_children: &[],
    },
    // 160
    Pattern {
        attrs: &[("mode", Values::OneOf(V94))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 161
    Pattern {
        attrs: &[("enable", Values::OneOf(V1)), ("rendernode", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["enable"],
        required_children: &[],
    },
    // 162
    Pattern {
        attrs: &[("rendernode", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 163
    Pattern {
        attrs: &[("copypaste", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["copypaste"],
        required_children: &[],
    },
    // 164
    Pattern {
        attrs: &[("mode", Values::OneOf(V78))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 165
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("network", Values::Any),
            ("socket", Values::Any),
            ("type", Values::OneOf(V95)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 166
    Pattern {
        attrs: &[],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("driver", &[167]),
            ("model", &[168]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 167
    Pattern {
        attrs: &[
            ("ats", Values::OneOf(V16)),
            ("iommu", Values::OneOf(V16)),
            ("name", Values::OneOf(V96)),
            ("packed", Values::OneOf(V16)),
            ("page_per_vq", Values::OneOf(V16)),
            ("vgaconf", Values::OneOf(V97)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 168
    Pattern {
        attrs: &[
            ("blob", Values::OneOf(V16)),
            ("heads", Values::Any),
            ("primary", Values::OneOf(V1)),
            ("ram", Values::Any),
            ("type", Values::OneOf(V98)),
            ("vgamem", Values::Any),
            ("vram", Values::Any),
            ("vram64", Values::Any),
        ],
        children: &[("acceleration", &[169]), ("resolution", &[170])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 169
    Pattern {
        attrs: &[
            ("accel2d", Values::OneOf(V1)),
            ("accel3d", Values::OneOf(V1)),
            ("rendernode", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 170
    Pattern {
        attrs: &[("x", Values::Any), ("y", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["x", "y"],
        required_children: &[],
    },
    // 171
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V99)),
        required_attrs: &[],
        required_children: &[],
    },
    // 172
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V100)),
        required_attrs: &[],
        required_children: &[],
    },
    // 173
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V101)),
        required_attrs: &[],
        required_children: &[],
    },
    // 174
    Pattern {
        attrs: &[],
        children: &[("suspend-to-disk", &[175]), ("suspend-to-mem", &[175])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 175
    Pattern {
        attrs: &[("enabled", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 176
    Pattern {
        attrs: &[("name", Values::OneOf(V102))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 177
    Pattern {
        attrs: &[("port", Values::Any), ("type", Values::OneOf(V103))],
        children: &[("model", &[176])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 178
    Pattern {
        attrs: &[
            ("allow", Values::OneOf(V1)),
            ("class", Values::Any),
            ("product", Values::Any),
            ("vendor", Values::Any),
            ("version", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["allow"],
        required_children: &[],
    },
    // 179
    Pattern {
        attrs: &[
            ("append", Values::OneOf(V16)),
            ("channel", Values::Any),
            ("host", Values::Any),
            ("master", Values::Any),
            ("mode", Values::Any),
            ("path", Values::Any),
            ("service", Values::Any),
            ("slave", Values::Any),
            ("tls", Values::OneOf(V1)),
        ],
        children: &[
            ("clipboard", &[163]),
            ("mouse", &[164]),
            ("reconnect", &[327]),
            ("seclabel", &[3]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 180
    Pattern {
        attrs: &[("type", Values::OneOf(V104))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 181
    Pattern {
        attrs: &[("append", Values::OneOf(V16)), ("file", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["file"],
        required_children: &[],
    },
    // 182
    Pattern {
        attrs: &[("tty", Values::Any), ("type", Values::OneOf(V105))],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("log", &[181]),
            ("protocol", &[180]),
            ("source", &[179]),
            ("target", &[177]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 183
    Pattern {
        attrs: &[("type", Values::OneOf(V106))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 184
    Pattern {
        attrs: &[
            ("model", Values::OneOf(V107)),
            ("multichannel", Values::OneOf(V1)),
            ("streams", Values::Any),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("audio", &[110]),
            ("codec", &[183]),
            ("driver", &[185]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &[],
    },
    // 185
    Pattern {
        attrs: &[
            ("ats", Values::OneOf(V16)),
            ("iommu", Values::OneOf(V16)),
            ("packed", Values::OneOf(V16)),
            ("page_per_vq", Values::OneOf(V16)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 186
    Pattern {
        attrs: &[
            ("channels", Values::Any),
            ("format", Values::OneOf(V108)),
            ("frequency", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 187
    Pattern {
        attrs: &[
            ("driver", Values::OneOf(V109)),
            ("dspPolicy", Values::Any),
            ("exclusive", Values::OneOf(V1)),
            ("id", Values::Any),
            ("path", Values::Any),
            ("runtimeDir", Values::Any),
            ("serverName", Values::Any),
            ("timerPeriod", Values::Any),
            ("tryMMap", Values::OneOf(V1)),
            ("type", Values::OneOf(V110)),
        ],
        children: &[
            ("input", &[188, 189, 190, 191, 192, 193]),
            ("output", &[188, 189, 190, 191, 192, 193]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id", "type"],
        required_children: &[],
    },
    // 188
    Pattern {
        attrs: &[
            ("bufferLength", Values::Any),
            ("fixedSettings", Values::OneOf(V1)),
            ("mixingEngine", Values::OneOf(V1)),
            ("voices", Values::Any),
        ],
        children: &[("settings", &[186])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 189
    Pattern {
        attrs: &[
            ("bufferLength", Values::Any),
            ("dev", Values::Any),
            ("fixedSettings", Values::OneOf(V1)),
            ("mixingEngine", Values::OneOf(V1)),
            ("voices", Values::Any),
        ],
        children: &[("settings", &[186])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 190
    Pattern {
        attrs: &[
            ("bufferCount", Values::Any),
            ("bufferLength", Values::Any),
            ("fixedSettings", Values::OneOf(V1)),
            ("mixingEngine", Values::OneOf(V1)),
            ("voices", Values::Any),
        ],
        children: &[("settings", &[186])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 191
    Pattern {
        attrs: &[
            ("bufferLength", Values::Any),
            ("clientName", Values::Any),
            ("connectPorts", Values::Any),
            ("exactName", Values::OneOf(V1)),
            ("fixedSettings", Values::OneOf(V1)),
            ("mixingEngine", Values::OneOf(V1)),
            ("serverName", Values::Any),
            ("voices", Values::Any),
        ],
        children: &[("settings", &[186])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 192
    Pattern {
        attrs: &[
            ("bufferCount", Values::Any),
            ("bufferLength", Values::Any),
            ("dev", Values::Any),
            ("fixedSettings", Values::OneOf(V1)),
            ("mixingEngine", Values::OneOf(V1)),
            ("tryPoll", Values::OneOf(V1)),
            ("voices", Values::Any),
        ],
        children: &[("settings", &[186])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 193
    Pattern {
        attrs: &[
            ("bufferLength", Values::Any),
            ("fixedSettings", Values::OneOf(V1)),
            ("latency", Values::Any),
            ("mixingEngine", Values::OneOf(V1)),
            ("name", Values::Any),
            ("streamName", Values::Any),
            ("voices", Values::Any),
        ],
        children: &[("settings", &[186])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 194
    Pattern {
        attrs: &[
            ("action", Values::OneOf(V111)),
            ("model", Values::OneOf(V112)),
        ],
        children: &[("acpi", &[274]), ("address", &[272]), ("alias", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &[],
    },
    // 195
    Pattern {
        attrs: &[],
        children: &[("address", &[272])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 196
    Pattern {
        attrs: &[("name", Values::Any), ("role", Values::OneOf(V113))],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("model", &[197]),
            ("msi", &[199]),
            ("server", &[198]),
            ("size", &[26]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 197
    Pattern {
        attrs: &[("type", Values::OneOf(V114))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 198
    Pattern {
        attrs: &[("path", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 199
    Pattern {
        attrs: &[("ioeventfd", Values::OneOf(V16)), ("vectors", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 200
    Pattern {
        attrs: &[
            ("autodeflate", Values::OneOf(V16)),
            ("freePageReporting", Values::OneOf(V16)),
            ("model", Values::OneOf(V115)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("driver", &[185]),
            ("stats", &[201]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &[],
    },
    // 201
    Pattern {
        attrs: &[("period", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["period"],
        required_children: &[],
    },
    // 202
    Pattern {
        attrs: &[("tty", Values::Any), ("type", Values::OneOf(V105))],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("log", &[181]),
            ("protocol", &[180]),
            ("source", &[179]),
            ("target", &[177]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 203
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("port", Values::Any),
            ("type", Values::OneOf(V116)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address", "port", "type"],
        required_children: &[],
    },
    // 204
    Pattern {
        attrs: &[
            ("name", Values::Any),
            ("state", Values::OneOf(V117)),
            ("type", Values::OneOf(V118)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 205
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V119))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 206
    Pattern {
        attrs: &[("type", Values::OneOf(V105))],
        children: &[
            ("address", &[272]),
            ("alias", &[65]),
            ("log", &[181]),
            ("protocol", &[180]),
            ("source", &[179]),
            ("target", &[203, 204, 205]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["target"],
    },
    // 207
    Pattern {
        attrs: &[("mode", Values::OneOf(V120)), ("type", Values::OneOf(V105))],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("certificate", &[1]),
            ("database", &[1]),
            ("log", &[181]),
            ("protocol", &[180]),
            ("source", &[179]),
            ("target", &[177]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 208
    Pattern {
        attrs: &[("model", Values::OneOf(V121))],
        children: &[("address", &[272]), ("alias", &[65]), ("backend", &[209])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["backend"],
    },
    // 209
    Pattern {
        attrs: &[
            ("debug", Values::Any),
            ("persistent_state", Values::OneOf(V1)),
            ("type", Values::OneOf(V122)),
            ("version", Values::OneOf(V123)),
        ],
        children: &[
            ("active_pcr_banks", &[213]),
            ("device", &[198]),
            ("encryption", &[212]),
            ("profile", &[214]),
            ("source", &[210, 211]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 210
    Pattern {
        attrs: &[
            ("mode", Values::OneOf(V124)),
            ("path", Values::Any),
            ("type", Values::OneOf(V55)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode", "path", "type"],
        required_children: &[],
    },
    // 211
    Pattern {
        attrs: &[("path", Values::Any), ("type", Values::OneOf(V125))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["path", "type"],
        required_children: &[],
    },
    // 212
    Pattern {
        attrs: &[("secret", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["secret"],
        required_children: &[],
    },
    // 213
    Pattern {
        attrs: &[],
        children: &[
            ("sha1", &[30]),
            ("sha256", &[30]),
            ("sha384", &[30]),
            ("sha512", &[30]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 214
    Pattern {
        attrs: &[
            ("name", Values::Any),
            ("removeDisabled", Values::OneOf(V126)),
            ("source", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 215
    Pattern {
        attrs: &[("model", Values::OneOf(V34))],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("cid", &[216]),
            ("driver", &[185]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 216
    Pattern {
        attrs: &[("address", Values::Any), ("auto", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 217
    Pattern {
        attrs: &[("model", Values::OneOf(V127))],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("driver", &[218]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &[],
    },
    // 218
    Pattern {
        attrs: &[
            ("aw_bits", Values::Any),
            ("caching_mode", Values::OneOf(V16)),
            ("dma_translation", Values::OneOf(V16)),
            ("eim", Values::OneOf(V16)),
            ("intremap", Values::OneOf(V16)),
            ("iotlb", Values::OneOf(V16)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 219
    Pattern {
        attrs: &[
            ("bus", Values::OneOf(V128)),
            ("model", Values::OneOf(V34)),
            ("type", Values::OneOf(V129)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("driver", &[185]),
            ("source", &[220, 221]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 220
    Pattern {
        attrs: &[("evdev", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["evdev"],
        required_children: &[],
    },
    // 221
    Pattern {
        attrs: &[
            ("dev", Values::Any),
            ("grab", Values::OneOf(V130)),
            ("grabToggle", Values::OneOf(V131)),
            ("repeat", Values::OneOf(V16)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 222
    Pattern {
        attrs: &[("type", Values::OneOf(V132))],
        children: &[("address", &[272]), ("alias", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 223
    Pattern {
        attrs: &[("bus", Values::OneOf(V132)), ("type", Values::OneOf(V105))],
        children: &[
            ("address", &[272]),
            ("alias", &[65]),
            ("boot", &[286]),
            ("log", &[181]),
            ("protocol", &[180]),
            ("source", &[179]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["bus", "type"],
        required_children: &[],
    },
    // 224
    Pattern {
        attrs: &[],
        children: &[("usbdev", &[178])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 225
    Pattern {
        attrs: &[("backend", Values::OneOf(V133))],
        children: &[
            ("address", &[272]),
            ("alias", &[65]),
            ("path", &[1]),
            ("size", &[26]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["backend"],
        required_children: &["size"],
    },
    // 226
    Pattern {
        attrs: &[
            ("display", Values::OneOf(V16)),
            ("managed", Values::OneOf(V1)),
            ("mode", Values::OneOf(V134)),
            ("model", Values::OneOf(V135)),
            ("ramfb", Values::OneOf(V16)),
            ("rawio", Values::OneOf(V1)),
            ("sgio", Values::OneOf(V35)),
            ("type", Values::OneOf(V136)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("boot", &[286]),
            ("driver", &[322]),
            ("ip", &[150]),
            ("readonly", &[30]),
            ("rom", &[273]),
            ("route", &[345]),
            ("shareable", &[30]),
            ("source", &[227, 228, 229, 232, 233, 234, 235, 236]),
            ("teaming", &[153]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["source"],
    },
    // 227
    Pattern {
        attrs: &[
            ("startupPolicy", Values::OneOf(V39)),
            ("writeFiltering", Values::OneOf(V1)),
        ],
        children: &[("address", &[102])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["address"],
    },
    // 228
    Pattern {
        attrs: &[
            ("guestReset", Values::OneOf(V137)),
            ("startupPolicy", Values::OneOf(V39)),
        ],
        children: &[("address", &[237]), ("product", &[110]), ("vendor", &[110])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 229
    Pattern {
        attrs: &[("name", Values::Any), ("protocol", Values::OneOf(V138))],
        children: &[
            ("adapter", &[319]),
            ("address", &[230]),
            ("auth", &[288]),
            ("host", &[231]),
            ("initiator", &[326]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 230
    Pattern {
        attrs: &[
            ("bus", Values::Any),
            ("target", Values::Any),
            ("unit", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["bus", "target", "unit"],
        required_children: &[],
    },
    // 231
    Pattern {
        attrs: &[("name", Values::Any), ("port", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 232
    Pattern {
        attrs: &[("protocol", Values::OneOf(V139)), ("wwpn", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["protocol", "wwpn"],
        required_children: &[],
    },
    // 233
    Pattern {
        attrs: &[],
        children: &[("address", &[238])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["address"],
    },
    // 234
    Pattern {
        attrs: &[],
        children: &[("block", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["block"],
    },
    // 235
    Pattern {
        attrs: &[],
        children: &[("char", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["char"],
    },
    // 236
    Pattern {
        attrs: &[],
        children: &[("interface", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["interface"],
    },
    // 237
    Pattern {
        attrs: &[("bus", Values::Any), ("device", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["bus", "device"],
        required_children: &[],
    },
    // 238
    Pattern {
        attrs: &[("uuid", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["uuid"],
        required_children: &[],
    },
    // 239
    Pattern {
        attrs: &[],
        children: &[
            ("audio", &[187]),
            ("channel", &[206]),
            ("console", &[182]),
            ("controller", &[112]),
            ("crypto", &[283]),
            ("disk", &[69]),
            ("emulator", &[1]),
            ("filesystem", &[117]),
            ("graphics", &[154]),
            ("hostdev", &[226]),
            ("hub", &[222]),
            ("input", &[219]),
            ("interface", &[127]),
            ("iommu", &[217]),
            ("lease", &[67]),
            ("memballoon", &[200]),
            ("memory", &[275]),
            ("nvram", &[195]),
            ("panic", &[315]),
            ("parallel", &[202]),
            ("pstore", &[225]),
            ("redirdev", &[223]),
            ("redirfilter", &[224]),
            ("rng", &[280]),
            ("serial", &[202]),
            ("shmem", &[196]),
            ("smartcard", &[207]),
            ("sound", &[184]),
            ("tpm", &[208]),
            ("video", &[166]),
            ("vsock", &[215]),
            ("watchdog", &[194]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 240
    Pattern {
        attrs: &[],
        children: &[
            ("group_name", &[1]),
            ("read_bytes_sec", &[1]),
            ("read_bytes_sec_max", &[1]),
            ("read_bytes_sec_max_length", &[1]),
            ("read_iops_sec", &[1]),
            ("read_iops_sec_max", &[1]),
            ("read_iops_sec_max_length", &[1]),
            ("size_iops_sec", &[1]),
            ("total_bytes_sec", &[1]),
            ("total_bytes_sec_max", &[1]),
            ("total_bytes_sec_max_length", &[1]),
            ("total_iops_sec", &[1]),
            ("total_iops_sec_max", &[1]),
            ("total_iops_sec_max_length", &[1]),
            ("write_bytes_sec", &[1]),
            ("write_bytes_sec_max", &[1]),
            ("write_bytes_sec_max_length", &[1]),
            ("write_iops_sec", &[1]),
            ("write_iops_sec_max", &[1]),
            ("write_iops_sec_max_length", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 241
    Pattern {
        attrs: &[],
        children: &[("throttlegroup", &[240])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 242
    Pattern {
        attrs: &[],
        children: &[("throttlefilter", &[243])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 243
    Pattern {
        attrs: &[("group", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["group"],
        required_children: &[],
    },
    // 244
    Pattern {
        attrs: &[],
        children: &[
            ("acpi", &[30]),
            ("aia", &[271]),
            ("apic", &[245]),
            ("async-teardown", &[175]),
            ("capabilities", &[299]),
            ("ccf-assist", &[249]),
            ("cfpc", &[268]),
            ("gic", &[247]),
            ("hap", &[246]),
            ("hpt", &[266]),
            ("htm", &[249]),
            ("hyperv", &[290]),
            ("ibs", &[269]),
            ("ioapic", &[265]),
            ("kvm", &[295]),
            ("msrs", &[267]),
            ("nested-hv", &[249]),
            ("pae", &[30]),
            ("pmu", &[246]),
            ("privnet", &[30]),
            ("ps2", &[249]),
            ("pvspinlock", &[246]),
            ("ras", &[249]),
            ("sbbc", &[268]),
            ("smm", &[248]),
            ("tcg", &[270]),
            ("viridian", &[30]),
            ("vmcoreinfo", &[246]),
            ("vmport", &[246]),
            ("xen", &[297]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 245
    Pattern {
        attrs: &[("eoi", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 246
    Pattern {
        attrs: &[("state", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 247
    Pattern {
        attrs: &[("version", Values::OneOf(V140))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 248
    Pattern {
        attrs: &[("state", Values::OneOf(V16))],
        children: &[("tseg", &[26])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 249
    Pattern {
        attrs: &[("state", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["state"],
        required_children: &[],
    },
    // 250
    Pattern {
        attrs: &[("type", Values::OneOf(V141))],
        children: &[
            ("baseBoard", &[255]),
            ("bios", &[251]),
            ("chassis", &[257]),
            ("entry", &[260]),
            ("oemStrings", &[259]),
            ("system", &[253]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 251
    Pattern {
        attrs: &[],
        children: &[("entry", &[252])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["entry"],
    },
    // 252
    Pattern {
        attrs: &[("name", Values::OneOf(V142))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["name"],
        required_children: &[],
    },
    // 253
    Pattern {
        attrs: &[],
        children: &[("entry", &[254])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["entry"],
    },
    // 254
    Pattern {
        attrs: &[("name", Values::OneOf(V143))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["name"],
        required_children: &[],
    },
    // 255
    Pattern {
        attrs: &[],
        children: &[("entry", &[256])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["entry"],
    },
    // 256
    Pattern {
        attrs: &[("name", Values::OneOf(V144))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["name"],
        required_children: &[],
    },
    // 257
    Pattern {
        attrs: &[],
        children: &[("entry", &[258])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["entry"],
    },
    // 258
    Pattern {
        attrs: &[("name", Values::OneOf(V145))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["name"],
        required_children: &[],
    },
    // 259
    Pattern {
        attrs: &[],
        children: &[("entry", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["entry"],
    },
    // 260
    Pattern {
        attrs: &[("file", Values::Any), ("name", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["name"],
        required_children: &[],
    },
    // 261
    Pattern {
        attrs: &[],
        children: &[("table", &[262])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 262
    Pattern {
        attrs: &[("type", Values::OneOf(V146))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["type"],
        required_children: &[],
    },
    // 263
    Pattern {
        attrs: &[("mode", Values::OneOf(V147))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 264
    Pattern {
        attrs: &[
            ("rebootTimeout", Values::Any),
            ("useserial", Values::OneOf(V1)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 265
    Pattern {
        attrs: &[("driver", Values::OneOf(V148))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["driver"],
        required_children: &[],
    },
    // 266
    Pattern {
        attrs: &[("resizing", Values::OneOf(V149))],
        children: &[("maxpagesize", &[26])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 267
    Pattern {
        attrs: &[("unknown", Values::OneOf(V150))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["unknown"],
        required_children: &[],
    },
    // 268
    Pattern {
        attrs: &[("value", Values::OneOf(V151))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["value"],
        required_children: &[],
    },
    // 269
    Pattern {
        attrs: &[("value", Values::OneOf(V152))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["value"],
        required_children: &[],
    },
    // 270
    Pattern {
        attrs: &[],
        children: &[("tb-cache", &[26])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 271
    Pattern {
        attrs: &[("value", Values::OneOf(V153))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["value"],
        required_children: &[],
    },
    // 272
    Pattern {
        attrs: &[
            ("base", Values::Any),
            ("bus", Values::Any),
            ("controller", Values::Any),
            ("cssid", Values::Any),
            ("devno", Values::Any),
            ("domain", Values::Any),
            ("function", Values::Any),
            ("iobase", Values::Any),
            ("irq", Values::Any),
            ("multifunction", Values::OneOf(V16)),
            ("port", Values::Any),
            ("reg", Values::Any),
            ("slot", Values::Any),
            ("ssid", Values::Any),
            ("target", Values::Any),
            ("type", Values::OneOf(V154)),
            ("unit", Values::Any),
        ],
        children: &[("zpci", &[318])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 273
    Pattern {
        attrs: &[
            ("bar", Values::OneOf(V16)),
            ("enabled", Values::OneOf(V1)),
            ("file", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 274
    Pattern {
        attrs: &[("index", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 275
    Pattern {
        attrs: &[
            ("access", Values::OneOf(V20)),
            ("discard", Values::OneOf(V1)),
            ("model", Values::OneOf(V155)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("source", &[276]),
            ("target", &[277]),
            ("uuid", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &["target"],
    },
    // 276
    Pattern {
        attrs: &[],
        children: &[
            ("alignsize", &[26]),
            ("nodemask", &[1]),
            ("pagesize", &[26]),
            ("path", &[1]),
            ("pmem", &[30]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 277
    Pattern {
        attrs: &[("dynamicMemslots", Values::OneOf(V1))],
        children: &[
            ("address", &[279]),
            ("block", &[26]),
            ("current", &[26]),
            ("label", &[278]),
            ("node", &[1]),
            ("readonly", &[30]),
            ("requested", &[26]),
            ("size", &[26]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["size"],
    },
    // 278
    Pattern {
        attrs: &[],
        children: &[("size", &[26])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["size"],
    },
    // 279
    Pattern {
        attrs: &[("base", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["base"],
        required_children: &[],
    },
    // 280
    Pattern {
        attrs: &[("model", Values::OneOf(V34))],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("backend", &[281]),
            ("driver", &[185]),
            ("rate", &[282]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &["backend"],
    },
    // 281
    Pattern {
        attrs: &[
            ("model", Values::OneOf(V156)),
            ("type", Values::OneOf(V105)),
        ],
        children: &[("log", &[181]), ("protocol", &[180]), ("source", &[179])],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["model"],
        required_children: &[],
    },
    // 282
    Pattern {
        attrs: &[("bytes", Values::Any), ("period", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["bytes"],
        required_children: &[],
    },
    // 283
    Pattern {
        attrs: &[
            ("model", Values::OneOf(V118)),
            ("type", Values::OneOf(V157)),
        ],
        children: &[
            ("address", &[272]),
            ("alias", &[65]),
            ("backend", &[284]),
            ("driver", &[185]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model", "type"],
        required_children: &["backend"],
    },
    // 284
    Pattern {
        attrs: &[("model", Values::OneOf(V158)), ("queues", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &[],
    },
    // 285
    Pattern {
        attrs: &[("startport", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["startport"],
        required_children: &[],
    },
    // 286
    Pattern {
        attrs: &[("loadparm", Values::Any), ("order", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["order"],
        required_children: &[],
    },
    // 287
    Pattern {
        attrs: &[
            ("file", Values::Any),
            ("format", Values::OneOf(V37)),
            ("job", Values::OneOf(V159)),
            ("ready", Values::OneOf(V160)),
            ("type", Values::OneOf(V8)),
        ],
        children: &[
            ("backingStore", &[30, 70]),
            ("format", &[71]),
            (
                "source",
                &[
                    76, 77, 78, 81, 83, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 100, 101, 103, 104,
                ],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 288
    Pattern {
        attrs: &[("username", Values::Any)],
        children: &[("secret", &[289])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["username"],
        required_children: &["secret"],
    },
    // 289
    Pattern {
        attrs: &[
            ("type", Values::OneOf(V161)),
            ("usage", Values::Any),
            ("uuid", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 290
    Pattern {
        attrs: &[("mode", Values::OneOf(V162))],
        children: &[
            ("avic", &[249]),
            ("emsr_bitmap", &[249]),
            ("evmcs", &[249]),
            ("frequencies", &[249]),
            ("ipi", &[249]),
            ("reenlightenment", &[249]),
            ("relaxed", &[249]),
            ("reset", &[249]),
            ("runtime", &[249]),
            ("spinlocks", &[291]),
            ("stimer", &[292]),
            ("synic", &[249]),
            ("tlbflush", &[294]),
            ("vapic", &[249]),
            ("vendor_id", &[293]),
            ("vpindex", &[249]),
            ("xmm_input", &[249]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 291
    Pattern {
        attrs: &[("retries", Values::Any), ("state", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["state"],
        required_children: &[],
    },
    // 292
    Pattern {
        attrs: &[("state", Values::OneOf(V16))],
        children: &[("direct", &[249])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 293
    Pattern {
        attrs: &[("state", Values::OneOf(V16)), ("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["state"],
        required_children: &[],
    },
    // 294
    Pattern {
        attrs: &[("state", Values::OneOf(V16))],
        children: &[("direct", &[249]), ("extended", &[249])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 295
    Pattern {
        attrs: &[],
        children: &[
            ("dirty-ring", &[296]),
            ("hidden", &[249]),
            ("hint-dedicated", &[249]),
            ("poll-control", &[249]),
            ("pv-ipi", &[249]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 296
    Pattern {
        attrs: &[("size", Values::Any), ("state", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["state"],
        required_children: &[],
    },
    // 297
    Pattern {
        attrs: &[],
        children: &[("e820_host", &[249]), ("passthrough", &[298])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 298
    Pattern {
        attrs: &[("mode", Values::Any), ("state", Values::OneOf(V16))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["state"],
        required_children: &[],
    },
    // 299
    Pattern {
        attrs: &[("policy", Values::OneOf(V163))],
        children: &[
            ("audit_control", &[249]),
            ("audit_write", &[249]),
            ("block_suspend", &[249]),
            ("chown", &[249]),
            ("dac_override", &[249]),
            ("dac_read_search", &[249]),
            ("fowner", &[249]),
            ("fsetid", &[249]),
            ("ipc_lock", &[249]),
            ("ipc_owner", &[249]),
            ("kill", &[249]),
            ("lease", &[249]),
            ("linux_immutable", &[249]),
            ("mac_admin", &[249]),
            ("mac_override", &[249]),
            ("mknod", &[249]),
            ("net_admin", &[249]),
            ("net_bind_service", &[249]),
            ("net_broadcast", &[249]),
            ("net_raw", &[249]),
            ("setfcap", &[249]),
            ("setgid", &[249]),
            ("setpcap", &[249]),
            ("setuid", &[249]),
            ("sys_admin", &[249]),
            ("sys_boot", &[249]),
            ("sys_chroot", &[249]),
            ("sys_module", &[249]),
            ("sys_nice", &[249]),
            ("sys_pacct", &[249]),
            ("sys_ptrace", &[249]),
            ("sys_rawio", &[249]),
            ("sys_resource", &[249]),
            ("sys_time", &[249]),
            ("sys_tty_config", &[249]),
            ("syslog", &[249]),
            ("wake_alarm", &[249]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["policy"],
        required_children: &[],
    },
    // 300
    Pattern {
        attrs: &[],
        children: &[
            ("{http://libvirt.org/schemas/domain/qemu/1.0}arg", &[301]),
            ("{http://libvirt.org/schemas/domain/qemu/1.0}env", &[302]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 301
    Pattern {
        attrs: &[("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["value"],
        required_children: &[],
    },
    // 302
    Pattern {
        attrs: &[("name", Values::Any), ("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 303
    Pattern {
        attrs: &[],
        children: &[
            ("{http://libvirt.org/schemas/domain/qemu/1.0}add", &[304]),
            ("{http://libvirt.org/schemas/domain/qemu/1.0}del", &[304]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 304
    Pattern {
        attrs: &[("capability", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["capability"],
        required_children: &[],
    },
    // 305
    Pattern {
        attrs: &[("behavior", Values::OneOf(V164))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["behavior"],
        required_children: &[],
    },
    // 306
    Pattern {
        attrs: &[
            ("name", Values::Any),
            ("type", Values::OneOf(V165)),
            ("value", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "type"],
        required_children: &[],
    },
    // 307
    Pattern {
        attrs: &[],
        children: &[("{http://libvirt.org/schemas/domain/qemu/1.0}device", &[308])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 308
    Pattern {
        attrs: &[("alias", Values::Any)],
        children: &[(
            "{http://libvirt.org/schemas/domain/qemu/1.0}frontend",
            &[309],
        )],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["alias"],
        required_children: &[],
    },
    // 309
    Pattern {
        attrs: &[],
        children: &[(
            "{http://libvirt.org/schemas/domain/qemu/1.0}property",
            &[306],
        )],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 310
    Pattern {
        attrs: &[],
        children: &[
            (
                "{http://libvirt.org/schemas/domain/lxc/1.0}shareipc",
                &[312],
            ),
            (
                "{http://libvirt.org/schemas/domain/lxc/1.0}sharenet",
                &[311],
            ),
            (
                "{http://libvirt.org/schemas/domain/lxc/1.0}shareuts",
                &[312],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 311
    Pattern {
        attrs: &[("type", Values::OneOf(V166)), ("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type", "value"],
        required_children: &[],
    },
    // 312
    Pattern {
        attrs: &[("type", Values::OneOf(V167)), ("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type", "value"],
        required_children: &[],
    },
    // 313
    Pattern {
        attrs: &[],
        children: &[("{http://libvirt.org/schemas/domain/bhyve/1.0}arg", &[301])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 314
    Pattern {
        attrs: &[],
        children: &[("{http://libvirt.org/schemas/domain/xen/1.0}arg", &[301])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 315
    Pattern {
        attrs: &[("model", Values::OneOf(V168))],
        children: &[("address", &[272]), ("alias", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 316
    Pattern {
        attrs: &[],
        children: &[("rx", &[317])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 317
    Pattern {
        attrs: &[],
        children: &[("frames", &[126])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 318
    Pattern {
        attrs: &[("fid", Values::Any), ("uid", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 319
    Pattern {
        attrs: &[
            ("managed", Values::OneOf(V1)),
            ("name", Values::Any),
            ("parent", Values::Any),
            ("parent_fabric_wwn", Values::Any),
            ("parent_wwnn", Values::Any),
            ("parent_wwpn", Values::Any),
            ("type", Values::OneOf(V169)),
            ("wwnn", Values::Any),
            ("wwpn", Values::Any),
        ],
        children: &[("parentaddr", &[320])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 320
    Pattern {
        attrs: &[("unique_id", Values::Any)],
        children: &[("address", &[102])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["address"],
    },
    // 321
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: true,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 322
    Pattern {
        attrs: &[("model", Values::Any), ("name", Values::OneOf(V170))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 323
    Pattern {
        attrs: &[
            ("engine", Values::OneOf(V171)),
            ("format", Values::OneOf(V172)),
        ],
        children: &[("cipher", &[324]), ("ivgen", &[325]), ("secret", &[330])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["format"],
        required_children: &[],
    },
    // 324
    Pattern {
        attrs: &[
            ("hash", Values::Any),
            ("mode", Values::Any),
            ("name", Values::Any),
            ("size", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "size"],
        required_children: &[],
    },
    // 325
    Pattern {
        attrs: &[("hash", Values::Any), ("name", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 326
    Pattern {
        attrs: &[],
        children: &[("iqn", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["iqn"],
    },
    // 327
    Pattern {
        attrs: &[
            ("delay", Values::Any),
            ("enabled", Values::OneOf(V1)),
            ("timeout", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 328
    Pattern {
        attrs: &[
            ("mode", Values::OneOf(V78)),
            ("path", Values::Any),
            ("type", Values::OneOf(V55)),
        ],
        children: &[("reconnect", &[327])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode", "path", "type"],
        required_children: &[],
    },
    // 329
    Pattern {
        attrs: &[("managed", Values::OneOf(V1))],
        children: &[("source", &[328])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 330
    Pattern {
        attrs: &[
            ("type", Values::OneOf(V173)),
            ("usage", Values::Any),
            ("uuid", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 331
    Pattern {
        attrs: &[("type", Values::OneOf(V174))],
        children: &[("parameters", &[332])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 332
    Pattern {
        attrs: &[
            ("instanceid", Values::Any),
            ("managerid", Values::Any),
            ("typeid", Values::Any),
            ("typeidversion", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 333
    Pattern {
        attrs: &[("type", Values::OneOf(V175))],
        children: &[("parameters", &[334])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 334
    Pattern {
        attrs: &[("profileid", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 335
    Pattern {
        attrs: &[("type", Values::OneOf(V176))],
        children: &[("parameters", &[336])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 336
    Pattern {
        attrs: &[("interfaceid", Values::Any), ("profileid", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 337
    Pattern {
        attrs: &[("type", Values::OneOf(V177))],
        children: &[("parameters", &[338])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["parameters"],
    },
    // 338
    Pattern {
        attrs: &[("interfaceid", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["interfaceid"],
        required_children: &[],
    },
    // 339
    Pattern {
        attrs: &[],
        children: &[("parameters", &[340])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 340
    Pattern {
        attrs: &[
            ("instanceid", Values::Any),
            ("interfaceid", Values::Any),
            ("managerid", Values::Any),
            ("profileid", Values::Any),
            ("typeid", Values::Any),
            ("typeidversion", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 341
    Pattern {
        attrs: &[("classID", Values::Any)],
        children: &[("inbound", &[342]), ("outbound", &[342])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 342
    Pattern {
        attrs: &[
            ("average", Values::Any),
            ("burst", Values::Any),
            ("floor", Values::Any),
            ("peak", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 343
    Pattern {
        attrs: &[("trunk", Values::OneOf(V3))],
        children: &[("tag", &[344])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["tag"],
    },
    // 344
    Pattern {
        attrs: &[("id", Values::Any), ("nativeMode", Values::OneOf(V178))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id"],
        required_children: &[],
    },
    // 345
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("family", Values::Any),
            ("gateway", Values::Any),
            ("metric", Values::Any),
            ("netmask", Values::Any),
            ("prefix", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address", "gateway"],
        required_children: &[],
    },
    // 346
    Pattern {
        attrs: &[("isolated", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 347
    Pattern {
        attrs: &[
            ("fallback", Values::OneOf(V179)),
            ("vendor_id", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 348
    Pattern {
        attrs: &[("name", Values::Any), ("policy", Values::OneOf(V180))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "policy"],
        required_children: &[],
    },
    // 349
    Pattern {
        attrs: &[
            ("clusters", Values::Any),
            ("cores", Values::Any),
            ("dies", Values::Any),
            ("sockets", Values::Any),
            ("threads", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cores", "sockets", "threads"],
        required_children: &[],
    },
    // 350
    Pattern {
        attrs: &[],
        children: &[("cell", &[351]), ("interconnects", &[356])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["cell"],
    },
    // 351
    Pattern {
        attrs: &[
            ("cpus", Values::Any),
            ("discard", Values::OneOf(V1)),
            ("id", Values::Any),
            ("memAccess", Values::OneOf(V20)),
            ("memory", Values::Any),
            ("unit", Values::Any),
        ],
        children: &[("cache", &[354]), ("distances", &[352])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["memory"],
        required_children: &[],
    },
    // 352
    Pattern {
        attrs: &[],
        children: &[("sibling", &[353])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["sibling"],
    },
    // 353
    Pattern {
        attrs: &[("id", Values::Any), ("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id", "value"],
        required_children: &[],
    },
    // 354
    Pattern {
        attrs: &[
            ("associativity", Values::OneOf(V181)),
            ("level", Values::Any),
            ("policy", Values::OneOf(V182)),
        ],
        children: &[("line", &[355]), ("size", &[355])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["associativity", "level", "policy"],
        required_children: &["line", "size"],
    },
    // 355
    Pattern {
        attrs: &[("unit", Values::Any), ("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["unit", "value"],
        required_children: &[],
    },
    // 356
    Pattern {
        attrs: &[],
        children: &[("bandwidth", &[358]), ("latency", &[357])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 357
    Pattern {
        attrs: &[
            ("cache", Values::Any),
            ("initiator", Values::Any),
            ("target", Values::Any),
            ("type", Values::OneOf(V183)),
            ("value", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["initiator", "target", "type", "value"],
        required_children: &[],
    },
    // 358
    Pattern {
        attrs: &[
            ("cache", Values::Any),
            ("initiator", Values::Any),
            ("target", Values::Any),
            ("type", Values::OneOf(V183)),
            ("unit", Values::Any),
            ("value", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["initiator", "target", "type", "unit", "value"],
        required_children: &[],
    },
    // 359
    Pattern {
        attrs: &[
            ("level", Values::OneOf(V184)),
            ("mode", Values::OneOf(V185)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 360
    Pattern {
        attrs: &[
            ("bits", Values::Any),
            ("limit", Values::Any),
            ("mode", Values::OneOf(V186)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 361
    Pattern {
        attrs: &[
            ("check", Values::OneOf(V187)),
            ("deprecated_features", Values::OneOf(V16)),
            ("match", Values::OneOf(V188)),
            ("migratable", Values::OneOf(V16)),
            ("mode", Values::OneOf(V189)),
        ],
        children: &[
            ("cache", &[359]),
            ("feature", &[348]),
            ("maxphysaddr", &[360]),
            ("model", &[347]),
            ("numa", &[350]),
            ("topology", &[349]),
            ("vendor", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 362
    Pattern {
        attrs: &[("name", Values::Any), ("value", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "value"],
        required_children: &[],
    },
    // 363
    Pattern {
        attrs: &[
            ("connections", Values::Any),
            ("ipv6", Values::OneOf(V1)),
            ("trustGuestRxFilters", Values::OneOf(V1)),
        ],
        children: &[
            ("bandwidth", &[341]),
            ("bridge", &[364]),
            ("description", &[1]),
            ("dns", &[373]),
            ("domain", &[372]),
            ("forward", &[366]),
            ("ip", &[377]),
            ("mac", &[365]),
            ("metadata", &[321]),
            ("mtu", &[84]),
            ("name", &[1]),
            ("port", &[346]),
            ("portgroup", &[371]),
            ("route", &[345]),
            ("title", &[1]),
            ("uuid", &[1]),
            ("virtualport", &[331, 333, 335, 337, 339]),
            ("vlan", &[343]),
            (
                "{http://libvirt.org/schemas/network/dnsmasq/1.0}options",
                &[384],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["name"],
    },
    // 364
    Pattern {
        attrs: &[
            ("delay", Values::Any),
            ("macTableManager", Values::OneOf(V77)),
            ("name", Values::Any),
            ("stp", Values::OneOf(V16)),
            ("zone", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 365
    Pattern {
        attrs: &[("address", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address"],
        required_children: &[],
    },
    // 366
    Pattern {
        attrs: &[
            ("dev", Values::Any),
            ("managed", Values::OneOf(V1)),
            ("mode", Values::OneOf(V190)),
        ],
        children: &[
            ("address", &[368]),
            ("driver", &[322]),
            ("interface", &[367]),
            ("nat", &[369]),
            ("pf", &[104]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 367
    Pattern {
        attrs: &[("connections", Values::Any), ("dev", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 368
    Pattern {
        attrs: &[
            ("bus", Values::Any),
            ("connections", Values::Any),
            ("domain", Values::Any),
            ("function", Values::Any),
            ("multifunction", Values::OneOf(V16)),
            ("slot", Values::Any),
            ("type", Values::OneOf(V54)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 369
    Pattern {
        attrs: &[("ipv6", Values::OneOf(V1))],
        children: &[("address", &[370]), ("port", &[370])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 370
    Pattern {
        attrs: &[("end", Values::Any), ("start", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["end", "start"],
        required_children: &[],
    },
    // 371
    Pattern {
        attrs: &[
            ("default", Values::OneOf(V1)),
            ("name", Values::Any),
            ("trustGuestRxFilters", Values::OneOf(V1)),
        ],
        children: &[
            ("bandwidth", &[341]),
            ("virtualport", &[331, 333, 335, 337, 339]),
            ("vlan", &[343]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 372
    Pattern {
        attrs: &[
            ("localOnly", Values::OneOf(V1)),
            ("name", Values::Any),
            ("register", Values::OneOf(V1)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 373
    Pattern {
        attrs: &[
            ("enable", Values::OneOf(V1)),
            ("forwardPlainNames", Values::OneOf(V1)),
        ],
        children: &[
            ("forwarder", &[374]),
            ("host", &[376]),
            ("srv", &[375]),
            ("txt", &[362]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 374
    Pattern {
        attrs: &[("addr", Values::Any), ("domain", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 375
    Pattern {
        attrs: &[
            ("domain", Values::Any),
            ("port", Values::Any),
            ("priority", Values::Any),
            ("protocol", Values::Any),
            ("service", Values::Any),
            ("target", Values::Any),
            ("weight", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["protocol", "service"],
        required_children: &[],
    },
    // 376
    Pattern {
        attrs: &[("ip", Values::Any)],
        children: &[("hostname", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["ip"],
        required_children: &["hostname"],
    },
    // 377
    Pattern {
        attrs: &[
            ("address", Values::Any),
            ("family", Values::Any),
            ("localPtr", Values::OneOf(V1)),
            ("netmask", Values::Any),
            ("prefix", Values::Any),
        ],
        children: &[("dhcp", &[379]), ("tftp", &[378])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 378
    Pattern {
        attrs: &[("root", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["root"],
        required_children: &[],
    },
    // 379
    Pattern {
        attrs: &[],
        children: &[("bootp", &[383]), ("host", &[382]), ("range", &[380])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 380
    Pattern {
        attrs: &[("end", Values::Any), ("start", Values::Any)],
        children: &[("lease", &[381])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["end", "start"],
        required_children: &[],
    },
    // 381
    Pattern {
        attrs: &[("expiry", Values::Any), ("unit", Values::OneOf(V191))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["expiry"],
        required_children: &[],
    },
    // 382
    Pattern {
        attrs: &[
            ("id", Values::Any),
            ("ip", Values::Any),
            ("mac", Values::Any),
            ("name", Values::Any),
        ],
        children: &[("lease", &[381])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["ip"],
        required_children: &[],
    },
    // 383
    Pattern {
        attrs: &[("file", Values::Any), ("server", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["file"],
        required_children: &[],
    },
    // 384
    Pattern {
        attrs: &[],
        children: &[(
            "{http://libvirt.org/schemas/network/dnsmasq/1.0}option",
            &[301],
        )],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 385
    Pattern {
        attrs: &[],
        children: &[
            ("bandwidth", &[341]),
            ("group", &[1]),
            ("mac", &[365]),
            ("owner", &[386]),
            ("plug", &[388]),
            ("port", &[346]),
            ("rxfilters", &[387]),
            ("uuid", &[1]),
            ("virtualport", &[331, 333, 335, 337, 339]),
            ("vlan", &[343]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["mac", "owner", "uuid"],
    },
    // 386
    Pattern {
        attrs: &[],
        children: &[("name", &[1]), ("uuid", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["name", "uuid"],
    },
    // 387
    Pattern {
        attrs: &[("trustGuest", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["trustGuest"],
        required_children: &[],
    },
    // 388
    Pattern {
        attrs: &[
            ("bridge", Values::Any),
            ("dev", Values::Any),
            ("macTableManager", Values::OneOf(V77)),
            ("managed", Values::OneOf(V1)),
            ("mode", Values::OneOf(V192)),
            ("type", Values::OneOf(V193)),
        ],
        children: &[("address", &[102]), ("driver", &[322])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 389
    Pattern {
        attrs: &[("type", Values::OneOf(V194))],
        children: &[
            ("allocation", &[26]),
            ("available", &[26]),
            ("capacity", &[26]),
            ("features", &[390]),
            ("name", &[1]),
            ("refresh", &[416]),
            (
                "source",
                &[
                    30, 397, 398, 403, 404, 405, 408, 409, 410, 411, 412, 413, 414, 415,
                ],
            ),
            ("target", &[392, 393]),
            ("uuid", &[1]),
            (
                "{http://libvirt.org/schemas/storagepool/fs/1.0}mount_opts",
                &[418],
            ),
            (
                "{http://libvirt.org/schemas/storagepool/rbd/1.0}config_opts",
                &[419],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 390
    Pattern {
        attrs: &[],
        children: &[("cow", &[391])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 391
    Pattern {
        attrs: &[("state", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["state"],
        required_children: &[],
    },
    // 392
    Pattern {
        attrs: &[],
        children: &[("path", &[1]), ("permissions", &[420])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["path"],
    },
    // 393
    Pattern {
        attrs: &[],
        children: &[("path", &[1]), ("permissions", &[420])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 394
    Pattern {
        attrs: &[("part_separator", Values::OneOf(V1)), ("path", Values::Any)],
        children: &[("freeExtent", &[370])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["path"],
        required_children: &[],
    },
    // 395
    Pattern {
        attrs: &[("type", Values::OneOf(V195)), ("username", Values::Any)],
        children: &[("secret", &[396])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type", "username"],
        required_children: &["secret"],
    },
    // 396
    Pattern {
        attrs: &[("usage", Values::Any), ("uuid", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 397
    Pattern {
        attrs: &[],
        children: &[("device", &[394]), ("name", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["name"],
    },
    // 398
    Pattern {
        attrs: &[],
        children: &[("name", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["name"],
    },
    // 399
    Pattern {
        attrs: &[("type", Values::OneOf(V196))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 400
    Pattern {
        attrs: &[("type", Values::OneOf(V197))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 401
    Pattern {
        attrs: &[("type", Values::OneOf(V198))],
        children: &[("product", &[65]), ("vendor", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 402
    Pattern {
        attrs: &[("type", Values::OneOf(V199))],
        children: &[("product", &[65]), ("vendor", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 403
    Pattern {
        attrs: &[],
        children: &[("product", &[65]), ("vendor", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 404
    Pattern {
        attrs: &[],
        children: &[
            ("device", &[394]),
            ("format", &[399]),
            ("product", &[65]),
            ("vendor", &[65]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["device"],
    },
    // 405
    Pattern {
        attrs: &[],
        children: &[
            ("dir", &[92]),
            ("format", &[400, 407]),
            ("host", &[231]),
            ("product", &[65]),
            ("protocol", &[406]),
            ("vendor", &[65]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["dir", "host"],
    },
    // 406
    Pattern {
        attrs: &[("ver", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["ver"],
        required_children: &[],
    },
    // 407
    Pattern {
        attrs: &[("type", Values::OneOf(V200))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 408
    Pattern {
        attrs: &[],
        children: &[
            ("device", &[394]),
            ("format", &[402]),
            ("name", &[1]),
            ("product", &[65]),
            ("vendor", &[65]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 409
    Pattern {
        attrs: &[],
        children: &[
            ("device", &[394]),
            ("format", &[401]),
            ("product", &[65]),
            ("vendor", &[65]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["device"],
    },
    // 410
    Pattern {
        attrs: &[],
        children: &[
            ("auth", &[395]),
            ("device", &[394]),
            ("host", &[231]),
            ("initiator", &[326]),
            ("product", &[65]),
            ("vendor", &[65]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["device", "host"],
    },
    // 411
    Pattern {
        attrs: &[],
        children: &[
            ("auth", &[395]),
            ("device", &[92]),
            ("host", &[231]),
            ("initiator", &[326]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["device", "host", "initiator"],
    },
    // 412
    Pattern {
        attrs: &[],
        children: &[("adapter", &[319]), ("product", &[65]), ("vendor", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["adapter"],
    },
    // 413
    Pattern {
        attrs: &[],
        children: &[("auth", &[395]), ("host", &[231]), ("name", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["host", "name"],
    },
    // 414
    Pattern {
        attrs: &[],
        children: &[("host", &[231]), ("name", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["host", "name"],
    },
    // 415
    Pattern {
        attrs: &[],
        children: &[("dir", &[92]), ("host", &[231]), ("name", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["host", "name"],
    },
    // 416
    Pattern {
        attrs: &[],
        children: &[("volume", &[417])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 417
    Pattern {
        attrs: &[("allocation", Values::OneOf(V201))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 418
    Pattern {
        attrs: &[],
        children: &[(
            "{http://libvirt.org/schemas/storagepool/fs/1.0}option",
            &[65],
        )],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 419
    Pattern {
        attrs: &[],
        children: &[(
            "{http://libvirt.org/schemas/storagepool/rbd/1.0}option",
            &[362],
        )],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 420
    Pattern {
        attrs: &[],
        children: &[
            ("group", &[1]),
            ("label", &[1]),
            ("mode", &[1]),
            ("owner", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 421
    Pattern {
        attrs: &[("type", Values::OneOf(V202))],
        children: &[
            ("allocation", &[26]),
            ("backingStore", &[424]),
            ("capacity", &[26]),
            ("key", &[1]),
            ("name", &[1]),
            ("physical", &[26]),
            ("source", &[425]),
            ("target", &[423]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["name", "target"],
    },
    // 422
    Pattern {
        attrs: &[],
        children: &[
            ("atime", &[1]),
            ("btime", &[1]),
            ("ctime", &[1]),
            ("mtime", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 423
    Pattern {
        attrs: &[],
        children: &[
            ("clusterSize", &[26]),
            ("compat", &[1]),
            ("encryption", &[323]),
            ("features", &[428]),
            ("format", &[427]),
            ("nocow", &[30]),
            ("path", &[1]),
            ("permissions", &[420]),
            ("timestamps", &[422]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 424
    Pattern {
        attrs: &[],
        children: &[
            ("format", &[427]),
            ("path", &[1]),
            ("permissions", &[420]),
            ("timestamps", &[422]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["path"],
    },
    // 425
    Pattern {
        attrs: &[],
        children: &[("device", &[426])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 426
    Pattern {
        attrs: &[("path", Values::Any)],
        children: &[("extent", &[370])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["path"],
        required_children: &[],
    },
    // 427
    Pattern {
        attrs: &[("type", Values::OneOf(V203))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 428
    Pattern {
        attrs: &[],
        children: &[("extended_l2", &[30]), ("lazy_refcounts", &[30])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 429
    Pattern {
        attrs: &[],
        children: &[
            ("capability", &[432]),
            ("devnode", &[430]),
            ("driver", &[398]),
            ("name", &[1]),
            ("parent", &[431]),
            ("path", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["name"],
    },
    // 430
    Pattern {
        attrs: &[("type", Values::OneOf(V204))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["type"],
        required_children: &[],
    },
    // 431
    Pattern {
        attrs: &[
            ("fabric_wwn", Values::Any),
            ("wwnn", Values::Any),
            ("wwpn", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 432
    Pattern {
        attrs: &[("type", Values::OneOf(V205))],
        children: &[
            ("address", &[1]),
            ("ap-adapter", &[1]),
            ("ap-domain", &[1]),
            ("attr", &[362]),
            ("block", &[1]),
            ("bus", &[1]),
            (
                "capability",
                &[436, 437, 438, 443, 444, 445, 446, 447, 454, 455, 458, 461],
            ),
            ("channel_dev_addr", &[456]),
            ("char", &[1]),
            ("chardev", &[1]),
            ("class", &[1]),
            ("cssid", &[1]),
            ("description", &[1]),
            ("device", &[1]),
            ("devno", &[1]),
            ("domain", &[1]),
            ("drive_type", &[1]),
            ("feature", &[65]),
            ("firmware", &[434]),
            ("function", &[1]),
            ("hardware", &[433]),
            ("host", &[1]),
            ("interface", &[1]),
            ("iommuGroup", &[439, 450]),
            ("link", &[465]),
            ("logical_block_size", &[1]),
            ("lun", &[1]),
            ("members", &[452]),
            ("model", &[1]),
            ("num_blocks", &[1]),
            ("numa", &[440]),
            ("number", &[1]),
            ("parent_addr", &[1]),
            ("pci-express", &[441]),
            ("product", &[1, 435]),
            ("protocol", &[1]),
            ("serial", &[1]),
            ("size", &[1]),
            ("slot", &[1]),
            ("ssid", &[1]),
            ("state", &[451]),
            ("subclass", &[1]),
            ("target", &[1]),
            ("type", &[1, 110, 449]),
            ("unique_id", &[1]),
            ("uuid", &[1]),
            ("vendor", &[1, 435]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 433
    Pattern {
        attrs: &[],
        children: &[
            ("serial", &[1]),
            ("uuid", &[1]),
            ("vendor", &[1]),
            ("version", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["uuid"],
    },
    // 434
    Pattern {
        attrs: &[],
        children: &[("release_date", &[1]), ("vendor", &[1]), ("version", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 435
    Pattern {
        attrs: &[("id", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["id"],
        required_children: &[],
    },
    // 436
    Pattern {
        attrs: &[("type", Values::OneOf(V206))],
        children: &[("address", &[457])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 437
    Pattern {
        attrs: &[("maxCount", Values::Any), ("type", Values::OneOf(V207))],
        children: &[("address", &[457])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 438
    Pattern {
        attrs: &[("type", Values::OneOf(V208))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 439
    Pattern {
        attrs: &[("number", Values::Any)],
        children: &[("address", &[457])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["number"],
        required_children: &["address"],
    },
    // 440
    Pattern {
        attrs: &[("node", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 441
    Pattern {
        attrs: &[],
        children: &[("link", &[442])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 442
    Pattern {
        attrs: &[
            ("port", Values::Any),
            ("speed", Values::Any),
            ("validity", Values::OneOf(V209)),
            ("width", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["validity", "width"],
        required_children: &[],
    },
    // 443
    Pattern {
        attrs: &[("type", Values::OneOf(V210))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 444
    Pattern {
        attrs: &[("type", Values::OneOf(V211))],
        children: &[
            ("fabric_wwn", &[1]),
            ("max_vports", &[1]),
            ("vports", &[1]),
            ("wwnn", &[1]),
            ("wwpn", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 445
    Pattern {
        attrs: &[("type", Values::OneOf(V212))],
        children: &[("rport", &[1]), ("wwpn", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["rport", "wwpn"],
    },
    // 446
    Pattern {
        attrs: &[("type", Values::OneOf(V213))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 447
    Pattern {
        attrs: &[("type", Values::OneOf(V214))],
        children: &[
            ("logical_block_size", &[1]),
            ("media_available", &[448]),
            ("media_label", &[1]),
            ("media_size", &[1]),
            ("num_blocks", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["media_available", "media_size"],
    },
    // 448
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V215)),
        required_attrs: &[],
        required_children: &[],
    },
    // 449
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V216)),
        required_attrs: &[],
        required_children: &[],
    },
    // 450
    Pattern {
        attrs: &[("number", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["number"],
        required_children: &[],
    },
    // 451
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V217)),
        required_attrs: &[],
        required_children: &[],
    },
    // 452
    Pattern {
        attrs: &[],
        children: &[("ccw_device", &[453])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["ccw_device"],
    },
    // 453
    Pattern {
        attrs: &[("ref", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["ref"],
        required_children: &[],
    },
    // 454
    Pattern {
        attrs: &[("type", Values::OneOf(V218))],
        children: &[("card_type", &[1]), ("chpid", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["card_type", "chpid"],
    },
    // 455
    Pattern {
        attrs: &[("type", Values::OneOf(V219))],
        children: &[("group_device", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["group_device"],
    },
    // 456
    Pattern {
        attrs: &[],
        children: &[("cssid", &[1]), ("devno", &[1]), ("ssid", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["cssid", "devno", "ssid"],
    },
    // 457
    Pattern {
        attrs: &[
            ("bus", Values::Any),
            ("domain", Values::Any),
            ("function", Values::Any),
            ("slot", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["bus", "domain", "function", "slot"],
        required_children: &[],
    },
    // 458
    Pattern {
        attrs: &[("type", Values::OneOf(V220))],
        children: &[("type", &[459])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["type"],
    },
    // 459
    Pattern {
        attrs: &[("id", Values::Any)],
        children: &[
            ("availableInstances", &[1]),
            ("deviceAPI", &[460]),
            ("name", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id"],
        required_children: &["availableInstances", "deviceAPI"],
    },
    // 460
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V221)),
        required_attrs: &[],
        required_children: &[],
    },
    // 461
    Pattern {
        attrs: &[("type", Values::OneOf(V222))],
        children: &[("fields", &[462, 464]), ("name", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["name"],
    },
    // 462
    Pattern {
        attrs: &[("access", Values::OneOf(V223))],
        children: &[
            ("change_level", &[1]),
            ("manufacture_id", &[1]),
            ("part_number", &[1]),
            ("serial_number", &[1]),
            ("vendor_field", &[463]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["access"],
        required_children: &[],
    },
    // 463
    Pattern {
        attrs: &[("index", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["index"],
        required_children: &[],
    },
    // 464
    Pattern {
        attrs: &[("access", Values::OneOf(V224))],
        children: &[
            ("asset_tag", &[1]),
            ("system_field", &[463]),
            ("vendor_field", &[463]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["access"],
        required_children: &[],
    },
    // 465
    Pattern {
        attrs: &[("speed", Values::Any), ("state", Values::OneOf(V225))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 466
    Pattern {
        attrs: &[
            ("ephemeral", Values::OneOf(V1)),
            ("private", Values::OneOf(V1)),
        ],
        children: &[("description", &[1]), ("usage", &[467]), ("uuid", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 467
    Pattern {
        attrs: &[("type", Values::OneOf(V226))],
        children: &[("name", &[1]), ("target", &[1]), ("volume", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 468
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V227))],
        children: &[("link", &[465]), ("mac", &[365])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "type"],
        required_children: &[],
    },
    // 469
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V227))],
        children: &[
            ("link", &[465]),
            ("mac", &[365]),
            ("mtu", &[84]),
            ("protocol", &[481, 484]),
            ("start", &[480]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "type"],
        required_children: &[],
    },
    // 470
    Pattern {
        attrs: &[("tag", Values::Any)],
        children: &[("interface", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["tag"],
        required_children: &["interface"],
    },
    // 471
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V228))],
        children: &[("link", &[465]), ("vlan", &[470])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["vlan"],
    },
    // 472
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V228))],
        children: &[
            ("link", &[465]),
            ("mtu", &[84]),
            ("protocol", &[481, 484]),
            ("start", &[480]),
            ("vlan", &[470]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["vlan"],
    },
    // 473
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V229))],
        children: &[
            ("bridge", &[474]),
            ("mtu", &[84]),
            ("protocol", &[481, 484]),
            ("start", &[480]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "type"],
        required_children: &["bridge"],
    },
    // 474
    Pattern {
        attrs: &[("delay", Values::Any), ("stp", Values::OneOf(V16))],
        children: &[("interface", &[468, 471, 478])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 475
    Pattern {
        attrs: &[("mode", Values::OneOf(V230))],
        children: &[
            ("arpmon", &[477]),
            ("interface", &[468]),
            ("miimon", &[476]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["interface"],
    },
    // 476
    Pattern {
        attrs: &[
            ("carrier", Values::OneOf(V231)),
            ("downdelay", Values::Any),
            ("freq", Values::Any),
            ("updelay", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["freq"],
        required_children: &[],
    },
    // 477
    Pattern {
        attrs: &[
            ("interval", Values::Any),
            ("target", Values::Any),
            ("validate", Values::OneOf(V232)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["interval", "target"],
        required_children: &[],
    },
    // 478
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V233))],
        children: &[("bond", &[475]), ("link", &[465])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "type"],
        required_children: &["bond"],
    },
    // 479
    Pattern {
        attrs: &[("name", Values::Any), ("type", Values::OneOf(V233))],
        children: &[
            ("bond", &[475]),
            ("link", &[465]),
            ("mtu", &[84]),
            ("protocol", &[481, 484]),
            ("start", &[480]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "type"],
        required_children: &["bond"],
    },
    // 480
    Pattern {
        attrs: &[("mode", Values::OneOf(V234))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["mode"],
        required_children: &[],
    },
    // 481
    Pattern {
        attrs: &[("family", Values::OneOf(V235))],
        children: &[("dhcp", &[485]), ("ip", &[482]), ("route", &[483])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["family"],
        required_children: &[],
    },
    // 482
    Pattern {
        attrs: &[("address", Values::Any), ("prefix", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["address"],
        required_children: &[],
    },
    // 483
    Pattern {
        attrs: &[("gateway", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["gateway"],
        required_children: &[],
    },
    // 484
    Pattern {
        attrs: &[("family", Values::OneOf(V236))],
        children: &[
            ("autoconf", &[30]),
            ("dhcp", &[485]),
            ("ip", &[482]),
            ("route", &[483]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["family"],
        required_children: &[],
    },
    // 485
    Pattern {
        attrs: &[("peerdns", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 486
    Pattern {
        attrs: &[
            ("chain", Values::Any),
            ("name", Values::Any),
            ("priority", Values::Any),
        ],
        children: &[("filterref", &[148]), ("rule", &[487]), ("uuid", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 487
    Pattern {
        attrs: &[
            ("action", Values::OneOf(V237)),
            ("direction", Values::OneOf(V238)),
            ("priority", Values::Any),
            ("statematch", Values::Any),
        ],
        children: &[
            ("ah", &[497]),
            ("ah-ipv6", &[501]),
            ("all", &[497]),
            ("all-ipv6", &[501]),
            ("arp", &[491]),
            ("esp", &[497]),
            ("esp-ipv6", &[501]),
            ("icmp", &[496]),
            ("icmpv6", &[500]),
            ("igmp", &[497]),
            ("ip", &[492]),
            ("ipv6", &[493]),
            ("mac", &[488]),
            ("rarp", &[491]),
            ("sctp", &[495]),
            ("sctp-ipv6", &[499]),
            ("stp", &[490]),
            ("tcp", &[494]),
            ("tcp-ipv6", &[498]),
            ("udp", &[495]),
            ("udp-ipv6", &[499]),
            ("udplite", &[497]),
            ("udplite-ipv6", &[501]),
            ("vlan", &[489]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["action", "direction"],
        required_children: &[],
    },
    // 488
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("dstmacaddr", Values::Any),
            ("dstmacmask", Values::Any),
            ("match", Values::OneOf(V1)),
            ("protocolid", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcmacmask", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 489
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("dstmacaddr", Values::Any),
            ("dstmacmask", Values::Any),
            ("encap-protocol", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcmacaddr", Values::Any),
            ("srcmacmask", Values::Any),
            ("vlanid", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 490
    Pattern {
        attrs: &[
            ("age", Values::Any),
            ("age-hi", Values::Any),
            ("comment", Values::Any),
            ("flags", Values::Any),
            ("forward-delay", Values::Any),
            ("forward-delay-hi", Values::Any),
            ("hello-time", Values::Any),
            ("hello-time-hi", Values::Any),
            ("match", Values::OneOf(V1)),
            ("max-age", Values::Any),
            ("max-age-hi", Values::Any),
            ("port", Values::Any),
            ("port-hi", Values::Any),
            ("root-address", Values::Any),
            ("root-address-mask", Values::Any),
            ("root-cost", Values::Any),
            ("root-cost-hi", Values::Any),
            ("root-priority", Values::Any),
            ("root-priority-hi", Values::Any),
            ("sender-address", Values::Any),
            ("sender-address-mask", Values::Any),
            ("sender-priority", Values::Any),
            ("sender-priority-hi", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcmacmask", Values::Any),
            ("type", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 491
    Pattern {
        attrs: &[
            ("arpdstipaddr", Values::Any),
            ("arpdstmacaddr", Values::Any),
            ("arpsrcipaddr", Values::Any),
            ("arpsrcmacaddr", Values::Any),
            ("comment", Values::Any),
            ("dstmacaddr", Values::Any),
            ("dstmacmask", Values::Any),
            ("gratuitous", Values::OneOf(V239)),
            ("hwtype", Values::Any),
            ("match", Values::OneOf(V1)),
            ("opcode", Values::Any),
            ("protocoltype", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcmacmask", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 492
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipmask", Values::Any),
            ("dstmacaddr", Values::Any),
            ("dstmacmask", Values::Any),
            ("dstportend", Values::Any),
            ("dstportstart", Values::Any),
            ("match", Values::OneOf(V1)),
            ("protocol", Values::Any),
            ("srcipaddr", Values::Any),
            ("srcipmask", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcmacmask", Values::Any),
            ("srcportend", Values::Any),
            ("srcportstart", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 493
    Pattern {
        attrs: &[
            ("code", Values::Any),
            ("codeend", Values::Any),
            ("comment", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipmask", Values::Any),
            ("dstmacaddr", Values::Any),
            ("dstmacmask", Values::Any),
            ("dstportend", Values::Any),
            ("dstportstart", Values::Any),
            ("match", Values::OneOf(V1)),
            ("protocol", Values::Any),
            ("srcipaddr", Values::Any),
            ("srcipmask", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcmacmask", Values::Any),
            ("srcportend", Values::Any),
            ("srcportstart", Values::Any),
            ("type", Values::Any),
            ("typeend", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 494
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("connlimit-above", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("dstportend", Values::Any),
            ("dstportstart", Values::Any),
            ("flags", Values::Any),
            ("ipset", Values::Any),
            ("ipsetflags", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcportend", Values::Any),
            ("srcportstart", Values::Any),
            ("state", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 495
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("connlimit-above", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("dstportend", Values::Any),
            ("dstportstart", Values::Any),
            ("ipset", Values::Any),
            ("ipsetflags", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcportend", Values::Any),
            ("srcportstart", Values::Any),
            ("state", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 496
    Pattern {
        attrs: &[
            ("code", Values::Any),
            ("comment", Values::Any),
            ("connlimit-above", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("ipset", Values::Any),
            ("ipsetflags", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
            ("state", Values::Any),
            ("type", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 497
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("connlimit-above", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("ipset", Values::Any),
            ("ipsetflags", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
            ("state", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 498
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("dstportend", Values::Any),
            ("dstportstart", Values::Any),
            ("flags", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcportend", Values::Any),
            ("srcportstart", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 499
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("dstportend", Values::Any),
            ("dstportstart", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
            ("srcportend", Values::Any),
            ("srcportstart", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 500
    Pattern {
        attrs: &[
            ("code", Values::Any),
            ("comment", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
            ("type", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 501
    Pattern {
        attrs: &[
            ("comment", Values::Any),
            ("dscp", Values::Any),
            ("dstipaddr", Values::Any),
            ("dstipfrom", Values::Any),
            ("dstipmask", Values::Any),
            ("dstipto", Values::Any),
            ("match", Values::OneOf(V1)),
            ("srcipaddr", Values::Any),
            ("srcipfrom", Values::Any),
            ("srcipmask", Values::Any),
            ("srcipto", Values::Any),
            ("srcmacaddr", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 502
    Pattern {
        attrs: &[],
        children: &[
            ("filterref", &[148]),
            ("linkdev", &[65]),
            ("mac", &[365]),
            ("owner", &[386]),
            ("portdev", &[65]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["filterref", "mac", "owner", "portdev"],
    },
    // 503
    Pattern {
        attrs: &[],
        children: &[("guest", &[524]), ("host", &[504])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["host"],
    },
    // 504
    Pattern {
        attrs: &[],
        children: &[
            ("cache", &[517]),
            ("cpu", &[533]),
            ("iommu", &[508]),
            ("memory_bandwidth", &[520]),
            ("migration_features", &[509]),
            ("power_management", &[507]),
            ("secmodel", &[505]),
            ("topology", &[512]),
            ("uuid", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["cpu"],
    },
    // 505
    Pattern {
        attrs: &[],
        children: &[("baselabel", &[506]), ("doi", &[1]), ("model", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["doi", "model"],
    },
    // 506
    Pattern {
        attrs: &[("type", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["type"],
        required_children: &[],
    },
    // 507
    Pattern {
        attrs: &[],
        children: &[
            ("suspend_disk", &[30]),
            ("suspend_hybrid", &[30]),
            ("suspend_mem", &[30]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 508
    Pattern {
        attrs: &[("support", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 509
    Pattern {
        attrs: &[],
        children: &[("live", &[30]), ("uri_transports", &[510])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 510
    Pattern {
        attrs: &[],
        children: &[("uri_transport", &[511])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["uri_transport"],
    },
    // 511
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V240)),
        required_attrs: &[],
        required_children: &[],
    },
    // 512
    Pattern {
        attrs: &[],
        children: &[("cells", &[513]), ("interconnects", &[356])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["cells"],
    },
    // 513
    Pattern {
        attrs: &[("num", Values::Any)],
        children: &[("cell", &[514])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["num"],
        required_children: &["cell"],
    },
    // 514
    Pattern {
        attrs: &[("id", Values::Any)],
        children: &[
            ("cache", &[354]),
            ("cpus", &[515]),
            ("distances", &[352]),
            ("memory", &[26]),
            ("pages", &[532]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id"],
        required_children: &[],
    },
    // 515
    Pattern {
        attrs: &[("num", Values::Any)],
        children: &[("cpu", &[516])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["num"],
        required_children: &[],
    },
    // 516
    Pattern {
        attrs: &[
            ("cluster_id", Values::Any),
            ("core_id", Values::Any),
            ("die_id", Values::Any),
            ("id", Values::Any),
            ("siblings", Values::Any),
            ("socket_id", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["id"],
        required_children: &[],
    },
    // 517
    Pattern {
        attrs: &[],
        children: &[("bank", &[518]), ("monitor", &[523])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["bank"],
    },
    // 518
    Pattern {
        attrs: &[
            ("cpus", Values::Any),
            ("id", Values::Any),
            ("level", Values::Any),
            ("size", Values::Any),
            ("type", Values::OneOf(V24)),
            ("unit", Values::Any),
        ],
        children: &[("control", &[519])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cpus", "id", "level", "size", "type", "unit"],
        required_children: &[],
    },
    // 519
    Pattern {
        attrs: &[
            ("granularity", Values::Any),
            ("maxAllocs", Values::Any),
            ("min", Values::Any),
            ("type", Values::OneOf(V24)),
            ("unit", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["granularity", "maxAllocs", "type", "unit"],
        required_children: &[],
    },
    // 520
    Pattern {
        attrs: &[],
        children: &[("monitor", &[523]), ("node", &[521])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["node"],
    },
    // 521
    Pattern {
        attrs: &[("cpus", Values::Any), ("id", Values::Any)],
        children: &[("control", &[522])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["cpus", "id"],
        required_children: &[],
    },
    // 522
    Pattern {
        attrs: &[
            ("granularity", Values::Any),
            ("maxAllocs", Values::Any),
            ("min", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["granularity", "maxAllocs"],
        required_children: &[],
    },
    // 523
    Pattern {
        attrs: &[
            ("level", Values::Any),
            ("maxMonitors", Values::Any),
            ("reuseThreshold", Values::Any),
        ],
        children: &[("feature", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["maxMonitors"],
        required_children: &["feature"],
    },
    // 524
    Pattern {
        attrs: &[],
        children: &[("arch", &[526]), ("features", &[530]), ("os_type", &[525])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["arch", "os_type"],
    },
    // 525
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V241)),
        required_attrs: &[],
        required_children: &[],
    },
    // 526
    Pattern {
        attrs: &[("name", Values::OneOf(V12))],
        children: &[
            ("domain", &[529]),
            ("emulator", &[1]),
            ("loader", &[1]),
            ("machine", &[528]),
            ("wordsize", &[527]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &["domain", "wordsize"],
    },
    // 527
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V242)),
        required_attrs: &[],
        required_children: &[],
    },
    // 528
    Pattern {
        attrs: &[
            ("canonical", Values::Any),
            ("deprecated", Values::OneOf(V1)),
            ("maxCpus", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &[],
        required_children: &[],
    },
    // 529
    Pattern {
        attrs: &[("type", Values::OneOf(V243))],
        children: &[("emulator", &[1]), ("machine", &[528])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &[],
    },
    // 530
    Pattern {
        attrs: &[],
        children: &[
            ("acpi", &[531]),
            ("apic", &[531]),
            ("cpuselection", &[30]),
            ("deviceboot", &[30]),
            ("disksnapshot", &[531]),
            ("externalSnapshot", &[30]),
            ("hap", &[531]),
            ("ia64_be", &[30]),
            ("nonpae", &[30]),
            ("pae", &[30]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 531
    Pattern {
        attrs: &[
            ("default", Values::OneOf(V16)),
            ("toggle", Values::OneOf(V1)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["default", "toggle"],
        required_children: &[],
    },
    // 532
    Pattern {
        attrs: &[("size", Values::Any), ("unit", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["size"],
        required_children: &[],
    },
    // 533
    Pattern {
        attrs: &[],
        children: &[
            ("arch", &[534]),
            ("counter", &[538]),
            ("feature", &[65]),
            ("features", &[535]),
            ("maxphysaddr", &[360]),
            ("microcode", &[536]),
            ("model", &[1]),
            ("pages", &[539]),
            ("signature", &[537]),
            ("topology", &[349]),
            ("vendor", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["arch"],
    },
    // 534
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V12)),
        required_attrs: &[],
        required_children: &[],
    },
    // 535
    Pattern {
        attrs: &[],
        children: &[
            ("nonpae", &[30]),
            ("pae", &[30]),
            ("svm", &[30]),
            ("vmx", &[30]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 536
    Pattern {
        attrs: &[("version", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["version"],
        required_children: &[],
    },
    // 537
    Pattern {
        attrs: &[
            ("family", Values::Any),
            ("model", Values::Any),
            ("stepping", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["family", "model", "stepping"],
        required_children: &[],
    },
    // 538
    Pattern {
        attrs: &[
            ("frequency", Values::Any),
            ("name", Values::Any),
            ("scaling", Values::OneOf(V1)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["frequency", "name", "scaling"],
        required_children: &[],
    },
    // 539
    Pattern {
        attrs: &[("size", Values::Any), ("unit", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["size"],
        required_children: &[],
    },
    // 540
    Pattern {
        attrs: &[],
        children: &[
            ("arch", &[1]),
            ("cpu", &[545]),
            ("devices", &[553]),
            ("domain", &[1]),
            ("features", &[554]),
            ("iothreads", &[542]),
            ("machine", &[1]),
            ("memoryBacking", &[552]),
            ("os", &[544]),
            ("path", &[1]),
            ("vcpu", &[541]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["arch", "domain"],
    },
    // 541
    Pattern {
        attrs: &[("max", Values::Any)],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["max"],
        required_children: &[],
    },
    // 542
    Pattern {
        attrs: &[("supported", Values::OneOf(V1))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["supported"],
        required_children: &[],
    },
    // 543
    Pattern {
        attrs: &[("supported", Values::OneOf(V1))],
        children: &[("enum", &[561]), ("value", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["supported"],
        required_children: &[],
    },
    // 544
    Pattern {
        attrs: &[("supported", Values::OneOf(V1))],
        children: &[("enum", &[561]), ("loader", &[543])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["supported"],
        required_children: &[],
    },
    // 545
    Pattern {
        attrs: &[],
        children: &[("mode", &[546, 547, 548, 549])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["mode"],
    },
    // 546
    Pattern {
        attrs: &[
            ("name", Values::OneOf(V244)),
            ("supported", Values::OneOf(V1)),
        ],
        children: &[("enum", &[561])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "supported"],
        required_children: &[],
    },
    // 547
    Pattern {
        attrs: &[
            ("name", Values::OneOf(V245)),
            ("supported", Values::OneOf(V1)),
        ],
        children: &[("enum", &[561])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "supported"],
        required_children: &[],
    },
    // 548
    Pattern {
        attrs: &[
            ("name", Values::OneOf(V246)),
            ("supported", Values::OneOf(V1)),
        ],
        children: &[
            ("feature", &[348]),
            ("maxphysaddr", &[360]),
            ("model", &[347]),
            ("vendor", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "supported"],
        required_children: &[],
    },
    // 549
    Pattern {
        attrs: &[
            ("name", Values::OneOf(V247)),
            ("supported", Values::OneOf(V1)),
        ],
        children: &[("blockers", &[551]), ("model", &[550])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name", "supported"],
        required_children: &[],
    },
    // 550
    Pattern {
        attrs: &[
            ("canonical", Values::Any),
            ("deprecated", Values::OneOf(V1)),
            ("usable", Values::OneOf(V248)),
            ("vendor", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["usable", "vendor"],
        required_children: &[],
    },
    // 551
    Pattern {
        attrs: &[("model", Values::Any)],
        children: &[("feature", &[65])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["model"],
        required_children: &["feature"],
    },
    // 552
    Pattern {
        attrs: &[("supported", Values::OneOf(V1))],
        children: &[("enum", &[561])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["supported"],
        required_children: &[],
    },
    // 553
    Pattern {
        attrs: &[],
        children: &[
            ("channel", &[552]),
            ("crypto", &[552]),
            ("disk", &[552]),
            ("filesystem", &[552]),
            ("graphics", &[552]),
            ("hostdev", &[552]),
            ("interface", &[552]),
            ("panic", &[552]),
            ("redirdev", &[552]),
            ("rng", &[552]),
            ("tpm", &[552]),
            ("video", &[552]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 554
    Pattern {
        attrs: &[],
        children: &[
            ("async-teardown", &[542]),
            ("backingStoreInput", &[542]),
            ("backup", &[542]),
            ("genid", &[542]),
            ("gic", &[552]),
            ("hyperv", &[552]),
            ("launchSecurity", &[552]),
            ("ps2", &[542]),
            ("s390-pv", &[542]),
            ("sev", &[555]),
            ("sgx", &[556]),
            ("vmcoreinfo", &[542]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 555
    Pattern {
        attrs: &[("supported", Values::OneOf(V1))],
        children: &[
            ("cbitpos", &[1]),
            ("cpu0Id", &[1]),
            ("maxESGuests", &[1]),
            ("maxGuests", &[1]),
            ("reducedPhysBits", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["supported"],
        required_children: &[],
    },
    // 556
    Pattern {
        attrs: &[("supported", Values::OneOf(V1))],
        children: &[
            ("flc", &[557]),
            ("section_size", &[558]),
            ("sections", &[559]),
            ("sgx1", &[557]),
            ("sgx2", &[557]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["supported"],
        required_children: &[],
    },
    // 557
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V1)),
        required_attrs: &[],
        required_children: &[],
    },
    // 558
    Pattern {
        attrs: &[("unit", Values::OneOf(V249))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::Any),
        required_attrs: &["unit"],
        required_children: &[],
    },
    // 559
    Pattern {
        attrs: &[],
        children: &[("section", &[560])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 560
    Pattern {
        attrs: &[
            ("node", Values::Any),
            ("size", Values::Any),
            ("unit", Values::OneOf(V249)),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["node", "size", "unit"],
        required_children: &[],
    },
    // 561
    Pattern {
        attrs: &[("name", Values::Any)],
        children: &[("value", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 562
    Pattern {
        attrs: &[],
        children: &[
            ("active", &[448]),
            ("cookie", &[321]),
            ("creationTime", &[1]),
            ("description", &[1]),
            ("disks", &[565]),
            ("domain", &[566, 571]),
            ("inactiveDomain", &[571]),
            ("memory", &[564]),
            ("name", &[1]),
            ("parent", &[398]),
            ("revertDisks", &[565]),
            ("state", &[563]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 563
    Pattern {
        attrs: &[],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::Some(Values::OneOf(V250)),
        required_attrs: &[],
        required_children: &[],
    },
    // 564
    Pattern {
        attrs: &[("file", Values::Any), ("snapshot", Values::OneOf(V251))],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 565
    Pattern {
        attrs: &[],
        children: &[("disk", &[567])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 566
    Pattern {
        attrs: &[],
        children: &[("uuid", &[1])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["uuid"],
    },
    // 567
    Pattern {
        attrs: &[
            ("name", Values::Any),
            ("snapshot", Values::OneOf(V36)),
            ("type", Values::OneOf(V252)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("auth", &[288]),
            ("backenddomain", &[65]),
            ("blockio", &[107]),
            ("boot", &[286]),
            ("driver", &[111, 570]),
            ("encryption", &[323]),
            ("geometry", &[106]),
            ("iotune", &[240]),
            ("mirror", &[287]),
            ("product", &[1]),
            ("readonly", &[30]),
            ("serial", &[1]),
            ("shareable", &[30]),
            ("snapshotDeleteInProgress", &[30]),
            (
                "source",
                &[81, 83, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 568, 569],
            ),
            ("target", &[105]),
            ("throttlefilters", &[242]),
            ("transient", &[66]),
            ("vendor", &[1]),
            ("wwn", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
    // 568
    Pattern {
        attrs: &[
            ("file", Values::Any),
            ("index", Values::Any),
            ("startupPolicy", Values::OneOf(V39)),
        ],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("privateData", &[30]),
            ("seclabel", &[3]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 569
    Pattern {
        attrs: &[("dev", Values::Any), ("index", Values::Any)],
        children: &[
            ("dataStore", &[75]),
            ("encryption", &[323]),
            ("privateData", &[30]),
            ("seclabel", &[3]),
            ("slices", &[73]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["dev"],
        required_children: &[],
    },
    // 570
    Pattern {
        attrs: &[("type", Values::OneOf(V253))],
        children: &[("metadata_cache", &[72])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 571
    Pattern {
        attrs: &[("id", Values::Any), ("type", Values::OneOf(V0))],
        children: &[
            ("blkiotune", &[41]),
            ("bootloader", &[1]),
            ("bootloader_args", &[1]),
            ("clock", &[61]),
            ("cpu", &[361]),
            ("cputune", &[44]),
            ("currentMemory", &[26]),
            ("defaultiothread", &[40]),
            ("description", &[1]),
            ("devices", &[573]),
            ("features", &[244]),
            ("genid", &[1]),
            ("idmap", &[22]),
            ("iothreadids", &[37]),
            ("iothreads", &[1]),
            ("keywrap", &[16]),
            ("launchSecurity", &[18]),
            ("maxMemory", &[25]),
            ("memory", &[24]),
            ("memoryBacking", &[27]),
            ("memtune", &[43]),
            ("metadata", &[321]),
            ("name", &[1]),
            ("numatune", &[57]),
            ("on_crash", &[172]),
            ("on_lockfailure", &[173]),
            ("on_poweroff", &[171]),
            ("on_reboot", &[171]),
            ("os", &[4, 5, 13]),
            ("perf", &[19]),
            ("pm", &[174]),
            ("resource", &[60]),
            ("seclabel", &[2]),
            ("sysinfo", &[250]),
            ("throttlegroups", &[241]),
            ("title", &[1]),
            ("uuid", &[1]),
            ("vcpu", &[34]),
            ("vcpus", &[35]),
            (
                "{http://libvirt.org/schemas/domain/bhyve/1.0}commandline",
                &[313],
            ),
            (
                "{http://libvirt.org/schemas/domain/lxc/1.0}namespace",
                &[310],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}capabilities",
                &[303],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}commandline",
                &[300],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}deprecation",
                &[305],
            ),
            (
                "{http://libvirt.org/schemas/domain/qemu/1.0}override",
                &[307],
            ),
            (
                "{http://libvirt.org/schemas/domain/vmware/1.0}datacenterpath",
                &[1],
            ),
            (
                "{http://libvirt.org/schemas/domain/xen/1.0}commandline",
                &[314],
            ),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["type"],
        required_children: &["name"],
    },
    // 572
    Pattern {
        attrs: &[
            ("device", Values::OneOf(V33)),
            ("model", Values::OneOf(V34)),
            ("rawio", Values::OneOf(V1)),
            ("sgio", Values::OneOf(V35)),
            ("snapshot", Values::OneOf(V36)),
            ("type", Values::OneOf(V8)),
        ],
        children: &[
            ("acpi", &[274]),
            ("address", &[272]),
            ("alias", &[65]),
            ("auth", &[288]),
            ("backenddomain", &[65]),
            ("backingStore", &[30, 70]),
            ("blockio", &[107]),
            ("boot", &[286]),
            ("driver", &[111, 570]),
            ("encryption", &[323]),
            ("geometry", &[106]),
            ("iotune", &[240]),
            ("mirror", &[287]),
            ("privateData", &[30]),
            ("product", &[1]),
            ("readonly", &[30]),
            ("serial", &[1]),
            ("shareable", &[30]),
            (
                "source",
                &[
                    76, 77, 78, 81, 83, 88, 89, 90, 91, 94, 95, 96, 97, 98, 99, 100, 101, 103, 104,
                ],
            ),
            ("target", &[105]),
            ("throttlefilters", &[242]),
            ("transient", &[66]),
            ("vendor", &[1]),
            ("wwn", &[1]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 573
    Pattern {
        attrs: &[],
        children: &[
            ("audio", &[187]),
            ("channel", &[206]),
            ("console", &[182]),
            ("controller", &[112]),
            ("crypto", &[283]),
            ("disk", &[572]),
            ("emulator", &[1]),
            ("filesystem", &[117]),
            ("graphics", &[154]),
            ("hostdev", &[226]),
            ("hub", &[222]),
            ("input", &[219]),
            ("interface", &[127]),
            ("iommu", &[217]),
            ("lease", &[67]),
            ("memballoon", &[200]),
            ("memory", &[275]),
            ("nvram", &[195]),
            ("panic", &[315]),
            ("parallel", &[202]),
            ("pstore", &[225]),
            ("redirdev", &[223]),
            ("redirfilter", &[224]),
            ("rng", &[280]),
            ("serial", &[202]),
            ("shmem", &[196]),
            ("smartcard", &[207]),
            ("sound", &[184]),
            ("tpm", &[208]),
            ("video", &[166]),
            ("vsock", &[215]),
            ("watchdog", &[194]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 574
    Pattern {
        attrs: &[],
        children: &[
            ("creationTime", &[1]),
            ("description", &[1]),
            ("disks", &[575]),
            ("domain", &[0]),
            ("name", &[1]),
            ("parent", &[398]),
        ],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &[],
    },
    // 575
    Pattern {
        attrs: &[],
        children: &[("disk", &[576])],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &[],
        required_children: &["disk"],
    },
    // 576
    Pattern {
        attrs: &[
            ("bitmap", Values::Any),
            ("checkpoint", Values::OneOf(V254)),
            ("name", Values::Any),
            ("size", Values::Any),
        ],
        children: &[],
        any_attr: false,
        any_child: false,
        text: Text::None,
        required_attrs: &["name"],
        required_children: &[],
    },
];

static V215: &[&str] = &["0", "1"];
static V239: &[&str] = &["0", "1", "false", "no", "true", "yes"];
static V184: &[&str] = &["1", "2", "3"];
static V123: &[&str] = &["1.2", "2.0"];
static V102: &[&str] = &[
    "16550a",
    "isa-debugcon",
    "isa-serial",
    "pci-serial",
    "pl011",
    "sclpconsole",
    "sclplmconsole",
    "spapr-vty",
    "usb-serial",
];
static V140: &[&str] = &["2", "3", "host"];
static V242: &[&str] = &["31", "32", "64"];
static V174: &[&str] = &["802.1Qbg"];
static V175: &[&str] = &["802.1Qbh"];
static V230: &[&str] = &[
    "802.3ad",
    "active-backup",
    "balance-alb",
    "balance-rr",
    "balance-tlb",
    "balance-xor",
    "broadcast",
];
static V210: &[&str] = &["80203", "80211"];
static V249: &[&str] = &["KiB"];
static V12: &[&str] = &[
    "aarch64",
    "alpha",
    "armv6l",
    "armv7l",
    "cris",
    "i686",
    "ia64",
    "lm32",
    "loongarch64",
    "m68k",
    "microblaze",
    "microblazeel",
    "mips",
    "mips64",
    "mips64el",
    "mipsel",
    "openrisc",
    "parisc",
    "parisc64",
    "ppc",
    "ppc64",
    "ppc64le",
    "ppcemb",
    "riscv32",
    "riscv64",
    "s390",
    "s390x",
    "sh4",
    "sh4eb",
    "sparc",
    "sparc64",
    "unicore32",
    "x86_64",
    "xtensa",
    "xtensaeb",
];
static V160: &[&str] = &["abort", "pivot", "yes"];
static V27: &[&str] = &["absolute", "localtime", "timezone", "utc", "variable"];
static V107: &[&str] = &[
    "ac97", "es1370", "ich6", "ich7", "ich9", "pcspk", "sb16", "usb", "virtio",
];
static V237: &[&str] = &["accept", "continue", "drop", "reject", "return"];
static V183: &[&str] = &["access", "read", "write"];
static V133: &[&str] = &["acpi-erst"];
static V232: &[&str] = &["active", "all", "backup", "none"];
static V159: &[&str] = &["active-commit", "copy"];
static V138: &[&str] = &["adapter", "iscsi"];
static V95: &[&str] = &["address", "network", "none", "socket"];
static V15: &[&str] = &["aes", "dea"];
static V65: &[&str] = &[
    "aio", "bochs", "cloop", "cow", "dir", "dmg", "fat", "iso", "luks", "ploop", "qcow", "qcow2",
    "qed", "raw", "vdi", "vhd", "vmdk", "vpc",
];
static V18: &[&str] = &[
    "alignment_faults",
    "branch_instructions",
    "branch_misses",
    "bus_cycles",
    "cache_misses",
    "cache_references",
    "cmt",
    "context_switches",
    "cpu_clock",
    "cpu_cycles",
    "cpu_migrations",
    "emulation_faults",
    "instructions",
    "mbml",
    "mbmt",
    "page_faults",
    "page_faults_maj",
    "page_faults_min",
    "ref_cpu_cycles",
    "stalled_cycles_backend",
    "stalled_cycles_frontend",
    "task_clock",
];
static V130: &[&str] = &["all"];
static V94: &[&str] = &["all", "filter", "off"];
static V163: &[&str] = &["allow", "default", "deny"];
static V179: &[&str] = &["allow", "forbid"];
static V89: &[&str] = &["allow-exclusive", "force-shared", "ignore"];
static V109: &[&str] = &["alsa", "arts", "esd", "pulseaudio"];
static V110: &[&str] = &[
    "alsa",
    "coreaudio",
    "dbus",
    "file",
    "jack",
    "none",
    "oss",
    "pipewire",
    "pulseaudio",
    "sdl",
    "spice",
];
static V131: &[&str] = &[
    "alt-alt",
    "ctrl-ctrl",
    "ctrl-scrolllock",
    "meta-meta",
    "scrolllock",
    "shift-shift",
];
static V93: &[&str] = &["always", "auto", "never"];
static V74: &[&str] = &["always", "none"];
static V66: &[&str] = &[
    "am53c974",
    "auto",
    "buslogic",
    "dc390",
    "dmi-to-pci-bridge",
    "ehci",
    "ibmvscsi",
    "ich6",
    "ich9-ehci1",
    "ich9-uhci1",
    "ich9-uhci2",
    "ich9-uhci3",
    "lsilogic",
    "lsisas1068",
    "lsisas1078",
    "ncr53c90",
    "nec-xhci",
    "none",
    "pci-bridge",
    "pci-expander-bus",
    "pci-ohci",
    "pci-root",
    "pcie-expander-bus",
    "pcie-root",
    "pcie-root-port",
    "pcie-switch-downstream-port",
    "pcie-switch-upstream-port",
    "pcie-to-pci-bridge",
    "piix3",
    "piix3-uhci",
    "piix4",
    "piix4-uhci",
    "qemu-xhci",
    "qusb1",
    "qusb2",
    "virtio",
    "virtio-non-transitional",
    "virtio-scsi",
    "virtio-transitional",
    "vmpvscsi",
    "vt82c686b-uhci",
];
static V19: &[&str] = &["anonymous", "file", "memfd"];
static V88: &[&str] = &["any", "insecure", "secure"];
static V205: &[&str] = &[
    "ap_card",
    "ap_matrix",
    "ap_queue",
    "ccw",
    "ccwgroup",
    "css",
    "drm",
    "mdev",
    "net",
    "pci",
    "scsi",
    "scsi_generic",
    "scsi_host",
    "scsi_target",
    "storage",
    "system",
    "usb",
    "usb_device",
    "vdpa",
];
static V153: &[&str] = &["aplic", "aplic-imsic", "none"];
static V29: &[&str] = &[
    "armvtimer",
    "hpet",
    "hypervclock",
    "kvmclock",
    "pit",
    "platform",
    "rtc",
    "tsc",
];
static V144: &[&str] = &[
    "asset",
    "location",
    "manufacturer",
    "product",
    "serial",
    "version",
];
static V145: &[&str] = &["asset", "manufacturer", "serial", "sku", "version"];
static V203: &[&str] = &[
    "auto",
    "bochs",
    "cloop",
    "cow",
    "dir",
    "dmg",
    "ext2",
    "ext3",
    "ext4",
    "extended",
    "fat",
    "fat16",
    "fat32",
    "gfs",
    "gfs2",
    "hfs+",
    "iso",
    "iso9660",
    "linux",
    "linux-lvm",
    "linux-raid",
    "linux-swap",
    "luks",
    "none",
    "ocfs2",
    "ploop",
    "qcow",
    "qcow2",
    "qed",
    "raw",
    "udf",
    "ufs",
    "unknown",
    "vdi",
    "vfat",
    "vhd",
    "vmdk",
    "vmfs",
    "vpc",
    "xfs",
];
static V28: &[&str] = &["auto", "emulate", "native", "paravirt", "smpsafe"];
static V196: &[&str] = &[
    "auto", "ext2", "ext3", "ext4", "gfs", "gfs2", "hfs+", "iso9660", "ocfs2", "udf", "ufs",
    "vfat", "vmfs", "xfs",
];
static V58: &[&str] = &["auto", "lba", "none"];
static V197: &[&str] = &["auto", "nfs"];
static V22: &[&str] = &["auto", "static"];
static V92: &[&str] = &["auto_glz", "auto_lz", "glz", "lz", "off", "quic"];
static V23: &[&str] = &["batch", "fifo", "idle", "rr"];
static V0: &[&str] = &[
    "bhyve", "hvf", "hyperv", "kqemu", "kvm", "lxc", "openvz", "phyp", "qemu", "test", "uml",
    "vbox", "vmware", "vz", "xen",
];
static V71: &[&str] = &["bind", "block", "file", "mount", "ram", "template"];
static V4: &[&str] = &["bios", "efi"];
static V254: &[&str] = &["bitmap", "no"];
static V202: &[&str] = &["block", "dir", "file", "netdir", "network"];
static V8: &[&str] = &[
    "block",
    "dir",
    "file",
    "network",
    "nvme",
    "vhostuser",
    "vhostvdpa",
    "volume",
];
static V252: &[&str] = &["block", "file", "network"];
static V250: &[&str] = &[
    "blocked",
    "crashed",
    "disk-snapshot",
    "paused",
    "running",
    "shutdown",
    "shutoff",
];
static V98: &[&str] = &[
    "bochs", "cirrus", "gop", "none", "qxl", "ramfb", "vbox", "vga", "virtio", "vmvga", "xen",
];
static V37: &[&str] = &[
    "bochs", "cloop", "cow", "dir", "dmg", "fat", "iso", "luks", "ploop", "qcow", "qcow2", "qed",
    "raw", "vdi", "vhd", "vmdk", "vpc",
];
static V233: &[&str] = &["bond"];
static V165: &[&str] = &["bool", "remove", "signed", "string", "unsigned"];
static V31: &[&str] = &["boot", "guest", "realtime", "wall"];
static V24: &[&str] = &["both", "code", "data"];
static V229: &[&str] = &["bridge"];
static V76: &[&str] = &[
    "bridge",
    "client",
    "direct",
    "ethernet",
    "hostdev",
    "internal",
    "mcast",
    "network",
    "null",
    "server",
    "udp",
    "user",
    "vdpa",
    "vds",
    "vhostuser",
];
static V193: &[&str] = &["bridge", "direct", "hostdev-pci", "network"];
static V190: &[&str] = &[
    "bridge",
    "hostdev",
    "nat",
    "open",
    "passthrough",
    "private",
    "route",
    "vepa",
];
static V192: &[&str] = &["bridge", "passthrough", "private", "vepa"];
static V151: &[&str] = &["broken", "fixed", "workaround"];
static V152: &[&str] = &["broken", "fixed-ccd", "fixed-ibs", "fixed-na", "workaround"];
static V198: &[&str] = &[
    "bsd", "dos", "dvh", "gpt", "lvm2", "mac", "pc98", "sun", "unknown",
];
static V156: &[&str] = &["builtin", "egd", "random"];
static V158: &[&str] = &["builtin", "lkcf"];
static V209: &[&str] = &["cap", "sta"];
static V134: &[&str] = &["capabilities", "subsystem"];
static V201: &[&str] = &["capacity", "default"];
static V208: &[&str] = &["cardbus-bridge", "pci-bridge"];
static V30: &[&str] = &["catchup", "delay", "discard", "merge"];
static V154: &[&str] = &[
    "ccid",
    "ccw",
    "dimm",
    "drive",
    "isa",
    "pci",
    "spapr-vio",
    "unassigned",
    "usb",
    "virtio-mmio",
    "virtio-serial",
];
static V67: &[&str] = &[
    "ccid",
    "fdc",
    "ide",
    "isa",
    "pci",
    "sata",
    "scsi",
    "usb",
    "virtio-serial",
    "xenbus",
];
static V219: &[&str] = &["ccwgroup_member"];
static V33: &[&str] = &["cdrom", "disk", "floppy", "lun"];
static V32: &[&str] = &["cdrom", "fd", "hd", "network"];
static V195: &[&str] = &["ceph", "chap"];
static V161: &[&str] = &["ceph", "iscsi"];
static V226: &[&str] = &["ceph", "iscsi", "tls", "volume", "vtpm"];
static V126: &[&str] = &["check", "fips-host"];
static V75: &[&str] = &["chroot", "namespace"];
static V200: &[&str] = &["cifs", "glusterfs"];
static V78: &[&str] = &["client", "server"];
static V57: &[&str] = &["closed", "open"];
static V124: &[&str] = &["connect"];
static V117: &[&str] = &["connected", "disconnected"];
static V216: &[&str] = &["control", "primary", "render"];
static V100: &[&str] = &[
    "coredump-destroy",
    "coredump-restart",
    "destroy",
    "preserve",
    "rename-restart",
    "restart",
];
static V253: &[&str] = &["cow", "qcow", "qcow2", "qed", "vmdk"];
static V164: &[&str] = &["crash", "none", "omit", "reject"];
static V91: &[&str] = &[
    "cursor",
    "display",
    "inputs",
    "main",
    "playback",
    "record",
    "smartcard",
    "usbredir",
];
static V247: &[&str] = &["custom"];
static V189: &[&str] = &["custom", "host-model", "host-passthrough", "maximum"];
static V162: &[&str] = &["custom", "passthrough"];
static V142: &[&str] = &["date", "release", "vendor", "version"];
static V90: &[&str] = &[
    "dbus",
    "desktop",
    "egl-headless",
    "rdp",
    "sdl",
    "spice",
    "vnc",
];
static V105: &[&str] = &[
    "dbus",
    "dev",
    "file",
    "nmdm",
    "null",
    "pipe",
    "pty",
    "qemu-vdagent",
    "spiceport",
    "spicevmc",
    "stdio",
    "tcp",
    "udp",
    "unix",
    "vc",
];
static V59: &[&str] = &[
    "default",
    "directsync",
    "none",
    "unsafe",
    "writeback",
    "writethrough",
];
static V70: &[&str] = &["default", "forbid", "remap", "warn"];
static V172: &[&str] = &["default", "luks", "luks-any", "luks2", "qcow"];
static V82: &[&str] = &["default", "passt"];
static V99: &[&str] = &["destroy", "preserve", "rename-restart", "restart"];
static V204: &[&str] = &["dev", "link"];
static V112: &[&str] = &["diag288", "i6300esb", "ib700", "itco"];
static V155: &[&str] = &["dimm", "nvdimm", "sgx-epc", "virtio-mem", "virtio-pmem"];
static V194: &[&str] = &[
    "dir",
    "disk",
    "fs",
    "gluster",
    "iscsi",
    "iscsi-direct",
    "logical",
    "mpath",
    "netfs",
    "rbd",
    "scsi",
    "sheepdog",
    "vstorage",
    "zfs",
];
static V125: &[&str] = &["dir", "file"];
static V181: &[&str] = &["direct", "full", "none"];
static V53: &[&str] = &["direct", "host"];
static V185: &[&str] = &["disable", "emulate", "passthrough"];
static V180: &[&str] = &["disable", "forbid", "force", "optional", "require"];
static V149: &[&str] = &["disabled", "enabled", "required"];
static V87: &[&str] = &["disconnect", "fail", "keep"];
static V225: &[&str] = &[
    "dormant",
    "down",
    "lowerlayerdown",
    "notpresent",
    "testing",
    "unknown",
    "up",
];
static V80: &[&str] = &["down", "up"];
static V111: &[&str] = &[
    "dump",
    "inject-nmi",
    "none",
    "pause",
    "poweroff",
    "reset",
    "shutdown",
];
static V106: &[&str] = &["duplex", "micro", "output"];
static V2: &[&str] = &["dynamic", "none", "static"];
static V147: &[&str] = &["emulate", "host", "sysinfo"];
static V186: &[&str] = &["emulate", "passthrough"];
static V122: &[&str] = &["emulator", "external", "passthrough"];
static V62: &[&str] = &["enospace", "ignore", "report", "stop"];
static V5: &[&str] = &["enrolled-keys", "secure-boot"];
static V227: &[&str] = &["ethernet"];
static V129: &[&str] = &["evdev", "keyboard", "mouse", "passthrough", "tablet"];
static V188: &[&str] = &["exact", "minimum", "strict"];
static V14: &[&str] = &["exe"];
static V241: &[&str] = &["exe", "hvm", "linux", "uml", "xen"];
static V36: &[&str] = &["external", "internal", "manual", "no"];
static V251: &[&str] = &["external", "internal", "no"];
static V108: &[&str] = &["f32", "s16", "s32", "s8", "u16", "u32", "u8"];
static V143: &[&str] = &[
    "family",
    "manufacturer",
    "product",
    "serial",
    "sku",
    "uuid",
    "version",
];
static V150: &[&str] = &["fault", "ignore"];
static V169: &[&str] = &["fc_host", "scsi_host"];
static V211: &[&str] = &["fc_host", "vport_ops"];
static V212: &[&str] = &["fc_remote_port"];
static V56: &[&str] = &[
    "fdc", "ide", "sata", "scsi", "sd", "uml", "usb", "virtio", "xen",
];
static V35: &[&str] = &["filtered", "unfiltered"];
static V46: &[&str] = &["ftp"];
static V45: &[&str] = &["ftps"];
static V187: &[&str] = &["full", "none", "partial"];
static V141: &[&str] = &["fwcfg", "smbios"];
static V81: &[&str] = &["generated", "static"];
static V50: &[&str] = &["gluster"];
static V116: &[&str] = &["guestfwd"];
static V72: &[&str] = &["handle", "loop", "mtp", "nbd", "path", "ploop", "virtiofs"];
static V120: &[&str] = &["host", "host-certificates", "passthrough"];
static V246: &[&str] = &["host-model"];
static V244: &[&str] = &["host-passthrough"];
static V234: &[&str] = &["hotplug", "none", "onboot"];
static V213: &[&str] = &["hotpluggable"];
static V191: &[&str] = &["hours", "minutes", "seconds"];
static V44: &[&str] = &["http"];
static V43: &[&str] = &["https"];
static V243: &[&str] = &[
    "hvf", "kqemu", "kvm", "lxc", "openvz", "qemu", "test", "uml", "xen",
];
static V13: &[&str] = &["hvm"];
static V168: &[&str] = &["hyperv", "isa", "pseries", "pvpanic", "s390"];
static V9: &[&str] = &["i686", "ia64", "x86_64"];
static V68: &[&str] = &[
    "i82801b11-bridge",
    "ioh3420",
    "pci-bridge",
    "pcie-pci-bridge",
    "pcie-root-port",
    "pxb",
    "pxb-pcie",
    "spapr-pci-host-bridge",
    "x3130-upstream",
    "xio3130-downstream",
];
static V101: &[&str] = &["ignore", "pause", "poweroff", "restart"];
static V64: &[&str] = &["ignore", "report", "stop"];
static V61: &[&str] = &["ignore", "unmap"];
static V73: &[&str] = &["immediate"];
static V21: &[&str] = &["immediate", "ondemand"];
static V238: &[&str] = &["in", "inout", "out"];
static V127: &[&str] = &["intel", "smmuv3", "virtio"];
static V25: &[&str] = &["interleave", "preferred", "restrictive", "strict"];
static V97: &[&str] = &["io", "off", "on"];
static V63: &[&str] = &["io_uring", "native", "threads"];
static V231: &[&str] = &["ioctl", "netif"];
static V84: &[&str] = &["iothread", "timer"];
static V235: &[&str] = &["ipv4"];
static V236: &[&str] = &["ipv6"];
static V103: &[&str] = &[
    "isa-debug",
    "isa-serial",
    "lxc",
    "openvz",
    "pci-serial",
    "sclp",
    "sclp-serial",
    "sclplm",
    "serial",
    "spapr-vio-serial",
    "system-serial",
    "uml",
    "usb-serial",
    "virtio",
    "xen",
];
static V42: &[&str] = &["iscsi"];
static V114: &[&str] = &["ivshmem", "ivshmem-doorbell", "ivshmem-plain"];
static V77: &[&str] = &["kernel", "libvirt"];
static V148: &[&str] = &["kvm", "qemu"];
static V170: &[&str] = &["kvm", "vfio", "xen"];
static V171: &[&str] = &["librbd", "qemu"];
static V11: &[&str] = &["linux", "xen", "xenpvh"];
static V26: &[&str] = &["localtime", "utc"];
static V199: &[&str] = &["lvm2", "unknown"];
static V39: &[&str] = &["mandatory", "optional", "requisite"];
static V69: &[&str] = &["mapped", "passthrough", "squash"];
static V113: &[&str] = &["master", "peer"];
static V245: &[&str] = &["maximum"];
static V136: &[&str] = &[
    "mdev",
    "misc",
    "net",
    "pci",
    "scsi",
    "scsi_host",
    "storage",
    "usb",
];
static V220: &[&str] = &["mdev_types"];
static V177: &[&str] = &["midonet"];
static V146: &[&str] = &["msdm", "raw", "rawset", "slic"];
static V166: &[&str] = &["name", "netns", "pid"];
static V167: &[&str] = &["name", "pid"];
static V49: &[&str] = &["nbd"];
static V52: &[&str] = &["nfs"];
static V248: &[&str] = &["no", "unknown", "yes"];
static V1: &[&str] = &["no", "yes"];
static V115: &[&str] = &[
    "none",
    "virtio",
    "virtio-non-transitional",
    "virtio-transitional",
    "xen",
];
static V182: &[&str] = &["none", "writeback", "writethrough"];
static V16: &[&str] = &["off", "on"];
static V137: &[&str] = &["off", "on", "uninitialized"];
static V60: &[&str] = &["off", "on", "unmap"];
static V217: &[&str] = &["offline", "online"];
static V176: &[&str] = &["openvswitch"];
static V173: &[&str] = &["passphrase"];
static V54: &[&str] = &["pci"];
static V79: &[&str] = &["pci", "usb"];
static V86: &[&str] = &["persistent", "transient"];
static V7: &[&str] = &["pflash", "rom"];
static V206: &[&str] = &["phys_function"];
static V20: &[&str] = &["private", "shared"];
static V128: &[&str] = &["ps2", "usb", "virtio", "xen"];
static V6: &[&str] = &["qcow2", "raw"];
static V157: &[&str] = &["qemu"];
static V83: &[&str] = &["qemu", "vhost"];
static V96: &[&str] = &["qemu", "vhostuser"];
static V218: &[&str] = &["qeth_generic", "qeth_layer2", "qeth_layer3"];
static V104: &[&str] = &["raw", "telnet", "telnets", "tls"];
static V41: &[&str] = &["rbd"];
static V40: &[&str] = &["rdma", "tcp", "unix"];
static V240: &[&str] = &["rdma", "tcp", "vpxmigr", "vzmigr"];
static V223: &[&str] = &["readonly"];
static V224: &[&str] = &["readwrite"];
static V214: &[&str] = &["removable"];
static V17: &[&str] = &["s390-pv", "sev", "sev-snp"];
static V48: &[&str] = &["sheepdog", "tftp"];
static V121: &[&str] = &["spapr-tpm-proxy", "tpm-crb", "tpm-spapr", "tpm-tis"];
static V47: &[&str] = &["ssh"];
static V38: &[&str] = &["storage"];
static V178: &[&str] = &["tagged", "untagged"];
static V85: &[&str] = &["tcp", "udp"];
static V55: &[&str] = &["unix"];
static V132: &[&str] = &["usb"];
static V221: &[&str] = &["vfio-ap", "vfio-ccw", "vfio-pci"];
static V135: &[&str] = &[
    "vfio-ap",
    "vfio-ccw",
    "vfio-pci",
    "virtio",
    "virtio-non-transitional",
    "virtio-transitional",
];
static V139: &[&str] = &["vhost"];
static V207: &[&str] = &["virt_functions"];
static V118: &[&str] = &["virtio"];
static V34: &[&str] = &["virtio", "virtio-non-transitional", "virtio-transitional"];
static V228: &[&str] = &["vlan"];
static V222: &[&str] = &["vpd"];
static V51: &[&str] = &["vxhs"];
static V119: &[&str] = &["xen"];
static V10: &[&str] = &["xenfv", "xenpv", "xenpvh"];
static V3: &[&str] = &["yes"];

pub(crate) static SCHEMAS: &[Schema] = &[
    Schema {
        file: "domain.rng",
        roots: &[("domain", &[0])],
    },
    Schema {
        file: "network.rng",
        roots: &[("network", &[363])],
    },
    Schema {
        file: "networkport.rng",
        roots: &[("networkport", &[385])],
    },
    Schema {
        file: "storagepool.rng",
        roots: &[("pool", &[389])],
    },
    Schema {
        file: "storagevol.rng",
        roots: &[("volume", &[421])],
    },
    Schema {
        file: "nodedev.rng",
        roots: &[("device", &[429])],
    },
    Schema {
        file: "secret.rng",
        roots: &[("secret", &[466])],
    },
    Schema {
        file: "interface.rng",
        roots: &[("interface", &[469, 472, 473, 479])],
    },
    Schema {
        file: "nwfilter.rng",
        roots: &[("filter", &[486])],
    },
    Schema {
        file: "nwfilterbinding.rng",
        roots: &[("filterbinding", &[502])],
    },
    Schema {
        file: "capability.rng",
        roots: &[("capabilities", &[503])],
    },
    Schema {
        file: "domaincaps.rng",
        roots: &[("domainCapabilities", &[540])],
    },
    Schema {
        file: "domainsnapshot.rng",
        roots: &[("domainsnapshot", &[562])],
    },
    Schema {
        file: "domaincheckpoint.rng",
        roots: &[("domaincheckpoint", &[574])],
    },
];
