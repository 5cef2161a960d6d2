//! Amounts of money, held in hundredths so that sums are exact.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::fmt;
use std::ops::{Add, Neg};

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// An amount in hundredths of the engagement's currency unit (cents, pence, rappen).
///
/// Input accepts integers (`148000`) and numbers with at most two decimals (`9600.50`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    /// No money.
    pub const ZERO: Money = Money(0);

    /// An amount from whole units.
    pub fn from_units(units: i64) -> Money {
        Money(units.saturating_mul(100))
    }

    /// An amount from hundredths.
    pub fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    /// An hourly rate times a duration in seconds, rounded to the cent (half away from
    /// zero); saturates rather than overflowing.
    pub fn times_seconds(self, seconds: u64) -> Money {
        let product = i128::from(self.0) * i128::from(seconds);
        let rounded = (product + product.signum() * 1800) / 3600;
        Money(i64::try_from(rounded).unwrap_or(if product < 0 { i64::MIN } else { i64::MAX }))
    }

    /// The amount in hundredths.
    pub fn cents(self) -> i64 {
        self.0
    }

    /// An amount with a scale suffix, as published in millions: `98.339m` (98,339,000),
    /// `3.2bn`, `12k`. Kept exact: the digits are scaled as decimals, never through a
    /// float. `None` when the text is not of that shape; an error when it is but the
    /// amount is unusable.
    pub fn parse_scaled(text: &str) -> Option<Result<Money, String>> {
        let t = text.trim();
        let (number, zeros) = [("bn", 9u32), ("m", 6), ("k", 3)]
            .iter()
            .find_map(|(suffix, zeros)| t.strip_suffix(suffix).map(|n| (n, *zeros)))?;
        let (negative, number) = match number.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, number),
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        let digits_ok = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits_ok(whole) || !digits_ok(fraction) {
            return None;
        }
        // Hundredths: whole and fraction digits shifted by the scale plus two places.
        let places = zeros + 2;
        let fraction_len = u32::try_from(fraction.len()).ok()?;
        let Some(shift) = places.checked_sub(fraction_len) else {
            return Some(Err(format!(
                "\"{text}\" has more decimals than a cent: at most {} after the point with this scale",
                places
            )));
        };
        let too_large = || format!("\"{text}\" is too large for an amount of money");
        let mantissa: i64 = match format!("{whole}{fraction}").parse() {
            Ok(m) => m,
            Err(_) => return Some(Err(too_large())),
        };
        let cents = 10i64
            .checked_pow(shift)
            .and_then(|f| mantissa.checked_mul(f))
            .filter(|c| *c <= LIMIT.saturating_mul(100));
        Some(match cents {
            Some(c) => Ok(Money(if negative { -c } else { c })),
            None => Err(too_large()),
        })
    }

    /// True when the amount has no fractional part.
    pub fn is_whole(self) -> bool {
        self.0 % 100 == 0
    }

    /// `1234567.5` rendered as `1,234,567.50`, `148000` as `148,000`.
    pub fn grouped(self) -> String {
        let abs = self.0.unsigned_abs();
        let units = abs / 100;
        let cents = abs % 100;
        let digits = units.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 4);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        if cents == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}.{cents:02}")
        }
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "number", "multipleOf": 0.01 },
                { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?(k|m|bn)$" }
            ],
            "description": "An amount such as 148000 or 9600.50, or with a scale: 98.339m, 3.2bn, 12k; without currency signs."
        })
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_whole() {
            serializer.serialize_i64(self.0 / 100)
        } else {
            // Two decimals are exact in hundredths; f64 keeps JSON numeric.
            serializer.serialize_f64(self.0 as f64 / 100.0)
        }
    }
}

const LIMIT: i64 = 1_000_000_000_000; // a trillion units: beyond any engagement, safe in f64

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount of money such as 148000 or 9600.50")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                if v.abs() > LIMIT {
                    return Err(E::custom(format!(
                        "{v} is too large for an amount of money"
                    )));
                }
                Ok(Money::from_units(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                let v = i64::try_from(v)
                    .map_err(|_| E::custom(format!("{v} is too large for an amount of money")))?;
                self.visit_i64(v)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                if !v.is_finite() || v.abs() > LIMIT as f64 {
                    return Err(E::custom(format!("{v} is not a usable amount of money")));
                }
                let cents = (v * 100.0).round();
                if ((v * 100.0) - cents).abs() > 1e-6 {
                    return Err(E::custom(format!(
                        "{v} has more than two decimals; amounts are kept to the cent"
                    )));
                }
                Ok(Money(cents as i64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                match Money::parse_scaled(v) {
                    Some(Ok(m)) => Ok(m),
                    Some(Err(why)) => Err(E::custom(why)),
                    None => Err(E::custom(format!(
                        "expected a number such as 148000, 9600.50 or 98.339m, found \"{v}\" (leave out currency signs and thousands separators)"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(Money::from_units(148_000).grouped(), "148,000");
        assert_eq!(Money::from_units(-9_600).grouped(), "-9,600");
        assert_eq!(Money(123_456_750).grouped(), "1,234,567.50");
        assert_eq!(Money::from_units(999).grouped(), "999");
        assert_eq!(Money::ZERO.grouped(), "0");
    }

    #[test]
    fn values_take_a_scale_and_stay_exact() {
        let m = |s: &str| Money::parse_scaled(s).unwrap().unwrap().cents();
        assert_eq!(m("98.339m"), 9_833_900_000);
        assert_eq!(m("3.2bn"), 320_000_000_000);
        assert_eq!(m("12k"), 1_200_000);
        assert_eq!(m("-1.5k"), -150_000);
        assert_eq!(m("40bn"), 4_000_000_000_000);
        assert_eq!(m("0.00000001m"), 1);
        assert!(Money::parse_scaled("0.000000001m").unwrap().is_err());
        assert!(Money::parse_scaled("2000bn").unwrap().is_err());
        assert_eq!(Money::parse_scaled("12 apples"), None);
        assert_eq!(Money::parse_scaled("€12k"), None);
        let yaml: Money = serde_yaml::from_str("98.339m").unwrap();
        assert_eq!(yaml.cents(), 9_833_900_000);
    }

    #[test]
    fn reads_yaml_numbers() {
        let m: Money = serde_yaml::from_str("9600.5").unwrap();
        assert_eq!(m.cents(), 960_050);
        let m: Money = serde_yaml::from_str("-1200").unwrap();
        assert_eq!(m.cents(), -120_000);
        let err = serde_yaml::from_str::<Money>("12.345").unwrap_err();
        assert!(err.to_string().contains("more than two decimals"), "{err}");
        let err = serde_yaml::from_str::<Money>("\"€1,200\"").unwrap_err();
        assert!(
            err.to_string().contains("leave out currency signs"),
            "{err}"
        );
    }
}
