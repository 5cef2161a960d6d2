//! Warnings: consultant practice, not data integrity.
//!
//! Nothing here stops a build. Each rule flags something a client would rightly ask about:
//! a report that is late, a milestone quietly past its date, a decision left hanging, a
//! green status that the facts do not support. They are judged against `today`: the
//! `--as-of` date, `as_of` in `portico.yaml`, or the real date.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::ClientCheck;
use crate::diagnostic::Code;
use crate::model::{
    AcceptanceDecision, ChangeStatus, Date, Milestone, Money, Rag, Report, is_action_heading,
};
use crate::yaml_path;

/// Days a proposed change may wait for a decision before it is flagged.
const UNDECIDED_CHANGE_DAYS: i64 = 14;

impl ClientCheck<'_> {
    pub(super) fn practice(&mut self, today: Date) {
        self.future_reports(today);
        // A closed engagement is judged as of its close: nothing falls late after it.
        let today = self.client.judged_on(today);
        self.stale_report(today);
        self.overdue_milestones(today);
        self.overdue_acceptances(today);
        self.green_but_late(today);
        self.stale_kpis(today);
        self.stale_raid(today);
        self.undecided_changes(today);
        self.past_contract();
        self.reports_without_actions();
    }

    fn report_file(&self, r: &Report) -> String {
        self.file(&format!("reports/{}.md", r.slug))
    }

    /// A report dated after the as-of date: usually a typo in the date, or a report written
    /// ahead. Pages state facts as of `today`, so it is not the latest report yet.
    fn future_reports(&mut self, today: Date) {
        for r in self.client.reports.iter().filter(|r| r.meta.date > today) {
            let d = self.sources.error_at_yaml(
                Code::FutureReport,
                &self.report_file(r),
                &yaml_path!["date"],
                format!(
                    "this report is dated {}, after the date the portal states its facts as of ({today}); it is not shown as the latest report",
                    r.meta.date
                ),
            );
            self.out.push(d.warning().with_hint(
                "correct the date; the as-of date is the build date unless --as-of, as_of: in portico.yaml or SOURCE_DATE_EPOCH sets it",
            ));
        }
    }

    fn stale_report(&mut self, today: Date) {
        let c = self.client;
        let Some(days) = c.cadence.report_days else {
            return;
        };
        // A paused engagement expects no reports until it resumes.
        if c.is_paused() {
            return;
        }
        let engagement = c.profile.engagement.as_ref();
        if engagement.and_then(|e| e.start).is_some_and(|s| s > today) {
            return;
        }
        let latest = c.latest_report(today);
        if let (Some(r), Some(end)) = (latest, engagement.and_then(|e| e.end)) {
            if r.meta.date >= end {
                return; // the closing report is written
            }
        }
        let since = latest
            .map(|r| r.meta.date)
            .or_else(|| engagement.and_then(|e| e.start));
        let Some(since) = since else { return };
        let gap = since.days_until(today);
        if gap <= i64::from(days) {
            return;
        }
        let message = match latest {
            Some(r) => format!(
                "no status report for {gap} days (the last is dated {}); the agreed cadence is every {days} days",
                r.meta.date
            ),
            None => format!(
                "no status report yet, {gap} days into the engagement; the agreed cadence is every {days} days"
            ),
        };
        let hint = format!("write reports/{today}.md: bad news travels best early");
        let d = match latest {
            Some(r) => self.sources.error_at_yaml(
                Code::StaleReport,
                &self.report_file(r),
                &yaml_path!["date"],
                message,
            ),
            None => self.sources.error_at_yaml(
                Code::StaleReport,
                &self.file("client.yaml"),
                &yaml_path!["cadence", "report_days"],
                message,
            ),
        };
        self.out.push(d.warning().with_hint(hint));
    }

    fn overdue_milestones(&mut self, today: Date) {
        let file = self.file("milestones.yaml");
        for (i, m) in self.client.milestones.iter().enumerate() {
            let Some(due) = m.forecast().filter(|_| m.is_overdue(today)) else {
                continue;
            };
            let key = if m.forecast_due.is_some() {
                "forecast_due"
            } else {
                "baseline_due"
            };
            if let Some(updated) = m.updated_on.filter(|_| m.is_stale(today)) {
                let d = self.sources.error_at_yaml(
                    Code::StaleItem,
                    &file,
                    &yaml_path![i, "updated_on"],
                    format!(
                        "milestone \"{}\" was due {due}, but its record was last updated on {updated}: nobody has said where it stands since",
                        m.id
                    ),
                );
                self.out.push(d.warning().with_hint(
                    "bring it up to date: mark it done with done_on, or give a new forecast_due, and set updated_on",
                ));
                continue;
            }
            let late = due.days_until(today);
            let d = self.sources.error_at_yaml(
                Code::MilestoneOverdue,
                &file,
                &yaml_path![i, key],
                format!(
                    "milestone \"{}\" was due {due} and is not done ({late} days overdue)",
                    m.id,
                ),
            );
            self.out.push(d.warning().with_hint(
                "mark it done with done_on, or agree a new forecast_due with the client and say so in the next report",
            ));
        }
    }

    fn overdue_acceptances(&mut self, today: Date) {
        let file = self.file("milestones.yaml");
        let terms = self.client.acceptance_terms();
        let allowed = terms.days;
        for (i, m) in self.client.milestones.iter().enumerate() {
            let Some(a) = m.acceptance.current() else {
                continue;
            };
            let waited = a.submitted_on.days_until(today);
            let due = self.client.accept_by(a.submitted_on);
            if a.decision != AcceptanceDecision::Pending || today <= due {
                continue;
            }
            let message = match (terms.business_days, terms.deemed) {
                (false, _) => format!(
                    "milestone \"{}\" has waited {waited} days for acceptance; the agreed review period is {allowed} days",
                    m.id
                ),
                (true, false) => format!(
                    "milestone \"{}\" has waited {waited} days for acceptance; the answer was due by {due} ({allowed} business days)",
                    m.id
                ),
                (true, true) => format!(
                    "milestone \"{}\" was not answered by {due} ({allowed} business days) and counts as accepted under the contract",
                    m.id
                ),
            };
            let d = self.sources.error_at_yaml(
                Code::AcceptanceOverdue,
                &file,
                &match m.acceptance.index_in_file(m.acceptance.rounds.len() - 1) {
                    Some(round) => yaml_path![i, "acceptance", round, "decision"],
                    None => yaml_path![i, "acceptance", "decision"],
                },
                message,
            );
            self.out.push(d.warning().with_hint(
                "ask the approver for a decision, and record it under acceptance (decision, by, on)",
            ));
        }
    }

    /// The latest report says green although, on its own date, a milestone was overdue or
    /// a high or critical risk or issue was open.
    fn green_but_late(&mut self, today: Date) {
        let c = self.client;
        let Some(r) = c.latest_report(today) else {
            return;
        };
        if c.ratings.counts_as(&r.meta.status) != Some(Rag::Green) {
            return;
        }
        let on = r.meta.date;
        let late: Option<&Milestone> = c.milestones.iter().find(|m| m.is_overdue(on));
        let risk = c
            .raid
            .item_lists()
            .into_iter()
            .flat_map(|(_, items)| items.iter())
            .find(|i| i.is_pressing() && i.raised_on.is_none_or(|d| d <= on));
        let reason = match (late, risk) {
            (Some(m), _) => format!("milestone \"{}\" was overdue on {on}", m.id),
            (None, Some(i)) => format!("\"{}\" ({}) was open and serious on {on}", i.id, i.title),
            (None, None) => return,
        };
        let d = self.sources.error_at_yaml(
            Code::GreenButLate,
            &self.report_file(r),
            &yaml_path!["status"],
            format!("the latest report is green, but {reason}"),
        );
        self.out.push(
            d.warning()
                .with_hint("say amber or red, or explain in the summary why the status holds"),
        );
    }

    fn stale_kpis(&mut self, today: Date) {
        let c = self.client;
        let file = self.file("kpis.yaml");
        let started = c.profile.engagement.as_ref().and_then(|e| e.start);
        for (i, k) in c.kpis.iter().enumerate() {
            let Some(period) = k.period_days else {
                continue;
            };
            let since = k.latest().map(|p| p.on).or(started);
            let Some(since) = since else { continue };
            let gap = since.days_until(today);
            if gap <= i64::from(period) {
                continue;
            }
            let message = match k.latest() {
                Some(p) => format!(
                    "KPI \"{}\" was last measured on {} ({gap} days ago); it is measured every {period} days",
                    k.id, p.on
                ),
                None => format!(
                    "KPI \"{}\" has no measurement yet; it is measured every {period} days",
                    k.id
                ),
            };
            let d = self.sources.error_at_yaml(
                Code::StaleKpi,
                &file,
                &yaml_path![i, "points"],
                message,
            );
            self.out.push(
                d.warning().with_hint(
                    "add this period's point, or say in the next report why it is missing",
                ),
            );
        }
    }

    /// Open RAID entries past their due date whose record predates it.
    fn stale_raid(&mut self, today: Date) {
        let file = self.file("raid.yaml");
        for (list, items) in self.client.raid.item_lists() {
            for (i, item) in items.iter().enumerate() {
                let (Some(due), Some(updated)) = (item.due_on, item.updated_on) else {
                    continue;
                };
                if !item.is_stale(today) {
                    continue;
                }
                let d = self.sources.error_at_yaml(
                    Code::StaleItem,
                    &file,
                    &yaml_path![list.key(), i, "updated_on"],
                    format!(
                        "\"{}\" was due {due}, but its record was last updated on {updated}: nobody has said where it stands since",
                        item.id
                    ),
                );
                self.out.push(d.warning().with_hint(
                    "bring it up to date: close it, or give a new due_on, and set updated_on",
                ));
            }
        }
    }

    fn undecided_changes(&mut self, today: Date) {
        let file = self.file("changes.yaml");
        for (i, cr) in self.client.changes.iter().enumerate() {
            let waited = cr.requested_on.days_until(today);
            let due = cr
                .decide_by
                .unwrap_or_else(|| cr.requested_on.plus_days(UNDECIDED_CHANGE_DAYS));
            if cr.status != ChangeStatus::Proposed || today <= due {
                continue;
            }
            let d = self.sources.error_at_yaml(
                Code::ChangeUndecided,
                &file,
                &yaml_path![i, "status"],
                format!(
                    "change request \"{}\" has waited {waited} days for a decision",
                    cr.id
                ),
            );
            self.out.push(d.warning().with_hint(
                "scope creep stays visible only while it is decided: approve, reject or withdraw it",
            ));
        }
    }

    /// Approved changes that move a milestone past the contract's end, or whose costs
    /// exceed the change budget agreed in `client.yaml`.
    fn past_contract(&mut self) {
        let c = self.client;
        let Some(e) = &c.profile.engagement else {
            return;
        };
        let file = self.file("changes.yaml");
        let mut approved_cost = Money::ZERO;
        for (i, cr) in c.changes.iter().enumerate() {
            if cr.status != ChangeStatus::Approved {
                continue;
            }
            approved_cost = approved_cost + cr.impact.cost;
            let Some(end) = e.end else { continue };
            // Each change is named with its own move, not the milestone's final date.
            for (id, to) in &cr.moves {
                let Some(m) = c.milestone(id) else { continue };
                if m.is_done() || *to <= end {
                    continue;
                }
                let d = self.sources.error_at_yaml(
                    Code::PastContract,
                    &file,
                    &yaml_path![i, "moves", id.as_str()],
                    format!(
                        "approved change \"{}\" moves milestone \"{id}\" to {to}, after the contract ends on {end}",
                        cr.id
                    ),
                );
                self.out.push(d.warning().with_hint(
                    "agree an extension and update engagement.end, or bring the milestone back inside the contract",
                ));
            }
        }
        if let Some(budget) = e.change_budget.filter(|b| approved_cost > *b) {
            let d = self.sources.error_at_yaml(
                Code::PastContract,
                &self.file("client.yaml"),
                &yaml_path!["engagement", "change_budget"],
                format!(
                    "approved changes cost {} in all, more than the change budget of {}",
                    approved_cost.grouped(),
                    budget.grouped()
                ),
            );
            self.out.push(
                d.warning()
                    .with_hint("agree a larger budget with the client, or a contract variation"),
            );
        }
    }

    fn reports_without_actions(&mut self) {
        for r in &self.client.reports {
            // Only a rating that counts as amber or red asks for actions: an unassessed or
            // withheld status says nothing either way.
            let colour = self.client.ratings.counts_as(&r.meta.status);
            if !matches!(colour, Some(Rag::Amber | Rag::Red)) || states_actions(&r.body) {
                continue;
            }
            let d = self.sources.error_at_yaml(
                Code::NoActions,
                &self.report_file(r),
                &yaml_path!["status"],
                format!("this {} report states no actions", r.meta.status.as_str()),
            );
            self.out.push(d.warning().with_hint(
                "add an \"Actions\" (or \"Next steps\", \"Recovery plan\") section: what will be done, by whom, by when",
            ));
        }
    }
}

/// True when a report body has a heading about actions, or a task list.
fn states_actions(body: &str) -> bool {
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(body, Options::ENABLE_TASKLISTS) {
        match event {
            Event::TaskListMarker(_) => return true,
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let finished = heading.take();
                if finished.is_some_and(|h| is_action_heading(&h)) {
                    return true;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::states_actions;

    #[test]
    fn recognises_action_sections_and_task_lists() {
        assert!(states_actions(
            "## Progress\n\nx\n\n## Actions\n\n1. Call Jo\n"
        ));
        assert!(states_actions("### Recovery plan\n"));
        assert!(states_actions("## Next steps for **you**\n"));
        assert!(states_actions("- [ ] book the room\n"));
        assert!(!states_actions("## Progress\n\nWe act fast.\n"));
        assert!(!states_actions(""));
    }
}
