// What the `sasl_scram` fuzz target checks, shared with the replay test
// `cargo test -p virtwire-auth --test fuzz_corpus` (included there with
// `include!`): SCRAM server messages from an untrusted daemon never panic
// the client's SASL session.

use virtwire_auth::sasl::{CredentialSources, Credentials, SaslNext, SaslSession};

/// Input: one flag byte (bit 0: SCRAM-SHA-1 instead of SHA-256; bit 1: the
/// first reply says complete; bit 2: the second does; bit 3: the first is
/// nil; bit 4: the second is nil), a big-endian u16 length of the
/// server-first message, the server-first message, and the server-final
/// message (the rest). `%N` in the server-first message stands for the
/// client's nonce (random each run), so inputs can get past the nonce
/// check to the proof and the server-final message.
pub fn check_scram_server(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (first, last) = match rest {
        [a, b, tail @ ..] => {
            tail.split_at(usize::from(u16::from_be_bytes([*a, *b])).min(tail.len()))
        }
        _ => (rest, &[][..]),
    };
    let mechanism = if flags & 1 == 0 {
        "SCRAM-SHA-256"
    } else {
        "SCRAM-SHA-1"
    };
    let sources = CredentialSources {
        host: "fuzz.invalid".into(),
        provider: Some(Credentials::new("fuzz", "pencil").into_provider()),
        ..CredentialSources::default()
    };
    let (mut session, start) = SaslSession::start(mechanism, None, true, sources)
        .expect("SCRAM starts with fixed credentials");
    assert_eq!(start.mechanism, mechanism);
    let client_nonce = start
        .data
        .as_deref()
        .and_then(|d| d.split(|&b| b == b',').find_map(|p| p.strip_prefix(b"r=")))
        .expect("a SCRAM client-first message has a nonce")
        .to_vec();
    let first = replace_all(first, b"%N", &client_nonce);
    let first = (flags & 8 == 0).then_some(&first[..]);
    let last = (flags & 16 == 0).then_some(last);
    if let Ok(SaslNext::Step(_)) = session.next(flags & 2 != 0, first) {
        let _ = session.next(flags & 4 != 0, last);
    }
}

fn replace_all(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut rest = data;
    while !rest.is_empty() {
        if rest.starts_with(from) {
            out.extend_from_slice(to);
            rest = &rest[from.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    out
}
