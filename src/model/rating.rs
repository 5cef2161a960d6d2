//! Ratings: the overall status of a report, on the portal's own scale.
//!
//! A rating is a word written in a report (`status: amber`). The portal's scale
//! (`rating_scale:` in `portico.yaml`, else green/amber/red) says what each word reads as
//! and which of green, amber or red it counts as for colour, sorting and warnings. Two
//! words are always there and count as no colour at all: `unknown` (nobody assessed it)
//! and `withheld` (assessed, but not published; a reason is shown instead). A status
//! nobody gave is never green.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::Rag;

/// A rating as written: one of the scale's values, `unknown` or `withheld`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rating(pub String);

impl Rating {
    /// The value as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for `withheld`.
    pub fn is_withheld(&self) -> bool {
        self.0 == WITHHELD
    }
}

impl From<Rag> for Rating {
    fn from(rag: Rag) -> Rating {
        Rating(rag.key().to_owned())
    }
}

impl JsonSchema for Rating {
    fn schema_name() -> Cow<'static, str> {
        "Rating".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A value of the portal's rating scale (green, amber, red unless portico.yaml defines rating_scale), or unknown (not assessed) or withheld (give withheld_reason)."
        })
    }
}

/// Not assessed yet.
pub const UNKNOWN: &str = "unknown";
/// Assessed but not published.
pub const WITHHELD: &str = "withheld";

/// One value of a rating scale, as written in `portico.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingLevel {
    /// The word reports write, e.g. `amber_green`.
    pub value: String,
    /// What readers see, e.g. "Amber/green: probably on track".
    pub label: String,
    /// Which of green, amber or red it counts as for colour, sorting and warnings.
    pub counts_as: Rag,
}

/// What a rating means on a portal's scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meaning {
    /// What readers see.
    pub label: String,
    /// The colour it counts as; `None` for `unknown` and `withheld`, which are never
    /// counted as any colour.
    pub counts_as: Option<Rag>,
}

/// The scale a portal rates on: its own levels, else green, amber and red.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RatingScale {
    levels: Vec<RatingLevel>,
}

impl RatingScale {
    /// The scale of `rating_scale:`, or the default when the list is empty.
    pub fn new(levels: &[RatingLevel]) -> RatingScale {
        RatingScale {
            levels: levels.to_vec(),
        }
    }

    fn levels(&self) -> Cow<'_, [RatingLevel]> {
        if self.levels.is_empty() {
            Cow::Owned(
                [Rag::Green, Rag::Amber, Rag::Red]
                    .into_iter()
                    .map(|r| RatingLevel {
                        value: r.key().to_owned(),
                        label: r.label().to_owned(),
                        counts_as: r,
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(&self.levels)
        }
    }

    /// What `rating` means, or `None` when it is not on the scale.
    pub fn meaning(&self, rating: &Rating) -> Option<Meaning> {
        match rating.as_str() {
            UNKNOWN => Some(Meaning {
                label: "Not assessed".to_owned(),
                counts_as: None,
            }),
            WITHHELD => Some(Meaning {
                label: "Withheld".to_owned(),
                counts_as: None,
            }),
            value => self
                .levels()
                .iter()
                .find(|l| l.value == value)
                .map(|l| Meaning {
                    label: l.label.clone(),
                    counts_as: Some(l.counts_as),
                }),
        }
    }

    /// The colour `rating` counts as; `None` when it is unknown, withheld or off the scale.
    pub fn counts_as(&self, rating: &Rating) -> Option<Rag> {
        self.meaning(rating).and_then(|m| m.counts_as)
    }

    /// Every value a report may write, in scale order, then `unknown` and `withheld`.
    pub fn values(&self) -> Vec<String> {
        let mut values: Vec<String> = self.levels().iter().map(|l| l.value.clone()).collect();
        values.extend([UNKNOWN.to_owned(), WITHHELD.to_owned()]);
        values
    }

    /// True for the two values every scale has and none may redefine.
    pub fn is_reserved(value: &str) -> bool {
        value == UNKNOWN || value == WITHHELD
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Rating {
        Rating(s.to_owned())
    }

    #[test]
    fn unknown_and_withheld_are_never_green() {
        let scale = RatingScale::default();
        assert_eq!(scale.counts_as(&r("unknown")), None);
        assert_eq!(scale.counts_as(&r("withheld")), None);
        assert_eq!(scale.counts_as(&r("green")), Some(Rag::Green));
        assert_eq!(scale.meaning(&r("unknown")).unwrap().label, "Not assessed");
        assert_eq!(scale.meaning(&r("greenish")), None);
        assert_eq!(
            scale.values(),
            ["green", "amber", "red", "unknown", "withheld"]
        );
    }

    #[test]
    fn a_five_point_scale_counts_each_value_as_its_colour() {
        let levels: Vec<RatingLevel> = serde_yaml::from_str(
            "- {value: green, label: Green, counts_as: green}\n\
             - {value: amber_green, label: Amber/green, counts_as: amber}\n\
             - {value: amber, label: Amber, counts_as: amber}\n\
             - {value: amber_red, label: Amber/red, counts_as: red}\n\
             - {value: red, label: Red, counts_as: red}\n",
        )
        .unwrap();
        let scale = RatingScale::new(&levels);
        assert_eq!(scale.counts_as(&r("amber_green")), Some(Rag::Amber));
        assert_eq!(scale.counts_as(&r("amber_red")), Some(Rag::Red));
        assert_eq!(scale.meaning(&r("amber_red")).unwrap().label, "Amber/red");
        assert_eq!(scale.values().len(), 7);
        assert_eq!(scale.counts_as(&r("unknown")), None);
    }
}
