//! [`Layered`] with a toy security layer: packets of at most `MAX_OUT`
//! plaintext bytes, framed as Cyrus frames them (`u32 BE length` + body),
//! the body XORed so a missing layer shows.

use super::{Layered, Plain, Transport};
use std::future::poll_fn;
use std::io::IoSlice;
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, ReadBuf};
use virtwire_auth::sasl::{SaslError, SecurityLayer};

const MAX_OUT: usize = 1000;

#[derive(Default)]
struct Toy {
    pending: Vec<u8>,
}

impl SecurityLayer for Toy {
    fn ssf(&self) -> u32 {
        56
    }
    fn encode(&mut self, plain: &[u8], out: &mut Vec<u8>) -> Result<(), SaslError> {
        for chunk in plain.chunks(MAX_OUT) {
            out.extend_from_slice(&(chunk.len() as u32).to_be_bytes());
            out.extend(chunk.iter().map(|b| b ^ 0x5a));
        }
        Ok(())
    }
    fn decode(&mut self, wire: &[u8], out: &mut Vec<u8>) -> Result<(), SaslError> {
        self.pending.extend_from_slice(wire);
        loop {
            if self.pending.len() < 4 {
                return Ok(());
            }
            let len = u32::from_be_bytes(self.pending[..4].try_into().unwrap()) as usize;
            if len > MAX_OUT {
                return Err(SaslError::Layer("packet too long".into()));
            }
            if self.pending.len() < 4 + len {
                return Ok(());
            }
            out.extend(self.pending[4..4 + len].iter().map(|b| b ^ 0x5a));
            self.pending.drain(..4 + len);
        }
    }
}

fn message(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
}

async fn write_all(t: &mut Layered<Plain<DuplexStream>>, data: &[u8]) {
    let mut at = 0;
    while at < data.len() {
        // Three slices per write, as the driver passes several messages.
        let a = &data[at..(at + 700).min(data.len())];
        let b = &data[(at + a.len())..(at + a.len() + 3000).min(data.len())];
        let n = poll_fn(|cx| t.poll_write_vectored(cx, &[IoSlice::new(a), IoSlice::new(b)]))
            .await
            .unwrap();
        assert!(n > 0);
        at += n;
    }
    poll_fn(|cx| t.poll_flush(cx)).await.unwrap();
}

async fn read_exact(t: &mut Layered<Plain<DuplexStream>>, len: usize) -> Vec<u8> {
    let mut got = Vec::new();
    while got.len() < len {
        // Small reads: decoded plaintext is handed out across calls.
        let mut space = [0u8; 333];
        let mut buf = ReadBuf::new(&mut space);
        poll_fn(|cx| t.poll_read_plain(cx, &mut buf)).await.unwrap();
        assert!(!buf.filled().is_empty(), "early end of stream");
        got.extend_from_slice(buf.filled());
    }
    got
}

#[tokio::test]
async fn without_a_layer_bytes_pass_unchanged() {
    let (a, mut b) = tokio::io::duplex(1 << 20);
    let mut a = Layered::new(Plain::new(a));
    let data = message(5000);
    write_all(&mut a, &data).await;
    let mut raw = vec![0; data.len()];
    b.read_exact(&mut raw).await.unwrap();
    assert_eq!(raw, data);
}

#[tokio::test]
async fn with_a_layer_every_byte_is_wrapped_both_ways() {
    // A small pipe: writes stay pending and packets arrive in pieces.
    let (a, b) = tokio::io::duplex(1500);
    let mut a = Layered::new(Plain::new(a));
    let mut b = Layered::new(Plain::new(b));
    a.install_layer(Box::new(Toy::default())).unwrap();
    b.install_layer(Box::new(Toy::default())).unwrap();
    assert!(a.install_layer(Box::new(Toy::default())).is_err());
    let data = message(40_000);
    let reply = message(7_777);
    let (_, got) = tokio::join!(write_all(&mut a, &data), read_exact(&mut b, data.len()));
    assert_eq!(got, data);
    let (_, got) = tokio::join!(write_all(&mut b, &reply), read_exact(&mut a, reply.len()));
    assert_eq!(got, reply);
}

#[tokio::test]
async fn the_wire_carries_packets_and_a_damaged_one_fails_the_read() {
    let (a, mut peer) = tokio::io::duplex(1 << 20);
    let mut a = Layered::new(Plain::new(a));
    a.install_layer(Box::new(Toy::default())).unwrap();
    write_all(&mut a, &message(2500)).await;
    let mut wire = vec![0; 2500 + 3 * 4];
    peer.read_exact(&mut wire).await.unwrap();
    assert_eq!(&wire[..4], &1000u32.to_be_bytes());
    assert_ne!(&wire[4..1004], &message(2500)[..1000]);
    peer.write_all(&u32::MAX.to_be_bytes()).await.unwrap();
    let mut space = [0u8; 64];
    let mut buf = ReadBuf::new(&mut space);
    let e = poll_fn(|cx| a.poll_read_plain(cx, &mut buf))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
}
