//! `reports/*.md`: dated status reports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Rag, TextFormat, Visibility};

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
    /// Overall status.
    pub status: Rag,
    /// Scope status, when reported separately.
    #[serde(default)]
    pub scope: Option<Rag>,
    /// Schedule status, when reported separately.
    #[serde(default)]
    pub schedule: Option<Rag>,
    /// Budget status, when reported separately.
    #[serde(default)]
    pub budget: Option<Rag>,
    /// Two or three sentences a sponsor reads instead of the whole report.
    pub summary: String,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
    /// How the body is written; the client's `text_format` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TextFormat>,
}

/// True for a heading that introduces what will be done next: "Actions", "Next steps",
/// "Recovery plan", "Mitigation", "Asks of the client"... `check` wants one in every amber
/// or red report, and `new report` carries its items over as the next report's checklist.
pub fn is_action_heading(heading: &str) -> bool {
    const WORDS: [&str; 6] = [
        "action",
        "next step",
        "recovery",
        "mitigation",
        "plan",
        "ask",
    ];
    let lower = heading.to_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}
