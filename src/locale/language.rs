//! A BCP 47 language tag as `portico.yaml` and `client.yaml` write it.

use std::borrow::Cow;
use std::fmt;

use icu_locale_core::LanguageIdentifier;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A language tag such as `de`, `fr-CH` or `pt-BR`, in its canonical spelling.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language(String);

impl Default for Language {
    fn default() -> Self {
        Language("en".to_owned())
    }
}

impl Language {
    /// Parses a tag; the error says what was wrong, for a diagnostic.
    pub fn parse(text: &str) -> Result<Language, String> {
        let bad = || {
            format!(
                "\"{text}\" is not a BCP 47 language tag; write a language code such as de, fr-CH or pt-BR"
            )
        };
        // `en_GB` and `de.UTF-8` are how operating systems write locales, not BCP 47.
        if text.is_empty() || text.contains(['_', '.', ' ']) {
            return Err(bad());
        }
        let id: LanguageIdentifier = text.parse().map_err(|_| bad())?;
        if id.language.is_unknown() {
            return Err(bad());
        }
        Ok(Language(id.to_string()))
    }

    /// The canonical tag: `de`, `fr-CH`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language alone: `fr` for `fr-CH`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The tags to look for catalogues under, most specific first: `fr-CH`, `fr`.
    pub fn fallbacks(&self) -> Vec<String> {
        let parts: Vec<&str> = self.0.split('-').collect();
        (1..=parts.len())
            .rev()
            .map(|n| parts[..n].join("-"))
            .collect()
    }

    /// The locale ICU4X formats with. English without a region is international English
    /// (`en-001`: `14 Nov 2026`, day first); `en-US` gives `Nov 14, 2026`.
    pub(crate) fn icu_locale(&self) -> icu_locale_core::Locale {
        let tag = if self.0 == "en" { "en-001" } else { &self.0 };
        tag.parse().unwrap_or(icu_locale_core::locale!("en-001"))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Language {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::parse(s)
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::parse_in_place(
            deserializer,
            "a BCP 47 language tag such as de, fr-CH or pt-BR",
            Language::parse,
        )
    }
}

impl JsonSchema for Language {
    fn schema_name() -> Cow<'static, str> {
        "Language".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$",
            "description": "A BCP 47 language tag such as en, de, fr-CH or pt-BR."
        })
    }
}
