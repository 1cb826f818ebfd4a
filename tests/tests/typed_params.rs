//! Typed parameters (issue 8, item 3): `TypedParams` from the builder to
//! the wire and back, and live against `test:///default` on the shared
//! private libvirtd: the count-then-fetch calls as one call each, with
//! `VIR_TYPED_PARAM_STRING_OKAY` set for the user, and the domain
//! statistics records. Where the test driver refuses a call, the test
//! asserts its typed error.

use virtwire::api::{
    ConnectGetAllDomainStatsFlags, DomainCreateFlags, DomainDefineFlags, DomainModificationImpact,
    DomainStatsTypes, TypedParameterFlags, TypedParameterType,
};
use virtwire::handles::typed_params::names;
use virtwire::protocol::xdr::{self, Bytes, DecodeError};
use virtwire::remote;
use virtwire::{Client, Domain, ErrorCode, ErrorKind, TypedParamValue, TypedParams};
use virtwire_tests::{connect_test, state, test_domain_xml, unique_name};

/// The test driver's own, running domain.
const TEST_DOMAIN: &str = "test";

/// The test driver's total CPU time of a domain (`TEST_TOTAL_CPUTIME`), and
/// its user and system parts.
const TOTAL_CPU_TIME: u64 = 48_772_617_035;
const TOTAL_USER_TIME: u64 = 5_540_000_000;
const TOTAL_SYSTEM_TIME: u64 = 6_460_000_000;
/// The test driver's host CPUs for the per-CPU statistics: its node's
/// `cores`.
const TEST_CPUS: u64 = 2;

/// A domain of this test's own with a disk `vda` and an interface of MAC
/// [`MAC`], defined (not started).
async fn define_with_devices(client: &Client, test: &str) -> Domain {
    let name = unique_name(test);
    let xml = format!(
        "<domain type='test'><name>{name}</name><memory unit='KiB'>65536</memory>\
         <currentMemory unit='KiB'>65536</currentMemory><vcpu>2</vcpu>\
         <os><type arch='i686'>hvm</type></os><devices>\
         <disk type='file' device='disk'><source file='/guest/{name}.img'/>\
         <target dev='vda' bus='virtio'/></disk>\
         <interface type='network'><mac address='{MAC}'/><source network='default'/></interface>\
         </devices></domain>"
    );
    client
        .domain_define_xml_flags(&xml, DomainDefineFlags::VALIDATE)
        .await
        .expect("define")
}

const MAC: &str = "52:54:00:4a:7e:01";

/// Removes a domain of a test, running or not.
async fn remove(dom: &Domain) {
    virtwire_tests::remove_test_domain(dom).await;
}

// ---------------------------------------------------------------------------
// Without a daemon: the builder, the wire form and back.

/// Each parameter encoded as XDR and decoded again.
fn through_the_wire(params: &TypedParams) -> TypedParams {
    let wire: Vec<remote::TypedParam> = params.to_wire();
    let decoded: Vec<remote::TypedParam> = wire
        .iter()
        .map(|p| {
            let bytes = xdr::to_bytes(p).expect("encode");
            xdr::from_bytes::<remote::TypedParam>(bytes).expect("decode")
        })
        .collect();
    assert_eq!(decoded, wire);
    TypedParams::from_wire(decoded)
}

#[test]
fn builder_to_wire_and_back() {
    let params = TypedParams::new()
        .ullong(names::DOMAIN_MEMORY_HARD_LIMIT, 1 << 20)
        .ullong(names::DOMAIN_MEMORY_SOFT_LIMIT, 1 << 19)
        .string(names::DOMAIN_BLOCK_IOTUNE_GROUP_NAME, "group-a");
    let wire = params.to_wire();
    assert_eq!(wire.len(), 3);
    assert_eq!(wire[0].field, "hard_limit");
    assert_eq!(wire[0].value, remote::TypedParamValue::Ullong(1 << 20));
    assert_eq!(
        wire[2].value,
        remote::TypedParamValue::String("group-a".into())
    );

    let back = through_the_wire(&params);
    assert_eq!(back, params);
    assert_eq!(back.get_u64("hard_limit"), Some(1 << 20));
    assert_eq!(back.get_u64("soft_limit"), Some(1 << 19));
    assert_eq!(back.get_string("group_name"), Some("group-a"));
    let names: Vec<&str> = back.iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["hard_limit", "soft_limit", "group_name"]);
    // The conversions the calls use are the same.
    assert_eq!(Vec::<remote::TypedParam>::from(&params), wire);
    assert_eq!(TypedParams::from(wire), params);
}

#[test]
fn every_value_type_survives_the_wire() {
    let params = TypedParams::new()
        .int("int", i32::MIN)
        .uint("uint", u32::MAX)
        .llong("llong", i64::MIN)
        .ullong("ullong", u64::MAX)
        .double("double", -1.5e300)
        .boolean("true", true)
        .boolean("false", false)
        .string("string", "ünï €")
        .string("empty", "");
    let back = through_the_wire(&params);
    assert_eq!(back, params);

    assert_eq!(back.get("int"), Some(&TypedParamValue::Int(i32::MIN)));
    assert_eq!(back.get_i32("int"), Some(i32::MIN));
    assert_eq!(back.get_u32("uint"), Some(u32::MAX));
    assert_eq!(back.get_i64("llong"), Some(i64::MIN));
    assert_eq!(back.get_u64("ullong"), Some(u64::MAX));
    assert_eq!(back.get_f64("double"), Some(-1.5e300));
    assert_eq!(back.get_bool("true"), Some(true));
    assert_eq!(back.get_bool("false"), Some(false));
    assert_eq!(back.get_string("string"), Some("ünï €"));
    assert_eq!(back.get_string("empty"), Some(""));
    let kinds: Vec<TypedParameterType> = back.iter().map(|(_, v)| v.kind()).collect();
    assert_eq!(
        kinds,
        [
            TypedParameterType::Int,
            TypedParameterType::Uint,
            TypedParameterType::Llong,
            TypedParameterType::Ullong,
            TypedParameterType::Double,
            TypedParameterType::Boolean,
            TypedParameterType::Boolean,
            TypedParameterType::String,
            TypedParameterType::String,
        ]
    );
    // The getters convert integers only where no value is lost.
    assert_eq!(back.get_u64("int"), None);
    assert_eq!(back.get_i32("uint"), None);
    assert_eq!(back.get_u64("uint"), Some(u64::from(u32::MAX)));
    assert_eq!(back.get_f64("int"), None);
    assert_eq!(back.get_bool("int"), None);
    assert_eq!(back.get_string("ullong"), None);

    // A boolean is an int on the wire: any non-zero value is true.
    let wire = remote::TypedParam {
        field: "b".into(),
        value: remote::TypedParamValue::Boolean(2),
    };
    assert_eq!(TypedParams::from_wire(vec![wire]).get_bool("b"), Some(true));
}

#[test]
fn an_unknown_value_type_fails_the_decode() {
    // field "x", then type 8: no libvirt release has it, and XDR gives no
    // length to skip it by, so the decode fails (as libvirt's own does).
    let mut body = Vec::new();
    body.extend_from_slice(&1u32.to_be_bytes());
    body.extend_from_slice(b"x\0\0\0");
    body.extend_from_slice(&8i32.to_be_bytes());
    body.extend_from_slice(&0u64.to_be_bytes());
    let err = xdr::from_bytes::<remote::TypedParam>(Bytes::from(body)).unwrap_err();
    assert!(
        matches!(
            err,
            DecodeError::UnknownDiscriminant {
                type_name: "remote_typed_param_value",
                value: 8
            }
        ),
        "{err:?}"
    );
}

// ---------------------------------------------------------------------------
// Live, against test:///default.

#[tokio::test]
async fn cpu_stats_total_and_per_cpu() {
    let client = connect_test().await;
    let name = unique_name("cpu");
    let dom = client
        .domain_create_xml(&test_domain_xml(&name), DomainCreateFlags::empty())
        .await
        .expect("create");

    // virDomainGetCPUStats(dom, params, n, -1, 1, 0), the count asked for
    // by the method: the total.
    let total = dom
        .get_cpu_stats_total(TypedParameterFlags::empty())
        .await
        .unwrap();
    assert_eq!(
        total,
        TypedParams::new()
            .ullong(names::DOMAIN_CPU_STATS_CPUTIME, TOTAL_CPU_TIME)
            .ullong(names::DOMAIN_CPU_STATS_USERTIME, TOTAL_USER_TIME)
            .ullong(names::DOMAIN_CPU_STATS_SYSTEMTIME, TOTAL_SYSTEM_TIME)
    );
    assert_eq!(total.get_u64("cpu_time"), Some(TOTAL_CPU_TIME));
    // The same through libvirt's own arguments.
    let same = dom
        .get_cpu_stats(-1, 1, TypedParameterFlags::STRING_OKAY)
        .await
        .unwrap();
    assert_eq!(same, [total]);

    // Per CPU: the number of CPUs asked for first, then one set each; the
    // test driver shares the total out, CPU i getting i ns more.
    let per_cpu = dom
        .get_cpu_stats_per_cpu(TypedParameterFlags::empty())
        .await
        .unwrap();
    assert_eq!(per_cpu.len() as u64, TEST_CPUS, "{per_cpu:?}");
    let share = TOTAL_CPU_TIME / TEST_CPUS;
    for (i, cpu) in per_cpu.iter().enumerate() {
        let i = i as u64;
        assert_eq!(cpu.len(), 2, "{cpu}");
        assert_eq!(
            cpu.get_u64(names::DOMAIN_CPU_STATS_CPUTIME),
            Some(share + i)
        );
        assert_eq!(
            cpu.get(names::DOMAIN_CPU_STATS_VCPUTIME),
            Some(&TypedParamValue::ULLong(share + i - 1_234_567_890))
        );
    }
    // A range past the last CPU stops there.
    let tail = dom
        .get_cpu_stats(1, 5, TypedParameterFlags::empty())
        .await
        .unwrap();
    assert_eq!(tail.len(), 1, "{tail:?}");
    assert_eq!(tail[0].get_u64("cpu_time"), Some(share + 1));
    assert!(
        dom.get_cpu_stats(0, 0, TypedParameterFlags::empty())
            .await
            .unwrap()
            .is_empty()
    );

    // An inactive domain has no CPU statistics: a typed error.
    dom.destroy().await.unwrap();
    let other = client
        .domain_define_xml_flags(
            &test_domain_xml(&unique_name("cpu-off")),
            DomainDefineFlags::empty(),
        )
        .await
        .unwrap();
    let err = other
        .get_cpu_stats_total(TypedParameterFlags::empty())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::OperationInvalid), "{err:?}");
    remove(&other).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn memory_parameters_round_trip() {
    let client = connect_test().await;
    let dom = define_with_devices(&client, "memory").await;
    let current = DomainModificationImpact::CURRENT;

    // No limits set: each is VIR_DOMAIN_MEMORY_PARAM_UNLIMITED.
    let before = dom.get_memory_parameters(current).await.unwrap();
    let fields: Vec<&str> = before.names().collect();
    assert_eq!(fields, ["hard_limit", "soft_limit", "swap_hard_limit"]);
    for (field, value) in &before {
        assert_eq!(
            value,
            &TypedParamValue::ULLong(names::DOMAIN_MEMORY_PARAM_UNLIMITED),
            "{field}"
        );
    }

    // One line to set two of them; the third is left alone.
    dom.set_memory_parameters(
        &TypedParams::new()
            .ullong(names::DOMAIN_MEMORY_HARD_LIMIT, 1 << 20)
            .ullong(names::DOMAIN_MEMORY_SOFT_LIMIT, 1 << 19),
        DomainModificationImpact::CONFIG,
    )
    .await
    .unwrap();
    let after = dom.get_memory_parameters(current).await.unwrap();
    assert_eq!(after.get_u64("hard_limit"), Some(1 << 20));
    assert_eq!(after.get_u64("soft_limit"), Some(1 << 19));
    assert_eq!(
        after.get_u64("swap_hard_limit"),
        Some(names::DOMAIN_MEMORY_PARAM_UNLIMITED)
    );

    // The type travels: a hard limit as an unsigned int is refused.
    let err = dom
        .set_memory_parameters(
            &TypedParams::new().uint(names::DOMAIN_MEMORY_HARD_LIMIT, 1),
            current,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");
    assert_eq!(
        dom.get_memory_parameters(current)
            .await
            .unwrap()
            .get_u64("hard_limit"),
        Some(1 << 20)
    );
    remove(&dom).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn scheduler_parameters() {
    let client = connect_test().await;
    let dom = define_with_devices(&client, "sched").await;

    // virDomainGetSchedulerType gives the count, the method the rest.
    let params = dom.get_scheduler_parameters().await.unwrap();
    assert_eq!(
        params,
        TypedParams::new().uint(names::DOMAIN_SCHEDULER_WEIGHT, 50)
    );
    assert_eq!(params.get_u32("weight"), Some(50));

    // The test driver takes a weight (and keeps its 50) ...
    dom.set_scheduler_parameters(&TypedParams::new().uint("weight", 100))
        .await
        .unwrap();
    dom.set_scheduler_parameters_flags(
        &TypedParams::new().uint("weight", 100),
        DomainModificationImpact::CURRENT,
    )
    .await
    .unwrap();
    // ... of its type only.
    let err = dom
        .set_scheduler_parameters(&TypedParams::new().string("weight", "100"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");

    // virDomainGetSchedulerParametersFlags sets VIR_TYPED_PARAM_STRING_OKAY
    // (libvirt's client does, and so does the daemon's API layer), which
    // the test driver's version refuses with any flag: a typed refusal.
    let err = dom
        .get_scheduler_parameters_flags(DomainModificationImpact::CURRENT)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");
    remove(&dom).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn blkio_numa_interface_and_block_io_tune() {
    let client = connect_test().await;
    let dom = define_with_devices(&client, "tune").await;
    let current = DomainModificationImpact::CURRENT;

    // Block I/O: the weight (an unsigned int), then the per-device lists,
    // which are strings: they come back because the method sets
    // VIR_TYPED_PARAM_STRING_OKAY.
    let blkio = dom.get_blkio_parameters(current).await.unwrap();
    assert_eq!(
        blkio.get(names::DOMAIN_BLKIO_WEIGHT),
        Some(&TypedParamValue::UInt(0)),
        "{blkio}"
    );
    assert!(blkio.len() > 1, "{blkio}");
    for (field, value) in blkio.iter().skip(1) {
        assert!(field.starts_with("device_"), "{blkio}");
        assert_eq!(value.kind(), TypedParameterType::String, "{blkio}");
    }
    dom.set_blkio_parameters(
        &TypedParams::new().uint(names::DOMAIN_BLKIO_WEIGHT, 500),
        current,
    )
    .await
    .unwrap();
    let blkio = dom.get_blkio_parameters(current).await.unwrap();
    assert_eq!(blkio.get_u32("weight"), Some(500), "{blkio}");

    // NUMA: the mode (an int) and the nodeset (a string).
    let numa = dom.get_numa_parameters(current).await.unwrap();
    assert_eq!(
        numa.get(names::DOMAIN_NUMA_MODE).map(TypedParamValue::kind),
        Some(TypedParameterType::Int),
        "{numa}"
    );
    assert!(
        numa.get_string(names::DOMAIN_NUMA_NODESET).is_some(),
        "{numa}"
    );

    // An interface's bandwidth, by MAC: seven unsigned ints, all 0.
    let iface = dom.get_interface_parameters(MAC, current).await.unwrap();
    assert_eq!(iface.len(), 7, "{iface}");
    assert!(
        iface.iter().all(|(_, v)| v == &TypedParamValue::UInt(0)),
        "{iface}"
    );
    dom.set_interface_parameters(
        MAC,
        &TypedParams::new().uint(names::DOMAIN_BANDWIDTH_IN_AVERAGE, 1000),
        current,
    )
    .await
    .unwrap();
    let iface = dom.get_interface_parameters(MAC, current).await.unwrap();
    assert_eq!(
        iface.get_u32(names::DOMAIN_BANDWIDTH_IN_AVERAGE),
        Some(1000),
        "{iface}"
    );
    assert_eq!(
        iface.get_u32(names::DOMAIN_BANDWIDTH_OUT_AVERAGE),
        Some(0),
        "{iface}"
    );

    // A disk's I/O tuning: twenty parameters, one of them a string.
    let tune = dom.get_block_io_tune(Some("vda"), current).await.unwrap();
    assert_eq!(tune.len(), 20, "{tune}");
    assert_eq!(
        tune.get_u64(names::DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC),
        Some(0)
    );
    assert!(
        tune.get_string(names::DOMAIN_BLOCK_IOTUNE_GROUP_NAME)
            .is_some(),
        "{tune}"
    );
    // (The test driver wants a maximum at least as high as the rate.)
    dom.set_block_io_tune(
        "vda",
        &TypedParams::new()
            .ullong(names::DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, 1 << 20)
            .ullong("total_bytes_sec_max", 1 << 21),
        current,
    )
    .await
    .unwrap();
    let tune = dom.get_block_io_tune(Some("vda"), current).await.unwrap();
    assert_eq!(
        tune.get_u64(names::DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC),
        Some(1 << 20)
    );
    assert_eq!(tune.get_u64("total_bytes_sec_max"), Some(1 << 21));
    // A rate above its maximum: the test driver's typed refusal.
    let err = dom
        .set_block_io_tune(
            "vda",
            &TypedParams::new().ullong(names::DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, 1 << 22),
            current,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");
    // A disk the domain lacks: a typed error.
    let err = dom
        .get_block_io_tune(Some("vdz"), current)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");
    remove(&dom).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn perf_events_are_booleans() {
    let client = connect_test().await;
    let dom = define_with_devices(&client, "perf").await;
    // One boolean per perf event the daemon knows, all off.
    let events = dom.get_perf_events(0).await.unwrap();
    assert!(events.len() > 10, "{events}");
    assert!(
        events
            .iter()
            .all(|(_, v)| v == &TypedParamValue::Boolean(false)),
        "{events}"
    );
    dom.set_perf_events(
        &TypedParams::new().boolean("cpu_cycles", true),
        DomainModificationImpact::CURRENT,
    )
    .await
    .unwrap();
    let events = dom.get_perf_events(0).await.unwrap();
    assert_eq!(events.get_bool("cpu_cycles"), Some(true), "{events}");
    assert_eq!(events.get_bool("instructions"), Some(false), "{events}");

    // virDomainGetLaunchSecurityInfo sets VIR_TYPED_PARAM_STRING_OKAY,
    // which the test driver's version refuses: a typed refusal.
    let err = dom.get_launch_security_info(0).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");
    remove(&dom).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn node_statistics() {
    let client = connect_test().await;
    // virNodeGetCPUStats: its unsigned long longs as ULLong values.
    let cpu = client
        .node_get_cpu_stats(names::NODE_CPU_STATS_ALL_CPUS, 0)
        .await
        .unwrap();
    assert_eq!(
        cpu,
        TypedParams::new()
            .ullong(names::NODE_CPU_STATS_USER, 9_797_400_000)
            .ullong(names::NODE_CPU_STATS_KERNEL, 34_678_723_400_000)
            .ullong(names::NODE_CPU_STATS_IDLE, 87_264_900_000)
            .ullong(names::NODE_CPU_STATS_IOWAIT, 763_600_000)
    );
    // The test driver has neither node memory statistics nor node memory
    // parameters: typed refusals.
    let err = client
        .node_get_memory_stats(names::NODE_MEMORY_STATS_ALL_CELLS, 0)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoSupport), "{err:?}");
    assert!(err.is_unsupported());
    let err = client.node_get_memory_parameters(0).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoSupport), "{err:?}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn all_domain_stats_records() {
    let client = connect_test().await;
    let ours = define_with_devices(&client, "stats").await;
    let test = client.domain_lookup_by_name(TEST_DOMAIN).await.unwrap();

    // Every domain, every group the driver has.
    let records = client
        .get_all_domain_stats(
            DomainStatsTypes::empty(),
            ConnectGetAllDomainStatsFlags::empty(),
        )
        .await
        .unwrap();
    let of = |dom: &Domain| {
        records
            .iter()
            .find(|r| r.domain.uuid() == dom.uuid())
            .unwrap_or_else(|| panic!("no record for {dom} in {records:?}"))
    };
    let record = of(&test);
    assert_eq!(record.domain.name(), TEST_DOMAIN);
    assert_eq!(
        record.params.get(names::STATS_STATE_STATE),
        Some(&TypedParamValue::Int(state::RUNNING))
    );
    assert!(
        record.params.get_i32(names::STATS_STATE_REASON).is_some(),
        "{record:?}"
    );
    assert_eq!(
        of(&ours).params.get_i32(names::STATS_STATE_STATE),
        Some(state::SHUTOFF)
    );
    // The records' handles work.
    assert!(of(&ours).domain.is_persistent().await.unwrap());

    // Only the inactive ones.
    let inactive = client
        .get_all_domain_stats(
            DomainStatsTypes::STATE,
            ConnectGetAllDomainStatsFlags::INACTIVE,
        )
        .await
        .unwrap();
    assert!(inactive.iter().any(|r| r.domain == ours));
    assert!(inactive.iter().all(|r| r.domain.uuid() != test.uuid()));

    // virDomainListGetStats: the listed domains in order, the state group
    // only.
    let listed = client
        .domain_list_get_stats(
            &[test.clone(), ours.clone()],
            DomainStatsTypes::STATE,
            ConnectGetAllDomainStatsFlags::empty(),
        )
        .await
        .unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(listed[0].domain.uuid(), test.uuid());
    assert_eq!(listed[1].domain.uuid(), ours.uuid());
    for r in &listed {
        assert!(r.params.names().all(|n| n.starts_with("state.")), "{r:?}");
    }
    assert_eq!(
        listed[1].params.get_i32("state.state"),
        Some(state::SHUTOFF)
    );
    // An empty list is refused before the daemon reads it as "all".
    let err = client
        .domain_list_get_stats(
            &[],
            DomainStatsTypes::STATE,
            ConnectGetAllDomainStatsFlags::empty(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err:?}");
    remove(&ours).await;
    client.close().await.unwrap();
}
