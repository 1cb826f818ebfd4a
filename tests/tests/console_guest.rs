//! A real QEMU/TCG guest with a serial console (fixtures/guest/
//! console-guest.xml.in): the console both ways (SeaBIOS and iPXE print on
//! it; iPXE's shell echoes what is typed), graphics descriptors both ways
//! (VNC's banner read from a received socket and from one sent to the
//! daemon), QEMU monitor events, device-added and lifecycle events, and no
//! descriptor leaked. Facts behind the byte strings and timings:
//! fixtures/guest/console-guest.md.

use bytes::Bytes;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream as StdUnixStream;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_stream::StreamExt;
use virtwire::event::{DomainEvent, DomainEventId, DomainEventKind, DomainLifecycle, EventStream};
use virtwire::prelude::*;
use virtwire::remote::NonnullDomain;
use virtwire::stream::StreamReader;
use virtwire::{Client, ConnectOptions};
use virtwire_tests::{qemu_uri, unique_name};

/// `VIR_DOMAIN_START_PAUSED`
const START_PAUSED: u32 = 1;

async fn qemu_client() -> Client {
    ConnectOptions::new()
        .timeout(Some(Duration::from_secs(240)))
        .connect(&qemu_uri())
        .await
        .expect("connect to qemu:///system")
}

fn guest_xml(name: &str, tap: &str) -> String {
    let template = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/guest/console-guest.xml.in"
    ))
    .expect("read the console guest template");
    template.replace("@NAME@", name).replace("@TAP@", tap)
}

/// Reads the console until `needle` appears; returns everything read.
async fn read_until(
    console: &mut StreamReader,
    seen: &mut Vec<u8>,
    needle: &[u8],
    limit: Duration,
) {
    let deadline = Instant::now() + limit;
    let mut buf = vec![0u8; 4096];
    while !seen.windows(needle.len()).any(|w| w == needle) {
        let left = deadline.saturating_duration_since(Instant::now());
        let n = match tokio::time::timeout(left, console.read(&mut buf)).await {
            Ok(Ok(0)) => panic!("console ended; so far: {:?}", String::from_utf8_lossy(seen)),
            Ok(Ok(n)) => n,
            Ok(Err(e)) => panic!("console read failed: {e}"),
            Err(_) => panic!(
                "{:?} not seen within {limit:?}; console so far: {:?}",
                String::from_utf8_lossy(needle),
                String::from_utf8_lossy(seen)
            ),
        };
        seen.extend_from_slice(&buf[..n]);
    }
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Reads VNC's 12-byte protocol banner from a connected socket.
fn vnc_banner(fd: OwnedFd) -> Vec<u8> {
    let mut socket = StdUnixStream::from(fd);
    socket
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut banner = vec![0u8; 12];
    socket.read_exact(&mut banner).expect("read the VNC banner");
    banner
}

async fn next_domain_event(events: &mut EventStream<DomainEvent>) -> DomainEvent {
    match tokio::time::timeout(Duration::from_secs(30), events.next()).await {
        Ok(Some(Ok(e))) => e,
        other => panic!("no domain event: {other:?}"),
    }
}

async fn remove(client: &Client, dom: &NonnullDomain) {
    let _ = client.domain_destroy(dom).await;
    let _ = client.domain_undefine(dom).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_graphics_and_events_of_a_real_guest() {
    let client = qemu_client().await;
    let name = unique_name("console");
    let tap = format!("vwc{}", std::process::id() % 1_000_000);
    let dom = client
        .raw()
        .domain_define_xml(guest_xml(&name, &tap).as_str())
        .await
        .expect("define the console guest");

    let mut lifecycle = client
        .domain_events(DomainEventId::Lifecycle, Some(&dom))
        .await
        .unwrap();
    let mut added = client
        .domain_events(DomainEventId::DeviceAdded, Some(&dom))
        .await
        .unwrap();
    let mut monitor = client
        .qemu_monitor_events(Some(&dom), Some("RESUME"), 0)
        .await
        .unwrap();

    let (c, d) = (client.clone(), dom.clone());
    let result = async move {
        let (client, dom) = (c, d);
        let dom = client
            .domain_create_with_flags(&dom, START_PAUSED)
            .await
            .expect("start paused");
        assert_eq!(
            next_domain_event(&mut lifecycle).await.kind.lifecycle(),
            Some(DomainLifecycle::Started)
        );
        assert_eq!(
            next_domain_event(&mut lifecycle).await.kind.lifecycle(),
            Some(DomainLifecycle::Suspended)
        );

        // The console, opened before the guest runs so nothing is missed.
        let console = client
            .domain_open_console(&dom, None, 0)
            .await
            .expect("open the console");
        let (mut reader, mut writer) = console.into_split();
        client.domain_resume(&dom).await.expect("resume");
        assert_eq!(
            next_domain_event(&mut lifecycle).await.kind.lifecycle(),
            Some(DomainLifecycle::Resumed)
        );
        let event = tokio::time::timeout(Duration::from_secs(30), monitor.next())
            .await
            .expect("a monitor event")
            .expect("stream open")
            .expect("decodes");
        assert_eq!(event.event.as_str(), "RESUME");
        assert_eq!(event.domain.uuid, dom.uuid);
        assert!(
            event.seconds > 1_700_000_000,
            "a real timestamp: {}",
            event.seconds
        );

        let mut seen = Vec::new();
        read_until(
            &mut reader,
            &mut seen,
            b"SeaBIOS (version",
            Duration::from_secs(60),
        )
        .await;
        read_until(
            &mut reader,
            &mut seen,
            b"Press Ctrl-B for the iPXE command line...",
            Duration::from_secs(60),
        )
        .await;
        // Into iPXE's shell, then type at it: the console carries both ways.
        writer.send(Bytes::from_static(b"\x02")).await.unwrap();
        read_until(&mut reader, &mut seen, b"iPXE> ", Duration::from_secs(20)).await;
        seen.clear();
        // Typed as a person types: the guest's UART holds 16 bytes, and a
        // slow TCG guest under load drops what overflows it.
        for byte in b"echo virtwire-hello\r" {
            writer.write_all(&[*byte]).await.unwrap();
            writer.flush().await.unwrap();
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        read_until(
            &mut reader,
            &mut seen,
            b"echo virtwire-hello\r\nvirtwire-hello\r\niPXE> ",
            Duration::from_secs(20),
        )
        .await;
        drop(writer);
        drop(reader);

        // Graphics descriptors, received and sent; none leaked.
        let before = open_fds();
        for _ in 0..5 {
            let fds = client
                .domain_open_graphics_fd(&dom, 0, 0)
                .await
                .expect("open graphics fd");
            assert_eq!(fds.len(), 1);
            let fd = fds.into_iter().next().unwrap();
            assert_eq!(vnc_banner(fd), b"RFB 003.008\n");
        }
        for _ in 0..5 {
            let (ours, theirs) = StdUnixStream::pair().unwrap();
            client
                .domain_open_graphics(&dom, 0, 0, vec![OwnedFd::from(theirs)])
                .await
                .expect("open graphics with our socket");
            assert_eq!(vnc_banner(OwnedFd::from(ours)), b"RFB 003.008\n");
        }
        // Descriptors to the monitor (QMP getfd) and to the domain.
        for i in 0..3 {
            let (a, b) = StdUnixStream::pair().unwrap();
            let cmd = format!("{{\"execute\":\"getfd\",\"arguments\":{{\"fdname\":\"vw{i}\"}}}}");
            let (reply, back) = client
                .domain_monitor_command_with_files(&dom, cmd.as_str(), 0, vec![OwnedFd::from(a)])
                .await
                .expect("getfd with a descriptor");
            assert!(reply.as_str().contains("\"return\""), "{reply}");
            assert!(back.is_empty());
            let cmd = format!("{{\"execute\":\"closefd\",\"arguments\":{{\"fdname\":\"vw{i}\"}}}}");
            client
                .domain_monitor_command(&dom, cmd.as_str(), 0)
                .await
                .expect("closefd: QEMU had received it");
            drop(b);
        }
        let (a, b) = StdUnixStream::pair().unwrap();
        client
            .domain_fd_associate(&dom, "vwfd", 0, vec![OwnedFd::from(a)])
            .await
            .expect("associate a descriptor with the domain");
        drop(b);
        assert_eq!(open_fds(), before, "descriptors leaked");

        // A device added live raises DEVICE_ADDED.
        let disk =
            std::path::PathBuf::from("/tmp/virtwire-libvirtd").join(format!("{name}-extra.raw"));
        std::fs::write(&disk, vec![0u8; 1 << 20]).unwrap();
        let xml = format!(
            "<disk type='file' device='disk'><driver name='qemu' type='raw'/>\
             <source file='{}'/><target dev='vdb' bus='virtio'/></disk>",
            disk.display()
        );
        client
            .domain_attach_device(&dom, xml.as_str())
            .await
            .expect("attach a disk live");
        let event = next_domain_event(&mut added).await;
        match &event.kind {
            DomainEventKind::DeviceAdded { dev_alias } => {
                assert_eq!(dev_alias.as_str(), "virtio-disk1")
            }
            other => panic!("unexpected {other:?}"),
        }
        client.domain_destroy(&dom).await.expect("destroy");
        // QEMU reports its shutdown before libvirt reports the stop.
        let mut last = next_domain_event(&mut lifecycle).await.kind.lifecycle();
        if last == Some(DomainLifecycle::Shutdown) {
            last = next_domain_event(&mut lifecycle).await.kind.lifecycle();
        }
        assert_eq!(last, Some(DomainLifecycle::Stopped));
        let _ = std::fs::remove_file(&disk);
    };
    // Clean up the guest whatever happened.
    let outcome = tokio::spawn(result).await;
    remove(&client, &dom).await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
