//! Markdown -> HTML for a client's pages, with links rewritten for the output layout.
//!
//! Raw HTML in Markdown is shown as text, not passed through: portal text comes from YAML and
//! Markdown only, so nothing a consultant types can break a page or inject script. Table
//! alignment becomes a class rather than an inline style, so pages need no `style`
//! attributes (and can ship with a strict Content-Security-Policy).
//!
//! Whatever a consultant pastes must still give a page that a keyboard, a screen reader and
//! a printer can use: wide tables and code blocks scroll inside named, focusable regions;
//! headings are renumbered to follow on from the page's own title without skipping a level.
//! Text marked plain ([`TextFormat::Plain`]) bypasses Markdown entirely.

use std::ops::Range;

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use pulldown_cmark_escape::escape_html_body_text;

use crate::links;
use crate::locale;
use crate::model::{Client, TextFormat};

/// Curly quotes and dashes only when the portal asks for them: in text imported from
/// elsewhere, `--` and `'` are characters, not typography.
fn options(smart_punctuation: bool) -> Options {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    if smart_punctuation {
        options | Options::ENABLE_SMART_PUNCTUATION
    } else {
        options
    }
}

/// Whether `md` can hold a link or an image at all: every kind (inline, reference,
/// autolink) needs a `[` or a `<`, and most short texts have neither, so they need no parse.
fn may_link(md: &str) -> bool {
    md.bytes().any(|b| b == b'[' || b == b'<')
}

/// Every link and image destination in `md`, with the byte range of the whole link.
pub fn links(md: &str) -> Vec<(Range<usize>, String)> {
    if !may_link(md) {
        return Vec::new();
    }
    Parser::new_ext(md, options(false))
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((range, dest_url.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// The byte range of every image in `md` that has no alternative text.
pub fn images_without_alt(md: &str) -> Vec<Range<usize>> {
    scan(md).images_without_alt
}

/// What `check` looks for in a Markdown body, found in one parse: a report body was parsed
/// once for its images and again for its links.
#[derive(Debug, Default, PartialEq)]
pub struct Scan {
    /// As [`links()`] gives them.
    pub links: Vec<(Range<usize>, String)>,
    /// As [`images_without_alt`] gives them.
    pub images_without_alt: Vec<Range<usize>>,
}

/// Every link and image destination, and every image without alternative text, of `md`.
pub fn scan(md: &str) -> Scan {
    let mut found = Scan::default();
    if !may_link(md) {
        return found;
    }
    let mut open: Option<(Range<usize>, bool)> = None;
    for (event, range) in Parser::new_ext(md, options(false)).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                found.links.push((range, dest_url.into_string()));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                found.links.push((range.clone(), dest_url.into_string()));
                open = Some((range, false));
            }
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                if let Some((_, has_text)) = &mut open {
                    *has_text = true;
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((range, false)) = open.take() {
                    found.images_without_alt.push(range);
                }
            }
            _ => {}
        }
    }
    found
}

/// Where a text sits and how it is written, for resolving its links and rendering it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The client the text belongs to.
    pub(crate) client: &'a Client,
    /// Folder of the source file inside the client folder (`""` or `"reports"`).
    pub(crate) from_dir: &'a str,
    /// Prefix from the output page to the client's portal root (`""`, `"../"`…).
    pub(crate) root: &'a str,
    /// Markdown or plain text.
    pub(crate) format: TextFormat,
    /// Curly quotes and typographic dashes (the portal's `smart_punctuation`).
    pub(crate) smart_punctuation: bool,
}

/// Renders a document (a report body, the scope narrative).
pub(crate) fn block(md: &str, place: Place<'_>) -> String {
    if place.format == TextFormat::Plain {
        return plain_block(md);
    }
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut html,
        Rewriter::new(Parser::new_ext(md, options(place.smart_punctuation)), place),
    );
    html
}

/// Renders a document for pages that differ only in where they sit (a report's page and
/// its entry in the feed): one parse serves them all, one HTML per root.
pub(crate) fn blocks(md: &str, place: Place<'_>, roots: &[&str]) -> Vec<String> {
    if place.format == TextFormat::Plain {
        let html = plain_block(md);
        return roots.iter().map(|_| html.clone()).collect();
    }
    let events: Vec<Event<'_>> = Parser::new_ext(md, options(place.smart_punctuation)).collect();
    roots
        .iter()
        .map(|root| {
            let mut html = String::with_capacity(md.len() * 3 / 2);
            let place = Place { root, ..place };
            pulldown_cmark::html::push_html(
                &mut html,
                Rewriter::new(events.iter().cloned(), place),
            );
            html
        })
        .collect()
}

/// Plain text as paragraphs (at blank lines) keeping each line break.
fn plain_block(text: &str) -> String {
    let mut html = String::with_capacity(text.len() * 5 / 4);
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, html: &mut String| {
        if !paragraph.is_empty() {
            html.push_str("<p class=\"plain\">");
            html.push_str(&plain_inline(&paragraph.join("\n")));
            html.push_str("</p>\n");
            paragraph.clear();
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut html);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut html);
    html
}

/// Plain text, escaped, with its line breaks kept.
fn plain_inline(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 16);
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            html.push_str("<br>\n");
        }
        // Writing into a String cannot fail.
        let _ = escape_html_body_text(&mut html, line);
    }
    html
}

/// Renders a one-paragraph text (a description, a reason) without the `<p>`.
pub(crate) fn inline(md: &str, place: Place<'_>) -> String {
    if place.format == TextFormat::Plain {
        return plain_inline(md);
    }
    let html = block(md, place);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

/// Adjusts the event stream: links, headings, raw HTML, task markers, table cells.
struct Rewriter<'a, I> {
    events: I,
    place: Place<'a>,
    alignments: Vec<Alignment>,
    column: usize,
    in_head: bool,
    /// The header cells' text of the current table, which each body cell repeats as its
    /// `data-label`: on a phone a row stacks, and every value still says what it is.
    labels: Vec<String>,
    /// An event to emit before reading the next one (a table after its wrapper).
    queued: Option<Event<'a>>,
    /// Tables seen so far, to give each scrolling region its own name.
    tables: usize,
    /// Code blocks seen so far, likewise.
    code_blocks: usize,
    /// Open sections as (level written, level rendered), outermost first.
    sections: Vec<(HeadingLevel, HeadingLevel)>,
}

impl<'a, I> Rewriter<'a, I> {
    fn new(events: I, place: Place<'a>) -> Self {
        Rewriter {
            events,
            place,
            alignments: Vec::new(),
            column: 0,
            in_head: false,
            labels: Vec::new(),
            queued: None,
            tables: 0,
            code_blocks: 0,
            sections: Vec::new(),
        }
    }

    /// The level a heading written at `written` renders at: the outermost level used becomes
    /// h2 (the page title is the only h1), and each deeper one exactly one below its
    /// parent, so no level is skipped whatever the author wrote.
    fn heading_level(&mut self, written: HeadingLevel) -> HeadingLevel {
        while self.sections.last().is_some_and(|&(w, _)| w >= written) {
            self.sections.pop();
        }
        let rendered = match self.sections.last() {
            None => HeadingLevel::H2,
            Some(&(_, parent)) => {
                HeadingLevel::try_from(parent as usize + 1).unwrap_or(HeadingLevel::H6)
            }
        };
        self.sections.push((written, rendered));
        rendered
    }

    /// A scrolling region a keyboard can reach, named for screen readers ("Table 2") by the
    /// catalogue's `key`.
    fn region(key: &str, number: usize) -> Event<'a> {
        let name = locale::t_args(key, &[("number", locale::Arg::Number(number as f64))]);
        Event::Html(
            format!(
                "<div class=\"scroll\" role=\"region\" aria-label=\"{}\" tabindex=\"0\">\n",
                super::escape_text(&name)
            )
            .into(),
        )
    }

    fn rewrite_dest(&self, dest: CowStr<'a>) -> CowStr<'a> {
        let target = links::resolve(self.place.client, self.place.from_dir, &dest);
        // Checks run before rendering, so an unresolvable link never gets here; if one
        // does, it is neutralised rather than written out.
        match links::href(&target, self.place.root, &dest) {
            Some(href) if href == *dest => dest,
            Some(href) => href.into(),
            None => "#".into(),
        }
    }

    fn cell_open(&self) -> String {
        let element = if self.in_head { "th" } else { "td" };
        let scope = if self.in_head { " scope=\"col\"" } else { "" };
        let class = match self.alignments.get(self.column) {
            Some(Alignment::Left) => " class=\"align-left\"",
            Some(Alignment::Center) => " class=\"align-center\"",
            Some(Alignment::Right) => " class=\"align-right\"",
            _ => "",
        };
        let label = match self.labels.get(self.column) {
            Some(text) if !self.in_head && !text.trim().is_empty() => {
                let mut label = String::from(" data-label=\"");
                // Writing into a String cannot fail.
                let _ = pulldown_cmark_escape::escape_html(&mut label, text.trim());
                label.push('"');
                label
            }
            _ => String::new(),
        };
        format!("<{element}{scope}{class}{label}>")
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Rewriter<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(queued) = self.queued.take() {
            return Some(queued);
        }
        let event = self.events.next()?;
        Some(match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: self.rewrite_dest(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: self.rewrite_dest(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: self.heading_level(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(
                self.sections.last().map_or(HeadingLevel::H2, |&(_, r)| r),
            )),
            // Code keeps its lines, so a long one scrolls inside a region of its own.
            Event::Start(Tag::CodeBlock(kind)) => {
                self.code_blocks += 1;
                self.queued = Some(Event::Start(Tag::CodeBlock(kind)));
                Self::region("region-code-block", self.code_blocks)
            }
            Event::End(TagEnd::CodeBlock) => {
                self.queued = Some(Event::Html("</div>\n".into()));
                Event::End(TagEnd::CodeBlock)
            }
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::TaskListMarker(done) => {
                // The class and the catalogue's word share a name.
                let key = if done { "task-done" } else { "task-open" };
                Event::InlineHtml(
                    format!(
                        "<span class=\"task {key}\"><span class=\"visually-hidden\">{} </span></span>",
                        super::escape_text(&locale::t(key))
                    )
                    .into(),
                )
            }
            // Wide tables scroll inside their own focusable region, never the whole page.
            // Regions need distinct names, so tables are numbered.
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                self.labels.clear();
                self.tables += 1;
                self.queued = Some(Event::Start(Tag::Table(Vec::new())));
                Self::region("region-table", self.tables)
            }
            Event::End(TagEnd::Table) => {
                self.queued = Some(Event::Html("</div>\n".into()));
                Event::End(TagEnd::Table)
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                Event::Start(Tag::TableHead)
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                Event::End(TagEnd::TableHead)
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                Event::Start(Tag::TableRow)
            }
            Event::Start(Tag::TableCell) => {
                if self.in_head {
                    self.labels.push(String::new());
                }
                Event::InlineHtml(self.cell_open().into())
            }
            Event::Text(text) if self.in_head => {
                if let Some(label) = self.labels.last_mut() {
                    label.push_str(&text);
                }
                Event::Text(text)
            }
            Event::Code(text) if self.in_head => {
                if let Some(label) = self.labels.last_mut() {
                    label.push_str(&text);
                }
                Event::Code(text)
            }
            Event::End(TagEnd::TableCell) => {
                let close = if self.in_head { "</th>" } else { "</td>" };
                self.column += 1;
                Event::InlineHtml(close.into())
            }
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> Client {
        Client::sample(&["plan.csv"], &["2026-11-07"])
    }

    fn render(md: &str) -> String {
        let c = client();
        block(
            md,
            Place {
                client: &c,
                from_dir: "reports",
                root: "../../",
                format: TextFormat::Markdown,
                smart_punctuation: false,
            },
        )
    }

    #[test]
    fn rewrites_links_for_the_output_layout() {
        let html =
            render("See [the plan](../files/plan.csv) and [last week](2026-11-07.md#risks).");
        assert_eq!(
            html,
            "<p>See <a href=\"../../files/plan.csv\">the plan</a> and <a href=\"../../reports/2026-11-07/index.html#risks\">last week</a>.</p>\n"
        );
    }

    #[test]
    fn shows_raw_html_as_text() {
        let html = render("Hello <script>alert(1)</script>\n\n<div onclick=x>block</div>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<div"), "{html}");
    }

    #[test]
    fn tables_use_classes_and_header_scope() {
        let html = render("| Item | Cost |\n|:--|--:|\n| A | 10 |\n");
        assert!(
            html.contains("<th scope=\"col\" class=\"align-left\">Item</th>"),
            "{html}"
        );
        // Each value carries its column's name, for the stacked rows of a phone.
        assert!(
            html.contains("<td class=\"align-right\" data-label=\"Cost\">10</td>"),
            "{html}"
        );
        assert!(!html.contains("style="), "{html}");
        assert!(
            html.starts_with("<div class=\"scroll\" role=\"region\""),
            "{html}"
        );
        assert!(html.trim_end().ends_with("</table>\n</div>"), "{html}");
    }

    #[test]
    fn demotes_h1_and_marks_tasks_in_words() {
        let html = render("# Big\n\n- [x] shipped\n- [ ] review\n");
        assert!(html.contains("<h2>Big</h2>"), "{html}");
        assert!(html.contains("Done: "), "{html}");
        assert!(html.contains("To do: "), "{html}");
        assert!(!html.contains("<input"), "{html}");
    }

    #[test]
    fn inline_drops_the_paragraph() {
        let c = client();
        let place = Place {
            client: &c,
            from_dir: "",
            root: "../",
            format: TextFormat::Markdown,
            smart_punctuation: false,
        };
        assert_eq!(inline("Needs *sign-off*", place), "Needs <em>sign-off</em>");
    }

    #[test]
    fn headings_follow_the_page_title_without_skipping_a_level() {
        let html = render("## A\n\n#### B\n\n###### C\n\n### D\n\n# E\n\n###### F\n");
        let levels: Vec<&str> = html
            .lines()
            .filter_map(|l| l.get(1..3).filter(|_| l.starts_with("<h")))
            .collect();
        assert_eq!(levels, ["h2", "h3", "h4", "h3", "h2", "h3"], "{html}");
        assert!(html.contains("<h4>C</h4>"), "{html}");
    }

    #[test]
    fn code_blocks_scroll_in_named_focusable_regions() {
        let html = render("```sql\nSELECT 1;\n```\n\n    indented\n\n| a |\n|---|\n| 1 |\n");
        assert!(
            html.contains("<div class=\"scroll\" role=\"region\" aria-label=\"Code block 1\" tabindex=\"0\">\n<pre><code class=\"language-sql\">"),
            "{html}"
        );
        assert!(html.contains("aria-label=\"Code block 2\""), "{html}");
        assert!(html.contains("aria-label=\"Table 1\""), "{html}");
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
    }

    #[test]
    fn punctuation_is_left_alone_unless_the_portal_asks() {
        let c = client();
        let place = |smart_punctuation| Place {
            client: &c,
            from_dir: "",
            root: "../",
            format: TextFormat::Markdown,
            smart_punctuation,
        };
        let text = "Berths 4--7 ('phase one')";
        assert_eq!(inline(text, place(false)), "Berths 4--7 ('phase one')");
        assert_eq!(inline(text, place(true)), "Berths 4–7 (‘phase one’)");
    }

    #[test]
    fn plain_text_is_shown_as_written_with_its_line_breaks() {
        let c = client();
        let place = Place {
            client: &c,
            from_dir: "",
            root: "../",
            format: TextFormat::Plain,
            smart_punctuation: true,
        };
        assert_eq!(
            inline("LA*5.2*74 -- <b>'x'</b>\n[a](b.pdf)", place),
            "LA*5.2*74 -- &lt;b&gt;'x'&lt;/b&gt;<br>\n[a](b.pdf)"
        );
        assert_eq!(
            block("# not a heading\n* not a list\n\n\nsecond", place),
            "<p class=\"plain\"># not a heading<br>\n* not a list</p>\n<p class=\"plain\">second</p>\n"
        );
    }

    #[test]
    fn finds_images_without_alternative_text() {
        let md = "![a map](m.png) ![](c.png) ![ ](d.png) ![`code`](e.png)";
        let found: Vec<&str> = images_without_alt(md).into_iter().map(|r| &md[r]).collect();
        assert_eq!(found, ["![](c.png)", "![ ](d.png)"]);
    }

    #[test]
    fn one_scan_finds_what_links_and_images_without_alt_find() {
        for md in [
            "See [the plan](../files/plan.pdf) and ![](map.png).\n\n![A map](a.png) ![`x`](b.png)",
            "![outer [inner](x.md)](y.png) [![](z.png)](w.md)\n\n[ref]\n\n[ref]: r.md",
            "| a | ![](t.png) |\n| - | - |\n| [c](c.md) | d |\n",
            "",
        ] {
            let scan = scan(md);
            assert_eq!(scan.links, links(md), "{md}");
            let mut alone = Vec::new();
            let mut open: Option<(Range<usize>, bool)> = None;
            for (event, range) in Parser::new_ext(md, options(false)).into_offset_iter() {
                match event {
                    Event::Start(Tag::Image { .. }) => open = Some((range, false)),
                    Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                        if let Some((_, has_text)) = &mut open {
                            *has_text = true;
                        }
                    }
                    Event::End(TagEnd::Image) => {
                        if let Some((range, false)) = open.take() {
                            alone.push(range);
                        }
                    }
                    _ => {}
                }
            }
            assert_eq!(scan.images_without_alt, alone, "{md}");
        }
    }

    #[test]
    fn finds_link_ranges() {
        let md = "x [a](files/a.pdf) ![i](../b.png)";
        let found = links(md);
        assert_eq!(found.len(), 2);
        assert_eq!(&md[found[0].0.clone()], "[a](files/a.pdf)");
        assert_eq!(found[1].1, "../b.png");
    }
}
