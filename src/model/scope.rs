//! `scope.md`: what was agreed, and what was not.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{TextFormat, TextItem, Visibility, visible_texts};

/// The scope document: structured front matter plus a Markdown narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The front matter.
    pub meta: ScopeMeta,
    /// The Markdown body, exactly as written.
    pub body: String,
    /// Byte offset of the body in `scope.md`, so body diagnostics point into the file.
    pub body_offset: usize,
}

impl Scope {
    /// True when nothing has been written yet: no front matter values and no body.
    pub fn is_empty(&self) -> bool {
        self.meta == ScopeMeta::default() && self.body.trim().is_empty()
    }

    /// A copy without internal items.
    pub fn for_client_eyes(&self) -> Scope {
        Scope {
            meta: ScopeMeta {
                title: self.meta.title.clone(),
                deliverables: self
                    .meta
                    .deliverables
                    .iter()
                    .filter(|d| d.visibility.is_visible())
                    .cloned()
                    .collect(),
                out_of_scope: visible_texts(&self.meta.out_of_scope),
                assumptions: visible_texts(&self.meta.assumptions),
                client_responsibilities: visible_texts(&self.meta.client_responsibilities),
                format: self.meta.format,
            },
            body: self.body.clone(),
            body_offset: self.body_offset,
        }
    }
}

/// The front matter of `scope.md`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScopeMeta {
    /// Page title; "Scope of work" when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// What will be handed over, each with how it will be accepted.
    #[serde(default)]
    pub deliverables: Vec<Deliverable>,
    /// What is explicitly not part of the engagement.
    #[serde(default)]
    pub out_of_scope: Vec<TextItem>,
    /// What the plan and price rely on.
    #[serde(default)]
    pub assumptions: Vec<TextItem>,
    /// What the client has agreed to provide.
    #[serde(default)]
    pub client_responsibilities: Vec<TextItem>,
    /// How this file's texts are written; the client's `text_format` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TextFormat>,
}

/// Something that will be handed over.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    /// Short stable id, e.g. `D1`; milestones and change requests refer to it.
    pub id: String,
    /// What it is.
    pub title: String,
    /// How the client will judge it done.
    #[serde(default)]
    pub acceptance: Option<String>,
    /// Who may see it.
    #[serde(default)]
    pub visibility: Visibility,
}
