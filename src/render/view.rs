//! View models: what templates see, derived from a client already stripped of internal items.
//!
//! Templates never get raw YAML. They get these plain structs: dates as ISO strings (the
//! theme's `date` filter formats them), money and days already worded, statuses as a key
//! for styling plus a label in words, and Markdown already rendered (fields ending in
//! `_html` or `_svg`, the only ones a template may mark `safe`).

use serde::Serialize;

use super::markdown::{self, Place};
use super::{charts, format};
use crate::model::{
    ChangeStatus, Client, Currency, Date, DecisionStatus, Kpi, Milestone, PortalConfig, Rag,
    RaidItem, Report,
};

/// A status as a styling key and words.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Status {
    key: &'static str,
    label: &'static str,
}

impl Status {
    fn new(key: &'static str, label: &'static str) -> Status {
        Status { key, label }
    }
}

impl From<Rag> for Status {
    fn from(rag: Rag) -> Status {
        Status::new(rag.key(), rag.label())
    }
}

/// Everything every page of a client shares.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Shared {
    portal: PortalView,
    client: ClientView,
    nav: Vec<NavItem>,
    as_of: Date,
}

#[derive(Debug, Clone, Serialize)]
struct PortalView {
    agency_name: String,
    agency_email: Option<String>,
    agency_website: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct ClientView {
    slug: String,
    name: String,
    summary: Option<String>,
    logo_href: Option<String>,
    engagement: Option<EngagementView>,
    client_contacts: Vec<ContactView>,
    agency_contacts: Vec<ContactView>,
}

#[derive(Debug, Clone, Serialize)]
struct EngagementView {
    title: Option<String>,
    start: Date,
    end: Option<Date>,
    fee_basis: &'static str,
    contract_value: Option<String>,
    day_rate: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct ContactView {
    name: String,
    role: Option<String>,
    email: Option<String>,
    phone: Option<String>,
}

/// A section of the portal, for navigation.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NavItem {
    /// Page key, compared with `page.key` to mark the current page.
    pub(crate) key: &'static str,
    /// Link text.
    pub(crate) title: &'static str,
    /// Path from the client's portal root.
    pub(crate) href: &'static str,
}

/// The sections a client's portal has, in navigation order. A section exists only when
/// the client has data for it.
pub(crate) fn sections(client: &Client) -> Vec<NavItem> {
    let mut nav = vec![NavItem {
        key: "dashboard",
        title: "Overview",
        href: "index.html",
    }];
    let mut add = |present: bool, key, title, href| {
        if present {
            nav.push(NavItem { key, title, href });
        }
    };
    add(
        !client.reports.is_empty(),
        "reports",
        "Reports",
        "reports/index.html",
    );
    add(
        !client.milestones.is_empty(),
        "milestones",
        "Milestones",
        "milestones/index.html",
    );
    add(client.scope.is_some(), "scope", "Scope", "scope/index.html");
    add(!client.kpis.is_empty(), "kpis", "KPIs", "kpis/index.html");
    add(
        !client.changes.is_empty(),
        "changes",
        "Changes",
        "changes/index.html",
    );
    add(
        !client.raid.is_empty(),
        "raid",
        "Risks & decisions",
        "raid/index.html",
    );
    nav
}

/// Builds the views of one client's pages.
pub(crate) struct Views<'a> {
    client: &'a Client,
    config: &'a PortalConfig,
    as_of: Date,
    currency: Option<&'a Currency>,
}

impl<'a> Views<'a> {
    pub(crate) fn new(client: &'a Client, config: &'a PortalConfig, as_of: Date) -> Views<'a> {
        let currency = client
            .profile
            .engagement
            .as_ref()
            .and_then(|e| e.currency.as_ref())
            .or(config.defaults.currency.as_ref());
        Views {
            client,
            config,
            as_of,
            currency,
        }
    }

    fn money(&self, amount: crate::model::Money) -> String {
        format::money(amount, self.currency)
    }

    fn place(&self, from_dir: &'a str, root: &'a str) -> Place<'a> {
        Place {
            client: self.client,
            from_dir,
            root,
        }
    }

    fn inline(&self, text: Option<&String>, root: &'a str) -> Option<String> {
        text.map(|t| markdown::inline(t, self.place("", root)))
    }

    pub(crate) fn shared(&self) -> Shared {
        let c = self.client;
        let p = &c.profile;
        let contacts = |list: &[crate::model::Contact]| {
            list.iter()
                .map(|x| ContactView {
                    name: x.name.clone(),
                    role: x.role.clone(),
                    email: x.email.clone(),
                    phone: x.phone.clone(),
                })
                .collect()
        };
        Shared {
            portal: PortalView {
                agency_name: self.config.agency.name.clone(),
                agency_email: self.config.agency.email.clone(),
                agency_website: self.config.agency.website.clone(),
            },
            client: ClientView {
                slug: c.slug.clone(),
                name: p.name.clone(),
                summary: p.summary.clone(),
                logo_href: p.branding.logo.as_ref().and_then(|logo| {
                    crate::links::href(&crate::links::resolve(c, "", logo), "", logo)
                }),
                engagement: p.engagement.as_ref().map(|e| EngagementView {
                    title: e.title.clone(),
                    start: e.start,
                    end: e.end,
                    fee_basis: e.fee_basis.label(),
                    contract_value: e.contract_value.map(|v| self.money(v)),
                    day_rate: e.day_rate.map(|v| self.money(v)),
                }),
                client_contacts: contacts(&p.contacts.client),
                agency_contacts: contacts(&p.contacts.agency),
            },
            nav: sections(c),
            as_of: self.as_of,
        }
    }

    fn milestone(&self, m: &Milestone, root: &'a str) -> MilestoneView {
        let deliverables = m
            .deliverables
            .iter()
            .map(|id| Ref {
                id: id.clone(),
                title: self.deliverable_title(id),
            })
            .collect();
        let slip = m.slip_days();
        MilestoneView {
            id: m.id.clone(),
            title: m.title.clone(),
            description_html: self.inline(m.description.as_ref(), root),
            baseline_due: m.baseline_due,
            forecast_due: m.forecast(),
            done_on: m.done_on,
            status: Status::new(status_key(m, self.as_of), m.status.label()),
            slip_days: slip,
            slip_label: if slip == 0 {
                "On plan".to_owned()
            } else {
                format::signed_days(slip)
            },
            overdue: m.is_overdue(self.as_of),
            days_overdue: m.forecast().days_until(self.as_of).max(0),
            deliverables,
            acceptance: m.acceptance.as_ref().map(|a| AcceptanceView {
                submitted_on: a.submitted_on,
                decision: Status::new(
                    match a.decision {
                        crate::model::AcceptanceDecision::Accepted => "green",
                        crate::model::AcceptanceDecision::Rejected => "red",
                        crate::model::AcceptanceDecision::Pending => "amber",
                    },
                    a.decision.label(),
                ),
                by: a.by.clone(),
                on: a.on,
                note: a.note.clone(),
            }),
        }
    }

    fn deliverable_title(&self, id: &str) -> Option<String> {
        self.client
            .scope
            .as_ref()
            .and_then(|s| s.meta.deliverables.iter().find(|d| d.id == id))
            .map(|d| d.title.clone())
    }

    fn report_summary(&self, r: &Report) -> ReportSummary {
        ReportSummary {
            slug: r.slug.clone(),
            date: r.meta.date,
            title: r.meta.title.clone(),
            status: r.meta.status.into(),
            summary: r.meta.summary.clone(),
            href: format!("reports/{}/index.html", r.slug),
        }
    }

    fn kpi(&self, k: &Kpi, root: &'a str) -> KpiView {
        let unit = k.unit.as_deref();
        let latest = k.latest();
        KpiView {
            id: k.id.clone(),
            name: k.name.clone(),
            description_html: self.inline(k.description.as_ref(), root),
            target: format::with_unit(k.target, unit),
            better: match k.better {
                crate::model::Better::Up => "Higher is better",
                crate::model::Better::Down => "Lower is better",
            },
            latest: latest.map(|p| format::with_unit(p.value, unit)),
            latest_on: latest.map(|p| p.on),
            status: match latest {
                None => Status::new("none", "No measurement yet"),
                Some(p) if k.meets_target(p.value) => Status::new("green", "On target"),
                Some(_) => Status::new("red", "Off target"),
            },
            sparkline_svg: charts::sparkline(k),
            points: k
                .points
                .iter()
                .map(|p| PointView {
                    on: p.on,
                    value: format::with_unit(p.value, unit),
                    meets: k.meets_target(p.value),
                })
                .collect(),
        }
    }

    fn change(&self, c: &crate::model::Change, root: &'a str) -> ChangeView {
        let refs = |ids: &[String], title: &dyn Fn(&str) -> Option<String>| -> Vec<Ref> {
            ids.iter()
                .map(|id| Ref {
                    id: id.clone(),
                    title: title(id),
                })
                .collect()
        };
        ChangeView {
            id: c.id.clone(),
            title: c.title.clone(),
            requested_by: c.requested_by.clone(),
            requested_on: c.requested_on,
            reason_html: self.inline(c.reason.as_ref(), root),
            status: Status::new(
                match c.status {
                    ChangeStatus::Proposed => "amber",
                    ChangeStatus::Approved => "green",
                    ChangeStatus::Rejected | ChangeStatus::Withdrawn => "grey",
                },
                c.status.label(),
            ),
            open: c.is_open(),
            days: format::signed_days(i64::from(c.impact.days)),
            cost: if c.impact.cost.cents() > 0 {
                format!("+{}", self.money(c.impact.cost))
            } else {
                self.money(c.impact.cost)
            },
            milestones: refs(&c.affects.milestones, &|id| {
                self.client.milestone(id).map(|m| m.title.clone())
            }),
            deliverables: refs(&c.affects.deliverables, &|id| self.deliverable_title(id)),
            kpis: refs(&c.affects.kpis, &|id| {
                self.client
                    .kpis
                    .iter()
                    .find(|k| k.id == id)
                    .map(|k| k.name.clone())
            }),
            decided_by: c.decided_by.clone(),
            decided_on: c.decided_on,
        }
    }

    fn ledger(&self) -> Option<Ledger> {
        let changes = &self.client.changes;
        if changes.is_empty() {
            return None;
        }
        let approved: Vec<_> = changes
            .iter()
            .filter(|c| c.status == ChangeStatus::Approved)
            .collect();
        let pending: Vec<_> = changes.iter().filter(|c| c.is_open()).collect();
        let approved_cost: crate::model::Money = approved.iter().map(|c| c.impact.cost).sum();
        let pending_cost: crate::model::Money = pending.iter().map(|c| c.impact.cost).sum();
        let approved_days: i64 = approved.iter().map(|c| i64::from(c.impact.days)).sum();
        let pending_days: i64 = pending.iter().map(|c| i64::from(c.impact.days)).sum();
        let contract = self
            .client
            .profile
            .engagement
            .as_ref()
            .and_then(|e| e.contract_value);
        Some(Ledger {
            contract_value: contract.map(|v| self.money(v)),
            approved_count: approved.len(),
            approved_cost: self.money(approved_cost),
            approved_days: format::signed_days(approved_days),
            baseline: contract.map(|v| self.money(v + approved_cost)),
            pending_count: pending.len(),
            pending_cost: self.money(pending_cost),
            pending_days: format::signed_days(pending_days),
        })
    }

    fn raid_item(&self, item: &RaidItem, root: &'a str) -> RaidItemView {
        RaidItemView {
            id: item.id.clone(),
            title: item.title.clone(),
            owner: item.owner.clone(),
            status: Status::new(
                match item.status {
                    crate::model::RaidStatus::Open => "amber",
                    crate::model::RaidStatus::Escalated => "red",
                    crate::model::RaidStatus::Closed => "grey",
                },
                item.status.label(),
            ),
            severity: item.severity.map(|s| {
                Status::new(
                    match s {
                        crate::model::Severity::Low => "grey",
                        crate::model::Severity::Medium => "amber",
                        crate::model::Severity::High | crate::model::Severity::Critical => "red",
                    },
                    s.label(),
                )
            }),
            raised_on: item.raised_on,
            due_on: item.due_on,
            closed_on: item.closed_on,
            text_html: self.inline(item.text.as_ref(), root),
            pressing: item.is_pressing(),
        }
    }

    fn decision(&self, d: &crate::model::Decision, root: &'a str) -> DecisionView {
        DecisionView {
            id: d.id.clone(),
            title: d.title.clone(),
            owner: d.owner.clone(),
            status: Status::new(
                match d.status {
                    DecisionStatus::Pending => "amber",
                    DecisionStatus::Decided => "green",
                },
                d.status.label(),
            ),
            pending: d.status == DecisionStatus::Pending,
            raised_on: d.raised_on,
            due_on: d.due_on,
            decided_on: d.decided_on,
            decided_by: d.decided_by.clone(),
            text_html: self.inline(d.text.as_ref(), root),
        }
    }

    /// The overview page.
    pub(crate) fn dashboard(&self) -> Dashboard {
        const ROOT: &str = "";
        let c = self.client;
        let mut not_done: Vec<&Milestone> = c.milestones.iter().filter(|m| !m.is_done()).collect();
        not_done.sort_by_key(|m| (m.forecast(), m.id.clone()));
        let history_from = c.reports.len().saturating_sub(8);
        let pressing = c
            .raid
            .item_lists()
            .into_iter()
            .flat_map(|(_, items)| items.iter())
            .filter(|i| i.is_pressing())
            .map(|i| self.raid_item(i, ROOT))
            .collect();
        Dashboard {
            status: c.latest_report().map(|r| r.meta.status.into()),
            history: c.reports[history_from..]
                .iter()
                .map(|r| self.report_summary(r))
                .collect(),
            latest: c.latest_report().map(|r| self.report_summary(r)),
            overdue: not_done
                .iter()
                .filter(|m| m.is_overdue(self.as_of))
                .map(|m| self.milestone(m, ROOT))
                .collect(),
            upcoming: not_done
                .iter()
                .filter(|m| !m.is_overdue(self.as_of))
                .take(3)
                .map(|m| self.milestone(m, ROOT))
                .collect(),
            milestones_done: c.milestones.iter().filter(|m| m.is_done()).count(),
            milestones_total: c.milestones.len(),
            kpis: c.kpis.iter().map(|k| self.kpi(k, ROOT)).collect(),
            open_changes: c
                .changes
                .iter()
                .filter(|x| x.is_open())
                .map(|x| self.change(x, ROOT))
                .collect(),
            ledger: self.ledger(),
            pressing,
            pending_decisions: c
                .raid
                .decisions
                .iter()
                .filter(|d| d.status == DecisionStatus::Pending)
                .map(|d| self.decision(d, ROOT))
                .collect(),
            progress: self.progress(),
            next_review: self.next_review(),
        }
    }

    fn progress(&self) -> Option<Progress> {
        let e = self.client.profile.engagement.as_ref()?;
        let end = e.end?;
        let total = e.start.days_until(end).max(1);
        let elapsed = e.start.days_until(self.as_of).clamp(0, total);
        Some(Progress {
            percent: elapsed * 100 / total,
            weeks_elapsed: elapsed / 7 + 1,
            weeks_total: (total + 6) / 7,
        })
    }

    fn next_review(&self) -> Option<Date> {
        let cadence = self.client.cadence;
        let first = cadence.first_review?;
        let every = i64::from(cadence.review_days?.max(1));
        if first >= self.as_of {
            return Some(first);
        }
        let passed = first.days_until(self.as_of);
        let steps = (passed + every - 1) / every;
        Some(first.plus_days(steps * every))
    }

    /// The scope page, when `scope.md` exists.
    pub(crate) fn scope(&self) -> Option<ScopeView> {
        const ROOT: &str = "../";
        let scope = self.client.scope.as_ref()?;
        let texts = |items: &[crate::model::TextItem]| -> Vec<String> {
            items
                .iter()
                .map(|t| markdown::inline(&t.text, self.place("", ROOT)))
                .collect()
        };
        Some(ScopeView {
            title: scope
                .meta
                .title
                .clone()
                .unwrap_or_else(|| "Scope of work".to_owned()),
            deliverables: scope
                .meta
                .deliverables
                .iter()
                .map(|d| DeliverableView {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    acceptance_html: self.inline(d.acceptance.as_ref(), ROOT),
                    milestones: self
                        .client
                        .milestones
                        .iter()
                        .filter(|m| m.deliverables.contains(&d.id))
                        .map(|m| Ref {
                            id: m.id.clone(),
                            title: Some(m.title.clone()),
                        })
                        .collect(),
                })
                .collect(),
            out_of_scope_html: texts(&scope.meta.out_of_scope),
            assumptions_html: texts(&scope.meta.assumptions),
            responsibilities_html: texts(&scope.meta.client_responsibilities),
            body_html: markdown::block(&scope.body, self.place("", ROOT)),
        })
    }

    /// The milestones page.
    pub(crate) fn milestones(&self) -> MilestonesView {
        const ROOT: &str = "../";
        let c = self.client;
        let engagement = c.profile.engagement.as_ref();
        MilestonesView {
            timeline_svg: charts::timeline(
                &c.milestones,
                engagement.map(|e| e.start),
                engagement.and_then(|e| e.end),
                self.as_of,
            ),
            items: c
                .milestones
                .iter()
                .map(|m| self.milestone(m, ROOT))
                .collect(),
        }
    }

    /// The reports index, newest first.
    pub(crate) fn reports(&self) -> Vec<ReportSummary> {
        self.client
            .reports
            .iter()
            .rev()
            .map(|r| self.report_summary(r))
            .collect()
    }

    /// One report page.
    pub(crate) fn report(&self, index: usize) -> Option<ReportView> {
        const ROOT: &str = "../../";
        let reports = &self.client.reports;
        let r = reports.get(index)?;
        Some(ReportView {
            summary: self.report_summary(r),
            scope: r.meta.scope.map(Status::from),
            schedule: r.meta.schedule.map(Status::from),
            budget: r.meta.budget.map(Status::from),
            body_html: markdown::block(&r.body, self.place("reports", ROOT)),
            previous: index
                .checked_sub(1)
                .and_then(|i| reports.get(i))
                .map(|p| self.report_summary(p)),
            next: reports.get(index + 1).map(|n| self.report_summary(n)),
        })
    }

    /// The KPI page.
    pub(crate) fn kpis(&self) -> Vec<KpiChart> {
        const ROOT: &str = "../";
        self.client
            .kpis
            .iter()
            .map(|k| KpiChart {
                kpi: self.kpi(k, ROOT),
                chart_svg: charts::kpi_chart(k),
            })
            .collect()
    }

    /// The change log.
    pub(crate) fn changes(&self) -> ChangesView {
        const ROOT: &str = "../";
        ChangesView {
            ledger: self.ledger(),
            items: self
                .client
                .changes
                .iter()
                .map(|c| self.change(c, ROOT))
                .collect(),
        }
    }

    /// The RAID log.
    pub(crate) fn raid(&self) -> RaidView {
        const ROOT: &str = "../";
        let raid = &self.client.raid;
        RaidView {
            sections: raid
                .item_lists()
                .into_iter()
                .filter(|(_, items)| !items.is_empty())
                .map(|(kind, items)| RaidSection {
                    key: kind.key(),
                    heading: kind.heading(),
                    items: items.iter().map(|i| self.raid_item(i, ROOT)).collect(),
                })
                .collect(),
            decisions: raid
                .decisions
                .iter()
                .map(|d| self.decision(d, ROOT))
                .collect(),
        }
    }
}

/// The styling key of a milestone: how it stands against the plan as of the given date.
fn status_key(m: &Milestone, as_of: Date) -> &'static str {
    use crate::model::MilestoneStatus as S;
    match m.status {
        S::Done => "green",
        _ if m.is_overdue(as_of) => "red",
        S::Blocked => "red",
        S::AtRisk => "amber",
        _ if m.slip_days() > 0 => "amber",
        S::Planned | S::InProgress => "neutral",
    }
}

/// An id with the title of what it names.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Ref {
    id: String,
    title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MilestoneView {
    id: String,
    title: String,
    description_html: Option<String>,
    baseline_due: Date,
    forecast_due: Date,
    done_on: Option<Date>,
    status: Status,
    slip_days: i64,
    slip_label: String,
    overdue: bool,
    days_overdue: i64,
    deliverables: Vec<Ref>,
    acceptance: Option<AcceptanceView>,
}

#[derive(Debug, Clone, Serialize)]
struct AcceptanceView {
    submitted_on: Date,
    decision: Status,
    by: Option<String>,
    on: Option<Date>,
    note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportSummary {
    slug: String,
    date: Date,
    title: String,
    status: Status,
    summary: String,
    href: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportView {
    #[serde(flatten)]
    summary: ReportSummary,
    scope: Option<Status>,
    schedule: Option<Status>,
    budget: Option<Status>,
    body_html: String,
    previous: Option<ReportSummary>,
    next: Option<ReportSummary>,
}

impl ReportView {
    /// The report's title, for the page title.
    pub(crate) fn title(&self) -> &str {
        &self.summary.title
    }
}

#[derive(Debug, Clone, Serialize)]
struct KpiView {
    id: String,
    name: String,
    description_html: Option<String>,
    target: String,
    better: &'static str,
    latest: Option<String>,
    latest_on: Option<Date>,
    status: Status,
    sparkline_svg: String,
    points: Vec<PointView>,
}

#[derive(Debug, Clone, Serialize)]
struct PointView {
    on: Date,
    value: String,
    meets: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct KpiChart {
    #[serde(flatten)]
    kpi: KpiView,
    chart_svg: String,
}

#[derive(Debug, Clone, Serialize)]
struct ChangeView {
    id: String,
    title: String,
    requested_by: String,
    requested_on: Date,
    reason_html: Option<String>,
    status: Status,
    open: bool,
    days: String,
    cost: String,
    milestones: Vec<Ref>,
    deliverables: Vec<Ref>,
    kpis: Vec<Ref>,
    decided_by: Option<String>,
    decided_on: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
struct Ledger {
    contract_value: Option<String>,
    approved_count: usize,
    approved_cost: String,
    approved_days: String,
    baseline: Option<String>,
    pending_count: usize,
    pending_cost: String,
    pending_days: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChangesView {
    ledger: Option<Ledger>,
    items: Vec<ChangeView>,
}

#[derive(Debug, Clone, Serialize)]
struct RaidItemView {
    id: String,
    title: String,
    owner: Option<String>,
    status: Status,
    severity: Option<Status>,
    raised_on: Option<Date>,
    due_on: Option<Date>,
    closed_on: Option<Date>,
    text_html: Option<String>,
    pressing: bool,
}

#[derive(Debug, Clone, Serialize)]
struct DecisionView {
    id: String,
    title: String,
    owner: Option<String>,
    status: Status,
    pending: bool,
    raised_on: Option<Date>,
    due_on: Option<Date>,
    decided_on: Option<Date>,
    decided_by: Option<String>,
    text_html: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct RaidSection {
    key: &'static str,
    heading: &'static str,
    items: Vec<RaidItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RaidView {
    sections: Vec<RaidSection>,
    decisions: Vec<DecisionView>,
}

#[derive(Debug, Clone, Serialize)]
struct Progress {
    percent: i64,
    weeks_elapsed: i64,
    weeks_total: i64,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Dashboard {
    status: Option<Status>,
    history: Vec<ReportSummary>,
    latest: Option<ReportSummary>,
    overdue: Vec<MilestoneView>,
    upcoming: Vec<MilestoneView>,
    milestones_done: usize,
    milestones_total: usize,
    kpis: Vec<KpiView>,
    open_changes: Vec<ChangeView>,
    ledger: Option<Ledger>,
    pressing: Vec<RaidItemView>,
    pending_decisions: Vec<DecisionView>,
    progress: Option<Progress>,
    next_review: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
struct DeliverableView {
    id: String,
    title: String,
    acceptance_html: Option<String>,
    milestones: Vec<Ref>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ScopeView {
    title: String,
    deliverables: Vec<DeliverableView>,
    out_of_scope_html: Vec<String>,
    assumptions_html: Vec<String>,
    responsibilities_html: Vec<String>,
    body_html: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MilestonesView {
    timeline_svg: String,
    items: Vec<MilestoneView>,
}
