//! Smoke test: open a URI and print the hostname and domains.
use virtwire::prelude::*;

#[tokio::main(flavor = "current_thread")]
async fn main() -> virtwire::Result<()> {
    let uri = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "test:///default".into());
    let client = virtwire::Client::connect(&uri).await?;
    println!(
        "uri {} host {}",
        client.uri(),
        client.connect_get_hostname().await?
    );
    let list = client.connect_list_all_domains(1, 0).await?;
    for d in &list.domains {
        let info = client.domain_get_info(d.clone()).await?;
        println!("{} {:?}", d.name, info);
    }
    match client.domain_lookup_by_name("nosuch".into()).await {
        Err(e) => println!("error: {e} not_found={}", e.is_not_found()),
        Ok(_) => println!("unexpected"),
    }
    client.close().await?;
    Ok(())
}
