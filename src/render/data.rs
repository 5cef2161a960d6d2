//! `portal.json`: the client's visible data, machine-readable, with a published schema.

use schemars::JsonSchema;
use serde::Serialize;

use std::collections::BTreeMap;

use crate::model::{
    Change, Client, Contacts, Date, Engagement, Invoice, Kpi, Meeting, Milestone, Money,
    PortalConfig, Rag, Raid, RaidKind, Rating, RatingScale, Report, ScopeMeta, ServiceLevel,
    TextFormat, week_of,
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
    /// Overall status in the latest report, as written (a value of the portal's rating
    /// scale, `unknown` or `withheld`).
    pub status: Option<Rating>,
    /// What that status means.
    #[serde(flatten)]
    pub rating: Option<RatingData>,
    /// What the client owes as of `as_of`, oldest due date first: milestone sign-offs,
    /// pending decisions, change requests awaiting a decision, client-owned items due.
    pub waiting_for_you: Vec<Owed>,
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
    /// Meetings, with their minutes as Markdown (`minutes`, also when written in a file).
    pub meetings: Vec<Meeting>,
    /// Spending and time, when there is a budget or time recorded.
    pub budget: Option<BudgetData>,
    /// Invoices sent (drafts are never published).
    pub invoices: Vec<Invoice>,
    /// Service levels with their results per period.
    pub service_levels: Vec<ServiceLevel>,
}

/// Spending and time as of the as-of date. Hours are aggregated; no person or note.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BudgetData {
    /// Time and materials: the cap with approved changes.
    pub cap: Option<Money>,
    /// Billed so far.
    pub spent: Option<Money>,
    /// Cap minus spent.
    pub remaining: Option<Money>,
    /// Spent plus the last four weeks' rate until the engagement ends.
    pub forecast: Option<Money>,
    /// Hours per week (weeks start on Monday).
    pub weeks: Vec<WeekData>,
    /// Hours per task.
    pub tasks: Vec<TaskData>,
    /// A retainer's months.
    pub retainer: Vec<RetainerMonth>,
}

/// A week's hours.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WeekData {
    /// Monday of the week.
    pub week: Date,
    /// Hours recorded.
    pub hours: f64,
    /// Of which billable.
    pub billable_hours: f64,
}

/// A task's hours.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TaskData {
    /// The task.
    pub task: String,
    /// Hours recorded.
    pub hours: f64,
    /// Of which billable.
    pub billable_hours: f64,
}

/// A month of a retainer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RetainerMonth {
    /// First day of the month.
    pub start: Date,
    /// Hours included.
    pub included: f64,
    /// Hours carried in.
    pub rolled_in: f64,
    /// Billable hours used.
    pub used: f64,
    /// Hours beyond included and carried ones.
    pub overage: f64,
    /// Hours carried out.
    pub rolled_out: f64,
    /// Fee plus overage.
    pub billed: Money,
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn budget_data(client: &Client, as_of: Date) -> Option<BudgetData> {
    if client.budget.is_none() && client.time.is_empty() {
        return None;
    }
    let burn = client.burn(as_of);
    let mut weeks: BTreeMap<Date, (f64, f64)> = BTreeMap::new();
    let mut tasks: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for e in client
        .time_entries()
        .into_iter()
        .filter(|e| e.date <= as_of)
    {
        let billable = if e.billable { e.hours() } else { 0.0 };
        let w = weeks.entry(week_of(e.date)).or_default();
        w.0 += e.hours();
        w.1 += billable;
        let t = tasks.entry(e.task.clone()).or_default();
        t.0 += e.hours();
        t.1 += billable;
    }
    Some(BudgetData {
        cap: burn.as_ref().map(|b| b.cap()),
        spent: burn.as_ref().map(|b| b.spent),
        remaining: burn.as_ref().map(|b| b.remaining()),
        forecast: burn.as_ref().and_then(|b| b.forecast),
        weeks: weeks
            .into_iter()
            .map(|(week, (h, b))| WeekData {
                week,
                hours: round2(h),
                billable_hours: round2(b),
            })
            .collect(),
        tasks: tasks
            .into_iter()
            .map(|(task, (h, b))| TaskData {
                task,
                hours: round2(h),
                billable_hours: round2(b),
            })
            .collect(),
        retainer: client
            .retainer_periods(as_of)
            .into_iter()
            .map(|p| RetainerMonth {
                start: p.start,
                included: round2(p.included),
                rolled_in: round2(p.rolled_in),
                used: round2(p.used),
                overage: round2(p.overage),
                rolled_out: round2(p.rolled_out),
                billed: p.billed,
            })
            .collect(),
    })
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
    /// Overall status, as written.
    pub status: Rating,
    /// What it means.
    #[serde(flatten)]
    pub rating: RatingData,
    /// Scope status, when reported.
    pub scope: Option<Rating>,
    /// Schedule status, when reported.
    pub schedule: Option<Rating>,
    /// Budget status, when reported.
    pub budget: Option<Rating>,
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

/// What a report's overall rating means on the portal's scale.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RatingData {
    /// The rating in words, e.g. "At risk", "Not assessed" or "Withheld: `<reason>`".
    pub status_label: String,
    /// The colour it counts as; null for `unknown` and `withheld`, which are never green.
    pub counts_as: Option<Rag>,
    /// Who gave the rating, when the report says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rated_by: Option<String>,
    /// Why a withheld rating is not published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withheld_reason: Option<String>,
}

impl RatingData {
    fn of(scale: &RatingScale, report: &Report) -> RatingData {
        let rating = &report.meta.status;
        let meaning = scale.meaning(rating);
        let label = meaning
            .as_ref()
            .map_or_else(|| rating.as_str().to_owned(), |m| m.label.clone());
        RatingData {
            status_label: match &report.meta.withheld_reason {
                Some(reason) if rating.is_withheld() => format!("{label}: {reason}"),
                _ => label,
            },
            counts_as: meaning.and_then(|m| m.counts_as),
            rated_by: report.meta.rated_by.clone(),
            withheld_reason: report.meta.withheld_reason.clone(),
        }
    }
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
        status: client.latest_report(as_of).map(|r| r.meta.status.clone()),
        rating: client
            .latest_report(as_of)
            .map(|r| RatingData::of(&client.ratings, r)),
        waiting_for_you: crate::render::view::owed(client, as_of),
        reports: client
            .reports
            .iter()
            .rev()
            .map(|r| ReportData {
                date: r.meta.date,
                title: r.meta.title.clone(),
                status: r.meta.status.clone(),
                rating: RatingData::of(&client.ratings, r),
                scope: r.meta.scope.clone(),
                schedule: r.meta.schedule.clone(),
                budget: r.meta.budget.clone(),
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
        meetings: client
            .meetings
            .iter()
            .map(|m| Meeting {
                minutes: m.minutes_text().map(str::to_owned),
                minutes_file: None,
                minutes_from_file: None,
                ..m.clone()
            })
            .collect(),
        budget: budget_data(client, as_of),
        invoices: client.invoices.clone(),
        service_levels: client.service_levels.clone(),
    };
    // Plain data of strings, numbers and dates: serialising it cannot fail.
    let mut json = serde_json::to_string_pretty(&data).unwrap_or_default();
    json.push('\n');
    json
}

/// One thing the client owes.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Owed {
    /// What kind of thing it is.
    pub kind: OwedKind,
    /// The kind in words, e.g. "Sign-off".
    pub label: &'static str,
    /// The id of the milestone, decision, change request or RAID item.
    pub id: String,
    /// What it is about.
    pub title: String,
    /// Who on the client's side owns it, when named.
    pub owner: Option<String>,
    /// When it is due, when known.
    pub due: Option<Date>,
    /// Days past the due date as of the portal's date; 0 when not overdue.
    pub days_overdue: i64,
    /// What happens if it is missed.
    pub if_late: String,
    /// The page that holds it, relative to the portal's folder.
    pub href: String,
}

/// Kinds of things a client owes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OwedKind {
    /// A milestone submitted for acceptance.
    SignOff,
    /// A pending decision.
    Decision,
    /// A change request awaiting a decision.
    ChangeRequest,
    /// A client-owned dependency that is due or overdue.
    Dependency,
    /// A client-owned risk whose response is due.
    Risk,
    /// A client-owned issue whose resolution is due.
    Issue,
    /// A client-owned assumption to be confirmed.
    Assumption,
    /// A client-owned action agreed in a meeting.
    Action,
}

impl From<RaidKind> for OwedKind {
    fn from(kind: RaidKind) -> OwedKind {
        match kind {
            RaidKind::Dependency => OwedKind::Dependency,
            RaidKind::Risk => OwedKind::Risk,
            RaidKind::Issue => OwedKind::Issue,
            RaidKind::Assumption => OwedKind::Assumption,
        }
    }
}

impl OwedKind {
    pub(crate) fn label(self) -> &'static str {
        match self {
            OwedKind::SignOff => "Sign-off",
            OwedKind::Decision => "Decision",
            OwedKind::ChangeRequest => "Change request",
            OwedKind::Dependency => "Dependency",
            OwedKind::Risk => "Risk",
            OwedKind::Issue => "Issue",
            OwedKind::Assumption => "Assumption",
            OwedKind::Action => "Action from",
        }
    }
}
