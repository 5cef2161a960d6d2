//! The preview server, for real: bound to a free port, driven over HTTP, editing files on
//! disk and waiting for the reload event a browser would get.

mod faults;
mod isolation;
mod process;
mod start;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portico::serve::{ServeOptions, Server};

use crate::common::{TempPortal, fixture, repo};

fn start(portal: &TempPortal) -> Server {
    let options = ServeOptions {
        portal: portal.path().to_path_buf(),
        port: 0,
        ..Default::default()
    };
    let server = Server::start(&options, Box::new(|_| {})).expect("the preview starts");
    // These tests look at every client as a whole; `start` tests the first builds.
    server.wait_until_built();
    server
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

struct Got {
    status: u16,
    content_type: String,
    body: String,
}

fn get(addr: SocketAddr, path: &str) -> Got {
    let mut response = agent().get(&format!("http://{addr}{path}")).call().unwrap();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    Got {
        status: response.status().as_u16(),
        content_type,
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

/// The status code for a request sent byte for byte, so no client library can tidy the path.
fn raw_status(addr: SocketAddr, path: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Sends a request byte for byte and returns everything the server answers until it closes
/// the connection (bounded, so a hung server fails the test instead of hanging it).
fn exchange(addr: SocketAddr, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(RELOAD_WAIT)).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut reply = Vec::new();
    if let Err(e) = stream.read_to_end(&mut reply) {
        panic!(
            "no complete answer to {:?}: {e}",
            request.lines().next().unwrap_or_default()
        );
    }
    String::from_utf8_lossy(&reply).into_owned()
}

/// Listens to the reload events on a thread, as a page rendered from snapshot `since`
/// would; each event's data arrives on the channel.
fn reload_events_since(addr: SocketAddr, since: u64) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let response = agent()
        .get(&format!("http://{addr}/__portico/events?since={since}"))
        .call()
        .unwrap();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.into_body().into_reader());
        let mut saw_reload = false;
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if line == "event: reload" {
                saw_reload = true;
            } else if let Some(data) = line.strip_prefix("data: ").filter(|_| saw_reload) {
                saw_reload = false;
                if tx.send(data.to_owned()).is_err() {
                    break;
                }
            }
        }
    });
    rx
}

/// Reload events for a page rendered from the first build.
fn reload_events(addr: SocketAddr) -> mpsc::Receiver<String> {
    reload_events_since(addr, 1)
}

/// Rewrites a file in place, as an editor saving it would.
fn edit(portal: &TempPortal, rel: &str, from: &str, to: &str) {
    let path = portal.path().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} does not contain {from:?}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

const RELOAD_WAIT: Duration = Duration::from_secs(10);

#[test]
fn serves_every_page_kind_with_its_content_type() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    let server = start(&portal);
    let addr = server.addr();
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/kordaal-foods/", "text/html; charset=utf-8"),
        ("/kordaal-foods/reports/", "text/html; charset=utf-8"),
        (
            "/kordaal-foods/reports/2026-11-13/",
            "text/html; charset=utf-8",
        ),
        (
            "/kordaal-foods/milestones/index.html",
            "text/html; charset=utf-8",
        ),
        ("/kordaal-foods/scope/", "text/html; charset=utf-8"),
        ("/kordaal-foods/kpis/", "text/html; charset=utf-8"),
        ("/kordaal-foods/changes/", "text/html; charset=utf-8"),
        ("/kordaal-foods/raid/", "text/html; charset=utf-8"),
        (
            "/kordaal-foods/assets/portico.css",
            "text/css; charset=utf-8",
        ),
        ("/kordaal-foods/files/logo.svg", "image/svg+xml"),
        (
            "/kordaal-foods/files/sop-calendar.csv",
            "text/csv; charset=utf-8",
        ),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/__portico/livereload.js", "text/javascript; charset=utf-8"),
    ] {
        let got = get(addr, path);
        assert_eq!(got.status, 200, "{path}");
        assert_eq!(got.content_type, kind, "{path}");
    }
    let index = get(addr, "/");
    for client in [
        "Kordaal Foods B.V.",
        "Cradlestone Building Supplies Ltd",
        "Tierarztpraxen Lindenhof GmbH",
    ] {
        assert!(
            index.body.contains(client),
            "the consultant's index lists {client}"
        );
    }
    assert!(
        index.body.contains("Off track"),
        "with each client's overall status"
    );
    let page = get(addr, "/kordaal-foods/");
    assert!(page.body.contains(
        "<script src=\"/__portico/livereload.js\" data-version=\"1\"></script>\n</body>"
    ));
    let missing = get(addr, "/kordaal-foods/nope/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Not found"));
    let folder = agent()
        .get(&format!("http://{addr}/kordaal-foods"))
        .call()
        .unwrap();
    assert_eq!(
        folder.status().as_u16(),
        308,
        "a folder without its slash redirects"
    );
    assert_eq!(folder.headers()["location"], "/kordaal-foods/");
    let head = agent()
        .head(&format!("http://{addr}/kordaal-foods/"))
        .call()
        .unwrap();
    assert_eq!(head.status().as_u16(), 200);
    assert_eq!(
        head.into_body().read_to_string().unwrap(),
        "",
        "HEAD has no body"
    );
    server.stop();
    assert!(!portal.out().exists(), "the preview never writes public/");
}

#[test]
fn nothing_outside_the_output_is_ever_served() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    std::fs::write(portal.path().join("secret.txt"), "not for clients").unwrap();
    let server = start(&portal);
    let addr = server.addr();
    for path in [
        "/../secret.txt",
        "/acme/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/acme%2f..%2f..%2fsecret.txt",
        "/acme/..%5c..%5csecret.txt",
        "/acme\\..\\..\\secret.txt",
        "//etc/passwd",
        "/secret.txt",
        "/portico.yaml",
        "/clients/acme/client.yaml",
        "/acme/files/../../../portico.yaml",
    ] {
        let status = raw_status(addr, path);
        assert!(status == 400 || status == 404, "{path} answered {status}");
    }
}

#[test]
fn an_edit_is_served_and_announced() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let server = start(&portal);
    let addr = server.addr();
    let events = reload_events(addr);
    let saved = Instant::now();
    edit(
        &portal,
        "clients/acme/reports/2026-10-23.md",
        "title: Back on track",
        "title: Back on track at last",
    );
    let version = events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event after the edit");
    let latency = saved.elapsed();
    assert!(version.parse::<u64>().unwrap() >= 2);
    let page = get(addr, "/acme/reports/2026-10-23/");
    assert!(
        page.body.contains("Back on track at last"),
        "the new text is served once the reload is announced"
    );
    eprintln!("save -> reload event: {} ms", latency.as_millis());
}

#[test]
fn a_bad_edit_shows_the_errors_over_the_last_good_page_until_fixed() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let server = start(&portal);
    let addr = server.addr();
    let events = reload_events(addr);
    let report = "clients/acme/reports/2026-10-23.md";
    edit(&portal, report, "status: green", "status: greenish");
    events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event after the bad edit");
    let page = get(addr, "/acme/reports/2026-10-23/");
    assert_eq!(page.status, 200, "the last good page stays");
    assert!(
        page.body.contains("Survey done on 21 October."),
        "the last good content stays"
    );
    assert!(
        page.body.contains("id=\"portico-errors\""),
        "with the overlay"
    );
    assert!(
        page.body.contains("clients/acme/reports/2026-10-23.md:4:9"),
        "naming file, line, column"
    );
    assert!(
        page.body
            .contains("&quot;greenish&quot; is not a valid value"),
        "and the message"
    );
    edit(&portal, report, "status: greenish", "status: amber");
    events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event after the fix");
    let page = get(addr, "/acme/reports/2026-10-23/");
    assert!(
        !page.body.contains("portico-errors"),
        "the overlay is gone once fixed"
    );
    assert!(page.body.contains("status-amber"), "and the fix is served");
}

#[test]
fn a_page_that_missed_a_rebuild_while_loading_reloads_at_once() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let server = start(&portal);
    let addr = server.addr();
    let events = reload_events(addr);
    edit(
        &portal,
        "clients/acme/reports/2026-10-23.md",
        "Survey done",
        "The survey was done",
    );
    let current = events.recv_timeout(RELOAD_WAIT).expect("a reload event");
    // A page rendered from version 1, connecting only now, is told it is stale...
    let stale = reload_events_since(addr, 1);
    assert_eq!(
        stale.recv_timeout(RELOAD_WAIT).ok().as_deref(),
        Some(current.as_str())
    );
    // ...and an up-to-date page is not.
    let fresh = reload_events_since(addr, current.parse().unwrap());
    assert!(
        fresh.recv_timeout(Duration::from_millis(300)).is_err(),
        "no reload loop"
    );
}

#[test]
fn a_new_client_folder_appears_without_a_restart() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    let server = start(&portal);
    let addr = server.addr();
    let events = reload_events(addr);
    portal.write("clients/globex/client.yaml", "name: Globex Corp\n");
    events.recv_timeout(RELOAD_WAIT).expect("a reload event");
    // The folder and the file may arrive in separate batches.
    let deadline = Instant::now() + RELOAD_WAIT;
    while get(addr, "/globex/").status != 200 && Instant::now() < deadline {
        let _ = events.recv_timeout(Duration::from_millis(200));
    }
    assert!(get(addr, "/globex/").body.contains("Globex Corp"));
    assert!(get(addr, "/").body.contains("Globex Corp"));
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let portal = TempPortal::copy_of(&fixture("minimal"));
    let options = ServeOptions {
        portal: portal.path().to_path_buf(),
        port,
        ..Default::default()
    };
    let err = Server::start(&options, Box::new(|_| {}))
        .err()
        .expect("the port is taken");
    let message = err.to_string();
    assert!(
        message.contains(&format!("127.0.0.1:{port} is already in use")),
        "{message}"
    );
    assert!(
        message.contains(&format!("--port {}", port + 1)),
        "{message}"
    );
}

#[test]
fn a_broken_theme_override_keeps_every_client_on_its_last_good_pages() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let server = start(&portal);
    let addr = server.addr();
    let events = reload_events(addr);
    portal.write(
        "theme/templates/reports.html",
        "{% extends \"base.html\" %}\n{% block content %}{{ oops }\n{% endblock content %}\n",
    );
    events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event after the theme edit");
    let page = get(addr, "/acme/reports/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Status reports"),
        "the last good page stays"
    );
    assert!(
        page.body.contains("theme/templates/reports.html:2:"),
        "the overlay names the template and line"
    );
    std::fs::remove_file(portal.path().join("theme/templates/reports.html")).unwrap();
    events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event after the fix");
    assert!(!get(addr, "/acme/reports/").body.contains("portico-errors"));
}

#[test]
fn the_index_is_the_live_portfolio() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    let server = start(&portal);
    let addr = server.addr();
    let index = get(addr, "/");
    assert_eq!(index.status, 200);
    // The same page `portico portfolio` writes: internal, with every view and export.
    assert!(index.body.contains("class=\"internal-banner\""));
    assert!(index.body.contains("7 in these clients"));
    assert!(
        index
            .body
            .contains("<a href=\"/kordaal-foods/\">Kordaal Foods B.V.</a>")
    );
    assert!(index.body.contains("<strong>1</strong> off track"));
    for (path, kind) in [
        (
            "/__portico/portfolio/stale.html",
            "text/html; charset=utf-8",
        ),
        (
            "/__portico/portfolio/details-region.html",
            "text/html; charset=utf-8",
        ),
        (
            "/__portico/portfolio/portfolio.csv",
            "text/csv; charset=utf-8",
        ),
        ("/__portico/portfolio/portfolio.json", "application/json"),
        (
            "/__portico/portfolio/assets/portfolio.js",
            "text/javascript; charset=utf-8",
        ),
        (
            "/__portico/portfolio/assets/portfolio.css",
            "text/css; charset=utf-8",
        ),
        (
            "/__portico/portfolio/assets/portico.css",
            "text/css; charset=utf-8",
        ),
    ] {
        let got = get(addr, path);
        assert_eq!(got.status, 200, "{path}");
        assert_eq!(got.content_type, kind, "{path}");
    }
    assert_eq!(get(addr, "/__portico/portfolio/nope.html").status, 404);
    // Live: a report turning red shows at once.
    let events = reload_events(addr);
    edit(
        &portal,
        "clients/kordaal-foods/reports/2026-11-13.md",
        "status: amber",
        "status: red",
    );
    events.recv_timeout(RELOAD_WAIT).expect("a reload event");
    let index = get(addr, "/");
    assert!(
        index.body.contains("<strong>2</strong> off track"),
        "{}",
        index.body
    );
}

/// The preview is where a draft is read before it is published: served, under a banner.
#[test]
fn drafts_are_previewed_under_a_banner() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    portal.write(
        "clients/acme/reports/2026-11-20.md",
        "---\ndate: 2026-11-20\ndraft: true\ntitle: Cutover rehearsed\nstatus: green\nsummary: Rehearsal ran to time.\n---\nAll good.\n",
    );
    let server = start(&portal);
    let page = get(server.addr(), "/acme/reports/2026-11-20/");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("<strong>Draft</strong>: not published yet"),
        "{}",
        page.body
    );
    assert!(get(server.addr(), "/acme/").body.contains("Draft preview."));
}
