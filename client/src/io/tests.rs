//! Transports over real socket pairs: bytes, descriptors in libvirt's
//! framing, and no descriptor leaks.

use super::{Plain, Socket, Transport, UnixTransport};
use std::collections::VecDeque;
use std::fs::File;
use std::future::poll_fn;
use std::io::{IoSlice, Read, Write};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::MetadataExt;
use tokio::io::ReadBuf;
use tokio::net::UnixStream;

/// A connected pair of unix transports.
fn pair() -> (UnixTransport, UnixTransport) {
    let (a, b) = UnixStream::pair().unwrap();
    (
        UnixTransport::new(a).unwrap(),
        UnixTransport::new(b).unwrap(),
    )
}

/// A pipe as (read end, write end). The read end does not block, so a test
/// reading it fails rather than hangs when a write end is still open.
fn pipe() -> (OwnedFd, OwnedFd) {
    let (tx, rx) = tokio::net::unix::pipe::pipe().unwrap();
    (
        rx.into_nonblocking_fd().unwrap(),
        tx.into_blocking_fd().unwrap(),
    )
}

/// The file a descriptor refers to, which passing it keeps while the
/// descriptor's number changes.
fn identity(fd: BorrowedFd<'_>) -> (u64, u64) {
    let meta = File::from(fd.try_clone_to_owned().unwrap())
        .metadata()
        .unwrap();
    (meta.dev(), meta.ino())
}

/// Bytes `len` long that differ from any shifted copy of themselves.
fn pattern(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.wrapping_mul(2_654_435_761) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// Writes every slice, in vectored writes; returns how many writes it took.
async fn write_all(t: &mut impl Transport, bufs: &[&[u8]]) -> usize {
    let mut slices: Vec<IoSlice<'_>> = bufs.iter().map(|b| IoSlice::new(b)).collect();
    let mut slices = &mut slices[..];
    let mut writes = 0;
    while !slices.is_empty() {
        let n = poll_fn(|cx| t.poll_write_vectored(cx, slices))
            .await
            .unwrap();
        assert!(n > 0, "transport wrote nothing");
        IoSlice::advance_slices(&mut slices, n);
        writes += 1;
    }
    writes
}

/// Sends each descriptor with its own carrier byte.
async fn send_fds(t: &mut impl Transport, fds: &[BorrowedFd<'_>]) {
    for &fd in fds {
        poll_fn(|cx| t.poll_send_fd(cx, fd)).await.unwrap();
    }
}

/// What a reader collected.
struct Received {
    bytes: Vec<u8>,
    fds: Vec<OwnedFd>,
    /// For each descriptor, how many bytes had been read once it arrived.
    fd_offsets: Vec<usize>,
}

/// Reads exactly `len` bytes, at most `chunk` per read, into fresh
/// uninitialised buffers.
async fn read_exact(t: &mut impl Transport, len: usize, chunk: usize) -> Received {
    let mut got = Received {
        bytes: Vec::with_capacity(len),
        fds: Vec::new(),
        fd_offsets: Vec::new(),
    };
    let mut queue = VecDeque::new();
    while got.bytes.len() < len {
        let mut space = vec![MaybeUninit::uninit(); chunk.min(len - got.bytes.len())];
        let mut buf = ReadBuf::uninit(&mut space);
        poll_fn(|cx| t.poll_read(cx, &mut buf, &mut queue))
            .await
            .unwrap();
        assert!(
            !buf.filled().is_empty(),
            "end of stream after {} bytes",
            got.bytes.len()
        );
        got.bytes.extend_from_slice(buf.filled());
        for fd in queue.drain(..) {
            got.fds.push(fd);
            got.fd_offsets.push(got.bytes.len());
        }
    }
    got
}

/// Asserts that `got` holds `expected` and descriptors to the same files as
/// `sent`, each arriving with its carrier byte at `carriers`.
fn check(got: &Received, expected: &[u8], sent: &[BorrowedFd<'_>], carriers: &[usize]) {
    assert_eq!(got.bytes.len(), expected.len());
    assert!(got.bytes == expected, "bytes differ");
    let got_ids: Vec<_> = got.fds.iter().map(|fd| identity(fd.as_fd())).collect();
    let sent_ids: Vec<_> = sent.iter().map(|&fd| identity(fd)).collect();
    assert_eq!(got_ids, sent_ids, "descriptors differ or are out of order");
    for &at in carriers {
        assert_eq!(got.bytes[at], 0, "carrier byte at {at}");
    }
    // A carrier byte ends the receive that brings its descriptor.
    let after_carriers: Vec<usize> = carriers.iter().map(|at| at + 1).collect();
    assert_eq!(got.fd_offsets, after_carriers);
}

/// One direction of the large test: an 8 MiB message in three slices and two
/// descriptors, then a 1 MiB message and one descriptor, read 64 KiB at a
/// time while being written.
async fn large_transfer(from: &mut UnixTransport, to: &mut UnixTransport, seed: u32) {
    let big = pattern(8 << 20, seed);
    let small = pattern(1 << 20, seed + 1);
    let pipes = [pipe(), pipe(), pipe()];
    let sent: Vec<BorrowedFd<'_>> = pipes.iter().map(|(r, _)| r.as_fd()).collect();
    let writer = async {
        let (a, rest) = big.split_at(3_000_001);
        let (b, c) = rest.split_at(5);
        write_all(from, &[a, b, c]).await;
        send_fds(from, &sent[..2]).await;
        write_all(from, &[&small]).await;
        send_fds(from, &sent[2..]).await;
    };
    let total = big.len() + 2 + small.len() + 1;
    let reader = read_exact(to, total, 64 * 1024);
    let ((), got) = tokio::join!(writer, reader);

    let expected = [&big[..], &[0, 0], &small, &[0]].concat();
    let carriers = [big.len(), big.len() + 1, total - 1];
    check(&got, &expected, &sent, &carriers);
}

#[tokio::test]
async fn large_transfers_both_ways_with_fds() {
    let (mut a, mut b) = pair();
    large_transfer(&mut a, &mut b, 1).await;
    large_transfer(&mut b, &mut a, 2).await;
}

#[tokio::test]
async fn one_vectored_write_takes_a_whole_small_message() {
    let (mut a, mut b) = pair();
    let message = pattern(40, 3);
    let (header, body) = message.split_at(28);
    assert_eq!(write_all(&mut a, &[header, &[], body]).await, 1);
    let got = read_exact(&mut b, 40, 4096).await;
    assert_eq!(got.bytes, message);
}

/// A 40-byte message then three descriptors, read `chunk` bytes at a time.
async fn framing_with_chunk(chunk: usize) {
    let (mut a, mut b) = pair();
    let message = pattern(40, chunk as u32);
    let pipes = [pipe(), pipe(), pipe()];
    let sent: Vec<BorrowedFd<'_>> = pipes.iter().map(|(_, w)| w.as_fd()).collect();
    write_all(&mut a, &[&message[..16], &message[16..]]).await;
    send_fds(&mut a, &sent).await;

    let got = read_exact(&mut b, 43, chunk).await;
    let expected = [&message[..], &[0, 0, 0]].concat();
    check(&got, &expected, &sent, &[40, 41, 42]);
}

#[tokio::test]
async fn libvirt_framing_message_then_three_fds() {
    for chunk in [1, 3, 7, 40, 41, 43, 4096] {
        framing_with_chunk(chunk).await;
    }
}

/// Messages of 40, 41, 42 and 43 bytes with 0, 1, 2 and 3 descriptors, all
/// queued in the socket before the reader runs, read `chunk` bytes at a time.
async fn queued_messages_with_chunk(chunk: usize) {
    let (mut a, mut b) = pair();
    let pipes: Vec<_> = (0..6).map(|_| pipe()).collect();
    let mut unsent = pipes.iter().map(|(r, _)| r.as_fd());
    let mut sent = Vec::new();
    let mut expected = Vec::new();
    let mut carriers = Vec::new();
    for k in 0..4 {
        let message = pattern(40 + k, k as u32 + 10);
        write_all(&mut a, &[&message]).await;
        expected.extend_from_slice(&message);
        let fds: Vec<BorrowedFd<'_>> = unsent.by_ref().take(k).collect();
        send_fds(&mut a, &fds).await;
        for fd in fds {
            carriers.push(expected.len());
            expected.push(0);
            sent.push(fd);
        }
    }
    let got = read_exact(&mut b, expected.len(), chunk).await;
    check(&got, &expected, &sent, &carriers);
}

#[tokio::test]
async fn several_messages_with_fds_queued_before_reading() {
    for chunk in [1, 5, 64 * 1024] {
        queued_messages_with_chunk(chunk).await;
    }
}

#[tokio::test]
async fn received_fds_are_real() {
    let (mut a, mut b) = pair();
    let (read_end, write_end) = pipe();
    write_all(&mut a, &[b"call"]).await;
    send_fds(&mut a, &[write_end.as_fd()]).await;
    // Only the received copy of the write end is left.
    drop(write_end);

    let mut got = read_exact(&mut b, 5, 64).await;
    assert_eq!(got.bytes, b"call\0");
    let received = got.fds.pop().unwrap();
    assert!(got.fds.is_empty());
    // Close-on-exec is per descriptor, not inherited from the sender's copy.
    let flags = rustix::io::fcntl_getfd(&received).unwrap();
    assert!(flags.contains(rustix::io::FdFlags::CLOEXEC));
    let mut writer = File::from(received);
    writer.write_all(b"written by the receiver").unwrap();
    drop(writer);

    let mut reader = File::from(read_end);
    let mut text = [0; 64];
    let n = reader.read(&mut text).unwrap();
    assert_eq!(&text[..n], b"written by the receiver");
    // End of file, not "would block": no other copy of the write end survived.
    assert_eq!(reader.read(&mut text).unwrap(), 0);
}

#[tokio::test]
async fn eof_and_a_closed_peer() {
    let (mut a, b) = pair();
    drop(b);
    let mut space = [MaybeUninit::uninit(); 16];
    let mut buf = ReadBuf::uninit(&mut space);
    let mut fds = VecDeque::new();
    poll_fn(|cx| a.poll_read(cx, &mut buf, &mut fds))
        .await
        .unwrap();
    assert!(buf.filled().is_empty() && fds.is_empty());

    let (read_end, _write_end) = pipe();
    let err = poll_fn(|cx| a.poll_send_fd(cx, read_end.as_fd()))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
}

/// Sends `count` copies of `fd` attached to one byte in a single `sendmsg`,
/// which libvirt never does, on the blocking socket `to`.
fn send_many_at_once(to: &std::os::unix::net::UnixStream, fd: BorrowedFd<'_>, count: usize) {
    use rustix::net::{SendAncillaryBuffer, SendAncillaryMessage, SendFlags};
    let fds = vec![fd; count];
    let mut space = vec![MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(count))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    assert!(control.push(SendAncillaryMessage::ScmRights(&fds)));
    let sent = rustix::net::sendmsg(to, &[IoSlice::new(b"x")], &mut control, SendFlags::empty());
    assert_eq!(sent.unwrap(), 1);
}

/// A unix transport fed by a blocking std socket the test writes to.
fn std_pair() -> (std::os::unix::net::UnixStream, UnixTransport) {
    let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
    b.set_nonblocking(true).unwrap();
    (
        a,
        UnixTransport::new(UnixStream::from_std(b).unwrap()).unwrap(),
    )
}

/// Reads once into a fresh buffer.
async fn read_once(t: &mut UnixTransport, fds: &mut VecDeque<OwnedFd>) -> std::io::Result<Vec<u8>> {
    let mut space = [MaybeUninit::uninit(); 64];
    let mut buf = ReadBuf::uninit(&mut space);
    poll_fn(|cx| t.poll_read(cx, &mut buf, fds)).await?;
    Ok(buf.filled().to_vec())
}

#[tokio::test]
async fn thirty_two_fds_in_one_message_fit() {
    let (a, mut b) = std_pair();
    let (read_end, _write_end) = pipe();
    send_many_at_once(&a, read_end.as_fd(), 32);
    let mut fds = VecDeque::new();
    assert_eq!(read_once(&mut b, &mut fds).await.unwrap(), b"x");
    assert_eq!(fds.len(), 32);
    let id = identity(read_end.as_fd());
    assert!(fds.iter().all(|fd| identity(fd.as_fd()) == id));
}

#[tokio::test]
async fn truncated_control_data_is_an_error() {
    let (a, mut b) = std_pair();
    let (read_end, _write_end) = pipe();
    send_many_at_once(&a, read_end.as_fd(), 40);
    let mut fds = VecDeque::new();
    let err = read_once(&mut b, &mut fds).await.unwrap_err();
    assert!(err.to_string().contains("truncated"), "{err}");
    assert!(
        fds.is_empty(),
        "a partial set of descriptors was handed out"
    );
}

/// Descriptors open in this process.
fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Set for the child process [`no_descriptor_leak`] runs.
const PROBE_ENV: &str = "VIRTWIRE_FD_LEAK_PROBE";

/// Counting descriptors only works with nothing else running in the
/// process, so the count runs in a child with a single test thread.
#[test]
#[cfg(target_os = "linux")]
fn no_descriptor_leak() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["io::tests::fd_leak_probe", "--exact", "--ignored"])
        .args(["--test-threads=1", "--nocapture"])
        .env(PROBE_ENV, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("1 passed"),
        "the probe did not run:\n{stdout}"
    );
}

#[tokio::test]
#[ignore = "run alone in a child process by no_descriptor_leak"]
async fn fd_leak_probe() {
    if std::env::var_os(PROBE_ENV).is_none() {
        return;
    }
    let (mut a, mut b) = pair();
    let (std_a, mut std_b) = std_pair();
    let before = open_fds();
    for i in 0..100 {
        let (read_end, write_end) = pipe();
        write_all(&mut a, &[b"msg"]).await;
        send_fds(&mut a, &[write_end.as_fd()]).await;
        let got = read_exact(&mut b, 4, 64).await;
        assert_eq!(got.fds.len(), 1);
        if i == 0 {
            // The pipe's two ends and the received copy: the count sees them.
            assert_eq!(open_fds(), before + 3);
        }
        drop((read_end, write_end, got));
    }
    // The kernel installs 32 or more of these before giving up.
    let (read_end, _write_end) = pipe();
    send_many_at_once(&std_a, read_end.as_fd(), 40);
    let mut fds = VecDeque::new();
    read_once(&mut std_b, &mut fds).await.unwrap_err();
    drop((read_end, _write_end));
    assert_eq!(open_fds(), before);
}

#[tokio::test]
async fn plain_carries_bytes_but_no_fds() {
    let (a, b) = UnixStream::pair().unwrap();
    let (mut a, mut b) = (UnixTransport::new(a).unwrap(), Plain::new(b));
    assert!(a.can_pass_fds());
    assert!(!b.can_pass_fds());

    // A descriptor sent to a plain reader never surfaces.
    let (read_end, _write_end) = pipe();
    write_all(&mut a, &[b"hello"]).await;
    send_fds(&mut a, &[read_end.as_fd()]).await;
    let got = read_exact(&mut b, 6, 64).await;
    assert_eq!(got.bytes, b"hello\0");
    assert!(got.fds.is_empty());

    write_all(&mut b, &[b"back", b" again"]).await;
    assert_eq!(read_exact(&mut a, 10, 64).await.bytes, b"back again");

    let err = poll_fn(|cx| b.poll_send_fd(cx, read_end.as_fd()))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::Unsupported);
    assert!(err.to_string().contains("unix socket"), "{err}");
}

#[tokio::test]
async fn a_plain_read_fills_uninitialised_memory_without_zeroing_it() {
    let (mut a, mut b) = pair();
    let data = pattern(1_000_000, 9);
    let writer = {
        let data = data.clone();
        tokio::spawn(async move {
            write_all(&mut a, &[&data]).await;
        })
    };
    let mut got = Vec::new();
    loop {
        let mut space = vec![std::mem::MaybeUninit::<u8>::uninit(); 65_536];
        let mut buf = ReadBuf::uninit(&mut space);
        poll_fn(|cx| b.poll_read_plain(cx, &mut buf)).await.unwrap();
        let n = buf.filled().len();
        if n == 0 {
            break;
        }
        // Only what arrived counts as initialised: no zeroing happened.
        assert_eq!(buf.initialized().len(), n);
        got.extend_from_slice(buf.filled());
    }
    writer.await.unwrap();
    assert_eq!(got, data);
}

#[tokio::test]
async fn a_tcp_transport_sees_its_peer_hang_up_without_reading() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (client, accepted) = tokio::join!(tokio::net::TcpStream::connect(addr), listener.accept());
    let client = Plain::tcp(Socket::tcp(client.unwrap()).unwrap());
    let (server, _) = accepted.unwrap();
    assert!(!client.peer_closed(), "a live peer");
    drop(server);
    let start = std::time::Instant::now();
    while !client.peer_closed() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "hang-up never seen"
        );
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    // A stream with no socket behind it cannot tell.
    let (a, _b) = tokio::io::duplex(64);
    assert!(!Plain::new(a).peer_closed());
}

/// A TCP pair: the client side as a [`Socket`], the server side as tokio's.
async fn tcp_pair() -> (Socket<std::net::TcpStream>, tokio::net::TcpStream) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (client, accepted) = tokio::join!(tokio::net::TcpStream::connect(addr), listener.accept());
    (Socket::tcp(client.unwrap()).unwrap(), accepted.unwrap().0)
}

#[tokio::test]
async fn a_full_send_buffer_waits_for_room_then_stops_watching_for_it() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (mut socket, mut server) = tcp_pair().await;
    // Far more than the socket buffers hold: writes must wait for the
    // reader, through the duplicate registered for writability.
    let data = pattern(16 << 20, 7);
    let expected = data.clone();
    let reader = tokio::spawn(async move {
        let mut got = Vec::with_capacity(expected.len());
        // Read slowly at first so the sender surely fills its buffer.
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        server.read_to_end(&mut got).await.unwrap();
        assert!(got == expected, "bytes lost or reordered");
    });
    socket.write_all(&data).await.unwrap();
    assert!(
        !socket.watching_for_room(),
        "still registered for writability after the write went through"
    );
    socket.shutdown().await.unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(20), reader)
        .await
        .expect("the reader never saw the end")
        .unwrap();
}

#[tokio::test]
async fn a_read_that_drained_the_socket_still_wakes_for_the_next_bytes() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (mut socket, mut server) = tcp_pair().await;
    let mut buf = [0u8; 64];
    for round in 0..50u8 {
        // Each round's read is short (drained): the readiness is cleared,
        // and the next bytes must still wake it.
        server.write_all(&[round; 10]).await.unwrap();
        let n = tokio::time::timeout(std::time::Duration::from_secs(5), socket.read(&mut buf))
            .await
            .expect("a read never woke for new bytes")
            .unwrap();
        assert_eq!(&buf[..n], &[round; 10][..n]);
        if n < 10 {
            let rest = socket.read(&mut buf[n..10]).await.unwrap();
            assert_eq!(n + rest, 10);
        }
    }
    drop(server);
    assert_eq!(socket.read(&mut buf).await.unwrap(), 0, "end of stream");
}

#[tokio::test]
async fn a_unix_transport_writes_through_a_full_buffer() {
    let (mut a, mut b) = pair();
    // Bigger than a unix socket's buffers, with no descriptors: the writer
    // waits for room on its writability registration.
    let data = pattern(8 << 20, 3);
    let expected = data.clone();
    let reader = tokio::spawn(async move {
        let got = read_exact(&mut b, expected.len(), 64 * 1024).await;
        assert!(got.bytes == expected, "bytes lost or reordered");
    });
    write_all(&mut a, &[&data]).await;
    tokio::time::timeout(std::time::Duration::from_secs(20), reader)
        .await
        .expect("the reader never got everything")
        .unwrap();
}
