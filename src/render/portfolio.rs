//! The consultant's portfolio as files: its pages from the theme's `portfolio.html`, its
//! stylesheet and sorting script, and the same table as CSV and JSON.
//!
//! Pure, like the rest of [`crate::render`]: rows in, [`RenderedFile`]s out. Where they are
//! written (never into a build's output) is [`crate::portfolio`]'s business.

use std::sync::Arc;

use serde::Serialize;
use tera::Context;

pub use super::view::Status;
pub use super::view::portfolio::{
    CodeCount, Group, ItemRef, MilestoneDue, PORTFOLIO_CONTENT_SECURITY_POLICY, PortfolioLinks,
    PortfolioPage, PortfolioRow, Slip, Totals, TrendPoint, ViewLink, pages,
};
use super::{Contents, RenderedFile, Renderer};
use crate::diagnostic::Diagnostic;
use crate::model::{Date, PortalConfig};

/// The portfolio's templates, besides `portfolio.html`: rendered as they are into `assets/`.
pub const PORTFOLIO_ASSETS: [&str; 2] = ["portfolio.css", "portfolio.js"];

impl Renderer {
    /// Renders one page of the portfolio.
    pub fn render_portfolio_page(&self, page: &PortfolioPage<'_>) -> Result<String, Diagnostic> {
        let mut ctx = Context::new();
        ctx.insert("portfolio", page);
        self.tera
            .render("portfolio.html", &ctx)
            .map_err(|e| self.error(&e))
    }

    /// Every file of the static portfolio: one page per view, the theme's stylesheet and the
    /// portfolio's own, its script, `portfolio.csv` and `portfolio.json`.
    pub fn render_portfolio(
        &self,
        config: &PortalConfig,
        rows: &[PortfolioRow],
        as_of: Date,
    ) -> Result<Vec<RenderedFile>, Diagnostic> {
        let links = PortfolioLinks {
            base: String::new(),
            index: "index.html".to_owned(),
        };
        let bytes = |text: String| Contents::Bytes(Arc::from(text.into_bytes()));
        let mut files = Vec::new();
        for page in pages(
            rows,
            config,
            as_of,
            &links,
            Some(PORTFOLIO_CONTENT_SECURITY_POLICY),
        ) {
            files.push(RenderedFile {
                path: format!("{}.html", page.key),
                contents: bytes(self.render_portfolio_page(&page)?),
            });
        }
        for (name, text) in self.portfolio_assets()? {
            files.push(RenderedFile {
                path: format!("assets/{name}"),
                contents: bytes(text),
            });
        }
        if let Some(css) = self.main_stylesheet() {
            files.push(RenderedFile {
                path: "assets/portico.css".to_owned(),
                contents: Contents::Bytes(css),
            });
        }
        files.push(RenderedFile {
            path: "portfolio.csv".to_owned(),
            contents: bytes(csv(rows)),
        });
        files.push(RenderedFile {
            path: "portfolio.json".to_owned(),
            contents: bytes(json(rows, as_of)),
        });
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// The portfolio's stylesheet and script, from the theme.
    pub fn portfolio_assets(&self) -> Result<Vec<(&'static str, String)>, Diagnostic> {
        PORTFOLIO_ASSETS
            .into_iter()
            .map(|name| {
                self.tera
                    .render(name, &Context::new())
                    .map(|text| (name, text))
                    .map_err(|e| self.error(&e))
            })
            .collect()
    }

    /// The theme's main stylesheet, which the portfolio's pages share with the portals.
    pub fn main_stylesheet(&self) -> Option<Arc<[u8]>> {
        self.statics
            .iter()
            .find(|(p, _)| p == "portico.css")
            .map(|(_, css)| css.clone())
    }
}

/// The columns of `portfolio.csv`, in order.
pub const CSV_COLUMNS: [&str; 25] = [
    "slug",
    "name",
    "organisation",
    "details",
    "status",
    "trend",
    "latest_report",
    "days_since_report",
    "stale",
    "next_milestone",
    "next_milestone_due",
    "overdue_milestones",
    "overdue",
    "worst_slip_days",
    "worst_slip_milestone",
    "high_risks",
    "waiting_on_client",
    "waiting_on_us",
    "budget_percent_spent",
    "budget_percent_done",
    "changes_pending",
    "changes_pending_cost",
    "warnings",
    "warning_codes",
    "errors",
];

/// The table as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends),
/// one row per client, by slug. Lists inside a cell are joined with
/// `; ` (ids only); `details` as `key=value; ...`.
pub fn csv(rows: &[PortfolioRow]) -> String {
    let mut sorted: Vec<&PortfolioRow> = rows.iter().collect();
    sorted.sort_by(|a, b| a.slug.cmp(&b.slug));
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let ids = |items: &[ItemRef]| {
        items
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let opt = |v: Option<String>| v.unwrap_or_default();
    // Writing into a Vec cannot fail; a failed record would only be left out.
    let _ = out.write_record(CSV_COLUMNS);
    for r in sorted {
        let record: [String; 25] = [
            r.slug.clone(),
            r.name.clone(),
            opt(r.organisation.clone()),
            r.details
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; "),
            r.status_key().to_owned(),
            r.trend
                .iter()
                .map(|t| t.status.key)
                .collect::<Vec<_>>()
                .join(" "),
            opt(r.latest_report.map(|d| d.to_string())),
            opt(r.days_since_report.map(|d| d.to_string())),
            r.stale.to_string(),
            opt(r.next_milestone.as_ref().map(|m| m.id.clone())),
            opt(r.next_milestone.as_ref().map(|m| m.due.to_string())),
            r.overdue.len().to_string(),
            r.overdue
                .iter()
                .map(|m| m.id.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            opt(r.worst_slip.as_ref().map(|s| s.days.to_string())),
            opt(r.worst_slip.as_ref().map(|s| s.id.clone())),
            ids(&r.high_risks),
            ids(&r.waiting_on_client),
            ids(&r.waiting_on_us),
            opt(r.budget.as_ref().map(|b| b.percent_spent.to_string())),
            opt(r
                .budget
                .as_ref()
                .and_then(|b| b.percent_done)
                .map(|d| d.to_string())),
            r.changes_pending.to_string(),
            opt(r.changes_pending_cost.clone()),
            r.warnings.to_string(),
            r.warning_codes
                .iter()
                .map(|c| format!("{} x{}", c.code, c.count))
                .collect::<Vec<_>>()
                .join("; "),
            r.errors.to_string(),
        ];
        let _ = out.write_record(&record);
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The table as JSON: the date it is judged against and one object per client, by slug.
pub fn json(rows: &[PortfolioRow], as_of: Date) -> String {
    #[derive(Serialize)]
    struct Export<'r> {
        internal: bool,
        as_of: Date,
        clients: Vec<&'r PortfolioRow>,
    }
    let mut clients: Vec<&PortfolioRow> = rows.iter().collect();
    clients.sort_by(|a, b| a.slug.cmp(&b.slug));
    let export = Export {
        internal: true,
        as_of,
        clients,
    };
    let mut text = serde_json::to_string_pretty(&export).unwrap_or_default();
    text.push('\n');
    text
}
