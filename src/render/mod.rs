//! View -> bytes: one client's portal as a list of files, without touching the disk.
//!
//! [`Renderer`] holds the parsed templates and the theme's static files; it is built once
//! per build and shared by the threads rendering clients. [`Renderer::render_client`] first
//! strips internal items, then builds each page's view and renders it, returning
//! [`RenderedFile`]s for [`crate::output`] to write.

pub(crate) mod charts;
pub mod data;
pub(crate) mod feeds;
mod fold;
pub(crate) mod format;
pub mod host;
pub mod markdown;
pub mod portfolio;
pub mod theme;
mod typography;
pub(crate) mod view;
mod vtimezone;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::diagnostic::{Code, Diagnostic};
use crate::locale::{self, Arg, Catalogues};
use crate::model::{Client, Date, PortalConfig, TextFormat};
use crate::source::Source;
pub use theme::Theme;
use view::Views;

/// A file of the output, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    /// Path inside the output folder with `/` separators, e.g. `acme/reports/index.html`.
    pub path: String,
    /// What to write there.
    pub contents: Contents,
}

/// The bytes of an output file, or where to copy them from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// Rendered in memory.
    Bytes(Arc<[u8]>),
    /// An attachment, copied as it is by the writer.
    Copy(PathBuf),
}

/// The `robots.txt` every output carries: portals are private.
pub const ROBOTS_TXT: &str = "User-agent: *\nDisallow: /\n";

/// Parsed templates and static files, ready to render any number of clients.
pub struct Renderer {
    tera: Tera,
    catalogues: Arc<Catalogues>,
    statics: Vec<(String, Arc<[u8]>)>,
    sources: BTreeMap<String, Source>,
}

/// The first page of every section a portal can have, in its folder. A protected client
/// gets a (possibly empty) encrypted file for each, so which sections exist is not public.
pub const SECTION_PAGES: [&str; 11] = [
    "index.html",
    "reports/index.html",
    "meetings/index.html",
    "milestones/index.html",
    "scope/index.html",
    "kpis/index.html",
    "changes/index.html",
    "raid/index.html",
    "budget/index.html",
    "service-levels/index.html",
    "print/index.html",
];

/// The pages every theme must provide.
const PAGES: [&str; 16] = [
    "lock.html",
    "portfolio.html",
    "portfolio.css",
    "portfolio.js",
    "dashboard.html",
    "scope.html",
    "milestones.html",
    "reports.html",
    "report.html",
    "meetings.html",
    "kpis.html",
    "changes.html",
    "raid.html",
    "budget.html",
    "service-levels.html",
    "print.html",
];

impl Renderer {
    /// Parses every template of `theme`.
    pub fn new(theme: &Theme) -> Result<Renderer, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        tera.register_filter("date", date_filter);
        tera.register_filter("percent", percent_filter);
        tera.register_filter("label", label_filter);
        tera.register_function("t", TextFunction);
        let mut sources = BTreeMap::new();
        let mut templates = Vec::new();
        let mut problems = Vec::new();
        let catalogues = match Catalogues::from_theme(theme) {
            Ok(c) => c,
            Err(p) => {
                problems.extend(p);
                Catalogues::default()
            }
        };
        for (name, file) in theme.templates() {
            match std::str::from_utf8(&file.bytes) {
                Ok(text) => {
                    sources.insert(name.to_owned(), Source::new(file.origin.clone(), text));
                    templates.push((name.to_owned(), text.to_owned()));
                }
                Err(_) => problems.push(Diagnostic::error(
                    Code::NotUtf8,
                    Some(&file.origin),
                    format!("{} is not valid UTF-8", file.origin),
                )),
            }
        }
        if let Err(e) = tera.add_raw_templates(templates) {
            problems.push(template_diagnostic(&e, &sources));
        }
        for page in PAGES {
            if problems.is_empty() && !tera.contains_template(page) {
                problems.push(Diagnostic::error(
                    Code::Template,
                    None,
                    format!("the theme has no {page} template"),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let statics = theme
            .statics()
            .map(|(path, f)| (path.to_owned(), Arc::from(f.bytes.as_ref())))
            .collect();
        Ok(Renderer {
            tera,
            catalogues: Arc::new(catalogues),
            statics,
            sources,
        })
    }

    /// Renders every file of one client's portal, stating its facts (what is overdue, what
    /// comes next) as of `as_of` (see [`crate::build::resolve_as_of`]).
    pub fn render_client(
        &self,
        config: &PortalConfig,
        client: &Client,
        as_of: Date,
    ) -> Result<Vec<RenderedFile>, Diagnostic> {
        let locale = self.catalogues.locale(&client.language(config));
        locale::scope(&locale, || {
            self.render_in_locale(config, client, as_of, &locale)
        })
    }

    /// The theme's catalogues.
    pub fn catalogues(&self) -> &Catalogues {
        &self.catalogues
    }

    fn render_in_locale(
        &self,
        config: &PortalConfig,
        client: &Client,
        as_of: Date,
        locale: &Arc<locale::Locale>,
    ) -> Result<Vec<RenderedFile>, Diagnostic> {
        let client = client.for_client_eyes();
        let views = Views::new(&client, config, as_of);
        // Data every page shares is converted once; each page adds its own on a copy.
        let pages = plan(&client, &views).map_err(|e| self.error(&e))?;
        let mut shared = Context::from_serialize(&views.shared()).map_err(|e| self.error(&e))?;
        let nav: Vec<NavItem> = pages
            .iter()
            .filter_map(|p| {
                p.nav_title.as_deref().map(|title| NavItem {
                    key: p.key,
                    title,
                    href: &p.path,
                })
            })
            .collect();
        shared.insert("nav", &nav);
        shared.insert("lang", locale.tag());
        shared.insert("dir", locale.direction().as_str());
        let folder = client.folder();
        // One rule for quotes on every text, not only in Markdown; text imported as plain
        // keeps its characters.
        let smart = config.smart_punctuation && client.profile.text_format == TextFormat::Markdown;
        // Pages render in parallel (a single client's rebuild in `serve` uses every core);
        // the first failing page in navigation order is the one reported.
        let rendered: Vec<Result<RenderedFile, Diagnostic>> = pages
            .into_par_iter()
            .map(|page| {
                locale::scope(locale, || {
                    let mut ctx = shared.clone();
                    ctx.insert("root", &"../".repeat(page.path.matches('/').count()));
                    ctx.insert(
                        "page",
                        &PageMeta {
                            key: page.key,
                            title: &page.title,
                        },
                    );
                    ctx.insert_value(page.data_key, page.data);
                    let mut html = self
                        .tera
                        .render(&page.template, &ctx)
                        .map_err(|e| self.error(&e))?;
                    if smart {
                        html = typography::smarten(&html);
                    }
                    Ok(RenderedFile {
                        path: format!("{folder}/{}", page.path),
                        contents: Contents::Bytes(Arc::from(html.into_bytes())),
                    })
                })
            })
            .collect();
        let mut files = rendered.into_iter().collect::<Result<Vec<_>, _>>()?;
        for (path, bytes) in &self.statics {
            files.push(RenderedFile {
                path: format!("{folder}/assets/{path}"),
                contents: Contents::Bytes(bytes.clone()),
            });
        }
        files.push(RenderedFile {
            path: format!("{folder}/assets/client.css"),
            contents: Contents::Bytes(Arc::from(client_css(&client).into_bytes())),
        });
        // A protected portal has no feed, calendar or data file: feed readers and calendar
        // apps cannot decrypt, and in clear they would publish everything.
        let open = client.profile.access.is_none();
        let mut generated = Vec::new();
        if open {
            generated.push(("portal.json", data::portal_json(&client, config, as_of)));
        }
        if open && !client.reports.is_empty() {
            generated.push((
                "feed.xml",
                feeds::atom(&client, config, as_of, |i| views.feed_body(i)),
            ));
        }
        if open && (!client.milestones.is_empty() || client.cadence.first_review.is_some()) {
            generated.push(("milestones.ics", feeds::ical(&client, config, as_of)));
        }
        if open && !client.meetings.is_empty() {
            generated.push(("meetings.ics", feeds::meetings_ical(&client, config, as_of)));
        }
        generated.extend(host::files(&client, config));
        for (name, text) in generated {
            files.push(RenderedFile {
                path: format!("{folder}/{name}"),
                contents: Contents::Bytes(Arc::from(text.into_bytes())),
            });
        }
        for attachment in &client.attachments {
            files.push(RenderedFile {
                path: format!("{folder}/files/{attachment}"),
                contents: Contents::Copy(client.dir.join("files").join(attachment)),
            });
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// The lock page of a protected client, from the theme's `lock.html`: what a reader sees
    /// before the password. It gets the agency's details only, never the client's, and is
    /// the same for every page of the client (they all sit in its folder).
    pub fn render_lock(
        &self,
        config: &PortalConfig,
        client: &Client,
    ) -> Result<String, Diagnostic> {
        let locale = self.catalogues.locale(&client.language(config));
        locale::scope(&locale, || {
            self.render_lock_in_locale(config, client, &locale)
        })
    }

    fn render_lock_in_locale(
        &self,
        config: &PortalConfig,
        client: &Client,
        locale: &locale::Locale,
    ) -> Result<String, Diagnostic> {
        let mut ctx = Context::new();
        ctx.insert("root", "");
        ctx.insert("lang", locale.tag());
        ctx.insert("dir", locale.direction().as_str());
        ctx.insert("agency", &view::LockAgency::new(config));
        ctx.insert("remember", &client.alone_on_origin(config));
        let html = self
            .tera
            .render("lock.html", &ctx)
            .map_err(|e| self.error(&e))?;
        let missing: Vec<&str> = crate::protect::LOCK_PAGE_IDS
            .into_iter()
            .filter(|id| !html.contains(&format!("id=\"{id}\"")))
            .collect();
        if !missing.is_empty() {
            let origin = self
                .sources
                .get("lock.html")
                .map_or("lock.html", |s| s.path.as_str());
            return Err(Diagnostic::error(
                Code::Template,
                Some(origin),
                format!(
                    "the lock page has no element with id {}, which the unlock script needs",
                    missing.join(", ")
                ),
            )
            .with_hint(
                "start from the built-in lock.html (portico theme eject) and keep its form",
            ));
        }
        Ok(html)
    }

    fn error(&self, e: &tera::Error) -> Diagnostic {
        template_diagnostic(e, &self.sources)
    }
}

/// One page of a client's portal, planned before anything is rendered.
struct Page {
    /// Path inside the client's folder, e.g. `reports/2026-11-14/index.html`.
    path: String,
    /// The template that renders it: a section's is named after its key.
    template: String,
    /// Navigation key of the section it belongs to.
    key: &'static str,
    /// Link text in the navigation, for a section's first page.
    nav_title: Option<String>,
    /// Page title.
    title: String,
    /// The name templates read the page's data under.
    data_key: &'static str,
    /// The page's view, already converted for Tera.
    data: tera::Value,
}

/// Every page a client's portal has, in navigation order. A section exists only when the
/// client has data for it, and the navigation is derived from this list, so it never links
/// a page that was not produced.
fn plan(client: &Client, views: &Views<'_>) -> tera::TeraResult<Vec<Page>> {
    fn section<T: Serialize>(
        key: &'static str,
        title_key: &'static str,
        data: &T,
    ) -> tera::TeraResult<Page> {
        let title = locale::t(title_key);
        let path = if key == "dashboard" {
            "index.html".to_owned()
        } else {
            format!("{key}/index.html")
        };
        Ok(Page {
            path,
            template: format!("{key}.html"),
            key,
            nav_title: Some(title.clone()),
            title,
            data_key: key,
            data: tera::Value::try_from_serializable(data)?,
        })
    }
    let mut pages = vec![section("dashboard", "nav-overview", &views.dashboard())?];
    if !client.reports.is_empty() {
        pages.push(section("reports", "nav-reports", &views.reports())?);
        // Report bodies are most of a client's Markdown: convert them in parallel. Rayon's
        // threads do not share this one's locale: each task takes it along.
        let current = locale::current();
        let reports = client
            .reports
            .par_iter()
            .enumerate()
            .filter_map(|(i, r)| {
                locale::scope(&current, || views.report(i)).map(|report| (r, report))
            })
            .map(|(r, report)| {
                Ok(Page {
                    path: format!("reports/{}/index.html", r.slug),
                    template: "report.html".to_owned(),
                    key: "reports",
                    nav_title: None,
                    title: report.title().to_owned(),
                    data_key: "report",
                    data: tera::Value::try_from_serializable(&report)?,
                })
            })
            .collect::<tera::TeraResult<Vec<Page>>>()?;
        pages.extend(reports);
    }
    if !client.meetings.is_empty() {
        pages.push(section("meetings", "nav-meetings", &views.meetings())?);
    }
    if !client.milestones.is_empty() {
        pages.push(section(
            "milestones",
            "nav-milestones",
            &views.milestones(),
        )?);
    }
    if let Some(scope) = views.scope() {
        pages.push(section("scope", "nav-scope", &scope)?);
    }
    if !client.kpis.is_empty() {
        pages.push(section("kpis", "nav-kpis", &views.kpis())?);
    }
    if !client.changes.is_empty() {
        pages.push(section("changes", "nav-changes", &views.changes())?);
    }
    if !client.raid.is_empty() {
        pages.push(section("raid", "nav-raid", &views.raid())?);
    }
    if views.has_budget() {
        pages.push(section("budget", "nav-budget", &views.budget())?);
    }
    if !client.service_levels.is_empty() {
        let mut page = section(
            "service-levels",
            "nav-service-levels",
            &views.service_levels(),
        )?;
        page.data_key = "service_levels";
        pages.push(page);
    }
    // Linked from the overview, not the navigation: a document to print, not a section.
    let mut pack = section("print", "nav-print", &views.print_pack())?;
    pack.nav_title = None;
    pack.data_key = "pack";
    pages.push(pack);
    Ok(pages)
}

/// A link in the navigation.
#[derive(Serialize)]
struct NavItem<'a> {
    /// Compared with `page.key` to mark the current section.
    key: &'a str,
    /// Link text.
    title: &'a str,
    /// Path from the client's portal root.
    href: &'a str,
}

#[derive(Serialize)]
struct PageMeta<'a> {
    key: &'a str,
    title: &'a str,
}

/// The client's accent colour as CSS custom properties, with a text colour that reads on it.
fn client_css(client: &Client) -> String {
    match client.profile.branding.accent {
        Some(accent) => format!(
            "/* the client's accent, generated by portico */\n:root {{\n  --accent: {accent};\n  --on-accent: {};\n}}\n",
            accent.readable_text()
        ),
        None => "/* no accent colour set in client.yaml; the theme default applies */\n".to_owned(),
    }
}

/// `{{ t(key="nav-reports") }}`: a text of the current locale's catalogue; every other
/// argument is the message's (`t(key="days", n=3)`): numbers pick the plural form. The
/// result is escaped here (`&`, `<`, `>`, `"`) and marked safe, so an apostrophe in a
/// translation stays an apostrophe.
struct TextFunction;

impl tera::Function<tera::TeraResult<String>> for TextFunction {
    fn call(&self, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
        let key: &str = kwargs.must_get("key")?;
        // Text arguments (names, amounts) are escaped as Tera escapes any value; the
        // catalogue's own text only for what HTML needs. Each text argument goes through
        // Fluent as a private-use placeholder, put back after the escaping.
        let mut args: Vec<(&str, Arg<'_>)> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str().filter(|n| *n != "key") else {
                continue;
            };
            let arg = if let Some(n) = value.as_f64().filter(|_| value.is_number()) {
                Arg::Number(n)
            } else {
                let text = match value.as_str() {
                    Some(text) => text.to_owned(),
                    None => value.to_string(),
                };
                texts.push(if value.is_safe() {
                    text
                } else {
                    let mut buf = Vec::with_capacity(text.len());
                    tera::escape_html(&text, &mut buf).map_err(|e| {
                        tera::Error::message(format!("cannot escape an argument: {e}"))
                    })?;
                    String::from_utf8(buf).unwrap_or(text)
                });
                Arg::Text(format!("\u{E000}{}\u{E001}", texts.len() - 1).into())
            };
            args.push((name, arg));
        }
        let mut out = escape_text(&locale::t_args(key, &args));
        for (i, text) in texts.iter().enumerate() {
            out = out.replace(&format!("\u{E000}{i}\u{E001}"), text);
        }
        Ok(out)
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// HTML-escapes a text for an element or a double-quoted attribute.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `{{ o.label | label }}`: a model's word (`Sign-off`) in the current locale.
fn label_filter(value: &str, _: Kwargs, _: &State) -> tera::TeraResult<String> {
    Ok(locale::label(value))
}

/// `{{ 66.9 | percent }}` -> `66.9%` (`66,9 %` in German).
fn percent_filter(value: f64, _: Kwargs, _: &State) -> tera::TeraResult<String> {
    Ok(format::percent(value))
}

/// `{{ date | date }}` -> `14 Nov 2026`; `date(format="%A %-d %B")` for any chrono format.
fn date_filter(value: &str, kwargs: Kwargs, _: &State) -> tera::TeraResult<String> {
    let date: Date = value
        .parse()
        .map_err(|e: crate::model::DateError| tera::Error::message(format!("date filter: {e}")))?;
    let format: Option<&str> = kwargs.get("format")?;
    Ok(match format {
        None => format::short_date(date),
        Some("long") => format::long_date(date),
        Some("day-month") => format::day_month(date),
        Some(f) => {
            use std::fmt::Write as _;
            let mut out = String::new();
            write!(out, "{}", date.naive().format(f)).map_err(|_| {
                tera::Error::message(format!("date filter: invalid format \"{f}\""))
            })?;
            out
        }
    })
}

/// A Tera error as a diagnostic pointing into the template file.
fn template_diagnostic(e: &tera::Error, sources: &BTreeMap<String, Source>) -> Diagnostic {
    use tera::ErrorKind;
    let report = match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let Some(report) = report else {
        return Diagnostic::error(Code::Template, None, format!("template error: {e}"));
    };
    let Some(source) = sources.get(report.filename()) else {
        return Diagnostic::error(
            Code::Template,
            Some(report.filename()),
            report.message().to_owned(),
        );
    };
    let span = report.span();
    let offset = source.offset_of(span.start_line, span.start_col);
    let len = span.range.end.saturating_sub(span.range.start);
    Diagnostic::error_at(
        Code::Template,
        source,
        source.span(offset, len),
        report.message().to_owned(),
    )
    .with_hint(if source.path.starts_with("(built in)") {
        "this is a bug in portico's built-in theme; please report it".to_owned()
    } else {
        format!(
            "fix {} or delete it to use the built-in template",
            source.path
        )
    })
}
