//! Every frame recorded from a real libvirtd (`fixtures/frames/*.frames`, see
//! `fixtures/README.md`) must split off as exactly one frame, re-encode to the
//! same bytes, and carry a payload that decodes and re-encodes byte for byte.
//!
//! `cargo test -p virtwire-protocol --test fixtures -- --nocapture` prints the
//! frame counts per scenario.

use bytes::{BufMut, BytesMut};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use virtwire_protocol::frame::{self, RawPayload};
use virtwire_protocol::virnet::{
    MessageError, MessageHeader, MessageStatus, MessageType, StreamHole,
};
use virtwire_protocol::xdr::{Bytes, DecodeError, check_roundtrip};
use virtwire_protocol::{BodyPart, admin, keepalive, lxc, qemu, remote};

/// What a frame was, for the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Call,
    CallWithFds,
    Reply,
    ReplyWithFds,
    ErrorReply,
    Event,
    Keepalive,
    Stream,
    StreamHole,
}

/// One recorded frame: its direction (`C` or `S`), its line, its bytes.
struct Recorded {
    line: usize,
    from_client: bool,
    bytes: Vec<u8>,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/frames")
}

fn fixture_files() -> Vec<PathBuf> {
    let dir = fixtures_dir();
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "frames"))
        .collect();
    files.sort();
    files
}

fn unhex(text: &str) -> Result<Vec<u8>, String> {
    if text.len() % 2 != 0 {
        return Err(format!("odd number of hex digits ({})", text.len()));
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            u8::from_str_radix(&text[i..i + 2], 16).map_err(|e| format!("bad hex at {i}: {e}"))
        })
        .collect()
}

fn parse(path: &Path) -> Vec<Recorded> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut frames = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (tag, hex) = line.split_once(' ').unwrap_or_else(|| {
            panic!(
                "{}:{line_no}: expected `C <hex>` or `S <hex>`",
                path.display()
            )
        });
        let from_client = match tag {
            "C" => true,
            "S" => false,
            other => panic!("{}:{line_no}: unknown direction {other:?}", path.display()),
        };
        let bytes =
            unhex(hex.trim()).unwrap_or_else(|e| panic!("{}:{line_no}: {e}", path.display()));
        frames.push(Recorded {
            line: line_no,
            from_client,
            bytes,
        });
    }
    frames
}

/// The generated round trip for a payload of one of the four RPC programs;
/// `None` for another program or an unknown procedure.
fn roundtrip_program(
    header: &MessageHeader,
    part: BodyPart,
    body: Bytes,
) -> Option<Result<bool, DecodeError>> {
    match header.prog {
        remote::PROGRAM => remote::roundtrip_body(header.proc, part, body),
        qemu::PROGRAM => qemu::roundtrip_body(header.proc, part, body),
        lxc::PROGRAM => lxc::roundtrip_body(header.proc, part, body),
        admin::PROGRAM => admin::roundtrip_body(header.proc, part, body),
        _ => None,
    }
}

fn expect_exact(what: &str, result: Option<Result<bool, DecodeError>>) -> Result<(), String> {
    match result {
        None => Err(format!("{what}: unknown program or procedure")),
        Some(Err(e)) => Err(format!("{what}: does not decode: {e}")),
        Some(Ok(false)) => Err(format!(
            "{what}: decodes, but re-encodes to different bytes"
        )),
        Some(Ok(true)) => Ok(()),
    }
}

fn expect_error_body(body: Bytes) -> Result<(), String> {
    expect_exact(
        "virNetMessageError",
        Some(check_roundtrip::<MessageError>(body)),
    )
}

/// Checks one recorded frame; returns what it was.
fn check_frame(recorded: &Recorded) -> Result<Kind, String> {
    let input = &recorded.bytes[..];
    let mut buf = BytesMut::from(input);
    let decoded = frame::decode_frame(&mut buf)
        .map_err(|e| format!("frame does not decode: {e}"))?
        .ok_or_else(|| format!("incomplete frame ({} bytes)", input.len()))?;
    if !buf.is_empty() {
        return Err(format!("{} bytes left after the frame", buf.len()));
    }
    let header = &decoded.header;
    let body = decoded.body.clone();

    // The frame again from the decoded header and the payload.
    let mut out = BytesMut::new();
    if frame::has_fds(header.r#type) {
        let mut payload = BytesMut::new();
        payload.put_u32(decoded.num_fds);
        payload.extend_from_slice(&body);
        frame::encode_message(header, &RawPayload(payload.freeze()), &mut out)
            .map_err(|e| format!("frame does not re-encode: {e}"))?;
        // The descriptor carriers follow the frame, outside its length.
        out.extend_from_slice(&input[out.len().min(input.len())..]);
    } else {
        frame::encode_message(header, &RawPayload(body.clone()), &mut out)
            .map_err(|e| format!("frame does not re-encode: {e}"))?;
    }
    if out[..] != *input {
        return Err("re-encoded frame differs from the recording".to_string());
    }

    let what = format!(
        "prog {:#x} proc {} {:?}/{:?}",
        header.prog, header.proc, header.r#type, header.status
    );
    match header.r#type {
        MessageType::Call | MessageType::CallWithFds => {
            expect_exact(
                &format!("{what} args"),
                roundtrip_program(header, BodyPart::Args, body),
            )?;
            Ok(if header.r#type == MessageType::Call {
                Kind::Call
            } else {
                Kind::CallWithFds
            })
        }
        MessageType::Reply | MessageType::ReplyWithFds => match header.status {
            MessageStatus::Ok => {
                expect_exact(
                    &format!("{what} ret"),
                    roundtrip_program(header, BodyPart::Ret, body),
                )?;
                Ok(if header.r#type == MessageType::Reply {
                    Kind::Reply
                } else {
                    Kind::ReplyWithFds
                })
            }
            MessageStatus::Error => {
                expect_error_body(body)?;
                Ok(Kind::ErrorReply)
            }
            MessageStatus::Continue => Err(format!("{what}: a REPLY with status CONTINUE")),
            _ => Err(format!("{what}: a status this release does not know")),
        },
        MessageType::Message if header.prog == keepalive::PROGRAM => {
            // PING and PONG carry no payload.
            expect_exact(
                &format!("{what} keepalive"),
                keepalive::roundtrip_body(header.proc, BodyPart::Message, body),
            )?;
            Ok(Kind::Keepalive)
        }
        MessageType::Message => {
            expect_exact(
                &format!("{what} message"),
                roundtrip_program(header, BodyPart::Message, body),
            )?;
            Ok(Kind::Event)
        }
        MessageType::Stream => {
            match header.status {
                // Raw data, or empty: EOF (CONTINUE) or finish/confirmation (OK).
                MessageStatus::Continue => {}
                MessageStatus::Ok if body.is_empty() => {}
                MessageStatus::Ok => {
                    return Err(format!(
                        "{what}: STREAM/OK with {} payload bytes",
                        body.len()
                    ));
                }
                // A client abort is empty; a server failure carries the error.
                MessageStatus::Error if body.is_empty() && recorded.from_client => {}
                MessageStatus::Error => expect_error_body(body)?,
                _ => return Err(format!("{what}: a status this release does not know")),
            }
            Ok(Kind::Stream)
        }
        MessageType::StreamHole => {
            expect_exact(
                "virNetStreamHole",
                Some(check_roundtrip::<StreamHole>(body)),
            )?;
            Ok(Kind::StreamHole)
        }
        _ => Err(format!("{what}: a message type this release does not know")),
    }
}

#[test]
fn recorded_frames_round_trip() {
    let files = fixture_files();
    assert!(
        !files.is_empty(),
        "no *.frames fixtures in {} (run scripts/record-fixtures.sh)",
        fixtures_dir().display()
    );

    let mut totals: BTreeMap<Kind, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut report = String::new();
    for path in &files {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let frames = parse(path);
        assert!(!frames.is_empty(), "{}: no frames", path.display());
        let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
        for recorded in &frames {
            match check_frame(recorded) {
                Ok(kind) => *counts.entry(kind).or_default() += 1,
                Err(e) => failures.push(format!("{}:{}: {e}", path.display(), recorded.line)),
            }
        }
        let _ = writeln!(report, "{name:>24}: {:>3} frames {counts:?}", frames.len());
        for (kind, n) in counts {
            *totals.entry(kind).or_default() += n;
        }
    }
    let _ = writeln!(report, "{:>24}: {totals:?}", "total");
    println!("{report}");

    assert!(
        failures.is_empty(),
        "{} frame(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for kind in [
        Kind::Call,
        Kind::CallWithFds,
        Kind::Reply,
        Kind::ReplyWithFds,
        Kind::ErrorReply,
        Kind::Event,
        Kind::Keepalive,
        Kind::Stream,
        Kind::StreamHole,
    ] {
        assert!(
            totals.get(&kind).copied().unwrap_or(0) > 0,
            "no {kind:?} frame in any fixture"
        );
    }
}
