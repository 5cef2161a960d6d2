//! Views of single items (a milestone, a change request, a KPI…), shared by several pages.

use serde::Serialize;

use super::{Status, Views};
use crate::model::{
    Better, Change, ChangeStatus, Date, Decision, DecisionStatus, Kpi, Milestone, Money, RaidItem,
    Report,
};
use crate::render::{charts, format};

impl<'a> Views<'a> {
    pub(super) fn milestone(&self, m: &Milestone, root: &'a str) -> MilestoneView {
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
                format::signed_duration(slip)
            },
            // A slip is its own marker beside the status's own words and colour, not a
            // change of colour: "Planned" stays neutral, "14 days later than agreed" says
            // the rest.
            slip_note: (slip > 0 && !m.is_done())
                .then(|| format!("{} later than agreed", format::duration(slip))),
            overdue: m.is_overdue(self.as_of),
            days_overdue: m.forecast().days_until(self.as_of).max(0),
            overdue_for: format!(
                "{} overdue",
                format::duration(m.forecast().days_until(self.as_of).max(0))
            ),
            deliverables,
            acceptance: m.acceptance.as_ref().map(|a| AcceptanceView {
                submitted_on: a.submitted_on,
                decision: a.decision.into(),
                by: a.by.clone(),
                on: a.on,
                note: a.note.clone(),
            }),
        }
    }

    pub(super) fn deliverable_title(&self, id: &str) -> Option<String> {
        self.client
            .scope
            .as_ref()
            .and_then(|s| s.meta.deliverables.iter().find(|d| d.id == id))
            .map(|d| d.title.clone())
    }

    pub(super) fn report_summary(&self, r: &Report) -> ReportSummary {
        ReportSummary {
            slug: r.slug.clone(),
            date: r.meta.date,
            title: r.meta.title.clone(),
            status: r.meta.status.into(),
            summary: r.meta.summary.clone(),
            href: format!("reports/{}/index.html", r.slug),
        }
    }

    pub(super) fn kpi(&self, k: &Kpi, root: &'a str) -> KpiView {
        let unit = k.unit.as_deref();
        let latest = k.latest();
        KpiView {
            id: k.id.clone(),
            name: k.name.clone(),
            description_html: self.inline(k.description.as_ref(), root),
            target: format::with_unit(k.target, unit),
            better: match k.better {
                Better::Up => "Higher is better",
                Better::Down => "Lower is better",
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

    pub(super) fn change(&self, c: &Change, root: &'a str) -> ChangeView {
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
            status: c.status.into(),
            open: c.is_open(),
            days: format::signed_days(i64::from(c.impact.days)),
            cost: if c.impact.cost.cents() > 0 {
                format!("+{}", self.money(c.impact.cost))
            } else {
                self.money(c.impact.cost)
            },
            cost_short: if c.impact.cost.cents() > 0 {
                format!("+{}", self.money_short(c.impact.cost))
            } else {
                self.money_short(c.impact.cost)
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

    pub(super) fn ledger(&self) -> Option<Ledger> {
        let changes = &self.client.changes;
        if changes.is_empty() {
            return None;
        }
        let approved: Vec<_> = changes
            .iter()
            .filter(|c| c.status == ChangeStatus::Approved)
            .collect();
        let pending: Vec<_> = changes.iter().filter(|c| c.is_open()).collect();
        let approved_cost: Money = approved.iter().map(|c| c.impact.cost).sum();
        let pending_cost: Money = pending.iter().map(|c| c.impact.cost).sum();
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
            contract_value_short: contract.map(|v| self.money_short(v)),
            approved_count: approved.len(),
            approved_cost: self.money(approved_cost),
            approved_cost_short: self.money_short(approved_cost),
            approved_days: format::signed_days(approved_days),
            baseline: contract.map(|v| self.money(v + approved_cost)),
            baseline_short: contract.map(|v| self.money_short(v + approved_cost)),
            pending_count: pending.len(),
            pending_cost: self.money(pending_cost),
            pending_cost_short: self.money_short(pending_cost),
            pending_days: format::signed_days(pending_days),
        })
    }

    pub(super) fn raid_item(&self, item: &RaidItem, root: &'a str) -> RaidItemView {
        RaidItemView {
            id: item.id.clone(),
            title: item.title.clone(),
            owner: item.owner.clone(),
            status: item.status.into(),
            severity: item.severity.map(Status::from),
            raised_on: item.raised_on,
            due_on: item.due_on,
            closed_on: item.closed_on,
            text_html: self.inline(item.text.as_ref(), root),
            pressing: item.is_pressing(),
        }
    }

    pub(super) fn decision(&self, d: &Decision, root: &'a str) -> DecisionView {
        DecisionView {
            id: d.id.clone(),
            title: d.title.clone(),
            owner: d.owner.clone(),
            status: d.status.into(),
            pending: d.status == DecisionStatus::Pending,
            raised_on: d.raised_on,
            due_on: d.due_on,
            decided_on: d.decided_on,
            decided_by: d.decided_by.clone(),
            text_html: self.inline(d.text.as_ref(), root),
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
        S::Planned | S::InProgress => "neutral",
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Ref {
    pub(super) id: String,
    pub(super) title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MilestoneView {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) description_html: Option<String>,
    pub(super) baseline_due: Date,
    pub(super) forecast_due: Date,
    pub(super) done_on: Option<Date>,
    pub(super) status: Status,
    pub(super) slip_days: i64,
    pub(super) slip_label: String,
    pub(super) slip_note: Option<String>,
    pub(super) overdue: bool,
    pub(super) days_overdue: i64,
    pub(super) overdue_for: String,
    pub(super) deliverables: Vec<Ref>,
    pub(super) acceptance: Option<AcceptanceView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AcceptanceView {
    pub(super) submitted_on: Date,
    pub(super) decision: Status,
    pub(super) by: Option<String>,
    pub(super) on: Option<Date>,
    pub(super) note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportSummary {
    pub(super) slug: String,
    pub(super) date: Date,
    pub(super) title: String,
    pub(super) status: Status,
    pub(super) summary: String,
    pub(super) href: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct KpiView {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) description_html: Option<String>,
    pub(super) target: String,
    pub(super) better: &'static str,
    pub(super) latest: Option<String>,
    pub(super) latest_on: Option<Date>,
    pub(super) status: Status,
    pub(super) sparkline_svg: String,
    pub(super) points: Vec<PointView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PointView {
    pub(super) on: Date,
    pub(super) value: String,
    pub(super) meets: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChangeView {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) requested_by: String,
    pub(super) requested_on: Date,
    pub(super) reason_html: Option<String>,
    pub(super) status: Status,
    pub(super) open: bool,
    pub(super) days: String,
    pub(super) cost: String,
    /// The cost compacted for a card (`+£1.2m`), the same as `cost` when short already.
    pub(super) cost_short: String,
    pub(super) milestones: Vec<Ref>,
    pub(super) deliverables: Vec<Ref>,
    pub(super) kpis: Vec<Ref>,
    pub(super) decided_by: Option<String>,
    pub(super) decided_on: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
/// Amounts come in full and compacted (`_short`, for cards); the two are equal when the
/// amount is short already.
pub(crate) struct Ledger {
    pub(super) contract_value: Option<String>,
    pub(super) contract_value_short: Option<String>,
    pub(super) approved_count: usize,
    pub(super) approved_cost: String,
    pub(super) approved_cost_short: String,
    pub(super) approved_days: String,
    pub(super) baseline: Option<String>,
    pub(super) baseline_short: Option<String>,
    pub(super) pending_count: usize,
    pub(super) pending_cost: String,
    pub(super) pending_cost_short: String,
    pub(super) pending_days: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RaidItemView {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) owner: Option<String>,
    pub(super) status: Status,
    pub(super) severity: Option<Status>,
    pub(super) raised_on: Option<Date>,
    pub(super) due_on: Option<Date>,
    pub(super) closed_on: Option<Date>,
    pub(super) text_html: Option<String>,
    pub(super) pressing: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct DecisionView {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) owner: Option<String>,
    pub(super) status: Status,
    pub(super) pending: bool,
    pub(super) raised_on: Option<Date>,
    pub(super) due_on: Option<Date>,
    pub(super) decided_on: Option<Date>,
    pub(super) decided_by: Option<String>,
    pub(super) text_html: Option<String>,
}
