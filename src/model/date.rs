//! Calendar dates as they appear in portal files: `YYYY-MM-DD`, nothing else.
//!
//! A dedicated type rather than `chrono::NaiveDate` so that a bad date gets a message a
//! consultant understands ("2026-02-30 is not a date: February 2026 has 28 days") instead
//! of chrono's "input is out of range".

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day without time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    /// Builds a date from its parts; `None` when the day does not exist.
    pub const fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(d) => Some(Date(d)),
            None => None,
        }
    }

    /// The underlying chrono date, for arithmetic and formatting.
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The date `days` business days (Monday to Friday) after this one: 5 business days
    /// after a Friday is the next Friday. Public holidays are not known, so not skipped.
    /// Whole weeks are added at once: a user's number of days never loops.
    pub fn plus_business_days(self, days: u32) -> Date {
        if days == 0 {
            return self;
        }
        // From a weekend day, count from the Friday before: Saturday + 1 is Monday.
        let back = match self.0.weekday().num_days_from_monday() {
            5 => 1,
            6 => 2,
            _ => 0,
        };
        let mut date = self.plus_days(-back);
        let weeks = i64::from(days / 5);
        date = date.plus_days(weeks.saturating_mul(7));
        for _ in 0..days % 5 {
            date = date.plus_days(1);
            while date.0.weekday().num_days_from_monday() >= 5 {
                date = date.plus_days(1);
            }
        }
        date
    }

    /// The date `days` days after this one; `self` unchanged when the result would leave
    /// chrono's range. Never panics, whatever the number (`TimeDelta::days` panics past
    /// about 100 million days, and `days` can come from a user's file).
    pub fn plus_days(self, days: i64) -> Date {
        chrono::TimeDelta::try_days(days)
            .and_then(|delta| self.0.checked_add_signed(delta))
            .map_or(self, Date)
    }
}

impl From<NaiveDate> for Date {
    fn from(date: NaiveDate) -> Date {
        Date(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every page prints dates by the dozen (a KPI's points, the feed, `datetime`
        // attributes): written straight out, not through chrono's format-string parser,
        // which the profile of a full build showed in its top ten. Same text as `%Y-%m-%d`,
        // which pads the year to four digits inside 0..=9999 and signs it outside.
        let (year, month, day) = (self.0.year(), self.0.month(), self.0.day());
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}-{month:02}-{day:02}")
        } else {
            write!(f, "{}", self.0.format("%Y-%m-%d"))
        }
    }
}

/// Why a string is not a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let malformed = || DateError(format!("expected a date as YYYY-MM-DD, found \"{s}\""));
        let bytes = s.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(malformed());
        }
        let year: i32 = s[0..4].parse().map_err(|_| malformed())?;
        let month: u32 = s[5..7].parse().map_err(|_| malformed())?;
        let day: u32 = s[8..10].parse().map_err(|_| malformed())?;
        if !(1..=12).contains(&month) {
            return Err(DateError(format!(
                "{s} is not a date: there is no month {month}"
            )));
        }
        Date::from_ymd(year, month, day).ok_or_else(|| {
            let last = last_day_of_month(year, month);
            let month_name = NaiveDate::from_ymd_opt(year, month, 1)
                .map(|d| d.format("%B").to_string())
                .unwrap_or_default();
            DateError(format!(
                "{s} is not a date: {month_name} {year} has {last} days"
            ))
        })
    }
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day())
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date as YYYY-MM-DD."
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::parse_in_place(deserializer, "a date as YYYY-MM-DD", str::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_days_by_weeks_agree_with_counting_day_by_day() {
        let start = Date::from_str("2026-11-07").unwrap(); // a Saturday
        for offset in 0..7 {
            let from = start.plus_days(offset);
            for days in 0..30 {
                let mut counted = from;
                let mut left = days;
                while left > 0 {
                    counted = counted.plus_days(1);
                    if counted.0.weekday().num_days_from_monday() < 5 {
                        left -= 1;
                    }
                }
                assert_eq!(from.plus_business_days(days), counted, "{from} + {days}");
            }
        }
        // A user's absurd number ends at once, at the end of the calendar.
        let _ = start.plus_business_days(u32::MAX);
    }

    #[test]
    fn business_days_skip_weekends() {
        let friday: Date = "2026-11-13".parse().unwrap();
        assert_eq!(friday.plus_business_days(1).to_string(), "2026-11-16");
        assert_eq!(friday.plus_business_days(5).to_string(), "2026-11-20");
        let tuesday: Date = "2026-11-10".parse().unwrap();
        assert_eq!(tuesday.plus_business_days(10).to_string(), "2026-11-24");
        assert_eq!(tuesday.plus_business_days(0), tuesday);
    }

    #[test]
    fn parses_iso_dates() {
        assert_eq!(
            "2026-11-14".parse::<Date>().map(|d| d.to_string()),
            Ok("2026-11-14".to_string())
        );
    }

    #[test]
    fn explains_impossible_days() {
        let err = "2026-02-30".parse::<Date>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "2026-02-30 is not a date: February 2026 has 28 days"
        );
        let err = "2028-02-30".parse::<Date>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "2028-02-30 is not a date: February 2028 has 29 days"
        );
        let err = "2026-13-01".parse::<Date>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "2026-13-01 is not a date: there is no month 13"
        );
    }

    #[test]
    fn rejects_other_shapes() {
        for bad in [
            "14/11/2026",
            "2026-1-14",
            "2026-11-14T10:00",
            "",
            "２０２６-11-14",
        ] {
            let err = bad.parse::<Date>().unwrap_err();
            assert!(
                err.to_string().starts_with("expected a date as YYYY-MM-DD"),
                "{bad}"
            );
        }
    }

    #[test]
    fn counts_days() {
        let a: Date = "2026-11-01".parse().unwrap();
        let b: Date = "2026-11-14".parse().unwrap();
        assert_eq!(a.days_until(b), 13);
        assert_eq!(b.days_until(a), -13);
        assert_eq!(a.plus_days(13), b);
        // Past what chrono can represent: no panic, the date unchanged.
        assert_eq!(a.plus_days(2_100_000_000), a);
        assert_eq!(a.plus_days(i64::MAX), a);
        assert_eq!(a.plus_days(i64::MIN), a);
    }
}
