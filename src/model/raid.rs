//! `raid.yaml`: risks, assumptions, issues, dependencies and decisions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Visibility};

/// The RAID log, one list per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Raid {
    /// Things that might go wrong.
    #[serde(default)]
    pub risks: Vec<RaidItem>,
    /// Things the plan takes as true until shown otherwise.
    #[serde(default)]
    pub assumptions: Vec<RaidItem>,
    /// Things that have gone wrong.
    #[serde(default)]
    pub issues: Vec<RaidItem>,
    /// Things the work waits on from others.
    #[serde(default)]
    pub dependencies: Vec<RaidItem>,
    /// Choices made or awaited.
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

impl Raid {
    /// A copy without internal items.
    pub fn for_client_eyes(&self) -> Raid {
        fn keep<T: Clone>(items: &[T], visible: impl Fn(&T) -> Visibility) -> Vec<T> {
            items
                .iter()
                .filter(|i| visible(i).is_visible())
                .cloned()
                .collect()
        }
        Raid {
            risks: keep(&self.risks, |i| i.visibility),
            assumptions: keep(&self.assumptions, |i| i.visibility),
            issues: keep(&self.issues, |i| i.visibility),
            dependencies: keep(&self.dependencies, |i| i.visibility),
            decisions: keep(&self.decisions, |d| d.visibility),
        }
    }

    /// True when the log holds nothing.
    pub fn is_empty(&self) -> bool {
        self.risks.is_empty()
            && self.assumptions.is_empty()
            && self.issues.is_empty()
            && self.dependencies.is_empty()
            && self.decisions.is_empty()
    }

    /// The four item lists with their kind, in reading order.
    pub fn item_lists(&self) -> [(RaidKind, &[RaidItem]); 4] {
        [
            (RaidKind::Risk, &self.risks),
            (RaidKind::Issue, &self.issues),
            (RaidKind::Assumption, &self.assumptions),
            (RaidKind::Dependency, &self.dependencies),
        ]
    }

    /// Every id in the log with where it sits (`risks`, index), for duplicate checks.
    pub fn ids(&self) -> Vec<(&'static str, usize, &str)> {
        let mut ids = Vec::new();
        for (kind, items) in self.item_lists() {
            for (i, item) in items.iter().enumerate() {
                ids.push((kind.key(), i, item.id.as_str()));
            }
        }
        for (i, d) in self.decisions.iter().enumerate() {
            ids.push(("decisions", i, d.id.as_str()));
        }
        ids
    }
}

/// Which list an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RaidKind {
    /// `risks`.
    Risk,
    /// `assumptions`.
    Assumption,
    /// `issues`.
    Issue,
    /// `dependencies`.
    Dependency,
}

impl RaidKind {
    /// The key of its list in `raid.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            RaidKind::Risk => "risks",
            RaidKind::Assumption => "assumptions",
            RaidKind::Issue => "issues",
            RaidKind::Dependency => "dependencies",
        }
    }
}

/// A risk, assumption, issue or dependency.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RaidItem {
    /// Short stable id, e.g. `R4`.
    pub id: String,
    /// One line.
    pub title: String,
    /// Who acts on it.
    #[serde(default)]
    pub owner: Option<String>,
    /// Where it stands.
    pub status: RaidStatus,
    /// How bad it would be (risks) or is (issues).
    #[serde(default)]
    pub severity: Option<Severity>,
    /// When it was logged.
    #[serde(default)]
    pub raised_on: Option<Date>,
    /// When something must happen by.
    #[serde(default)]
    pub due_on: Option<Date>,
    /// When it was closed.
    #[serde(default)]
    pub closed_on: Option<Date>,
    /// When this entry was last brought up to date. Open past its due date with an older
    /// update, it is stale: nobody has said where it stands since it fell due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_on: Option<Date>,
    /// Detail: mitigation, impact, what is being done (Markdown).
    #[serde(default)]
    pub text: Option<String>,
    /// What happens if it is not done by `due_on`, in a sentence; shown with it under
    /// "Waiting for you" when the client owns it.
    #[serde(default)]
    pub if_late: Option<String>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
}

impl RaidItem {
    /// Not closed.
    pub fn is_open(&self) -> bool {
        self.status != RaidStatus::Closed
    }

    /// Open past its due date, and last updated before that date.
    pub fn is_stale(&self, as_of: Date) -> bool {
        self.is_open()
            && self
                .due_on
                .zip(self.updated_on)
                .is_some_and(|(due, updated)| due < as_of && updated < due)
    }

    /// Open with high or critical severity, or escalated.
    pub fn is_pressing(&self) -> bool {
        self.is_open()
            && (self.status == RaidStatus::Escalated
                || self.severity.is_some_and(|s| s >= Severity::High))
    }
}

/// Where a RAID item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RaidStatus {
    /// Being worked on.
    Open,
    /// Raised to the sponsor or steering committee.
    Escalated,
    /// Resolved, mitigated away, or no longer relevant.
    Closed,
}

impl RaidStatus {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            RaidStatus::Open => "Open",
            RaidStatus::Escalated => "Escalated",
            RaidStatus::Closed => "Closed",
        }
    }
}

/// How bad.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Minor.
    Low,
    /// Noticeable.
    Medium,
    /// Serious.
    High,
    /// Threatens the engagement.
    Critical,
}

impl Severity {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
            Severity::Critical => "Critical",
        }
    }
}

/// A decision made, or awaited.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Short stable id, e.g. `DEC-2`.
    pub id: String,
    /// The question.
    pub title: String,
    /// Who must decide.
    #[serde(default)]
    pub owner: Option<String>,
    /// Made or awaited.
    pub status: DecisionStatus,
    /// When the question was raised.
    #[serde(default)]
    pub raised_on: Option<Date>,
    /// When a decision is needed by.
    #[serde(default)]
    pub due_on: Option<Date>,
    /// When it was decided.
    #[serde(default)]
    pub decided_on: Option<Date>,
    /// Who decided.
    #[serde(default)]
    pub decided_by: Option<String>,
    /// The decision and its reasoning, or the options on the table (Markdown).
    #[serde(default)]
    pub text: Option<String>,
    /// What happens if it is not decided by `due_on`, in a sentence.
    #[serde(default)]
    pub if_late: Option<String>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
}

/// Whether a decision has been made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    /// Awaited.
    Pending,
    /// Made.
    Decided,
}

impl DecisionStatus {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            DecisionStatus::Pending => "Awaiting decision",
            DecisionStatus::Decided => "Decided",
        }
    }
}
