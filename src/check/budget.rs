//! Rules over what the client pays for: time exports, the budget, invoices, service levels.
//!
//! One note per time file says how many rows were used and ignored, so no row is dropped
//! silently. The warnings are what a client would ask about: hours outside the engagement,
//! spending past the cap or ahead of progress, an invoice overdue, a breach unexplained.

use super::ClientCheck;
use crate::diagnostic::Code;
use crate::model::{Date, InvoiceStatus, Money};
use crate::yaml_path;

impl ClientCheck<'_> {
    pub(super) fn budget(&mut self, today: Date) {
        self.budget_shape();
        self.time_rows();
        self.cap_and_burn(today);
        self.invoices(today);
        self.service_levels();
    }

    /// Rates say an hour or a day, not both, and a retainer is not also capped.
    fn budget_shape(&mut self) {
        let Some(b) = &self.client.budget else {
            return;
        };
        let file = self.file("budget.yaml");
        for (role, rate) in &b.rates {
            if rate.hour.is_some() == rate.day.is_some() {
                self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path!["rates", role.as_str()],
                    format!(
                        "the rate of \"{role}\" needs either `hour` or `day`, not both or neither"
                    ),
                    Some("write e.g. `lead: { day: 1400 }` or `analyst: { hour: 120 }`".into()),
                );
            }
        }
        if b.hours_per_day <= 0.0 || b.hours_per_day > 24.0 {
            self.at(
                Code::InvalidValue,
                &file,
                yaml_path!["hours_per_day"],
                format!("hours_per_day is {}, not a working day", b.hours_per_day),
                Some("a working day is usually 7.5 or 8 hours".into()),
            );
        }
        if let Some(r) = &b.retainer {
            if b.cap.is_some() {
                self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path!["cap"],
                    "a retainer has no cap: it bills a fee per month and its overage".into(),
                    Some("remove `cap`, or `retainer` for time and materials".into()),
                );
            }
            if r.hours.is_nan() || r.hours <= 0.0 || r.rollover < 0.0 {
                self.at(
                    Code::InvalidValue,
                    &file,
                    yaml_path!["retainer", "hours"],
                    "a retainer needs a positive number of hours per month and a rollover of 0 or more".into(),
                    None,
                );
            }
        }
    }

    fn time_rows(&mut self) {
        let c = self.client;
        let engagement = c.profile.engagement.as_ref();
        for file in &c.time {
            let path = self.file(&file.path);
            let used = file.entries.len();
            let mut message = format!(
                "{used} row{} of this {} used, {} ignored",
                if used == 1 { "" } else { "s" },
                file.format.label(),
                file.ignored
            );
            if !file.ignored_names.is_empty() {
                message.push_str(&format!(
                    " (not this client's: {})",
                    file.ignored_names.join(", ")
                ));
            }
            let mut note = self
                .sources
                .error_at_offset(Code::TimeRows, &path, 0, 0, message);
            note.span = None;
            note.source = None;
            self.out.push(note.note());
            let offset_of =
                |line: usize| self.sources.get(&path).map_or(0, |s| s.offset_of(line, 0));
            for e in &file.entries {
                let outside = engagement.and_then(|en| {
                    if let Some(start) = en.start.filter(|start| e.date < *start) {
                        Some(format!("before the engagement starts on {start}"))
                    } else {
                        en.end
                            .filter(|end| e.date > *end)
                            .map(|end| format!("after the engagement ends on {end}"))
                    }
                });
                if let Some(when) = outside {
                    let d = self.sources.error_at_offset(
                        Code::TimeOutsideEngagement,
                        &path,
                        offset_of(e.line),
                        0,
                        format!(
                            "{} hours on {} are dated {when}",
                            fmt_hours(e.hours()),
                            e.date
                        ),
                    );
                    self.out.push(d.warning().with_hint(
                        "check the export's date range, or the engagement's dates in client.yaml",
                    ));
                }
                if let Some(b) = c.budget.as_ref().filter(|b| b.retainer.is_none()) {
                    if b.price(e).is_none() {
                        let d = self.sources.error_at_offset(
                            Code::TimeUnpriced,
                            &path,
                            offset_of(e.line),
                            0,
                            format!(
                                "{} billable hours of task \"{}\" have no rate",
                                fmt_hours(e.hours()),
                                e.task
                            ),
                        );
                        self.out.push(d.warning().with_hint(
                            "add the role to budget.yaml's rates, the person to its people, or a `default` rate",
                        ));
                    }
                }
            }
        }
    }

    fn cap_and_burn(&mut self, today: Date) {
        let c = self.client;
        let Some(burn) = c.burn(today) else {
            return;
        };
        let Some(b) = &c.budget else { return };
        let file = self.file("budget.yaml");
        let cap_path = if b.cap.is_some() {
            yaml_path!["cap"]
        } else {
            yaml_path![]
        };
        if burn.spent > burn.cap() {
            self.at_warning(
                Code::CapExceeded,
                &file,
                cap_path.clone(),
                format!(
                    "time billed so far ({}) exceeds the cap with approved changes ({})",
                    burn.spent.grouped(),
                    burn.cap().grouped()
                ),
                "agree a change request that raises the cap before more time is billed",
            );
        }
        let invoiced: Money = c
            .invoices
            .iter()
            .filter(|i| i.status != InvoiceStatus::Draft)
            .map(|i| i.amount)
            .sum();
        if invoiced > burn.cap() {
            self.at_warning(
                Code::CapExceeded,
                &self.file("invoices.yaml"),
                yaml_path![],
                format!(
                    "invoices total {}, more than the cap with approved changes ({})",
                    invoiced.grouped(),
                    burn.cap().grouped()
                ),
                "invoice only what the cap and approved changes allow",
            );
        }
        if let Some(done) = c.percent_done() {
            let spent = burn.percent_spent();
            if spent - done > f64::from(b.burn_margin) {
                self.at_warning(
                    Code::BurnAheadOfProgress,
                    &file,
                    cap_path,
                    format!(
                        "{}% of the budget is spent but only {}% of milestones are done",
                        spent.round(),
                        done.round()
                    ),
                    "tell the client in the next report, with what will bring spending back in line",
                );
            }
        }
    }

    fn invoices(&mut self, today: Date) {
        let file = self.file("invoices.yaml");
        for (i, inv) in self.client.invoices.iter().enumerate() {
            if inv.status == InvoiceStatus::Paid && inv.paid_on.is_none() {
                self.at(
                    Code::MissingKey,
                    &file,
                    yaml_path![i, "status"],
                    format!("invoice {} is paid but has no paid_on date", inv.number),
                    Some("add `paid_on: YYYY-MM-DD`".into()),
                );
            }
            if inv.due < inv.date {
                self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path![i, "due"],
                    format!(
                        "invoice {} is due on {} before it was issued on {}",
                        inv.number, inv.due, inv.date
                    ),
                    None,
                );
            }
            if inv.is_overdue(today) {
                self.at_warning(
                    Code::InvoiceOverdue,
                    &file,
                    yaml_path![i, "due"],
                    format!(
                        "invoice {} was due on {} and is not paid ({} days overdue)",
                        inv.number,
                        inv.due,
                        inv.due.days_until(today)
                    ),
                    "the client sees it marked overdue; send a reminder, or record the payment",
                );
            }
        }
    }

    fn service_levels(&mut self) {
        let file = self.file("sla.yaml");
        for (i, level) in self.client.service_levels.iter().enumerate() {
            if !(0.0..=100.0).contains(&level.target) {
                self.at(
                    Code::InvalidValue,
                    &file,
                    yaml_path![i, "target"],
                    format!("target {} is not a percentage", level.target),
                    None,
                );
            }
            for (j, p) in level.periods.iter().enumerate() {
                for (k, breach) in p.breaches.iter().enumerate() {
                    if breach.cause.is_none() || breach.remedy.is_none() {
                        let missing = match (&breach.cause, &breach.remedy) {
                            (None, None) => "cause or remedy",
                            (None, Some(_)) => "cause",
                            _ => "remedy",
                        };
                        self.at_warning(
                            Code::SlaBreachUnexplained,
                            &file,
                            yaml_path![i, "periods", j, "breaches", k],
                            format!(
                                "the breach of \"{}\" on {} has no {missing}",
                                level.name, breach.on
                            ),
                            "say why it happened and what was done, so the client reads more than a number",
                        );
                    }
                }
            }
        }
    }

    fn at_warning(
        &mut self,
        code: Code,
        file: &str,
        path: Vec<crate::source::Seg>,
        message: String,
        hint: &str,
    ) {
        let d = self.sources.error_at_yaml(code, file, &path, message);
        self.out.push(d.warning().with_hint(hint));
    }
}

/// `1.5`, `2`: hours without trailing zeros.
fn fmt_hours(h: f64) -> String {
    crate::render::format::number(h)
}
