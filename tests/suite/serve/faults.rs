//! The preview under faults: a rebuild that panics, a FIFO where an attachment was, clients
//! that never finish a request, large downloads. Each must leave the server answering.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use portico::serve::watch::Changes;
use portico::serve::{ServeOptions, Server};

use super::{RELOAD_WAIT, agent, edit, exchange, get, raw_status, reload_events, start};
use crate::common::{TempPortal, fixture};

/// Stands for a bug in portico: every rebuild of single clients panics, a rebuild of
/// everything does not.
fn panic_when_clients_are_rebuilt(changes: &Changes) {
    if !changes.everything {
        panic!("deliberate panic in a rebuild (test seam)");
    }
}

#[test]
fn a_rebuild_that_panics_keeps_the_last_good_pages_and_the_watcher() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let told = Arc::new(Mutex::new(Vec::<String>::new()));
    let terminal = Arc::clone(&told);
    let options = ServeOptions {
        portal: portal.path().to_path_buf(),
        port: 0,
        before_rebuild: Some(panic_when_clients_are_rebuilt),
        ..Default::default()
    };
    let server = Server::start(
        &options,
        Box::new(move |rebuilt| {
            let mut told = terminal.lock().unwrap();
            told.extend(rebuilt.problems.iter().map(|d| d.to_string()));
        }),
    )
    .expect("the preview starts");
    // The last good pages this test is about are those of the first build.
    server.wait_until_built();
    let addr = server.addr();
    let events = reload_events(addr);
    let report = "clients/acme/reports/2026-10-23.md";
    edit(
        &portal,
        report,
        "title: Back on track",
        "title: Back on track at last",
    );
    events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event after the failed rebuild, to show the error");
    let page = get(addr, "/acme/reports/2026-10-23/");
    assert_eq!(page.status, 200, "the last good page stays");
    assert!(page.body.contains("Back on track"), "{}", page.body);
    assert!(
        !page.body.contains("at last"),
        "the failed rebuild changed nothing"
    );
    assert!(
        page.body.contains("id=\"portico-errors\""),
        "the overlay says so"
    );
    assert!(page.body.contains("internal error"), "{}", page.body);
    assert!(
        page.body.contains("deliberate panic in a rebuild"),
        "with what went wrong"
    );
    assert_eq!(
        get(addr, "/acme/files/picks.csv").status,
        200,
        "the store is kept"
    );
    // The terminal is told right after the snapshot is published: give it a moment on a
    // busy machine.
    let deadline = std::time::Instant::now() + RELOAD_WAIT;
    let told_terminal = || {
        told.lock()
            .unwrap()
            .iter()
            .any(|m| m.contains("internal error"))
    };
    while !told_terminal() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let terminal = told.lock().unwrap().clone();
    assert!(
        terminal.iter().any(|m| m.contains("internal error")),
        "the terminal is told too: {terminal:?}"
    );
    // The watcher lives on: the next change is rebuilt, and clears the overlay.
    edit(
        &portal,
        "portico.yaml",
        "name: Test Advisory",
        "name: Test Advisory Ltd",
    );
    events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event: the watcher survived the panic");
    let page = get(addr, "/acme/reports/2026-10-23/");
    assert!(page.body.contains("Back on track at last"), "{}", page.body);
    assert!(!page.body.contains("portico-errors"));
}

/// Opens a FIFO for writing when dropped, so readers a broken server left blocked in
/// `open` wake up and the test process can end.
struct Unblock(PathBuf);

impl Drop for Unblock {
    fn drop(&mut self) {
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(&self.0);
    }
}

fn make_fifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[test]
fn requests_for_a_fifo_do_not_stop_the_server() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let server = start(&portal);
    let addr = server.addr();
    assert_eq!(get(addr, "/acme/files/picks.csv").status, 200);
    let attachment = portal.path().join("clients/acme/files/picks.csv");
    let fifo = attachment.with_file_name(".picks.fifo");
    make_fifo(&fifo);
    std::fs::rename(&fifo, &attachment).unwrap();
    let _unblock = Unblock(attachment);
    // More requests for the FIFO than the server has worker threads.
    let stuck: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            write!(
                s,
                "GET /acme/files/picks.csv HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let other = exchange(
        addr,
        &format!("GET /acme/ HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    );
    assert!(other.starts_with("HTTP/1.1 200"), "{other}");
    for mut s in stuck {
        s.set_read_timeout(Some(RELOAD_WAIT)).unwrap();
        let mut reply = String::new();
        s.read_to_string(&mut reply)
            .expect("the FIFO request is answered, not left hanging");
        assert!(!reply.starts_with("HTTP/1.1 200"), "{reply}");
    }
}

#[test]
fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let options = ServeOptions {
        portal: portal.path().to_path_buf(),
        port: 0,
        header_timeout: Duration::from_secs(1),
        ..Default::default()
    };
    let server = Server::start(&options, Box::new(|_| {})).expect("the preview starts");
    let addr = server.addr();
    // Slowloris: many connections, each sending part of its headers and then nothing.
    let stalled: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            write!(s, "GET /acme/ HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ").unwrap();
            s
        })
        .collect();
    assert_eq!(
        raw_status(addr, "/acme/"),
        200,
        "others are answered meanwhile"
    );
    for mut s in stalled {
        // Ten times the header timeout: a server that never closes fails here.
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut reply = Vec::new();
        let closed = s.read_to_end(&mut reply);
        assert!(
            closed.is_ok(),
            "a stalled connection is closed, not kept: {closed:?}"
        );
    }
}

#[test]
fn a_large_attachment_arrives_whole_with_its_length() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let size = 24 * 1024 * 1024 + 7;
    let bytes: Vec<u8> = (0..size).map(|i| (i * 31 % 251) as u8).collect();
    std::fs::write(portal.path().join("clients/acme/files/big.bin"), &bytes).unwrap();
    edit(
        &portal,
        "clients/acme/reports/2026-10-16.md",
        "[pick data](../files/picks.csv).",
        "[pick data](../files/picks.csv), [raw data](../files/big.bin).",
    );
    let server = start(&portal);
    let addr = server.addr();
    let url = format!("http://{addr}/acme/files/big.bin");
    let mut response = agent().get(&url).call().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-length"],
        size.to_string().as_str()
    );
    let body = response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .read_to_vec()
        .unwrap();
    assert!(body == bytes, "the bytes arrive as they are on disk");
    let head = agent().head(&url).call().unwrap();
    assert_eq!(head.headers()["content-length"], size.to_string().as_str());
    assert_eq!(head.into_body().read_to_vec().unwrap().len(), 0);
}
