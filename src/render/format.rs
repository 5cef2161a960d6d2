//! Numbers and dates as people read them.

use crate::locale;
use crate::model::{Currency, Date, Money};

/// `95`, `88.25`, `0.5`: at most two decimals, no trailing zeros, no grouping (for
/// coordinates and machine-read values).
///
/// Written from whole hundredths rather than with `{:.2}`: every number on every page and
/// hundreds of chart coordinates pass through here, and exact float formatting (Grisu,
/// falling back to Dragon) was the largest single cost in the profile of a full build.
/// Hundredths counted as an integer give the same digits: `n / 100.0` is the double
/// nearest `n / 100`, which `{:.2}` prints exactly while `n` stays well inside the 2^53
/// integers a double holds.
pub(crate) fn plain_number(value: f64) -> String {
    let hundredths = (value * 100.0).round();
    if !(hundredths.is_finite() && hundredths.abs() < 1e15) {
        return exact_plain_number(value);
    }
    // Checked above: a whole number of at most 15 digits.
    #[allow(clippy::cast_possible_truncation)]
    let n = hundredths as i64;
    let (whole, cents) = (n.unsigned_abs() / 100, n.unsigned_abs() % 100);
    let sign = if n < 0 { "-" } else { "" };
    match (cents, cents % 10) {
        (0, _) => format!("{sign}{whole}"),
        (_, 0) => format!("{sign}{whole}.{}", cents / 10),
        _ => format!("{sign}{whole}.{cents:02}"),
    }
}

/// [`plain_number`] for numbers beyond whole hundredths in an `i64` (and NaN, infinity).
fn exact_plain_number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// `95`, `10,164.26`, `−1,250` (`10.164,26` in German): at most two decimals, grouped for
/// the current locale, a true minus.
pub(crate) fn number(value: f64) -> String {
    locale::with_current(|l| l.number(value))
}

/// Digits grouped for the current locale: `1234567` as `1,234,567` (`1.234.567`).
pub(crate) fn group(digits: &str) -> String {
    locale::with_current(|l| l.decimal_text(digits))
}

/// A percentage for the current locale: `95%`, `95 %`.
fn percent_text(number: &str) -> String {
    locale::t_args("percent", &[("n", number.into())])
}

/// A value with its unit: `95%`, `3.2 days`, `120` when there is no unit.
pub(crate) fn with_unit(value: f64, unit: Option<&str>) -> String {
    with_unit_text(&number(value), unit)
}

/// An already formatted number with a free-text unit: `95%`, `12 tickets`.
pub(crate) fn with_unit_text(number: &str, unit: Option<&str>) -> String {
    match unit {
        None | Some("") => number.to_owned(),
        Some("%") => percent_text(number),
        Some(u) if u.starts_with('%') || u.starts_with('°') => format!("{number}{u}"),
        Some(u) => format!("{number} {u}"),
    }
}

/// A percentage of a number: `66.9%` (`66,9 %`).
pub(crate) fn percent(value: f64) -> String {
    percent_text(&number(value))
}

/// An amount already written as a number for the locale, with its currency placed as the
/// locale places it: `€148,000`, `148.000 €`, `CHF 148,000`.
pub(crate) fn with_currency_text(
    negative: bool,
    amount: &str,
    currency: Option<&Currency>,
) -> String {
    match currency {
        Some(c) => {
            let prefix = c.prefix();
            let symbol = prefix.trim_end();
            locale::t_args(
                "money",
                &[
                    ("sign", if negative { "−" } else { "" }.into()),
                    ("prefix", prefix.as_str().into()),
                    ("symbol", symbol.into()),
                    ("amount", amount.into()),
                ],
            )
        }
        // Bare amounts keep the hyphen they always had (tables of plain numbers).
        None => format!("{}{amount}", if negative { "-" } else { "" }),
    }
}

/// Money in the client's currency, or bare when none is known.
pub(crate) fn money(amount: Money, currency: Option<&Currency>) -> String {
    let abs = amount.cents().unsigned_abs();
    let (units, cents) = (abs / 100, abs % 100);
    let plain = if cents == 0 {
        units.to_string()
    } else {
        format!("{units}.{cents:02}")
    };
    with_currency_text(amount.cents() < 0, &group(&plain), currency)
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
    let (tenths, key) = {
        let k = scaled(1_000 * 100);
        let m = scaled(1_000_000 * 100);
        let bn = scaled(1_000_000_000 * 100);
        if bn >= 10 || m >= 10_000 {
            (bn, "money-billions")
        } else if m >= 10 || k >= 10_000 {
            (m, "money-millions")
        } else {
            (k, "money-thousands")
        }
    };
    // Three significant figures at most: £40.3bn, £403bn, £4.3bn; a tenth only below 100.
    let plain = if tenths >= 1_000 {
        ((tenths + 5) / 10).to_string()
    } else if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    let text = locale::t_args(key, &[("n", group(&plain).into())]);
    let negative = cents < 0;
    match currency {
        Some(_) => with_currency_text(negative, &text, currency),
        None => format!("{}{text}", if negative { "−" } else { "" }),
    }
}

/// `+6 days`, `−2 days`, `1 day`: signed day counts for change impacts, which are agreed
/// in days.
pub(crate) fn signed_days(days: i64) -> String {
    let text = locale::t_args("days", &[("n", days.unsigned_abs().into())]);
    match days {
        0 => text,
        d if d > 0 => format!("+{text}"),
        _ => format!("−{text}"),
    }
}

/// Average days in a month and a year, for wording spans (not for date arithmetic).
const MONTH_DAYS: f64 = 30.436_875;

/// A span of days in the unit that fits its size: days under eight weeks, weeks under six
/// months, then months, then years and months: `12 days`, `9 weeks`, `7 months`,
/// `2 years 4 months`.
pub(crate) fn duration(days: i64) -> String {
    let days = days.unsigned_abs();
    let count = |key: &str, n: u64| locale::t_args(key, &[("n", n.into())]);
    if days < 56 {
        return count("days", days);
    }
    if days < 183 {
        return count("weeks", (days + 3) / 7);
    }
    let months = (days as f64 / MONTH_DAYS).round() as u64;
    if months < 12 {
        return count("months", months);
    }
    let (years, rest) = (months / 12, months % 12);
    if rest == 0 {
        count("years", years)
    } else {
        locale::t_args(
            "years-and-months",
            &[
                ("years", count("years", years).into()),
                ("months", count("months", rest).into()),
            ],
        )
    }
}

/// A signed span for slips: `+2 years 4 months`, `−3 days`, `0 days`.
pub(crate) fn signed_duration(days: i64) -> String {
    match days {
        0 => duration(0),
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
    let (key, size) = if total_days < 183 {
        ("progress-week", 7.0)
    } else if total_days <= 6 * 365 + 1 {
        ("progress-month", MONTH_DAYS)
    } else {
        ("progress-year", 365.2425)
    };
    let of = (total / size).round().max(1.0) as i64;
    let at = ((elapsed / size).floor() as i64 + 1).min(of);
    Some(locale::t_args(key, &[("at", at.into()), ("of", of.into())]))
}

/// `14 Nov 2026` (`20.11.2026`).
pub(crate) fn short_date(date: Date) -> String {
    locale::with_current(|l| l.short_date(date))
}

/// `14 November 2026` (`20. November 2026`).
pub(crate) fn long_date(date: Date) -> String {
    locale::with_current(|l| l.long_date(date))
}

/// `14 Nov` (`20. Nov.`).
pub(crate) fn day_month(date: Date) -> String {
    locale::with_current(|l| l.day_month(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_hundredths_read_as_exact_formatting_does() {
        let mut values = vec![
            0.0,
            -0.0,
            0.004,
            -0.004,
            0.005,
            -0.005,
            0.015,
            1.005,
            2.675,
            10.1,
            -10.1,
            99.995,
            123.456,
            -123.456,
            1e14,
            -1e14,
            1e16,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.1 + 0.2,
            640.0 / 3.0,
        ];
        // A deterministic spread of the values charts produce, and beyond.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [1.0, 10.0, 1000.0, 1e6, 1e12][(x % 5) as usize];
            values.push((unit - 0.5) * 2.0 * scale);
            values.push(((unit * 1e6).round() / 1000.0) - 500.0);
        }
        for v in values {
            assert_eq!(plain_number(v), exact_plain_number(v), "{v:e}");
        }
    }

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
