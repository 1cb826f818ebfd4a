//! The admin program on the shared daemon's admin socket.

use std::time::{Duration, Instant};
use virtwire::admin_program::{NonnullClient, NonnullServer, TypedParam, TypedParamValue};
use virtwire::prelude::*;
use virtwire::{AdminClient, Client, ErrorCode};
use virtwire_tests::{admin_uri, connect, poll_until, test_ro_uri, test_tcp_uri, test_unix_uri};

/// `VIR_CLIENT_TRANS_UNIX`
const TRANS_UNIX: u32 = 0;

/// The tests of this file look at the connections of this process, so they
/// take turns.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn admin() -> AdminClient {
    let uri = admin_uri();
    AdminClient::connect(&uri)
        .await
        .unwrap_or_else(|e| panic!("cannot open the admin socket {uri}: {e} ({e:?})"))
}

fn libvirtd_server() -> NonnullServer {
    NonnullServer {
        name: "libvirtd".into(),
    }
}

fn admin_param<'a>(params: &'a [TypedParam], field: &str) -> Option<&'a TypedParamValue> {
    params
        .iter()
        .find(|p| p.field.as_str() == field)
        .map(|p| &p.value)
}

/// The clients of server `libvirtd` that are connections of this process,
/// with their info.
async fn our_clients(admin: &AdminClient) -> Vec<(NonnullClient, Vec<TypedParam>)> {
    let pid = i64::from(std::process::id());
    let list = admin
        .server_list_clients(&libvirtd_server(), 1, 0)
        .await
        .expect("server_list_clients");
    assert_eq!(list.ret as usize, list.clients.len());
    let mut ours = Vec::new();
    for c in list.clients {
        assert_eq!(c.srv.name, "libvirtd");
        // A client may disconnect between the list and this call.
        let Ok(info) = admin.client_get_info(&c, 0).await else {
            continue;
        };
        let is_ours = match admin_param(&info, "unix_process_id") {
            Some(TypedParamValue::Int(p)) => i64::from(*p) == pid,
            Some(TypedParamValue::Llong(p)) => *p == pid,
            Some(TypedParamValue::Uint(p)) => i64::from(*p) == pid,
            _ => false,
        };
        if is_ours {
            ours.push((c, info));
        }
    }
    ours
}

async fn client_ids(admin: &AdminClient) -> Vec<u64> {
    admin
        .server_list_clients(&libvirtd_server(), 1, 0)
        .await
        .unwrap()
        .clients
        .iter()
        .map(|c| c.id)
        .collect()
}

#[tokio::test]
async fn admin_program() {
    let _turn = SERIAL.lock().await;
    let admin = admin().await;
    assert_eq!(admin.connect_get_lib_version().await.unwrap(), 11_003_000);

    let servers = admin.connect_list_servers(1, 0).await.unwrap();
    assert_eq!(servers.ret as usize, servers.servers.len());
    let names: Vec<&str> = servers.servers.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"libvirtd"), "{names:?}");
    assert!(names.contains(&"admin"), "{names:?}");
    let count = admin.connect_list_servers(0, 0).await.unwrap();
    assert!(count.servers.is_empty());
    assert_eq!(count.ret, servers.ret);
    let srv = admin.connect_lookup_server("libvirtd", 0).await.unwrap();
    assert_eq!(srv, libvirtd_server());
    let err = admin
        .connect_lookup_server("no-such-server", 0)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoServer), "{err:?}");
    assert!(err.is_not_found());

    // Typed params from the admin program.
    let limits = admin.server_get_client_limits(&srv, 0).await.unwrap();
    let max = match admin_param(&limits, "nclients_max") {
        Some(TypedParamValue::Uint(v)) => *v,
        other => panic!("nclients_max: {other:?} in {limits:?}"),
    };
    assert!(max >= 1, "{limits:?}");
    let pool = admin
        .server_get_threadpool_parameters(&srv, 0)
        .await
        .unwrap();
    assert!(
        matches!(admin_param(&pool, "maxWorkers"), Some(TypedParamValue::Uint(n)) if *n >= 1),
        "{pool:?}"
    );

    // Our own connections show up, with the right details.
    let rw = connect(&test_unix_uri()).await;
    let ro = connect(&test_ro_uri()).await;
    let before = Instant::now();
    let ours = our_clients(&admin).await;
    let unix: Vec<_> = ours
        .iter()
        .filter(|(c, _)| c.transport == TRANS_UNIX)
        .collect();
    assert!(unix.len() >= 2, "our two unix connections: {ours:?}");
    let readonly: Vec<bool> = unix
        .iter()
        .map(|(_, info)| match admin_param(info, "readonly") {
            Some(TypedParamValue::Boolean(b)) => *b != 0,
            other => panic!("readonly: {other:?}"),
        })
        .collect();
    assert!(
        readonly.contains(&true) && readonly.contains(&false),
        "{unix:?}"
    );
    for (c, info) in &unix {
        assert!(
            matches!(
                admin_param(info, "unix_user_id"),
                Some(TypedParamValue::Int(0))
            ),
            "we run as root: {info:?}"
        );
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        assert!(c.timestamp > 0 && c.timestamp <= now + 1, "{c:?}");
        let again = admin
            .server_lookup_client(&libvirtd_server(), c.id, 0)
            .await
            .unwrap();
        assert_eq!(&again, c);
    }
    assert!(before.elapsed() < Duration::from_secs(10));

    // A closed connection leaves the list.
    let ids_before = client_ids(&admin).await;
    let new_ids: Vec<u64> = unix.iter().map(|(c, _)| c.id).collect();
    assert!(new_ids.iter().all(|id| ids_before.contains(id)));
    ro.close().await.unwrap();
    rw.close().await.unwrap();
    let gone = poll_until(
        Duration::from_secs(3),
        Duration::from_millis(20),
        || async {
            let ids = client_ids(&admin).await;
            let still: Vec<u64> = new_ids
                .iter()
                .copied()
                .filter(|id| ids.contains(id))
                .collect();
            still.is_empty().then_some(())
        },
    )
    .await;
    assert!(gone.is_some(), "closed connections still listed");
    let err = admin
        .server_lookup_client(&libvirtd_server(), new_ids[0], 0)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoClient), "{err:?}");

    admin.close().await.unwrap();
    let err = admin.connect_get_lib_version().await.unwrap_err();
    assert!(err.is_closed(), "{err:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_client_close_disconnects_our_connection() {
    let _turn = SERIAL.lock().await;
    let admin = admin().await;
    let known: Vec<u64> = our_clients(&admin)
        .await
        .iter()
        .map(|(c, _)| c.id)
        .collect();
    let victim: Client = connect(&test_unix_uri()).await;
    let bystander: Client = connect(&test_tcp_uri()).await;
    assert_eq!(victim.connect_get_type().await.unwrap(), "TEST");
    let mut new: Vec<NonnullClient> = our_clients(&admin)
        .await
        .into_iter()
        .map(|(c, _)| c)
        .filter(|c| !known.contains(&c.id))
        .collect();
    assert_eq!(new.len(), 1, "exactly our new unix connection: {new:?}");
    let target = new.pop().unwrap();
    assert_eq!(target.transport, TRANS_UNIX);

    // The daemon drops the connection: the client notices without calling.
    admin.client_close(&target, 0).await.expect("client_close");
    let closed = poll_until(Duration::from_secs(2), Duration::from_millis(5), || async {
        victim.is_closed().then_some(())
    })
    .await;
    assert!(
        closed.is_some(),
        "the client did not notice the daemon closing it"
    );
    let err = victim.connect_get_type().await.unwrap_err();
    assert!(err.is_closed(), "{err:?}");
    let err = admin.client_get_info(&target, 0).await.unwrap_err();
    assert_eq!(err.code(), Some(ErrorCode::NoClient), "{err:?}");
    // Other connections are untouched.
    assert_eq!(bystander.connect_get_type().await.unwrap(), "TEST");
    bystander.close().await.unwrap();
    admin.close().await.unwrap();
}
