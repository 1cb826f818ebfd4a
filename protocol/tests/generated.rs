//! The code generated from libvirt's `.x` files: every type round-trips, the
//! procedure tables match both libvirt's documented facts and an independent
//! scan of the `.x` text, and malformed input is refused without panicking.

use std::path::PathBuf;

use virtwire_protocol::xdr::{
    self, Bytes, Decode, DecodeError, Encode, EncodeError, Gen, Generate, TypeCheck, XdrString,
    from_bytes, to_bytes,
};
use virtwire_protocol::{
    BodyPart, Event, Priority, Procedure, ProcedureInfo, ProcedureKind, StreamDirection, admin,
    keepalive, lxc, qemu, remote, virnet,
};

const SEEDS: u64 = 64;

/// Every module's round-trip list, by module name.
const MODULES: &[(&str, &[TypeCheck])] = &[
    ("remote", remote::ALL_TYPES),
    ("qemu", qemu::ALL_TYPES),
    ("lxc", lxc::ALL_TYPES),
    ("admin", admin::ALL_TYPES),
    ("virnet", virnet::ALL_TYPES),
    ("keepalive", keepalive::ALL_TYPES),
];

/// The `.x` file of each module, and where it sits in libvirt's tree.
const FILES: &[(&str, &str, &str)] = &[
    ("remote", "remote_protocol.x", "src/remote"),
    ("qemu", "qemu_protocol.x", "src/remote"),
    ("lxc", "lxc_protocol.x", "src/remote"),
    ("admin", "admin_protocol.x", "src/admin"),
    ("virnet", "virnetprotocol.x", "src/rpc"),
    ("keepalive", "virkeepaliveprotocol.x", "src/rpc"),
];

#[test]
fn every_generated_type_round_trips() {
    for ((module, types), (_, file, dir)) in MODULES.iter().zip(FILES) {
        // Independently: the enum, struct and union definitions of the file.
        let text = std::fs::read_to_string(xdr_file(file, dir)).unwrap();
        let mut defined: Vec<&str> = text
            .lines()
            .filter_map(|l| {
                ["struct ", "enum ", "union "]
                    .iter()
                    .find_map(|k| l.strip_prefix(k))
            })
            .filter_map(|rest| rest.split_whitespace().next())
            .collect();
        let mut listed: Vec<&str> = types.iter().map(|(name, _)| *name).collect();
        defined.sort_unstable();
        listed.sort_unstable();
        assert_eq!(
            listed, defined,
            "{module}: ALL_TYPES does not list every type of {file}"
        );

        for (name, check) in *types {
            for seed in 0..SEEDS {
                let result = std::panic::catch_unwind(|| check(seed));
                assert!(
                    result.is_ok(),
                    "{module}::{name} failed its round trip with seed {seed}"
                );
            }
        }
    }
}

/// Every borrowed twin of a call's arguments encodes exactly like the owned
/// struct, and every call procedure whose arguments hold a string, bytes,
/// an array or a struct has one.
#[test]
fn every_borrowed_twin_encodes_like_its_owned_struct() {
    let programs: &[(&str, &[TypeCheck], &[ProcedureInfo])] = &[
        (
            "remote",
            remote::borrowed::BORROWED_CHECKS,
            remote::PROCEDURES,
        ),
        ("qemu", qemu::borrowed::BORROWED_CHECKS, qemu::PROCEDURES),
        ("lxc", lxc::borrowed::BORROWED_CHECKS, lxc::PROCEDURES),
        ("admin", admin::borrowed::BORROWED_CHECKS, admin::PROCEDURES),
    ];
    for (module, checks, procedures) in programs {
        for (name, check) in *checks {
            for seed in 0..SEEDS {
                let result = std::panic::catch_unwind(|| check(seed));
                assert!(
                    result.is_ok(),
                    "{module}::borrowed::{name} encodes unlike its owned struct (seed {seed})"
                );
            }
        }
        let twins: Vec<&str> = checks.iter().map(|(name, _)| *name).collect();
        let with_args = procedures
            .iter()
            .filter(|p| p.kind == ProcedureKind::Call && p.args.is_some())
            .count();
        assert!(
            !twins.is_empty() && twins.len() <= with_args,
            "{module}: {} twins for {with_args} procedures with arguments",
            twins.len()
        );
    }
    // The examples the docs name: a string, a struct and an array of them.
    let name = "remote_domain_lookup_by_name_args";
    assert!(
        remote::borrowed::BORROWED_CHECKS
            .iter()
            .any(|(n, _)| *n == name)
    );
    let params = "remote_domain_set_scheduler_parameters_args";
    assert!(
        remote::borrowed::BORROWED_CHECKS
            .iter()
            .any(|(n, _)| *n == params)
    );
}

// ---------------------------------------------------------------------------
// Procedure tables.

/// Where the build read a `.x` file from (see build.rs).
fn xdr_file(file: &str, source_dir: &str) -> PathBuf {
    match std::env::var_os("LIBVIRT_SOURCE") {
        Some(root) => PathBuf::from(root).join(source_dir).join(file),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("xdr")
            .join(file),
    }
}

/// `(name, number)` of every `<PREFIX>PROC_<NAME> = <N>` line of the file,
/// found by a plain text scan independent of the generator.
fn scan_procedures(file: &str, source_dir: &str, prefix: &str) -> Vec<(String, i32)> {
    let path = xdr_file(file, source_dir);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut found = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with(prefix) {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_end_matches(',').trim();
        let number = value
            .parse()
            .unwrap_or_else(|_| panic!("{file}: cannot read the number in {line:?}"));
        found.push((name.trim().to_owned(), number));
    }
    found
}

/// A program's table and what it must match.
struct Program {
    name: &'static str,
    table: &'static [ProcedureInfo],
    count: usize,
    file: &'static str,
    source_dir: &'static str,
    prefix: &'static str,
    number: u32,
}

fn check_table(p: &Program) {
    let program = p.name;
    assert_eq!(p.table.len(), p.count, "{program}: procedure count");
    let mut scanned = scan_procedures(p.file, p.source_dir, p.prefix);
    scanned.sort_by_key(|(_, n)| *n);
    assert_eq!(
        scanned.len(),
        p.table.len(),
        "{program}: the scan of {} disagrees",
        p.file
    );
    for (i, (info, (name, n))) in p.table.iter().zip(&scanned).enumerate() {
        assert_eq!(
            info.number,
            i as i32 + 1,
            "{program}: numbers are not contiguous from 1"
        );
        assert_eq!(
            (info.name, info.number),
            (name.as_str(), *n),
            "{program}: entry {i}"
        );
        assert_eq!((info.program, info.version), (p.number, 1));
        assert_eq!(
            info.method,
            &info.name[p.prefix.len()..].to_ascii_lowercase()
        );
    }
}

#[test]
fn procedure_counts_match_libvirt_and_the_x_files() {
    let programs = [
        Program {
            name: "remote",
            table: remote::PROCEDURES,
            count: 453,
            file: "remote_protocol.x",
            source_dir: "src/remote",
            prefix: "REMOTE_PROC_",
            number: 0x20008086,
        },
        Program {
            name: "qemu",
            table: qemu::PROCEDURES,
            count: 7,
            file: "qemu_protocol.x",
            source_dir: "src/remote",
            prefix: "QEMU_PROC_",
            number: 0x20008087,
        },
        Program {
            name: "lxc",
            table: lxc::PROCEDURES,
            count: 1,
            file: "lxc_protocol.x",
            source_dir: "src/remote",
            prefix: "LXC_PROC_",
            number: 0x00068000,
        },
        Program {
            name: "admin",
            table: admin::PROCEDURES,
            count: 20,
            file: "admin_protocol.x",
            source_dir: "src/admin",
            prefix: "ADMIN_PROC_",
            number: 0x06900690,
        },
        Program {
            name: "keepalive",
            table: keepalive::PROCEDURES,
            count: 2,
            file: "virkeepaliveprotocol.x",
            source_dir: "src/rpc",
            prefix: "KEEPALIVE_PROC_",
            number: 0x6b656570,
        },
    ];
    for program in &programs {
        check_table(program);
    }
}

#[test]
fn procedure_facts() {
    assert_eq!(remote::REMOTE_PROGRAM, 0x20008086);
    assert_eq!(remote::PROGRAM, 0x20008086);
    assert_eq!(remote::VERSION, 1);
    assert_eq!(keepalive::PROGRAM, 0x6b656570);

    let info = remote::procedure(16).expect("procedure 16");
    assert_eq!(info.name, "REMOTE_PROC_DOMAIN_GET_INFO");
    assert_eq!(info.method, "domain_get_info");
    assert_eq!(info.args, Some("remote_domain_get_info_args"));
    assert_eq!(info.ret, Some("remote_domain_get_info_ret"));
    assert_eq!(info.message, None);
    assert_eq!(info.kind, ProcedureKind::Call);
    assert_eq!(remote::ProcedureNumber::DomainGetInfo as i32, 16);
    assert_eq!(<remote::procs::DomainGetInfo as Procedure>::INFO, info);
    assert!(remote::procedure(0).is_none());
    assert!(remote::procedure(454).is_none());

    let download = remote::procedure(remote::ProcedureNumber::StorageVolDownload as i32).unwrap();
    assert_eq!(download.stream, Some(StreamDirection::Read));
    assert_eq!(
        download.sparse_flag,
        Some("VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM")
    );
    let upload = <remote::procs::StorageVolUpload as Procedure>::INFO;
    assert_eq!(upload.stream, Some(StreamDirection::Write));
    assert_eq!(
        upload.sparse_flag,
        Some("VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM")
    );
    let screenshot = remote::PROCEDURES
        .iter()
        .find(|p| p.name == "REMOTE_PROC_DOMAIN_SCREENSHOT")
        .unwrap();
    assert_eq!(
        (screenshot.stream, screenshot.sparse_flag),
        (Some(StreamDirection::Read), None)
    );

    // From the annotations: CONNECT_OPEN is high priority, CONNECT_GET_CAPABILITIES is not.
    assert_eq!(remote::procedure(1).unwrap().priority, Priority::High);
    assert_eq!(remote::procedure(7).unwrap().priority, Priority::Low);

    let messages: Vec<&ProcedureInfo> = remote::PROCEDURES
        .iter()
        .filter(|p| p.kind == ProcedureKind::Message)
        .collect();
    assert_eq!(messages.len(), 53);
    assert!(
        messages
            .iter()
            .all(|p| p.message.is_some() && p.args.is_none() && p.ret.is_none())
    );
    let lifecycle = <remote::procs::DomainEventCallbackLifecycle as Event>::INFO;
    assert_eq!(
        lifecycle.message,
        Some("remote_domain_event_callback_lifecycle_msg")
    );

    // Void payloads (facts doc section 3).
    let close = remote::procedure(2).unwrap();
    assert_eq!((close.args, close.ret), (None, None));
    assert_eq!(
        remote::PROCEDURES
            .iter()
            .filter(|p| p.kind == ProcedureKind::Call && p.args.is_none())
            .count(),
        28
    );
    assert_eq!(
        remote::PROCEDURES
            .iter()
            .filter(|p| p.kind == ProcedureKind::Call && p.ret.is_none())
            .count(),
        151
    );

    let monitor = qemu::procedure(6).unwrap();
    assert_eq!(monitor.name, "QEMU_PROC_DOMAIN_MONITOR_EVENT");
    assert_eq!(monitor.kind, ProcedureKind::Message);
    assert!(
        keepalive::PROCEDURES
            .iter()
            .all(|p| p.kind == ProcedureKind::Message && p.message.is_none())
    );
    assert_eq!(
        lxc::procedure(1).unwrap().args,
        Some("lxc_domain_open_namespace_args")
    );
}

#[test]
fn cross_module_types_are_shared() {
    // qemu uses remote's types, not copies of them.
    let args = qemu::DomainMonitorCommandArgs {
        dom: remote::NonnullDomain {
            name: "vm".into(),
            uuid: [7; 16],
            id: 3,
        },
        cmd: "info".into(),
        flags: 0,
    };
    let bytes = to_bytes(&args).unwrap();
    assert_eq!(
        from_bytes::<qemu::DomainMonitorCommandArgs>(bytes).unwrap(),
        args
    );
}

// ---------------------------------------------------------------------------
// Encodings libvirt's documentation pins down.

#[test]
fn domain_get_info_ret_is_32_bytes() {
    let ret = remote::DomainGetInfoRet {
        state: 1,
        max_mem: 2,
        memory: 3,
        nr_virt_cpu: 4,
        cpu_time: 5,
    };
    let bytes = to_bytes(&ret).unwrap();
    assert_eq!(bytes.len(), 32);
    assert_eq!(ret.encoded_len(), 32);
    assert_eq!(&bytes[..4], &[0, 0, 0, 1]);
    assert_eq!(&bytes[20..24], &[0, 0, 0, 4]);
    assert_eq!(from_bytes::<remote::DomainGetInfoRet>(bytes).unwrap(), ret);
}

#[test]
fn node_get_info_model_takes_a_word_per_char() {
    let mut model = [0i8; 32];
    for (m, c) in model.iter_mut().zip(b"x86_64") {
        *m = *c as i8;
    }
    let ret = remote::NodeGetInfoRet {
        model,
        memory: 1,
        cpus: 2,
        mhz: 3,
        nodes: 4,
        sockets: 5,
        cores: 6,
        threads: 7,
    };
    let bytes = to_bytes(&ret).unwrap();
    assert_eq!(bytes.len(), 160);
    assert_eq!(&bytes[..8], &[0, 0, 0, b'x', 0, 0, 0, b'8']);
    // The model ends after 32 words: then `memory`.
    assert_eq!(&bytes[128..136], &[0, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!(from_bytes::<remote::NodeGetInfoRet>(bytes).unwrap(), ret);
}

#[test]
fn message_header_is_24_bytes() {
    let header = virnet::MessageHeader {
        prog: remote::PROGRAM,
        vers: remote::VERSION,
        proc: 16,
        r#type: virnet::MessageType::Call,
        serial: 9,
        status: virnet::MessageStatus::Ok,
    };
    let bytes = to_bytes(&header).unwrap();
    assert_eq!(bytes.len(), virnet::VIR_NET_MESSAGE_HEADER_MAX as usize);
    assert_eq!(from_bytes::<virnet::MessageHeader>(bytes).unwrap(), header);
}

// ---------------------------------------------------------------------------
// Malformed input: an error every time, never a panic.

fn generated<T: Generate>(seed: u64) -> T {
    T::generate(&mut Gen::new(seed))
}

/// Every proper prefix of a valid encoding fails to decode.
fn truncations_fail<T: Generate + Encode + Decode + PartialEq + std::fmt::Debug>(seeds: u64) {
    for seed in 0..seeds {
        let value: T = generated(seed);
        let bytes = to_bytes(&value).unwrap();
        for len in 0..bytes.len() {
            assert!(
                from_bytes::<T>(bytes.slice(..len)).is_err(),
                "{value:?} truncated to {len} decoded"
            );
        }
    }
}

#[test]
fn truncated_bodies_are_errors() {
    truncations_fail::<remote::DomainGetInfoRet>(4);
    truncations_fail::<remote::TypedParam>(16);
    truncations_fail::<remote::DomainGetSchedulerParametersRet>(16);
    truncations_fail::<remote::Error>(16);
    truncations_fail::<remote::ConnectListAllDomainsRet>(16);
    truncations_fail::<remote::DomainEventCallbackLifecycleMsg>(16);
    truncations_fail::<admin::ConnectListServersRet>(16);

    // Through the procedure table too.
    let ret = remote::DomainGetInfoRet::default();
    let bytes = to_bytes(&ret).unwrap();
    assert_eq!(
        remote::roundtrip_body(16, BodyPart::Ret, bytes.clone()),
        Some(Ok(true))
    );
    assert!(matches!(
        remote::roundtrip_body(16, BodyPart::Ret, bytes.slice(..31)),
        Some(Err(DecodeError::UnexpectedEnd { .. }))
    ));
    assert!(matches!(
        remote::roundtrip_body(16, BodyPart::Message, bytes),
        Some(Err(DecodeError::TrailingBytes { count: 32 }))
    ));
    assert_eq!(
        remote::roundtrip_body(9999, BodyPart::Args, Bytes::new()),
        None
    );
}

#[test]
fn counts_over_bounds_are_errors() {
    // remote_connect_list_all_domains_ret { remote_nonnull_domain domains<REMOTE_DOMAIN_LIST_MAX>; unsigned int ret; }
    let max = remote::REMOTE_DOMAIN_LIST_MAX;
    let mut body = (max + 1).to_be_bytes().to_vec();
    body.extend([0; 64]);
    assert_eq!(
        from_bytes::<remote::ConnectListAllDomainsRet>(Bytes::from(body)),
        Err(DecodeError::OverBound { len: max + 1, max })
    );
    // A count the input cannot hold is refused before allocating.
    let mut body = max.to_be_bytes().to_vec();
    body.extend([0; 64]);
    assert!(matches!(
        from_bytes::<remote::ConnectListAllDomainsRet>(Bytes::from(body)),
        Err(DecodeError::UnexpectedEnd { .. })
    ));
    // A typedef'd string bound (remote_nonnull_string<REMOTE_STRING_MAX>) holds inside an option.
    let too_long = remote::REMOTE_STRING_MAX + 1;
    let mut body = vec![0, 0, 0, 1];
    body.extend(too_long.to_be_bytes());
    assert_eq!(
        from_bytes::<remote::ConnectOpenArgs>(Bytes::from(body)),
        Err(DecodeError::OverBound {
            len: too_long,
            max: remote::REMOTE_STRING_MAX
        })
    );
    // And when encoding.
    let domain = remote::NonnullDomain {
        name: XdrString::new(),
        uuid: [0; 16],
        id: 0,
    };
    let ret = remote::ConnectListAllDomainsRet {
        domains: vec![domain; max as usize + 1],
        ret: 0,
    };
    assert_eq!(
        to_bytes(&ret).unwrap_err(),
        EncodeError::OverBound {
            len: max as usize + 1,
            max
        }
    );
    // A char array bound: char label<REMOTE_SECURITY_LABEL_MAX>.
    let label = remote::DomainGetSecurityLabelRet {
        label: vec![b'a' as i8; remote::REMOTE_SECURITY_LABEL_MAX as usize + 1],
        enforcing: 0,
    };
    assert!(matches!(
        to_bytes(&label),
        Err(EncodeError::OverBound { .. })
    ));
}

#[test]
fn unknown_discriminants_are_errors() {
    let mut body = vec![0, 0, 0, 1, b'k', 0, 0, 0];
    body.extend([0, 0, 0, 8, 0, 0, 0, 0]);
    assert_eq!(
        from_bytes::<remote::TypedParam>(Bytes::from(body)),
        Err(DecodeError::UnknownDiscriminant {
            type_name: "remote_typed_param_value",
            value: 8
        })
    );
    let body = Bytes::from_static(&[0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    assert_eq!(
        from_bytes::<admin::TypedParamValue>(body),
        Err(DecodeError::UnknownDiscriminant {
            type_name: "admin_typed_param_value",
            value: -1
        })
    );
    assert_eq!(
        from_bytes::<remote::AuthType>(Bytes::from_static(&[0, 0, 0, 3])),
        Err(DecodeError::UnknownDiscriminant {
            type_name: "remote_auth_type",
            value: 3
        })
    );
    assert_eq!(remote::AuthType::try_from(1), Ok(remote::AuthType::Sasl));
    assert_eq!(
        remote::ProcedureNumber::try_from(16),
        Ok(remote::ProcedureNumber::DomainGetInfo)
    );
    assert_eq!(remote::ProcedureNumber::ALL.len(), 453);
}

#[test]
fn invalid_utf8_is_an_error() {
    // remote_connect_open_args { remote_string name; unsigned int flags; }
    let body = Bytes::from_static(&[0, 0, 0, 1, 0, 0, 0, 2, 0xc3, 0x28, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        from_bytes::<remote::ConnectOpenArgs>(body.clone()),
        Err(DecodeError::InvalidUtf8)
    );
    assert_eq!(
        remote::roundtrip_body(1, BodyPart::Args, body),
        Some(Err(DecodeError::InvalidUtf8))
    );
}

#[test]
fn optional_flags_other_than_0_and_1_are_errors() {
    let body = Bytes::from_static(&[0, 0, 0, 2, 0, 0, 0, 0]);
    assert_eq!(
        from_bytes::<remote::ConnectOpenArgs>(body),
        Err(DecodeError::InvalidBool { value: 2 })
    );
}

/// Arbitrary bytes as any payload of any procedure: `Some(Err(_))` or
/// `Some(Ok(_))`, never a panic (a panic is `check_roundtrip` finding a bug).
#[test]
fn arbitrary_bodies_never_panic() {
    type Roundtrip = fn(i32, BodyPart, Bytes) -> Option<Result<bool, DecodeError>>;
    let tables: [(&[ProcedureInfo], Roundtrip); 5] = [
        (remote::PROCEDURES, remote::roundtrip_body),
        (qemu::PROCEDURES, qemu::roundtrip_body),
        (lxc::PROCEDURES, lxc::roundtrip_body),
        (admin::PROCEDURES, admin::roundtrip_body),
        (keepalive::PROCEDURES, keepalive::roundtrip_body),
    ];
    let mut g = Gen::new(42);
    for (table, roundtrip) in tables {
        for info in table {
            for part in [BodyPart::Args, BodyPart::Ret, BodyPart::Message] {
                for _ in 0..8 {
                    // Mostly small words so that counts and discriminants are plausible.
                    let len = g.choose(48);
                    let body: Vec<u8> = (0..len)
                        .map(|i| {
                            if i % 4 == 3 {
                                (g.next_u64() % 4) as u8
                            } else if g.choose(4) == 0 {
                                g.next_u64() as u8
                            } else {
                                0
                            }
                        })
                        .collect();
                    let result = roundtrip(info.number, part, Bytes::from(body));
                    assert!(result.is_some(), "{} is in the table", info.name);
                }
            }
        }
    }
}

#[test]
fn void_payloads_must_be_empty() {
    assert_eq!(
        remote::roundtrip_body(2, BodyPart::Args, Bytes::new()),
        Some(Ok(true))
    );
    assert_eq!(
        remote::roundtrip_body(2, BodyPart::Args, Bytes::from_static(&[0, 0, 0, 0])),
        Some(Err(DecodeError::TrailingBytes { count: 4 }))
    );
    assert_eq!(
        keepalive::roundtrip_body(1, BodyPart::Message, Bytes::new()),
        Some(Ok(true))
    );
    // The runtime helper the generated code calls is exported for other users.
    assert!(xdr::check_roundtrip::<()>(Bytes::new()).unwrap());
}
