//! The main demo: connect (by default to `test:///default` through the
//! private daemon of `scripts/libvirtd.sh`; any URI as the first argument)
//! and print every domain with its state, vcpus and memory and, for a
//! running one, its cpu, block, network and memory statistics: what a
//! libvirt-python user prints with `listAllDomains`, `info()`,
//! `blockStats`, `interfaceStats`, `memoryStats` and `getCPUStats`.

mod support;

use virtwire::api::{ConnectListAllDomainsFlags, DomainXmlFlags, TypedParameterFlags};
use virtwire::remote::DomainMemoryStat;
use virtwire::{Client, Domain, DomainState};
use virtwire_xml::View;

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
    let Ok(domain) = virtwire_xml::domain::Domain::from_xml(xml) else {
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

async fn print_stats(dom: &Domain) -> virtwire::Result<()> {
    // getCPUStats(True): the total over all cpus (start_cpu -1, one set);
    // the method asks for the number of parameters first.
    match dom.get_cpu_stats_total(TypedParameterFlags::empty()).await {
        Ok(total) => {
            let params: Vec<String> = total.iter().map(|(n, v)| format!("{n}={v}")).collect();
            println!("    cpu:       {}", params.join(" "));
        }
        Err(e) => println!("    cpu:       n/a ({e})"),
    }
    let xml = dom.get_xml_desc(DomainXmlFlags::empty()).await?;
    let (disks, nics) = target_devs(&xml);
    for disk in disks {
        match dom.block_stats(&disk).await {
            Ok(s) => println!(
                "    block {disk}: rd_req={} rd_bytes={} wr_req={} wr_bytes={} errs={}",
                s.rd_req, s.rd_bytes, s.wr_req, s.wr_bytes, s.errs
            ),
            Err(e) => println!("    block {disk}: n/a ({e})"),
        }
    }
    for nic in nics {
        match dom.interface_stats(&nic).await {
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
    match dom.memory_stats(MEMORY_STAT_NAMES.len() as u32, 0).await {
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
    let version = client.get_lib_version().await?;
    println!(
        "connected to {} on {} (libvirt {}.{}.{})",
        client.uri(),
        client.get_hostname().await?,
        version / 1_000_000,
        version / 1000 % 1000,
        version % 1000
    );
    // No flags set: every domain, running or not.
    let domains = client
        .list_all_domains(ConnectListAllDomainsFlags::empty())
        .await?;
    println!("{} domain(s)", domains.len());
    for dom in &domains {
        let info = dom.get_info().await?;
        let id = dom.id().map_or_else(|| "-".into(), |id| id.to_string());
        println!(
            "  {dom} (id {id}): {}, {} vcpu(s), memory {} KiB of {} KiB, cpu time {:.3} s",
            info.state.virsh_name(),
            info.nr_virt_cpu,
            info.memory,
            info.max_mem,
            info.cpu_time as f64 / 1e9
        );
        if info.state == DomainState::Running {
            print_stats(dom).await?;
        }
    }
    client.close().await
}
