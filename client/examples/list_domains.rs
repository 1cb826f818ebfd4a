//! The main demo: connect (by default to `test:///default` through the
//! private daemon of `scripts/libvirtd.sh`; any URI as the first argument)
//! and print every domain with its state, vcpus and memory and, for a
//! running one, its cpu, block, network and memory statistics: what a
//! libvirt-python user prints with `listAllDomains`, `info()`,
//! `blockStats`, `interfaceStats`, `memoryStats` and `getCPUStats`.

mod support;

use virtwire::prelude::*;
use virtwire::remote::{DomainMemoryStat, NonnullDomain};
use virtwire::{Client, DomainState};
use virtwire_xml::{View, domain::Domain};

/// `VIR_CONNECT_LIST_DOMAINS_*`: none set means all domains.
const ALL_DOMAINS: u32 = 0;
/// `VIR_TYPED_PARAM_STRING_OKAY`, which the C library adds to getters.
const TYPED_PARAM_STRING_OKAY: u32 = 4;

/// libvirt-python's `memoryStats()` keys, by `VIR_DOMAIN_MEMORY_STAT_*` tag.
const MEMORY_STAT_NAMES: &[&str] = &[
    "swap_in",
    "swap_out",
    "major_fault",
    "minor_fault",
    "unused",
    "available",
    "actual",
    "rss",
    "usable",
    "last_update",
    "disk_caches",
    "hugetlb_pgalloc",
    "hugetlb_pgfail",
];

/// The disks' and interfaces' target devices, read through typed XML.
fn target_devs(xml: &str) -> (Vec<String>, Vec<String>) {
    let Ok(domain) = Domain::from_xml(xml) else {
        return (Vec::new(), Vec::new());
    };
    let Some(devices) = domain.devices() else {
        return (Vec::new(), Vec::new());
    };
    let disks = devices.disk_targets().map(str::to_owned).collect();
    let nics = devices
        .interfaces()
        .filter_map(|i| i.target_dev())
        .map(str::to_owned)
        .collect();
    (disks, nics)
}

async fn print_stats(client: &Client, dom: &NonnullDomain) -> virtwire::Result<()> {
    // getCPUStats(True): the total over all cpus (start_cpu -1, one set).
    match client
        .domain_get_cpu_stats(dom.clone(), 0, -1, 1, TYPED_PARAM_STRING_OKAY)
        .await
    {
        Ok(count) => {
            let stats = client
                .domain_get_cpu_stats(
                    dom.clone(),
                    count.nparams as u32,
                    -1,
                    1,
                    TYPED_PARAM_STRING_OKAY,
                )
                .await?;
            let params: Vec<String> = stats.params.iter().map(ToString::to_string).collect();
            println!("    cpu:       {}", params.join(" "));
        }
        Err(e) => println!("    cpu:       n/a ({e})"),
    }
    let xml = client.domain_get_xml_desc(dom.clone(), 0).await?;
    let (disks, nics) = target_devs(&xml);
    for disk in disks {
        match client
            .domain_block_stats(dom.clone(), disk.as_str().into())
            .await
        {
            Ok(s) => println!(
                "    block {disk}: rd_req={} rd_bytes={} wr_req={} wr_bytes={} errs={}",
                s.rd_req, s.rd_bytes, s.wr_req, s.wr_bytes, s.errs
            ),
            Err(e) => println!("    block {disk}: n/a ({e})"),
        }
    }
    for nic in nics {
        match client
            .domain_interface_stats(dom.clone(), nic.as_str().into())
            .await
        {
            Ok(s) => println!(
                "    net {nic}: rx_bytes={} rx_packets={} tx_bytes={} tx_packets={} errs={}/{} drop={}/{}",
                s.rx_bytes,
                s.rx_packets,
                s.tx_bytes,
                s.tx_packets,
                s.rx_errs,
                s.tx_errs,
                s.rx_drop,
                s.tx_drop
            ),
            Err(e) => println!("    net {nic}: n/a ({e})"),
        }
    }
    match client
        .domain_memory_stats(dom.clone(), MEMORY_STAT_NAMES.len() as u32, 0)
        .await
    {
        Ok(stats) => {
            let named: Vec<String> = stats
                .iter()
                .map(|DomainMemoryStat { tag, val }| {
                    let name = MEMORY_STAT_NAMES
                        .get(*tag as usize)
                        .copied()
                        .unwrap_or("unknown");
                    format!("{name}={val}")
                })
                .collect();
            println!("    memory:    {}", named.join(" "));
        }
        Err(e) => println!("    memory:    n/a ({e})"),
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let uri = std::env::args()
        .nth(1)
        .or_else(support::private_daemon_uri)
        .unwrap_or_default();
    if let Err(e) = run(&uri).await {
        eprintln!("list_domains: {e}");
        std::process::exit(1);
    }
}

async fn run(uri: &str) -> virtwire::Result<()> {
    let client = Client::connect(uri).await?;
    let version = client.connect_get_lib_version().await?;
    println!(
        "connected to {} on {} (libvirt {}.{}.{})",
        client.uri(),
        client.connect_get_hostname().await?,
        version / 1_000_000,
        version / 1000 % 1000,
        version % 1000
    );
    let list = client.connect_list_all_domains(1, ALL_DOMAINS).await?;
    println!("{} domain(s)", list.domains.len());
    for dom in &list.domains {
        let info = client.domain_get_info(dom.clone()).await?;
        let state = DomainState::from_raw(i32::from(info.state));
        let id = if dom.id >= 0 {
            dom.id.to_string()
        } else {
            "-".into()
        };
        println!(
            "  {} (id {id}): {}, {} vcpu(s), memory {} KiB of {} KiB, cpu time {:.3} s",
            dom.name,
            state.virsh_name(),
            info.nr_virt_cpu,
            info.memory,
            info.max_mem,
            info.cpu_time as f64 / 1e9
        );
        if state == DomainState::Running {
            print_stats(&client, dom).await?;
        }
    }
    client.close().await
}
