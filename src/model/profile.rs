//! `client.yaml`: who the client is and what was agreed.

use std::fmt;

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{CadenceDefaults, Date, Money, TextFormat, Visibility};

/// The contents of a client's `client.yaml`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClientProfile {
    /// The client's name as it appears on every page.
    pub name: String,
    /// One sentence on what the engagement is for.
    #[serde(default)]
    pub summary: Option<String>,
    /// The language of this client's portal, a BCP 47 tag (`de`, `fr-CH`); `portico.yaml`'s
    /// `language` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::locale::Language>,
    /// People on both sides.
    #[serde(default)]
    pub contacts: Contacts,
    /// Accent colour and logo.
    #[serde(default)]
    pub branding: Branding,
    /// Dates and commercial terms; absent for an informal engagement.
    #[serde(default)]
    pub engagement: Option<Engagement>,
    /// Reporting and review rhythm; missing values come from `portico.yaml`.
    #[serde(default)]
    pub cadence: CadenceInput,
    /// The IANA time zone meeting times are written in (e.g. `Europe/Amsterdam`), unless a
    /// meeting names its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<super::TimeZone>,
    /// Where this client's portal is published.
    #[serde(default)]
    pub deploy: ClientDeploy,
    /// Password protection; the portal is public to anyone with its address when absent.
    #[serde(default)]
    pub access: Option<Access>,
    /// Which rows of a time tracker's export are this client's, and whether the client
    /// sees who worked.
    #[serde(default)]
    pub time: super::TimeSettings,
    /// How the texts in this client's YAML files are written, and the default for its
    /// Markdown files: `markdown`, or `plain` for text imported from elsewhere.
    #[serde(default)]
    pub text_format: TextFormat,
    /// Further facts shown on the overview, in order: department, project number, lifecycle
    /// cost...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
    /// Attachments published although no page links to them, written as a link from the
    /// client folder: a file (`files/handbook.pdf`) or a folder (`files/downloads/`). Any
    /// other file under `files/` is published only when a text the client sees links to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// The part of an organisation this engagement belongs to (a department, a division,
    /// a group company), for grouping in the consultant's portfolio. Internal: never shown
    /// in the client's portal.
    #[serde(default)]
    pub organisation: Option<String>,
    /// The sample `portico init` writes, to learn from: `check` warns when it would be
    /// published beside real clients.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
}

/// A labelled fact about the client or the engagement: text, or an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    /// What it is, e.g. "Project number" or "Lifecycle cost".
    pub label: String,
    /// The label the consultant's portfolio groups text values by, when `label` is in the
    /// client's language and the portfolio's views are not (`label: Région`,
    /// `group: Region`). Only the portfolio reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The fact as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The fact as an amount in the engagement's currency (`98.339m`, `3.2bn`, `12k` or a
    /// plain number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<Money>,
}

/// Who can open a protected portal. Passwords come from environment variables at build
/// time, never from the portal's files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Access {
    /// The environment variable holding the one shared password.
    #[serde(default)]
    pub password_env: Option<String>,
    /// One password per reader, so one can be revoked without the others.
    #[serde(default)]
    pub passwords: Vec<NamedPassword>,
}

/// A reader's password.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedPassword {
    /// Whose it is (for you; it is not published).
    pub name: String,
    /// The environment variable holding it.
    pub env: String,
}

/// Publishing settings of one client.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClientDeploy {
    /// The address this client's portal is served from, e.g. `https://acme.portals.example/`;
    /// by default `portico.yaml`'s `base_url` followed by the folder.
    #[serde(default)]
    pub base_url: Option<String>,
    /// The client's folder in the output; the client's folder name by default.
    #[serde(default)]
    pub folder: Option<String>,
    /// The host, when it differs from `portico.yaml`'s.
    #[serde(default)]
    pub host: Option<super::Host>,
}

/// Contacts, grouped by side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    /// The client's people: sponsor, day-to-day contact, approvers.
    #[serde(default)]
    pub client: Vec<Contact>,
    /// The consultancy's people on the engagement.
    #[serde(default)]
    pub agency: Vec<Contact>,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// Role on the engagement, e.g. "Sponsor" or "Engagement lead".
    #[serde(default)]
    pub role: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number, as written.
    #[serde(default)]
    pub phone: Option<String>,
    /// Who may see this contact.
    #[serde(default)]
    pub visibility: Visibility,
}

impl Contact {
    /// True unless marked internal.
    pub fn visible(&self) -> bool {
        self.visibility.is_visible()
    }
}

/// The client's look in its portal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    /// Accent colour as `#rrggbb` or `#rgb`.
    #[serde(default)]
    pub accent: Option<Colour>,
    /// Logo image, a path relative to the client folder (normally under `files/`).
    #[serde(default)]
    pub logo: Option<String>,
}

/// Acceptance terms from the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptanceTerms {
    /// Business days (Monday to Friday) the client has to answer a submission.
    pub review_days: u32,
    /// True when a submission not answered within `review_days` counts as accepted
    /// ("deemed acceptance").
    #[serde(default)]
    pub deemed: bool,
}

/// What was agreed: dates and money.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    /// Name of the engagement, e.g. "Warehouse network redesign".
    #[serde(default)]
    pub title: Option<String>,
    /// First day of the engagement, when known.
    #[serde(default)]
    pub start: Option<Date>,
    /// Contractual end date; absent for an open-ended retainer.
    #[serde(default)]
    pub end: Option<Date>,
    /// Where the engagement stands: `active` (the default), `paused` or `closed`.
    #[serde(default)]
    pub state: EngagementState,
    /// The day a closed engagement closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<Date>,
    /// A sentence or two on how it ended, shown at the top of a closed portal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_summary: Option<String>,
    /// How fees are charged; nothing is said about fees when absent.
    #[serde(default)]
    pub fee_basis: Option<FeeBasis>,
    /// What `fee_basis: other` means, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_description: Option<String>,
    /// Total agreed value (fixed price, or the budget cap for time and materials).
    #[serde(default)]
    pub contract_value: Option<Money>,
    /// Day rate, for `daily` engagements.
    #[serde(default)]
    pub day_rate: Option<Money>,
    /// Money set aside for approved changes; `check` warns when approved changes exceed it.
    #[serde(default)]
    pub change_budget: Option<Money>,
    /// Currency of every amount for this client; defaults to `portico.yaml`'s.
    #[serde(default)]
    pub currency: Option<Currency>,
    /// The contract's acceptance terms: how long the client has to accept or reject a
    /// submitted milestone, and whether silence counts as acceptance.
    #[serde(default)]
    pub acceptance: Option<AcceptanceTerms>,
}

/// How fees are charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FeeBasis {
    /// A fixed price for the agreed scope.
    Fixed,
    /// Time and materials at a day rate.
    Daily,
    /// A monthly fee.
    Monthly,
    /// A retainer for ongoing availability.
    Retainer,
    /// No fee: pro bono, or paid for elsewhere.
    None,
    /// Another arrangement, described in `fee_description`.
    Other,
}

/// Where an engagement stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EngagementState {
    /// Under way: reports and dates are expected.
    #[default]
    Active,
    /// On hold: no reports are expected until it resumes.
    Paused,
    /// Finished (give `closed_on`): nothing is expected after its close.
    Closed,
}

impl FeeBasis {
    /// As said in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            FeeBasis::Fixed => "Fixed price",
            FeeBasis::Daily => "Time and materials (day rate)",
            FeeBasis::Monthly => "Monthly fee",
            FeeBasis::Retainer => "Retainer",
            FeeBasis::None => "No fee",
            FeeBasis::Other => "Other arrangement",
        }
    }
}

/// Rhythm as written in `client.yaml`; unset values fall back to the portal's defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CadenceInput {
    /// A status report at least every this many days.
    #[serde(default)]
    pub report_days: Option<u32>,
    /// A steering review every this many days.
    #[serde(default)]
    pub review_days: Option<u32>,
    /// Date of the first steering review; later ones follow every `review_days`.
    #[serde(default)]
    pub first_review: Option<Date>,
    /// Days the client has to accept or reject a submitted milestone.
    #[serde(default)]
    pub acceptance_days: Option<u32>,
}

/// The rhythm that applies to a client, after defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cadence {
    /// A status report at least every this many days, if agreed.
    pub report_days: Option<u32>,
    /// A steering review every this many days, if agreed.
    pub review_days: Option<u32>,
    /// First steering review.
    pub first_review: Option<Date>,
    /// Days the client has to decide on a submitted milestone.
    pub acceptance_days: u32,
}

impl Cadence {
    /// Days allowed for acceptance when nobody said.
    pub const DEFAULT_ACCEPTANCE_DAYS: u32 = 10;
    /// The longest cadence, in days (five years): an annual report that runs late stays
    /// expressible, and no date computed from a cadence can leave the calendar.
    pub const MAX_DAYS: u32 = 1830;

    /// Applies the portal's defaults to a client's own settings.
    pub fn resolve(own: &CadenceInput, defaults: &CadenceDefaults) -> Cadence {
        Cadence {
            report_days: own.report_days.or(defaults.report_days),
            review_days: own.review_days.or(defaults.review_days),
            first_review: own.first_review,
            acceptance_days: own
                .acceptance_days
                .or(defaults.acceptance_days)
                .unwrap_or(Self::DEFAULT_ACCEPTANCE_DAYS),
        }
    }
}

/// An ISO 4217 currency code such as `EUR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Currency(String);

impl Currency {
    /// The three-letter code.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// What is written before an amount: `€`, `$`, `£`, or the code and a space (`CHF `).
    pub fn prefix(&self) -> String {
        match self.0.as_str() {
            "EUR" => "€".to_owned(),
            "USD" => "$".to_owned(),
            "GBP" => "£".to_owned(),
            code => format!("{code} "),
        }
    }

    /// `€148,000` for the common currencies, `CHF 148,000` for the rest.
    pub fn format(&self, amount: Money) -> String {
        let sign = if amount.cents() < 0 { "−" } else { "" };
        let digits = (if amount.cents() < 0 { -amount } else { amount }).grouped();
        format!("{sign}{}{digits}", self.prefix())
    }
}

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "A three-letter ISO 4217 code such as EUR."
        })
    }
}

impl JsonSchema for Colour {
    fn schema_name() -> Cow<'static, str> {
        "Colour".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$",
            "description": "A colour as #rrggbb or #rgb, quoted in YAML."
        })
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::parse_in_place(deserializer, "a currency code", |code| {
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                Ok(Currency(code.to_owned()))
            } else {
                Err(format!(
                    "expected a three-letter currency code such as EUR, USD or GBP, found \"{code}\""
                ))
            }
        })
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red, 0-255.
    pub r: u8,
    /// Green, 0-255.
    pub g: u8,
    /// Blue, 0-255.
    pub b: u8,
}

impl Colour {
    /// Parses `#rrggbb` or `#rgb`.
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        match hex.len() {
            6 => Some(Colour {
                r: channel(0, 2)?,
                g: channel(2, 2)?,
                b: channel(4, 2)?,
            }),
            3 => Some(Colour {
                r: channel(0, 1)? * 17,
                g: channel(1, 1)? * 17,
                b: channel(2, 1)? * 17,
            }),
            _ => None,
        }
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// WCAG contrast ratio between two colours, 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// Black or white, whichever reads better on this colour.
    pub fn readable_text(self) -> Colour {
        const BLACK: Colour = Colour { r: 0, g: 0, b: 0 };
        const WHITE: Colour = Colour {
            r: 255,
            g: 255,
            b: 255,
        };
        if self.contrast(BLACK) >= self.contrast(WHITE) {
            BLACK
        } else {
            WHITE
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Serialize for Colour {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        super::parse_in_place(deserializer, "a colour as #rrggbb", |s| {
            Colour::parse(s).ok_or_else(|| {
                format!(
                    "expected a colour as #rrggbb or #rgb (quote it: \"#0b6e4f\"), found \"{s}\""
                )
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_colours() {
        assert_eq!(
            Colour::parse("#0b6e4f").map(|c| c.to_string()),
            Some("#0b6e4f".into())
        );
        assert_eq!(
            Colour::parse("#fff").map(|c| c.to_string()),
            Some("#ffffff".into())
        );
        for bad in ["0b6e4f", "#0b6e4", "#ggg", "red", "#+1+1+1", "#ééé"] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn picks_readable_text() {
        let dark = Colour::parse("#0b3d91").unwrap();
        let light = Colour::parse("#ffd23f").unwrap();
        assert_eq!(dark.readable_text().to_string(), "#ffffff");
        assert_eq!(light.readable_text().to_string(), "#000000");
        // Whatever the accent, the chosen text meets WCAG AA.
        for v in (0..=255).step_by(15) {
            for accent in [
                Colour { r: v, g: 0, b: 0 },
                Colour { r: 0, g: v, b: 0 },
                Colour { r: 0, g: 0, b: v },
                Colour { r: v, g: v, b: v },
            ] {
                assert!(accent.contrast(accent.readable_text()) >= 4.5, "{accent}");
            }
        }
    }

    #[test]
    fn formats_money_with_currency() {
        let eur = Currency("EUR".into());
        let chf = Currency("CHF".into());
        assert_eq!(eur.format(Money::from_units(148_000)), "€148,000");
        assert_eq!(eur.format(Money::from_units(-2_500)), "−€2,500");
        assert_eq!(chf.format(Money::from_units(9_600)), "CHF 9,600");
    }
}
