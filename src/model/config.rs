//! `portico.yaml`: who the agency is and what every client inherits.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Currency, Date, RatingLevel};

/// The portal-wide configuration in `portico.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortalConfig {
    /// The consultancy publishing the portals.
    pub agency: Agency,
    /// Public address the portals are served from, e.g. `https://portals.example.com/`.
    /// Only used for absolute links in feeds; pages link relatively.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Freezes "today" for every client, for an archived or example portal; `--as-of`
    /// overrides it. Unset, pages use each client's latest report date and `check` judges
    /// staleness against the real date.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// The language of every client's portal that does not name its own: a BCP 47 tag
    /// (`de`, `fr-CH`, `pt-BR`); English when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::locale::Language>,
    /// Theme name: `default`, or a folder under the portal's `themes/`.
    #[serde(default)]
    pub theme: Option<String>,
    /// Values every client inherits unless its `client.yaml` says otherwise.
    #[serde(default)]
    pub defaults: Defaults,
    /// How the portals are hosted.
    #[serde(default)]
    pub deploy: DeployDefaults,
    /// Curly quotes and typographic dashes in Markdown (`"` to “ ”, `--` to –). Off by
    /// default, so text pasted from other systems shows exactly as written.
    #[serde(default)]
    pub smart_punctuation: bool,
    /// The scale reports are rated on, best first; green, amber and red when absent.
    /// `unknown` and `withheld` are always there and may not be redefined.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rating_scale: Vec<RatingLevel>,
}

/// Hosting settings every client inherits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeployDefaults {
    /// The static host; decides which host files (`_headers`, `.nojekyll`, `CNAME`) are written.
    #[serde(default)]
    pub host: Host,
}

/// Where a portal is published.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Host {
    /// Any web server; only `robots.txt` is written.
    #[default]
    Plain,
    /// Netlify: security headers in `_headers`.
    Netlify,
    /// Cloudflare Pages: security headers in `_headers`.
    Cloudflare,
    /// GitHub Pages: `.nojekyll`, and `CNAME` for a custom domain.
    GithubPages,
}

/// The consultancy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Trading name, shown in every page footer.
    pub name: String,
    /// Contact address shown in the footer.
    #[serde(default)]
    pub email: Option<String>,
    /// Public website shown in the footer.
    #[serde(default)]
    pub website: Option<String>,
    /// The agency's logo, shown on the lock page of protected portals: the name of an image
    /// in the theme's static files (e.g. `agency-logo.svg` for `theme/static/agency-logo.svg`).
    #[serde(default)]
    pub logo: Option<String>,
}

/// Portal-wide defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Currency of engagements that do not name one.
    #[serde(default)]
    pub currency: Option<Currency>,
    /// Reporting and review rhythm.
    #[serde(default)]
    pub cadence: CadenceDefaults,
}

/// Default rhythm, in days.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CadenceDefaults {
    /// A status report at least every this many days.
    #[serde(default)]
    pub report_days: Option<u32>,
    /// A steering review every this many days.
    #[serde(default)]
    pub review_days: Option<u32>,
    /// Days the client has to accept or reject a submitted milestone.
    #[serde(default)]
    pub acceptance_days: Option<u32>,
}
