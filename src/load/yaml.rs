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
    let value = serde_yaml::from_str(yaml).map_err(|e| {
        // serde stops at the first value that does not fit, which may come before a syntax
        // error further down; the syntax error is the one to fix first.
        let first = match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
            Err(syntax) => syntax,
            Ok(_) => e,
        };
        to_diagnostic(source, yaml, offset, &first)
    })?;
    match emptied_by_comment(yaml) {
        Some(trap) => Err(trap.diagnostic(source, offset)),
        None => Ok(value),
    }
}

/// `accent: #1d5c8c`: YAML reads everything from ` #` on as a comment, so the key is left
/// empty and the value silently lost. A comment written against the key (`#` followed by
/// a character, not a space) is taken for a value that needed quotes.
#[derive(Debug, PartialEq, Eq)]
struct CommentTrap<'y> {
    /// Offset of the `#` within the YAML.
    at: usize,
    key: &'y str,
    /// What was after the `#`, up to the end of the line.
    lost: &'y str,
}

impl CommentTrap<'_> {
    fn diagnostic(&self, source: &Source, offset: usize) -> Diagnostic {
        let lost = self.lost.trim_end();
        Diagnostic::error_at(
            Code::InvalidValue,
            source,
            source.span(offset + self.at, lost.len() + 1),
            format!("\"{}\" is empty: YAML reads #{lost} as a comment", self.key),
        )
        .with_hint(format!("quote the value: `{}: \"#{lost}\"`", self.key))
    }
}

fn emptied_by_comment(yaml: &str) -> Option<CommentTrap<'_>> {
    let indent_of = |line: &str| line.len() - line.trim_start_matches(' ').len();
    let lines: Vec<(usize, &str)> = yaml
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    // Lines deeper than this indent belong to a block scalar (`text: |`), not to YAML.
    let mut block: Option<usize> = None;
    for (i, &(start, line)) in lines.iter().enumerate() {
        let indent = indent_of(line);
        let content = &line[indent..];
        if let Some(b) = block {
            if content.is_empty() || indent > b {
                continue;
            }
            block = None;
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        // `- - key: value`: the key sits after the dashes.
        let mut rest = content;
        let mut key_indent = indent;
        while let Some(after) = rest.strip_prefix("- ") {
            let trimmed = after.trim_start_matches(' ');
            key_indent += rest.len() - trimmed.len();
            rest = trimmed;
        }
        let key_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(rest.len());
        let (key, after) = rest.split_at(key_len);
        let Some(value) = after.strip_prefix(':') else {
            continue;
        };
        let value_trimmed = value.trim_start_matches([' ', '\t']);
        if value_trimmed.starts_with(['|', '>']) {
            block = Some(key_indent);
            continue;
        }
        if key.is_empty() || value_trimmed.len() == value.len() {
            continue; // no key, or no space before the `#`: `url:#x` is not a comment
        }
        let Some(lost) = value_trimmed.strip_prefix('#') else {
            continue;
        };
        if lost.is_empty() || lost.starts_with([' ', '\t', '#']) {
            continue; // an ordinary comment
        }
        // A mapping or list opened on the next lines gives the key a value after all.
        let opens = lines[i + 1..]
            .iter()
            .map(|(_, l)| *l)
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .is_some_and(|next| {
                indent_of(next) > key_indent
                    || (indent_of(next) == key_indent && next.trim_start().starts_with("- "))
            });
        if opens {
            continue;
        }
        let at = start + (line.len() - lost.len()) - 1;
        return Some(CommentTrap { at, key, lost });
    }
    None
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
        let hint = number_with_unit(found, expected);
        return (
            Code::WrongType,
            format!("{what}should be {}, found {found}", plain_type(expected)),
            hint,
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

/// `string "16.1%"` where a number was expected: the number alone, with the unit named
/// once in the item's `unit` field.
fn number_with_unit(found: &str, expected: &str) -> Option<String> {
    if plain_type(expected) == expected {
        return None; // not a number that was expected
    }
    let text = found.strip_prefix("string ")?.trim_matches('"');
    let number: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    let unit: String = text
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '.' | '-' | ',' | ' '))
        .collect();
    if number.parse::<f64>().is_err() || unit.is_empty() {
        return None;
    }
    Some(format!(
        "write the number alone, `{number}`, and the unit once in the `unit` field (`unit: \"{unit}\"`)"
    ))
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

    #[test]
    fn a_value_lost_to_a_comment_is_found() {
        let yaml = "branding:\n  accent: #1d5c8c\n";
        let trap = emptied_by_comment(yaml).unwrap();
        assert_eq!((trap.key, trap.lost), ("accent", "1d5c8c"));
        assert_eq!(&yaml[trap.at..trap.at + 7], "#1d5c8c");
        assert_eq!(
            emptied_by_comment("- id: M1\n  title: #3 in the plan\n").map(|t| t.key),
            Some("title")
        );
    }

    #[test]
    fn ordinary_comments_and_block_text_are_not_traps() {
        for yaml in [
            "accent: \"#1d5c8c\"\n",
            "contacts:   # people\n  client: []\n",
            "acceptance:  #rounds\n  - submitted_on: 2026-01-01\n",
            "summary: # to be written\n",
            "text: |\n  Note: #5 is done\n  key: #x\n",
            "url: https://x.example/#top\n",
            "items:\n  - a #b\n",
        ] {
            assert_eq!(emptied_by_comment(yaml), None, "{yaml}");
        }
    }

    #[test]
    fn a_number_with_a_unit_names_the_unit_field() {
        assert_eq!(
            number_with_unit("string \"16.1%\"", "f64").as_deref(),
            Some(
                "write the number alone, `16.1`, and the unit once in the `unit` field (`unit: \"%\"`)"
            )
        );
        assert_eq!(number_with_unit("string \"soon\"", "f64"), None);
        assert_eq!(number_with_unit("string \"16%\"", "a date"), None);
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
