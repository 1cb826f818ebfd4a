//! `LIBVIRT_DEFAULT_URI`: with no URI given, the client opens what the
//! variable names, as libvirt does. Its own test binary with one test,
//! because it changes the process environment.

use virtwire::prelude::*;
use virtwire_tests::test_unix_uri;

#[test]
fn connect_default_follows_libvirt_default_uri() {
    let uri = test_unix_uri();
    // SAFETY: this binary runs this single test, and no other thread exists
    // yet (the runtime is built afterwards).
    unsafe { std::env::set_var("LIBVIRT_DEFAULT_URI", &uri) };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let client = virtwire::Client::connect_default()
            .await
            .expect("connect_default");
        assert_eq!(client.uri(), uri);
        assert_eq!(client.connect_get_type().await.unwrap(), "TEST");
        // An empty name means the default too, as in virConnectOpen("").
        let client2 = virtwire::Client::connect("")
            .await
            .expect("connect to \"\"");
        assert_eq!(client2.uri(), uri);
        client.close().await.unwrap();
        client2.close().await.unwrap();
    });
}
