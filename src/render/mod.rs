//! View -> bytes: one client's portal as a list of files, without touching the disk.
//!
//! [`Renderer`] holds the parsed templates and the theme's static files; it is built once
//! per build and shared by the threads rendering clients. [`Renderer::render_client`] first
//! strips internal items, then builds each page's view and renders it, returning
//! [`RenderedFile`]s for [`crate::output`] to write.

pub(crate) mod charts;
pub(crate) mod format;
pub mod markdown;
pub mod theme;
pub(crate) mod view;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Client, Date, PortalConfig};
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
    statics: Vec<(String, Arc<[u8]>)>,
    sources: BTreeMap<String, Source>,
}

/// The pages every theme must provide.
const PAGES: [&str; 8] = [
    "dashboard.html",
    "scope.html",
    "milestones.html",
    "reports.html",
    "report.html",
    "kpis.html",
    "changes.html",
    "raid.html",
];

impl Renderer {
    /// Parses every template of `theme`.
    pub fn new(theme: &Theme) -> Result<Renderer, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        tera.register_filter("date", date_filter);
        let mut sources = BTreeMap::new();
        let mut templates = Vec::new();
        let mut problems = Vec::new();
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
            statics,
            sources,
        })
    }

    /// Renders every file of one client's portal. `as_of` overrides the date "today"-
    /// dependent facts are computed against (by default, the latest report's date).
    pub fn render_client(
        &self,
        config: &PortalConfig,
        client: &Client,
        as_of: Option<Date>,
    ) -> Result<Vec<RenderedFile>, Diagnostic> {
        let client = client.for_client_eyes();
        let as_of = as_of
            .or_else(|| client.default_as_of())
            .unwrap_or(FALLBACK_AS_OF);
        let views = Views::new(&client, config, as_of);
        let shared = Context::from_serialize(&views.shared()).map_err(|e| self.error(&e))?;
        let slug = &client.slug;
        let mut files = Vec::new();
        let mut page = |path: String,
                        template: &str,
                        title: &str,
                        key: &str,
                        root: &str,
                        data: (&str, &dyn ErasedView)|
         -> Result<(), Diagnostic> {
            let mut ctx = shared.clone();
            ctx.insert("root", root);
            ctx.insert("page", &PageMeta { key, title });
            data.1.insert_into(&mut ctx, data.0);
            let html = self
                .tera
                .render(template, &ctx)
                .map_err(|e| self.error(&e))?;
            files.push(RenderedFile {
                path: format!("{slug}/{path}"),
                contents: Contents::Bytes(Arc::from(html.into_bytes())),
            });
            Ok(())
        };

        page(
            "index.html".into(),
            "dashboard.html",
            "Overview",
            "dashboard",
            "",
            ("dashboard", &views.dashboard()),
        )?;
        if let Some(scope) = views.scope() {
            page(
                "scope/index.html".into(),
                "scope.html",
                "Scope",
                "scope",
                "../",
                ("scope", &scope),
            )?;
        }
        if !client.milestones.is_empty() {
            page(
                "milestones/index.html".into(),
                "milestones.html",
                "Milestones",
                "milestones",
                "../",
                ("milestones", &views.milestones()),
            )?;
        }
        if !client.reports.is_empty() {
            page(
                "reports/index.html".into(),
                "reports.html",
                "Reports",
                "reports",
                "../",
                ("reports", &views.reports()),
            )?;
            for (i, r) in client.reports.iter().enumerate() {
                if let Some(report) = views.report(i) {
                    let title = report.title().to_owned();
                    page(
                        format!("reports/{}/index.html", r.slug),
                        "report.html",
                        &title,
                        "reports",
                        "../../",
                        ("report", &report),
                    )?;
                }
            }
        }
        if !client.kpis.is_empty() {
            page(
                "kpis/index.html".into(),
                "kpis.html",
                "KPIs",
                "kpis",
                "../",
                ("kpis", &views.kpis()),
            )?;
        }
        if !client.changes.is_empty() {
            page(
                "changes/index.html".into(),
                "changes.html",
                "Changes",
                "changes",
                "../",
                ("changes", &views.changes()),
            )?;
        }
        if !client.raid.is_empty() {
            page(
                "raid/index.html".into(),
                "raid.html",
                "Risks & decisions",
                "raid",
                "../",
                ("raid", &views.raid()),
            )?;
        }

        for (path, bytes) in &self.statics {
            files.push(RenderedFile {
                path: format!("{slug}/assets/{path}"),
                contents: Contents::Bytes(bytes.clone()),
            });
        }
        files.push(RenderedFile {
            path: format!("{slug}/assets/client.css"),
            contents: Contents::Bytes(Arc::from(client_css(&client).into_bytes())),
        });
        for attachment in &client.attachments {
            files.push(RenderedFile {
                path: format!("{slug}/files/{attachment}"),
                contents: Contents::Copy(client.dir.join("files").join(attachment)),
            });
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    fn error(&self, e: &tera::Error) -> Diagnostic {
        template_diagnostic(e, &self.sources)
    }
}

/// Used only when a client has no dated data at all, so nothing depends on it.
const FALLBACK_AS_OF: Date = match Date::from_ymd(2000, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};

#[derive(Serialize)]
struct PageMeta<'a> {
    key: &'a str,
    title: &'a str,
}

/// Lets page views of different types share one rendering closure.
trait ErasedView {
    fn insert_into(&self, ctx: &mut Context, key: &str);
}

impl<T: Serialize> ErasedView for T {
    fn insert_into(&self, ctx: &mut Context, key: &str) {
        ctx.insert(key.to_owned(), self);
    }
}

/// The client's accent colour as CSS custom properties, with a text colour that reads on it.
fn client_css(client: &Client) -> String {
    match client.profile.branding.accent {
        Some(accent) => format!(
            "/* {} accent, generated by portico */\n:root {{\n  --accent: {accent};\n  --on-accent: {};\n}}\n",
            client.slug,
            accent.readable_text()
        ),
        None => "/* no accent colour set in client.yaml; the theme default applies */\n".to_owned(),
    }
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
