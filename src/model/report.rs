//! `reports/*.md`: dated status reports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Rating, TextFormat, Visibility};

/// One status report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// File stem, e.g. `2026-11-14`; the report's output folder.
    pub slug: String,
    /// The front matter.
    pub meta: ReportMeta,
    /// The Markdown body, exactly as written.
    pub body: String,
    /// Byte offset of the body in the file, so body diagnostics point into it.
    pub body_offset: usize,
}

/// A report's front matter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    /// The reporting date.
    pub date: Date,
    /// Headline.
    pub title: String,
    /// Overall status, on the portal's rating scale; `unknown` when nobody assessed it,
    /// `withheld` (with `withheld_reason`) when it may not be published.
    pub status: Rating,
    /// Who gave the rating, e.g. "Independent Projects Review"; the report's author when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rated_by: Option<String>,
    /// Why a `withheld` status is not published, shown in its place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld_reason: Option<String>,
    /// Scope status, when reported separately.
    #[serde(default)]
    pub scope: Option<Rating>,
    /// Schedule status, when reported separately.
    #[serde(default)]
    pub schedule: Option<Rating>,
    /// Budget status, when reported separately.
    #[serde(default)]
    pub budget: Option<Rating>,
    /// Two or three sentences a sponsor reads instead of the whole report.
    pub summary: String,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
    /// How the body is written; the client's `text_format` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TextFormat>,
    /// Not finished: `build` leaves it out (and says so); `serve` and `build --drafts`
    /// show it under a "Draft" banner for review.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

/// True for a heading that introduces what will be done next: "Actions", "Next steps",
/// "Recovery plan", "Mitigation", "Asks of the client", "Maßnahmen", "Prochaines étapes"...
/// `check` wants one in every amber or red report, and `new report` carries its items over
/// as the next report's checklist.
pub fn is_action_heading(heading: &str) -> bool {
    // Whole words (and phrases) only: "Explanation" holds "plan" and "Task force" holds
    // "ask", but neither introduces actions. An English word may take a plural "s"; the
    // other languages list their plurals. Every built-in catalogue's "Next steps" and
    // "Asks of" headings, which `new report` writes, are among them (a test holds this).
    const PHRASES: [&[&str]; 31] = [
        // English
        &["action"],
        &["recovery"],
        &["mitigation"],
        &["plan"],
        &["ask"],
        &["next", "step"],
        // German
        &["maßnahme"],
        &["maßnahmen"],
        &["aktionen"],
        &["bitten"],
        &["nächste", "schritte"],
        &["nächsten", "schritte"],
        // French
        &["actions"],
        &["mesures"],
        &["demandes"],
        &["prochaines", "étapes"],
        &["prochaine", "étape"],
        // Dutch
        &["acties"],
        &["actiepunten"],
        &["maatregelen"],
        &["verzoeken"],
        &["herstelplan"],
        &["volgende", "stappen"],
        // Spanish
        &["acción"],
        &["acciones"],
        &["medidas"],
        &["mitigación"],
        &["peticiones"],
        &["próximos", "pasos"],
        &["próximo", "paso"],
        &["plan", "de", "acción"],
    ];
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let is = |w: &str, base: &str| w == base || w.strip_suffix('s') == Some(base);
    PHRASES.iter().any(|phrase| {
        words
            .windows(phrase.len())
            .any(|run| run.iter().zip(phrase.iter()).all(|(w, base)| is(w, base)))
    })
}

#[cfg(test)]
mod tests {
    use super::is_action_heading;

    #[test]
    fn action_headings_match_whole_words() {
        for yes in [
            "Actions",
            "Next steps",
            "Recovery plan",
            "Mitigation",
            "Asks of the client",
            "Our plan for December",
            "Action",
            "Nächste Schritte",
            "Bitten an Lindenhof",
            "Demandes à Maison Vellard",
            "Verzoeken aan Kordaal",
            "Maßnahmen",
            "Prochaines étapes",
            "Mesures de redressement",
            "Acciones",
        ] {
            assert!(is_action_heading(yes), "{yes}");
        }
        for no in [
            "Explanation",
            "Task force",
            "Planning assumptions",
            "Transactions",
            "Masks",
            "Planung",
            "Demandeur",
        ] {
            assert!(!is_action_heading(no), "{no}");
        }
    }

    /// The headings `new report` writes, in every built-in language, are action headings:
    /// the next report carries their items over, and `check` finds them.
    #[test]
    fn every_catalogues_report_headings_are_action_headings() {
        let catalogues = crate::locale::builtin_catalogues();
        for tag in catalogues.tags() {
            let language = crate::locale::Language::parse(tag).unwrap();
            let locale = catalogues.locale(&language);
            for heading in [
                locale.text("report-next-steps", &[]),
                locale.text("report-asks-of", &[("client", "Acme".into())]),
            ] {
                let heading = crate::locale::without_isolates(&heading);
                assert!(is_action_heading(&heading), "{tag}: {heading}");
            }
        }
    }
}
