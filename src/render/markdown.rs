//! Markdown -> HTML for a client's pages, with links rewritten for the output layout.
//!
//! Raw HTML in Markdown is shown as text, not passed through: portal text comes from YAML and
//! Markdown only, so nothing a consultant types can break a page or inject script. Table
//! alignment becomes a class rather than an inline style, so pages need no `style`
//! attributes (and can ship with a strict Content-Security-Policy).

use std::ops::Range;

use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::links;
use crate::model::Client;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Every link and image destination in `md`, with the byte range of the whole link.
pub fn links(md: &str) -> Vec<(Range<usize>, String)> {
    Parser::new_ext(md, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((range, dest_url.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// Where a Markdown text sits, for resolving its links.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The client the text belongs to.
    pub(crate) client: &'a Client,
    /// Folder of the source file inside the client folder (`""` or `"reports"`).
    pub(crate) from_dir: &'a str,
    /// Prefix from the output page to the client's portal root (`""`, `"../"`…).
    pub(crate) root: &'a str,
}

/// Renders a Markdown document (a report body, the scope narrative).
pub(crate) fn block(md: &str, place: Place<'_>) -> String {
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut html,
        Rewriter::new(Parser::new_ext(md, options()), place),
    );
    html
}

/// Renders a one-paragraph Markdown text (a description, a reason) without the `<p>`.
pub(crate) fn inline(md: &str, place: Place<'_>) -> String {
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
    /// An event to emit before reading the next one (a table after its wrapper).
    queued: Option<Event<'a>>,
    /// Tables seen so far, to give each scrolling region its own name.
    tables: usize,
}

impl<'a, I> Rewriter<'a, I> {
    fn new(events: I, place: Place<'a>) -> Self {
        Rewriter {
            events,
            place,
            alignments: Vec::new(),
            column: 0,
            in_head: false,
            queued: None,
            tables: 0,
        }
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
        format!("<{element}{scope}{class}>")
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
            // The page title is the only h1.
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => Event::End(TagEnd::Heading(HeadingLevel::H2)),
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::TaskListMarker(done) => Event::InlineHtml(
                if done {
                    "<span class=\"task task-done\"><span class=\"visually-hidden\">Done: </span></span>"
                } else {
                    "<span class=\"task task-open\"><span class=\"visually-hidden\">To do: </span></span>"
                }
                .into(),
            ),
            // Wide tables scroll inside their own focusable region, never the whole page.
            // Regions need distinct names, so tables are numbered.
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                self.tables += 1;
                self.queued = Some(Event::Start(Tag::Table(Vec::new())));
                let wrapper = format!(
                    "<div class=\"scroll\" role=\"region\" aria-label=\"Table {}\" tabindex=\"0\">\n",
                    self.tables
                );
                Event::Html(wrapper.into())
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
            Event::Start(Tag::TableCell) => Event::InlineHtml(self.cell_open().into()),
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
        assert!(html.contains("<td class=\"align-right\">10</td>"), "{html}");
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
        };
        assert_eq!(inline("Needs *sign-off*", place), "Needs <em>sign-off</em>");
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
