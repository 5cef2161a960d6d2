//! `VTIMEZONE` components for the zones a calendar's times are written in.
//!
//! RFC 5545 (3.2.19) requires one `VTIMEZONE` for each `TZID` a calendar uses. Each is
//! written from the time zone database as it stands, as explicit observances: the offset in
//! force at the start of the span, then one `STANDARD` or `DAYLIGHT` per change of offset
//! within it. No recurrence rules are guessed; a zone that changes its rules later is
//! described truthfully for the dates the calendar holds.

use chrono::{Duration, NaiveDateTime, NaiveTime, TimeZone as _};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::model::Date;

/// The offset in force at `utc` in `tz`: seconds east of UTC, daylight saving or not, and
/// its abbreviation.
fn offset_at(tz: Tz, utc: NaiveDateTime) -> (i64, bool, String) {
    let o = tz.offset_from_utc_datetime(&utc);
    let total = o.base_utc_offset() + o.dst_offset();
    (
        total.num_seconds(),
        !o.dst_offset().is_zero(),
        o.abbreviation().unwrap_or_default().to_owned(),
    )
}

/// `+0200`, `-0430`, `+053730`: the offset as RFC 5545's UTC-OFFSET.
fn utc_offset(seconds: i64) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// The first whole minute after `from` whose offset differs from `from`'s; the minute
/// `to` (a day later) has a different offset.
fn first_change(tz: Tz, from: NaiveDateTime, to: NaiveDateTime) -> NaiveDateTime {
    let before = offset_at(tz, from).0;
    let at = |minutes: i64| from + Duration::minutes(minutes);
    let (mut lo, mut hi) = (0, (to - from).num_minutes());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if offset_at(tz, at(mid)).0 == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    at(hi)
}

/// The `VTIMEZONE` of `tz` covering `first..=last`, as content lines ending in CRLF.
pub(crate) fn component(tz: Tz, first: Date, last: Date) -> String {
    let start = first.naive().and_time(NaiveTime::MIN) - Duration::days(1);
    let end = last.naive().and_time(NaiveTime::MIN) + Duration::days(2);
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", tz.name())];
    let mut observance = |onset_local: NaiveDateTime, from: i64, to: (i64, bool, String)| {
        let kind = if to.1 { "DAYLIGHT" } else { "STANDARD" };
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", onset_local.format("%Y%m%dT%H%M%S")));
        lines.push(format!("TZOFFSETFROM:{}", utc_offset(from)));
        lines.push(format!("TZOFFSETTO:{}", utc_offset(to.0)));
        if !to.2.is_empty() && !to.2.starts_with(['+', '-']) {
            lines.push(format!("TZNAME:{}", to.2));
        }
        lines.push(format!("END:{kind}"));
    };
    let initial = offset_at(tz, start);
    observance(
        start + Duration::seconds(initial.0),
        initial.0,
        initial.clone(),
    );
    let mut day = start;
    let mut current = initial.0;
    while day < end {
        let next = day + Duration::days(1);
        let after = offset_at(tz, next);
        if after.0 != current {
            let at = first_change(tz, day, next);
            let new = offset_at(tz, at);
            // The onset is written in the local time that was in force until then.
            observance(at + Duration::seconds(current), current, new.clone());
            current = new.0;
        }
        day = next;
    }
    lines.push("END:VTIMEZONE".to_owned());
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amsterdam_in_2026_changes_twice_at_the_legal_hours() {
        let tz: Tz = "Europe/Amsterdam".parse().unwrap();
        let v = component(
            tz,
            "2026-01-10".parse().unwrap(),
            "2026-12-10".parse().unwrap(),
        );
        assert!(
            v.starts_with("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"),
            "{v}"
        );
        assert!(
            v.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT"),
            "{v}"
        );
        assert!(
            v.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD"),
            "{v}"
        );
        assert_eq!(v.matches("BEGIN:").count(), 4, "{v}");
    }

    #[test]
    fn a_zone_without_daylight_saving_has_one_observance() {
        let tz: Tz = "Asia/Kolkata".parse().unwrap();
        let v = component(
            tz,
            "2026-06-01".parse().unwrap(),
            "2026-06-30".parse().unwrap(),
        );
        assert!(v.contains("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530"), "{v}");
        assert_eq!(v.matches("BEGIN:STANDARD").count(), 1, "{v}");
    }

    #[test]
    fn offsets_are_written_as_rfc_5545_says() {
        assert_eq!(utc_offset(-5 * 3600), "-0500");
        assert_eq!(utc_offset(5 * 3600 + 1800), "+0530");
        assert_eq!(utc_offset(0), "+0000");
    }
}
