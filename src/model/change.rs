//! `changes.yaml`: change requests, so scope creep stays visible.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::{Date, Money, Visibility};

/// A request to change what was agreed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
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
    /// New agreed dates of milestones, by id (`{ M4: 2026-12-04 }`). Once the change is
    /// approved they re-baseline the milestones: delay the client approved is not slip.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub moves: BTreeMap<String, Date>,
    /// The day a decision is needed by; two weeks after `requested_on` when absent.
    #[serde(default)]
    pub decide_by: Option<Date>,
    /// What happens if it is not decided by then, in a sentence.
    #[serde(default)]
    pub if_late: Option<String>,
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
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    /// Calendar days the end date moves; derived from `moves` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_days: Option<i32>,
    /// Days of work it adds (priced at the day rate on daily engagements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort_days: Option<f64>,
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
