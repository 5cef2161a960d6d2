//! The library's error type.
//!
//! Problems in the user's files are [`Diagnostic`]s, collected and returned together as
//! [`Error::Invalid`]. The other variants are failures of the machine or the environment:
//! a disk that cannot be written, an output folder that must not be replaced.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Severity};

/// What can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The portal has errors; every diagnostic found (warnings included) is here.
    #[error("{}", invalid_summary(.0))]
    Invalid(Vec<Diagnostic>),
    /// A file-system operation failed; the message names the path.
    #[error("{0}")]
    FileSystem(#[source] std::io::Error),
    /// An I/O error at a known path.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The output folder exists and was not written by portico.
    #[error("refusing to replace {}: {why}", path.display())]
    ForeignOutput {
        /// The folder.
        path: PathBuf,
        /// Why it is not replaceable.
        why: String,
    },
    /// `--drafts` without an output of its own: a preview of unpublished reports would
    /// replace the output that is deployed.
    #[error(
        "refusing to write draft reports into {}, the portal's output: a preview with drafts needs a folder of its own, e.g. `portico build --drafts --out preview`",
        .0.display()
    )]
    DraftsIntoPublicOutput(PathBuf),
    /// Another build is writing the same output folder.
    #[error("another portico build is writing {}; wait for it to finish, then build again", .0.display())]
    OutputBusy(PathBuf),
    /// The output folder is a mount point, which cannot be swapped for the new output.
    #[error(
        "cannot replace {path}: it is a mount point, and portico replaces its output folder as a \
         whole by renaming it, which a mount point does not allow; build into a folder inside it \
         (`--out {path}/site`), or build elsewhere and copy the result over (e.g. \
         `rsync -a --delete public/ {path}/`)",
        path = .0.display()
    )]
    OutputMountPoint(PathBuf),
    /// The two-rename swap failed half-way and could not be undone: the output folder is
    /// missing and the previous output is aside.
    #[error(
        "could not put the new output in place ({source}), and the previous output, moved \
         aside to {}, could not be moved back: rename it to {} (the next build also does)",
        aside.display(),
        out.display()
    )]
    SwapIncomplete {
        /// The output folder, now missing.
        out: PathBuf,
        /// Where the previous output is.
        aside: PathBuf,
        /// Why the new output could not be put in place.
        source: std::io::Error,
    },
    /// The preview server's port is taken.
    #[error("{0} is already in use; is another preview running? Try --port {port}", port = .0.port().saturating_add(1))]
    PortInUse(std::net::SocketAddr),
    /// The preview server could not start or watch.
    #[error("{0}")]
    Serve(String),
    /// A file or folder that would be overwritten.
    #[error("{} already exists; portico never overwrites a file", .0.display())]
    AlreadyExists(PathBuf),
    /// A folder that is not a portal (no `portico.yaml`).
    #[error("{} is not a portal folder: it has no portico.yaml (`portico init <dir>` creates one)", .0.display())]
    NotAPortal(PathBuf),
    /// A client slug that cannot be a folder and web address.
    #[error(
        "\"{slug}\" cannot be a client folder name; use lowercase letters, digits and hyphens, e.g. \"{suggestion}\""
    )]
    InvalidSlug {
        /// What was given.
        slug: String,
        /// A usable slug close to it.
        suggestion: String,
    },
    /// A client that does not exist.
    #[error("no client \"{slug}\" in this portal{}", client_hint(.closest.as_deref(), .known))]
    UnknownClient {
        /// What was given.
        slug: String,
        /// The closest existing slug, if any is close.
        closest: Option<String>,
        /// Every existing slug.
        known: Vec<String>,
    },
    /// `SOURCE_DATE_EPOCH` is set but is not a count of seconds.
    #[error(
        "SOURCE_DATE_EPOCH is \"{0}\", not a number of seconds since 1970-01-01; set it to e.g. \
         `$(git log -1 --format=%ct)`, or unset it to state facts as of today"
    )]
    SourceDateEpoch(String),
    /// `portico portfolio` was asked to write where a build's output is: the portfolio is
    /// internal and must never be deployed.
    #[error(
        "refusing to write the portfolio into {}: it is inside {}, the output of `portico build`, which gets deployed; the portfolio is internal (the default is PORTAL/portfolio)",
        path.display(),
        output.display()
    )]
    PortfolioInOutput {
        /// Where the portfolio was to go.
        path: PathBuf,
        /// The build output it lies in.
        output: PathBuf,
    },
    /// `portico build` was asked to write an output folder that holds the internal
    /// portfolio, which would deploy it.
    #[error(
        "refusing to build into {}: it holds the internal portfolio at {}, which must never be deployed; build elsewhere, or move the portfolio out",
        path.display(),
        portfolio.display()
    )]
    OutputHoldsPortfolio {
        /// The output folder.
        path: PathBuf,
        /// The portfolio found in or around it.
        portfolio: PathBuf,
    },
    /// The renderer produced a path outside the output folder (a bug, refused).
    #[error("internal error: refusing to write outside the output folder: {0}")]
    UnsafeOutputPath(String),
}

impl Error {
    /// Wraps an error from `fs_err`, whose message already names the path.
    pub fn io(e: std::io::Error) -> Error {
        Error::FileSystem(e)
    }
}

fn client_hint(closest: Option<&str>, known: &[String]) -> String {
    match (closest, known) {
        (Some(c), _) => format!("; did you mean \"{c}\"?"),
        (None, []) => "; there are no clients yet (`portico new client <slug>`)".to_owned(),
        (None, known) => format!("; clients: {}", known.join(", ")),
    }
}

fn invalid_summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if warnings == 0 {
        plural(errors, "error")
    } else {
        format!(
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }
}
