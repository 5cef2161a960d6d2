//! Views of whole pages: what each template receives as its page data.

use std::sync::OnceLock;

use chrono::Datelike;
use serde::Serialize;

use super::items::{
    ChangeView, DecisionView, KpiView, Ledger, MilestoneView, RaidItemView, Ref, ReportSummary,
    kpi_value,
};
use super::{Status, Views};
use crate::model::{DecisionStatus, Milestone, Standing, TextItem};
use crate::render::markdown;
use crate::render::{charts, format};

impl<'a> Views<'a> {
    /// Milestones not done yet, by date: those to be confirmed have no date to be next or
    /// overdue by, so they are not among them.
    fn dated_not_done(&self) -> Vec<&'a Milestone> {
        let mut not_done: Vec<&Milestone> = self
            .client
            .milestones
            .iter()
            .filter(|m| !m.is_done() && m.forecast().is_some())
            .collect();
        not_done.sort_by_key(|m| (m.forecast(), m.id.clone()));
        not_done
    }

    /// Decisions the client has yet to take, as written.
    fn pending_decisions(&self, root: &'a str) -> Vec<DecisionView> {
        self.client
            .raid
            .decisions
            .iter()
            .filter(|d| d.status == DecisionStatus::Pending)
            .map(|d| self.decision(d, root))
            .collect()
    }

    /// The overview page.
    pub(crate) fn dashboard(&self) -> Dashboard {
        const ROOT: &str = "";
        let c = self.client;
        let not_done = self.dated_not_done();
        let history_from = c.reports.len().saturating_sub(8);
        let pressing = c
            .raid
            .item_lists()
            .into_iter()
            .flat_map(|(_, items)| items.iter())
            .filter(|i| i.is_pressing())
            .map(|i| self.raid_item(i, ROOT))
            .collect();
        let history = &c.reports[history_from..];
        let as_of_year = self.as_of.naive().year();
        Dashboard {
            owed: super::owed(c, self.as_of),
            status: c
                .latest_report(self.as_of)
                .map(|r| self.rating(&r.meta.status, r.meta.withheld_reason.as_ref())),
            rated_by: c
                .latest_report(self.as_of)
                .and_then(|r| r.meta.rated_by.clone()),
            // "31 Mar · 31 Mar · 31 Mar" says nothing for annual reports: the strip's dates
            // carry their year whenever one is not the as-of year.
            history_with_year: history
                .iter()
                .any(|r| r.meta.date.naive().year() != as_of_year),
            history: c.reports[history_from..]
                .iter()
                .map(|r| self.report_summary(r))
                .collect(),
            latest: c.latest_report(self.as_of).map(|r| self.report_summary(r)),
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
            milestones_tbc: c
                .milestones
                .iter()
                .filter(|m| m.is_tbc() && !m.is_done())
                .count(),
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
            pending_decisions: self.pending_decisions(ROOT),
            progress: self.progress(),
            next_review: self.next_review(),
            subscribe: self.subscribe(),
            budget: self.budget_card(),
            service_levels: self.sla_summary(),
        }
    }

    fn subscribe(&self) -> Subscribe {
        let c = self.client;
        // A protected portal publishes no feed, calendar or data file: nothing to link.
        let open = c.profile.access.is_none();
        let calendar = open && (!c.milestones.is_empty() || c.cadence.first_review.is_some());
        let meetings = open && !c.meetings.is_empty();
        let webcal = |file: &str| {
            let base = c.base_url(self.config)?;
            let rest = base
                .strip_prefix("https://")
                .or_else(|| base.strip_prefix("http://"))?;
            Some(format!("webcal://{rest}{file}"))
        };
        Subscribe {
            feed: open && !c.reports.is_empty(),
            calendar,
            webcal: webcal("milestones.ics").filter(|_| calendar),
            calendar_reviews: c.cadence.first_review.is_some()
                && !super::reviews_are_scheduled(&c.meetings),
            meetings,
            meetings_webcal: webcal("meetings.ics").filter(|_| meetings),
        }
    }

    fn progress(&self) -> Option<Progress> {
        let e = self.client.profile.engagement.as_ref()?;
        let (start, end) = (e.start?, e.end?);
        if self.client.closed_on().is_some() {
            return None; // a closed engagement has no week N of M
        }
        let total = start.days_until(end).max(1);
        let elapsed = start.days_until(self.as_of);
        // Past the end a full bar would say "finished"; it says how far past instead.
        let note = if elapsed > total {
            Some(crate::locale::t_args(
                "past-planned-end",
                &[("span", format::duration(end.days_until(self.as_of)).into())],
            ))
        } else if elapsed < 0 {
            Some(crate::locale::t_args(
                "starts-in",
                &[("span", format::duration(-elapsed).into())],
            ))
        } else {
            None
        };
        Some(Progress {
            percent: elapsed.clamp(0, total) * 100 / total,
            position: format::progress_position(elapsed, total),
            note,
        })
    }

    /// The scope page, when `scope.md` exists.
    pub(crate) fn scope(&self) -> Option<ScopeView> {
        const ROOT: &str = "../";
        let scope = self.client.scope.as_ref().filter(|s| !s.is_empty())?;
        let place = self.place_of_file("", ROOT, scope.meta.format);
        let texts = |items: &[TextItem]| -> Vec<String> {
            items
                .iter()
                .map(|t| markdown::inline(&t.text, place))
                .collect()
        };
        Some(ScopeView {
            title: scope
                .meta
                .title
                .clone()
                .unwrap_or_else(|| crate::locale::t("scope-of-work")),
            deliverables: scope
                .meta
                .deliverables
                .iter()
                .map(|d| DeliverableView {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    acceptance_html: d.acceptance.as_ref().map(|t| markdown::inline(t, place)),
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
            body_html: markdown::block(&scope.body, place),
        })
    }

    /// The milestones page.
    pub(crate) fn milestones(&self) -> &MilestonesView {
        self.made.milestones.get_or_init(|| self.make_milestones())
    }

    fn make_milestones(&self) -> MilestonesView {
        const ROOT: &str = "../";
        let c = self.client;
        let engagement = c.profile.engagement.as_ref();
        let dated: Vec<&Milestone> = c.milestones.iter().filter(|m| !m.is_tbc()).collect();
        MilestonesView {
            tbc_count: c.milestones.len() - dated.len(),
            timeline_svg: charts::timeline(
                &dated,
                engagement.and_then(|e| e.start),
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
        // Every report page of a client prints the same status block: made once.
        let block = self
            .made
            .status_block
            .get_or_init(|| self.status_block(ROOT))
            .clone();
        let r = self.client.reports.get(index)?;
        // The feed shows the same text with links from its own place: one parse for both.
        let place = self.place_of_file("reports", ROOT, r.meta.format);
        let mut bodies = markdown::blocks(&r.body, place, &[ROOT, &self.feed_root]).into_iter();
        let body_html = bodies.next().unwrap_or_default();
        if let (Some(slot), Some(feed)) = (self.made.feed_bodies.get(index), bodies.next()) {
            let _ = slot.set(feed);
        }
        self.report_at(index, block, body_html)
    }

    /// The text of report `index` as the feed shows it (links from the feed's place).
    pub(crate) fn feed_body(&self, index: usize) -> String {
        let slot = self.made.feed_bodies.get(index);
        match (slot.and_then(OnceLock::get), self.client.reports.get(index)) {
            (Some(body), _) => body.clone(),
            (None, Some(r)) => markdown::block(
                &r.body,
                self.place_of_file("reports", &self.feed_root, r.meta.format),
            ),
            (None, None) => String::new(),
        }
    }

    /// A report with its text rendered for the page it is on.
    fn report_at(
        &self,
        index: usize,
        status_block: StatusBlock,
        body_html: String,
    ) -> Option<ReportView> {
        let reports = &self.client.reports;
        let r = reports.get(index)?;
        Some(ReportView {
            status_block,
            summary: self.report_summary(r),
            scope: r.meta.scope.as_ref().map(|x| self.rating(x, None)),
            schedule: r.meta.schedule.as_ref().map(|x| self.rating(x, None)),
            budget: r.meta.budget.as_ref().map(|x| self.rating(x, None)),
            body_html,
            previous: index
                .checked_sub(1)
                .and_then(|i| reports.get(i))
                .map(|p| self.report_summary(p)),
            next: reports.get(index + 1).map(|n| self.report_summary(n)),
        })
    }

    /// Where things stand, compactly, for the head of a printed report: a report read on
    /// paper has no overview beside it.
    fn status_block(&self, root: &'a str) -> StatusBlock {
        let c = self.client;
        let not_done = self.dated_not_done();
        StatusBlock {
            overdue: not_done
                .iter()
                .filter(|m| m.is_overdue(self.as_of))
                .take(5)
                .map(|m| self.milestone(m, root))
                .collect(),
            next: not_done
                .iter()
                .find(|m| !m.is_overdue(self.as_of))
                .map(|m| self.milestone(m, root)),
            kpis_off: c
                .kpis
                .iter()
                .filter(|k| {
                    k.latest()
                        .is_some_and(|p| k.standing(p.value) == Some(Standing::OffTarget))
                })
                .map(|k| KpiOff {
                    name: k.name.clone(),
                    latest: k.latest().map(|p| kpi_value(p.value, k, self.currency)),
                    target: k.target.map(|t| kpi_value(t, k, self.currency)),
                })
                .collect(),
            risks: c
                .raid
                .item_lists()
                .into_iter()
                .flat_map(|(_, items)| items.iter())
                .filter(|i| i.is_pressing())
                .take(5)
                .map(|i| self.raid_item(i, root))
                .collect(),
            decisions: self.pending_decisions(root),
        }
    }

    /// The print pack: everything a steering committee reads, on one printable page
    /// (`print/index.html`, one folder down like the section pages, so their views serve).
    pub(crate) fn print_pack(&self) -> PrintPack<'_> {
        const ROOT: &str = "../";
        let c = self.client;
        let latest = c.latest_report(self.as_of);
        PrintPack {
            status: latest.map(|r| self.rating(&r.meta.status, r.meta.withheld_reason.as_ref())),
            owed: super::owed(c, self.as_of),
            status_block: self.status_block(ROOT),
            milestones: (!c.milestones.is_empty()).then(|| self.milestones()),
            kpis: self.kpis(),
            changes: (!c.changes.is_empty()).then(|| self.changes()),
            raid: (!c.raid.is_empty()).then(|| self.raid()),
            report: latest
                .and_then(|r| c.reports.iter().position(|x| std::ptr::eq(x, r)))
                .and_then(|i| {
                    let r = c.reports.get(i)?;
                    let place = self.place_of_file("reports", ROOT, r.meta.format);
                    let body = markdown::block(&r.body, place);
                    self.report_at(i, self.status_block(ROOT), body)
                }),
        }
    }

    /// The KPI page.
    pub(crate) fn kpis(&self) -> &Vec<KpiChart> {
        self.made.kpis.get_or_init(|| self.make_kpis())
    }

    fn make_kpis(&self) -> Vec<KpiChart> {
        const ROOT: &str = "../";
        self.client
            .kpis
            .iter()
            .map(|k| KpiChart {
                kpi: self.kpi(k, ROOT),
                chart_svg: charts::kpi_chart(k, &|v| kpi_value(v, k, self.currency)),
            })
            .collect()
    }

    /// The change log.
    pub(crate) fn changes(&self) -> &ChangesView {
        self.made.changes.get_or_init(|| self.make_changes())
    }

    fn make_changes(&self) -> ChangesView {
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
    pub(crate) fn raid(&self) -> &RaidView {
        self.made.raid.get_or_init(|| self.make_raid())
    }

    fn make_raid(&self) -> RaidView {
        const ROOT: &str = "../";
        let raid = &self.client.raid;
        RaidView {
            sections: raid
                .item_lists()
                .into_iter()
                .filter(|(_, items)| !items.is_empty())
                .map(|(kind, items)| RaidSection {
                    key: kind.key(),
                    heading: crate::locale::t(&format!("raid-{}", kind.key())),
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

/// An id with the title of what it names.

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportView {
    #[serde(flatten)]
    summary: ReportSummary,
    status_block: StatusBlock,
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

/// The print pack's data: the sections that exist, in the order a steering pack reads.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PrintPack<'v> {
    status: Option<Status>,
    owed: Vec<crate::render::data::Owed>,
    status_block: StatusBlock,
    milestones: Option<&'v MilestonesView>,
    kpis: &'v [KpiChart],
    changes: Option<&'v ChangesView>,
    raid: Option<&'v RaidView>,
    report: Option<ReportView>,
}

/// Views a client's section pages and its print pack both show, made once: the pack
/// repeats them with the same links (both pages sit one folder down), and making them
/// twice (every KPI chart among them) showed in profiles.
#[derive(Debug)]
pub(crate) struct Made {
    /// The status block every report page prints (see [`Views::report`]).
    status_block: OnceLock<StatusBlock>,
    milestones: OnceLock<MilestonesView>,
    kpis: OnceLock<Vec<KpiChart>>,
    changes: OnceLock<ChangesView>,
    raid: OnceLock<RaidView>,
    /// Each report's text as the feed shows it, made with its page (see [`Views::report`]).
    feed_bodies: Vec<OnceLock<String>>,
}

impl Made {
    pub(super) fn new(reports: usize) -> Made {
        Made {
            status_block: OnceLock::new(),
            milestones: OnceLock::new(),
            kpis: OnceLock::new(),
            changes: OnceLock::new(),
            raid: OnceLock::new(),
            feed_bodies: (0..reports).map(|_| OnceLock::new()).collect(),
        }
    }
}

/// A measure off its target, as the status block names it: no chart, no history (a report
/// page printed its full view, sparkline and every point, for three words).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct KpiOff {
    name: String,
    latest: Option<String>,
    target: Option<String>,
}

/// The compact status printed at the head of a report (as of the portal's date).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatusBlock {
    overdue: Vec<MilestoneView>,
    next: Option<MilestoneView>,
    kpis_off: Vec<KpiOff>,
    risks: Vec<RaidItemView>,
    decisions: Vec<DecisionView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct KpiChart {
    #[serde(flatten)]
    kpi: KpiView,
    chart_svg: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChangesView {
    ledger: Option<Ledger>,
    items: Vec<ChangeView>,
}

#[derive(Debug, Clone, Serialize)]
struct RaidSection {
    key: &'static str,
    heading: String,
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
    /// `Week 3 of 8`, `Month 38 of 60`, `Year 12 of 68`: while the engagement runs.
    position: Option<String>,
    /// Before the start or after the planned end, instead of a bar: `Starts in 9 days`,
    /// `6 years past the planned end`.
    note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Dashboard {
    /// "Waiting for you": what the client owes, oldest first.
    owed: Vec<crate::render::data::Owed>,
    status: Option<Status>,
    history_with_year: bool,
    rated_by: Option<String>,
    history: Vec<ReportSummary>,
    latest: Option<ReportSummary>,
    overdue: Vec<MilestoneView>,
    upcoming: Vec<MilestoneView>,
    milestones_done: usize,
    milestones_tbc: usize,
    milestones_total: usize,
    kpis: Vec<KpiView>,
    open_changes: Vec<ChangeView>,
    ledger: Option<Ledger>,
    pressing: Vec<RaidItemView>,
    pending_decisions: Vec<DecisionView>,
    progress: Option<Progress>,
    next_review: Option<super::meetings::NextReview>,
    subscribe: Subscribe,
    budget: Option<super::budget::BudgetCard>,
    service_levels: Option<Vec<String>>,
}

/// Ways to follow the portal without visiting it.
#[derive(Debug, Clone, Serialize)]
struct Subscribe {
    /// `feed.xml`, when there are reports.
    feed: bool,
    /// `milestones.ics`, when there are milestones or reviews.
    calendar: bool,
    /// The calendar's `webcal://` address, when the portal's address is known.
    webcal: Option<String>,
    /// `milestones.ics` lists the cadence's reviews (none are scheduled as meetings).
    calendar_reviews: bool,
    /// `meetings.ics`, when there are meetings.
    meetings: bool,
    /// Its `webcal://` address, when the portal's address is known.
    meetings_webcal: Option<String>,
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
    /// Milestones to be confirmed, listed but left off the timeline.
    tbc_count: usize,
    items: Vec<MilestoneView>,
}
