//! Typed YAML with diagnostics a consultant can act on.
//!
//! serde does the parsing; this module turns its errors into [`Diagnostic`]s: the position
//! (shifted when the YAML is a Markdown file's front matter), a stable code, a message in
//! plain words and a "did you mean" hint for misspelt keys and values.

use serde::de::DeserializeOwned;

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::source::Source;

/// Parses the YAML at `offset..offset + yaml.len()` of `source` as a `T`.
///
/// `what` names the document for the empty-file message, e.g. "client.yaml".
pub(crate) fn parse<T: DeserializeOwned>(
    source: &Source,
    yaml: &str,
    offset: usize,
    what: &str,
) -> Result<T, Diagnostic> {
    if is_blank(yaml) {
        let span = source.span(offset, 0);
        return Err(Diagnostic::error_at(
            Code::EmptyFile,
            source,
            span,
            format!("{what} is empty"),
        )
        .with_hint("write the data, or delete the file (every file but client.yaml is optional)"));
    }
    serde_yaml::from_str(yaml).map_err(|e| {
        // serde stops at the first value that does not fit, which may come before a syntax
        // error further down; the syntax error is the one to fix first.
        let first = match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
            Err(syntax) => syntax,
            Ok(_) => e,
        };
        to_diagnostic(source, yaml, offset, &first)
    })
}

/// Nothing but whitespace: a file saved empty by mistake. A file of comments only is
/// deliberate (a template waiting to be filled in) and reads as "nothing yet".
fn is_blank(yaml: &str) -> bool {
    yaml.trim().is_empty()
}

fn to_diagnostic(
    source: &Source,
    yaml: &str,
    offset: usize,
    error: &serde_yaml::Error,
) -> Diagnostic {
    let fragment = Source::new("", yaml);
    let (span, suffix) = match error.location() {
        Some(loc) => {
            let at = offset + fragment.offset_of(loc.line(), loc.column().saturating_sub(1));
            (
                source.token_at(at),
                format!(" at line {} column {}", loc.line(), loc.column()),
            )
        }
        None => (source.span(offset, 0), String::new()),
    };
    let full = error.to_string();
    let full = full.strip_suffix(suffix.as_str()).unwrap_or(&full);
    let line_shift = source.span(offset, 0).line - 1;
    let relocated = relocate(full, line_shift);
    let full = relocated.as_str();
    // serde_yaml prefixes the path of the failing value: `.[1].status: unknown variant ...`
    // in a list, `branding.accent: ...` in a mapping.
    let (path, message) = match full.split_once(": ") {
        Some((path, rest)) if looks_like_path(path) => (Some(path), rest),
        _ => (None, full),
    };
    let field = path.and_then(last_key);
    let (code, message, mut hint) = explain(message, field);
    if code == Code::YamlSyntax && source.text[span.offset..].starts_with('\t') {
        hint = Some("indent with spaces, not tabs".to_owned());
    }
    let mut diagnostic = Diagnostic::error_at(code, source, span, message);
    diagnostic.hint = hint;
    diagnostic
}

/// Rewrites the parser's own positions (" at line 6 column 5"), which count from the start
/// of the YAML, not of the file: the first is dropped (the caret shows it), later ones
/// become file line numbers.
fn relocate(message: &str, line_shift: usize) -> String {
    const MARK: &str = " at line ";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    let mut first = true;
    while let Some(i) = rest.find(MARK) {
        out.push_str(&rest[..i]);
        let after = &rest[i + MARK.len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let line: Option<usize> = after[..digits].parse().ok();
        let tail = &after[digits..];
        let column_len = tail.strip_prefix(" column ").map(|t| {
            " column ".len() + t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len()
        });
        match (line, column_len) {
            (Some(line), Some(len)) => {
                if !first {
                    out.push_str(&format!(" (line {})", line + line_shift));
                }
                first = false;
                rest = &tail[len..];
            }
            _ => {
                out.push_str(MARK);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// True for serde_yaml value paths such as `.[1].status` or `engagement.start`.
fn looks_like_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'))
}

/// The last mapping key of a serde_yaml path such as `.[1].acceptance.decision`.
fn last_key(path: &str) -> Option<&str> {
    path.rsplit('.')
        .find(|seg| !seg.is_empty() && !seg.starts_with('['))
        .map(|seg| seg.split('[').next().unwrap_or(seg))
}

/// Backquoted words in a serde message: "expected one of `a`, `b`" -> ["a", "b"].
fn backquoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn explain(message: &str, field: Option<&str>) -> (Code, String, Option<String>) {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let words = backquoted(rest);
        let key = words.first().copied().unwrap_or_default();
        let expected = words.get(1..).unwrap_or_default();
        let hint = match did_you_mean(key, expected.iter().copied()) {
            // A retired key: it meant two things, so it is not silently read as either.
            _ if key == "days" && expected.contains(&"schedule_days") => {
                "`days` was ambiguous and is split in two: `schedule_days` (calendar days the end date moves; derived from `moves` when they are given) and `effort_days` (days of work, priced at the day rate)".to_owned()
            }
            Some(best) => format!("did you mean \"{best}\"?"),
            None if expected.is_empty() => "this entry takes no keys".to_owned(),
            None => format!("expected one of: {}", expected.join(", ")),
        };
        return (
            Code::UnknownKey,
            format!("unknown key \"{key}\""),
            Some(hint),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let key = backquoted(rest)
            .first()
            .copied()
            .unwrap_or_default()
            .to_owned();
        return (
            Code::MissingKey,
            format!("missing key \"{key}\""),
            Some(format!("add `{key}:` to this entry")),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        let key = backquoted(rest)
            .first()
            .copied()
            .unwrap_or_default()
            .to_owned();
        return (
            Code::DuplicateKey,
            format!("key \"{key}\" appears twice in this entry"),
            Some("keep one of them".to_owned()),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let words = backquoted(rest);
        let value = words.first().copied().unwrap_or_default();
        let expected = words.get(1..).unwrap_or_default();
        let what = field.map_or(String::new(), |f| format!(" for \"{f}\""));
        let mut hint = format!("expected one of: {}", expected.join(", "));
        if let Some(best) = did_you_mean(value, expected.iter().copied()) {
            hint = format!("did you mean \"{best}\"? ({hint})");
        }
        return (
            Code::UnknownValue,
            format!("\"{value}\" is not a valid value{what}"),
            Some(hint),
        );
    }
    if message.starts_with("expected a date") || message.contains(" is not a date") {
        let what = field.map_or(String::new(), |f| format!("{f}: "));
        return (
            Code::BadDate,
            format!("{what}{message}"),
            Some("write dates as YYYY-MM-DD, e.g. 2026-11-14".to_owned()),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let what = field.map_or(String::new(), |f| format!("\"{f}\" "));
        return (
            Code::WrongType,
            format!("{what}should be {}, found {found}", plain_type(expected)),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        let what = field.map_or(String::new(), |f| format!("\"{f}\" "));
        return (
            Code::InvalidValue,
            format!("{what}should be {expected}, found {found}"),
            None,
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate entry with key ") {
        let key = rest.trim_matches('"');
        return (
            Code::DuplicateKey,
            format!("key \"{key}\" appears twice in this entry"),
            Some("keep one of them".to_owned()),
        );
    }
    if field.is_some() {
        let what = field.map_or(String::new(), |f| format!("{f}: "));
        return (Code::InvalidValue, format!("{what}{message}"), None);
    }
    (
        Code::YamlSyntax,
        format!("invalid YAML: {message}"),
        Some(syntax_hint(message)),
    )
}

/// Rust type names in serde messages, said for people who write YAML.
fn plain_type(expected: &str) -> &str {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        other => other,
    }
}

fn syntax_hint(message: &str) -> String {
    if message.contains("mapping values are not allowed") {
        "a value containing \": \" must be quoted".to_owned()
    } else if message.contains("found character that cannot start any token") {
        "values starting with @, ` or % must be quoted".to_owned()
    } else if message.contains("tab") {
        "indent with spaces, not tabs".to_owned()
    } else {
        "check the indentation and quoting around this line".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::model::{Date, Rag};

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        due_date: Date,
        status: Rag,
        #[serde(default)]
        days: Option<u32>,
    }

    fn err(yaml: &str) -> Diagnostic {
        let source = Source::new("x.yaml", yaml);
        parse::<Vec<Item>>(&source, yaml, 0, "x.yaml").unwrap_err()
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let d = err("- id: a\n  due_dte: 2026-01-01\n  status: green\n");
        assert_eq!(d.code, Code::UnknownKey);
        assert_eq!(d.message, "unknown key \"due_dte\"");
        assert_eq!(d.hint.as_deref(), Some("did you mean \"due_date\"?"));
        let span = d.span.unwrap();
        assert_eq!((span.line, span.column, span.len), (2, 3, 7));
    }

    #[test]
    fn enum_values_list_the_choices() {
        let d = err("- id: a\n  due_date: 2026-01-01\n  status: greenish\n");
        assert_eq!(d.code, Code::UnknownValue);
        assert_eq!(
            d.message,
            "\"greenish\" is not a valid value for \"status\""
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("did you mean \"green\"? (expected one of: green, amber, red)")
        );
        assert_eq!(d.span.map(|s| (s.line, s.column)), Some((3, 11)));
    }

    #[test]
    fn dates_explain_themselves() {
        let d = err("- id: a\n  due_date: 2026-02-30\n  status: green\n");
        assert_eq!(d.code, Code::BadDate);
        assert_eq!(
            d.message,
            "due_date: 2026-02-30 is not a date: February 2026 has 28 days"
        );
        let d = err("- id: a\n  due_date: 14/11/2026\n  status: green\n");
        assert_eq!(
            d.message,
            "due_date: expected a date as YYYY-MM-DD, found \"14/11/2026\""
        );
    }

    #[test]
    fn types_and_missing_keys() {
        let d = err("- id: a\n  due_date: 2026-01-01\n  status: green\n  days: -3\n");
        assert_eq!(d.code, Code::WrongType);
        assert_eq!(
            d.message,
            "\"days\" should be a whole number, 0 or more, found integer `-3`"
        );
        let d = err("- id: a\n  status: green\n");
        assert_eq!(d.code, Code::MissingKey);
        assert_eq!(d.message, "missing key \"due_date\"");
    }

    #[test]
    fn parser_positions_become_file_lines() {
        assert_eq!(
            relocate(
                "did not find expected ',' or ']' at line 6 column 5, while parsing a flow sequence at line 5 column 17",
                3
            ),
            "did not find expected ',' or ']', while parsing a flow sequence (line 8)"
        );
        assert_eq!(relocate("no positions here", 0), "no positions here");
        assert_eq!(relocate("odd at line x", 0), "odd at line x");
    }

    #[test]
    fn syntax_errors_and_empty_files() {
        let d = err("- id: a\n  status: green\n bad: [\n");
        assert_eq!(d.code, Code::YamlSyntax);
        assert!(d.span.is_some());
        let d = err("\n  \n");
        assert_eq!(d.code, Code::EmptyFile);
        let source = Source::new("x.yaml", "# nothing yet\n");
        assert_eq!(
            parse::<Vec<Item>>(&source, &source.text, 0, "x.yaml")
                .unwrap()
                .len(),
            0
        );
    }

    #[test]
    fn front_matter_positions_count_from_the_file_top() {
        let text = "---\ntitle: x\nstatus: greenish\n---\nbody\n";
        let source = Source::new("r.md", text);
        let yaml = &text[4..30];
        let d =
            parse::<std::collections::BTreeMap<String, Rag>>(&source, yaml, 4, "r.md").unwrap_err();
        assert_eq!(d.span.map(|s| s.line), Some(2));
    }
}
