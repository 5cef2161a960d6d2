//! Numbers and dates as people read them.

use chrono::Datelike;

use crate::model::{Currency, Date, Money};

/// `95`, `88.25`, `0.5`: at most two decimals, no trailing zeros.
pub(crate) fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A value with its unit: `95%`, `3.2 days`, `120` when there is no unit.
pub(crate) fn with_unit(value: f64, unit: Option<&str>) -> String {
    match unit {
        None | Some("") => number(value),
        Some(u) if u.starts_with('%') || u.starts_with('°') => format!("{}{u}", number(value)),
        Some(u) => format!("{} {u}", number(value)),
    }
}

/// Money in the client's currency, or bare when none is known.
pub(crate) fn money(amount: Money, currency: Option<&Currency>) -> String {
    match currency {
        Some(c) => c.format(amount),
        None => amount.grouped(),
    }
}

/// `+6 days`, `−2 days`, `1 day`: signed day counts for slips and impacts.
pub(crate) fn signed_days(days: i64) -> String {
    let unit = if days.abs() == 1 { "day" } else { "days" };
    match days {
        0 => "0 days".to_owned(),
        d if d > 0 => format!("+{d} {unit}"),
        d => format!("−{} {unit}", d.abs()),
    }
}

/// `14 Nov 2026`.
pub(crate) fn short_date(date: Date) -> String {
    date.naive().format("%-d %b %Y").to_string()
}

/// `14 November 2026`.
pub(crate) fn long_date(date: Date) -> String {
    let d = date.naive();
    format!("{} {} {}", d.day(), d.format("%B"), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_noise() {
        assert_eq!(number(95.0), "95");
        assert_eq!(number(88.254), "88.25");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(-0.001), "0");
        assert_eq!(with_unit(95.0, Some("%")), "95%");
        assert_eq!(with_unit(3.25, Some("days")), "3.25 days");
    }

    #[test]
    fn days_and_dates() {
        assert_eq!(signed_days(6), "+6 days");
        assert_eq!(signed_days(-1), "−1 day");
        let d: Date = "2026-11-04".parse().unwrap();
        assert_eq!(short_date(d), "4 Nov 2026");
        assert_eq!(long_date(d), "4 November 2026");
    }
}
