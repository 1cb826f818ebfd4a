//! The shared call suite (`virtwire_tests::suite`) over the local unix
//! socket and plain TCP: the baseline the other transports (TLS, SSH, ext,
//! SASL) are held to by running the same suite.

use virtwire_tests::suite::test_driver_suite;
use virtwire_tests::{connect, test_tcp_uri, test_unix_uri};

#[tokio::test]
async fn the_call_suite_over_unix() {
    let client = connect(&test_unix_uri()).await;
    test_driver_suite(&client, "suite-unix").await;
}

#[tokio::test]
async fn the_call_suite_over_tcp() {
    let client = connect(&test_tcp_uri()).await;
    test_driver_suite(&client, "suite-tcp").await;
}
