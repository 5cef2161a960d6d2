//! `portal.json`: the client's visible data, machine-readable, with a published schema.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{
    Change, Client, Contacts, Date, Engagement, Kpi, Milestone, PortalConfig, Rag, Raid, ScopeMeta,
    TextFormat,
};

/// The contents of `portal.json`. Built from a client already stripped of internal items.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PortalData {
    /// Version of this format.
    pub format: u32,
    /// Who the portal is for.
    pub client: ClientData,
    /// The date date-dependent facts were computed against.
    pub as_of: Date,
    /// Overall status in the latest report.
    pub status: Option<Rag>,
    /// Status reports, newest first, each with its full text.
    pub reports: Vec<ReportData>,
    /// What was agreed, with the scope's narrative.
    pub scope: Option<ScopeData>,
    /// Milestones.
    pub milestones: Vec<Milestone>,
    /// Change requests.
    pub changes: Vec<Change>,
    /// KPIs with every measurement.
    pub kpis: Vec<Kpi>,
    /// Risks, assumptions, issues, dependencies and decisions.
    pub raid: Raid,
}

/// The client, as `portal.json` describes it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ClientData {
    /// Name.
    pub name: String,
    /// One sentence on the engagement.
    pub summary: Option<String>,
    /// Address of the portal, when known.
    pub url: Option<String>,
    /// The consultancy.
    pub agency: String,
    /// Dates and terms.
    pub engagement: Option<Engagement>,
    /// People on both sides.
    pub contacts: Contacts,
}

/// The scope: the lists of `scope.md`'s front matter and its text.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ScopeData {
    /// Deliverables, exclusions, assumptions and responsibilities.
    #[serde(flatten)]
    pub meta: ScopeMeta,
    /// The narrative below the front matter, as written: Markdown (CommonMark with tables,
    /// footnotes, strikethrough and task lists) unless `format` is `plain`, in which case
    /// it is shown verbatim with its line breaks. Links to attachments are relative to the
    /// client's folder (`files/plan.pdf`).
    pub text: String,
}

/// A status report.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReportData {
    /// Reporting date.
    pub date: Date,
    /// Headline.
    pub title: String,
    /// Overall status.
    pub status: Rag,
    /// Scope status, when reported.
    pub scope: Option<Rag>,
    /// Schedule status, when reported.
    pub schedule: Option<Rag>,
    /// Budget status, when reported.
    pub budget: Option<Rag>,
    /// Summary.
    pub summary: String,
    /// How `text` is written: `markdown` or `plain`.
    pub format: TextFormat,
    /// The report's full text below its front matter, as written: Markdown (CommonMark
    /// with tables, footnotes, strikethrough and task lists) unless `format` is `plain`.
    /// Links to attachments are relative to the client's `reports/` folder
    /// (`../files/data.csv`), as in the file the consultant wrote.
    pub text: String,
    /// The report's page, relative to the portal (absolute when the address is known).
    pub href: String,
}

/// `portal.json` for a client already stripped of internal items.
pub(crate) fn portal_json(client: &Client, config: &PortalConfig, as_of: Date) -> String {
    let base = client.base_url(config);
    let prefix = base.clone().unwrap_or_default();
    let data = PortalData {
        format: 2,
        client: ClientData {
            name: client.profile.name.clone(),
            summary: client.profile.summary.clone(),
            url: base,
            agency: config.agency.name.clone(),
            engagement: client.profile.engagement.clone(),
            contacts: client.profile.contacts.clone(),
        },
        as_of,
        status: client.latest_report(as_of).map(|r| r.meta.status),
        reports: client
            .reports
            .iter()
            .rev()
            .map(|r| ReportData {
                date: r.meta.date,
                title: r.meta.title.clone(),
                status: r.meta.status,
                scope: r.meta.scope,
                schedule: r.meta.schedule,
                budget: r.meta.budget,
                summary: r.meta.summary.clone(),
                format: r.meta.format.unwrap_or(client.profile.text_format),
                text: r.body.clone(),
                href: format!("{prefix}reports/{}/index.html", r.slug),
            })
            .collect(),
        scope: client
            .scope
            .as_ref()
            .filter(|s| !s.is_empty())
            .map(|s| ScopeData {
                meta: ScopeMeta {
                    // Said outright, so a reader of the data need not know the client's
                    // default.
                    format: Some(s.meta.format.unwrap_or(client.profile.text_format)),
                    ..s.meta.clone()
                },
                text: s.body.clone(),
            }),
        milestones: client.milestones.clone(),
        changes: client.changes.clone(),
        kpis: client.kpis.clone(),
        raid: client.raid.clone(),
    };
    // Plain data of strings, numbers and dates: serialising it cannot fail.
    let mut json = serde_json::to_string_pretty(&data).unwrap_or_default();
    json.push('\n');
    json
}
