//! The preview's HTTP side: serves the current [`Snapshot`] and tells browsers to reload.
//!
//! Every request first passes [`guard`]: its Host (and Origin, when a page sends one) must
//! name this preview on this machine, or it is refused before anything is looked up, so a
//! web page that points a name of its own at 127.0.0.1 (DNS rebinding) reads nothing.
//!
//! Paths are looked up in the snapshot's map of built files, never joined onto a folder, so
//! nothing outside the output can be served whatever the request says; requests that try
//! anyway (`..`, encoded slashes, backslashes) are answered 400 before the lookup. Files
//! are opened on the blocking pool without following links ([`super::open`]) and streamed.
//! HTML pages the preview rendered get the live-reload script and, after a failed rebuild,
//! an overlay listing the errors; nothing of this reaches `portico build`'s output.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use percent_encoding::percent_decode_str;
use tokio::io::AsyncReadExt;
use tokio::sync::watch;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;
use tokio_util::io::ReaderStream;

use super::open::{Refused, open_regular, read_regular};
use super::site::{Served, Snapshot};
use crate::emit;

/// Prefix of the preview's own URLs; no client slug can start with `_`.
pub(crate) const PREFIX: &str = "/__portico";

/// What every request handler can see.
#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) snapshot: watch::Receiver<Arc<Snapshot>>,
    pub(crate) addresses: Addresses,
}

pub(crate) fn router(state: AppState) -> Router {
    let addresses = state.addresses;
    Router::new()
        .route("/", get(index))
        .route(&format!("{PREFIX}/livereload.js"), get(livereload_js))
        .route(&format!("{PREFIX}/events"), get(events))
        .fallback(file)
        .with_state(state)
        .layer(middleware::from_fn_with_state(addresses, guard))
}

/// Serves `app` on `listener` until `stop` turns true. HTTP/1 only (browsers speak nothing
/// else over plain http); a connection that has not sent a request's headers within
/// `header_timeout` (slowloris, or a client that went away) is closed.
pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    header_timeout: Duration,
    mut stop: watch::Receiver<bool>,
) {
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = async { let _ = stop.wait_for(|stop| *stop).await; } => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // Out of file descriptors, say: wait for connections to close, then go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    // Event streams never end by themselves: give other responses a moment, no more.
    let _ = tokio::time::timeout(Duration::from_millis(200), graceful.shutdown()).await;
}

/// The addresses the preview answers to: `localhost`, `127.0.0.1`, `[::1]` and the
/// `--bind` address, each with the port it listens on. Bound to every interface (`0.0.0.0`
/// or `::`), it also answers to any IP address (other machines reach it by one), but still
/// to no other name: only a name can be rebound to this machine by someone else's DNS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Addresses {
    pub(crate) bind: IpAddr,
    pub(crate) port: u16,
}

impl Addresses {
    /// Whether `authority` (a Host header, or an origin without its scheme) names this
    /// preview: host and port, nothing more.
    pub(crate) fn accepts(&self, authority: &str) -> bool {
        let Some((host, port)) = split_authority(authority) else {
            return false;
        };
        if port != self.port {
            return false;
        }
        match host {
            Host::Name(name) => name.eq_ignore_ascii_case("localhost"),
            Host::Ip(ip) => {
                ip == IpAddr::V4(Ipv4Addr::LOCALHOST)
                    || ip == IpAddr::V6(Ipv6Addr::LOCALHOST)
                    || ip == self.bind
                    || self.bind.is_unspecified()
            }
        }
    }

    /// Whether an Origin header names one of the preview's own pages.
    fn accepts_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|authority| self.accepts(authority))
    }

    /// Where the preview can be reached, for messages.
    fn described(&self) -> String {
        let port = self.port;
        let mut out =
            format!("http://localhost:{port}/, http://127.0.0.1:{port}/ and http://[::1]:{port}/");
        if self.bind.is_unspecified() {
            out.push_str(&format!(", or this machine's IP address with port {port}"));
        } else if !self.bind.is_loopback() {
            match self.bind {
                IpAddr::V4(ip) => out.push_str(&format!(" (and http://{ip}:{port}/)")),
                IpAddr::V6(ip) => out.push_str(&format!(" (and http://[{ip}]:{port}/)")),
            }
        }
        out
    }
}

enum Host<'a> {
    Name(&'a str),
    Ip(IpAddr),
}

/// Splits `host[:port]` or `[v6][:port]` strictly; a missing port is 80, as in HTTP.
fn split_authority(authority: &str) -> Option<(Host<'_>, u16)> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        (Host::Ip(IpAddr::V6(inside.parse().ok()?)), after)
    } else {
        let end = authority.find(':').unwrap_or(authority.len());
        let (host, after) = authority.split_at(end);
        match host.parse::<Ipv4Addr>() {
            Ok(ip) => (Host::Ip(IpAddr::V4(ip)), after),
            Err(_) => (Host::Name(host), after),
        }
    };
    let port = if port.is_empty() {
        80
    } else {
        let digits = port.strip_prefix(':')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()?
    };
    Some((host, port))
}

/// Refuses requests not addressed to this preview (Host, or the authority of an
/// absolute-form target) or sent by another site's page (Origin); marks every response as
/// not to be sniffed nor embedded by other sites.
async fn guard(State(addresses): State<Addresses>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("(not text)"));
    let target = request.uri().authority().map(|a| a.as_str());
    let addressed = match (host, target) {
        (None, None) => Err("(none)".to_owned()),
        (host, target) => match host
            .into_iter()
            .chain(target)
            .find(|a| !addresses.accepts(a))
        {
            Some(wrong) => Err(wrong.to_owned()),
            None => Ok(()),
        },
    };
    if let Err(wrong) = addressed {
        return refuse(format!(
            "portico preview: refused a request addressed to {:?}.\nThe preview answers only at {}, so that no web site can read it through a name of its own (DNS rebinding). Open one of those addresses.\n",
            printable(&wrong),
            addresses.described()
        ));
    }
    if let Some(origin) = request.headers().get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("(not text)");
        if !addresses.accepts_origin(origin) {
            return refuse(format!(
                "portico preview: refused a request from a page of {:?}: only the preview's own pages ({}) may read it.\n",
                printable(origin),
                addresses.described()
            ));
        }
    }
    let mut response = next.run(request).await;
    secure(response.headers_mut());
    response
}

fn refuse(message: String) -> Response {
    let mut response = (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response();
    secure(response.headers_mut());
    response
}

fn secure(headers: &mut HeaderMap) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
}

/// At most 100 visible characters of what a request said, for a message.
fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_graphic() || *c == ' ')
        .take(100)
        .collect()
}

const LIVERELOAD_JS: &str = "// portico preview: reload when the portal is rebuilt.
(() => {
  const version = document.currentScript.dataset.version;
  const events = new EventSource('/__portico/events?since=' + version);
  events.addEventListener('reload', () => location.reload());
})();
";

async fn livereload_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVERELOAD_JS,
    )
        .into_response()
}

/// Which snapshot the page asking for events was rendered from.
#[derive(serde::Deserialize)]
struct Since {
    since: Option<u64>,
}

/// Server-sent events: one `reload` event per rebuild, sent only once the new snapshot is
/// in place, so the reloaded page is always complete. A page rendered from an older
/// snapshot than the current one (a rebuild finished while it loaded) is told at once.
async fn events(
    State(state): State<AppState>,
    Query(Since { since }): Query<Since>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let mut snapshot = state.snapshot.clone();
    let current = snapshot.borrow_and_update().version;
    let missed = since
        .filter(|v| *v != current)
        .map(|_| Ok(reload_event(current)));
    let later = WatchStream::from_changes(snapshot).map(|s| Ok(reload_event(s.version)));
    Sse::new(tokio_stream::iter(missed).chain(later)).keep_alive(KeepAlive::default())
}

fn reload_event(version: u64) -> Event {
    Event::default().event("reload").data(version.to_string())
}

async fn index(State(state): State<AppState>) -> Response {
    let snapshot = state.snapshot.borrow().clone();
    html(StatusCode::OK, index_page(&snapshot), &snapshot)
}

async fn file(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            "the preview only answers GET and HEAD\n",
        )
            .into_response();
    }
    let snapshot = state.snapshot.borrow().clone();
    let key = match output_path(uri.path()) {
        Ok(key) => key,
        Err(why) => return (StatusCode::BAD_REQUEST, format!("bad path: {why}\n")).into_response(),
    };
    // A folder without its trailing slash would break every relative link on the page.
    if !key.is_empty()
        && !key.ends_with('/')
        && snapshot.get(&format!("{key}/index.html")).is_some()
    {
        let location = format!("/{key}/");
        return (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response();
    }
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key
    };
    let Some(served) = snapshot.get(&key).cloned() else {
        return html(StatusCode::NOT_FOUND, not_found_page(&key), &snapshot);
    };
    let kind = content_type(&key);
    match served {
        Served::Memory(bytes) => {
            body_response(kind, Some(bytes.len() as u64), Body::from(bytes.to_vec()))
        }
        // Pages the preview rendered get the live-reload script: read whole (they are
        // small), off the async workers.
        Served::Rendered(path) if kind.starts_with("text/html") => {
            match tokio::task::spawn_blocking(move || read_regular(&path)).await {
                Ok(Ok(bytes)) => html(
                    StatusCode::OK,
                    String::from_utf8_lossy(&bytes).into_owned(),
                    &snapshot,
                ),
                Ok(Err(e)) => (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("cannot read {key}: {e}\n"),
                )
                    .into_response(),
                Err(e) => internal(&key, &e),
            }
        }
        Served::Rendered(path) | Served::Attachment(path) => stream(path, kind, &key).await,
    }
}

/// Streams a file of the snapshot: opened on the blocking pool (no link followed, regular
/// files only), then read in chunks, so memory stays small whatever its size.
async fn stream(path: PathBuf, kind: &'static str, key: &str) -> Response {
    let (file, len) = match tokio::task::spawn_blocking(move || open_regular(&path)).await {
        Ok(Ok(opened)) => opened,
        Ok(Err(why)) => return refused(key, &why),
        Err(e) => return internal(key, &e),
    };
    // Never more than the length announced, should the file grow while it is sent.
    let reader = tokio::fs::File::from_std(file).take(len);
    let body = Body::from_stream(ReaderStream::with_capacity(reader, 64 * 1024));
    body_response(kind, Some(len), body)
}

fn body_response(kind: &str, len: Option<u64>, body: Body) -> Response {
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(kind) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    if let Some(len) = len {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A file of the snapshot that is no longer what the preview built.
fn refused(key: &str, why: &Refused) -> Response {
    let status = match why {
        Refused::Missing => StatusCode::NOT_FOUND,
        Refused::Link | Refused::NotRegular => StatusCode::FORBIDDEN,
        Refused::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "portico preview: /{key} is not served: {why}. The preview serves only regular files inside the client's folder, as they were when it built them; the change will be rebuilt.\n"
        ),
    )
        .into_response()
}

fn internal(key: &str, e: &tokio::task::JoinError) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("portico preview: internal error while serving /{key}: {e}\n"),
    )
        .into_response()
}

/// The output path a request path names, or why it is refused.
pub(crate) fn output_path(raw: &str) -> Result<String, &'static str> {
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") || raw.contains('\\') {
        return Err("encoded slashes and backslashes are not allowed");
    }
    let decoded = percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| "not UTF-8")?;
    if decoded.contains('\0') {
        return Err("NUL in path");
    }
    let rest = decoded.strip_prefix('/').unwrap_or(&decoded);
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        if *segment == ".." || *segment == "." {
            return Err("dot segments are not allowed");
        }
        if segment.is_empty() && i != last {
            return Err("empty segments are not allowed");
        }
    }
    Ok(rest.to_owned())
}

/// The Content-Type for an output file, by extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "xml" => "application/xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => mime_guess::from_ext(ext)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

/// An HTML response with the live-reload script, and the error overlay when the latest
/// rebuild failed.
fn html(status: StatusCode, mut page: String, snapshot: &Snapshot) -> Response {
    let mut injected = String::new();
    if !snapshot.errors.is_empty() {
        injected.push_str(&overlay(snapshot));
    }
    injected.push_str(&format!(
        "<script src=\"{PREFIX}/livereload.js\" data-version=\"{}\"></script>\n",
        snapshot.version
    ));
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, &injected),
        None => page.push_str(&injected),
    }
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        page,
    )
        .into_response()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// The errors of the latest rebuild, over the last good page.
fn overlay(snapshot: &Snapshot) -> String {
    let count = snapshot.errors.len();
    let mut out = String::from(
        "<div id=\"portico-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#1c2024;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;border-top:4px solid #d93025\">",
    );
    out.push_str(&format!(
        "<p style=\"margin:0 0 .5rem;font-weight:700\">portico: {count} error{} in the portal. This page shows the last version that built; fix the file{} and it reloads.</p><pre style=\"margin:0;white-space:pre-wrap\">",
        if count == 1 { "" } else { "s" },
        if count == 1 { "" } else { "s" },
    ));
    out.push_str(&escape(&emit::human(&snapshot.errors, false)));
    out.push_str("</pre></div>\n");
    out
}

fn not_found_page(key: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found · portico preview</title></head>\n<body>\n<h1>Not found</h1>\n<p>Nothing is built at <code>/{}</code>. <a href=\"/\">All clients</a></p>\n</body>\n</html>\n",
        escape(key)
    )
}

fn index_page(snapshot: &Snapshot) -> String {
    let mut rows = String::new();
    for c in &snapshot.clients {
        let name = c.name.as_deref().unwrap_or(&c.slug);
        let status = c.status.map_or("no report yet", |s| s.label());
        let latest = c.latest.map_or(String::new(), |d| format!(" · {d}"));
        let errors = match c.errors {
            0 => String::new(),
            n => format!(
                " · <strong>{n} error{}</strong>",
                if n == 1 { "" } else { "s" }
            ),
        };
        let link = if c.built {
            format!("<a href=\"/{}/\">{}</a>", escape(&c.folder), escape(name))
        } else {
            escape(name)
        };
        rows.push_str(&format!(
            "<li>{link} <small>({})</small>: {status}{latest}{errors}</li>\n",
            escape(&c.slug)
        ));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>portico preview</title></head>\n<body style=\"font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem\">\n<h1>Client portals</h1>\n<p>Preview for the consultant only: this page is never part of a build. {} client{}, {} warning{}.</p>\n<ul>\n{rows}</ul>\n</body>\n</html>\n",
        snapshot.clients.len(),
        if snapshot.clients.len() == 1 { "" } else { "s" },
        snapshot.warnings,
        if snapshot.warnings == 1 { "" } else { "s" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_map_to_output_paths() {
        assert_eq!(
            output_path("/acme/reports/").as_deref(),
            Ok("acme/reports/")
        );
        assert_eq!(
            output_path("/acme/files/My%20Plan.pdf").as_deref(),
            Ok("acme/files/My Plan.pdf")
        );
        assert_eq!(output_path("/").as_deref(), Ok(""));
    }

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "/../Cargo.toml",
            "/acme/../../portico.yaml",
            "/%2e%2e/portico.yaml",
            "/acme%2f..%2f..%2fportico.yaml",
            "/..%5cportico.yaml",
            "/acme\\..\\x",
            "//etc/passwd",
            "/acme/./index.html",
            "/a%00b",
        ] {
            assert!(output_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_this_machines_names_with_the_port_are_accepted() {
        let loopback = Addresses {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 4000,
        };
        for good in [
            "localhost:4000",
            "LOCALHOST:4000",
            "127.0.0.1:4000",
            "[::1]:4000",
            "[0:0:0:0:0:0:0:1]:4000",
        ] {
            assert!(loopback.accepts(good), "{good}");
        }
        for bad in [
            "",
            ":4000",
            "localhost",
            "localhost:",
            "localhost:4001",
            "localhost:+4000",
            "localhost:4000:4000",
            "evil.example:4000",
            "localhost.evil.example:4000",
            "sub.localhost:4000",
            "127.0.0.1.nip.io:4000",
            "127.0.0.1:4000@evil.example",
            "127.0.0.2:4000",
            "127.1:4000",
            "2130706433:4000",
            "[::1]",
            "[::1]x:4000",
            "[::2]:4000",
            "192.168.1.20:4000",
        ] {
            assert!(!loopback.accepts(bad), "{bad}");
        }
        let lan = Addresses {
            bind: "192.168.1.20".parse().unwrap(),
            port: 4000,
        };
        assert!(lan.accepts("192.168.1.20:4000"));
        assert!(lan.accepts("localhost:4000"));
        assert!(!lan.accepts("192.168.1.21:4000"));
        assert!(!lan.accepts("portal.lan:4000"));
        let everywhere = Addresses {
            bind: "0.0.0.0".parse().unwrap(),
            port: 80,
        };
        assert!(everywhere.accepts("10.0.0.7"), "port 80 may go unsaid");
        assert!(everywhere.accepts("[fe80::1]:80"));
        assert!(
            !everywhere.accepts("evil.example"),
            "a name is never enough"
        );
        assert!(loopback.accepts_origin("http://127.0.0.1:4000"));
        assert!(!loopback.accepts_origin("https://127.0.0.1:4000"));
        assert!(!loopback.accepts_origin("http://127.0.0.1:4000/"));
        assert!(!loopback.accepts_origin("null"));
    }

    #[test]
    fn content_types() {
        for (path, kind) in [
            ("a/index.html", "text/html; charset=utf-8"),
            ("a/assets/portico.css", "text/css; charset=utf-8"),
            ("a/files/logo.svg", "image/svg+xml"),
            ("a/files/photo.png", "image/png"),
            ("a/files/photo.jpg", "image/jpeg"),
            ("a/milestones.ics", "text/calendar; charset=utf-8"),
            ("a/feed.xml", "application/xml; charset=utf-8"),
            ("a/portal.json", "application/json"),
            ("a/files/unknown.zzz", "application/octet-stream"),
        ] {
            assert_eq!(content_type(path), kind, "{path}");
        }
    }
}
