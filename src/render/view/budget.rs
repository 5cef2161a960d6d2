//! Views of what the client pays for: the budget page (cap and burn-up, or retainer
//! months; time per week, task and role; invoices), the service-levels page, and their
//! overview cards.
//!
//! Built from a client already stripped for the client's eyes: notes are gone, and names
//! too unless `time.show_people`; so people appear here only when they were kept.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Status, Views};
use crate::locale;
use crate::model::{InvoiceStatus, Kpi, Money, ServiceLevel, TimeEntry, week_of};
use crate::render::{charts, format};

/// The budget page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BudgetPage {
    cap: Option<CapView>,
    retainer: Option<RetainerView>,
    time: Option<TimeView>,
    invoices: Option<InvoicesView>,
}

#[derive(Debug, Clone, Serialize)]
struct CapView {
    base_cap: String,
    cap: String,
    raises: Vec<RaiseView>,
    spent: String,
    remaining: String,
    over: bool,
    percent_spent: i64,
    percent_done: Option<i64>,
    ahead: bool,
    forecast: Option<String>,
    forecast_over: bool,
    weekly_rate: String,
    unpriced_rows: usize,
    chart_svg: String,
    weeks: Vec<WeekRow>,
}

#[derive(Debug, Clone, Serialize)]
struct RaiseView {
    id: String,
    on: crate::model::Date,
    cost: String,
}

#[derive(Debug, Clone, Serialize)]
struct WeekRow {
    week: crate::model::Date,
    hours: String,
    spent: String,
    cumulative: String,
    planned: String,
}

#[derive(Debug, Clone, Serialize)]
struct RetainerView {
    hours: String,
    fee: String,
    rollover: String,
    overage_rate: Option<String>,
    current: Option<PeriodView>,
    periods: Vec<PeriodView>,
}

#[derive(Debug, Clone, Serialize)]
struct PeriodView {
    month: String,
    included: String,
    rolled_in: String,
    available: String,
    used: String,
    overage: String,
    over: bool,
    rolled_out: String,
    billed: String,
    percent_used: i64,
}

#[derive(Debug, Clone, Serialize)]
struct TimeView {
    total: String,
    billable: String,
    unbilled: String,
    by_task: Vec<HoursRow>,
    by_role: Vec<HoursRow>,
    by_person: Option<Vec<HoursRow>>,
    weeks: Vec<HoursWeek>,
}

#[derive(Debug, Clone, Serialize)]
struct HoursRow {
    name: String,
    hours: String,
    billable: String,
}

#[derive(Debug, Clone, Serialize)]
struct HoursWeek {
    week: crate::model::Date,
    hours: String,
    billable: String,
}

#[derive(Debug, Clone, Serialize)]
struct InvoicesView {
    items: Vec<InvoiceView>,
    billed: String,
    paid: String,
    outstanding: String,
    overdue: Vec<InvoiceView>,
    beyond_cap: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct InvoiceView {
    number: String,
    date: crate::model::Date,
    due: crate::model::Date,
    amount: String,
    status: Status,
    paid_on: Option<crate::model::Date>,
    period: Option<String>,
    days_overdue: Option<i64>,
}

/// The overview card: one or two sentences and where to read more.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BudgetCard {
    lines: Vec<String>,
    percent: Option<i64>,
    alerts: Vec<String>,
}

/// The service-levels page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SlaPage {
    levels: Vec<LevelView>,
}

#[derive(Debug, Clone, Serialize)]
struct LevelView {
    id: String,
    name: String,
    target: String,
    status: Option<Status>,
    chart_svg: String,
    periods: Vec<SlaPeriodView>,
}

#[derive(Debug, Clone, Serialize)]
struct SlaPeriodView {
    name: String,
    achieved: String,
    met: bool,
    breaches: Vec<BreachView>,
}

#[derive(Debug, Clone, Serialize)]
struct BreachView {
    on: crate::model::Date,
    what: String,
    cause: Option<String>,
    remedy: Option<String>,
}

fn hours(h: f64) -> String {
    locale::t_args(
        "hours-count",
        &[(
            "n",
            (format::plain_number(h).parse::<f64>().unwrap_or(h)).into(),
        )],
    )
}

fn month_name(d: crate::model::Date) -> String {
    crate::locale::with_current(|l| l.month_year(d))
}

impl Views<'_> {
    /// Whether the client has a budget page.
    pub(crate) fn has_budget(&self) -> bool {
        let c = self.client;
        c.budget.is_some() || !c.time.is_empty() || !c.invoices.is_empty()
    }

    /// The budget page.
    pub(crate) fn budget(&self) -> BudgetPage {
        BudgetPage {
            cap: self.cap_view(),
            retainer: self.retainer_view(),
            time: self.time_view(),
            invoices: self.invoices_view(),
        }
    }

    fn cap_view(&self) -> Option<CapView> {
        let c = self.client;
        let burn = c.burn(self.as_of)?;
        let e = c.profile.engagement.as_ref()?;
        // Without a recorded start the chart starts at the first week with time spent.
        let start = e
            .start
            .or_else(|| burn.weeks.first().map(|w| w.week))
            .unwrap_or(self.as_of);
        let end = e.end.unwrap_or(self.as_of).max(start.plus_days(7));
        let units = |m: Money| m.cents() as f64 / 100.0;
        let mut caps = vec![(start, units(burn.base_cap))];
        let mut running = burn.base_cap;
        for (on, cost, _) in &burn.raises {
            running = running + *cost;
            caps.push((*on, units(running)));
        }
        let actual: Vec<_> = burn
            .weeks
            .iter()
            .map(|w| (w.week.plus_days(6).min(self.as_of), units(w.cumulative)))
            .collect();
        let money = |v: f64| self.money(Money::from_cents((v * 100.0).round() as i64));
        let chart_svg = charts::burnup(&charts::Burnup {
            start,
            end,
            caps: &caps,
            actual: &actual,
            forecast: burn.forecast.map(units),
            money: &money,
        });
        let total_days = start.days_until(end).max(1) as f64;
        let planned_at = |d: crate::model::Date| {
            let share = (start.days_until(d) as f64 / total_days).clamp(0.0, 1.0);
            // Whole units: the plan is a straight line, not an amount anyone billed.
            Money::from_units((burn.cap().cents() as f64 * share / 100.0).round() as i64)
        };
        let percent_spent = burn.percent_spent().round() as i64;
        let percent_done = c.percent_done().map(|p| p.round() as i64);
        let margin = c.budget.as_ref().map_or(10, |b| i64::from(b.burn_margin));
        Some(CapView {
            base_cap: self.money(burn.base_cap),
            cap: self.money(burn.cap()),
            raises: burn
                .raises
                .iter()
                .map(|(on, cost, id)| RaiseView {
                    id: id.clone(),
                    on: *on,
                    cost: self.money(*cost),
                })
                .collect(),
            spent: self.money(burn.spent),
            remaining: self.money(burn.remaining()),
            over: burn.spent > burn.cap(),
            percent_spent,
            percent_done,
            ahead: percent_done.is_some_and(|d| percent_spent - d > margin),
            forecast: burn.forecast.map(|f| self.money(f)),
            forecast_over: burn.forecast.is_some_and(|f| f > burn.cap()),
            weekly_rate: self.money(burn.weekly_rate),
            unpriced_rows: burn.unpriced_rows,
            chart_svg,
            weeks: burn
                .weeks
                .iter()
                .map(|w| WeekRow {
                    week: w.week,
                    hours: format::number(w.hours),
                    spent: self.money(w.spent),
                    cumulative: self.money(w.cumulative),
                    planned: self.money(planned_at(w.week.plus_days(6))),
                })
                .collect(),
        })
    }

    fn retainer_view(&self) -> Option<RetainerView> {
        let c = self.client;
        let r = c.budget.as_ref()?.retainer.as_ref()?;
        let periods: Vec<PeriodView> = c
            .retainer_periods(self.as_of)
            .iter()
            .map(|p| {
                let available = p.included + p.rolled_in;
                PeriodView {
                    month: month_name(p.start),
                    included: format::number(p.included),
                    rolled_in: format::number(p.rolled_in),
                    available: format::number(available),
                    used: format::number(p.used),
                    overage: format::number(p.overage),
                    over: p.overage > 0.0,
                    rolled_out: format::number(p.rolled_out),
                    billed: self.money(p.billed),
                    percent_used: if available > 0.0 {
                        (p.used * 100.0 / available).round() as i64
                    } else {
                        0
                    },
                }
            })
            .collect();
        let from = periods.len().saturating_sub(6);
        Some(RetainerView {
            hours: hours(r.hours),
            fee: self.money(r.fee),
            rollover: hours(r.rollover),
            overage_rate: r.overage_rate.map(|m| self.money(m)),
            current: periods.last().cloned(),
            periods: periods[from..].to_vec(),
        })
    }

    fn time_view(&self) -> Option<TimeView> {
        let c = self.client;
        let entries: Vec<&TimeEntry> = c
            .time_entries()
            .into_iter()
            .filter(|e| e.date <= self.as_of)
            .collect();
        if entries.is_empty() {
            return None;
        }
        let group = |key: &dyn Fn(&TimeEntry) -> Option<String>| {
            let mut by: BTreeMap<String, (f64, f64)> = BTreeMap::new();
            for e in &entries {
                let Some(k) = key(e) else { continue };
                let slot = by.entry(k).or_default();
                slot.0 += e.hours();
                if e.billable {
                    slot.1 += e.hours();
                }
            }
            by.into_iter()
                .map(|(name, (h, b))| HoursRow {
                    name,
                    hours: format::number(h),
                    billable: format::number(b),
                })
                .collect::<Vec<_>>()
        };
        let mut weeks: BTreeMap<crate::model::Date, (f64, f64)> = BTreeMap::new();
        let (mut total, mut billable) = (0.0, 0.0);
        for e in &entries {
            let w = weeks.entry(week_of(e.date)).or_default();
            w.0 += e.hours();
            total += e.hours();
            if e.billable {
                w.1 += e.hours();
                billable += e.hours();
            }
        }
        let show_people = c.profile.time.show_people;
        Some(TimeView {
            total: hours(total),
            billable: hours(billable),
            unbilled: hours(total - billable),
            by_task: group(&|e| Some(e.task.clone())),
            by_role: group(&|e| e.role.clone()),
            by_person: show_people
                .then(|| group(&|e| Some(e.person.clone()).filter(|p| !p.is_empty()))),
            weeks: weeks
                .into_iter()
                .map(|(week, (h, b))| HoursWeek {
                    week,
                    hours: format::number(h),
                    billable: format::number(b),
                })
                .collect(),
        })
    }

    fn invoices_view(&self) -> Option<InvoicesView> {
        let c = self.client;
        if c.invoices.is_empty() {
            return None;
        }
        let items: Vec<InvoiceView> = c
            .invoices
            .iter()
            .filter(|i| i.status != InvoiceStatus::Draft)
            .map(|i| {
                let overdue = i.is_overdue(self.as_of);
                InvoiceView {
                    number: i.number.clone(),
                    date: i.date,
                    due: i.due,
                    amount: self.money(i.amount),
                    status: if overdue {
                        Status::new("red", locale::t("overdue"))
                    } else {
                        match i.status {
                            InvoiceStatus::Paid => {
                                Status::new("green", locale::label(i.status.label()))
                            }
                            _ => Status::new("amber", locale::label(i.status.label())),
                        }
                    },
                    paid_on: i.paid_on,
                    period: i.period.clone(),
                    days_overdue: overdue.then(|| i.due.days_until(self.as_of)),
                }
            })
            .collect();
        let visible = || {
            c.invoices
                .iter()
                .filter(|i| i.status != InvoiceStatus::Draft)
        };
        let billed: Money = visible().map(|i| i.amount).sum();
        let paid: Money = visible()
            .filter(|i| i.status == InvoiceStatus::Paid)
            .map(|i| i.amount)
            .sum();
        let beyond_cap = c
            .burn(self.as_of)
            .filter(|b| billed > b.cap())
            .map(|b| self.money(b.cap()));
        Some(InvoicesView {
            overdue: items
                .iter()
                .filter(|i| i.days_overdue.is_some())
                .cloned()
                .collect(),
            items,
            billed: self.money(billed),
            paid: self.money(paid),
            outstanding: self.money(billed + -paid),
            beyond_cap,
        })
    }

    /// The overview card of the budget page, when there is one.
    pub(crate) fn budget_card(&self) -> Option<BudgetCard> {
        if !self.has_budget() {
            return None;
        }
        let page = self.budget();
        let mut lines = Vec::new();
        let mut alerts = Vec::new();
        let mut percent = None;
        if let Some(cap) = &page.cap {
            lines.push(locale::t_args(
                "budget-card-spent",
                &[
                    ("spent", cap.spent.as_str().into()),
                    ("cap", cap.cap.as_str().into()),
                    ("percent", format::percent(cap.percent_spent as f64).into()),
                    ("remaining", cap.remaining.as_str().into()),
                ],
            ));
            if let Some(f) = &cap.forecast {
                lines.push(locale::t_args(
                    "budget-card-forecast",
                    &[("amount", f.as_str().into())],
                ));
            }
            if cap.over {
                alerts.push(locale::t("budget-card-over"));
            } else if cap.forecast_over {
                alerts.push(locale::t("budget-card-would-pass"));
            }
            percent = Some(cap.percent_spent.clamp(0, 100));
        }
        if let Some(r) = &page.retainer {
            if let Some(p) = &r.current {
                lines.push(locale::t_args(
                    "budget-card-retainer",
                    &[
                        ("month", p.month.as_str().into()),
                        ("used", p.used.as_str().into()),
                        ("available", p.available.as_str().into()),
                        ("included", p.included.as_str().into()),
                        ("carried", p.rolled_in.as_str().into()),
                    ],
                ));
                if p.over {
                    alerts.push(locale::t_args(
                        "budget-card-retainer-over",
                        &[("hours", p.overage.as_str().into())],
                    ));
                }
                percent = Some(p.percent_used.clamp(0, 100));
            }
        }
        if page.cap.is_none() && page.retainer.is_none() {
            if let Some(t) = &page.time {
                lines.push(locale::t_args(
                    "budget-card-time",
                    &[
                        ("total", t.total.as_str().into()),
                        ("billable", t.billable.as_str().into()),
                    ],
                ));
            }
        }
        if let Some(inv) = &page.invoices {
            lines.push(locale::t_args(
                "budget-card-invoiced",
                &[
                    ("billed", inv.billed.as_str().into()),
                    ("paid", inv.paid.as_str().into()),
                ],
            ));
            for i in &inv.overdue {
                alerts.push(locale::t_args(
                    "budget-card-invoice-overdue",
                    &[
                        ("number", i.number.as_str().into()),
                        ("amount", i.amount.as_str().into()),
                        ("date", format::short_date(i.due).into()),
                    ],
                ));
            }
        }
        Some(BudgetCard {
            lines,
            percent,
            alerts,
        })
    }

    /// The service-levels page.
    pub(crate) fn service_levels(&self) -> SlaPage {
        SlaPage {
            levels: self
                .client
                .service_levels
                .iter()
                .map(|l| self.level(l))
                .collect(),
        }
    }

    fn level(&self, l: &ServiceLevel) -> LevelView {
        // The KPI chart draws a measure against a target; a service level is one.
        let as_kpi = Kpi {
            id: l.id.clone(),
            name: l.name.clone(),
            description: None,
            unit: Some("%".into()),
            target: Some(l.target),
            tolerance: None,
            better: crate::model::Better::Up,
            scale: None,
            agreed: true,
            updated_on: None,
            period_days: None,
            points: l
                .periods
                .iter()
                .map(|p| crate::model::Point {
                    on: p.start,
                    value: p.achieved,
                })
                .collect(),
            visibility: crate::model::Visibility::Client,
        };
        LevelView {
            id: l.id.clone(),
            name: l.name.clone(),
            target: format::with_unit(l.target, Some("%")),
            status: l.latest().map(|p| {
                if p.met(l.target) {
                    Status::new("green", "Met")
                } else {
                    Status::new("red", "Missed")
                }
            }),
            chart_svg: charts::kpi_chart(&as_kpi, &|v| format::with_unit(v, Some("%"))),
            periods: l
                .periods
                .iter()
                .rev()
                .map(|p| SlaPeriodView {
                    name: p.name(),
                    achieved: format::with_unit(p.achieved, Some("%")),
                    met: p.met(l.target),
                    breaches: p
                        .breaches
                        .iter()
                        .map(|b| BreachView {
                            on: b.on,
                            what: b.what.clone(),
                            cause: b.cause.clone(),
                            remedy: b.remedy.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Last period's service levels, in words, for the overview.
    pub(crate) fn sla_summary(&self) -> Option<Vec<String>> {
        let levels = &self.client.service_levels;
        let latest = levels
            .iter()
            .filter_map(|l| l.latest().map(|p| p.start))
            .max()?;
        let in_period: Vec<_> = levels
            .iter()
            .filter_map(|l| l.periods.iter().find(|p| p.start == latest).map(|p| (l, p)))
            .collect();
        let name = in_period.first().map(|(_, p)| p.name()).unwrap_or_default();
        let met = in_period.iter().filter(|(l, p)| p.met(l.target)).count();
        let mut lines = vec![locale::t_args(
            "sla-card-met",
            &[
                ("period", name.as_str().into()),
                ("met", met.into()),
                ("n", in_period.len().into()),
            ],
        )];
        for (l, p) in in_period.iter().filter(|(l, p)| !p.met(l.target)) {
            lines.push(locale::t_args(
                "sla-card-missed",
                &[
                    ("name", l.name.as_str().into()),
                    ("achieved", format::with_unit(p.achieved, Some("%")).into()),
                    ("target", format::with_unit(l.target, Some("%")).into()),
                ],
            ));
        }
        Some(lines)
    }
}
