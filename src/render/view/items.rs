//! Views of single items (a milestone, a change request, a KPI…), shared by several pages.

use serde::Serialize;

use super::{Status, Views};
use crate::locale;
use crate::model::Currency;
use crate::model::{
    Better, Change, ChangeStatus, Date, Decision, DecisionStatus, Kpi, Milestone, Money, RaidItem,
    Report, Scale, Standing, Variance,
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
        let forecast = m.forecast();
        let overdue = m.is_overdue(self.as_of);
        MilestoneView {
            id: m.id.clone(),
            title: m.title.clone(),
            description_html: self.inline(m.description.as_ref(), root),
            original_due: m.original(),
            agreed_due: m.agreed(),
            tbc: m.is_tbc(),
            forecast_due: forecast,
            forecast_given: m.forecast_due.is_some(),
            done_on: m.done_on,
            status: Status::new(status_key(m, self.as_of), locale::label(m.status.label())),
            late: slip.is_some_and(|s| s > 0),
            slip_label: match slip {
                _ if m.is_tbc() => "–".to_owned(),
                None => locale::t("no-forecast"),
                Some(0) => locale::t("on-plan"),
                Some(days) => format::signed_duration(days),
            },
            // A slip is its own marker beside the status's own words and colour, not a
            // change of colour: "Planned" stays neutral, "14 days later than agreed" says
            // the rest.
            slip_note: slip.filter(|s| *s > 0 && !m.is_done()).map(|s| {
                locale::t_args("later-than-agreed", &[("span", format::duration(s).into())])
            }),
            slip_against_original: m.slip_against_original().map(|d| {
                locale::t_args(
                    "against-original",
                    &[("span", format::signed_duration(d).into())],
                )
            }),
            history: m
                .moves
                .iter()
                .map(|mv| MoveView {
                    change: mv.change.clone(),
                    to: mv.to,
                    days: mv.days().map(format::signed_duration),
                })
                .collect(),
            variance: m.variance.as_ref().map(|v| match v {
                Variance::Percent(p) => {
                    let sign = if *p > 0.0 { "+" } else { "" };
                    format!("{sign}{}", format::percent(*p))
                }
                Variance::Text(t) => t.clone(),
            }),
            updated_on: m.updated_on,
            overdue,
            // Nobody has updated it since it fell due: say that, not a count of days.
            no_update_since: m.updated_on.filter(|_| m.is_stale(self.as_of)),
            days_overdue: forecast.map_or(0, |f| f.days_until(self.as_of).max(0)),
            overdue_for: locale::t_args(
                "span-overdue",
                &[(
                    "span",
                    format::duration(forecast.map_or(0, |f| f.days_until(self.as_of).max(0)))
                        .into(),
                )],
            ),
            deliverables,
            acceptance: m.acceptance.current().map(|a| {
                let pending = a.decision == crate::model::AcceptanceDecision::Pending;
                let by = self.client.accept_by(a.submitted_on);
                let deemed = pending && self.client.acceptance_terms().deemed && by < self.as_of;
                AcceptanceView {
                    submitted_on: a.submitted_on,
                    accept_by: (pending && !deemed).then_some(by),
                    deemed_on: deemed.then_some(by),
                    decision: a.decision.into(),
                    by: a.by.clone(),
                    on: a.on,
                    note: a.note.clone(),
                    earlier: m
                        .acceptance
                        .earlier()
                        .iter()
                        .map(|r| RoundView {
                            submitted_on: r.submitted_on,
                            decision: r.decision.into(),
                            by: r.by.clone(),
                            on: r.on,
                            note: r.note.clone(),
                        })
                        .collect(),
                }
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
            status: self.rating(&r.meta.status, r.meta.withheld_reason.as_ref()),
            rated_by: r.meta.rated_by.clone(),
            // A closed engagement's last report is its final word.
            is_final: self.client.closed_on().is_some()
                && self
                    .client
                    .latest_report(self.as_of)
                    .is_some_and(|l| l.slug == r.slug),
            summary: r.meta.summary.clone(),
            href: format!("reports/{}/index.html", r.slug),
            draft: r.meta.draft,
        }
    }

    pub(super) fn kpi(&self, k: &Kpi, root: &'a str) -> KpiView {
        let value = |v: f64| kpi_value(v, k, self.currency);
        let latest = k.latest();
        let (lo, hi) = k.limits();
        KpiView {
            id: k.id.clone(),
            name: k.name.clone(),
            description_html: self.inline(k.description.as_ref(), root),
            target: k.target.map(value),
            tolerance: match (lo, hi, k.tolerance) {
                (Some(lo), Some(hi), _) => Some(locale::t_args(
                    "tolerance-band",
                    &[("low", value(lo).into()), ("high", value(hi).into())],
                )),
                (Some(lo), None, _) => Some(locale::t_args(
                    "near-target-down",
                    &[("value", value(lo).into())],
                )),
                (None, Some(hi), _) => Some(locale::t_args(
                    "near-target-up",
                    &[("value", value(hi).into())],
                )),
                _ => None,
            },
            better: match k.better {
                Better::Up => locale::t("higher-is-better"),
                Better::Down => locale::t("lower-is-better"),
            },
            agreed: k.agreed,
            updated_on: k.updated_on,
            latest: latest.map(|p| value(p.value)),
            latest_on: latest.map(|p| p.on),
            status: match latest {
                None => Some(Status::new("none", locale::t("no-measurement-yet"))),
                Some(p) => k.standing(p.value).map(standing_status),
            },
            sparkline_svg: charts::sparkline(k, &value),
            points: k
                .points
                .iter()
                .map(|p| PointView {
                    on: p.on,
                    value: value(p.value),
                    against: match k.standing(p.value) {
                        None => "–".to_owned(),
                        Some(Standing::OnTarget) => locale::t("met"),
                        Some(Standing::NearTarget) => locale::t("near"),
                        Some(Standing::OffTarget) => locale::t("not-met"),
                    },
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
            schedule: self.client.schedule_days(c).map(format::signed_duration),
            effort: c.impact.effort_days.map(effort),
            moves: c
                .moves
                .iter()
                .map(|(id, to)| MoveRef {
                    id: id.clone(),
                    title: self.client.milestone(id).map(|m| m.title.clone()),
                    to: *to,
                })
                .collect(),
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
        let schedule = |list: &[&Change]| -> Option<String> {
            let days: Vec<i64> = list
                .iter()
                .filter_map(|c| self.client.schedule_days(c))
                .collect();
            (!days.is_empty()).then(|| format::signed_duration(days.iter().sum()))
        };
        let efforts = |list: &[&Change]| -> Option<String> {
            let days: Vec<f64> = list.iter().filter_map(|c| c.impact.effort_days).collect();
            (!days.is_empty()).then(|| effort(days.iter().sum()))
        };
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
            approved_schedule: schedule(&approved),
            approved_effort: efforts(&approved),
            baseline: contract.map(|v| self.money(v + approved_cost)),
            baseline_short: contract.map(|v| self.money_short(v + approved_cost)),
            pending_count: pending.len(),
            pending_cost: self.money(pending_cost),
            pending_cost_short: self.money_short(pending_cost),
            pending_schedule: schedule(&pending),
            pending_effort: efforts(&pending),
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
            updated_on: item.updated_on,
            no_update_since: item.updated_on.filter(|_| item.is_stale(self.as_of)),
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

/// A KPI's standing as a badge.
fn standing_status(standing: Standing) -> Status {
    match standing {
        Standing::OnTarget => Status::new("green", locale::t("on-target")),
        Standing::NearTarget => Status::new("amber", locale::t("near-target")),
        Standing::OffTarget => Status::new("red", locale::t("off-target")),
    }
}

/// A KPI value in its unit: `95%`, `1,200`, `3 days`, `£98.34m`, `12 tickets`.
pub(crate) fn kpi_value(value: f64, k: &Kpi, currency: Option<&Currency>) -> String {
    let (divisor, suffix) = k.scale.map_or((1.0, ""), Scale::factor);
    let scaled = value / divisor;
    match k.unit.as_deref() {
        Some("money") if suffix.is_empty() => {
            let cents = (value * 100.0).round();
            // KPI values are bounded far inside i64 cents by check; clamp anyway.
            let cents = cents.clamp(-9.0e17, 9.0e17) as i64;
            format::money(Money::from_cents(cents), currency)
        }
        Some("money") => {
            let number = format!("{}{suffix}", format::number(scaled.abs()));
            format::with_currency_text(scaled < 0.0, &number, currency)
        }
        Some("percent") => {
            format::with_unit_text(&format!("{}{suffix}", format::number(scaled)), Some("%"))
        }
        Some("count") => format!("{}{suffix}", format::number(scaled)),
        Some("days") => {
            if suffix.is_empty() {
                locale::t_args("days", &[("n", scaled.into())])
            } else {
                format!(
                    "{}{suffix} {}",
                    format::number(scaled),
                    locale::t("days-unit")
                )
            }
        }
        other => {
            let number = format!("{}{suffix}", format::number(scaled));
            format::with_unit_text(&number, other)
        }
    }
}

/// Days of work, e.g. "14 days of effort".
fn effort(days: f64) -> String {
    locale::t_args("days-of-effort", &[("n", days.into())])
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
    pub(super) original_due: Option<Date>,
    pub(super) agreed_due: Option<Date>,
    pub(super) tbc: bool,
    pub(super) forecast_due: Option<Date>,
    pub(super) forecast_given: bool,
    pub(super) done_on: Option<Date>,
    pub(super) status: Status,
    pub(super) late: bool,
    pub(super) slip_label: String,
    pub(super) slip_note: Option<String>,
    pub(super) slip_against_original: Option<String>,
    pub(super) history: Vec<MoveView>,
    pub(super) variance: Option<String>,
    pub(super) updated_on: Option<Date>,
    pub(super) overdue: bool,
    pub(super) no_update_since: Option<Date>,
    pub(super) days_overdue: i64,
    pub(super) overdue_for: String,
    pub(super) deliverables: Vec<Ref>,
    pub(super) acceptance: Option<AcceptanceView>,
}

/// One re-baselining, as the milestones page lists it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MoveView {
    pub(super) change: String,
    pub(super) to: Date,
    pub(super) days: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct AcceptanceView {
    pub(super) submitted_on: Date,
    /// The last day to answer, while the answer is awaited.
    pub(super) accept_by: Option<Date>,
    /// The day silence made it accepted, under deemed-acceptance terms.
    pub(super) deemed_on: Option<Date>,
    pub(super) decision: Status,
    pub(super) by: Option<String>,
    pub(super) on: Option<Date>,
    pub(super) note: Option<String>,
    /// Rounds before this one (a rejection and a resubmission), oldest first.
    pub(super) earlier: Vec<RoundView>,
}

/// An earlier round of a sign-off.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoundView {
    submitted_on: Date,
    decision: Status,
    by: Option<String>,
    on: Option<Date>,
    note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportSummary {
    pub(super) slug: String,
    pub(super) date: Date,
    pub(super) title: String,
    pub(super) status: Status,
    pub(super) rated_by: Option<String>,
    pub(super) is_final: bool,
    pub(super) summary: String,
    pub(super) href: String,
    /// Not published by `build`; shown only in a preview, under a banner.
    pub(super) draft: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct KpiView {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) description_html: Option<String>,
    pub(super) target: Option<String>,
    pub(super) tolerance: Option<String>,
    pub(super) better: String,
    pub(super) agreed: bool,
    pub(super) updated_on: Option<Date>,
    pub(super) latest: Option<String>,
    pub(super) latest_on: Option<Date>,
    pub(super) status: Option<Status>,
    pub(super) sparkline_svg: String,
    pub(super) points: Vec<PointView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct PointView {
    pub(super) on: Date,
    pub(super) value: String,
    pub(super) against: String,
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
    pub(super) schedule: Option<String>,
    pub(super) effort: Option<String>,
    pub(super) moves: Vec<MoveRef>,
    pub(super) cost: String,
    /// The cost compacted for a card (`+£1.2m`), the same as `cost` when short already.
    pub(super) cost_short: String,
    pub(super) milestones: Vec<Ref>,
    pub(super) deliverables: Vec<Ref>,
    pub(super) kpis: Vec<Ref>,
    pub(super) decided_by: Option<String>,
    pub(super) decided_on: Option<Date>,
}

/// A milestone a change moves, and where to.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MoveRef {
    pub(super) id: String,
    pub(super) title: Option<String>,
    pub(super) to: Date,
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
    pub(super) approved_schedule: Option<String>,
    pub(super) approved_effort: Option<String>,
    pub(super) baseline: Option<String>,
    pub(super) baseline_short: Option<String>,
    pub(super) pending_count: usize,
    pub(super) pending_cost: String,
    pub(super) pending_cost_short: String,
    pub(super) pending_schedule: Option<String>,
    pub(super) pending_effort: Option<String>,
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
    pub(super) updated_on: Option<Date>,
    pub(super) no_update_since: Option<Date>,
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
