//! Replays the committed fuzz corpora (`fuzz/corpus/<target>/`) through the
//! very checks the fuzz targets run (`fuzz/checks.rs`), so every seed and
//! every crash once found keeps being checked by a plain `cargo test`.
//!
//! `cargo test -p virtwire-protocol --test fuzz_corpus -- --ignored write_seeds`
//! regenerates the built seeds (files named `seed-*`); inputs that the fuzzers
//! found or that reproduced bugs keep their own names and are left alone.

#[allow(dead_code, unreachable_pub, missing_docs)]
mod checks {
    include!("../../fuzz/checks.rs");
}

use std::path::Path;

include!("../../fuzz/replay.rs");

/// Runs `check` on every file of `fuzz/corpus/<target>/`.
fn replay(target: &str, check: fn(&[u8])) {
    replay_dir(
        &corpus_dir(env!("CARGO_MANIFEST_DIR"), target),
        target,
        check,
    );
}

#[test]
fn frame_corpus() {
    replay("frame", checks::check_frame);
}

#[test]
fn body_corpus() {
    replay("body", checks::check_body);
}

#[test]
fn connection_corpus() {
    replay("connection", checks::check_connection);
}

// ---------------------------------------------------------------------------
// Seeds.

use bytes::{BufMut, Bytes, BytesMut};
use checks::{Op, PROGRAMS, body_seed, connection_seed};
use std::collections::BTreeMap;
use virtwire_protocol::BodyPart;
use virtwire_protocol::frame::{self, RawPayload};
use virtwire_protocol::virnet::{MessageStatus, MessageType};

/// Frames larger than this are not taken as seeds (the corpus stays small).
const SEED_MAX: usize = 4096;

/// The frames of every recorded connection (`fixtures/frames/*.frames`), by
/// file name, each direction as `(client_to_server, bytes)`.
fn recorded() -> BTreeMap<String, Vec<(bool, Vec<u8>)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/frames");
    let mut all = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return all;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "frames") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let frames = text
            .lines()
            .filter_map(|line| {
                let (dir, hex) = line.split_once(' ')?;
                let client = match dir {
                    "C" => true,
                    "S" => false,
                    _ => return None,
                };
                let bytes = (0..hex.len() / 2)
                    .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex digits"))
                    .collect();
                Some((client, bytes))
            })
            .collect();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        all.insert(name, frames);
    }
    all
}

fn message(
    prog: u32,
    vers: u32,
    proc: i32,
    kind: MessageType,
    serial: u32,
    status: MessageStatus,
    body: &[u8],
) -> Vec<u8> {
    let mut out = BytesMut::new();
    let header = frame::header(prog, vers, proc, kind, serial, status);
    frame::encode_message(&header, &RawPayload(Bytes::copy_from_slice(body)), &mut out).unwrap();
    out.to_vec()
}

/// Writes the built seeds into `fuzz/corpus/<target>/seed-*`, replacing the
/// previous ones: frames of the recorded connections (one per distinct
/// program, procedure, type and status, and whole short conversations),
/// their payloads as `body` inputs, hand-made edge cases, and connection
/// scripts.
#[test]
#[ignore = "writes the seed corpus; run by hand after the fixtures change"]
fn write_seeds() {
    let mut seeds: BTreeMap<(&str, String), Vec<u8>> = BTreeMap::new();
    let remote = (
        virtwire_protocol::remote::PROGRAM,
        virtwire_protocol::remote::VERSION,
    );

    // Recorded traffic.
    for (name, frames) in recorded() {
        for client in [true, false] {
            let stream: Vec<u8> = frames
                .iter()
                .filter(|(c, _)| *c == client)
                .flat_map(|(_, b)| b.clone())
                .collect();
            if !stream.is_empty() && stream.len() <= SEED_MAX {
                let side = if client { "client" } else { "server" };
                seeds.insert(("frame", format!("seed-{name}-{side}")), stream);
            }
        }
        for (_, bytes) in &frames {
            if bytes.len() > SEED_MAX || bytes.len() < 28 {
                continue;
            }
            let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
            let (prog, vers, proc, kind, status) =
                (word(4), word(8), word(12) as i32, word(16), word(24));
            let Some(index) = PROGRAMS
                .iter()
                .position(|p| p.program == prog && p.version == vers)
            else {
                continue;
            };
            let program = &PROGRAMS[index];
            let tag = format!("{}-{proc}-t{kind}-s{status}", program.name);
            seeds
                .entry(("frame", format!("seed-{tag}")))
                .or_insert_with(|| bytes.clone());
            let fds = if kind == 4 || kind == 5 { 4 } else { 0 };
            let len = word(0) as usize;
            let part = match (kind, status) {
                (0 | 4, _) => BodyPart::Args,
                (1 | 5, 0) => BodyPart::Ret,
                (2, _) => BodyPart::Message,
                _ => continue,
            };
            if program.procedures.iter().any(|p| p.number == proc) && u16::try_from(proc).is_ok() {
                let body = &bytes[28 + fds..len];
                seeds
                    .entry(("body", format!("seed-{tag}")))
                    .or_insert_with(|| body_seed(index, proc, part, body));
            }
        }
    }

    // Hand-made frames: the AUTH_LIST call, and edges of the framing.
    let auth_list = message(
        remote.0,
        remote.1,
        66,
        MessageType::Call,
        0,
        MessageStatus::Ok,
        &[],
    );
    seeds.insert(("frame", "seed-auth-list-call".into()), auth_list.clone());
    seeds.insert(("frame", "seed-truncated".into()), auth_list[..27].to_vec());
    seeds.insert(("frame", "seed-len-too-short".into()), vec![0, 0, 0, 27]);
    seeds.insert(("frame", "seed-len-too-large".into()), vec![0x02, 0, 0, 5]);
    seeds.insert(("frame", "seed-len-max".into()), {
        let mut v = auth_list.clone();
        v[..4].copy_from_slice(&(frame::MESSAGE_MAX as u32 + 4).to_be_bytes());
        v
    });
    let mut bad_type = auth_list.clone();
    bad_type[19] = 9;
    seeds.insert(("frame", "seed-unknown-type".into()), bad_type);
    for (name, count, carriers) in [
        ("fds-none", 0u32, 0usize),
        ("fds-two", 2, 2),
        ("fds-missing-carrier", 2, 1),
        ("fds-max", 32, 32),
        ("fds-too-many", 33, 33),
    ] {
        let mut payload = BytesMut::new();
        payload.put_u32(count);
        payload.put_u32(7);
        let mut v = message(
            remote.0,
            remote.1,
            1,
            MessageType::ReplyWithFds,
            3,
            MessageStatus::Ok,
            &payload,
        );
        v.extend(std::iter::repeat_n(0, carriers));
        v.extend_from_slice(&auth_list);
        seeds.insert(("frame", format!("seed-{name}")), v);
    }
    let mut no_count = message(
        remote.0,
        remote.1,
        1,
        MessageType::CallWithFds,
        3,
        MessageStatus::Ok,
        &[],
    );
    no_count.extend_from_slice(&auth_list);
    seeds.insert(("frame", "seed-fds-no-count".into()), no_count);

    // Connection scripts (config byte: bits 0-2 cap, bit 3 keepalive).
    let start = |procedure: u16| Op::Start {
        program: 0,
        procedure,
        args: vec![0, 0, 0, 1],
    };
    let reply = |pick: u8, status: u8, flags: u8, body: &[u8]| Op::Reply {
        pick,
        serial: 0,
        flags,
        fds: 2,
        status,
        split: 13,
        body: body.to_vec(),
    };
    let scripts: Vec<(&str, u8, Vec<Op>)> = vec![
        (
            "calls-and-replies",
            5,
            vec![
                start(66),
                start(1),
                start(16),
                reply(1, 0, 0, &[0, 0, 0, 0]),
                reply(0, 0, 0, &[]),
                reply(0, 1, 0, &[]),
                Op::Eof,
            ],
        ),
        (
            "queue-under-cap",
            1,
            vec![
                start(66),
                start(67),
                start(68),
                Op::Cancel { pick: 1 },
                reply(0, 0, 0, &[]),
                reply(0, 2, 0, &[]),
                Op::Shutdown,
                start(1),
            ],
        ),
        (
            "mismatches",
            2,
            vec![
                start(5),
                start(6),
                reply(0, 0, 2, &[]),
                reply(0, 0, 4, &[]),
                reply(0, 0, 8, &[]),
                reply(0, 0, 1, &[9, 9, 9, 9]),
            ],
        ),
        (
            "keepalive-toggled",
            2,
            vec![
                start(66),
                Op::SetKeepalive { config: 0x08 },
                Op::Advance {
                    millis: 1000,
                    force: false,
                },
                Op::Keepalive { pong: true },
                Op::SetKeepalive { config: 0 },
                Op::Advance {
                    millis: 60000,
                    force: true,
                },
                Op::SetKeepalive { config: 0x48 },
                Op::Advance {
                    millis: 2000,
                    force: false,
                },
                Op::Advance {
                    millis: 2000,
                    force: false,
                },
            ],
        ),
        (
            "keepalive-dies",
            0x08 | 0x10 | 3,
            vec![
                start(66),
                Op::Advance {
                    millis: 1500,
                    force: false,
                },
                Op::Keepalive { pong: false },
                Op::Advance {
                    millis: 60000,
                    force: true,
                },
                Op::Advance {
                    millis: 60000,
                    force: true,
                },
                Op::Advance {
                    millis: 60000,
                    force: true,
                },
            ],
        ),
        (
            "garbage-closes",
            3,
            vec![
                start(66),
                start(66),
                Op::Garbage {
                    bytes: vec![0, 0, 0, 3],
                },
                start(2),
            ],
        ),
        (
            "partial-then-reply",
            3,
            vec![
                start(66),
                Op::Garbage {
                    bytes: auth_list[..10].to_vec(),
                },
                reply(0, 0, 0, &[]),
            ],
        ),
        (
            "events-and-streams",
            4,
            vec![
                start(209),
                Op::Message {
                    program: 0,
                    kind: 2,
                    procedure: 107,
                    serial: 0,
                    body: vec![0; 12],
                },
                Op::Message {
                    program: 0,
                    kind: 3,
                    procedure: 209,
                    serial: 0,
                    body: vec![1, 2, 3],
                },
                Op::Message {
                    program: 4,
                    kind: 2,
                    procedure: 1,
                    serial: 0,
                    body: vec![],
                },
                Op::Message {
                    program: 5,
                    kind: 1,
                    procedure: 1,
                    serial: 0,
                    body: vec![],
                },
                Op::Message {
                    program: 0,
                    kind: 0,
                    procedure: 1,
                    serial: 0,
                    body: vec![],
                },
                reply(0, 0, 0, &[]),
            ],
        ),
    ];
    let mut scripts = scripts;
    scripts.extend(stream_event_fd_scripts());
    for (name, config, ops) in scripts {
        seeds.insert(
            ("connection", format!("seed-{name}")),
            connection_seed(config, &ops),
        );
    }

    for target in ["frame", "body", "connection"] {
        let dir = corpus_dir(env!("CARGO_MANIFEST_DIR"), target);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
            {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
    for ((target, name), data) in &seeds {
        std::fs::write(
            corpus_dir(env!("CARGO_MANIFEST_DIR"), target).join(name),
            data,
        )
        .unwrap();
    }
}

/// Connection scripts for streams, event subscriptions and descriptors.
fn stream_event_fd_scripts() -> Vec<(&'static str, u8, Vec<Op>)> {
    let open = |flags: u8, procedure: u16| Op::OpenStream { flags, procedure };
    let ok = |body: &[u8]| Op::Reply {
        pick: 0,
        serial: 0,
        flags: 0,
        fds: 0,
        status: 0,
        split: 13,
        body: body.to_vec(),
    };
    let failed = Op::Reply {
        pick: 0,
        serial: 0,
        flags: 0,
        fds: 0,
        status: 1,
        split: 200,
        body: vec![],
    };
    let with_fds = |flags: u8, fds: u8, status: u8, body: &[u8]| Op::Reply {
        pick: 0,
        serial: 999,
        flags: flags | 1,
        fds,
        status,
        split: 40,
        body: body.to_vec(),
    };
    let data_in = |pick: u8, kind: u8, arg: u32, body: &[u8]| Op::StreamIn {
        pick,
        kind,
        arg,
        body: body.to_vec(),
    };
    let send = |pick: u8, kind: u8, arg: u32| Op::StreamSend { pick, kind, arg };
    let start = |program: u8, procedure: u16| Op::Start {
        program,
        procedure,
        args: vec![],
    };
    let subscribe = |flags: u8, procedure: u16, register: u16| Op::Subscribe {
        flags,
        procedure,
        register,
    };
    let event = |route: u8, procedure: u16, id: u32, body: &[u8]| Op::Event {
        route,
        procedure,
        id,
        body: body.to_vec(),
    };
    vec![
        (
            "stream-download",
            5,
            vec![
                open(0, 209),
                data_in(0, 0, 0, b"early"),
                ok(&[]),
                data_in(0, 0, 0, b"more"),
                Op::StreamWritten { pick: 0, len: 100 },
                data_in(0, 1, 0, &[]),
                send(0, 2, 0),
                data_in(0, 0, 0, b"late"),
                send(0, 0, 5),
                data_in(0, 4, 0, &[]),
                data_in(0, 0, 0, b"x"),
                send(0, 3, 0),
                data_in(0x80, 4, 77, &[]),
                open(4, 209),
                ok(&[]),
                data_in(1, 2, 4096, &[]),
                data_in(1, 2, 0x8000_0005, &[]),
                data_in(1, 3, 9, &[]),
                Op::Eof,
            ],
        ),
        (
            "stream-upload",
            5,
            vec![
                open(4, 208),
                send(0, 0, 10),
                send(0, 1, 10),
                ok(&[]),
                send(0, 0, 10),
                send(0, 0x10, 40),
                send(0, 0, 0),
                Op::StreamWritten { pick: 0, len: 10 },
                send(0, 1, 1 << 20),
                send(0, 0x11, 3),
                Op::SetFull {
                    pick: 0,
                    full: true,
                },
                Op::SetFull {
                    pick: 0,
                    full: false,
                },
                send(0, 2, 0),
                send(0, 3, 0),
                send(0, 1, 1),
                data_in(0, 5, 38, &[]),
                send(0, 2, 0),
                send(0x80, 2, 1234),
                Op::StreamWritten { pick: 0x80, len: 5 },
                Op::Shutdown,
                send(0, 0, 1),
            ],
        ),
        (
            "stream-abort-under-cap",
            1,
            vec![
                open(0, 209),
                open(4, 208),
                send(1, 3, 0),
                data_in(1, 0, 0, b"q"),
                send(0, 1, 5),
                ok(&[]),
                send(0, 1, 5),
                data_in(0, 2, 5, &[]),
                ok(&[]),
                data_in(1, 0, 0, b"late"),
                data_in(1, 6, 0, &[1, 2, 3]),
                open(0, 209),
                Op::Cancel { pick: 2 },
                ok(&[]),
                open(0, 209),
                ok(&[]),
                Op::SetFull {
                    pick: 3,
                    full: true,
                },
                data_in(3, 8, 1, &[]),
                open(0, 209),
                failed.clone(),
                open(0, 209),
                ok(&[]),
                data_in(5, 0, 0, b"z"),
                Op::Eof,
                send(5, 0, 1),
            ],
        ),
        (
            "stream-ends-before-reply",
            5,
            vec![
                open(0, 209),
                data_in(0, 0, 0, b"a"),
                data_in(0, 4, 0, &[]),
                send(0, 2, 0),
                ok(&[]),
                open(8, 209),
                start(0x10, 66),
                open(0, 209),
                data_in(0x42, 0, 0, b"w"),
                ok(&[]),
                data_in(2, 7, 0, &[0; 5]),
            ],
        ),
        (
            "subscriptions",
            5,
            vec![
                subscribe(1, 318, 316),
                ok(&[0, 0, 0, 7]),
                subscribe(0, 362, 360),
                ok(&[]),
                subscribe(3, 6, 4),
                ok(&[0, 0, 0, 1]),
                event(0x20, 0, 0, &[0, 0, 0, 1]),
                event(0, 0, 8, &[]),
                event(1, 0, 0, &[]),
                event(0x22, 0, 0, &[5]),
                event(0x80, 9999, 7, &[]),
                event(0x40, 0, 0, &[1]),
                event(0xc1, 9999, 0, &[]),
                subscribe(1, 318, 316),
                ok(&[0, 0, 0, 7]),
                event(0x23, 0, 0, &[]),
                Op::Unsubscribe { pick: 1, id: 0 },
                event(1, 0, 0, &[]),
                Op::Unsubscribe { pick: 1, id: 0 },
                Op::Unsubscribe { pick: 0x80, id: 7 },
                subscribe(1, 319, 316),
                ok(&[0, 0]),
                subscribe(1, 320, 316),
                failed,
                subscribe(1, 321, 316),
                Op::Eof,
                event(0x22, 0, 0, &[]),
            ],
        ),
        (
            "fds-replies",
            5,
            vec![
                start(0, 343),
                start(0x08, 249),
                start(0, 343),
                with_fds(0, 0x01, 0, &[]),
                Op::Reply {
                    pick: 0,
                    serial: 0,
                    flags: 1,
                    fds: 0x03,
                    status: 0,
                    split: 255,
                    body: vec![0, 0, 0, 9],
                },
                with_fds(0, 0x00, 0, &[]),
                start(0, 343),
                with_fds(0, 0x02, 1, &[]),
                start(0, 343),
                with_fds(8, 0x01, 0, &[]),
                with_fds(0, 0x41, 0, &[]),
            ],
        ),
        (
            "fds-missing",
            3,
            vec![
                start(0x04, 343),
                start(0, 343),
                with_fds(0, 0x0b, 0, &[]),
                Op::Fds { count: 2 },
                start(0x0c, 1),
            ],
        ),
        (
            "fds-stray-and-wide",
            2,
            vec![
                start(0x04, 343),
                start(0x08, 343),
                start(0x0c, 343),
                start(0x04, 343),
                Op::Cancel { pick: 2 },
                with_fds(0, 0x80 | 5, 0, &[]),
                with_fds(0, 0x80 | 33, 0, &[]),
                Op::Fds { count: 1 },
            ],
        ),
        (
            "fds-under-partial-frame",
            2,
            vec![
                start(0x04, 343),
                Op::Garbage {
                    bytes: vec![0, 0, 0, 64, 0, 0],
                },
                Op::Fds { count: 3 },
                Op::Shutdown,
                Op::Fds { count: 1 },
            ],
        ),
        (
            "keepalive-paused",
            0x0d,
            vec![
                open(0, 209),
                ok(&[]),
                Op::SetFull {
                    pick: 0,
                    full: true,
                },
                Op::Advance {
                    millis: 60000,
                    force: true,
                },
                Op::SetFull {
                    pick: 0,
                    full: false,
                },
                Op::Advance {
                    millis: 2000,
                    force: false,
                },
            ],
        ),
    ]
}
