//! Rules over `meetings.yaml`: decisions named exist, minutes come from one place, and a
//! time says which clock it is on.

use super::{ClientCheck, Known};
use crate::diagnostic::Code;
use crate::yaml_path;

impl ClientCheck<'_> {
    pub(super) fn meetings(&mut self) {
        let c = self.client;
        if c.meetings.is_empty() {
            return;
        }
        let file = self.file("meetings.yaml");
        let decisions = Known {
            kind: "decision",
            defined_in: "raid.yaml",
            ids: c.raid.decisions.iter().map(|d| d.id.as_str()).collect(),
        };
        for (i, m) in c.meetings.iter().enumerate() {
            for (j, id) in m.decisions.iter().enumerate() {
                self.reference(&file, yaml_path![i, "decisions", j], id, &decisions);
            }
            match (&m.minutes, &m.minutes_file) {
                (Some(_), Some(_)) => self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path![i, "minutes_file"],
                    "a meeting has `minutes` or a `minutes_file`, not both".into(),
                    Some("keep the minutes in one place".into()),
                ),
                (None, Some(name)) if m.minutes_from_file.is_none() => self.at(
                    Code::BrokenLink,
                    &file,
                    yaml_path![i, "minutes_file"],
                    format!("no file {name} in this client folder"),
                    Some(
                        "minutes files live in the client's meetings/ folder, named e.g. `meetings/2026-11-24.md`"
                            .into(),
                    ),
                ),
                _ => {}
            }
            if m.time.is_some() && m.time_zone.or(c.profile.time_zone).is_none() {
                self.at(
                    Code::MissingKey,
                    &file,
                    yaml_path![i, "time"],
                    "a meeting with a time needs its time zone".into(),
                    Some(
                        "add `time_zone: Europe/Amsterdam` (its IANA name) to the meeting, or once to client.yaml"
                            .into(),
                    ),
                );
            }
            match (m.time, m.ends) {
                (None, Some(_)) => self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path![i, "ends"],
                    "the meeting ends at a time but has no start `time`".into(),
                    Some("add `time: \"HH:MM\"`, or remove `ends`".into()),
                ),
                (Some(start), Some(end)) if end <= start => self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path![i, "ends"],
                    format!("the meeting ends at {end}, not after it starts ({start})"),
                    Some("`ends` is a time on the same day, after `time`".into()),
                ),
                _ => {}
            }
        }
    }
}
