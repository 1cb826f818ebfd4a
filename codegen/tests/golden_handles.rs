//! Golden test of the handles generator: `tests/golden/handles/` holds a
//! cut-down `remote_protocol.x` and `libvirt-api.xml` with one procedure of
//! each form (a `Client` method returning a string, a list of handles with
//! typed flags, lookups by name and UUID, the hand-mapped `DomainInfo`, a
//! boolean, a stream, a snapshot of a domain, a volume of a pool, two
//! skipped procedures, typed parameters set, returned, and counted first,
//! and the node's CPU statistics), and `expected.rs`, the Rust the generator must
//! produce for them. Run with `UPDATE_GOLDEN=1` to rewrite it after an
//! intended change, then review the diff. `virtwire`'s build compiles the
//! real thing.

mod support;

use std::path::{Path, PathBuf};

use virtwire_codegen::HandlesConfig;

fn case_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/handles")
}

fn config(dir: &Path) -> HandlesConfig<'static> {
    HandlesConfig::new(
        "handles",
        dir.join("remote_protocol.x"),
        dir.join("libvirt-api.xml"),
    )
}

#[test]
fn golden_handles() {
    let dir = case_dir();
    let file = config(&dir).generate().unwrap();
    assert_eq!(file.module, "handles");
    support::assert_golden(&dir.join("expected.rs"), &file.code);
}

#[test]
fn forms_are_told_apart() {
    let code = config(&case_dir()).generate().unwrap().code;
    let has = |text: &str| assert!(code.contains(text), "missing {text:?} in\n{code}");
    // Client methods: `connect_` stripped, typed flags, need_results implied.
    has("pub async fn get_hostname(&self) -> crate::Result<String>");
    has(
        "pub async fn list_all_domains(&self, flags: ::virtwire_protocol::api::ConnectListAllDomainsFlags) -> crate::Result<Vec<super::Domain>>",
    );
    has("pub async fn domain_lookup_by_name(&self, name: &str) -> crate::Result<super::Domain>");
    has(
        "pub async fn domain_lookup_by_uuid(&self, uuid: &super::Uuid) -> crate::Result<super::Domain>",
    );
    // Domain methods: `domain_` stripped, the handle supplies `dom`.
    has("pub async fn get_info(&self) -> crate::Result<super::DomainInfo>");
    has(
        "pub async fn get_xml_desc(&self, flags: ::virtwire_protocol::api::DomainXmlFlags) -> crate::Result<String>",
    );
    has("pub async fn is_active(&self) -> crate::Result<bool>");
    has("pub async fn set_autostart(&self, autostart: bool) -> crate::Result<()>");
    // Two flags types named: plain u32.
    has(
        "pub async fn open_console(&self, dev_name: Option<&str>, flags: u32) -> crate::Result<crate::stream::Stream>",
    );
    has(
        "pub async fn snapshot_lookup_by_name(&self, name: &str, flags: u32) -> crate::Result<super::DomainSnapshot>",
    );
    // A flags type the file does not describe: plain u32.
    has("impl super::DomainSnapshot");
    has("pub async fn get_xml_desc(&self, flags: u32) -> crate::Result<String>");
    has(
        "pub async fn storage_vol_lookup_by_name(&self, name: &str) -> crate::Result<super::StorageVol>",
    );
    has("/// Calls `virDomainGetInfo`: Extract information about a domain.");
    // Documentation text is escaped for Markdown.
    has(r"Provide the \<domain\> element, 1 \<\< 2, a\*b.");
    // Typed parameters: `&TypedParams` in, `TypedParams` out.
    has(
        "pub async fn set_memory_parameters(&self, params: &super::TypedParams, flags: ::virtwire_protocol::api::DomainModificationImpact) -> crate::Result<()>",
    );
    has("params: &params.to_wire()");
    // Arguments go out through the borrowed twins: the handle lends its
    // wire identity, nothing is cloned.
    has(
        "::virtwire_protocol::remote::borrowed::DomainGetXmlDescArgs { dom: self.wire(), flags: flags.bits() }",
    );
    has("call_args::<::virtwire_protocol::remote::procs::DomainGetXmlDesc, _>(&args)");
    assert!(
        !code.contains("wire().clone() }"),
        "a handle clones its identity:\n{code}"
    );
    has(
        "pub async fn get_perf_events(&self, flags: ::virtwire_protocol::api::DomainModificationImpact) -> crate::Result<super::TypedParams>",
    );
    has("Ok(super::TypedParams::from_wire(reply.params))");
    // Counted first, no `nparams` argument; STRING_OKAY set, so the other
    // flags type named is the argument's.
    has(
        "pub async fn get_memory_parameters(&self, flags: ::virtwire_protocol::api::DomainModificationImpact) -> crate::Result<super::TypedParams>",
    );
    has(
        "nparams: 0, flags: flags.bits() | ::virtwire_protocol::api::TypedParameterFlags::STRING_OKAY.bits() }",
    );
    has("let reply = if first.params.is_empty() && first.nparams > 0 {");
    has("args.nparams = first.nparams;");
    // The node's statistics arrays are typed parameters too.
    has(
        "pub async fn node_get_cpu_stats(&self, cpu_num: i32, flags: u32) -> crate::Result<super::TypedParams>",
    );
    has("Ok(super::TypedParams::from(reply.params))");
    has("(\"domain_migrate_prepare\", \"no public C function\")");
    has("(\"connect_domain_event_register_any\", \"events: `Client::domain_events`\")");
}

#[test]
fn output_is_deterministic() {
    let dir = case_dir();
    assert_eq!(
        config(&dir).generate().unwrap(),
        config(&dir).generate().unwrap()
    );
}
