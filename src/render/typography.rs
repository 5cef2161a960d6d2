//! One rule for quotes on every text a page shows.
//!
//! With `smart_punctuation: true`, Markdown gets curly quotes from pulldown-cmark, but a
//! title in a header, a card or a table cell comes from YAML through a template. Rather
//! than smarten each field on its way into a view (and miss the next one added), the
//! finished page is smartened once: every text node's straight quotes become curly, except
//! inside code (`code`, `pre`, `kbd`, `samp`), `script`, `style`, and plain text
//! (`<p class="plain">`), where a quote is a character, not typography. Tags and attribute
//! values are copied untouched, so no address or attribute changes.

/// Elements whose text is left exactly as written.
const VERBATIM: [&str; 7] = ["code", "pre", "kbd", "samp", "script", "style", "textarea"];

/// Elements inside running text: a quote after one of them continues the text before it.
const INLINE: [&str; 16] = [
    "a", "abbr", "b", "bdi", "del", "em", "i", "ins", "mark", "s", "small", "span", "strong",
    "sub", "sup", "time",
];

/// Straight quotes as they reach a page: raw, or escaped by Tera or pulldown-cmark.
const QUOTES: [(&str, bool); 6] = [
    ("&#x27;", false),
    ("&#39;", false),
    ("'", false),
    ("&quot;", true),
    ("&#34;", true),
    ("\"", true),
];

/// `html` with curly quotes in its text.
pub(crate) fn smarten(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    // Open verbatim elements: the name and how deeply it nests in itself.
    let mut verbatim: Option<(String, usize)> = None;
    // The character before the next text, deciding whether a quote opens or closes.
    let mut before = ' ';
    let mut rest = html;
    while !rest.is_empty() {
        if rest.starts_with("<!--") {
            // A comment may hold a lone quote that is no attribute's.
            let end = rest.find("-->").map_or(rest.len(), |i| i + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if rest.starts_with('<') {
            let end = tag_end(rest);
            let tag = &rest[..end];
            out.push_str(tag);
            rest = &rest[end..];
            let (name, closing) = tag_name(tag);
            if let Some((open, depth)) = &mut verbatim {
                if name == open.as_str() {
                    if closing {
                        *depth -= 1;
                    } else if !tag.ends_with("/>") {
                        *depth += 1;
                    }
                    if *depth == 0 {
                        verbatim = None;
                    }
                }
            } else if !closing
                && (VERBATIM.contains(&name.as_str()) || (name == "p" && has_class(tag, "plain")))
            {
                verbatim = Some((name.clone(), 1));
            }
            if !INLINE.contains(&name.as_str()) {
                before = ' ';
            }
            continue;
        }
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        rest = &rest[text_end..];
        if verbatim.is_some() {
            out.push_str(text);
            if let Some(c) = text.chars().last() {
                before = c;
            }
            continue;
        }
        before = smarten_text(text, before, &mut out);
    }
    out
}

/// Copies one text node with its quotes curled; returns its last character.
fn smarten_text(text: &str, mut before: char, out: &mut String) -> char {
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        if c == '\'' || c == '"' || c == '&' {
            for (quote, double) in QUOTES {
                if let Some(after) = rest.strip_prefix(quote) {
                    let opens = before.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(before);
                    let curly = match (double, opens) {
                        (true, true) => '\u{201C}',
                        (true, false) => '\u{201D}',
                        (false, true) => '\u{2018}',
                        (false, false) => '\u{2019}',
                    };
                    out.push(curly);
                    before = curly;
                    rest = after;
                    continue 'outer;
                }
            }
        }
        out.push(c);
        before = c;
        rest = &rest[c.len_utf8()..];
    }
    before
}

/// The length of the tag at the start of `html`, up to and including its `>` (outside
/// quoted attribute values); the rest of the input when it never closes.
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (i, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// A tag's lowercased name and whether it is an end tag (`</p>`). Comments and
/// declarations have no name.
fn tag_name(tag: &str) -> (String, bool) {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (name, closing)
}

/// Whether a start tag has `class` among its classes.
fn has_class(tag: &str, class: &str) -> bool {
    tag.split("class=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .is_some_and(|v| v.split_whitespace().any(|c| c == class))
}

#[cfg(test)]
mod tests {
    use super::smarten;

    #[test]
    fn quotes_curl_by_what_comes_before() {
        assert_eq!(
            smarten("<h1>Acme&#x27;s &quot;go-live&quot; plan</h1>"),
            "<h1>Acme\u{2019}s \u{201C}go-live\u{201D} plan</h1>"
        );
        assert_eq!(
            smarten("<p>'Phase 2' (\"soon\")</p>"),
            "<p>\u{2018}Phase 2\u{2019} (\u{201C}soon\u{201D})</p>"
        );
    }

    #[test]
    fn a_quote_after_an_inline_element_closes_and_after_a_block_opens() {
        assert_eq!(
            smarten("<p><strong>Acme</strong>'s</p><p>'Yes'</p>"),
            "<p><strong>Acme</strong>\u{2019}s</p><p>\u{2018}Yes\u{2019}</p>"
        );
    }

    #[test]
    fn tags_attributes_code_and_plain_text_stay_as_written() {
        let html = "<a href=\"q?a='1'\" title=\"it's\">it's</a><code>'x'</code><pre><code>\"y\"</code></pre><p class=\"plain\">it's -- \"raw\"</p><p>it's</p>";
        assert_eq!(
            smarten(html),
            "<a href=\"q?a='1'\" title=\"it's\">it\u{2019}s</a><code>'x'</code><pre><code>\"y\"</code></pre><p class=\"plain\">it's -- \"raw\"</p><p>it\u{2019}s</p>"
        );
    }

    #[test]
    fn nested_verbatim_elements_end_at_their_own_end_tag() {
        assert_eq!(
            smarten("<pre><pre>'a'</pre>'b'</pre>'c'"),
            "<pre><pre>'a'</pre>'b'</pre>\u{2018}c\u{2019}"
        );
    }

    #[test]
    fn other_entities_and_unclosed_tags_pass_through() {
        assert_eq!(smarten("a &amp; b 'c'"), "a &amp; b \u{2018}c\u{2019}");
        assert_eq!(smarten("x <unclosed 'tag"), "x <unclosed 'tag");
        assert_eq!(
            smarten("<!-- it's --><p>it's</p>"),
            "<!-- it's --><p>it\u{2019}s</p>"
        );
    }
}
