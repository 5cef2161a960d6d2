//! Diagnostics as the user sees them: a terminal report with the source line and a caret
//! (drawn by miette), or one JSON object per line for scripts and CI.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};

/// Renders diagnostics for a terminal; `color` adds ANSI colours.
pub fn human(diagnostics: &[Diagnostic], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for d in diagnostics {
        let view = View::new(d);
        if handler.render_report(&mut out, &view).is_err() {
            // Rendering into a String only fails on a formatter bug; keep the plain line.
            out.push_str(&d.to_string());
        }
        out.push('\n');
    }
    out
}

/// One JSON object per line: severity, code, file, line, column, message, hint.
pub fn json(diagnostics: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        severity: Severity,
        code: &'a str,
        file: Option<&'a str>,
        line: Option<usize>,
        column: Option<usize>,
        message: &'a str,
        hint: Option<&'a str>,
    }
    let mut out = String::new();
    for d in diagnostics {
        let line = Line {
            severity: d.severity,
            code: d.code.as_str(),
            file: d.file.as_deref(),
            line: d.span.map(|s| s.line),
            column: d.span.map(|s| s.column),
            message: &d.message,
            hint: d.hint.as_deref(),
        };
        // Serialising plain strings and numbers cannot fail.
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// A diagnostic dressed for miette.
struct View<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<NamedSource<std::sync::Arc<str>>>,
    heading: String,
}

impl<'a> View<'a> {
    fn new(d: &'a Diagnostic) -> View<'a> {
        let source = match (&d.file, &d.source) {
            (Some(file), Some(text)) => Some(NamedSource::new(file, text.clone())),
            _ => None,
        };
        // Without a snippet miette shows no file name, so put it in the heading.
        let heading = match (&d.file, &source) {
            (Some(file), None) => format!("{file}: {}", d.message),
            _ => d.message.clone(),
        };
        View {
            diagnostic: d,
            source,
            heading,
        }
    }
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.heading)
    }
}

impl std::error::Error for View<'_> {}

impl miette::Diagnostic for View<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("portico::{}", self.diagnostic.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .hint
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.diagnostic.span?;
        self.source.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            None,
            span.offset,
            span.len,
        ))))
    }
}
