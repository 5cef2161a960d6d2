//! "Waiting for you": everything the client owes, oldest first, each with its due date and
//! what happens if it is missed. The overview's first card and a section of `portal.json`
//! both come from here, so the page and the data never disagree.

use crate::locale;
use crate::model::{AcceptanceDecision, Client, Date, DecisionStatus, RaidKind};
use crate::render::data::{Owed, OwedKind};

/// Days a client has to decide on a change request before it is late; the same period
/// `check` uses for `change-undecided`.
pub(crate) const CHANGE_DECISION_DAYS: i64 = 14;

/// How far ahead a client-owned dependency counts as due.
const DUE_SOON_DAYS: i64 = 14;

/// Everything `client` (already stripped of internal items) owes as of `as_of`, oldest due
/// date first; items without a due date last.
pub(crate) fn owed(client: &Client, as_of: Date) -> Vec<Owed> {
    let mut out = Vec::new();
    let mut push = |kind: OwedKind,
                    id: &str,
                    title: &str,
                    owner: Option<&String>,
                    due: Option<Date>,
                    if_late: String,
                    href: &str| {
        out.push(Owed {
            kind,
            label: kind.label(),
            id: id.to_owned(),
            title: title.to_owned(),
            owner: owner.cloned(),
            due,
            days_overdue: due.map_or(0, |d| d.days_until(as_of).max(0)),
            // The page ends the sentence itself.
            if_late: if_late.trim_end().trim_end_matches('.').to_owned(),
            href: href.to_owned(),
        });
    };
    for m in &client.milestones {
        let Some(a) = m
            .acceptance
            .current()
            .filter(|a| a.decision == AcceptanceDecision::Pending)
        else {
            continue;
        };
        let due = client.accept_by(a.submitted_on);
        let deemed = client.acceptance_terms().deemed;
        if deemed && due < as_of {
            continue; // accepted by the contract's terms: nothing is owed any more
        }
        let if_late = if deemed {
            locale::t_args(
                "owed-deemed",
                &[
                    ("id", m.id.as_str().into()),
                    ("date", crate::render::format::short_date(due).into()),
                ],
            )
        } else {
            locale::t_args("owed-signoff-late", &[("id", m.id.as_str().into())])
        };
        push(
            OwedKind::SignOff,
            &m.id,
            &m.title,
            None,
            Some(due),
            if_late,
            "milestones/index.html",
        );
    }
    for d in &client.raid.decisions {
        let theirs = d.owner.as_deref().is_none_or(|o| client.is_client_side(o));
        if d.status != DecisionStatus::Pending || !theirs {
            continue;
        }
        let if_late = d
            .if_late
            .clone()
            .unwrap_or_else(|| locale::t("owed-decision-late"));
        push(
            OwedKind::Decision,
            &d.id,
            &d.title,
            d.owner.as_ref(),
            d.due_on,
            if_late,
            "raid/index.html",
        );
    }
    for c in client.changes.iter().filter(|c| c.is_open()) {
        let due = c
            .decide_by
            .unwrap_or_else(|| c.requested_on.plus_days(CHANGE_DECISION_DAYS));
        let if_late = c.if_late.clone().unwrap_or_else(|| {
            if c.affects.milestones.is_empty() {
                locale::t("owed-change-late")
            } else {
                locale::t_args(
                    "owed-change-late-milestones",
                    &[
                        ("ids", c.affects.milestones.join(", ").into()),
                        ("n", c.affects.milestones.len().into()),
                    ],
                )
            }
        });
        push(
            OwedKind::ChangeRequest,
            &c.id,
            &c.title,
            None,
            Some(due),
            if_late,
            "changes/index.html",
        );
    }
    for (kind, items) in client.raid.item_lists() {
        for i in items {
            let theirs = i.owner.as_deref().is_some_and(|o| client.is_client_side(o));
            let due_soon = i
                .due_on
                .is_some_and(|d| d <= as_of.plus_days(DUE_SOON_DAYS));
            if !i.is_open() || !theirs || !due_soon {
                continue;
            }
            let if_late = i.if_late.clone().unwrap_or_else(|| match kind {
                RaidKind::Dependency => locale::t("owed-dependency-late"),
                RaidKind::Risk => locale::t("owed-risk-late"),
                RaidKind::Issue => locale::t("owed-issue-late"),
                RaidKind::Assumption => locale::t("owed-assumption-late"),
            });
            push(
                kind.into(),
                &i.id,
                &i.title,
                i.owner.as_ref(),
                i.due_on,
                if_late,
                "raid/index.html",
            );
        }
    }
    let anchors = super::meeting_anchors(&client.meetings);
    for (m, anchor) in client.meetings.iter().zip(anchors) {
        for a in &m.actions {
            let theirs = a.owner.as_deref().is_some_and(|o| client.is_client_side(o));
            let due_soon = a.due.is_some_and(|d| d <= as_of.plus_days(DUE_SOON_DAYS));
            if a.done_on.is_some() || !theirs || !due_soon {
                continue;
            }
            let if_late = a
                .if_late
                .clone()
                .unwrap_or_else(|| locale::t("owed-dependency-late"));
            push(
                OwedKind::Action,
                &m.title,
                &a.what,
                a.owner.as_ref(),
                a.due,
                if_late,
                &format!("meetings/index.html#{anchor}"),
            );
        }
    }
    out.sort_by(|a, b| {
        (a.due.is_none(), a.due, a.kind, &a.id).cmp(&(b.due.is_none(), b.due, b.kind, &b.id))
    });
    out
}
