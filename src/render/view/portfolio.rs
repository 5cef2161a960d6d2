//! The consultant's portfolio: one row per client, and the pages that sort and group them.
//!
//! Unlike every other view, a row is built from the *whole* client, internal items
//! included: the portfolio is for the consultant, never for a client, and says so on every
//! page. Rows are judged as of one date for the whole portfolio (`--as-of`, `as_of:`, else
//! today), because the question it answers is "where does everything stand now".

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Status, rating_status};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    AcceptanceDecision, ChangeStatus, Client, Date, DecisionStatus, Money, PortalConfig, Rag,
};
use crate::render::format;

/// How many recent reports the trend shows.
const TREND_REPORTS: usize = 6;

/// One client in the portfolio.
#[derive(Debug, Clone, Serialize)]
pub struct PortfolioRow {
    /// Folder name under `clients/`.
    pub slug: String,
    /// The client's name (the slug while `client.yaml` does not load).
    pub name: String,
    /// `organisation:` in `client.yaml`.
    pub organisation: Option<String>,
    /// `details:` in `client.yaml`.
    pub details: BTreeMap<String, String>,
    /// Where the client's portal is, when known (its address; in the preview, its folder).
    pub href: Option<String>,
    /// Overall status of the latest report; `None` when nobody has assessed it yet.
    pub status: Option<Status>,
    /// Statuses of the most recent reports, oldest first.
    pub trend: Vec<TrendPoint>,
    /// The latest status against the one before: `worse`, `better` or `steady`.
    pub trend_word: Option<&'static str>,
    /// Date of the latest report.
    pub latest_report: Option<Date>,
    /// Days from the latest report to the portfolio's date.
    pub days_since_report: Option<i64>,
    /// Whether `check` warns that a report is overdue (`stale-report`).
    pub stale: bool,
    /// The first milestone not done and not overdue.
    pub next_milestone: Option<MilestoneDue>,
    /// Milestones past their forecast date and not done; `days` is days late.
    pub overdue: Vec<MilestoneDue>,
    /// The milestone furthest behind its baseline, when any is.
    pub worst_slip: Option<Slip>,
    /// Open risks and issues of high or critical severity, and escalated items.
    pub high_risks: Vec<ItemRef>,
    /// What the client owes: sign-offs, decisions on change requests, pending decisions,
    /// and open issues and dependencies owned by one of the client's contacts.
    pub waiting_on_client: Vec<ItemRef>,
    /// What the consultant owes: open issues, dependencies and pending decisions owned by
    /// one of the agency's contacts.
    pub waiting_on_us: Vec<ItemRef>,
    /// Budget spent against milestones done, for a time-and-materials budget with a cap.
    pub budget: Option<BudgetBurn>,
    /// Change requests proposed and not yet decided.
    pub changes_pending: usize,
    /// Their total cost, worded in the client's currency.
    pub changes_pending_cost: Option<String>,
    /// Warnings `check` gives for this client.
    pub warnings: usize,
    /// Their codes, each with its count, by code.
    pub warning_codes: Vec<CodeCount>,
    /// Errors in this client's files (the portfolio still lists it).
    pub errors: usize,
    /// Items marked `visibility: internal` counted in this row.
    pub internal_items: usize,
    /// The preview has not built this client yet, so nothing about it is known: not even
    /// whether it has a report.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_built: bool,
    /// Sort keys, for the views and the in-page sorting script.
    #[serde(skip)]
    rank: u8,
}

/// How much of a capped budget is spent, against how much of the work is done.
#[derive(Debug, Clone, Serialize)]
pub struct BudgetBurn {
    /// Share of the cap (with approved changes) billed so far, in whole percent.
    pub percent_spent: i64,
    /// Share of milestones done, in whole percent, when there are milestones.
    pub percent_done: Option<i64>,
    /// Billed so far and the cap, worded in the client's currency.
    pub spent: String,
    /// The cap with approved changes.
    pub cap: String,
    /// Spent ahead of done by more than the budget's `burn_margin` (what `check` warns
    /// `burn-ahead-of-progress` about), or past the cap.
    pub ahead: bool,
}

/// A report's status in the trend.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    /// Report date.
    pub date: Date,
    /// Its status.
    pub status: Status,
}

/// A milestone and its date.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneDue {
    /// Milestone id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The forecast date.
    pub due: Date,
    /// Days until it (next) or since it (overdue).
    pub days: i64,
}

/// How far a milestone is behind its baseline.
#[derive(Debug, Clone, Serialize)]
pub struct Slip {
    /// Milestone id.
    pub id: String,
    /// Days after the baseline.
    pub days: i64,
    /// `+12 days`.
    pub label: String,
}

/// An item someone is waiting on.
#[derive(Debug, Clone, Serialize)]
pub struct ItemRef {
    /// Its id (`CR-03`, `M5`).
    pub id: String,
    /// What is awaited, in words.
    pub title: String,
}

/// A warning code and how often it occurs.
#[derive(Debug, Clone, Serialize)]
pub struct CodeCount {
    /// The stable code, e.g. `stale-report`.
    pub code: &'static str,
    /// How many times.
    pub count: usize,
}

/// Sort order of statuses, most pressing first: a status nobody assessed comes before
/// green, since it may be anything.
fn rank(status: Option<Rag>) -> u8 {
    match status {
        Some(Rag::Red) => 0,
        Some(Rag::Amber) => 1,
        None => 2,
        Some(Rag::Green) => 3,
    }
}

impl PortfolioRow {
    /// The row of a client that loaded, from every item in its files (internal ones too).
    /// `problems` are what loading and checking it found; `href` where its portal is.
    pub fn new(
        client: &Client,
        config: &PortalConfig,
        today: Date,
        problems: &[Diagnostic],
        href: Option<String>,
    ) -> PortfolioRow {
        let latest = client.latest_report(today);
        let colour = |r: &crate::model::Report| {
            client
                .ratings
                .meaning(&r.meta.status)
                .and_then(|m| m.counts_as)
        };
        let status = latest.and_then(colour);
        // A report dated after the portfolio's date is not written yet, as far as it knows, and
        // a draft is not published.
        let dated: Vec<_> = client
            .reports
            .iter()
            .filter(|r| r.meta.date <= today && !r.meta.draft)
            .collect();
        let from = dated.len().saturating_sub(TREND_REPORTS);
        let trend: Vec<TrendPoint> = dated[from..]
            .iter()
            .map(|r| TrendPoint {
                date: r.meta.date,
                status: rating_status(&client.ratings, &r.meta.status, None),
            })
            .collect();
        // Against the report before the latest; no word when either was not assessed.
        let dated: Vec<_> = client
            .reports
            .iter()
            .filter(|r| r.meta.date <= today)
            .collect();
        let trend_word = match dated.as_slice() {
            [.., before, now] => match (colour(before), colour(now)) {
                (Some(before), Some(now)) => Some(match now.cmp(&before) {
                    std::cmp::Ordering::Greater => "worse",
                    std::cmp::Ordering::Less => "better",
                    std::cmp::Ordering::Equal => "steady",
                }),
                _ => None,
            },
            _ => None,
        };

        // Milestones to be confirmed have no date to be next or overdue by.
        let mut not_done: Vec<(&crate::model::Milestone, Date)> = client
            .milestones
            .iter()
            .filter(|m| !m.is_done())
            .filter_map(|m| Some((m, m.forecast()?)))
            .collect();
        not_done.sort_by_key(|(m, f)| (*f, m.id.clone()));
        let due = |m: &crate::model::Milestone, on: Date, days: i64| MilestoneDue {
            id: m.id.clone(),
            title: m.title.clone(),
            due: on,
            days,
        };
        let overdue = not_done
            .iter()
            .filter(|(m, _)| m.is_overdue(today))
            .map(|(m, f)| due(m, *f, f.days_until(today)))
            .collect();
        let next_milestone = not_done
            .iter()
            .find(|(m, _)| !m.is_overdue(today))
            .map(|(m, f)| due(m, *f, today.days_until(*f)));
        let worst_slip = client
            .milestones
            .iter()
            .filter_map(|m| Some((m, m.slip_days().filter(|d| *d > 0)?)))
            .max_by_key(|(m, days)| (*days, std::cmp::Reverse(m.id.clone())))
            .map(|(m, days)| Slip {
                id: m.id.clone(),
                days,
                label: format::signed_duration(days),
            });

        let high_risks = client
            .raid
            .item_lists()
            .into_iter()
            .flat_map(|(_, items)| items.iter())
            .filter(|i| i.is_pressing())
            .map(|i| ItemRef {
                id: i.id.clone(),
                title: i.title.clone(),
            })
            .collect();

        let (waiting_on_client, waiting_on_us) = waiting(client);
        let pending: Vec<_> = client
            .changes
            .iter()
            .filter(|c| c.status == ChangeStatus::Proposed)
            .collect();
        let pending_cost: Money = pending.iter().map(|c| c.impact.cost).sum();
        let changes_pending_cost = (!pending.is_empty() && pending_cost != Money::default())
            .then(|| format::money(pending_cost, client.currency(config)));

        let budget = client.burn(today).map(|burn| {
            let spent = burn.percent_spent();
            let done = client.percent_done();
            let margin = client.budget.as_ref().map_or(0, |b| b.burn_margin);
            BudgetBurn {
                percent_spent: spent.round() as i64,
                percent_done: done.map(|d| d.round() as i64),
                spent: format::money(burn.spent, client.currency(config)),
                cap: format::money(burn.cap(), client.currency(config)),
                ahead: burn.spent > burn.cap()
                    || done.is_some_and(|d| spent - d > f64::from(margin)),
            }
        });

        PortfolioRow {
            slug: client.slug.clone(),
            name: client.profile.name.clone(),
            organisation: client.profile.organisation.clone(),
            // Text details group the portfolio ("Region: Benelux"); amounts do not.
            details: client
                .profile
                .details
                .iter()
                .filter_map(|d| {
                    let group = d.group.as_ref().unwrap_or(&d.label);
                    Some((group.clone(), d.value.clone()?))
                })
                .collect(),
            href,
            status: latest.map(|r| {
                rating_status(
                    &client.ratings,
                    &r.meta.status,
                    r.meta.withheld_reason.as_ref(),
                )
            }),
            trend,
            trend_word,
            latest_report: latest.map(|r| r.meta.date),
            days_since_report: latest.map(|r| r.meta.date.days_until(today)),
            stale: false,
            next_milestone,
            overdue,
            worst_slip,
            high_risks,
            waiting_on_client,
            waiting_on_us,
            budget,
            changes_pending: pending.len(),
            changes_pending_cost,
            warnings: 0,
            warning_codes: Vec::new(),
            errors: 0,
            internal_items: internal_items(client),
            not_built: false,
            rank: rank(status),
        }
        .recounted(problems)
    }

    /// The row with its warnings, errors and staleness counted from `problems`, every
    /// problem found in the client's files.
    pub fn recounted(mut self, problems: &[Diagnostic]) -> PortfolioRow {
        let mut codes: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut errors = 0;
        for d in problems {
            if d.is_error() {
                errors += 1;
            } else if d.severity == crate::diagnostic::Severity::Warning {
                *codes.entry(d.code.as_str()).or_default() += 1;
            }
        }
        self.stale = problems.iter().any(|d| d.code == Code::StaleReport);
        self.warnings = codes.values().sum();
        self.warning_codes = codes
            .into_iter()
            .map(|(code, count)| CodeCount { code, count })
            .collect();
        self.errors = errors;
        self
    }

    /// The row of a client whose files do not load: its name is the slug, and its errors
    /// are counted, so it is not silently missing from the portfolio.
    pub fn unloaded(slug: &str, problems: &[Diagnostic]) -> PortfolioRow {
        PortfolioRow {
            slug: slug.to_owned(),
            name: slug.to_owned(),
            organisation: None,
            details: BTreeMap::new(),
            href: None,
            status: None,
            trend: Vec::new(),
            trend_word: None,
            latest_report: None,
            days_since_report: None,
            stale: false,
            next_milestone: None,
            overdue: Vec::new(),
            worst_slip: None,
            high_risks: Vec::new(),
            waiting_on_client: Vec::new(),
            waiting_on_us: Vec::new(),
            budget: None,
            changes_pending: 0,
            changes_pending_cost: None,
            warnings: 0,
            warning_codes: Vec::new(),
            errors: 0,
            internal_items: 0,
            not_built: false,
            rank: rank(None),
        }
        .recounted(problems)
    }

    /// The row of a client the preview has not built yet: its slug, a link that builds it
    /// when followed, and "Not built yet" in place of a status.
    pub fn pending(slug: &str, href: String) -> PortfolioRow {
        PortfolioRow {
            href: Some(href),
            status: Some(Status::new("none", "Not built yet")),
            not_built: true,
            ..PortfolioRow::unloaded(slug, &[])
        }
    }

    /// The status's key (`red`, `amber`, `green`, or `none`).
    pub fn status_key(&self) -> &'static str {
        self.status.as_ref().map_or("none", |s| s.key)
    }
}

/// Who owns an item, by the contact named as its owner.
#[derive(PartialEq)]
enum Side {
    Client,
    Us,
    Unknown,
}

fn side(client: &Client, owner: Option<&str>) -> Side {
    let Some(owner) = owner.map(str::trim) else {
        return Side::Unknown;
    };
    let named = |list: &[crate::model::Contact]| {
        list.iter()
            .any(|c| c.name.trim().eq_ignore_ascii_case(owner))
    };
    if named(&client.profile.contacts.client) {
        Side::Client
    } else if named(&client.profile.contacts.agency) {
        Side::Us
    } else {
        Side::Unknown
    }
}

/// What each side is waiting on from the other. A sign-off and a decision on a change
/// request are always the client's to give; an open issue or dependency, or a pending
/// decision, waits on whoever owns it (a pending decision without a known owner is the
/// client's, since decisions are theirs to take).
fn waiting(client: &Client) -> (Vec<ItemRef>, Vec<ItemRef>) {
    let mut theirs = Vec::new();
    let mut ours = Vec::new();
    for m in &client.milestones {
        if m.acceptance
            .current()
            .is_some_and(|a| a.decision == AcceptanceDecision::Pending)
        {
            theirs.push(ItemRef {
                id: m.id.clone(),
                title: format!("Sign-off: {}", m.title),
            });
        }
    }
    for c in &client.changes {
        if c.status == ChangeStatus::Proposed {
            theirs.push(ItemRef {
                id: c.id.clone(),
                title: format!("Decision on change: {}", c.title),
            });
        }
    }
    for d in &client.raid.decisions {
        if d.status != DecisionStatus::Pending {
            continue;
        }
        let item = ItemRef {
            id: d.id.clone(),
            title: format!("Decision: {}", d.title),
        };
        match side(client, d.owner.as_deref()) {
            Side::Us => ours.push(item),
            Side::Client | Side::Unknown => theirs.push(item),
        }
    }
    // Issues and dependencies are work someone owes; risks and assumptions are watched,
    // not awaited, so they are left out.
    let raid = &client.raid;
    for i in raid
        .issues
        .iter()
        .chain(&raid.dependencies)
        .filter(|i| i.is_open())
    {
        let item = ItemRef {
            id: i.id.clone(),
            title: i.title.clone(),
        };
        match side(client, i.owner.as_deref()) {
            Side::Client => theirs.push(item),
            Side::Us => ours.push(item),
            Side::Unknown => {}
        }
    }
    (theirs, ours)
}

/// How many items of the client's files are marked internal.
fn internal_items(client: &Client) -> usize {
    let contacts = &client.profile.contacts;
    let hidden = |visible: bool| usize::from(!visible);
    let raid = &client.raid;
    contacts
        .client
        .iter()
        .chain(&contacts.agency)
        .map(|c| hidden(c.visible()))
        .sum::<usize>()
        + client
            .milestones
            .iter()
            .map(|m| hidden(m.visibility.is_visible()))
            .sum::<usize>()
        + client
            .changes
            .iter()
            .map(|c| hidden(c.visibility.is_visible()))
            .sum::<usize>()
        + client
            .kpis
            .iter()
            .map(|k| hidden(k.visibility.is_visible()))
            .sum::<usize>()
        + client
            .reports
            .iter()
            .map(|r| hidden(r.meta.visibility.is_visible()))
            .sum::<usize>()
        + raid
            .item_lists()
            .into_iter()
            .flat_map(|(_, items)| items.iter())
            .map(|i| hidden(i.visibility.is_visible()))
            .sum::<usize>()
        + raid
            .decisions
            .iter()
            .map(|d| hidden(d.visibility.is_visible()))
            .sum::<usize>()
        + client.scope.as_ref().map_or(0, |s| {
            let m = &s.meta;
            let texts = m
                .out_of_scope
                .iter()
                .chain(&m.assumptions)
                .chain(&m.client_responsibilities)
                .map(|t| hidden(t.visibility.is_visible()))
                .sum::<usize>();
            texts
                + m.deliverables
                    .iter()
                    .map(|d| hidden(d.visibility.is_visible()))
                    .sum::<usize>()
        })
}

/// Counts by status, for a group's subtotal and the portfolio's headline.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Clients.
    pub clients: usize,
    /// Red.
    pub red: usize,
    /// Amber.
    pub amber: usize,
    /// Green.
    pub green: usize,
    /// No report yet (among the clients whose files load).
    pub none: usize,
    /// Not built yet by the preview: their status is unknown, not "no report".
    pub not_built: usize,
    /// With a report overdue.
    pub stale: usize,
    /// With an overdue milestone.
    pub overdue: usize,
    /// With errors in their files.
    pub errors: usize,
}

impl Totals {
    fn of<'r>(rows: impl IntoIterator<Item = &'r PortfolioRow>) -> Totals {
        let mut t = Totals::default();
        for r in rows {
            t.clients += 1;
            match r.status_key() {
                "red" => t.red += 1,
                "amber" => t.amber += 1,
                "green" => t.green += 1,
                // A client whose files fail or that is not built yet may well have
                // reports: it is counted as what it is, not as "no report yet".
                _ if r.not_built => t.not_built += 1,
                _ if r.errors > 0 => {}
                _ => t.none += 1,
            }
            t.stale += usize::from(r.stale);
            t.overdue += usize::from(!r.overdue.is_empty());
            t.errors += usize::from(r.errors > 0);
        }
        t
    }
}

/// A group of rows under a heading, with its subtotal.
#[derive(Debug, Clone, Serialize)]
pub struct Group<'r> {
    /// The heading; `None` for the single group of an ungrouped view.
    pub name: Option<String>,
    /// Counts by status.
    pub totals: Totals,
    /// The rows, in the view's order.
    pub rows: Vec<&'r PortfolioRow>,
}

/// A link to one of the portfolio's views.
#[derive(Debug, Clone, Serialize)]
pub struct ViewLink {
    /// Stable key, also the file name's stem.
    pub key: String,
    /// Link text.
    pub title: String,
    /// Where it is.
    pub href: String,
}

/// Where the portfolio's pages and files are, relative to a page: as files beside each
/// other, or under the preview's own prefix.
#[derive(Debug, Clone, Serialize)]
pub struct PortfolioLinks {
    /// Prefix of every file but the first page (`""`, or `/__portico/portfolio/`).
    pub base: String,
    /// The first page (`index.html`, or `/`).
    pub index: String,
}

/// One page of the portfolio, as its template sees it.
#[derive(Debug, Clone, Serialize)]
pub struct PortfolioPage<'r> {
    /// Key of this view (`index`, `stale`, `organisation`, `details-<key>`).
    pub key: String,
    /// Page heading.
    pub title: String,
    /// One sentence saying how the rows are ordered.
    pub order: String,
    /// The agency's name.
    pub agency_name: String,
    /// The date everything is judged against.
    pub as_of: Date,
    /// Counts over every client.
    pub totals: Totals,
    /// Internal items counted in the rows, over every client.
    pub internal_items: usize,
    /// The rows, in groups.
    pub groups: Vec<Group<'r>>,
    /// Every view, for the navigation.
    pub views: Vec<ViewLink>,
    /// Where the stylesheets, script and exports are.
    pub links: PortfolioLinks,
    /// The page's Content-Security-Policy, as a `<meta>`; `None` in the preview, whose
    /// error overlay carries its own styles.
    pub csp: Option<&'static str>,
}

/// The policy of the portfolio's pages: like a portal's, plus its own sorting script.
pub const PORTFOLIO_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'";

/// The most pressing first: status, then overdue milestones, then the longest since a
/// report, then name.
fn by_status(a: &PortfolioRow, b: &PortfolioRow) -> std::cmp::Ordering {
    a.rank
        .cmp(&b.rank)
        .then(b.overdue.len().cmp(&a.overdue.len()))
        .then(b.days_since_report.cmp(&a.days_since_report))
        .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        .then(a.slug.cmp(&b.slug))
}

/// Longest without a report first; a client with no report at all before any.
fn by_staleness(a: &PortfolioRow, b: &PortfolioRow) -> std::cmp::Ordering {
    let age = |r: &PortfolioRow| r.days_since_report.unwrap_or(i64::MAX);
    age(b).cmp(&age(a)).then_with(|| by_status(a, b))
}

/// A file-name stem for a `details` key: lowercase letters, digits and hyphens.
fn stem(key: &str) -> String {
    let mut out = String::new();
    for ch in key.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// Every view of the portfolio: by status (the first page), by staleness, by organisation
/// when any client names one, and one per `details` key any client uses.
pub fn pages<'r>(
    rows: &'r [PortfolioRow],
    config: &PortalConfig,
    as_of: Date,
    links: &PortfolioLinks,
    csp: Option<&'static str>,
) -> Vec<PortfolioPage<'r>> {
    let href = |key: &str| {
        if key == "index" {
            links.index.clone()
        } else {
            format!("{}{key}.html", links.base)
        }
    };
    // (key, title, order, grouping)
    type Grouping = Box<dyn Fn(&PortfolioRow) -> Option<String>>;
    let mut specs: Vec<(String, String, String, Option<Grouping>, bool)> = vec![
        (
            "index".into(),
            "By status".into(),
            "Off track first, then at risk, no report yet and on track; within each, most overdue milestones first.".into(),
            None,
            false,
        ),
        (
            "stale".into(),
            "By last report".into(),
            "Longest without a status report first.".into(),
            None,
            true,
        ),
    ];
    if rows.iter().any(|r| r.organisation.is_some()) {
        specs.push((
            "organisation".into(),
            "By organisation".into(),
            "Grouped by organisation, each with its count by status.".into(),
            Some(Box::new(|r: &PortfolioRow| r.organisation.clone())),
            false,
        ));
    }
    let mut keys: Vec<&String> = rows.iter().flat_map(|r| r.details.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut stems_taken: Vec<String> = Vec::new();
    for key in keys {
        let mut s = format!("details-{}", stem(key));
        // Two keys that differ only in punctuation still get a page each.
        while stems_taken.contains(&s) {
            s.push('-');
        }
        stems_taken.push(s.clone());
        let owned = key.clone();
        specs.push((
            s,
            format!("By {key}"),
            format!(
                "Grouped by \"{key}\" (from details in client.yaml), each with its count by status."
            ),
            Some(Box::new(move |r: &PortfolioRow| {
                r.details.get(&owned).cloned()
            })),
            false,
        ));
    }
    let views: Vec<ViewLink> = specs
        .iter()
        .map(|(key, title, ..)| ViewLink {
            key: key.clone(),
            title: title.clone(),
            href: href(key),
        })
        .collect();
    let totals = Totals::of(rows);
    let internal_items = rows.iter().map(|r| r.internal_items).sum();
    specs
        .into_iter()
        .map(|(key, title, order, grouping, stale_order)| {
            let mut sorted: Vec<&PortfolioRow> = rows.iter().collect();
            if stale_order {
                sorted.sort_by(|a, b| by_staleness(a, b));
            } else {
                sorted.sort_by(|a, b| by_status(a, b));
            }
            let groups = match grouping {
                None => vec![Group {
                    name: None,
                    totals: Totals::of(sorted.iter().copied()),
                    rows: sorted,
                }],
                Some(group_of) => {
                    // Named groups alphabetically, then the clients that name none.
                    let mut named: BTreeMap<String, Vec<&PortfolioRow>> = BTreeMap::new();
                    let mut rest = Vec::new();
                    for r in sorted {
                        match group_of(r) {
                            Some(g) => named.entry(g).or_default().push(r),
                            None => rest.push(r),
                        }
                    }
                    let mut groups: Vec<Group<'_>> = named
                        .into_iter()
                        .map(|(name, rows)| Group {
                            name: Some(name),
                            totals: Totals::of(rows.iter().copied()),
                            rows,
                        })
                        .collect();
                    if !rest.is_empty() {
                        groups.push(Group {
                            name: Some("(none given)".to_owned()),
                            totals: Totals::of(rest.iter().copied()),
                            rows: rest,
                        });
                    }
                    groups
                }
            };
            PortfolioPage {
                key,
                title,
                order,
                agency_name: config.agency.name.clone(),
                as_of,
                totals: totals.clone(),
                internal_items,
                groups,
                views: views.clone(),
                links: links.clone(),
                csp,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe_file_names() {
        assert_eq!(stem("Region"), "region");
        assert_eq!(stem("Account partner"), "account-partner");
        assert_eq!(stem("  cost/centre!"), "cost-centre");
    }

    #[test]
    fn unassessed_status_ranks_before_green() {
        assert!(rank(None) < rank(Some(Rag::Green)));
        assert!(rank(Some(Rag::Red)) < rank(Some(Rag::Amber)));
    }
}
