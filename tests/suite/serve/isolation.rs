//! What the preview shows, and to whom: only the files of its snapshot, never what a link
//! swapped in after the build points at; only to requests addressed to this machine, never
//! to a page that rebound a name of its own to 127.0.0.1.

use std::net::SocketAddr;
use std::path::Path;

use super::{RELOAD_WAIT, get, reload_events, start};
use crate::common::{TempPortal, fixture};

/// What an outside file holds; must never appear in a response.
const SECRET: &str = "outside-the-portal: never served";

/// Replaces `path` with a symbolic link to `target` in one rename, as `git checkout` or a
/// sync tool would; the temporary name is a dotfile, which the watcher ignores.
fn swap_for_link(path: &Path, target: &Path) {
    let temporary = path.with_file_name(".swap-link");
    std::os::unix::fs::symlink(target, &temporary).unwrap();
    std::fs::rename(&temporary, path).unwrap();
}

#[test]
fn an_attachment_swapped_for_a_link_out_of_the_portal_is_never_served() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("passwd");
    std::fs::write(&secret, SECRET).unwrap();
    let server = start(&portal);
    let addr = server.addr();
    let before = get(addr, "/acme/files/picks.csv");
    assert_eq!(before.status, 200);
    assert!(before.body.starts_with("week,picks"), "{}", before.body);
    let events = reload_events(addr);

    for (target, marker) in [(Path::new("/etc/passwd"), "root:"), (&secret, SECRET)] {
        swap_for_link(&portal.path().join("clients/acme/files/picks.csv"), target);
        // At once, while the rebuild the swap started may still be running...
        let early = get(addr, "/acme/files/picks.csv");
        assert!(
            !early.body.contains(marker),
            "{} served through the link before the rebuild",
            target.display()
        );
        // ...and once it is over: the rebuild refuses the link and keeps the last good
        // pages, whose attachment is still this path.
        events
            .recv_timeout(RELOAD_WAIT)
            .expect("a reload event after the swap");
        let late = get(addr, "/acme/files/picks.csv");
        assert!(
            !late.body.contains(marker),
            "{} served through the link after the rebuild",
            target.display()
        );
        assert_ne!(late.status, 200, "{}", late.body);
    }
}

#[test]
fn a_folder_swapped_for_a_link_out_of_the_portal_is_never_followed() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("picks.csv"), SECRET).unwrap();
    let server = start(&portal);
    let addr = server.addr();
    assert_eq!(get(addr, "/acme/files/picks.csv").status, 200);
    let files = portal.path().join("clients/acme/files");
    std::fs::rename(&files, files.with_file_name(".files-moved-away")).unwrap();
    std::os::unix::fs::symlink(outside.path(), &files).unwrap();
    let got = get(addr, "/acme/files/picks.csv");
    assert!(!got.body.contains(SECRET), "served through a linked folder");
    assert_ne!(got.status, 200);
}

#[test]
fn attachments_that_could_run_scripts_are_sandboxed() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    portal.write(
        "clients/acme/files/notes.html",
        "<p>Notes</p><script>fetch('/globex/portal.json')</script>",
    );
    portal.write(
        "clients/acme/files/chart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    );
    // Active content is refused unless the client has an origin of its own (check's
    // active-content rule); with one, the preview still shares a single origin.
    super::edit(
        &portal,
        "clients/acme/client.yaml",
        "name: Acme Ltd\n",
        "name: Acme Ltd\ndeploy:\n  base_url: https://acme.test-advisory.example/\n",
    );
    super::edit(
        &portal,
        "clients/acme/reports/2026-10-16.md",
        "[pick data](../files/picks.csv).",
        "[pick data](../files/picks.csv), [notes](../files/notes.html), ![chart](../files/chart.svg).",
    );
    let server = start(&portal);
    let addr = server.addr();
    for path in ["/acme/files/notes.html", "/acme/files/chart.svg"] {
        let response = super::agent()
            .get(&format!("http://{addr}{path}"))
            .call()
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert_eq!(
            response.headers()["content-security-policy"],
            "sandbox",
            "{path}: opened in the preview, its scripts could read every client"
        );
    }
    let page = get(addr, "/acme/files/notes.html");
    assert!(
        !page.body.contains("livereload"),
        "an attachment is served as it is"
    );
    let csv = super::agent()
        .get(&format!("http://{addr}/acme/files/picks.csv"))
        .call()
        .unwrap();
    assert!(csv.headers().get("content-security-policy").is_none());
}

/// The status line and body of a request written byte for byte.
fn send(addr: SocketAddr, request: &str) -> (u16, String) {
    let reply = super::exchange(addr, request);
    let status = reply
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, reply)
}

fn with_headers(path: &str, headers: &[String]) -> String {
    let mut request = format!("GET {path} HTTP/1.1\r\n");
    for h in headers {
        request.push_str(h);
        request.push_str("\r\n");
    }
    request.push_str("Connection: close\r\n\r\n");
    request
}

#[test]
fn only_requests_addressed_to_this_machine_are_answered() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let server = start(&portal);
    let addr = server.addr();
    let port = addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        for path in [
            "/",
            "/acme/",
            "/acme/portal.json",
            "/__portico/livereload.js",
        ] {
            let (status, reply) = send(addr, &with_headers(path, &[format!("Host: {host}")]));
            assert_eq!(status, 200, "Host: {host}, {path}: {reply}");
        }
    }
    // A name of the attacker's, resolved to 127.0.0.1 (DNS rebinding), other ports, and
    // names that only start or end like a loopback one.
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_owned(),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "127.0.0.1".to_owned(),
        "localhost".to_owned(),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("evil.localhost.example:{port}"),
        format!("127.0.0.1:{port}.evil.example"),
        format!("127.0.0.1:{port}@evil.example"),
        format!("[::2]:{port}"),
        String::new(),
    ] {
        for path in [
            "/",
            "/acme/",
            "/acme/portal.json",
            "/__portico/events?since=1",
        ] {
            let (status, reply) = send(addr, &with_headers(path, &[format!("Host: {host}")]));
            assert_eq!(status, 403, "Host: {host}, {path}: {reply}");
            assert!(
                reply.contains(&format!("localhost:{port}")),
                "the refusal says which addresses work: {reply}"
            );
            assert!(!reply.contains("acme"), "nothing of the portal: {reply}");
        }
    }
    // No Host at all, in HTTP/1.1 and HTTP/1.0.
    let (status, reply) = send(addr, "GET /acme/ HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert_eq!(status, 403, "{reply}");
    let (status, reply) = send(addr, "GET /acme/ HTTP/1.0\r\n\r\n");
    assert_eq!(status, 403, "{reply}");
    // A request naming a foreign authority in its target, whatever its Host says.
    let (status, reply) = send(
        addr,
        &with_headers(
            "http://evil.example/acme/",
            &[format!("Host: 127.0.0.1:{port}")],
        ),
    );
    assert_eq!(status, 403, "{reply}");
}

#[test]
fn requests_from_other_sites_pages_are_refused() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let server = start(&portal);
    let addr = server.addr();
    let port = addr.port();
    let host = format!("Host: 127.0.0.1:{port}");
    for origin in [
        "http://evil.example".to_owned(),
        format!("http://evil.example:{port}"),
        format!("https://127.0.0.1:{port}"),
        format!("http://127.0.0.1:{}", port.wrapping_add(1)),
        "null".to_owned(),
    ] {
        for path in ["/__portico/events?since=1", "/acme/portal.json", "/"] {
            let (status, reply) = send(
                addr,
                &with_headers(path, &[host.clone(), format!("Origin: {origin}")]),
            );
            assert_eq!(status, 403, "Origin: {origin}, {path}: {reply}");
        }
    }
    for origin in [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ] {
        let (status, reply) = send(
            addr,
            &with_headers(
                "/acme/portal.json",
                &[host.clone(), format!("Origin: {origin}")],
            ),
        );
        assert_eq!(status, 200, "Origin: {origin}: {reply}");
    }
    // Other sites cannot embed the preview's files either.
    let (_, reply) = send(addr, &with_headers("/acme/portal.json", &[host]));
    assert!(
        reply
            .to_ascii_lowercase()
            .contains("cross-origin-resource-policy: same-origin"),
        "{reply}"
    );
}
