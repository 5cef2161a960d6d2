//! `sla.yaml`: service levels agreed, and how each period measured up.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Date;

/// One service level, e.g. "Priority 1 response within 4 business hours".
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevel {
    /// Short stable id, e.g. `p1-response`.
    pub id: String,
    /// What is promised.
    pub name: String,
    /// Share of cases that must meet it, in percent (e.g. 95).
    pub target: f64,
    /// Results per period, in any order (sorted by start when loaded).
    #[serde(default)]
    pub periods: Vec<SlaPeriod>,
}

/// How one period measured up.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaPeriod {
    /// First day of the period.
    pub start: Date,
    /// A name for the period, e.g. "November 2026"; the start date when absent.
    #[serde(default)]
    pub label: Option<String>,
    /// Share of cases that met the level, in percent.
    pub achieved: f64,
    /// Cases that did not meet it.
    #[serde(default)]
    pub breaches: Vec<Breach>,
}

/// A case that missed the level, with what caused it and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Breach {
    /// When it happened.
    pub on: Date,
    /// What happened, in a line.
    pub what: String,
    /// Why it happened.
    #[serde(default)]
    pub cause: Option<String>,
    /// What was done so it does not happen again.
    #[serde(default)]
    pub remedy: Option<String>,
}

impl ServiceLevel {
    /// The latest period, if any.
    pub fn latest(&self) -> Option<&SlaPeriod> {
        self.periods.iter().max_by_key(|p| p.start)
    }
}

impl SlaPeriod {
    /// Met the target.
    pub fn met(&self, target: f64) -> bool {
        self.achieved >= target
    }

    /// The period's name.
    pub fn name(&self) -> String {
        self.label.clone().unwrap_or_else(|| self.start.to_string())
    }
}
