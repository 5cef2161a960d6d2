//! Numbers and dates as people read them.

use chrono::Datelike;

use crate::model::{Currency, Date, Money};

/// `95`, `88.25`, `0.5`: at most two decimals, no trailing zeros, no grouping (for
/// coordinates and machine-read values).
pub(crate) fn plain_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// `95`, `10,164.26`, `−1,250`: at most two decimals, thousands separated, a true minus.
pub(crate) fn number(value: f64) -> String {
    let plain = plain_number(value);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("−", rest),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    // Exponent notation never reaches here: f64 formats with `{:.2}` in positional form.
    let mut out = String::with_capacity(plain.len() + whole.len() / 3 + 2);
    out.push_str(sign);
    out.push_str(&group(whole));
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Digits with a comma between each group of three: `1234567` as `1,234,567`.
pub(crate) fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A value with its unit: `95%`, `3.2 days`, `120` when there is no unit.
pub(crate) fn with_unit(value: f64, unit: Option<&str>) -> String {
    match unit {
        None | Some("") => number(value),
        Some(u) if u.starts_with('%') || u.starts_with('°') => format!("{}{u}", number(value)),
        Some(u) => format!("{} {u}", number(value)),
    }
}

/// An already formatted number with a free-text unit: `95%`, `12 tickets`.
pub(crate) fn with_unit_text(number: &str, unit: Option<&str>) -> String {
    match unit {
        None | Some("") => number.to_owned(),
        Some(u) if u.starts_with('%') || u.starts_with('°') => format!("{number}{u}"),
        Some(u) => format!("{number} {u}"),
    }
}

/// Money in the client's currency, or bare when none is known.
pub(crate) fn money(amount: Money, currency: Option<&Currency>) -> String {
    match currency {
        Some(c) => c.format(amount),
        None => amount.grouped(),
    }
}

/// A money amount short enough for a card: `£40.3bn`, `$1.25m`, `€480k`. Amounts under
/// 100,000 are written in full; the full amount belongs beside it (a table, a title).
pub(crate) fn money_compact(amount: Money, currency: Option<&Currency>) -> String {
    let cents = amount.cents();
    let units = cents.unsigned_abs() / 100;
    if units < 100_000 {
        return money(amount, currency);
    }
    // Tenths of the unit of each size, promoted when rounding reaches the next size
    // (999,960 is £1m, not £1,000k).
    let scaled = |size: u64| (u128::from(cents.unsigned_abs()) * 100 / u128::from(size) + 5) / 10;
    let (tenths, suffix) = {
        let k = scaled(1_000 * 100);
        let m = scaled(1_000_000 * 100);
        let bn = scaled(1_000_000_000 * 100);
        if bn >= 10 || m >= 10_000 {
            (bn, "bn")
        } else if m >= 10 || k >= 10_000 {
            (m, "m")
        } else {
            (k, "k")
        }
    };
    // Three significant figures at most: £40.3bn, £403bn, £4.3bn; a tenth only below 100.
    let text = if tenths >= 1_000 {
        group(&((tenths + 5) / 10).to_string())
    } else if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    let sign = if cents < 0 { "−" } else { "" };
    match currency {
        Some(c) => format!("{sign}{}{text}{suffix}", c.prefix()),
        None => format!("{sign}{text}{suffix}"),
    }
}

/// `+6 days`, `−2 days`, `1 day`: signed day counts for change impacts, which are agreed
/// in days.
pub(crate) fn signed_days(days: i64) -> String {
    let unit = if days.abs() == 1 { "day" } else { "days" };
    let count = group(&days.unsigned_abs().to_string());
    match days {
        0 => "0 days".to_owned(),
        d if d > 0 => format!("+{count} {unit}"),
        _ => format!("−{count} {unit}"),
    }
}

/// Average days in a month and a year, for wording spans (not for date arithmetic).
const MONTH_DAYS: f64 = 30.436_875;

/// A span of days in the unit that fits its size: days under eight weeks, weeks under six
/// months, then months, then years and months: `12 days`, `9 weeks`, `7 months`,
/// `2 years 4 months`.
pub(crate) fn duration(days: i64) -> String {
    let days = days.unsigned_abs();
    let plural = |n: u64, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{} {many}", group(&n.to_string()))
        }
    };
    if days < 56 {
        return plural(days, "day", "days");
    }
    if days < 183 {
        return plural((days + 3) / 7, "week", "weeks");
    }
    let months = (days as f64 / MONTH_DAYS).round() as u64;
    if months < 12 {
        return plural(months, "month", "months");
    }
    let (years, rest) = (months / 12, months % 12);
    if rest == 0 {
        plural(years, "year", "years")
    } else {
        format!(
            "{} {}",
            plural(years, "year", "years"),
            plural(rest, "month", "months")
        )
    }
}

/// A signed span for slips: `+2 years 4 months`, `−3 days`, `0 days`.
pub(crate) fn signed_duration(days: i64) -> String {
    match days {
        0 => "0 days".to_owned(),
        d if d > 0 => format!("+{}", duration(d)),
        d => format!("−{}", duration(d)),
    }
}

/// Where an engagement stands, in the unit that fits its length: `Week 3 of 8`,
/// `Month 38 of 60`, `Year 12 of 68`; `None` before the start or after the end.
pub(crate) fn progress_position(elapsed_days: i64, total_days: i64) -> Option<String> {
    if elapsed_days < 0 || elapsed_days > total_days {
        return None;
    }
    let total = total_days.max(1) as f64;
    let elapsed = elapsed_days as f64;
    let (unit, size) = if total_days < 183 {
        ("Week", 7.0)
    } else if total_days <= 6 * 365 + 1 {
        ("Month", MONTH_DAYS)
    } else {
        ("Year", 365.2425)
    };
    let of = (total / size).round().max(1.0) as i64;
    let at = ((elapsed / size).floor() as i64 + 1).min(of);
    Some(format!(
        "{unit} {} of {}",
        group(&at.to_string()),
        group(&of.to_string())
    ))
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
    fn numbers_are_grouped_at_each_thousand() {
        assert_eq!(number(999.0), "999");
        assert_eq!(number(1000.0), "1,000");
        assert_eq!(number(10164.26), "10,164.26");
        assert_eq!(number(999_999.999), "1,000,000");
        assert_eq!(number(-10000.0), "−10,000");
        assert_eq!(number(-999.0), "−999");
        assert_eq!(number(40_000_000_000.0), "40,000,000,000");
        assert_eq!(with_unit(-10000.0, Some("%")), "−10,000%");
        assert_eq!(plain_number(-10000.5), "-10000.5");
    }

    #[test]
    fn money_compacts_only_from_a_hundred_thousand() {
        let currency = |code: &str| -> Currency { serde_yaml::from_str(code).unwrap() };
        let (gbp, chf) = (currency("GBP"), currency("CHF"));
        let units = Money::from_units;
        assert_eq!(money_compact(units(5), Some(&gbp)), "£5");
        assert_eq!(money_compact(units(99_999), Some(&gbp)), "£99,999");
        assert_eq!(money_compact(units(100_000), Some(&gbp)), "£100k");
        assert_eq!(money_compact(units(480_000), Some(&chf)), "CHF 480k");
        assert_eq!(money_compact(units(999_949), Some(&gbp)), "£1m");
        assert_eq!(money_compact(units(999_999), Some(&gbp)), "£1m");
        assert_eq!(money_compact(units(1_250_000), Some(&gbp)), "£1.3m");
        assert_eq!(money_compact(units(98_339_000), Some(&gbp)), "£98.3m");
        assert_eq!(money_compact(units(999_960_000), Some(&gbp)), "£1bn");
        assert_eq!(money_compact(units(40_300_000_000), Some(&gbp)), "£40.3bn");
        assert_eq!(money_compact(units(40_000_000_000), None), "40bn");
        assert_eq!(money_compact(units(403_000_000_000), None), "403bn");
        assert_eq!(money_compact(-units(2_500_000), Some(&gbp)), "−£2.5m");
    }

    #[test]
    fn days_and_dates() {
        assert_eq!(signed_days(6), "+6 days");
        assert_eq!(signed_days(-1), "−1 day");
        assert_eq!(signed_days(12_419), "+12,419 days");
        let d: Date = "2026-11-04".parse().unwrap();
        assert_eq!(short_date(d), "4 Nov 2026");
        assert_eq!(long_date(d), "4 November 2026");
    }

    #[test]
    fn durations_take_the_unit_that_fits() {
        assert_eq!(duration(0), "0 days");
        assert_eq!(duration(1), "1 day");
        assert_eq!(duration(55), "55 days");
        assert_eq!(duration(56), "8 weeks");
        assert_eq!(duration(182), "26 weeks");
        assert_eq!(duration(183), "6 months");
        assert_eq!(duration(350), "11 months");
        assert_eq!(duration(365), "1 year");
        assert_eq!(duration(396), "1 year 1 month");
        assert_eq!(duration(852), "2 years 4 months");
        assert_eq!(duration(2191), "6 years");
        assert_eq!(duration(12_419), "34 years");
        assert_eq!(signed_duration(852), "+2 years 4 months");
        assert_eq!(signed_duration(-3), "−3 days");
        assert_eq!(signed_duration(0), "0 days");
    }

    #[test]
    fn progress_in_weeks_months_or_years() {
        assert_eq!(progress_position(0, 6).as_deref(), Some("Week 1 of 1"));
        assert_eq!(progress_position(13, 56).as_deref(), Some("Week 2 of 8"));
        assert_eq!(progress_position(56, 56).as_deref(), Some("Week 8 of 8"));
        assert_eq!(progress_position(0, 182).as_deref(), Some("Week 1 of 26"));
        assert_eq!(progress_position(0, 183).as_deref(), Some("Month 1 of 6"));
        assert_eq!(progress_position(0, 2191).as_deref(), Some("Month 1 of 72"));
        assert_eq!(progress_position(0, 2192).as_deref(), Some("Year 1 of 6"));
        assert_eq!(
            progress_position(1128, 1826).as_deref(),
            Some("Month 38 of 60")
        );
        assert_eq!(
            progress_position(11 * 365 + 10, 68 * 365 + 17).as_deref(),
            Some("Year 12 of 68")
        );
        assert_eq!(progress_position(-1, 56), None);
        assert_eq!(progress_position(57, 56), None);
    }
}
