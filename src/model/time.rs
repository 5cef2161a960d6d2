//! Time from trackers: `time/*.csv` exports (Harvest, Toggl Track, or a plain CSV) and
//! `time.yaml`, and the `time:` settings in `client.yaml`.
//!
//! Every entry keeps its person and note, because `check` needs them to say which row is
//! wrong; nothing here decides what is published. The view aggregates hours per week and
//! per task or role, and names people only when `time.show_people` says so; notes never
//! leave the model.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Money};

/// `time:` in `client.yaml`: which rows of a shared export are this client's, and what the
/// client may see of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeSettings {
    /// Show hours per person (by name) to the client. Off by default: who worked when is
    /// the consultancy's business unless agreed otherwise.
    #[serde(default)]
    pub show_people: bool,
    /// Client names, as the tracker writes them, whose rows belong to this client. Rows of
    /// any other client are ignored (and counted by `check`). Empty: every row is used.
    #[serde(default)]
    pub clients: Vec<String>,
    /// Project names whose rows belong to this client; empty: every project of the
    /// clients above.
    #[serde(default)]
    pub projects: Vec<String>,
}

impl TimeSettings {
    /// Whether a row naming this client and project belongs to this client. `None`: the
    /// file has no such column, so the row cannot be anyone else's.
    pub fn claims(&self, client: Option<&str>, project: Option<&str>) -> bool {
        let matches = |names: &[String], value: Option<&str>| {
            names.is_empty() || value.is_none_or(|v| names.iter().any(|n| n.trim() == v.trim()))
        };
        matches(&self.clients, client) && matches(&self.projects, project)
    }
}

/// The time tracker a file came from, recognised by its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrackerFormat {
    /// Harvest's detailed time report, exported as CSV.
    Harvest,
    /// Toggl Track's detailed report, exported as CSV.
    Toggl,
    /// A plain CSV with `date, hours, person, task, billable`.
    Csv,
    /// `time.yaml`.
    Yaml,
}

impl TrackerFormat {
    /// The tracker's name, for messages.
    pub fn label(self) -> &'static str {
        match self {
            TrackerFormat::Harvest => "Harvest detailed time report",
            TrackerFormat::Toggl => "Toggl Track detailed report",
            TrackerFormat::Csv => "plain time CSV",
            TrackerFormat::Yaml => "time.yaml",
        }
    }
}

/// One file of time entries.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeFile {
    /// Path relative to the client folder, e.g. `time/harvest-2026-11.csv`.
    pub path: String,
    /// What wrote it.
    pub format: TrackerFormat,
    /// The rows that belong to this client.
    pub entries: Vec<TimeEntry>,
    /// Rows of other clients or projects, left out by `time.clients` / `time.projects`.
    pub ignored: usize,
    /// The client and project names of the ignored rows, sorted, for `check`'s note.
    pub ignored_names: Vec<String>,
}

/// One row of a time export.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeEntry {
    /// 1-based line of the row in its file, for diagnostics.
    pub line: usize,
    /// The day worked.
    pub date: Date,
    /// Time worked, in seconds (exact for decimal hours to the second and for `h:mm:ss`).
    pub seconds: u64,
    /// Who worked: internal unless `time.show_people`.
    pub person: String,
    /// The task, as the tracker names it.
    pub task: String,
    /// The role that prices the row (`Roles` in Harvest, `role` in a plain file).
    pub role: Option<String>,
    /// The note written with the entry: never published.
    pub note: String,
    /// Whether the client is billed for it.
    pub billable: bool,
    /// Hourly rate carried by the export itself.
    pub rate: Option<Money>,
    /// Billed amount carried by the export itself (Toggl's `Amount`).
    pub amount: Option<Money>,
}

impl TimeEntry {
    /// Hours, for display and sums.
    pub fn hours(&self) -> f64 {
        self.seconds as f64 / 3600.0
    }
}

/// An entry of `time.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeEntryInput {
    /// The day worked.
    pub date: Date,
    /// Hours as a decimal (`1.5`) or as hours and minutes (`"1:30"`).
    pub hours: HoursInput,
    /// Who worked (internal unless `time.show_people`).
    pub person: String,
    /// The task.
    pub task: String,
    /// Billed to the client; `true` unless said otherwise.
    #[serde(default = "yes")]
    pub billable: bool,
    /// The role that prices the entry, from `budget.yaml`'s `rates`.
    #[serde(default)]
    pub role: Option<String>,
    /// A note for yourself: never published.
    #[serde(default)]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

/// Hours as written in YAML: a number or `"h:mm"`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum HoursInput {
    /// Decimal hours.
    Number(f64),
    /// `h:mm` or `h:mm:ss`.
    Text(String),
}

/// Parses a duration as trackers write it: decimal hours (`1.5`, `0.25`) or `h:mm` /
/// `h:mm:ss` (`1:30`, `01:30:00`). Seconds, or why not.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("the duration is empty".into());
    }
    if t.contains(':') {
        let parts: Vec<&str> = t.split(':').collect();
        let nums: Option<Vec<u64>> = parts
            .iter()
            .map(|p| {
                (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| p.parse::<u64>().ok())
                    .flatten()
            })
            .collect();
        let bad = || format!("\"{t}\" is not a duration; write hours as 1.5 or 1:30");
        let nums = nums.ok_or_else(bad)?;
        let (h, m, s) = match nums.as_slice() {
            [h, m] => (*h, *m, 0),
            [h, m, s] => (*h, *m, *s),
            _ => return Err(bad()),
        };
        if m >= 60 || s >= 60 {
            return Err(format!(
                "\"{t}\" has more than 59 minutes or seconds; write hours as 1.5 or 1:30"
            ));
        }
        return h
            .checked_mul(3600)
            .and_then(|x| x.checked_add(m * 60 + s))
            .filter(|x| *x <= MAX_SECONDS)
            .ok_or_else(|| format!("\"{t}\" is more hours than one entry can hold"));
    }
    let hours: f64 = t
        .parse()
        .map_err(|_| format!("\"{t}\" is not a number of hours; write hours as 1.5 or 1:30"))?;
    seconds_of_hours(hours).ok_or_else(|| {
        format!("\"{t}\" is not a usable number of hours (negative, or more than a year)")
    })
}

/// A year of hours: more in one row is a typo, and it keeps sums far from overflow.
const MAX_SECONDS: u64 = 366 * 24 * 3600;

/// Decimal hours as seconds, when finite, not negative and at most a year.
pub fn seconds_of_hours(hours: f64) -> Option<u64> {
    (hours.is_finite() && hours >= 0.0 && hours * 3600.0 <= MAX_SECONDS as f64)
        .then(|| (hours * 3600.0).round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_every_tracker_spelling() {
        assert_eq!(parse_duration("1.5"), Ok(5400));
        assert_eq!(parse_duration("0.25"), Ok(900));
        assert_eq!(parse_duration("1:30"), Ok(5400));
        assert_eq!(parse_duration("01:30:00"), Ok(5400));
        assert_eq!(parse_duration("0:00:45"), Ok(45));
        assert!(parse_duration("1:75").is_err());
        assert!(parse_duration("-1").is_err());
        assert!(parse_duration("1h30").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("99999999999:00").is_err());
    }

    #[test]
    fn mapping_claims_only_named_clients_and_projects() {
        let all = TimeSettings::default();
        assert!(all.claims(Some("Globex"), None));
        let acme = TimeSettings {
            clients: vec!["Acme Corp".into()],
            projects: vec![],
            show_people: false,
        };
        assert!(acme.claims(Some("Acme Corp"), Some("Anything")));
        assert!(!acme.claims(Some("Globex"), Some("Anything")));
        assert!(
            !acme.claims(Some(""), None),
            "an empty client cell is not Acme's"
        );
        assert!(acme.claims(None, None), "a file without a client column is");
    }
}
