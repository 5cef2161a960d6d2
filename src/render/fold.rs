//! iCalendar content lines folded within RFC 5545's limit of 75 octets.
//!
//! The `icalendar` crate folds by characters counted in a way that lets a continuation line
//! (with its leading space) reach 76 octets when multi-byte text sits near the fold. Rather
//! than depend on its arithmetic, the finished calendar is unfolded and folded again here,
//! on character boundaries, never past 75 octets per line including the space.

/// The longest line RFC 5545 allows, in octets, excluding the line break.
pub(crate) const MAX_OCTETS: usize = 75;

/// Unfolds every content line of `calendar` and folds it again within [`MAX_OCTETS`].
pub(crate) fn refold(calendar: &str) -> String {
    // Unfolding removes each line break that is followed by one space or tab.
    let unfolded = calendar.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(calendar.len() + calendar.len() / 64);
    let mut lines = unfolded.split("\r\n").peekable();
    while let Some(line) = lines.next() {
        fold_line(line, &mut out);
        if lines.peek().is_some() {
            out.push_str("\r\n");
        }
    }
    out
}

fn fold_line(line: &str, out: &mut String) {
    let mut used = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if used + len > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the property test needs no extra crate and
    /// every run checks the same cases.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn char(&mut self) -> char {
            // Mostly ASCII and two-, three- and four-byte text, where the folding bites.
            let pick = self.next() % 4;
            let range = match pick {
                0 => 0x20..0x7f,
                1 => 0xa0..0x800,
                2 => 0x800..0xd800,
                _ => 0x1_0000..0x1_0fff,
            };
            let span = u64::from(range.end - range.start);
            char::from_u32(range.start + (self.next() % span) as u32).unwrap_or('x')
        }
    }

    #[test]
    fn folded_calendars_keep_every_line_within_75_octets() {
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        for case in 0..600 {
            let len = (rng.next() % 400) as usize;
            let text: String = (0..len).map(|_| rng.char()).collect();
            let mut event = icalendar::Event::new();
            icalendar::Component::description(&mut event, &text);
            icalendar::Component::summary(&mut event, &text);
            let calendar = icalendar::Calendar::new()
                .push(event.done())
                .done()
                .to_string();
            let folded = refold(&calendar);
            for line in folded.split("\r\n") {
                assert!(
                    line.len() <= MAX_OCTETS,
                    "case {case}: {} octets: {line:?}",
                    line.len()
                );
            }
            // Folding changes nothing but line breaks.
            assert_eq!(
                folded.replace("\r\n ", ""),
                calendar.replace("\r\n ", "").replace("\r\n\t", ""),
                "case {case}"
            );
        }
    }

    #[test]
    fn a_line_of_exactly_75_octets_stays_whole() {
        let line = "x".repeat(75);
        assert_eq!(refold(&line), line);
        let folded = refold(&"é".repeat(40));
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded:?}");
    }
}
