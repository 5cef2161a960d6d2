//! Subscriptions: the Atom feed of status reports and the iCalendar of milestones and
//! reviews. Both are byte-for-byte deterministic: every date comes from the data, ids are
//! derived from the client's folder and the item's id, never from the clock or a random
//! number.

use atom_syndication::{Category, Content, Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Component, EventLike};

use super::format::{short_date, signed_days};
use crate::locale;
use crate::model::{Client, Date, PortalConfig};

/// Midnight UTC on `date`, the time portico gives every dated item.
fn midnight(date: Date) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.naive().and_time(NaiveTime::MIN))
}

fn fixed(date: Date) -> DateTime<FixedOffset> {
    midnight(date).fixed_offset()
}

/// Ids inside URNs and UIDs: letters, digits and hyphens only.
fn id_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// `feed.xml`: the client's status reports, newest first, with their full text.
/// Links are absolute when the client's address is known, relative to the feed otherwise;
/// `body` gives report `i`'s text rendered so (made with its page, from one parse).
pub(crate) fn atom(
    client: &Client,
    config: &PortalConfig,
    as_of: Date,
    body: impl Fn(usize) -> String,
) -> String {
    let base = client.base_url(config).unwrap_or_default();
    let folder = id_part(client.folder());
    let updated = client.reports.last().map_or(as_of, |r| r.meta.date);
    let entries: Vec<Entry> = client
        .reports
        .iter()
        .enumerate()
        .rev()
        .map(|(i, r)| {
            let href = format!("{base}reports/{}/index.html", r.slug);
            let body = body(i);
            let status = client.ratings.meaning(&r.meta.status).map_or_else(
                || r.meta.status.as_str().to_owned(),
                |m| locale::label(&m.label),
            );
            let status = match &r.meta.withheld_reason {
                Some(reason) if r.meta.status.is_withheld() => {
                    locale::t_args("withheld-because", &[("reason", reason.into())])
                }
                _ => status,
            };
            Entry {
                id: format!("urn:portico:{folder}:report:{}", id_part(&r.slug)),
                title: Text::plain(format!("{} ({status})", r.meta.title)),
                updated: fixed(r.meta.date),
                published: Some(fixed(r.meta.date)),
                summary: Some(Text::plain(r.meta.summary.clone())),
                content: Some(Content {
                    value: Some(format!(
                        "<p><strong>{} {}.</strong> {}</p>\n{body}",
                        escape(&locale::t("overall-status-colon")),
                        escape(&status),
                        escape(&r.meta.summary)
                    )),
                    content_type: Some("html".into()),
                    ..Default::default()
                }),
                links: vec![Link {
                    href,
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Default::default()
                }],
                categories: vec![Category {
                    term: r.meta.status.as_str().into(),
                    label: Some(status.clone()),
                    ..Default::default()
                }],
                ..Default::default()
            }
        })
        .collect();
    let mut links = vec![Link {
        href: format!("{base}reports/index.html"),
        rel: "alternate".into(),
        mime_type: Some("text/html".into()),
        ..Default::default()
    }];
    if !base.is_empty() {
        links.push(Link {
            href: format!("{base}feed.xml"),
            rel: "self".into(),
            mime_type: Some("application/atom+xml".into()),
            ..Default::default()
        });
    }
    let feed = Feed {
        id: format!("urn:portico:{folder}:reports"),
        title: Text::plain(locale::t_args(
            "feed-title",
            &[("client", client.profile.name.as_str().into())],
        )),
        subtitle: client.profile.summary.clone().map(Text::plain),
        updated: fixed(updated),
        authors: vec![Person {
            name: config.agency.name.clone(),
            email: config.agency.email.clone(),
            uri: config.agency.website.clone(),
            ..Default::default()
        }],
        links,
        entries,
        ..Default::default()
    };
    feed.to_string()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A calendar with portico's header properties and no events yet.
fn empty_calendar() -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//portico//client portal//EN"))
        .append_property(("CALSCALE", "GREGORIAN"));
    calendar
}

/// Most review meetings listed ahead: a year of weekly reviews.
const MAX_REVIEWS: usize = 52;

/// `milestones.ics`: one all-day event per milestone on its forecast (or actual) date, and
/// the steering reviews of the agreed cadence. DTSTAMP is the as-of date, so the file only
/// changes when the data does.
pub(crate) fn ical(client: &Client, config: &PortalConfig, as_of: Date) -> String {
    let base = client.base_url(config);
    let folder = id_part(client.folder());
    let stamp = midnight(as_of);
    let mut calendar = empty_calendar();
    calendar.name(&locale::t_args(
        "calendar-title",
        &[("client", client.profile.name.as_str().into())],
    ));
    for m in &client.milestones {
        // A milestone to be confirmed has no day to put in a calendar.
        let (Some(agreed), Some(on)) = (m.agreed(), m.done_on.or_else(|| m.forecast())) else {
            continue;
        };
        let state = if m.is_overdue(as_of) {
            locale::t_args(
                "calendar-status-overdue",
                &[("status", locale::label(m.status.label()).into())],
            )
        } else {
            locale::label(m.status.label())
        };
        let mut description =
            locale::t_args("calendar-agreed", &[("date", short_date(agreed).into())]);
        if let Some(original) = m.original().filter(|o| *o != agreed) {
            description.push(' ');
            description.push_str(&locale::t_args(
                "calendar-originally",
                &[("date", short_date(original).into())],
            ));
        }
        match (m.done_on, m.forecast_due, m.slip_days()) {
            (Some(done), _, _) => {
                description.push(' ');
                description.push_str(&locale::t_args(
                    "calendar-done-on",
                    &[("date", short_date(done).into())],
                ));
            }
            (None, Some(f), Some(slip)) if slip != 0 => {
                description.push(' ');
                description.push_str(&locale::t_args(
                    "calendar-forecast",
                    &[
                        ("date", short_date(f).into()),
                        ("days", signed_days(slip).into()),
                    ],
                ));
            }
            (None, Some(_), _) => {
                description.push(' ');
                description.push_str(&locale::t("calendar-on-plan"));
            }
            (None, None, _) => {
                description.push(' ');
                description.push_str(&locale::t("calendar-no-forecast"));
            }
        }
        if let Some(text) = &m.description {
            description.push_str("\n\n");
            description.push_str(text);
        }
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{folder}-milestone-{}@portico", id_part(&m.id)))
            .timestamp(stamp)
            .summary(&format!("{} {} ({state})", m.id, m.title))
            .description(&description)
            .starts(on.naive())
            .ends(on.plus_days(1).naive());
        if let Some(base) = &base {
            event.url(&format!("{base}milestones/index.html"));
        }
        calendar.push(event.done());
    }
    // Scheduled reviews are in meetings.ics; the cadence's dates would contradict them.
    let cadence_reviews = if super::view::reviews_are_scheduled(&client.meetings) {
        Vec::new()
    } else {
        reviews(client)
    };
    for review in cadence_reviews {
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{folder}-review-{review}@portico"))
            .timestamp(stamp)
            .summary(&locale::t("steering-review"))
            .description(&locale::t_args(
                "calendar-review",
                &[
                    ("client", client.profile.name.as_str().into()),
                    ("n", client.cadence.review_days.unwrap_or_default().into()),
                ],
            ))
            .starts(review.naive())
            .ends(review.plus_days(1).naive());
        calendar.push(event.done());
    }
    super::fold::refold(&calendar.to_string())
}

/// `meetings.ics`: one event per meeting, at its time in its own time zone (`DTSTART` with
/// `TZID`, and a `VTIMEZONE` for each zone used), or all day when no time is set.
pub(crate) fn meetings_ical(client: &Client, config: &PortalConfig, as_of: Date) -> String {
    let base = client.base_url(config);
    let folder = id_part(client.folder());
    let stamp = midnight(as_of);
    let mut calendar = empty_calendar();
    calendar.name(&format!(
        "{}: {}",
        client.profile.name,
        locale::t("nav-meetings")
    ));
    // Each zone with the span of dates its meetings fall on.
    let mut zones: std::collections::BTreeMap<&str, (chrono_tz::Tz, Date, Date)> =
        Default::default();
    let anchors = super::view::meeting_anchors(&client.meetings);
    for (m, anchor) in client.meetings.iter().zip(anchors) {
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{folder}-{anchor}@portico"))
            .timestamp(stamp)
            .summary(&m.title);
        let zone = m.time_zone.or(client.profile.time_zone);
        match (m.time, zone) {
            (Some(start), Some(zone)) => {
                let at = |t: crate::model::ClockTime| {
                    let (h, min) = t.hm();
                    icalendar::CalendarDateTime::WithTimezone {
                        date_time: m
                            .date
                            .naive()
                            .and_time(NaiveTime::from_hms_opt(h, min, 0).unwrap_or(NaiveTime::MIN)),
                        tzid: zone.name().to_owned(),
                    }
                };
                event.starts(at(start));
                if let Some(end) = m.ends {
                    event.ends(at(end));
                }
                let span = zones.entry(zone.name()).or_insert((zone.0, m.date, m.date));
                span.1 = span.1.min(m.date);
                span.2 = span.2.max(m.date);
            }
            // `check` refuses a time without a zone; without a time the meeting is all day.
            _ => {
                event
                    .starts(m.date.naive())
                    .ends(m.date.plus_days(1).naive());
            }
        }
        let mut description = crate::locale::label(m.kind.label());
        if !m.attendees.is_empty() {
            description.push_str(&format!(
                ". {} {}",
                crate::locale::t("meeting-with"),
                m.attendees.join(", ")
            ));
        }
        description.push('.');
        if !m.agenda.is_empty() {
            description.push_str(&format!("\n\n{}:", crate::locale::t("meeting-agenda")));
            for item in &m.agenda {
                description.push_str(&format!("\n- {item}"));
            }
        }
        event.description(&description);
        if let Some(place) = &m.place {
            event.location(place);
        }
        if let Some(base) = &base {
            event.url(&format!("{base}meetings/index.html#{anchor}"));
        }
        calendar.push(event.done());
    }
    let text = calendar.to_string();
    // icalendar writes no VTIMEZONE; each goes before the first event, as RFC 5545 orders it.
    let timezones: String = zones
        .values()
        .map(|(tz, first, last)| super::vtimezone::component(*tz, *first, *last))
        .collect();
    let text = match text.find("BEGIN:VEVENT") {
        Some(at) => format!("{}{timezones}{}", &text[..at], &text[at..]),
        None => text,
    };
    super::fold::refold(&text)
}

/// Review dates from the first review, every `review_days`, to the engagement's end.
fn reviews(client: &Client) -> Vec<Date> {
    let cadence = client.cadence;
    let (Some(first), Some(every)) = (cadence.first_review, cadence.review_days.filter(|d| *d > 0))
    else {
        return Vec::new();
    };
    let end = client
        .profile
        .engagement
        .as_ref()
        .and_then(|e| e.end)
        .unwrap_or_else(|| first.plus_days(365));
    (0..MAX_REVIEWS as i64)
        .map(|n| first.plus_days(n * i64::from(every)))
        .take_while(|d| *d <= end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviews_follow_the_cadence_until_the_end() {
        let mut c = Client::sample(&[], &[]);
        c.cadence.first_review = "2026-10-01".parse().ok();
        c.cadence.review_days = Some(28);
        c.profile.engagement =
            serde_yaml::from_str("start: 2026-09-01\nend: 2026-12-31\nfee_basis: fixed").ok();
        let dates: Vec<String> = reviews(&c).iter().map(ToString::to_string).collect();
        assert_eq!(
            dates,
            ["2026-10-01", "2026-10-29", "2026-11-26", "2026-12-24"]
        );
    }

    #[test]
    fn ids_are_safe_in_urns() {
        assert_eq!(id_part("CR 04/b"), "CR-04-b");
    }
}
