//! `milestones.yaml`: dated commitments and their sign-off.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Visibility};

/// A dated commitment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Short stable id, e.g. `M3`.
    pub id: String,
    /// What is reached.
    pub title: String,
    /// A sentence or two of detail (Markdown inline).
    #[serde(default)]
    pub description: Option<String>,
    /// The date agreed in the plan; never changes once agreed.
    pub baseline_due: Date,
    /// Today's best estimate; the baseline when absent.
    #[serde(default)]
    pub forecast_due: Option<Date>,
    /// The day it was actually reached.
    #[serde(default)]
    pub done_on: Option<Date>,
    /// Where it stands.
    pub status: MilestoneStatus,
    /// Ids of the deliverables (from `scope.md`) it hands over.
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// The client's sign-off.
    #[serde(default)]
    pub acceptance: Option<Acceptance>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
}

impl Milestone {
    /// The date it is expected: the forecast, else the baseline.
    pub fn forecast(&self) -> Date {
        self.forecast_due.unwrap_or(self.baseline_due)
    }

    /// Days the forecast (or the actual date, once done) lies after the baseline.
    pub fn slip_days(&self) -> i64 {
        let actual = self.done_on.unwrap_or_else(|| self.forecast());
        self.baseline_due.days_until(actual)
    }

    /// True once reached.
    pub fn is_done(&self) -> bool {
        self.status == MilestoneStatus::Done
    }

    /// Not done by `as_of`, and its forecast date is before it. A milestone finished after
    /// `as_of` counts as overdue on that date, so past reports are judged by what was true
    /// then.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        let done_by_then = self.done_on.map_or(self.is_done(), |d| d <= as_of);
        !done_by_then && self.forecast() < as_of
    }

    /// Not done, and its baseline date is before `as_of` (late against the plan).
    pub fn is_late_against_baseline(&self, as_of: Date) -> bool {
        !self.is_done() && self.baseline_due < as_of
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
    /// Conditions or reasons given.
    #[serde(default)]
    pub note: Option<String>,
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
