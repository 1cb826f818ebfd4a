//! Round-trips one XML document read from stdin and reports whether the
//! output equals the input as a tree, plus modelled/kept counts.
//!
//! `virsh capabilities | cargo run -p virtwire-xml --example roundtrip`
//!
//! The document type is chosen by the root element.

use std::io::Read;

use virtwire_xml::capabilities::{Capabilities, DomainCapabilities};
use virtwire_xml::domain::Domain;
use virtwire_xml::model::Coverage;
use virtwire_xml::others::{
    DomainCheckpoint, DomainSnapshot, HostInterface, Network, NetworkPort, NodeDevice, NwFilter,
    NwFilterBinding, Secret, StoragePool, StorageVolume,
};
use virtwire_xml::{Document, Error, View, parse_tree};

fn typed<T: View>(src: &str) -> Result<(String, Coverage), Error> {
    let d = Document::<T>::parse(src)?;
    Ok((d.to_xml(), d.coverage()))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut src = String::new();
    std::io::stdin().read_to_string(&mut src)?;
    let tree = parse_tree(&src)?;
    let (out, cov) = match tree.root.name.as_str() {
        "domain" => typed::<Domain>(&src)?,
        "capabilities" => typed::<Capabilities>(&src)?,
        "domainCapabilities" => typed::<DomainCapabilities>(&src)?,
        "network" => typed::<Network>(&src)?,
        "networkport" => typed::<NetworkPort>(&src)?,
        "pool" => typed::<StoragePool>(&src)?,
        "volume" => typed::<StorageVolume>(&src)?,
        "device" => typed::<NodeDevice>(&src)?,
        "secret" => typed::<Secret>(&src)?,
        "interface" => typed::<HostInterface>(&src)?,
        "filter" => typed::<NwFilter>(&src)?,
        "filterbinding" => typed::<NwFilterBinding>(&src)?,
        "domainsnapshot" => typed::<DomainSnapshot>(&src)?,
        "domaincheckpoint" => typed::<DomainCheckpoint>(&src)?,
        other => return Err(format!("unknown document <{other}>").into()),
    };
    // Equal trees: the output re-parsed is the input's tree.
    let same = parse_tree(&out)? == tree;
    println!(
        "<{}>: round-trip {}, modelled {}, kept {}",
        tree.root.name,
        if same { "equal" } else { "DIFFERENT" },
        cov.modelled,
        cov.kept
    );
    if !same {
        std::process::exit(1);
    }
    Ok(())
}
