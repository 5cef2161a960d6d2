//! `changes.yaml`: change requests, so scope creep stays visible.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Money, Visibility};

/// A request to change what was agreed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Short stable id, e.g. `CR-04`.
    pub id: String,
    /// What changes.
    pub title: String,
    /// Who asked (name, and side if useful).
    pub requested_by: String,
    /// When it was asked.
    pub requested_on: Date,
    /// Why (Markdown inline).
    #[serde(default)]
    pub reason: Option<String>,
    /// Where it stands.
    pub status: ChangeStatus,
    /// What it costs in time and money; negative for a reduction.
    #[serde(default)]
    pub impact: Impact,
    /// What it touches.
    #[serde(default)]
    pub affects: Affects,
    /// Who approved or rejected it.
    #[serde(default)]
    pub decided_by: Option<String>,
    /// When it was approved or rejected.
    #[serde(default)]
    pub decided_on: Option<Date>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
}

impl Change {
    /// Still waiting for a decision.
    pub fn is_open(&self) -> bool {
        self.status == ChangeStatus::Proposed
    }
}

/// Where a change request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStatus {
    /// Asked for, not decided.
    Proposed,
    /// Agreed: part of the baseline from now on.
    Approved,
    /// Declined.
    Rejected,
    /// Withdrawn by whoever asked.
    Withdrawn,
}

impl ChangeStatus {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            ChangeStatus::Proposed => "Awaiting decision",
            ChangeStatus::Approved => "Approved",
            ChangeStatus::Rejected => "Rejected",
            ChangeStatus::Withdrawn => "Withdrawn",
        }
    }
}

/// Time and money a change adds (or removes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    /// Working days added to the schedule.
    #[serde(default)]
    pub days: i32,
    /// Amount added to the contract value.
    #[serde(default)]
    pub cost: Money,
}

/// Ids of what a change touches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Affects {
    /// Milestone ids.
    #[serde(default)]
    pub milestones: Vec<String>,
    /// Deliverable ids from `scope.md`.
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// KPI ids.
    #[serde(default)]
    pub kpis: Vec<String>,
}
