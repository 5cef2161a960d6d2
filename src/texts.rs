//! Every Markdown text a client's portal shows, where it is written, and whether it reaches
//! the client.
//!
//! One list serves two masters that must agree: [`crate::check`] checks the links of every
//! text, and [`crate::links::published_attachments`] publishes only the files that a text
//! the client sees links to. A text missing here would be neither checked nor able to
//! publish the file it links.

use crate::model::{Client, ScopeMeta, TextFormat};
use crate::source::Seg;
use crate::yaml_path;

/// Where in its file a text is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spot {
    /// The Markdown body of `scope.md` or a report, from this byte offset of the file.
    Body {
        /// Byte offset of the body in its file.
        offset: usize,
    },
    /// A YAML value at this path.
    Field(Vec<Seg>),
}

/// One Markdown text of a client.
#[derive(Debug, Clone)]
pub struct Text<'c> {
    /// Its file, relative to the client folder (`scope.md`, `reports/2026-11-13.md`).
    pub file: String,
    /// The folder its relative links start from (`""` or `"reports"`).
    pub from_dir: &'static str,
    /// The text as written.
    pub text: &'c str,
    /// Where it is in its file.
    pub spot: Spot,
    /// Whether the item holding it reaches the client (not `visibility: internal`).
    pub visible: bool,
}

/// The client's Markdown texts, in file order. Texts written `plain` have no links and are
/// left out.
pub fn markdown_texts(c: &Client) -> Vec<Text<'_>> {
    let markdown = |format: Option<TextFormat>| {
        format.unwrap_or(c.profile.text_format) == TextFormat::Markdown
    };
    let mut texts = Vec::new();
    if let Some(scope) = c.scope.as_ref().filter(|s| markdown(s.meta.format)) {
        texts.push(Text {
            file: "scope.md".to_owned(),
            from_dir: "",
            text: &scope.body,
            spot: Spot::Body {
                offset: scope.body_offset,
            },
            visible: true,
        });
        // The lists and acceptance texts are Markdown too, shown on the scope page.
        texts.extend(scope_texts(&scope.meta));
    }
    for r in c.reports.iter().filter(|r| markdown(r.meta.format)) {
        texts.push(Text {
            file: format!("reports/{}.md", r.slug),
            from_dir: "reports",
            text: &r.body,
            spot: Spot::Body {
                offset: r.body_offset,
            },
            visible: r.meta.visibility.is_visible(),
        });
    }
    if markdown(None) {
        texts.extend(yaml_texts(c));
    }
    for (i, m) in c.meetings.iter().enumerate() {
        let visible = m.visibility.is_visible();
        match (&m.minutes_file, &m.minutes_from_file) {
            (Some(file), Some(text)) if markdown(None) => texts.push(Text {
                file: file.clone(),
                from_dir: "meetings",
                text,
                spot: Spot::Body { offset: 0 },
                visible,
            }),
            _ => {}
        }
        if let Some(t) = m.minutes.as_ref().filter(|_| markdown(None)) {
            texts.push(field("meetings.yaml", yaml_path![i, "minutes"], t, visible));
        }
    }
    texts
}

/// A Markdown value of a YAML file.
fn field<'c>(file: &str, path: Vec<Seg>, text: &'c str, visible: bool) -> Text<'c> {
    Text {
        file: file.to_owned(),
        from_dir: "",
        text,
        spot: Spot::Field(path),
        visible,
    }
}

/// Markdown values of the YAML files: milestones', KPIs' and RAID items' texts and change
/// reasons.
fn yaml_texts(c: &Client) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    for (i, m) in c.milestones.iter().enumerate() {
        if let Some(t) = &m.description {
            let path = yaml_path![i, "description"];
            texts.push(field("milestones.yaml", path, t, m.visibility.is_visible()));
        }
    }
    for (i, cr) in c.changes.iter().enumerate() {
        if let Some(t) = &cr.reason {
            let path = yaml_path![i, "reason"];
            texts.push(field("changes.yaml", path, t, cr.visibility.is_visible()));
        }
    }
    for (i, k) in c.kpis.iter().enumerate() {
        if let Some(t) = &k.description {
            let path = yaml_path![i, "description"];
            texts.push(field("kpis.yaml", path, t, k.visibility.is_visible()));
        }
    }
    for (list, items) in c.raid.item_lists() {
        for (i, item) in items.iter().enumerate() {
            if let Some(t) = &item.text {
                let path = yaml_path![list.key(), i, "text"];
                texts.push(field("raid.yaml", path, t, item.visibility.is_visible()));
            }
        }
    }
    for (i, d) in c.raid.decisions.iter().enumerate() {
        if let Some(t) = &d.text {
            let path = yaml_path!["decisions", i, "text"];
            texts.push(field("raid.yaml", path, t, d.visibility.is_visible()));
        }
    }
    texts
}

/// The Markdown texts of `scope.md`'s front matter: deliverables' acceptance and every list
/// item.
fn scope_texts(meta: &ScopeMeta) -> Vec<Text<'_>> {
    let mut texts = Vec::new();
    for (i, d) in meta.deliverables.iter().enumerate() {
        if let Some(t) = &d.acceptance {
            let path = yaml_path!["deliverables", i, "acceptance"];
            texts.push(field("scope.md", path, t, d.visibility.is_visible()));
        }
    }
    for (key, items) in [
        ("out_of_scope", &meta.out_of_scope),
        ("assumptions", &meta.assumptions),
        ("client_responsibilities", &meta.client_responsibilities),
    ] {
        for (i, item) in items.iter().enumerate() {
            let path = yaml_path![key, i];
            texts.push(field(
                "scope.md",
                path,
                &item.text,
                item.visibility.is_visible(),
            ));
        }
    }
    texts
}
