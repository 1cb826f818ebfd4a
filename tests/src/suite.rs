//! One suite of calls for every transport: the same things over unix, TLS,
//! SSH and ext, so a transport that breaks any of them shows up the same way.

use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio_stream::StreamExt;
use virtwire::Client;
use virtwire::event::{DomainEventId, DomainLifecycle};
use virtwire::prelude::*;

use crate::{test_domain_xml, unique_name};

/// Calls, a stream and events against a client connected to
/// `test:///default` (on the shared daemon, through any transport):
/// host and version calls, lookups, a domain defined, started and undefined
/// with its lifecycle events, a screenshot stream decoded as PNG, a typed
/// error, and many calls in flight at once.
pub async fn test_driver_suite(client: &Client, tag: &str) {
    assert!(
        !client
            .connect_get_hostname()
            .await
            .expect("hostname")
            .is_empty()
    );
    assert!(client.connect_get_lib_version().await.expect("lib version") >= 11_003_000);
    assert_eq!(
        client.connect_get_type().await.expect("type").as_str(),
        "TEST"
    );

    let test = client
        .domain_lookup_by_name("test")
        .await
        .expect("the test driver's `test` domain");
    let info = test.get_info().await.expect("info");
    assert!(info.max_mem > 0);

    let mut events = client
        .domain_events(DomainEventId::Lifecycle, None)
        .await
        .expect("subscribe to lifecycle events");
    let name = unique_name(tag);
    let dom = client
        .domain_define_xml(test_domain_xml(&name).as_str())
        .await
        .expect("define");
    dom.create().await.expect("start");
    dom.destroy().await.expect("destroy");
    dom.undefine().await.expect("undefine");
    let mut seen = Vec::new();
    while seen.len() < 4 {
        let event = tokio::time::timeout(Duration::from_secs(10), events.next())
            .await
            .expect("lifecycle events within 10 s")
            .expect("the event stream goes on")
            .expect("an event, not an error");
        if event.domain.name.as_str() == name {
            seen.push(event.kind.lifecycle().expect("a lifecycle event"));
        }
    }
    assert_eq!(
        seen,
        [
            DomainLifecycle::Defined,
            DomainLifecycle::Started,
            DomainLifecycle::Stopped,
            DomainLifecycle::Undefined
        ]
    );

    let image = screenshot(client, test.into_wire()).await;
    assert!(image.starts_with(b"\x89PNG"), "not a PNG");

    let missing = client
        .domain_lookup_by_name(format!("{name}-missing").as_str())
        .await
        .expect_err("no such domain");
    assert!(missing.is_not_found(), "{missing}");

    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..32 {
        let client = client.clone();
        calls.spawn(async move { client.connect_get_hostname().await });
    }
    while let Some(result) = calls.join_next().await {
        result
            .expect("the task ran")
            .expect("a call among many in flight");
    }
}

/// The screenshot of `dom` through its stream, which must end cleanly with
/// the PNG MIME type.
pub async fn screenshot(client: &Client, dom: virtwire::remote::NonnullDomain) -> Vec<u8> {
    let (mime, mut stream) = client
        .domain_screenshot(&dom, 0, 0)
        .await
        .expect("screenshot");
    let mut image = Vec::new();
    stream
        .read_to_end(&mut image)
        .await
        .expect("screenshot data");
    stream.finish().await.expect("the stream ends cleanly");
    assert_eq!(mime.as_deref(), Some("image/png"));
    image
}
