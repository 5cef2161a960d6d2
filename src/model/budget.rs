//! `budget.yaml`: what the client pays for time: a time-and-materials cap with rates per
//! role, or a retainer of hours per month; and the sums both sides read the same way.
//!
//! The sums live here, beside the data, because `check` (cap exceeded, burn ahead of
//! progress) and the budget page must agree to the cent.

use std::collections::BTreeMap;

use chrono::Datelike;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ChangeStatus, Client, Date, Money, TimeEntry};

/// The contents of `budget.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Time and materials: the most the client pays before approved changes raise it.
    /// Defaults to `engagement.contract_value`.
    #[serde(default)]
    pub cap: Option<Money>,
    /// Price of an hour or a day per role, e.g. `lead: { day: 1400 }`. The role `default`
    /// prices rows whose role has no rate of its own.
    #[serde(default)]
    pub rates: BTreeMap<String, Rate>,
    /// Who works in which role, for exports that carry no role (never published).
    #[serde(default)]
    pub people: BTreeMap<String, String>,
    /// Hours in a day, to turn day rates into hourly ones.
    #[serde(default = "eight")]
    pub hours_per_day: f64,
    /// A retainer: hours and fee per calendar month.
    #[serde(default)]
    pub retainer: Option<Retainer>,
    /// `burn-ahead-of-progress` warns when the share of the budget spent runs ahead of
    /// the share of milestones done by more than this many percentage points.
    #[serde(default = "ten")]
    pub burn_margin: u32,
}

fn eight() -> f64 {
    8.0
}

fn ten() -> u32 {
    10
}

/// The price of an hour or of a day (one of the two).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// Price of an hour.
    #[serde(default)]
    pub hour: Option<Money>,
    /// Price of a day of `hours_per_day` hours.
    #[serde(default)]
    pub day: Option<Money>,
}

/// Hours and fee per calendar month, with what carries over and what extra hours cost.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retainer {
    /// Hours included each month.
    pub hours: f64,
    /// The monthly fee.
    pub fee: Money,
    /// At most this many unused hours carry into the next month (0: none carry).
    #[serde(default)]
    pub rollover: f64,
    /// Price of an hour beyond the included and carried hours.
    #[serde(default)]
    pub overage_rate: Option<Money>,
}

impl Budget {
    /// The hourly price of a row: its role's rate, else its person's role's, else
    /// `default`'s.
    pub fn hourly_rate(&self, role: Option<&str>, person: &str) -> Option<Money> {
        let of = |role: &str| {
            let rate = self.rates.get(role)?;
            rate.hour.or_else(|| {
                let day = rate.day?;
                let cents = (day.cents() as f64 / self.hours_per_day.max(0.01)).round();
                Some(Money::from_cents(cents as i64))
            })
        };
        role.and_then(of)
            .or_else(|| self.people.get(person).and_then(|r| of(r)))
            .or_else(|| of("default"))
    }

    /// What the client is billed for a row: nothing when it is not billable (whatever the
    /// export says), the export's amount or rate when it has one, else the budget's rate.
    /// `None` for a billable row nothing prices.
    pub fn price(&self, e: &TimeEntry) -> Option<Money> {
        if !e.billable {
            return Some(Money::ZERO);
        }
        if let Some(amount) = e.amount {
            return Some(amount);
        }
        let rate = e
            .rate
            .filter(|r| r.cents() > 0)
            .or_else(|| self.hourly_rate(e.role.as_deref(), &e.person))?;
        Some(rate.times_seconds(e.seconds))
    }
}

/// A week's spending, for the burn-up.
#[derive(Debug, Clone, PartialEq)]
pub struct BurnWeek {
    /// Monday of the week.
    pub week: Date,
    /// Billable hours that week.
    pub hours: f64,
    /// Billed that week.
    pub spent: Money,
    /// Billed up to the end of that week.
    pub cumulative: Money,
}

/// Time and materials: where the money stands on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Burn {
    /// The cap agreed at the start.
    pub base_cap: Money,
    /// The cap with approved changes: (date decided, cost, change id), oldest first.
    pub raises: Vec<(Date, Money, String)>,
    /// Billed up to the as-of date.
    pub spent: Money,
    /// Billable hours up to the as-of date.
    pub billable_hours: f64,
    /// Hours not billed, up to the as-of date.
    pub unbilled_hours: f64,
    /// Billable rows nothing prices (counted, not guessed).
    pub unpriced_rows: usize,
    /// Per week, oldest first.
    pub weeks: Vec<BurnWeek>,
    /// Average billed per week over the last four weeks up to the as-of date.
    pub weekly_rate: Money,
    /// Spent plus the recent weekly rate until the engagement ends.
    pub forecast: Option<Money>,
}

impl Burn {
    /// The cap with every approved change.
    pub fn cap(&self) -> Money {
        self.base_cap + self.raises.iter().map(|r| r.1).sum()
    }

    /// What is left under the cap (negative when over).
    pub fn remaining(&self) -> Money {
        self.cap() + -self.spent
    }

    /// Share of the cap spent, in percent.
    pub fn percent_spent(&self) -> f64 {
        percent(self.spent, self.cap())
    }
}

fn percent(part: Money, whole: Money) -> f64 {
    if whole.cents() <= 0 {
        return 0.0;
    }
    part.cents() as f64 * 100.0 / whole.cents() as f64
}

/// One month of a retainer.
#[derive(Debug, Clone, PartialEq)]
pub struct RetainerPeriod {
    /// First day of the month.
    pub start: Date,
    /// Hours included.
    pub included: f64,
    /// Hours carried in from the month before.
    pub rolled_in: f64,
    /// Billable hours used.
    pub used: f64,
    /// Hours beyond included and carried ones.
    pub overage: f64,
    /// Unused hours carried into the next month.
    pub rolled_out: f64,
    /// Fee plus overage.
    pub billed: Money,
}

/// Monday of the week holding `d`.
pub fn week_of(d: Date) -> Date {
    d.plus_days(-i64::from(d.naive().weekday().num_days_from_monday()))
}

/// First day of the month holding `d`.
pub fn month_of(d: Date) -> Date {
    Date::from_ymd(d.naive().year(), d.naive().month(), 1).unwrap_or(d)
}

fn next_month(d: Date) -> Date {
    let n = d.naive();
    let (y, m) = if n.month() == 12 {
        (n.year() + 1, 1)
    } else {
        (n.year(), n.month() + 1)
    };
    Date::from_ymd(y, m, 1).unwrap_or(d)
}

impl Client {
    /// Every time entry of this client, across files, oldest first.
    pub fn time_entries(&self) -> Vec<&TimeEntry> {
        let mut all: Vec<&TimeEntry> = self.time.iter().flat_map(|f| &f.entries).collect();
        all.sort_by_key(|e| e.date);
        all
    }

    /// Where a time-and-materials budget stands on `as_of`; `None` without `budget.yaml`,
    /// for a retainer, or when no cap is known.
    pub fn burn(&self, as_of: Date) -> Option<Burn> {
        let budget = self.budget.as_ref().filter(|b| b.retainer.is_none())?;
        let engagement = self.profile.engagement.as_ref();
        let base_cap = budget
            .cap
            .or_else(|| engagement.and_then(|e| e.contract_value))?;
        let mut raises: Vec<(Date, Money, String)> = self
            .changes
            .iter()
            .filter(|c| c.status == ChangeStatus::Approved && c.impact.cost != Money::ZERO)
            .map(|c| {
                let on = c.decided_on.unwrap_or(c.requested_on);
                (on, c.impact.cost, c.id.clone())
            })
            .collect();
        raises.sort();
        let mut weeks: BTreeMap<Date, (f64, Money)> = BTreeMap::new();
        let (mut spent, mut billable_hours, mut unbilled_hours, mut unpriced_rows) =
            (Money::ZERO, 0.0, 0.0, 0);
        for e in self.time_entries().into_iter().filter(|e| e.date <= as_of) {
            let week = weeks.entry(week_of(e.date)).or_default();
            if !e.billable {
                unbilled_hours += e.hours();
                continue;
            }
            billable_hours += e.hours();
            week.0 += e.hours();
            match budget.price(e) {
                Some(amount) => {
                    spent = spent + amount;
                    week.1 = week.1 + amount;
                }
                None => unpriced_rows += 1,
            }
        }
        let mut cumulative = Money::ZERO;
        let weeks: Vec<BurnWeek> = weeks
            .into_iter()
            .map(|(week, (hours, amount))| {
                cumulative = cumulative + amount;
                BurnWeek {
                    week,
                    hours,
                    spent: amount,
                    cumulative,
                }
            })
            .collect();
        // The last four weeks, or fewer when the engagement is younger than that.
        let this_week = week_of(as_of);
        let recent_from = this_week
            .plus_days(-21)
            .max(engagement.and_then(|e| e.start).map_or(this_week, week_of));
        let recent: Money = weeks
            .iter()
            .filter(|w| w.week >= recent_from)
            .map(|w| w.spent)
            .sum();
        let recent_weeks = (recent_from.days_until(this_week) / 7 + 1).clamp(1, 4);
        let weekly_rate = Money::from_cents(recent.cents() / recent_weeks);
        let forecast = engagement.and_then(|e| e.end).map(|end| {
            let weeks_left = as_of.days_until(end).max(0) as f64 / 7.0;
            let more = (weekly_rate.cents() as f64 * weeks_left).round() as i64;
            spent + Money::from_cents(more)
        });
        Some(Burn {
            base_cap,
            raises,
            spent,
            billable_hours,
            unbilled_hours,
            unpriced_rows,
            weeks,
            weekly_rate,
            forecast,
        })
    }

    /// A retainer's months from the engagement's start up to `as_of`, oldest first.
    pub fn retainer_periods(&self, as_of: Date) -> Vec<RetainerPeriod> {
        let Some(budget) = &self.budget else {
            return Vec::new();
        };
        let Some(r) = &budget.retainer else {
            return Vec::new();
        };
        let Some(start) = self.profile.engagement.as_ref().and_then(|e| e.start) else {
            return Vec::new();
        };
        let entries = self.time_entries();
        let mut periods = Vec::new();
        let mut month = month_of(start);
        let mut rolled_in = 0.0;
        let last = month_of(as_of);
        while month <= last && periods.len() < 1200 {
            let next = next_month(month);
            let used: f64 = entries
                .iter()
                .filter(|e| e.billable && e.date >= month && e.date < next && e.date <= as_of)
                .map(|e| e.hours())
                .sum();
            let available = r.hours + rolled_in;
            let overage = (used - available).max(0.0);
            let rolled_out = (available - used).max(0.0).min(r.rollover.max(0.0));
            let extra = r.overage_rate.map_or(Money::ZERO, |rate| {
                rate.times_seconds((overage * 3600.0) as u64)
            });
            periods.push(RetainerPeriod {
                start: month,
                included: r.hours,
                rolled_in,
                used,
                overage,
                rolled_out,
                billed: r.fee + extra,
            });
            rolled_in = rolled_out;
            month = next;
        }
        periods
    }

    /// Share of milestones done, in percent (`None` without milestones).
    pub fn percent_done(&self) -> Option<f64> {
        let total = self.milestones.len();
        (total > 0).then(|| {
            self.milestones.iter().filter(|m| m.is_done()).count() as f64 * 100.0 / total as f64
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_rates_become_hourly_and_non_billable_costs_nothing() {
        let b: Budget = serde_yaml::from_str(
            "cap: 1000\nrates:\n  lead: { day: 1200 }\n  default: { hour: 100 }\npeople:\n  Ada: lead\n",
        )
        .unwrap();
        assert_eq!(b.hourly_rate(None, "Ada"), Some(Money::from_units(150)));
        assert_eq!(b.hourly_rate(None, "Bob"), Some(Money::from_units(100)));
        let mut e = TimeEntry {
            line: 2,
            date: "2026-11-02".parse().unwrap(),
            seconds: 5400,
            person: "Ada".into(),
            task: "Design".into(),
            role: None,
            note: String::new(),
            billable: true,
            rate: None,
            amount: None,
        };
        assert_eq!(b.price(&e), Some(Money::from_units(225)));
        e.billable = false;
        e.amount = Some(Money::from_units(999));
        assert_eq!(b.price(&e), Some(Money::ZERO));
    }

    #[test]
    fn weeks_start_on_monday() {
        let d: Date = "2026-11-05".parse().unwrap(); // a Thursday
        assert_eq!(week_of(d).to_string(), "2026-11-02");
        assert_eq!(month_of(d).to_string(), "2026-11-01");
        assert_eq!(
            next_month(month_of("2026-12-09".parse().unwrap())).to_string(),
            "2027-01-01"
        );
    }
}
