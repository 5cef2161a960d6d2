//! The text of the user's files, and places in them.
//!
//! Every position a diagnostic shows is computed here, from one rule: lines are 1-based,
//! columns are 1-based and count characters, offsets are bytes. YAML parsers disagree on
//! these conventions, so their positions are converted here and nowhere else.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use saphyr_parser::{Event, Parser};
use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};

/// The text of a file that diagnostics point into.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the portal folder, with `/` separators.
    pub path: String,
    /// The whole file, as read.
    pub text: Arc<str>,
    /// Where each line starts, built the first time a place is asked for and shared by
    /// clones: the 10,000th diagnostic in a file is located as fast as the first.
    lines: Arc<OnceLock<Vec<usize>>>,
}

impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        self.path == other.path && self.text == other.text
    }
}

impl Eq for Source {}

impl Source {
    /// A source from a path and its text.
    pub fn new(path: impl Into<String>, text: impl Into<Arc<str>>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
            lines: Arc::default(),
        }
    }

    /// Byte offsets of the starts of the lines, the first being 0.
    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The 0-based index of the line holding byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.line_starts()
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The place of a byte range, with 1-based line and column (columns count characters).
    pub fn span(&self, offset: usize, len: usize) -> Span {
        let offset = clamp_to_char_boundary(&self.text, offset);
        let end = clamp_to_char_boundary(&self.text, offset.saturating_add(len));
        let index = self.line_index(offset);
        let line_start = self.line_starts()[index];
        let column = self.text[line_start..offset].chars().count() + 1;
        Span {
            offset,
            len: end - offset,
            line: index + 1,
            column,
        }
    }

    /// The byte offset of a 1-based line and a 0-based character column; clamps to the text.
    pub fn offset_of(&self, line: usize, column0: usize) -> usize {
        let Some(&start) = self.line_starts().get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        self.offset_in_line(start, column0)
    }

    /// The byte offset `column0` characters after `start`, within `start`'s line.
    fn offset_in_line(&self, start: usize, column0: usize) -> usize {
        let rest = &self.text[start..];
        let line_len = rest.find('\n').unwrap_or(rest.len());
        start
            + rest[..line_len]
                .char_indices()
                .nth(column0)
                .map_or(line_len, |(i, _)| i)
    }

    /// The span of the YAML node at `path` in the YAML occupying `yaml_offset..+yaml_len`;
    /// the start of that YAML when the path is not found.
    pub fn locate(&self, yaml_offset: usize, yaml_len: usize, path: &[Seg]) -> Span {
        let yaml = self
            .text
            .get(yaml_offset..yaml_offset + yaml_len)
            .unwrap_or("");
        match locate_yaml(yaml, path) {
            Some(at) => self.token_at(self.offset_in_yaml(yaml_offset, at)),
            None => self.span(yaml_offset, 0),
        }
    }

    /// The byte offset of a (1-based line, 0-based column) place in the YAML starting at
    /// `yaml_offset` (a line start: the whole file, or the line after `---`).
    fn offset_in_yaml(&self, yaml_offset: usize, (line, column0): (usize, usize)) -> usize {
        let first = self.line_index(yaml_offset);
        match line {
            0 | 1 => self.offset_in_line(yaml_offset, column0),
            _ => self.offset_of(first + line, column0),
        }
    }

    /// The span of the token starting at `offset`: up to whitespace, `:`, `,` or a bracket.
    pub fn token_at(&self, offset: usize) -> Span {
        let offset = clamp_to_char_boundary(&self.text, offset);
        let rest = &self.text[offset..];
        let quoted = rest.starts_with('"') || rest.starts_with('\'');
        let len = if quoted {
            let quote = &rest[..1];
            rest[1..].find(quote).map_or(1, |i| i + 2)
        } else {
            rest.find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}' | '['))
                .unwrap_or(rest.len())
        };
        self.span(offset, len.max(usize::from(!rest.is_empty())))
    }
}

fn clamp_to_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A place in a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the start.
    pub offset: usize,
    /// Length in bytes (may be zero).
    pub len: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A key in a mapping.
    Key(String),
    /// A 0-based position in a sequence.
    Index(usize),
}

/// Builds a YAML path from keys and indices: `yaml_path!["affects", "milestones", 2]`.
#[macro_export]
#[doc(hidden)]
macro_rules! yaml_path {
    ($($seg:expr),* $(,)?) => { ::std::vec::Vec::<$crate::source::Seg>::from([$($crate::source::Seg::from($seg)),*]) };
}

impl From<&str> for Seg {
    fn from(key: &str) -> Seg {
        Seg::Key(key.to_owned())
    }
}

impl From<usize> for Seg {
    fn from(index: usize) -> Seg {
        Seg::Index(index)
    }
}

/// Finds the node at `path` in a YAML text: its 1-based line and 0-based character column.
///
/// Used after a file has deserialized cleanly, to point at a value a later check rejects
/// (an unknown id, a duplicate). The serde deserializer keeps no positions, so the text is
/// parsed again, as events, only when such a diagnostic is needed.
pub fn locate_yaml(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let mut events = Parser::new_from_str(text).map_while(Result::ok);
    loop {
        match events.next()? {
            (Event::StreamStart | Event::DocumentStart(_), _) => continue,
            (first, span) => return find(first, span, &mut events, path),
        }
    }
}

type Spanned<'a> = (Event<'a>, saphyr_parser::Span);

fn find<'a>(
    node: Event<'a>,
    span: saphyr_parser::Span,
    events: &mut impl Iterator<Item = Spanned<'a>>,
    path: &[Seg],
) -> Option<(usize, usize)> {
    let Some((want, rest)) = path.split_first() else {
        return Some((span.start.line(), span.start.col()));
    };
    match (node, want) {
        (Event::MappingStart(..), Seg::Key(key)) => loop {
            let (k, _) = events.next()?;
            let Event::Scalar(name, ..) = &k else {
                if matches!(k, Event::MappingEnd) {
                    return None;
                }
                skip(k, events)?;
                let (v, _) = events.next()?;
                skip(v, events)?;
                continue;
            };
            let matched = name.as_ref() == key.as_str();
            let (value, value_span) = events.next()?;
            if matched {
                return find(value, value_span, events, rest);
            }
            skip(value, events)?;
        },
        (Event::SequenceStart(..), Seg::Index(index)) => {
            let mut i = 0;
            loop {
                let (item, item_span) = events.next()?;
                if matches!(item, Event::SequenceEnd) {
                    return None;
                }
                if i == *index {
                    return find(item, item_span, events, rest);
                }
                skip(item, events)?;
                i += 1;
            }
        }
        _ => None,
    }
}

/// Consumes the rest of a node whose first event is `first`.
fn skip<'a>(first: Event<'a>, events: &mut impl Iterator<Item = Spanned<'a>>) -> Option<()> {
    let mut depth: usize = match first {
        Event::MappingStart(..) | Event::SequenceStart(..) => 1,
        _ => 0,
    };
    while depth > 0 {
        match events.next()?.0 {
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => depth -= 1,
            _ => {}
        }
    }
    Some(())
}

/// A loaded file and where the YAML inside it starts (0 for `.yaml`, the front matter for `.md`).
#[derive(Debug, Clone)]
struct Registered {
    source: Source,
    yaml_offset: usize,
    yaml_len: usize,
    /// The YAML's nodes and their places, parsed once, the first time a diagnostic needs
    /// one, and shared by clones.
    index: Arc<OnceLock<Option<YamlNode>>>,
}

impl PartialEq for Registered {
    fn eq(&self, other: &Registered) -> bool {
        (&self.source, self.yaml_offset, self.yaml_len)
            == (&other.source, other.yaml_offset, other.yaml_len)
    }
}

impl Eq for Registered {}

impl Registered {
    fn locate(&self, path: &[Seg]) -> Span {
        let source = &self.source;
        let index = self.index.get_or_init(|| {
            let yaml = source
                .text
                .get(self.yaml_offset..self.yaml_offset + self.yaml_len)
                .unwrap_or("");
            YamlNode::parse(yaml)
        });
        match index.as_ref().and_then(|root| root.find(path)) {
            Some(at) => source.token_at(source.offset_in_yaml(self.yaml_offset, at)),
            None => source.span(self.yaml_offset, 0),
        }
    }
}

/// A node of a YAML document with its place (1-based line, 0-based character column).
#[derive(Debug)]
struct YamlNode {
    at: (usize, usize),
    kind: NodeKind,
}

#[derive(Debug)]
enum NodeKind {
    Leaf,
    Sequence(Vec<YamlNode>),
    /// Entries in written order; a key that is not a scalar has no name.
    Mapping(Vec<(Option<Box<str>>, YamlNode)>),
}

impl YamlNode {
    /// The first document of `text`, built with an explicit stack: no recursion, whatever
    /// the nesting.
    fn parse(text: &str) -> Option<YamlNode> {
        struct Open {
            node: YamlNode,
            /// In a mapping: the key read, waiting for its value.
            key: Option<Option<Box<str>>>,
        }
        let mut stack: Vec<Open> = Vec::new();
        for (event, span) in Parser::new_from_str(text).map_while(Result::ok) {
            let at = (span.start.line(), span.start.col());
            let (node, name) = match event {
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let kind = if matches!(event, Event::MappingStart(..)) {
                        NodeKind::Mapping(Vec::new())
                    } else {
                        NodeKind::Sequence(Vec::new())
                    };
                    stack.push(Open {
                        node: YamlNode { at, kind },
                        key: None,
                    });
                    continue;
                }
                Event::MappingEnd | Event::SequenceEnd => (stack.pop()?.node, None),
                Event::Scalar(value, ..) => (
                    YamlNode {
                        at,
                        kind: NodeKind::Leaf,
                    },
                    Some(Box::<str>::from(value.as_ref())),
                ),
                Event::Alias(_) => (
                    YamlNode {
                        at,
                        kind: NodeKind::Leaf,
                    },
                    None,
                ),
                _ => continue,
            };
            let Some(parent) = stack.last_mut() else {
                return Some(node);
            };
            match (&mut parent.node.kind, parent.key.take()) {
                (NodeKind::Sequence(items), _) => items.push(node),
                (NodeKind::Mapping(entries), Some(key)) => entries.push((key, node)),
                (NodeKind::Mapping(_), None) => parent.key = Some(name),
                (NodeKind::Leaf, _) => return None,
            }
        }
        None
    }

    /// The place of the node at `path`: a key's value, a sequence's item. The first of
    /// duplicate keys, as the parser met them.
    fn find(&self, path: &[Seg]) -> Option<(usize, usize)> {
        let mut node = self;
        for seg in path {
            node = match (&node.kind, seg) {
                (NodeKind::Mapping(entries), Seg::Key(key)) => {
                    &entries
                        .iter()
                        .find(|(name, _)| name.as_deref() == Some(key.as_str()))?
                        .1
                }
                (NodeKind::Sequence(items), Seg::Index(i)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node.at)
    }
}

/// Every file the loader read, by portal-relative path, so later checks can point into them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    files: BTreeMap<String, Registered>,
}

impl Sources {
    /// Remembers a file whose YAML occupies `yaml_offset..yaml_offset + yaml_len`.
    pub fn register(&mut self, source: &Source, yaml_offset: usize, yaml_len: usize) {
        self.files.insert(
            source.path.clone(),
            Registered {
                source: source.clone(),
                yaml_offset,
                yaml_len,
                index: Arc::default(),
            },
        );
    }

    /// Adds every file of `other`.
    pub fn extend(&mut self, other: &Sources) {
        for (path, reg) in &other.files {
            self.files.insert(path.clone(), reg.clone());
        }
    }

    /// The text of a registered file.
    pub fn get(&self, path: &str) -> Option<&Source> {
        self.files.get(path).map(|r| &r.source)
    }

    /// An error pointing at the YAML node at `path` in `file` (or at the file, if not found).
    pub fn error_at_yaml(
        &self,
        code: Code,
        file: &str,
        path: &[Seg],
        message: impl Into<String>,
    ) -> Diagnostic {
        let Some(reg) = self.files.get(file) else {
            return Diagnostic::error(code, Some(file), message);
        };
        let span = reg.locate(path);
        Diagnostic::error_at(code, &reg.source, span, message)
    }

    /// An error at a byte range of `file`.
    pub fn error_at_offset(
        &self,
        code: Code,
        file: &str,
        offset: usize,
        len: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        match self.files.get(file) {
            Some(reg) => {
                Diagnostic::error_at(code, &reg.source, reg.source.span(offset, len), message)
            }
            None => Diagnostic::error(code, Some(file), message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_what_the_event_walk_finds() {
        let text = "- id: M1\n  title: x\n- id: CR-2\n  affects:\n    milestones: [M1, M9]\n  ? [complex]\n  : v\n  after: 1\n";
        let root = YamlNode::parse(text).unwrap();
        for path in [
            yaml_path![1, "affects", "milestones", 1],
            yaml_path![1, "id"],
            yaml_path![1, "after"],
            yaml_path![0, "nope"],
            yaml_path![7],
            yaml_path![],
        ] {
            assert_eq!(root.find(&path), locate_yaml(text, &path), "{path:?}");
        }
    }

    #[test]
    fn front_matter_places_are_shifted_to_the_file() {
        let text = "---\ndate: 2026-01-01\nstatus: gren\n---\nBody\n";
        let mut sources = Sources::default();
        let source = Source::new("r.md", text);
        sources.register(&source, 4, text.len() - 4 - "---\nBody\n".len());
        let d = sources.error_at_yaml(Code::UnknownValue, "r.md", &yaml_path!["status"], "x");
        let span = d.span.unwrap();
        assert_eq!((span.line, span.column, span.len), (3, 9, 4));
    }

    #[test]
    fn spans_count_lines_and_characters() {
        let src = Source::new("a.yaml", "one: 1\ntwé: x\n");
        let offset = src.offset_of(2, 5);
        assert_eq!(&src.text[offset..offset + 1], "x");
        let span = src.span(offset, 1);
        assert_eq!((span.line, span.column), (2, 6));
    }

    #[test]
    fn token_spans_stop_at_yaml_punctuation() {
        let src = Source::new("a.yaml", "due_dte: 2026-01-01\nids: [M1, M9]\n");
        assert_eq!(src.token_at(0).len, "due_dte".len());
        let m9 = src.text.find("M9").unwrap();
        assert_eq!(src.token_at(m9).len, 2);
    }

    #[test]
    fn locates_nested_yaml_nodes() {
        let text = "- id: M1\n  title: x\n- id: CR-2\n  affects:\n    milestones: [M1, M9]\n";
        assert_eq!(
            locate_yaml(text, &yaml_path![1, "affects", "milestones", 1]),
            Some((5, 21))
        );
        assert_eq!(locate_yaml(text, &yaml_path![1, "id"]), Some((3, 6)));
        assert_eq!(locate_yaml(text, &yaml_path![0, "nope"]), None);
        assert_eq!(locate_yaml(text, &yaml_path![7]), None);
    }

    #[test]
    fn points_into_front_matter_with_file_lines() {
        let text = "---\ndate: 2026-11-14\nid: X\n---\nBody\n";
        let source = Source::new("clients/a/reports/r.md", text);
        let mut sources = Sources::default();
        sources.register(&source, 4, "date: 2026-11-14\nid: X\n".len());
        let d = sources.error_at_yaml(Code::DuplicateId, &source.path, &yaml_path!["id"], "dup");
        let span = d.span.unwrap();
        assert_eq!((span.line, span.column, span.len), (3, 5, 1));
    }
}
