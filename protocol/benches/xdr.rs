//! Encode and decode throughput of the XDR runtime and framing.
//!
//! `cargo bench -p virtwire-protocol --bench xdr`. Under `cargo test
//! --all-targets` divan runs every benchmark once, as a smoke test.
//!
//! Encoding writes into a buffer reused across iterations (the caller's write
//! buffer), so it measures serialisation, not allocation. Decoding starts from
//! a shared [`Bytes`] (a reference-count bump, as a received frame body is) and
//! includes building the Rust values; their drop happens outside the timing.

use bytes::BytesMut;
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use virtwire_protocol::frame::{self, RawPayload};
use virtwire_protocol::remote::{
    self, ConnectGetAllDomainStatsRet, ConnectListAllDomainsRet, DomainGetInfoRet,
    DomainStatsRecord, NonnullDomain, TypedParam, TypedParamValue,
};
use virtwire_protocol::virnet::{MessageStatus, MessageType};
use virtwire_protocol::xdr::{self, Bytes, Decode, Encode, XdrString};

fn main() {
    divan::main();
}

/// SplitMix64: deterministic, dependency-free test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn uuid(&mut self) -> [u8; 16] {
        let mut u = [0u8; 16];
        u[..8].copy_from_slice(&self.next().to_le_bytes());
        u[8..].copy_from_slice(&self.next().to_le_bytes());
        u[6] = (u[6] & 0x0f) | 0x40; // version 4
        u[8] = (u[8] & 0x3f) | 0x80; // RFC 4122 variant
        u
    }
}

fn domain(rng: &mut Rng, i: usize) -> NonnullDomain {
    NonnullDomain {
        name: XdrString::from(format!("guest-{i:04}")),
        uuid: rng.uuid(),
        // About a third of the domains are shut off (id -1).
        id: if rng.below(3) == 0 { -1 } else { i as i32 + 1 },
    }
}

fn encoded(value: &impl Encode) -> Bytes {
    xdr::to_bytes(value).expect("benchmark values are within bounds")
}

fn bench_encode<T: Encode>(bencher: Bencher, value: &T, items: usize) {
    let mut out = Vec::with_capacity(value.encoded_len());
    bencher
        .counter(BytesCount::new(value.encoded_len()))
        .counter(ItemsCount::new(items))
        .bench_local(|| {
            let value = black_box(value);
            out.clear();
            out.reserve(value.encoded_len());
            value.encode(&mut out).unwrap();
            black_box(out.len());
        });
}

fn bench_decode<T: Decode>(bencher: Bencher, value: &impl Encode, items: usize) {
    let bytes = encoded(value);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .counter(ItemsCount::new(items))
        .bench_local(|| xdr::from_bytes::<T>(black_box(bytes.clone())).unwrap());
}

/// `remote_domain_get_info_ret`: five scalars, 32 bytes.
mod domain_get_info {
    use super::*;

    fn value() -> DomainGetInfoRet {
        DomainGetInfoRet {
            state: 1,
            max_mem: 8 << 20,
            memory: 4 << 20,
            nr_virt_cpu: 4,
            cpu_time: 123_456_789_012,
        }
    }

    #[divan::bench]
    fn encode(bencher: Bencher) {
        bench_encode(bencher, &value(), 1);
    }

    #[divan::bench]
    fn decode(bencher: Bencher) {
        bench_decode::<DomainGetInfoRet>(bencher, &value(), 1);
    }
}

/// `remote_connect_list_all_domains_ret` with 1,000 domains.
mod list_all_domains_1000 {
    use super::*;

    const DOMAINS: usize = 1000;

    fn value() -> ConnectListAllDomainsRet {
        let mut rng = Rng(42);
        ConnectListAllDomainsRet {
            domains: (0..DOMAINS).map(|i| domain(&mut rng, i)).collect(),
            ret: DOMAINS as u32,
        }
    }

    #[divan::bench]
    fn encode(bencher: Bencher) {
        bench_encode(bencher, &value(), DOMAINS);
    }

    #[divan::bench]
    fn decode(bencher: Bencher) {
        bench_decode::<ConnectListAllDomainsRet>(bencher, &value(), DOMAINS);
    }
}

/// `remote_connect_get_all_domain_stats_ret`: 100 domains × 50 typed parameters.
mod all_domain_stats_100x50 {
    use super::*;

    const DOMAINS: usize = 100;

    #[derive(Clone, Copy)]
    enum Kind {
        Int,
        Uint,
        Llong,
        Ullong,
        Double,
        Boolean,
        Str,
    }

    /// Field names as `virConnectGetAllDomainStats` reports them (state, cpu,
    /// balloon, vcpu, interface, block and dirtyrate groups).
    const FIELDS: [(&str, Kind); 50] = [
        ("state.state", Kind::Int),
        ("state.reason", Kind::Int),
        ("cpu.time", Kind::Ullong),
        ("cpu.user", Kind::Ullong),
        ("cpu.system", Kind::Ullong),
        ("cpu.haltpoll.success.time", Kind::Ullong),
        ("cpu.haltpoll.fail.time", Kind::Ullong),
        ("balloon.current", Kind::Ullong),
        ("balloon.maximum", Kind::Ullong),
        ("balloon.rss", Kind::Ullong),
        ("balloon.available", Kind::Ullong),
        ("balloon.usable", Kind::Ullong),
        ("balloon.last-update", Kind::Ullong),
        ("vcpu.current", Kind::Uint),
        ("vcpu.maximum", Kind::Uint),
        ("vcpu.0.state", Kind::Int),
        ("vcpu.0.time", Kind::Ullong),
        ("vcpu.0.wait", Kind::Ullong),
        ("vcpu.0.halted", Kind::Boolean),
        ("vcpu.0.delay", Kind::Ullong),
        ("vcpu.1.state", Kind::Int),
        ("vcpu.1.time", Kind::Ullong),
        ("vcpu.1.halted", Kind::Boolean),
        ("net.count", Kind::Uint),
        ("net.0.name", Kind::Str),
        ("net.0.rx.bytes", Kind::Ullong),
        ("net.0.rx.pkts", Kind::Ullong),
        ("net.0.rx.errs", Kind::Ullong),
        ("net.0.rx.drop", Kind::Ullong),
        ("net.0.tx.bytes", Kind::Ullong),
        ("net.0.tx.pkts", Kind::Ullong),
        ("net.0.tx.errs", Kind::Ullong),
        ("net.0.tx.drop", Kind::Ullong),
        ("block.count", Kind::Uint),
        ("block.0.name", Kind::Str),
        ("block.0.path", Kind::Str),
        ("block.0.backingIndex", Kind::Uint),
        ("block.0.rd.reqs", Kind::Ullong),
        ("block.0.rd.bytes", Kind::Ullong),
        ("block.0.rd.times", Kind::Ullong),
        ("block.0.wr.reqs", Kind::Ullong),
        ("block.0.wr.bytes", Kind::Ullong),
        ("block.0.wr.times", Kind::Ullong),
        ("block.0.fl.reqs", Kind::Ullong),
        ("block.0.allocation", Kind::Ullong),
        ("block.0.capacity", Kind::Ullong),
        ("block.0.physical", Kind::Ullong),
        ("dirtyrate.calc_status", Kind::Int),
        ("dirtyrate.megabytes_per_second", Kind::Llong),
        ("dirtyrate.calc_period_load", Kind::Double),
    ];

    fn param(rng: &mut Rng, dom: usize, field: &'static str, kind: Kind) -> TypedParam {
        let value = match kind {
            Kind::Int => TypedParamValue::Int(rng.below(8) as i32),
            Kind::Uint => TypedParamValue::Uint(rng.below(64) as u32),
            Kind::Llong => TypedParamValue::Llong(rng.below(1 << 20) as i64),
            Kind::Ullong => TypedParamValue::Ullong(rng.next() >> 16),
            Kind::Double => TypedParamValue::Double(rng.below(1_000_000) as f64 / 1000.0),
            Kind::Boolean => TypedParamValue::Boolean(rng.below(2) as i32),
            Kind::Str => TypedParamValue::String(XdrString::from(match field {
                "net.0.name" => format!("vnet{dom}"),
                "block.0.name" => "vda".to_owned(),
                _ => format!("/var/lib/libvirt/images/guest-{dom:04}.qcow2"),
            })),
        };
        TypedParam {
            field: XdrString::from_static(field),
            value,
        }
    }

    fn value() -> ConnectGetAllDomainStatsRet {
        let mut rng = Rng(7);
        ConnectGetAllDomainStatsRet {
            ret_stats: (0..DOMAINS)
                .map(|i| DomainStatsRecord {
                    dom: domain(&mut rng, i),
                    params: FIELDS
                        .iter()
                        .map(|&(field, kind)| param(&mut rng, i, field, kind))
                        .collect(),
                })
                .collect(),
        }
    }

    #[divan::bench]
    fn encode(bencher: Bencher) {
        bench_encode(bencher, &value(), DOMAINS * FIELDS.len());
    }

    #[divan::bench]
    fn decode(bencher: Bencher) {
        bench_decode::<ConnectGetAllDomainStatsRet>(bencher, &value(), DOMAINS * FIELDS.len());
    }
}

/// A 1 MiB `VIR_NET_STREAM` message (for example a volume download chunk).
mod stream_1mib {
    use super::*;

    const LEN: usize = 1 << 20;

    fn payload() -> Bytes {
        let mut rng = Rng(1);
        (0..LEN)
            .map(|_| rng.next() as u8)
            .collect::<Vec<u8>>()
            .into()
    }

    fn header() -> virtwire_protocol::virnet::MessageHeader {
        frame::header(
            remote::REMOTE_PROGRAM,
            remote::REMOTE_PROTOCOL_VERSION,
            remote::ProcedureNumber::StorageVolDownload as i32,
            MessageType::Stream,
            9,
            MessageStatus::Continue,
        )
    }

    fn encoded_message() -> BytesMut {
        let mut out = BytesMut::new();
        frame::encode_message(&header(), &RawPayload(payload()), &mut out).unwrap();
        out
    }

    /// Length word, header and a copy of the payload into the write buffer.
    #[divan::bench]
    fn encode(bencher: Bencher) {
        let header = header();
        let body = RawPayload(payload());
        let mut out = BytesMut::with_capacity(frame::LEN_WORD + frame::HEADER_LEN + LEN);
        bencher.counter(BytesCount::new(LEN)).bench_local(|| {
            out.clear();
            frame::encode_message(black_box(&header), black_box(&body), &mut out).unwrap();
            black_box(out.len());
        });
    }

    /// Splitting the frame off the receive buffer: the payload is not copied,
    /// so the time is independent of its size. Each iteration gets its own
    /// receive buffer, filled outside the timing (hence the fixed sample size).
    #[divan::bench(sample_size = 16)]
    fn decode(bencher: Bencher) {
        let message = encoded_message();
        bencher
            .counter(BytesCount::new(LEN))
            .with_inputs(|| message.clone())
            .bench_local_refs(|buf| frame::decode_frame(buf).unwrap().unwrap());
    }
}

/// `remote_domain_get_xml_desc_ret` with a 1 MiB domain XML: decoding checks
/// UTF-8 and shares the buffer.
mod xml_desc_1mib {
    use super::*;

    fn value() -> remote::DomainGetXmlDescRet {
        let mut xml = String::from("<domain type='kvm'>\n");
        let mut i = 0;
        while xml.len() < (1 << 20) - 64 {
            xml.push_str(&format!(
                "  <disk type='file' device='disk'><source file='/var/lib/libvirt/images/d{i:06}.qcow2'/></disk>\n"
            ));
            i += 1;
        }
        xml.push_str("</domain>\n");
        remote::DomainGetXmlDescRet {
            xml: XdrString::from(xml),
        }
    }

    #[divan::bench]
    fn encode(bencher: Bencher) {
        bench_encode(bencher, &value(), 1);
    }

    #[divan::bench]
    fn decode(bencher: Bencher) {
        bench_decode::<remote::DomainGetXmlDescRet>(bencher, &value(), 1);
    }
}
