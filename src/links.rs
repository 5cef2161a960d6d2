//! Where a link written in a client's Markdown points, for both checking and rendering.
//!
//! Authors write links relative to the file they are in, as they would on GitHub:
//! `../files/plan.pdf` from a report, `files/plan.pdf` from `scope.md`, `2026-11-07.md` for
//! an earlier report. [`resolve`] turns such a link into a [`Target`] in the client's
//! portal; [`crate::check`] rejects the bad ones and [`crate::render`] rewrites the good
//! ones into paths relative to the output page.

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use std::collections::BTreeSet;

use crate::model::Client;
use crate::render::markdown;
use crate::texts;

/// What a link in a client's Markdown leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An `http(s):`, `mailto:` or `tel:` address, kept as written.
    External,
    /// A fragment on the same page (`#footnote`).
    Anchor,
    /// A file under `files/`; the path is relative to `files/`.
    Attachment {
        /// Decoded path under `files/`.
        path: String,
        /// `#fragment` or `?query` as written, with its leading character.
        suffix: String,
    },
    /// Another report of the same client.
    Report {
        /// The report's slug.
        slug: String,
        /// `#fragment` as written.
        suffix: String,
    },
    /// The scope page.
    Scope {
        /// `#fragment` as written.
        suffix: String,
    },
    /// A path inside the client folder that names nothing publishable.
    Missing {
        /// The path relative to the client folder.
        path: String,
    },
    /// A path that leaves the client folder, or an absolute one.
    Outside,
    /// A path into another client's folder.
    OtherClient {
        /// The other client's slug.
        slug: String,
    },
    /// A scheme portals do not link to (`javascript:`, `file:`, `data:`…).
    BadScheme {
        /// The scheme, lowercased.
        scheme: String,
    },
}

/// Resolves `dest`, written in a file inside `from_dir` of `client` (`""` for the client
/// folder itself, `"reports"` for a report).
pub fn resolve(client: &Client, from_dir: &str, dest: &str) -> Target {
    let dest = dest.trim();
    if let Some(scheme) = scheme_of(dest) {
        return match scheme.as_str() {
            "http" | "https" | "mailto" | "tel" => Target::External,
            _ => Target::BadScheme { scheme },
        };
    }
    if dest.starts_with('#') {
        return Target::Anchor;
    }
    if dest.is_empty() {
        return Target::Missing {
            path: String::new(),
        };
    }
    if dest.starts_with('/') || dest.starts_with('\\') || dest.contains('\\') {
        return Target::Outside;
    }
    let split_at = dest.find(['#', '?']).unwrap_or(dest.len());
    let (raw_path, suffix) = dest.split_at(split_at);
    let decoded = percent_decode_str(raw_path).decode_utf8_lossy();

    // Normalise against the client folder; `depth_above` counts steps above it.
    let mut parts: Vec<&str> = from_dir.split('/').filter(|p| !p.is_empty()).collect();
    let mut depth_above = 0usize;
    let mut above: Vec<&str> = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    depth_above += 1;
                }
            }
            p if depth_above > 0 => above.push(p),
            p => parts.push(p),
        }
    }
    if depth_above > 0 {
        // `../other-client/...` from the client folder, or `../../other-client` from reports/.
        return match (depth_above, above.first()) {
            (1, Some(slug)) if *slug != client.slug => Target::OtherClient {
                slug: (*slug).to_owned(),
            },
            (2, Some(&"clients")) => match above.get(1) {
                Some(slug) if *slug != client.slug => Target::OtherClient {
                    slug: (*slug).to_owned(),
                },
                _ => Target::Outside,
            },
            _ => Target::Outside,
        };
    }
    let path = parts.join("/");
    let suffix = suffix.to_owned();
    match parts.as_slice() {
        ["scope.md"] if client.scope.as_ref().is_some_and(|s| !s.is_empty()) => {
            Target::Scope { suffix }
        }
        ["reports", file] => match file.strip_suffix(".md") {
            Some(slug) if client.reports.iter().any(|r| r.slug == slug) => Target::Report {
                slug: slug.to_owned(),
                suffix,
            },
            _ => Target::Missing { path },
        },
        ["files", rest @ ..] if !rest.is_empty() => {
            let inner = rest.join("/");
            if client.attachments.binary_search(&inner).is_ok() {
                Target::Attachment {
                    path: inner,
                    suffix,
                }
            } else {
                Target::Missing { path }
            }
        }
        _ => Target::Missing { path },
    }
}

/// The attachments a client's portal publishes, sorted: those a text the client sees links
/// to, the logo, and those listed under `files:` in `client.yaml`. A file linked only from
/// an internal item, or from nothing, stays home: what only internal items use never ships.
pub fn published_attachments(client: &Client) -> Vec<String> {
    if client.attachments.is_empty() {
        return Vec::new();
    }
    let mut published = BTreeSet::new();
    let mut add = |from_dir: &str, dest: &str| {
        if let Target::Attachment { path, .. } = resolve(client, from_dir, dest) {
            published.insert(path);
        }
    };
    for text in texts::markdown_texts(client).iter().filter(|t| t.visible) {
        for (_, dest) in markdown::links(text.text) {
            add(text.from_dir, &dest);
        }
    }
    if let Some(logo) = &client.profile.branding.logo {
        add("", logo);
    }
    for listed in &client.profile.files {
        add("", listed);
    }
    for listed in &client.profile.files {
        published.extend(
            listed_folder(client, listed)
                .iter()
                .map(|a| (*a).to_owned()),
        );
    }
    published.into_iter().collect()
}

/// The attachments under a folder listed in `files:` (`files/downloads/`, or `files/` for
/// all), or none when the entry names no folder of attachments.
pub fn listed_folder<'c>(client: &'c Client, listed: &str) -> Vec<&'c str> {
    let path = listed.trim().trim_end_matches('/');
    // `files/` itself publishes every attachment: the old behaviour, chosen on purpose.
    let prefix = if path == "files" {
        String::new()
    } else {
        match path.strip_prefix("files/") {
            Some(folder) if !folder.is_empty() => format!("{folder}/"),
            _ => return Vec::new(),
        }
    };
    client
        .attachments
        .iter()
        .filter(|a| a.starts_with(&prefix))
        .map(String::as_str)
        .collect()
}

/// The URL scheme of `dest`, lowercased, if it has one.
fn scheme_of(dest: &str) -> Option<String> {
    let colon = dest.find(':')?;
    let scheme = &dest[..colon];
    let valid = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Characters escaped in rewritten paths: everything but unreserved and `/`.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\'');

/// The output URL of a resolvable target, relative to a page `root` (`"../"`, `""`…) away
/// from the client's portal root. `None` for targets that are errors.
pub fn href(target: &Target, root: &str, original: &str) -> Option<String> {
    match target {
        Target::External | Target::Anchor => Some(original.to_owned()),
        Target::Attachment { path, suffix } => Some(format!(
            "{root}files/{}{suffix}",
            utf8_percent_encode(path, PATH)
        )),
        Target::Report { slug, suffix } => Some(format!("{root}reports/{slug}/index.html{suffix}")),
        Target::Scope { suffix } => Some(format!("{root}scope/index.html{suffix}")),
        Target::Missing { .. }
        | Target::Outside
        | Target::OtherClient { .. }
        | Target::BadScheme { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> Client {
        Client::sample(&["plan v2.csv", "sub/diagram.svg"], &[])
    }

    #[test]
    fn resolves_attachments_from_reports_and_root() {
        let c = client();
        let t = resolve(&c, "reports", "../files/plan%20v2.csv#row-3");
        assert_eq!(
            t,
            Target::Attachment {
                path: "plan v2.csv".into(),
                suffix: "#row-3".into()
            }
        );
        assert_eq!(
            href(&t, "../../", "").as_deref(),
            Some("../../files/plan%20v2.csv#row-3")
        );
        assert!(matches!(
            resolve(&c, "", "files/sub/diagram.svg"),
            Target::Attachment { .. }
        ));
        assert!(matches!(
            resolve(&c, "", "./files/./sub/../sub/diagram.svg"),
            Target::Attachment { .. }
        ));
    }

    #[test]
    fn refuses_escapes_and_other_clients() {
        let c = client();
        assert_eq!(resolve(&c, "", "/etc/passwd"), Target::Outside);
        assert_eq!(
            resolve(&c, "reports", "../../../secret.txt"),
            Target::Outside
        );
        assert_eq!(
            resolve(&c, "", "../globex/files/x.pdf"),
            Target::OtherClient {
                slug: "globex".into()
            }
        );
        assert_eq!(
            resolve(&c, "reports", "../../globex/reports/2026-01-01.md"),
            Target::OtherClient {
                slug: "globex".into()
            }
        );
        assert_eq!(
            resolve(&c, "", "javascript:alert(1)"),
            Target::BadScheme {
                scheme: "javascript".into()
            }
        );
        assert_eq!(
            resolve(&c, "", "files/nope.pdf"),
            Target::Missing {
                path: "files/nope.pdf".into()
            }
        );
    }

    #[test]
    fn keeps_external_links_and_anchors() {
        let c = client();
        assert_eq!(
            resolve(&c, "", "https://example.com/a?b#c"),
            Target::External
        );
        assert_eq!(
            resolve(&c, "", "mailto:someone@example.com"),
            Target::External
        );
        assert_eq!(resolve(&c, "", "#fn-1"), Target::Anchor);
    }
}
