//! Admin URIs and sockets (`src/admin/libvirt-admin.c`).

use super::{root, user};
use crate::uri::{UriError, admin_default_uri, admin_socket, admin_socket_path};

fn path(uri: &str, env: &dyn crate::uri::Environment) -> String {
    admin_socket_path(uri, env)
        .unwrap_or_else(|e| panic!("{uri}: {e}"))
        .display()
        .to_string()
}

#[test]
fn socket_paths() {
    let (r, u) = (root(), user());
    assert_eq!(
        path("libvirtd:///system", &r),
        "/run/libvirt/libvirt-admin-sock"
    );
    assert_eq!(
        path("virtqemud:///system", &r),
        "/run/libvirt/virtqemud-admin-sock"
    );
    assert_eq!(
        path("virtproxyd:///system", &u),
        "/run/libvirt/virtproxyd-admin-sock"
    );
    assert_eq!(
        path("libvirtd:///session", &u),
        "/run/user/1000/libvirt/libvirt-admin-sock"
    );
    assert_eq!(
        path("virtqemud:///session", &u),
        "/run/user/1000/libvirt/virtqemud-admin-sock"
    );
    assert_eq!(path("virtnetworkd:///system?socket=/tmp/a", &r), "/tmp/a");
    assert_eq!(
        path("anything:///x?socket=/tmp/a&socket=/tmp/b", &r),
        "/tmp/b"
    );
    // The host is ignored.
    assert_eq!(
        path("libvirtd://h/system", &r),
        "/run/libvirt/libvirt-admin-sock"
    );
}

#[test]
fn bad_admin_uris() {
    let r = root();
    assert_eq!(
        admin_socket_path("libvirtd:///system?Socket=/x", &r),
        Err(UriError::UnknownAdminParameter {
            name: "Socket".into()
        })
    );
    assert_eq!(
        admin_socket_path("qemu:///system", &r),
        Err(UriError::UnsupportedAdminScheme {
            scheme: Some("qemu".into())
        })
    );
    assert_eq!(
        admin_socket_path("/system", &r),
        Err(UriError::UnsupportedAdminScheme { scheme: None })
    );
    assert_eq!(
        admin_socket_path("libvirtd:///", &r),
        Err(UriError::InvalidAdminPath { path: "/".into() })
    );
    assert_eq!(
        admin_socket_path("libvirtd://system", &r)
            .unwrap_err()
            .to_string(),
        "Invalid URI path '', try '/system'"
    );
}

#[test]
fn default_admin_uri() {
    assert_eq!(admin_default_uri(&root()), Ok("libvirtd:///system".into()));
    assert_eq!(admin_default_uri(&user()), Ok("libvirtd:///session".into()));
    let env = root().with_file(
        "/etc/libvirt/libvirt-admin.conf",
        "uri_default = \"virtqemud:///system\"\nuri_aliases = [\"q=virtqemud:///system\"]",
    );
    assert_eq!(admin_default_uri(&env), Ok("virtqemud:///system".into()));
    let env = env.with_var("LIBVIRT_ADMIN_DEFAULT_URI", "virtnetworkd:///system");
    assert_eq!(admin_default_uri(&env), Ok("virtnetworkd:///system".into()));
    assert_eq!(
        admin_socket(None, false, &env).unwrap().to_str(),
        Some("/run/libvirt/virtnetworkd-admin-sock")
    );
    assert_eq!(
        admin_socket(Some("q"), false, &env).unwrap().to_str(),
        Some("/run/libvirt/virtqemud-admin-sock")
    );
    assert!(admin_socket(Some("q"), true, &env).is_err());
    assert_eq!(
        admin_socket(None, false, &user()).unwrap().to_str(),
        Some("/run/user/1000/libvirt/libvirt-admin-sock")
    );
}
