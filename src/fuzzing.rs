//! One entry point for fuzzers and their regression tests: whatever the bytes, the parsers
//! and the diagnostic printers must return, never panic.

use crate::load::{FileKind, parse_text};
use crate::source::{Seg, locate_yaml};

/// Feeds `data` to every parser a portal file goes through. The first byte picks the kind
/// of file; the rest, if it is UTF-8, is the file's text.
pub fn exercise(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = FileKind::ALL[usize::from(selector) % FileKind::ALL.len()];
    if let Err(d) = parse_text(kind, "clients/acme/file", text) {
        let _ = crate::emit::human(std::slice::from_ref(&d), false);
        let _ = crate::emit::json(&[d]);
    }
    let _ = locate_yaml(text, &[Seg::Index(1), Seg::Key("id".into())]);
    let _ = crate::render::markdown::links(text);
}
