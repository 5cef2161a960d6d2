//! `meetings.yaml`: steering reviews, check-ins and workshops, with what was decided and
//! who does what next.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use super::{Date, Visibility};

/// One meeting, past or planned.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The day it takes (or took) place.
    pub date: Date,
    /// When it starts, as HH:MM on the 24-hour clock, in `time_zone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<ClockTime>,
    /// When it ends, same day, as HH:MM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<ClockTime>,
    /// The IANA time zone of `time` (e.g. `Europe/Amsterdam`); defaults to client.yaml's
    /// `time_zone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<TimeZone>,
    /// What it is called, e.g. "Steering review 4".
    pub title: String,
    /// What kind of meeting it is.
    #[serde(default)]
    pub kind: MeetingKind,
    /// Where: a room, an address, or "video call".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who took part (or is invited), by name.
    #[serde(default)]
    pub attendees: Vec<String>,
    /// What is (or was) on the table, one line per item.
    #[serde(default)]
    pub agenda: Vec<String>,
    /// The minutes, as Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<String>,
    /// The minutes in a Markdown file of their own under `meetings/`, instead of `minutes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_file: Option<String>,
    /// The minutes are not yet agreed: left out of the published portal, shown in previews.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub minutes_draft: bool,
    /// Decisions taken, by their id in `raid.yaml`.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// Who does what next.
    #[serde(default)]
    pub actions: Vec<MeetingAction>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
    /// The text of `minutes_file`, read when the folder is loaded.
    #[serde(skip)]
    #[schemars(skip)]
    pub minutes_from_file: Option<String>,
}

impl Meeting {
    /// The minutes as written, inline or in their file.
    pub fn minutes_text(&self) -> Option<&str> {
        self.minutes
            .as_deref()
            .or(self.minutes_from_file.as_deref())
            .filter(|m| !m.trim().is_empty())
    }

    /// A steering review on or after `as_of`.
    pub fn is_upcoming_review(&self, as_of: Date) -> bool {
        self.kind == MeetingKind::SteeringReview && self.date >= as_of
    }

    /// Drops the minutes, for a published portal while they are a draft.
    pub fn without_minutes(&self) -> Meeting {
        Meeting {
            minutes: None,
            minutes_file: None,
            minutes_from_file: None,
            ..self.clone()
        }
    }
}

/// Kinds of meetings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// The sponsor's regular review of the engagement; the overview names the next one.
    SteeringReview,
    /// A regular working check-in.
    CheckIn,
    /// A working session.
    Workshop,
    /// Anything else.
    #[default]
    Other,
}

impl MeetingKind {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            MeetingKind::SteeringReview => "Steering review",
            MeetingKind::CheckIn => "Check-in",
            MeetingKind::Workshop => "Workshop",
            MeetingKind::Other => "Meeting",
        }
    }
}

/// Something a meeting agreed someone will do.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingAction {
    /// What is to be done, in a line.
    pub what: String,
    /// Who does it, by name (a client contact's name or the client's puts it under
    /// "Waiting for you").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<Date>,
    /// What happens if it is not done by `due`, in a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_late: Option<String>,
}

impl MeetingAction {
    /// Not done, and due before `as_of`.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        self.done_on.is_none() && self.due.is_some_and(|d| d < as_of)
    }
}

/// A time of day, minutes after midnight, written HH:MM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(u16);

impl ClockTime {
    /// Hours and minutes.
    pub fn hm(self) -> (u32, u32) {
        (u32::from(self.0 / 60), u32::from(self.0 % 60))
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = self.hm();
        write!(f, "{h:02}:{m:02}")
    }
}

impl FromStr for ClockTime {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wrong = || format!("expected a time as HH:MM on the 24-hour clock, found \"{s}\"");
        let (h, m) = s.split_once(':').ok_or_else(wrong)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(wrong());
        }
        let h: u16 = h.parse().map_err(|_| wrong())?;
        let m: u16 = m.parse().map_err(|_| wrong())?;
        if h > 23 || m > 59 {
            return Err(format!(
                "{s} is not a time of day: hours run 00-23, minutes 00-59"
            ));
        }
        Ok(ClockTime(h * 60 + m))
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = ClockTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time as HH:MM")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ClockTime, E> {
                v.parse().map_err(E::custom)
            }
            // YAML 1.1 readers take 14:00 for the number 840; say what to write instead.
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ClockTime, E> {
                Err(E::custom(format!(
                    "expected a time as HH:MM, found the number {v}; quote the time, e.g. \"14:00\""
                )))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for ClockTime {
    fn schema_name() -> Cow<'static, str> {
        "ClockTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$",
            "description": "A time of day as HH:MM on the 24-hour clock."
        })
    }
}

/// An IANA time zone, e.g. `Europe/Amsterdam`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZone(pub chrono_tz::Tz);

impl TimeZone {
    /// Its IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl FromStr for TimeZone {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Ok(tz) = s.parse::<chrono_tz::Tz>() {
            return Ok(TimeZone(tz));
        }
        let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()).collect();
        let hint = crate::diagnostic::did_you_mean(s, names.iter().copied())
            .map(|n| format!("; did you mean \"{n}\"?"))
            .unwrap_or_else(|| "; write an IANA name such as \"Europe/Amsterdam\"".to_owned());
        Err(format!("unknown time zone \"{s}\"{hint}"))
    }
}

impl Serialize for TimeZone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::parse_in_place(deserializer, "an IANA time zone name", str::parse)
    }
}

impl JsonSchema for TimeZone {
    fn schema_name() -> Cow<'static, str> {
        "TimeZone".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "An IANA time zone name, e.g. Europe/Amsterdam."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_read_as_written() {
        assert_eq!(
            "9:05".parse::<ClockTime>().map(|t| t.to_string()),
            Ok("09:05".into())
        );
        assert!("24:00".parse::<ClockTime>().is_err());
        assert!("14h00".parse::<ClockTime>().is_err());
        assert!("14:0".parse::<ClockTime>().is_err());
    }

    #[test]
    fn a_misspelt_zone_is_named_with_the_likely_one() {
        let e = "Europe/Amsterdm".parse::<TimeZone>().unwrap_err();
        assert!(e.contains("did you mean \"Europe/Amsterdam\""), "{e}");
    }
}
