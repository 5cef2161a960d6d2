//! Problems found in a user's files, as data.
//!
//! A [`Diagnostic`] names the file (relative to the portal folder), the place in it, what was
//! wrong and, where one helps, a hint. Loading and checking collect them rather than stopping
//! at the first, so one run shows every problem. They are printed only at the edge
//! ([`crate::emit`]), which is the one place that knows about terminals.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::source::{Source, Span};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A fact worth knowing (how many rows of an export were used); never a problem.
    Note,
    /// Consultant practice not followed; the portal still builds.
    Warning,
    /// The portal cannot be built until this is fixed.
    Error,
}

/// A stable identifier for each kind of problem, for scripts and for searching the docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The portal folder itself is missing or unusable.
    NotAPortal,
    /// `portico.yaml` is missing.
    MissingConfig,
    /// There is no `clients/` folder.
    NoClientsFolder,
    /// A client folder has no `client.yaml`.
    MissingClientYaml,
    /// A client folder or report file name is not a safe slug.
    BadSlug,
    /// A file could not be read.
    Unreadable,
    /// A text file is not valid UTF-8.
    NotUtf8,
    /// A binary file where text was expected.
    BinaryFile,
    /// A file over the size limit.
    FileTooLarge,
    /// A file with nothing in it.
    EmptyFile,
    /// A symbolic link that leaves the portal folder, or loops.
    Symlink,
    /// YAML that does not parse.
    YamlSyntax,
    /// A value of the wrong type.
    WrongType,
    /// A key the format does not know.
    UnknownKey,
    /// A required key is absent.
    MissingKey,
    /// The same key twice in one mapping.
    DuplicateKey,
    /// A value outside its allowed set.
    UnknownValue,
    /// A malformed or impossible date.
    BadDate,
    /// A value that has the right type but is not acceptable.
    InvalidValue,
    /// A file or folder the portal format does not know, or of the wrong kind.
    UnknownFile,
    /// A Markdown file without front matter where some is required.
    FrontMatterMissing,
    /// Front matter that is opened but never closed.
    FrontMatterUnterminated,
    /// Two items of one file share an id.
    DuplicateId,
    /// An id that names nothing.
    UnknownReference,
    /// Two reports with the same date.
    DuplicateReportDate,
    /// Fields of one item that contradict each other.
    Inconsistent,
    /// A link or image to a file that does not exist.
    BrokenLink,
    /// A link that leaves the client's folder or names another client.
    LinkOutsideClient,
    /// A template in the theme that does not parse or render.
    Template,
    /// A password for a protected portal is missing from the environment.
    MissingPassword,
    /// portico itself failed (a bug): the preview caught a panic in a rebuild.
    Internal,
    /// Warning: no status report within the agreed cadence.
    StaleReport,
    /// Warning: a milestone past its forecast date and not done.
    MilestoneOverdue,
    /// Warning: a milestone awaiting acceptance longer than agreed.
    AcceptanceOverdue,
    /// Warning: a green report while a milestone is late or a serious risk is open.
    GreenButLate,
    /// Warning: a KPI without a measurement in its latest period.
    StaleKpi,
    /// Warning: an item past its date whose record was last updated before that date.
    StaleItem,
    /// Warning: a change request undecided for more than two weeks.
    ChangeUndecided,
    /// Warning: approved changes beyond the contract's end date or change budget.
    PastContract,
    /// Warning: an amber or red report that states no actions.
    NoActions,
    /// Warning: an image in Markdown without alternative text.
    ImageWithoutAlt,
    /// Warning: a file under `files/` that nothing the client sees links to, and that
    /// `files:` does not list, so it is not published.
    UnlinkedFile,
    /// Warning: a report to be published that still holds what `new report` left to fill
    /// in (an empty summary, an empty bullet).
    Placeholder,
    /// Warning: `init`'s sample client would be published beside real clients.
    SampleClient,
    /// Warning: a portal's own catalogue (`theme/i18n/<tag>.ftl`) lacks texts English has;
    /// they are shown in English.
    MissingTranslation,
    /// Warning: a reader's password that zxcvbn judges easy to guess.
    WeakPassword,
    /// Warning: a protected client served from the same origin as another client.
    SharedOrigin,
    /// Warning: a report dated after the as-of date (it is not treated as the latest).
    FutureReport,
    /// An attachment that would run script in the browser (HTML, SVG with script) on an
    /// origin the client shares with others.
    ActiveContent,
    /// Note: how many rows of a time export were used and how many ignored.
    TimeRows,
    /// Warning: hours dated before the engagement starts or after it ends.
    TimeOutsideEngagement,
    /// Warning: billable hours nothing in `budget.yaml` prices.
    TimeUnpriced,
    /// Warning: spending or invoices beyond the cap plus approved changes.
    CapExceeded,
    /// Warning: the budget is spent faster than milestones are done.
    BurnAheadOfProgress,
    /// Warning: a sent invoice past its due date.
    InvoiceOverdue,
    /// Warning: a service-level breach without its cause or remedy.
    SlaBreachUnexplained,
}

impl Code {
    /// Every code, for `check --code` and its "did you mean".
    pub const ALL: &[Code] = &[
        Code::NotAPortal,
        Code::MissingConfig,
        Code::NoClientsFolder,
        Code::MissingClientYaml,
        Code::BadSlug,
        Code::Unreadable,
        Code::NotUtf8,
        Code::BinaryFile,
        Code::FileTooLarge,
        Code::EmptyFile,
        Code::Symlink,
        Code::YamlSyntax,
        Code::WrongType,
        Code::UnknownKey,
        Code::MissingKey,
        Code::DuplicateKey,
        Code::UnknownValue,
        Code::BadDate,
        Code::InvalidValue,
        Code::UnknownFile,
        Code::FrontMatterMissing,
        Code::FrontMatterUnterminated,
        Code::DuplicateId,
        Code::UnknownReference,
        Code::DuplicateReportDate,
        Code::Inconsistent,
        Code::BrokenLink,
        Code::LinkOutsideClient,
        Code::Template,
        Code::MissingPassword,
        Code::Internal,
        Code::StaleReport,
        Code::MilestoneOverdue,
        Code::AcceptanceOverdue,
        Code::GreenButLate,
        Code::StaleKpi,
        Code::ChangeUndecided,
        Code::PastContract,
        Code::NoActions,
        Code::ImageWithoutAlt,
        Code::UnlinkedFile,
        Code::Placeholder,
        Code::SampleClient,
        Code::MissingTranslation,
        Code::WeakPassword,
        Code::SharedOrigin,
        Code::ActiveContent,
        Code::FutureReport,
    ];

    /// The code printed as `name`, if there is one.
    pub fn parse(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// The code as printed, e.g. `unknown-key`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NotAPortal => "not-a-portal",
            Code::MissingConfig => "missing-config",
            Code::NoClientsFolder => "no-clients-folder",
            Code::MissingClientYaml => "missing-client-yaml",
            Code::BadSlug => "bad-slug",
            Code::Unreadable => "unreadable",
            Code::NotUtf8 => "not-utf8",
            Code::BinaryFile => "binary-file",
            Code::FileTooLarge => "file-too-large",
            Code::EmptyFile => "empty-file",
            Code::Symlink => "symlink",
            Code::YamlSyntax => "yaml-syntax",
            Code::WrongType => "wrong-type",
            Code::UnknownKey => "unknown-key",
            Code::MissingKey => "missing-key",
            Code::DuplicateKey => "duplicate-key",
            Code::UnknownValue => "unknown-value",
            Code::BadDate => "bad-date",
            Code::InvalidValue => "invalid-value",
            Code::UnknownFile => "unknown-file",
            Code::FrontMatterMissing => "front-matter-missing",
            Code::FrontMatterUnterminated => "front-matter-unterminated",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownReference => "unknown-reference",
            Code::DuplicateReportDate => "duplicate-report-date",
            Code::Inconsistent => "inconsistent",
            Code::BrokenLink => "broken-link",
            Code::LinkOutsideClient => "link-outside-client",
            Code::Template => "template",
            Code::MissingPassword => "missing-password",
            Code::Internal => "internal",
            Code::StaleReport => "stale-report",
            Code::MilestoneOverdue => "milestone-overdue",
            Code::AcceptanceOverdue => "acceptance-overdue",
            Code::GreenButLate => "green-but-late",
            Code::StaleKpi => "stale-kpi",
            Code::StaleItem => "stale-item",
            Code::ChangeUndecided => "change-undecided",
            Code::PastContract => "past-contract",
            Code::NoActions => "no-actions",
            Code::ImageWithoutAlt => "image-without-alt",
            Code::UnlinkedFile => "unlinked-file",
            Code::Placeholder => "placeholder",
            Code::SampleClient => "sample-client",
            Code::MissingTranslation => "missing-translation",
            Code::WeakPassword => "weak-password",
            Code::SharedOrigin => "shared-origin",
            Code::ActiveContent => "active-content",
            Code::FutureReport => "future-report",
            Code::TimeRows => "time-rows",
            Code::TimeOutsideEngagement => "time-outside-engagement",
            Code::TimeUnpriced => "time-unpriced",
            Code::CapExceeded => "cap-exceeded",
            Code::BurnAheadOfProgress => "burn-ahead-of-progress",
            Code::InvoiceOverdue => "invoice-overdue",
            Code::SlaBreachUnexplained => "sla-breach-unexplained",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable identifier of the kind of problem.
    pub code: Code,
    /// Path relative to the portal folder with `/` separators; `None` for the portal as a whole.
    pub file: Option<String>,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
    /// The file's text, so the report can quote the line.
    pub source: Option<Arc<str>>,
}

impl Diagnostic {
    /// An error about the portal or a file as a whole.
    pub fn error(code: Code, file: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.map(str::to_owned),
            span: None,
            message: message.into(),
            hint: None,
            source: None,
        }
    }

    /// An error at a place in a source file.
    pub fn error_at(
        code: Code,
        source: &Source,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: Some(source.path.clone()),
            span: Some(span),
            message: message.into(),
            hint: None,
            source: Some(source.text.clone()),
        }
    }

    /// The same diagnostic as a note.
    pub fn note(mut self) -> Diagnostic {
        self.severity = Severity::Note;
        self
    }

    /// True for warnings.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// The same diagnostic as a warning.
    pub fn warning(mut self) -> Diagnostic {
        self.severity = Severity::Warning;
        self
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (&self.file, self.span) {
            (Some(f), Some(s)) => format!("{f}:{}:{}", s.line, s.column),
            (Some(f), None) => f.clone(),
            (None, _) => String::new(),
        }
    }

    /// Orders diagnostics for printing: by file, then position, then message.
    pub fn sort_key(&self) -> (Option<&str>, usize, &str) {
        (
            self.file.as_deref(),
            self.span.map_or(0, |s| s.offset),
            self.message.as_str(),
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Note => "note",
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let location = self.location();
        if location.is_empty() {
            write!(f, "{severity}[{}]: {}", self.code, self.message)?;
        } else {
            write!(f, "{location}: {severity}[{}]: {}", self.code, self.message)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// Closest candidate to `word` by edit distance, when close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once() {
        // A code missing from ALL could not be asked for with `check --code`. This match
        // stops compiling when a code is added: add it here and to ALL.
        let listed = |c: Code| Code::ALL.iter().filter(|&&a| a == c).count() == 1;
        for &code in Code::ALL {
            let position = match code {
                Code::NotAPortal
                | Code::MissingConfig
                | Code::NoClientsFolder
                | Code::MissingClientYaml
                | Code::BadSlug
                | Code::Unreadable
                | Code::NotUtf8
                | Code::BinaryFile
                | Code::FileTooLarge
                | Code::EmptyFile
                | Code::Symlink
                | Code::YamlSyntax
                | Code::WrongType
                | Code::UnknownKey
                | Code::MissingKey
                | Code::DuplicateKey
                | Code::UnknownValue
                | Code::BadDate
                | Code::InvalidValue
                | Code::UnknownFile
                | Code::FrontMatterMissing
                | Code::FrontMatterUnterminated
                | Code::DuplicateId
                | Code::UnknownReference
                | Code::DuplicateReportDate
                | Code::Inconsistent
                | Code::BrokenLink
                | Code::LinkOutsideClient
                | Code::Template
                | Code::MissingPassword
                | Code::Internal
                | Code::StaleReport
                | Code::MilestoneOverdue
                | Code::AcceptanceOverdue
                | Code::GreenButLate
                | Code::StaleKpi
                | Code::StaleItem
                | Code::ChangeUndecided
                | Code::PastContract
                | Code::NoActions
                | Code::ImageWithoutAlt
                | Code::UnlinkedFile
                | Code::Placeholder
                | Code::SampleClient
                | Code::MissingTranslation
                | Code::WeakPassword
                | Code::SharedOrigin
                | Code::FutureReport
                | Code::TimeRows
                | Code::TimeOutsideEngagement
                | Code::TimeUnpriced
                | Code::CapExceeded
                | Code::BurnAheadOfProgress
                | Code::InvoiceOverdue
                | Code::SlaBreachUnexplained
                | Code::ActiveContent => listed(code),
            };
            assert!(position, "{code} is listed more than once");
            assert_eq!(Code::parse(code.as_str()), Some(code));
        }
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["baseline_due", "forecast_due", "done_on", "status"];
        assert_eq!(did_you_mean("forcast_due", keys), Some("forecast_due"));
        assert_eq!(did_you_mean("statsu", keys), Some("status"));
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
