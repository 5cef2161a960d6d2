//! `milestones.yaml`: dated commitments and their sign-off.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use super::{Date, Visibility};

/// A dated commitment.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Short stable id, e.g. `M3`.
    pub id: String,
    /// What is reached.
    pub title: String,
    /// A sentence or two of detail (Markdown inline).
    #[serde(default)]
    pub description: Option<String>,
    /// The date first agreed in the plan, or `tbc` while none is agreed; may be left out
    /// while the milestone is `planned`. Approved changes move it through their `moves`,
    /// never by editing this date, so the original stays visible.
    #[serde(default)]
    pub baseline_due: Option<Due>,
    /// Today's best estimate, when one is given.
    #[serde(default)]
    pub forecast_due: Option<Date>,
    /// The day it was actually reached.
    #[serde(default)]
    pub done_on: Option<Date>,
    /// Where it stands.
    pub status: MilestoneStatus,
    /// A variance published by the source, shown beside the dates: a percentage
    /// (`12.5`) or words (`"3 months late"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variance: Option<Variance>,
    /// When this record was last brought up to date. A milestone past its date whose last
    /// update is older than that date is stale, not counted as days overdue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_on: Option<Date>,
    /// Ids of the deliverables (from `scope.md`) it hands over.
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// The client's sign-off: one round, or a list of rounds, oldest first, when a
    /// submission was rejected and submitted again.
    #[serde(default, skip_serializing_if = "AcceptanceRounds::is_empty")]
    pub acceptance: AcceptanceRounds,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
    /// Moves by approved change requests, in the order they were decided; filled in at
    /// load from `changes.yaml`, never written in `milestones.yaml`.
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub moves: Vec<Move>,
}

/// An agreed date, or none agreed yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// A date.
    On(Date),
    /// To be confirmed.
    Tbc,
}

impl Due {
    /// The date, when there is one.
    pub fn date(self) -> Option<Date> {
        match self {
            Due::On(d) => Some(d),
            Due::Tbc => None,
        }
    }
}

impl Serialize for Due {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Due::On(d) => d.serialize(serializer),
            Due::Tbc => serializer.serialize_str("tbc"),
        }
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor, not a String read first: an error raised inside the scalar's visit is
        // located at the scalar, where the user wrote the bad date.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Due;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date as YYYY-MM-DD, or tbc")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Due, E> {
                if v == "tbc" {
                    return Ok(Due::Tbc);
                }
                v.parse().map(Due::On).map_err(|e: super::DateError| {
                    E::custom(
                        e.to_string()
                            .replace("as YYYY-MM-DD,", "as YYYY-MM-DD or tbc,"),
                    )
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl JsonSchema for Due {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Due".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<Date>();
        schemars::json_schema!({
            "description": "A date as YYYY-MM-DD, or tbc while no date is agreed.",
            "anyOf": [date, { "const": "tbc" }]
        })
    }
}

/// A variance as the source publishes it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Variance {
    /// A percentage, e.g. `12.5` for 12.5% over.
    Percent(f64),
    /// Words, e.g. "3 months late".
    Text(String),
}

/// One re-baselining of a milestone by an approved change request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Move {
    /// The change request's id.
    pub change: String,
    /// When the change was approved, if recorded.
    pub decided_on: Option<Date>,
    /// The agreed date before this move (`None` when it was to be confirmed).
    pub from: Option<Date>,
    /// The agreed date from this move on.
    pub to: Date,
}

impl Move {
    /// Calendar days the move added (negative when it brought the date forward).
    pub fn days(&self) -> Option<i64> {
        self.from.map(|f| f.days_until(self.to))
    }
}

impl Milestone {
    /// The date first agreed, before any approved change moved it.
    pub fn original(&self) -> Option<Date> {
        self.baseline_due.and_then(Due::date)
    }

    /// The date agreed now: the latest approved move, else the original.
    pub fn agreed(&self) -> Option<Date> {
        self.moves.last().map(|m| m.to).or_else(|| self.original())
    }

    /// No date is agreed yet.
    pub fn is_tbc(&self) -> bool {
        self.agreed().is_none()
    }

    /// The date it is expected: the forecast, else the agreed date; `None` while to be
    /// confirmed.
    pub fn forecast(&self) -> Option<Date> {
        self.forecast_due.or_else(|| self.agreed())
    }

    /// Days the forecast (or the actual date, once done) lies after the agreed date;
    /// `None` when nobody gave a forecast (or no date is agreed): then nothing is said
    /// about slip.
    pub fn slip_days(&self) -> Option<i64> {
        let actual = self.done_on.or(self.forecast_due)?;
        Some(self.agreed()?.days_until(actual))
    }

    /// Days against the original date, when approved changes moved it.
    pub fn slip_against_original(&self) -> Option<i64> {
        if self.moves.is_empty() {
            return None;
        }
        let actual = self
            .done_on
            .or(self.forecast_due)
            .or_else(|| self.agreed())?;
        Some(self.original()?.days_until(actual))
    }

    /// True once reached.
    pub fn is_done(&self) -> bool {
        self.status == MilestoneStatus::Done
    }

    /// Not done by `as_of`, and its forecast date is before it. A milestone finished after
    /// `as_of` counts as overdue on that date, so past reports are judged by what was true
    /// then. A milestone to be confirmed is never overdue.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        let done_by_then = self.done_on.map_or(self.is_done(), |d| d <= as_of);
        !done_by_then && self.forecast().is_some_and(|f| f < as_of)
    }

    /// Overdue, but its record was last updated before the date it was due: nobody has
    /// said where it stands since, so it is stale rather than known to be late.
    pub fn is_stale(&self, as_of: Date) -> bool {
        self.is_overdue(as_of)
            && self
                .updated_on
                .zip(self.forecast())
                .is_some_and(|(u, due)| u < due)
    }
}

/// Applies the `moves` of approved change requests to `milestones`, in the order they
/// were decided (undated decisions at their request date; ties in file order). Moves on
/// other changes, or naming no milestone, are left for `check` to report.
pub fn apply_moves(milestones: &mut [Milestone], changes: &[super::Change]) {
    let mut approved: Vec<(usize, &super::Change)> = changes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.status == super::ChangeStatus::Approved && !c.moves.is_empty())
        .collect();
    approved.sort_by_key(|(i, c)| (c.decided_on.unwrap_or(c.requested_on), *i));
    for (_, change) in approved {
        for (id, to) in &change.moves {
            if let Some(m) = milestones.iter_mut().find(|m| &m.id == id) {
                let from = m.agreed();
                m.moves.push(Move {
                    change: change.id.clone(),
                    decided_on: change.decided_on,
                    from,
                    to: *to,
                });
            }
        }
    }
}

/// Where a milestone stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    /// Not started.
    Planned,
    /// Work under way.
    InProgress,
    /// Under way, but the date is in doubt.
    AtRisk,
    /// Cannot progress until something outside the team changes.
    Blocked,
    /// Reached.
    Done,
}

impl MilestoneStatus {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            MilestoneStatus::Planned => "Planned",
            MilestoneStatus::InProgress => "In progress",
            MilestoneStatus::AtRisk => "At risk",
            MilestoneStatus::Blocked => "Blocked",
            MilestoneStatus::Done => "Done",
        }
    }
}

/// The client's sign-off of a milestone.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// When it was put to the client for acceptance.
    pub submitted_on: Date,
    /// The client's answer so far.
    pub decision: AcceptanceDecision,
    /// Who decided.
    #[serde(default)]
    pub by: Option<String>,
    /// When they decided.
    #[serde(default)]
    pub on: Option<Date>,
    /// Conditions or reasons given; a rejection needs its reason.
    #[serde(default)]
    pub note: Option<String>,
}

/// Every round of a milestone's sign-off, oldest first; the last is where it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AcceptanceRounds {
    /// The rounds, oldest first.
    pub rounds: Vec<Acceptance>,
    /// Written as a list, so each round sits at its index under `acceptance` in the file.
    pub listed: bool,
}

impl AcceptanceRounds {
    /// Nothing submitted yet.
    pub fn is_empty(&self) -> bool {
        self.rounds.is_empty()
    }

    /// The round in progress or the last one decided.
    pub fn current(&self) -> Option<&Acceptance> {
        self.rounds.last()
    }

    /// The rounds before the current one, oldest first.
    pub fn earlier(&self) -> &[Acceptance] {
        self.rounds.split_last().map_or(&[], |(_, earlier)| earlier)
    }

    /// Where round `i` is under `acceptance` in the file: its index when written as a list.
    pub fn index_in_file(&self, i: usize) -> Option<usize> {
        self.listed.then_some(i)
    }
}

impl Serialize for AcceptanceRounds {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.rounds.as_slice() {
            [one] if !self.listed => one.serialize(serializer),
            rounds => rounds.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for AcceptanceRounds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = AcceptanceRounds;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a sign-off (`submitted_on`, `decision`...), or a list of them, oldest first",
                )
            }
            fn visit_unit<E: de::Error>(self) -> Result<AcceptanceRounds, E> {
                Ok(AcceptanceRounds::default())
            }
            fn visit_map<A: de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<AcceptanceRounds, A::Error> {
                let one = Acceptance::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(AcceptanceRounds {
                    rounds: vec![one],
                    listed: false,
                })
            }
            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<AcceptanceRounds, A::Error> {
                let rounds = Vec::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(AcceptanceRounds {
                    rounds,
                    listed: true,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for AcceptanceRounds {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AcceptanceRounds".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let round = generator.subschema_for::<Acceptance>();
        schemars::json_schema!({
            "description": "The client's sign-off: one round, or a list of rounds, oldest first.",
            "anyOf": [round, { "type": "array", "items": round }]
        })
    }
}

/// The client's answer to a submitted milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AcceptanceDecision {
    /// Signed off.
    Accepted,
    /// Sent back.
    Rejected,
    /// Not decided yet.
    Pending,
}

impl AcceptanceDecision {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            AcceptanceDecision::Accepted => "Accepted",
            AcceptanceDecision::Rejected => "Rejected",
            AcceptanceDecision::Pending => "Awaiting decision",
        }
    }
}
