//! `kpis.yaml`: how success is measured, as both sides agreed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Visibility};

/// A measure of success with a target.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    /// Short stable id, e.g. `otif`.
    pub id: String,
    /// What is measured.
    pub name: String,
    /// How it is measured, and from which source (Markdown inline).
    #[serde(default)]
    pub description: Option<String>,
    /// Unit shown after values, e.g. `%` or `days`.
    #[serde(default)]
    pub unit: Option<String>,
    /// The agreed target.
    pub target: f64,
    /// Whether higher or lower values are better.
    pub better: Better,
    /// Expected days between measurements.
    #[serde(default)]
    pub period_days: Option<u32>,
    /// Measurements; sorted by date at load.
    #[serde(default)]
    pub points: Vec<Point>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
}

impl Kpi {
    /// The largest magnitude a target or measurement may have: far beyond any real
    /// measure, and far enough from `f64::MAX` that the sums and differences a chart
    /// computes stay finite (near `f64::MAX` they became `inf`, then `NaN` in the SVG).
    pub const MAX_VALUE: f64 = 1e15;

    /// Whether `value` is a number a page and a chart can show.
    pub fn is_usable(value: f64) -> bool {
        value.is_finite() && value.abs() <= Self::MAX_VALUE
    }

    /// The most recent measurement.
    pub fn latest(&self) -> Option<&Point> {
        self.points.last()
    }

    /// Whether `value` meets the target.
    pub fn meets_target(&self, value: f64) -> bool {
        match self.better {
            Better::Up => value >= self.target,
            Better::Down => value <= self.target,
        }
    }
}

/// Which direction is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// Higher is better.
    Up,
    /// Lower is better.
    Down,
}

/// One measurement.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// When it was measured.
    pub on: Date,
    /// What was measured.
    pub value: f64,
}
