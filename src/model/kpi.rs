//! `kpis.yaml`: how success is measured, as both sides agreed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Visibility};

/// A measure of success, with a target when one was set.
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
    /// Unit of the values: `percent`, `count`, `days`, `money` (in the client's currency),
    /// or any other text shown after values (`%`, `tickets`).
    #[serde(default)]
    pub unit: Option<String>,
    /// The target; a KPI may be tracked without one (then no on/off-target verdict).
    #[serde(default)]
    pub target: Option<f64>,
    /// How far from the target still counts as "Near target": `5%` (of the target) or an
    /// absolute amount on the wrong side, or a band `{ below: 10%, above: 5% }` beyond
    /// which either side is off target (money not spent is work not done).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<Tolerance>,
    /// Whether higher or lower values are better.
    pub better: Better,
    /// Show values in thousands, millions or billions; the data stays exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// Whether the measure was agreed with the client (the default) or is the consultant's
    /// own, shown as such.
    #[serde(default = "agreed_by_default")]
    pub agreed: bool,
    /// When this KPI's record was last brought up to date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_on: Option<Date>,
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

fn agreed_by_default() -> bool {
    true
}

/// Where a value stands against a KPI's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Meets the target.
    OnTarget,
    /// Misses it, within the tolerance.
    NearTarget,
    /// Misses it beyond the tolerance, or lies outside the band.
    OffTarget,
}

/// Display scale of large values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Shown as `12.5k`.
    Thousands,
    /// Shown as `98.3m`.
    Millions,
    /// Shown as `3.2bn`.
    Billions,
}

impl Scale {
    /// The divisor and the suffix.
    pub fn factor(self) -> (f64, &'static str) {
        match self {
            Scale::Thousands => (1e3, "k"),
            Scale::Millions => (1e6, "m"),
            Scale::Billions => (1e9, "bn"),
        }
    }
}

/// An amount of tolerance: a number in the KPI's unit, or a percentage of the target
/// written `5%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// In the KPI's unit.
    Absolute(f64),
    /// A percentage of the target.
    Percent(f64),
}

impl Amount {
    /// The amount in the KPI's unit, for a target.
    pub fn of(self, target: f64) -> f64 {
        match self {
            Amount::Absolute(a) => a,
            Amount::Percent(p) => target.abs() * p / 100.0,
        }
    }

    /// The number as written, whatever its kind.
    pub fn number(self) -> f64 {
        match self {
            Amount::Absolute(a) | Amount::Percent(a) => a,
        }
    }
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Amount::Absolute(a) => serializer.serialize_f64(*a),
            Amount::Percent(p) => serializer.collect_str(&format_args!("{p}%")),
        }
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Amount;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number, or a percentage of the target such as 5%")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Amount, E> {
                Ok(Amount::Absolute(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount::Absolute(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount::Absolute(v as f64))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                v.strip_suffix('%')
                    .and_then(|n| n.trim().parse::<f64>().ok())
                    .filter(|n| n.is_finite())
                    .map(Amount::Percent)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "expected a number, or a percentage of the target such as 5%, found \"{v}\""
                        ))
                    })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number in the KPI's unit, or a percentage of the target such as 5%.",
            "anyOf": [{ "type": "number" }, { "type": "string", "pattern": "^-?[0-9.]+%$" }]
        })
    }
}

/// How far a value may miss the target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Tolerance {
    /// On the wrong side only: within it is "Near target".
    OneSided(Amount),
    /// A band around the target: beyond either edge is off target.
    Band(Band),
}

impl<'de> Deserialize<'de> for Tolerance {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{self, IntoDeserializer, value::MapAccessDeserializer};
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Tolerance;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number, a percentage such as 5%, or a band { below, above }")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tolerance, E> {
                Ok(Tolerance::OneSided(Amount::Absolute(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tolerance, E> {
                Ok(Tolerance::OneSided(Amount::Absolute(v as f64)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tolerance, E> {
                Ok(Tolerance::OneSided(Amount::Absolute(v as f64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tolerance, E> {
                Amount::deserialize(v.into_deserializer()).map(Tolerance::OneSided)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Tolerance, A::Error> {
                Band::deserialize(MapAccessDeserializer::new(map)).map(Tolerance::Band)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The edges of a tolerance band, each an amount from the target.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// How far below the target is still tolerated.
    #[serde(default)]
    pub below: Option<Amount>,
    /// How far above the target is still tolerated.
    #[serde(default)]
    pub above: Option<Amount>,
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

    /// The lowest and highest values tolerated, in the KPI's unit (`None`: no limit).
    pub fn limits(&self) -> (Option<f64>, Option<f64>) {
        let (Some(target), Some(tolerance)) = (self.target, self.tolerance) else {
            return (None, None);
        };
        match tolerance {
            Tolerance::OneSided(a) => match self.better {
                Better::Up => (Some(target - a.of(target)), None),
                Better::Down => (None, Some(target + a.of(target))),
            },
            Tolerance::Band(b) => (
                b.below.map(|a| target - a.of(target)),
                b.above.map(|a| target + a.of(target)),
            ),
        }
    }

    /// Where `value` stands; `None` when there is no target.
    pub fn standing(&self, value: f64) -> Option<Standing> {
        let target = self.target?;
        let (lo, hi) = self.limits();
        if lo.is_some_and(|lo| value < lo) || hi.is_some_and(|hi| value > hi) {
            return Some(Standing::OffTarget);
        }
        let meets = match self.better {
            Better::Up => value >= target,
            Better::Down => value <= target,
        };
        // On the wrong side: near only when a limit on that side tolerates it.
        let wrong_side_limit = match self.better {
            Better::Up => lo,
            Better::Down => hi,
        };
        Some(match (meets, wrong_side_limit) {
            (true, _) => Standing::OnTarget,
            (false, Some(_)) => Standing::NearTarget,
            (false, None) => Standing::OffTarget,
        })
    }

    /// Whether `value` meets the target (false when there is none).
    pub fn meets_target(&self, value: f64) -> bool {
        self.standing(value) == Some(Standing::OnTarget)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(yaml: &str) -> Kpi {
        serde_yaml::from_str(&format!("id: k\nname: K\n{yaml}")).unwrap()
    }

    #[test]
    fn judges_against_target_and_tolerance() {
        let k = kpi("target: 95\nbetter: up\ntolerance: 5%\n");
        assert_eq!(k.standing(96.0), Some(Standing::OnTarget));
        assert_eq!(k.standing(91.0), Some(Standing::NearTarget));
        assert_eq!(k.standing(90.0), Some(Standing::OffTarget));
        let k = kpi("target: 10\nbetter: down\ntolerance: 2\n");
        assert_eq!(k.standing(11.5), Some(Standing::NearTarget));
        assert_eq!(k.standing(12.5), Some(Standing::OffTarget));
        let k = kpi("target: 95\nbetter: up\n");
        assert_eq!(k.standing(94.9), Some(Standing::OffTarget));
        let k = kpi("better: up\n");
        assert_eq!(k.standing(1.0), None);
        assert!(k.agreed);
    }

    #[test]
    fn a_band_catches_both_sides() {
        // Cost: under budget is good, but far under is work not done.
        let k = kpi("target: 1000\nbetter: down\ntolerance: { below: 20%, above: 5% }\n");
        assert_eq!(k.standing(900.0), Some(Standing::OnTarget));
        assert_eq!(k.standing(1030.0), Some(Standing::NearTarget));
        assert_eq!(k.standing(1100.0), Some(Standing::OffTarget));
        assert_eq!(k.standing(700.0), Some(Standing::OffTarget));
    }
}
