//! Diagnostics as the user sees them: a terminal report with the source line and a caret
//! (drawn by miette), a summary by code when there are too many to read, or one JSON
//! object per line for scripts and CI.

use std::collections::BTreeMap;
use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    NamedSource, SourceCode, SourceSpan, SpanContents,
};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

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

/// How many warnings `build` prints in full; above this it prints [`summary`]: a
/// portfolio of hundreds of clients has thousands, and nobody reads those.
pub const FULL_WARNINGS: usize = 10;

/// Warnings in a few lines: a heading, then one line per code, most frequent first, with
/// the count and the three clients with most of them (ties by name), e.g.
/// `  1,034 change-undecided (client-0012, client-0450, client-0451, +812 more)`.
/// Warnings outside any client's folder are named by their file.
pub fn summary(warnings: &[Diagnostic]) -> String {
    // code -> place -> count
    let mut by_code: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut clients: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut outside_clients = false;
    for d in warnings {
        let place = match d.file.as_deref() {
            Some(file) => match client_of(file) {
                Some(slug) => {
                    clients.insert(slug);
                    slug.to_owned()
                }
                None => {
                    outside_clients = true;
                    file.to_owned()
                }
            },
            None => {
                outside_clients = true;
                "the portal".to_owned()
            }
        };
        *by_code
            .entry(d.code.as_str())
            .or_default()
            .entry(place)
            .or_default() += 1;
    }
    // (code, warnings, places with their counts)
    type Line<'a> = (&'a str, usize, Vec<(String, usize)>);
    let mut codes: Vec<Line<'_>> = by_code
        .into_iter()
        .map(|(code, places)| {
            let total = places.values().sum();
            let mut places: Vec<(String, usize)> = places.into_iter().collect();
            places.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            (code, total, places)
        })
        .collect();
    codes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));

    let mut out = match (clients.len(), outside_clients) {
        (n, false) => format!(
            "{} about {} client{}:\n",
            count(warnings.len(), "warning"),
            thousands(n),
            if n == 1 { "" } else { "s" }
        ),
        (_, true) => format!("{}:\n", count(warnings.len(), "warning")),
    };
    let width = codes
        .iter()
        .map(|(_, total, _)| thousands(*total).len())
        .max()
        .unwrap_or(0);
    for (code, total, places) in &codes {
        let mut named: Vec<String> = places.iter().take(3).map(|(p, _)| printable(p)).collect();
        if places.len() > 3 {
            named.push(format!("+{} more", thousands(places.len() - 3)));
        }
        out.push_str(&format!(
            "  {:>width$} {code} ({})\n",
            thousands(*total),
            named.join(", ")
        ));
    }
    out
}

/// The client folder a portal-relative path is in, if any.
fn client_of(file: &str) -> Option<&str> {
    file.strip_prefix("clients/")?
        .split('/')
        .next()
        .filter(|s| !s.is_empty())
}

/// A name as it may be printed on a terminal: control characters escaped, so a file name
/// cannot move the cursor or recolour the screen.
fn printable(name: &str) -> String {
    name.chars()
        .map(|c| match c.is_control() {
            true => c.escape_default().to_string(),
            false => c.to_string(),
        })
        .collect()
}

/// `1 warning`, `1,512 warnings`.
pub fn count(n: usize, noun: &str) -> String {
    format!("{} {noun}{}", thousands(n), if n == 1 { "" } else { "s" })
}

/// `1234567` as `1,234,567`: the terminal speaks English (pages go through the locale).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
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
    source: Option<NamedSource<Excerpt>>,
    heading: String,
    hint: Option<String>,
    /// The span in the escaped source: (offset, length).
    span: Option<(usize, usize)>,
}

impl<'a> View<'a> {
    fn new(d: &'a Diagnostic) -> View<'a> {
        // Text from the user's files reaches the terminal escaped: a key holding an escape
        // sequence could otherwise recolour, hide or rewrite what the report says.
        let file = d.file.as_deref().map(escape_controls);
        let (excerpt, span) = match (&d.source, d.span) {
            (Some(text), Some(span)) => {
                let (excerpt, at) = Excerpt::around(text, span);
                (Some(excerpt), Some(at))
            }
            (Some(_), None) => (Some(Excerpt::default()), None),
            _ => (None, None),
        };
        let source = match (&file, excerpt) {
            (Some(file), Some(excerpt)) => Some(NamedSource::new(file, excerpt)),
            _ => None,
        };
        let message = escape_controls(&d.message);
        // Without a snippet miette shows no file name, so put it in the heading.
        let heading = match (&file, &source) {
            (Some(file), None) => format!("{file}: {message}"),
            _ => message,
        };
        View {
            diagnostic: d,
            source,
            heading,
            hint: d.hint.as_deref().map(escape_controls),
            span,
        }
    }
}

/// The lines around a diagnostic's span, escaped, numbered as in the file. miette reads
/// a source from its start to find a span's line; given the whole file, the 10,000th
/// diagnostic of a file would cost 10,000 times the first.
#[derive(Debug, Default)]
struct Excerpt {
    text: String,
    /// The 0-based line of the file the excerpt starts at.
    first_line: usize,
}

impl Excerpt {
    /// Lines shown around a span, more than miette's context asks for.
    const AROUND: usize = 3;

    /// The excerpt of `text` around `span`, and the span within it: (offset, length).
    fn around(text: &str, span: Span) -> (Excerpt, (usize, usize)) {
        let at = floor_char_boundary(text, span.offset);
        let until = floor_char_boundary(text, at.saturating_add(span.len)).max(at);
        let line_start = |end: usize| text[..end].rfind('\n').map_or(0, |i| i + 1);
        let mut start = line_start(at);
        let mut first_line = span.line.saturating_sub(1);
        for _ in 0..Self::AROUND {
            if start == 0 {
                break;
            }
            start = line_start(start - 1);
            first_line = first_line.saturating_sub(1);
        }
        let mut end = until;
        for _ in 0..=Self::AROUND {
            match text[end..].find('\n') {
                Some(i) => end += i + 1,
                None => {
                    end = text.len();
                    break;
                }
            }
        }
        let raw = &text[start..end];
        let offset = escaped_offset(raw, at - start);
        let len = escaped_offset(raw, until - start) - offset;
        let excerpt = Excerpt {
            text: escape_controls(raw),
            first_line,
        };
        (excerpt, (offset, len))
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new(
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// Whether `c` at the start of `rest` must not reach a terminal as it is: control
/// characters (but line breaks and tabs) and the bidirectional overrides that make text
/// display in another order than it is read.
fn is_hazard(c: char, rest: &str) -> bool {
    match c {
        '\n' | '\t' => false,
        '\r' => !rest[1..].starts_with('\n'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// `text` with every hazardous character written as a `\u{..}` escape.
pub(crate) fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if is_hazard(c, &text[i..]) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Where byte `offset` of `text` lands in `escape_controls(text)`, so a span still points
/// at the same characters.
fn escaped_offset(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let mut grown = 0;
    for (i, c) in text.char_indices() {
        if i >= offset {
            break;
        }
        if is_hazard(c, &text[i..]) {
            grown += c.escape_unicode().count() - c.len_utf8();
        }
    }
    offset + grown
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
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.hint
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (offset, len) = self.span?;
        self.source.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            None, offset, len,
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_everywhere() {
        assert_eq!(escape_controls("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_controls("line\r\nnext\tx"), "line\r\nnext\tx");
        assert_eq!(escape_controls("over\rwrite"), "over\\u{d}write");
        assert_eq!(escape_controls("abc\u{202e}cba"), "abc\\u{202e}cba");
        assert_eq!(escape_controls("café ✓"), "café ✓");
    }

    #[test]
    fn spans_follow_the_escapes() {
        let text = "\u{1b}[2Jkey: value";
        let at = text.find("value").unwrap_or_default();
        let escaped = escape_controls(text);
        assert_eq!(&escaped[escaped_offset(text, at)..], "value");
        assert_eq!(escaped_offset(text, 0), 0);
        assert_eq!(escaped_offset(text, text.len()), escaped.len());
    }

    use crate::diagnostic::Code;

    fn warning(code: Code, file: &str) -> Diagnostic {
        Diagnostic::error(code, Some(file), "something").warning()
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(14_794), "14,794");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(count(1, "warning"), "1 warning");
        assert_eq!(count(1_512, "warning"), "1,512 warnings");
    }

    #[test]
    fn the_summary_orders_codes_by_count_and_clients_by_count_then_name() {
        let mut all = Vec::new();
        for slug in ["e", "d", "c", "b", "a"] {
            all.push(warning(
                Code::StaleKpi,
                &format!("clients/{slug}/kpis.yaml"),
            ));
        }
        all.push(warning(Code::StaleKpi, "clients/d/kpis.yaml"));
        all.push(warning(Code::ChangeUndecided, "clients/b/changes.yaml"));
        all.push(warning(Code::ChangeUndecided, "clients/a/changes.yaml"));
        assert_eq!(
            summary(&all),
            "8 warnings about 5 clients:\n  \
             6 stale-kpi (d, a, b, +2 more)\n  \
             2 change-undecided (a, b)\n"
        );
    }

    #[test]
    fn warnings_outside_clients_are_named_by_their_file() {
        let all = [
            warning(Code::UnknownFile, "notes.txt"),
            warning(Code::UnknownFile, "clients/acme/notes.txt"),
        ];
        assert_eq!(
            summary(&all),
            "2 warnings:\n  2 unknown-file (acme, notes.txt)\n"
        );
    }

    #[test]
    fn the_summary_escapes_control_characters_in_the_names_it_prints() {
        let all = [warning(Code::UnknownFile, "clients/a\u{1b}[2Jb/x.txt")];
        assert_eq!(
            summary(&all),
            "1 warning about 1 client:\n  1 unknown-file (a\\u{1b}[2Jb)\n"
        );
    }
}
