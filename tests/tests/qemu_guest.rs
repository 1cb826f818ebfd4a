//! A real QEMU/TCG guest (fixtures/guest/tcg-guest.xml.in) on the shared
//! daemon's qemu driver: lifecycle and live statistics.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use virtwire::prelude::*;
use virtwire::remote::NonnullDomain;
use virtwire::{Client, ConnectOptions, ErrorCode};
use virtwire_tests::{
    TYPED_PARAM_STRING_OKAY, guest_disk, is_stale, param_str, param_u64, poll_until, prefix,
    qemu_uri, remove_stale_temp_dirs, state,
};

/// `VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON` / `_RSS` / `_NR`
const MEM_ACTUAL_BALLOON: i32 = 6;
const MEM_RSS: i32 = 7;
const MEM_STAT_NR: u32 = 13;
/// `VIR_DOMAIN_RUNNING_BOOTED`
const RUNNING_BOOTED: i32 = 1;

/// Every call gets a generous limit: on a busy machine a qemu capabilities
/// probe (define, start) can take a while, but the test must not hang.
const CALL_LIMIT: Duration = Duration::from_secs(240);

async fn qemu_client() -> Client {
    let uri = qemu_uri();
    ConnectOptions::new()
        .timeout(Some(CALL_LIMIT))
        .connect(&uri)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to {uri}: {e} ({e:?})"))
}

/// Destroys and undefines `name`, ignoring "not running" / "not found".
async fn remove_domain(client: &Client, name: &str) {
    let Ok(dom) = client.raw().domain_lookup_by_name(name).await else {
        return;
    };
    if let Err(e) = client.domain_destroy(&dom).await {
        assert!(
            matches!(
                e.code(),
                Some(ErrorCode::OperationInvalid | ErrorCode::NoDomain)
            ),
            "destroy {name}: {e:?}"
        );
    }
    if let Err(e) = client.domain_undefine(&dom).await {
        assert!(e.is_not_found(), "undefine {name}: {e:?}");
    }
}

/// Removes guests of earlier, dead test processes.
async fn remove_stale_guests(client: &Client) {
    let list = client.connect_list_all_domains(1, 0).await.unwrap();
    for dom in list.domains {
        if is_stale(&dom.name, "vwlive-") {
            remove_domain(client, &dom.name).await;
        }
    }
    remove_stale_temp_dirs();
}

/// Undefines the guest and deletes its disk when dropped, even when the
/// test fails half-way (the cleanup runs on its own thread and runtime).
struct Guest {
    name: String,
    dir: PathBuf,
}

impl Drop for Guest {
    fn drop(&mut self) {
        let name = self.name.clone();
        let cleanup = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(client) = ConnectOptions::new()
                    .timeout(Some(Duration::from_secs(60)))
                    .connect(&qemu_uri())
                    .await
                {
                    remove_domain(&client, &name).await;
                    let _ = client.close().await;
                }
            });
        });
        let result = cleanup.join();
        let _ = std::fs::remove_dir_all(&self.dir);
        if result.is_err() && !std::thread::panicking() {
            panic!("cleanup of guest {} failed", self.name);
        }
    }
}

fn render_xml(name: &str, disk: &Path, tap: &str) -> String {
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/guest/tcg-guest.xml.in");
    let text = std::fs::read_to_string(&template)
        .unwrap_or_else(|e| panic!("read {}: {e}", template.display()));
    text.replace("@NAME@", name)
        .replace("@DISK@", disk.to_str().expect("utf-8 path"))
        .replace("@TAP@", tap)
}

/// The `<target dev='…'/>` of the guest's `<interface>`.
fn interface_target(xml: &str) -> String {
    let iface = &xml[xml.find("<interface").expect("an <interface> in the XML")..];
    let iface = &iface[..iface.find("</interface>").expect("</interface>")];
    let target = &iface[iface.find("<target dev='").expect("a <target dev=''>") + 13..];
    target[..target.find('\'').unwrap()].to_owned()
}

fn tap_counter(tap: &str, counter: &str) -> i64 {
    let path = format!("/sys/class/net/{tap}/statistics/{counter}");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read {path}: {e}"))
        .trim()
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tcg_guest_lifecycle_and_stats() {
    let test_start = Instant::now();
    assert!(
        Path::new("/dev/net/tun").exists(),
        "/dev/net/tun is missing: the guest's tap cannot be created"
    );
    let client = qemu_client().await;
    assert_eq!(client.connect_get_type().await.unwrap(), "QEMU");
    remove_stale_guests(&client).await;

    let name = format!("{}tcg", prefix());
    let tap = format!("vwt{}", std::process::id());
    assert!(tap.len() <= 15);
    // Leftovers of this very process (a retried test) go first.
    remove_domain(&client, &name).await;
    let (dir, disk) = guest_disk(&name);
    let guard = Guest {
        name: name.clone(),
        dir: dir.clone(),
    };

    // Define and start.
    let dom = client
        .raw()
        .domain_define_xml(&render_xml(&name, &disk, &tap))
        .await
        .expect("define the guest");
    eprintln!("defined after {:?}", test_start.elapsed());
    assert_eq!(dom.name, name.as_str());
    assert_eq!(dom.id, -1);
    let info = client.domain_get_info(&dom).await.unwrap();
    assert_eq!(i32::from(info.state), state::SHUTOFF);
    client.domain_create(&dom).await.expect("start the guest");
    eprintln!("started after {:?}", test_start.elapsed());
    let dom: NonnullDomain = client
        .raw()
        .domain_lookup_by_name(name.as_str())
        .await
        .unwrap();
    assert!(dom.id > 0, "{dom:?}");
    assert_eq!(client.raw().domain_lookup_by_id(dom.id).await.unwrap(), dom);
    let st = client.domain_get_state(&dom, 0).await.unwrap();
    assert_eq!((st.state, st.reason), (state::RUNNING, RUNNING_BOOTED));

    // 1 vCPU, 64 MiB.
    let info = client.domain_get_info(&dom).await.unwrap();
    assert_eq!(i32::from(info.state), state::RUNNING);
    assert_eq!(info.nr_virt_cpu, 1);
    assert_eq!(info.max_mem, 64 * 1024);
    assert_eq!(info.memory, 64 * 1024);

    // The vCPU executes: cpu_time grows.
    let first = info.cpu_time;
    let later = poll_until(Duration::from_secs(10), Duration::from_millis(100), || {
        let client = client.clone();
        let dom = dom.clone();
        async move {
            let t = client.domain_get_info(&dom).await.unwrap().cpu_time;
            (t > first).then_some(t)
        }
    })
    .await;
    assert!(later.is_some(), "cpu_time stuck at {first}");

    // SeaBIOS reads the disk looking for a boot sector.
    let blk = poll_until(Duration::from_secs(20), Duration::from_millis(200), || {
        let client = client.clone();
        let dom = dom.clone();
        async move {
            let s = client.domain_block_stats(&dom, "vda").await.unwrap();
            (s.rd_req > 0).then_some(s)
        }
    })
    .await
    .expect("no disk reads within 20 s: is the guest executing?");
    eprintln!("disk read after {:?}", test_start.elapsed());
    assert!(blk.rd_bytes >= 512 * blk.rd_req, "{blk:?}");
    assert_eq!(
        (blk.wr_req, blk.wr_bytes),
        (0, 0),
        "nothing writes: {blk:?}"
    );
    let err = client.domain_block_stats(&dom, "vdz").await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::InvalidArg), "{err:?}");

    // The tap, as the live XML names it; its counters match the host's
    // (seen from the guest: the host's tx is the guest's rx).
    let xml = client.domain_get_xml_desc(&dom, 0).await.unwrap();
    assert!(xml.contains(&format!("<name>{name}</name>")));
    assert!(xml.contains(disk.to_str().unwrap()));
    let target = interface_target(&xml);
    assert_eq!(target, tap);
    let (tx0, rx0) = (tap_counter(&tap, "tx_bytes"), tap_counter(&tap, "rx_bytes"));
    let net = client
        .domain_interface_stats(&dom, target.as_str())
        .await
        .unwrap();
    let (tx1, rx1) = (tap_counter(&tap, "tx_bytes"), tap_counter(&tap, "rx_bytes"));
    assert!(
        (tx0..=tx1).contains(&net.rx_bytes) && (rx0..=rx1).contains(&net.tx_bytes),
        "{net:?} vs host tx {tx0}..{tx1} rx {rx0}..{rx1}"
    );
    assert!(net.rx_errs >= 0 && net.tx_drop >= 0, "{net:?}");

    // Balloon statistics.
    let mem = client
        .domain_memory_stats(&dom, MEM_STAT_NR, 0)
        .await
        .unwrap();
    assert!(!mem.is_empty());
    let stat = |tag| mem.iter().find(|s| s.tag == tag).map(|s| s.val);
    assert_eq!(stat(MEM_ACTUAL_BALLOON), Some(64 * 1024), "{mem:?}");
    assert!(stat(MEM_RSS).is_some_and(|rss| rss > 0), "{mem:?}");

    // Total CPU stats: count first, then fetch.
    let count = client
        .domain_get_cpu_stats(&dom, 0, -1, 1, TYPED_PARAM_STRING_OKAY)
        .await
        .unwrap();
    assert!(count.params.is_empty());
    assert!(count.nparams >= 1, "{count:?}");
    let cpu = client
        .domain_get_cpu_stats(&dom, count.nparams as u32, -1, 1, TYPED_PARAM_STRING_OKAY)
        .await
        .unwrap();
    assert_eq!(cpu.params.len(), count.nparams as usize, "{cpu:?}");
    let cpu_time = param_u64(&cpu.params, "cpu_time");
    assert!(cpu_time > 0, "{cpu:?}");

    // Everything at once, for just this domain.
    let records = client
        .connect_get_all_domain_stats(std::slice::from_ref(&dom), 0, 0)
        .await
        .unwrap();
    assert_eq!(records.len(), 1);
    let rec = &records[0];
    assert_eq!(rec.dom.uuid, dom.uuid);
    let p = &rec.params;
    assert_eq!(param_u64(p, "state.state"), state::RUNNING as u64);
    assert!(param_u64(p, "cpu.time") >= cpu_time, "cpu.time went back");
    assert_eq!(param_u64(p, "balloon.current"), 64 * 1024);
    assert_eq!(param_u64(p, "vcpu.current"), 1);
    assert_eq!(param_u64(p, "net.count"), 1);
    assert_eq!(param_str(p, "net.0.name"), tap);
    assert_eq!(param_u64(p, "block.count"), 1);
    assert_eq!(param_str(p, "block.0.name"), "vda");
    assert_eq!(param_str(p, "block.0.path"), disk.to_str().unwrap());
    assert!(param_u64(p, "block.0.rd.reqs") >= blk.rd_req as u64);
    assert_eq!(param_u64(p, "block.0.capacity"), 16 << 20);

    // The qemu program: a QMP command through the monitor.
    let reply = client
        .domain_monitor_command(&dom, r#"{"execute":"query-status"}"#, 0)
        .await
        .unwrap();
    assert!(
        reply.contains(r#""status": "running""#) || reply.contains(r#""status":"running""#),
        "{reply}"
    );

    // Pause and resume a real guest.
    client.domain_suspend(&dom).await.unwrap();
    assert_eq!(
        client.domain_get_state(&dom, 0).await.unwrap().state,
        state::PAUSED
    );
    client.domain_resume(&dom).await.unwrap();
    assert_eq!(
        client.domain_get_state(&dom, 0).await.unwrap().state,
        state::RUNNING
    );

    // Destroy and undefine.
    client.domain_destroy(&dom).await.expect("destroy");
    let info = client.domain_get_info(&dom).await.unwrap();
    assert_eq!(i32::from(info.state), state::SHUTOFF);
    assert!(
        !Path::new(&format!("/sys/class/net/{tap}")).exists(),
        "the managed tap outlived the guest"
    );
    let err = client.domain_block_stats(&dom, "vda").await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::OperationInvalid), "{err:?}");
    eprintln!("destroyed after {:?}", test_start.elapsed());
    client.domain_undefine(&dom).await.expect("undefine");
    let err = client
        .raw()
        .domain_lookup_by_name(name.as_str())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoDomain), "{err:?}");
    client.close().await.unwrap();
    drop(guard);
    assert!(!dir.exists(), "the disk was not deleted");
    eprintln!("TCG guest test took {:?}", test_start.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_autodestroy_guest_vanishes_with_its_connection() {
    let watcher = qemu_client().await;
    remove_stale_guests(&watcher).await;
    let name = format!("{}auto", prefix());
    let tap = format!("vwa{}", std::process::id());
    assert!(tap.len() <= 15);
    remove_domain(&watcher, &name).await;
    let (dir, disk) = guest_disk(&name);
    let _guard = Guest {
        name: name.clone(),
        dir,
    };

    // A transient guest tied to the connection that started it.
    let owner = qemu_client().await;
    let dom = owner
        .domain_create_xml(
            &render_xml(&name, &disk, &tap),
            virtwire::api::DomainCreateFlags::START_AUTODESTROY,
        )
        .await
        .expect("create the AUTODESTROY guest");
    assert!(dom.is_active().await.unwrap());
    assert!(!dom.is_persistent().await.unwrap());
    let seen = watcher
        .domain_lookup_by_name(&name)
        .await
        .expect("another connection sees the guest");
    assert!(seen.is_active().await.unwrap());

    // Closing the owner's connection destroys it.
    owner.close().await.unwrap();
    let gone = poll_until(
        Duration::from_secs(60),
        Duration::from_millis(200),
        || async {
            match watcher.domain_lookup_by_name(&name).await {
                Err(e) if e.is_not_found() => Some(()),
                Err(e) => panic!("lookup of {name}: {e:?}"),
                Ok(_) => None,
            }
        },
    )
    .await;
    assert!(
        gone.is_some(),
        "the AUTODESTROY guest outlived its connection by a minute"
    );
    watcher.close().await.unwrap();
}
