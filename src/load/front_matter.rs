//! Splitting a Markdown file into YAML front matter and body, keeping positions.

/// A Markdown file cut into its parts; offsets are bytes into the whole file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    /// The YAML between the fences.
    pub(crate) yaml: &'a str,
    /// Where the YAML starts in the file.
    pub(crate) yaml_offset: usize,
    /// Everything after the closing fence.
    pub(crate) body: &'a str,
    /// Where the body starts in the file.
    pub(crate) body_offset: usize,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SplitError {
    /// The file does not start with `---`. `later` is the offset of a `---` line further
    /// down, which usually means something was written above the front matter.
    Missing { later: Option<usize> },
    /// A `---` opens the front matter but no line closes it.
    Unterminated,
}

/// Splits `text` into front matter and body.
///
/// The front matter must open on the very first line with `---` and close with a line that
/// is `---` (or `...`). A byte-order mark before it is tolerated.
pub(crate) fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineIter { text, pos: start };
    match lines.next() {
        Some((_, line)) if is_fence(line) => {}
        _ => {
            let later = LineIter { text, pos: start }
                .find(|(_, l)| is_fence(l))
                .map(|(at, _)| at);
            return Err(SplitError::Missing { later });
        }
    }
    let yaml_offset = lines.pos;
    for (at, line) in lines.by_ref() {
        if is_fence(line) || line.trim_end() == "..." {
            return Ok(Split {
                yaml: &text[yaml_offset..at],
                yaml_offset,
                body: &text[lines.pos..],
                body_offset: lines.pos,
            });
        }
    }
    Err(SplitError::Unterminated)
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Lines with their start offsets; `pos` is where the next line starts.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let at = self.pos;
        self.pos += advance;
        Some((at, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_offsets() {
        let text = "---\ndate: 2026-11-14\n---\n## Progress\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "date: 2026-11-14\n");
        assert_eq!(&text[s.yaml_offset..s.yaml_offset + 4], "date");
        assert_eq!(s.body, "## Progress\n");
        assert_eq!(&text[s.body_offset..], s.body);
    }

    #[test]
    fn accepts_crlf_bom_and_empty_body() {
        let s = split("\u{feff}---\r\ntitle: x\r\n---\r\n").unwrap();
        assert_eq!(s.yaml, "title: x\r\n");
        assert_eq!(s.body, "");
        let s = split("---\n---").unwrap();
        assert_eq!((s.yaml, s.body), ("", ""));
    }

    #[test]
    fn reports_missing_and_unterminated() {
        assert_eq!(split("# Title\n"), Err(SplitError::Missing { later: None }));
        assert_eq!(
            split("Intro\n---\ndate: x\n---\n"),
            Err(SplitError::Missing { later: Some(6) })
        );
        assert_eq!(split("---\ndate: x\n"), Err(SplitError::Unterminated));
        assert_eq!(split(""), Err(SplitError::Missing { later: None }));
    }
}
