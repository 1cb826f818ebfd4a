//! Heap used to parse and write the benchmark documents (`benches/data.rs`),
//! measured with a counting global allocator.
//!
//! `cargo run --release -p virtwire-xml --example memory`
//!
//! For each document: its size; the peak heap while `Document::parse` runs
//! and what the parsed document keeps (both above what was allocated
//! before); how many allocations parsing makes; the peak while `to_xml`
//! runs with the document already parsed.

#[path = "../benches/data.rs"]
#[allow(dead_code)]
mod data;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
use virtwire_xml::domain::Domain;
use virtwire_xml::{Document, View};

/// The system allocator, counting live bytes, their peak, and allocations.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; the counters only
// observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            COUNT.fetch_add(1, Relaxed);
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is passed on.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            COUNT.fetch_add(1, Relaxed);
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f`, returning its value, the peak heap above the starting point
/// while it ran, and the allocations it made.
fn measure<R>(f: impl FnOnce() -> R) -> (R, usize, usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let count = COUNT.load(Relaxed);
    let r = f();
    (r, PEAK.load(Relaxed) - base, COUNT.load(Relaxed) - count)
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn report<T: View>(name: &str, src: &str) {
    let base = LIVE.load(Relaxed);
    let (doc, parse_peak, parse_allocs) = measure(|| Document::<T>::parse(src).unwrap());
    let kept = LIVE.load(Relaxed) - base;
    let (out, write_peak, _) = measure(|| doc.to_xml());
    assert_eq!(out.len(), src.len(), "{name}: written size differs");
    println!(
        "| {name} | {} | {} ({:.1}x) | {} ({:.1}x) | {parse_allocs} | {} |",
        kib(src.len()),
        kib(parse_peak),
        parse_peak as f64 / src.len() as f64,
        kib(kept),
        kept as f64 / src.len() as f64,
        kib(write_peak),
    );
}

fn main() {
    let domain = data::domain_200();
    let caps = data::capabilities();
    let dcaps = data::domain_capabilities();
    println!(
        "| Document | Size | Peak heap, parse | Kept by the document | Allocations, parse | Peak heap, write |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    report::<Domain>("domain, 200 devices", &domain);
    report::<Capabilities>("capabilities (caps-qemu-kvm.xml)", &caps);
    report::<DomainCapabilities>("domain capabilities (qemu_7.0.0-tcg.x86_64.xml)", &dcaps);
}
