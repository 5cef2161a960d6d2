//! portico renders one self-contained static portal per client from a folder of YAML and
//! Markdown: scope, milestones, status reports, KPIs, change requests, risks and decisions.
//!
//! The data flows one way, and each step is its own module with plain types between them:
//!
//! ```text
//! files --load--> Portal --check--> diagnostics
//!                   |
//!                   +--render--> RenderedFile (bytes) --output--> public/<client>/
//! ```
//!
//! [`load`] reads and types the files, [`check`] applies rules across them, [`render`] turns
//! a client into pages without touching the disk, and [`output`] writes a build atomically.
//! [`mod@build`] strings them together; [`cli`] is the command-line edge, and [`emit`]
//! prints diagnostics for people (with miette) or for scripts (JSON).

// Diagnostics carry their file's text for reporting; they travel only on the error path,
// so their size is not worth boxing.
#![allow(clippy::result_large_err)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod build;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod emit;
pub mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod links;
pub mod load;
pub mod locale;
pub mod model;
pub mod output;
pub mod portfolio;
pub mod progress;
pub mod protect;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod source;
pub mod texts;

pub use build::{
    BuildOptions, BuildReport, build, build_with, check_portal, check_portal_with, validate,
};
pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::Error;
