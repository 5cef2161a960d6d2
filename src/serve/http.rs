//! The preview's HTTP side: serves the current [`Snapshot`] and tells browsers to reload.
//!
//! Every request first passes [`super::guard`]: only requests addressed to this machine
//! get this far.
//!
//! Paths are looked up in the snapshot's map of built files, never joined onto a folder, so
//! nothing outside the output can be served whatever the request says; requests that try
//! anyway (`..`, encoded slashes, backslashes) are answered 400 before the lookup. Files
//! are opened on the blocking pool without following links ([`super::open`]) and streamed.
//! HTML pages the preview rendered get the live-reload script and, after a failed rebuild,
//! an overlay listing the errors; nothing of this reaches `portico build`'s output.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware;
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

use super::guard::{Addresses, guard};
use super::open::{Refused, open_regular, read_regular};
use super::site::{Served, Snapshot};
use crate::emit;

/// Prefix of the preview's own URLs; no client slug can start with `_`.
pub(crate) const PREFIX: &str = "/__portico";

/// What every request handler can see.
#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) snapshot: watch::Receiver<Arc<Snapshot>>,
    /// Asks the background builder to build a client (by folder name under `clients/`)
    /// next.
    pub(crate) want: Option<std::sync::mpsc::Sender<String>>,
    pub(crate) addresses: Addresses,
}

/// How long a request waits for its client's first build before it is answered anyway.
const FIRST_BUILD_PATIENCE: Duration = Duration::from_secs(120);

pub(crate) fn router(state: AppState) -> Router {
    let addresses = state.addresses;
    Router::new()
        .route("/", get(index))
        .route(&format!("{PREFIX}/livereload.js"), get(livereload_js))
        .route(&format!("{PREFIX}/events"), get(events))
        .route(
            &format!("{PREFIX}/portfolio/{{*rest}}"),
            get(portfolio_file),
        )
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

const LIVERELOAD_JS: &str = "// portico preview: reload when the portal is rebuilt.
(() => {
  const data = document.currentScript.dataset;
  const pending = data.pending ? '&pending=' + data.pending : '';
  const events = new EventSource('/__portico/events?since=' + data.version + pending);
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('pending', (e) => {
    const note = document.getElementById('portico-pending');
    if (note) note.textContent = e.data;
  });
})();
";

async fn livereload_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVERELOAD_JS,
    )
        .into_response()
}

/// Which snapshot the page asking for events was rendered from, and, for the portfolio,
/// how many clients were not built yet when it was.
#[derive(serde::Deserialize)]
struct Since {
    since: Option<u64>,
    pending: Option<usize>,
}

/// Server-sent events: one `reload` event per rebuild, sent only once the new snapshot is
/// in place, so the reloaded page is always complete. A page rendered from an older
/// snapshot than the current one (a rebuild finished while it loaded) is told at once.
///
/// Snapshots that only add clients built for the first time keep the version: nothing a
/// client's page shows changed, so nothing reloads. The portfolio is the exception: it
/// names `pending`, gets a `pending` event with its new note as each client is built, and
/// reloads once when the last one is, to show every row.
async fn events(
    State(state): State<AppState>,
    Query(Since { since, pending }): Query<Since>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let mut snapshot = state.snapshot.clone();
    let (current, waiting) = {
        let now = snapshot.borrow_and_update();
        (now.version, now.pending.len())
    };
    let missed = (since.is_some_and(|v| v != current)
        || pending.is_some_and(|p| p > 0 && waiting == 0))
    .then(|| Ok(reload_event(current)));
    let mut last = (current, pending.map(|_| waiting));
    let later = WatchStream::from_changes(snapshot).filter_map(move |s| {
        let (version, was) = last;
        let now = was.map(|_| s.pending.len());
        last = (s.version, now);
        if version != s.version || (now == Some(0) && was != Some(0)) {
            Some(Ok(reload_event(s.version)))
        } else if now != was {
            Some(Ok(Event::default()
                .event("pending")
                .data(pending_note(s.pending.len()))))
        } else {
            None
        }
    });
    Sse::new(tokio_stream::iter(missed).chain(later)).keep_alive(KeepAlive::default())
}

fn reload_event(version: u64) -> Event {
    Event::default().event("reload").data(version.to_string())
}

/// The consultant's portfolio, live: the same page `portico portfolio` writes, from the
/// latest rebuild. The plain list stands in while the configuration or theme is broken.
async fn index(State(state): State<AppState>) -> Response {
    let snapshot = state.snapshot.borrow().clone();
    portfolio_response("index.html".to_owned(), snapshot).await
}

/// The portfolio's other views, its stylesheets, script and exports.
async fn portfolio_file(
    State(state): State<AppState>,
    axum::extract::Path(rest): axum::extract::Path<String>,
) -> Response {
    let snapshot = state.snapshot.borrow().clone();
    portfolio_response(rest, snapshot).await
}

async fn portfolio_response(path: String, snapshot: Arc<Snapshot>) -> Response {
    let Some(source) = snapshot.portfolio.clone() else {
        return if path == "index.html" {
            html(StatusCode::OK, index_page(&snapshot), &snapshot)
        } else {
            html(StatusCode::NOT_FOUND, not_found_page(&path), &snapshot)
        };
    };
    // Rendering a large portfolio takes a while: off the async workers.
    let rendered = tokio::task::spawn_blocking(move || render_portfolio_file(&path, &source)).await;
    match rendered {
        Ok(Some((kind, body))) if kind.starts_with("text/html") => {
            // The portfolio follows the background builds (see `events`).
            let pending = Some(snapshot.pending.len());
            html_following(
                StatusCode::OK,
                with_pending_note(body, &snapshot),
                &snapshot,
                pending,
            )
        }
        Ok(Some((kind, body))) => (
            [
                (header::CONTENT_TYPE, kind),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body,
        )
            .into_response(),
        Ok(None) => html(
            StatusCode::NOT_FOUND,
            not_found_page("__portico/portfolio/"),
            &snapshot,
        ),
        Err(e) => internal("the portfolio", &e),
    }
}

/// One file of the live portfolio, with its content type; `None` when there is no such
/// file. A template error shows as the page's text.
fn render_portfolio_file(
    path: &str,
    source: &super::site::PortfolioSource,
) -> Option<(&'static str, String)> {
    use crate::render::portfolio::{PortfolioLinks, csv, json, pages};
    let links = PortfolioLinks {
        base: format!("{PREFIX}/portfolio/"),
        index: "/".to_owned(),
    };
    let asset = |name: &str| {
        source
            .renderer
            .portfolio_assets()
            .ok()?
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| text)
    };
    match path {
        "portfolio.csv" => Some(("text/csv; charset=utf-8", csv(&source.rows))),
        "portfolio.json" => Some(("application/json", json(&source.rows, source.as_of))),
        "assets/portfolio.css" => Some(("text/css; charset=utf-8", asset("portfolio.css")?)),
        "assets/portfolio.js" => Some(("text/javascript; charset=utf-8", asset("portfolio.js")?)),
        "assets/portico.css" => Some((
            "text/css; charset=utf-8",
            String::from_utf8_lossy(&source.renderer.main_stylesheet()?).into_owned(),
        )),
        page => {
            let key = page.strip_suffix(".html")?;
            let all = pages(&source.rows, &source.config, source.as_of, &links, None);
            let page = all.iter().find(|p| p.key == key)?;
            Some((
                "text/html; charset=utf-8",
                match source.renderer.render_portfolio_page(page) {
                    Ok(html) => html,
                    Err(d) => format!(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Portfolio</title></head><body><pre>{}</pre></body></html>\n",
                        escape(&emit::human(&[d], false))
                    ),
                },
            ))
        }
    }
}

async fn file(State(state): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            "the preview only answers GET and HEAD\n",
        )
            .into_response();
    }
    let mut snapshot = state.snapshot.borrow().clone();
    let key = match output_path(uri.path()) {
        Ok(key) => key,
        Err(why) => return (StatusCode::BAD_REQUEST, format!("bad path: {why}\n")).into_response(),
    };
    // A client not built yet is built now, ahead of the others, and this request waits.
    if let Some(slug) = snapshot.pending_client(&key).map(str::to_owned) {
        if let Some(want) = &state.want {
            let _ = want.send(slug);
        }
        let mut changes = state.snapshot.clone();
        let built = changes.wait_for(|s| s.pending_client(&key).is_none());
        if let Ok(Ok(newer)) = tokio::time::timeout(FIRST_BUILD_PATIENCE, built).await {
            snapshot = newer.clone();
        }
    }
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
        Served::Rendered(path) => stream(path, kind, &key).await,
        Served::Attachment(path) => {
            let mut response = stream(path, kind, &key).await;
            // The preview's one origin holds every client, internal items included: a
            // script in an HTML or SVG attachment, opened here, must not read the others.
            if is_active(kind) {
                response.headers_mut().insert(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static("sandbox"),
                );
            }
            response
        }
    }
}

/// Content types a browser may run scripts in when opened directly.
fn is_active(kind: &str) -> bool {
    let essence = kind.split(';').next().unwrap_or(kind).trim();
    matches!(
        essence,
        "text/html" | "image/svg+xml" | "application/xhtml+xml" | "application/xml" | "text/xml"
    )
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
fn html(status: StatusCode, page: String, snapshot: &Snapshot) -> Response {
    html_following(status, page, snapshot, None)
}

/// [`html`] for a page that also follows the background builds, rendered while `pending`
/// clients were not built yet.
fn html_following(
    status: StatusCode,
    mut page: String,
    snapshot: &Snapshot,
    pending: Option<usize>,
) -> Response {
    let mut injected = String::new();
    if !snapshot.errors.is_empty() {
        injected.push_str(&overlay(snapshot));
    }
    let follow = pending.map_or_else(String::new, |n| format!(" data-pending=\"{n}\""));
    injected.push_str(&format!(
        "<script src=\"{PREFIX}/livereload.js\"{follow} data-version=\"{}\"></script>\n",
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

/// Says, at the top of the live portfolio, how many clients the preview has not built yet:
/// their rows hold only a name until then.
fn with_pending_note(mut page: String, snapshot: &Snapshot) -> String {
    let n = snapshot.pending.len();
    if n == 0 {
        return page;
    }
    let note = format!(
        "<p class=\"meta\" role=\"status\" id=\"portico-pending\">{}</p>\n",
        pending_note(n)
    );
    let at = page
        .find("<main")
        .and_then(|main| page[main..].find('>').map(|end| main + end + 1));
    match at {
        Some(at) => page.insert_str(at, &note),
        None => page.insert_str(0, &note),
    }
    page
}

/// The portfolio's note on clients not built yet; plain text.
fn pending_note(n: usize) -> String {
    format!(
        "{n} client{} not built yet: {} built in the background, and this page shows {} once {} done; opening one builds it at once.",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it is" } else { "they are" },
        if n == 1 { "its row" } else { "their rows" },
        if n == 1 { "it is" } else { "all are" },
    )
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
        let status = c.status.as_deref().unwrap_or("no report yet");
        let latest = c.latest.map_or(String::new(), |d| format!(" · {d}"));
        let errors = match c.errors {
            0 => String::new(),
            n => format!(
                " · <strong>{n} error{}</strong>",
                if n == 1 { "" } else { "s" }
            ),
        };
        let link = if c.built || c.pending {
            format!("<a href=\"/{}/\">{}</a>", escape(&c.folder), escape(name))
        } else {
            escape(name)
        };
        let status = if c.pending { "not built yet" } else { status };
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
