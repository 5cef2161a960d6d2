//! The preview starts at once whatever the portfolio's size: the index lists every client
//! before any is built, a page of a client not built yet builds that client first, the
//! others are built in the background without reloading open pages, and an edit made while
//! they are being built is served as soon as its reload is announced.

use super::*;
use crate::common::copy_tree;

/// The example portal with `extra` more clients (copies of one), named to sort last.
fn portfolio(extra: usize) -> TempPortal {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    let clients = portal.path().join("clients");
    for i in 0..extra {
        copy_tree(
            &clients.join("tierarzt-lindenhof"),
            &clients.join(format!("zz-client-{i:02}")),
        );
    }
    portal
}

fn start_unbuilt(portal: &TempPortal) -> Server {
    let options = ServeOptions {
        portal: portal.path().to_path_buf(),
        port: 0,
        ..Default::default()
    };
    Server::start(&options, Box::new(|_| {})).expect("the preview starts")
}

/// The version a page was served from (its live-reload script's `data-version`).
fn version_of(page: &str) -> u64 {
    let at = page
        .find("data-version=\"")
        .expect("the live-reload script")
        + 14;
    page[at..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn the_index_needs_no_client_built_and_a_page_builds_its_client_first() {
    let portal = portfolio(24);
    let server = start_unbuilt(&portal);
    let addr = server.addr();
    assert!(server.first_build().problems.is_empty());
    let index = get(addr, "/");
    assert_eq!(index.status, 200);
    let mut slugs = vec![
        "cradlestone".to_owned(),
        "kordaal-foods".to_owned(),
        "tierarzt-lindenhof".to_owned(),
    ];
    slugs.extend((0..24).map(|i| format!("zz-client-{i:02}")));
    for slug in &slugs {
        assert!(
            index.body.contains(&format!("<a href=\"/{slug}/\">")),
            "the index links {slug}, built or not"
        );
    }
    let version = version_of(&index.body);
    // The last clients in order, most likely not built yet: asked for, built, served.
    let page = get(addr, "/zz-client-23/reports/2026-11-20/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Lindenhof"), "{}", page.body);
    assert_eq!(
        raw_status(addr, "/zz-client-22"),
        308,
        "a folder without its slash"
    );
    assert_eq!(get(addr, "/zz-client-21/no-such-page/").status, 404);
    server.wait_until_built();
    let index = get(addr, "/");
    assert!(!index.body.contains("not built yet"), "{}", index.body);
    assert!(index.body.contains("Off track"), "statuses once built");
    assert_eq!(
        version_of(&index.body),
        version,
        "building clients for the first time reloads no open page"
    );
}

#[test]
fn an_edit_while_clients_are_first_built_is_served_once_announced() {
    let portal = portfolio(24);
    let server = start_unbuilt(&portal);
    let addr = server.addr();
    let events = reload_events(addr);
    edit(
        &portal,
        "clients/zz-client-23/reports/2026-11-20.md",
        "## ",
        "## Edited during the first build: ",
    );
    let version = events
        .recv_timeout(RELOAD_WAIT)
        .expect("a reload event after the edit");
    assert!(version.parse::<u64>().unwrap() >= 2);
    let page = get(addr, "/zz-client-23/reports/2026-11-20/");
    assert!(
        page.body.contains("Edited during the first build: "),
        "no stale page after the reload signal"
    );
    server.wait_until_built();
    let page = get(addr, "/zz-client-23/reports/2026-11-20/");
    assert!(page.body.contains("Edited during the first build: "));
}

/// Every event a page following the background builds gets: (event, data).
fn portfolio_events(
    addr: SocketAddr,
    since: u64,
    pending: usize,
) -> mpsc::Receiver<(String, String)> {
    let (tx, rx) = mpsc::channel();
    let response = agent()
        .get(&format!(
            "http://{addr}/__portico/events?since={since}&pending={pending}"
        ))
        .call()
        .unwrap();
    std::thread::spawn(move || {
        let reader = BufReader::new(response.into_body().into_reader());
        let mut event = String::new();
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if let Some(name) = line.strip_prefix("event: ") {
                event = name.to_owned();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if tx.send((event.clone(), data.to_owned())).is_err() {
                    break;
                }
            }
        }
    });
    rx
}

#[test]
fn the_portfolio_follows_the_background_builds_and_reloads_once_all_are_built() {
    let portal = portfolio(24);
    let server = start_unbuilt(&portal);
    let addr = server.addr();
    let index = get(addr, "/");
    let at = index
        .body
        .find("data-pending=\"")
        .expect("the portfolio follows the background builds")
        + 14;
    let pending: usize = index.body[at..].split('"').next().unwrap().parse().unwrap();
    assert!(
        pending > 0,
        "asked for at once, the portfolio has clients not built yet"
    );
    // Every client here has reports: one not built yet is counted as that, not as a
    // client with no report (the tally said "950 no report yet" of 1,000 reporting ones).
    assert!(
        index
            .body
            .contains(&format!("<strong>{pending}</strong> not built yet")),
        "{}",
        index.body
    );
    assert!(
        index.body.contains("<strong>0</strong> no report yet"),
        "{}",
        index.body
    );
    let events = portfolio_events(addr, version_of(&index.body), pending);
    let mut notes = 0;
    loop {
        let (event, data) = events
            .recv_timeout(Duration::from_secs(120))
            .expect("an event while the clients are built");
        match event.as_str() {
            "pending" => {
                assert!(data.contains("not built yet"), "{data}");
                notes += 1;
            }
            "reload" => break,
            other => panic!("unexpected event {other}"),
        }
    }
    assert!(
        notes > 0 || pending == 1,
        "the note counted down ({pending} waiting at first)"
    );
    let index = get(addr, "/");
    assert!(
        !index.body.contains("not built yet"),
        "every row is there after the reload"
    );
    // A client's page is not reloaded by first builds (see above); nor is the portfolio once
    // nothing waits.
    assert!(index.body.contains("data-pending=\"0\""));
}
