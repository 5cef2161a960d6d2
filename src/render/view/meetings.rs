//! The meetings page, the overview's next steering review, and what meeting actions the
//! client owes.

use serde::Serialize;

use super::Views;
use crate::model::{Date, Meeting, MeetingKind};
use crate::render::markdown;

/// The meetings page: what is planned, soonest first, then what took place, latest first.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MeetingsView {
    upcoming: Vec<MeetingView>,
    past: Vec<MeetingView>,
    /// `meetings.ics` is published beside the page (not for a protected portal).
    calendar: bool,
}

#[derive(Debug, Clone, Serialize)]
struct MeetingView {
    /// Fragment id, unique on the page: `meeting-2026-11-24`, then `-2`, `-3`.
    anchor: String,
    date: Date,
    /// `14:00–15:30 (Europe/Amsterdam)`, when a time is set.
    time: Option<String>,
    title: String,
    kind: String,
    place: Option<String>,
    attendees: Vec<String>,
    agenda: Vec<String>,
    minutes_html: Option<String>,
    /// Minutes not yet agreed, shown only in a preview.
    minutes_draft: bool,
    /// Took place, and no minutes are published (yet).
    minutes_pending: bool,
    decisions: Vec<DecisionRef>,
    actions: Vec<ActionView>,
}

#[derive(Debug, Clone, Serialize)]
struct DecisionRef {
    id: String,
    title: String,
}

#[derive(Debug, Clone, Serialize)]
struct ActionView {
    what: String,
    owner: Option<String>,
    due: Option<Date>,
    done_on: Option<Date>,
    /// Days past due and not done, as of the portal's date; 0 otherwise.
    days_overdue: i64,
}

/// The overview's next steering review: the next one scheduled in meetings.yaml, else the
/// cadence's next date, said to be only planned.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NextReview {
    date: Date,
    time: Option<String>,
    /// The meeting's title, when it is scheduled.
    title: Option<String>,
    /// Link to it on the meetings page, from the portal's root.
    href: Option<String>,
    /// `every 4 weeks`, when the date comes from the cadence.
    planned_every: Option<String>,
}

/// Start and end time with the zone, as the meeting states them.
fn time_of(m: &Meeting, zone: Option<&str>) -> Option<String> {
    let start = m.time?;
    let zone = zone.map(|z| format!(" ({})", z.replace('_', " ")));
    Some(match m.ends {
        Some(end) => format!("{start}–{end}{}", zone.unwrap_or_default()),
        None => format!("{start}{}", zone.unwrap_or_default()),
    })
}

/// A cadence in days, in words: `every 4 weeks`, `every 10 days`.
fn every(days: u32) -> String {
    use crate::locale::{Arg, t_args};
    let weeks = days % 7 == 0;
    let (key, n) = if weeks {
        ("every-weeks", days / 7)
    } else {
        ("every-days", days)
    };
    t_args(key, &[("n", Arg::Number(f64::from(n)))])
}

/// Fragment ids for `meetings` in file order, unique even for two meetings on one day.
pub(crate) fn anchors(meetings: &[Meeting]) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<Date, usize> = Default::default();
    meetings
        .iter()
        .map(|m| {
            let n = seen.entry(m.date).or_default();
            *n += 1;
            match *n {
                1 => format!("meeting-{}", m.date),
                n => format!("meeting-{}-{n}", m.date),
            }
        })
        .collect()
}

impl Views<'_> {
    fn zone_of(&self, m: &Meeting) -> Option<&'static str> {
        m.time_zone
            .or(self.client.profile.time_zone)
            .map(|z| z.name())
    }

    pub(crate) fn meetings(&self) -> MeetingsView {
        const ROOT: &str = "../";
        let c = self.client;
        let anchors = anchors(&c.meetings);
        let mut upcoming = Vec::new();
        let mut past = Vec::new();
        for (m, anchor) in c.meetings.iter().zip(anchors) {
            let minutes_html = match (&m.minutes, &m.minutes_from_file) {
                (Some(text), _) => Some(markdown::block(text, self.place("", ROOT))),
                (None, Some(text)) => Some(markdown::block(text, self.place("meetings", ROOT))),
                (None, None) => None,
            }
            .filter(|_| m.minutes_text().is_some());
            let view = MeetingView {
                anchor,
                date: m.date,
                time: time_of(m, self.zone_of(m)),
                title: m.title.clone(),
                kind: crate::locale::label(m.kind.label()),
                place: m.place.clone(),
                attendees: m.attendees.clone(),
                agenda: m.agenda.clone(),
                minutes_draft: m.minutes_draft && minutes_html.is_some(),
                minutes_pending: m.date < self.as_of && minutes_html.is_none(),
                minutes_html,
                decisions: m
                    .decisions
                    .iter()
                    .filter_map(|id| c.raid.decisions.iter().find(|d| &d.id == id))
                    .map(|d| DecisionRef {
                        id: d.id.clone(),
                        title: d.title.clone(),
                    })
                    .collect(),
                actions: m
                    .actions
                    .iter()
                    .map(|a| ActionView {
                        what: a.what.clone(),
                        owner: a.owner.clone(),
                        due: a.due,
                        done_on: a.done_on,
                        days_overdue: match (a.due, a.done_on) {
                            (Some(due), None) => due.days_until(self.as_of).max(0),
                            _ => 0,
                        },
                    })
                    .collect(),
            };
            if m.date >= self.as_of {
                upcoming.push((m.date, m.time, view));
            } else {
                past.push((m.date, m.time, view));
            }
        }
        upcoming.sort_by_key(|(d, t, _)| (*d, *t));
        past.sort_by_key(|(d, t, _)| std::cmp::Reverse((*d, *t)));
        MeetingsView {
            upcoming: upcoming.into_iter().map(|(_, _, v)| v).collect(),
            past: past.into_iter().map(|(_, _, v)| v).collect(),
            calendar: c.profile.access.is_none(),
        }
    }

    /// The next steering review on or after the portal's date: scheduled, or planned by
    /// the cadence when none is scheduled.
    pub(super) fn next_review(&self) -> Option<NextReview> {
        let c = self.client;
        let anchors = anchors(&c.meetings);
        let scheduled = c
            .meetings
            .iter()
            .zip(anchors)
            .filter(|(m, _)| m.is_upcoming_review(self.as_of))
            .min_by_key(|(m, _)| (m.date, m.time));
        if let Some((m, anchor)) = scheduled {
            return Some(NextReview {
                date: m.date,
                time: time_of(m, self.zone_of(m)),
                title: Some(m.title.clone()),
                href: Some(format!("meetings/index.html#{anchor}")),
                planned_every: None,
            });
        }
        let cadence = c.cadence;
        let first = cadence.first_review?;
        let days = cadence.review_days?.max(1);
        let step = i64::from(days);
        let date = if first >= self.as_of {
            first
        } else {
            let passed = first.days_until(self.as_of);
            first.plus_days((passed + step - 1) / step * step)
        };
        Some(NextReview {
            date,
            time: None,
            title: None,
            href: None,
            planned_every: Some(every(days)),
        })
    }
}

/// True when any meeting is a steering review: the reviews then come from meetings.yaml,
/// and no calendar adds the cadence's own dates beside them.
pub(crate) fn reviews_are_scheduled(meetings: &[Meeting]) -> bool {
    meetings
        .iter()
        .any(|m| m.kind == MeetingKind::SteeringReview)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadences_are_said_in_weeks_when_they_are_weeks() {
        assert_eq!(every(7), "every week");
        assert_eq!(every(28), "every 4 weeks");
        assert_eq!(every(10), "every 10 days");
    }

    #[test]
    fn two_meetings_on_one_day_get_their_own_anchor() {
        let m: Vec<Meeting> = serde_yaml::from_str(
            "- {date: 2026-11-24, title: a}\n- {date: 2026-11-24, title: b}\n- {date: 2026-11-25, title: c}",
        )
        .unwrap();
        assert_eq!(
            anchors(&m),
            [
                "meeting-2026-11-24",
                "meeting-2026-11-24-2",
                "meeting-2026-11-25"
            ]
        );
    }
}
