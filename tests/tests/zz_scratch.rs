use virtwire::prelude::*;
use std::time::Instant;
#[tokio::test]
async fn scratch() {
    let t = Instant::now();
    let client = virtwire_tests::connect(&virtwire_tests::qemu_uri()).await;
    println!("connect {:?}", t.elapsed());
    let t = Instant::now();
    client.connect_get_type().await.unwrap();
    println!("type {:?}", t.elapsed());
    let t = Instant::now();
    client.connect_get_capabilities().await.unwrap();
    println!("caps {:?}", t.elapsed());
    let t = Instant::now();
    client.connect_get_version().await.unwrap();
    println!("version {:?}", t.elapsed());
    let t = Instant::now();
    client.close().await.unwrap();
    println!("close {:?}", t.elapsed());
}
