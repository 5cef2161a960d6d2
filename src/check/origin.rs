//! Rules about the origin (scheme, host, port) portals are served from.
//!
//! Browsers isolate by origin, not by folder: every page and file served from
//! `https://portals.example/` shares one origin, whatever client folder it sits in. A
//! script that runs there (an attachment that is an HTML page, or an SVG with a script)
//! can read what the browser keeps for every portal on it, including a protected portal's
//! remembered key. So active content is refused in `files/` unless the client is declared
//! alone on its origin ([`Client::alone_on_origin`]), and a protected client sharing its
//! origin is warned about.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::load::CLIENTS_DIR;
use crate::model::{Client, PortalConfig};
use crate::source::Sources;
use crate::yaml_path;

/// Extensions of files browsers show as documents that run script.
const DOCUMENTS: [&str; 8] = [
    "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "svgz",
];
/// Extensions of XML files browsers render (and that may pull in script), checked by content.
const XML: [&str; 4] = ["svg", "xml", "xsl", "xslt"];
/// Bytes of an SVG or XML file read for the check; larger ones are refused unread.
const MAX_SCANNED: u64 = 10 * 1024 * 1024;

/// An `active-content` error for each attachment of `client` that would run script in a
/// browser, unless the client is alone on its origin.
pub fn active_content(client: &Client, config: &PortalConfig) -> Vec<Diagnostic> {
    if client.alone_on_origin(config) {
        return Vec::new();
    }
    // Only a document or an XML file can hold script; most clients have none, and finding
    // what is published means reading every text for its links.
    if !client
        .attachments
        .iter()
        .any(|name| kind_of(name).is_some())
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Only what is published is served; a file that stays home runs nowhere.
    for name in &crate::links::published_attachments(client) {
        let Some(reason) = active_reason(client, name) else {
            continue;
        };
        let file = format!("{CLIENTS_DIR}/{}/files/{name}", client.slug);
        out.push(
            Diagnostic::error(
                Code::ActiveContent,
                Some(&file),
                format!("{reason}, which a browser would run on the portal's address"),
            )
            .with_hint(
                "on an address shared with other portals it could read what the browser keeps for them; \
                 remove the script (export the image as PNG, the page as PDF), or publish this client \
                 on an address of its own: deploy.base_url in client.yaml, on a host no other client uses",
            ),
        );
    }
    out
}

/// What could hold script in a browser, by extension.
#[derive(PartialEq)]
enum Kind {
    /// A document browsers run as it is (`.html`...).
    Document,
    /// An XML file that may, depending on its content.
    Xml,
}

/// The lower-cased extension of `name` and its kind, when a browser could run script from
/// such a file.
fn kind_of(name: &str) -> Option<(String, Kind)> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    let kind = if DOCUMENTS.contains(&ext.as_str()) {
        Kind::Document
    } else if XML.contains(&ext.as_str()) {
        Kind::Xml
    } else {
        return None;
    };
    Some((ext, kind))
}

/// Why an attachment is active content, or `None` when it is not.
fn active_reason(client: &Client, name: &str) -> Option<String> {
    let (ext, kind) = kind_of(name)?;
    if kind == Kind::Document {
        return Some(format!("this is a .{ext} document"));
    }
    let path = client.dir.join("files").join(name);
    let too_big = std::fs::metadata(&path).map_or(true, |m| m.len() > MAX_SCANNED);
    if too_big {
        return Some(format!(
            "this .{ext} file is too large to check for scripts"
        ));
    }
    let Ok(text) = std::fs::read(&path).map(String::from_utf8) else {
        return Some(format!(
            "this .{ext} file cannot be read to check it for scripts"
        ));
    };
    let Ok(text) = text else {
        return Some(format!(
            "this .{ext} file is not UTF-8, so it cannot be checked for scripts"
        ));
    };
    markup_reason(&text.to_ascii_lowercase()).map(|what| format!("this .{ext} file has {what}"))
}

/// What in a lower-cased SVG or XML text can run script: script elements, event-handler
/// attributes, embedded HTML, `javascript:` addresses, stylesheets that transform the
/// document, and entity declarations (which can hide markup from a scan like this one).
fn markup_reason(text: &str) -> Option<&'static str> {
    const MARKERS: [(&str, &str); 11] = [
        ("<script", "a <script> element"),
        ("<foreignobject", "a <foreignObject> (embedded HTML)"),
        ("<iframe", "an <iframe>"),
        ("<embed", "an <embed>"),
        ("<object", "an <object>"),
        ("<handler", "a <handler> element"),
        ("<listener", "a <listener> element"),
        ("javascript:", "a javascript: address"),
        ("<!entity", "an entity declaration"),
        ("<?xml-stylesheet", "a stylesheet instruction"),
        ("http://www.w3.org/1999/xhtml", "HTML inside"),
    ];
    if let Some((_, what)) = MARKERS.iter().find(|(m, _)| text.contains(m)) {
        return Some(what);
    }
    event_handler(text).then_some("an event-handler attribute (on...=)")
}

/// Whether a tag in `text` has an attribute named `on<letters>`, such as `onload=`.
fn event_handler(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b'"' | b'\'' if in_tag => quote = Some(b),
            b'o' if in_tag
                && i > 0
                && matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'/')
                && bytes.get(i + 1) == Some(&b'n') =>
            {
                let rest = &bytes[i + 2..];
                let letters = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                let after = rest[letters..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace())
                    .copied();
                if letters > 0 && after == Some(b'=') {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// One client's place, for [`shared_origins`].
#[derive(Debug, Clone)]
pub struct Placement {
    /// Its origin, when its address is known.
    pub origin: Option<String>,
    /// Whether it is password-protected.
    pub protected: bool,
}

/// A `shared-origin` warning for each protected client whose origin another client also
/// uses, from every client's placement (by slug).
pub fn shared_origins(
    placements: &BTreeMap<String, Placement>,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let mut by_origin: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (slug, p) in placements {
        if let Some(origin) = &p.origin {
            by_origin.entry(origin).or_default().push(slug);
        }
    }
    let mut out = Vec::new();
    for (slug, p) in placements.iter().filter(|(_, p)| p.protected) {
        let Some(origin) = &p.origin else { continue };
        let others: Vec<&str> = by_origin[origin.as_str()]
            .iter()
            .copied()
            .filter(|s| s != slug)
            .collect();
        if others.is_empty() {
            continue;
        }
        let file = format!("{CLIENTS_DIR}/{slug}/client.yaml");
        let message = format!(
            "this protected portal shares its origin {origin} with {} other portal{} ({})",
            others.len(),
            if others.len() == 1 { "" } else { "s" },
            others.join(", ")
        );
        out.push(
            sources
                .error_at_yaml(Code::SharedOrigin, &file, &yaml_path!["access"], message)
                .warning()
                .with_hint(
                    "a script on the same origin can use what a reader's browser keeps for this portal; \
                     give it an address of its own: deploy.base_url on a host no other client uses",
                ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_found_and_plain_drawings_pass() {
        let plain = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>Logo</title><rect width="10" height="10" fill="teal"/><text x="1" y="8" font-family="sans">on = off</text></svg>"#;
        assert_eq!(markup_reason(&plain.to_ascii_lowercase()), None);
        for active in [
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg onload="alert(1)"></svg>"#,
            r#"<svg><rect OnClick = 'x()'/></svg>"#,
            r#"<svg><foreignObject><div/></foreignObject></svg>"#,
            r#"<svg><a href="javascript:alert(1)"><rect/></a></svg>"#,
            r#"<!DOCTYPE svg [<!ENTITY s "x">]><svg>&s;</svg>"#,
        ] {
            assert!(
                markup_reason(&active.to_ascii_lowercase()).is_some(),
                "{active}"
            );
        }
    }
}
