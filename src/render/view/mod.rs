//! View models: what templates see, derived from a client already stripped of internal items.
//!
//! Templates never get raw YAML. They get these plain structs: dates as ISO strings (the
//! theme's `date` filter formats them), money and days already worded, statuses as a key
//! for styling plus a label in words, and Markdown already rendered (fields ending in
//! `_html` or `_svg`, the only ones a template may mark `safe`).

use serde::Serialize;

mod budget;
mod items;
mod meetings;
mod owed;
mod pages;
pub(crate) mod portfolio;

pub(crate) use meetings::{anchors as meeting_anchors, reviews_are_scheduled};
pub(crate) use owed::owed;

use super::format;
use super::markdown::{self, Place};
use crate::model::{
    AcceptanceDecision, ChangeStatus, Client, Currency, Date, DecisionStatus, EngagementState,
    Money, PortalConfig, Rag, RaidStatus, Rating, Severity, TextFormat,
};

/// A status as a styling key and words.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub(crate) key: &'static str,
    pub(crate) label: std::borrow::Cow<'static, str>,
}

impl Status {
    fn new(key: &'static str, label: impl Into<std::borrow::Cow<'static, str>>) -> Status {
        Status {
            key,
            label: label.into(),
        }
    }
}

/// Statuses as a styling key ("tone") and their words. The key is the theme's business;
/// the model only knows what each status means.
macro_rules! tones {
    ($($ty:ty => |$v:ident| $tone:expr;)*) => {$(
        impl From<$ty> for Status {
            fn from($v: $ty) -> Status {
                Status::new($tone, crate::locale::label($v.label()))
            }
        }
    )*};
}

tones! {
    Rag => |v| v.key();
    AcceptanceDecision => |v| match v {
        AcceptanceDecision::Accepted => "green",
        AcceptanceDecision::Rejected => "red",
        AcceptanceDecision::Pending => "amber",
    };
    ChangeStatus => |v| match v {
        ChangeStatus::Proposed => "amber",
        ChangeStatus::Approved => "green",
        ChangeStatus::Rejected | ChangeStatus::Withdrawn => "grey",
    };
    RaidStatus => |v| match v {
        RaidStatus::Open => "amber",
        RaidStatus::Escalated => "red",
        RaidStatus::Closed => "grey",
    };
    Severity => |v| match v {
        Severity::Low => "grey",
        Severity::Medium => "amber",
        Severity::High | Severity::Critical => "red",
    };
    DecisionStatus => |v| match v {
        DecisionStatus::Pending => "amber",
        DecisionStatus::Decided => "green",
    };
}

/// Everything every page of a client shares.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Shared {
    portal: PortalView,
    client: ClientView,
    /// The date the pages state their facts as of.
    as_of: Date,
    /// The date of the latest report on or before `as_of`, which pages distinguish from it.
    report_date: Option<Date>,
    /// Draft reports among the pages: only a preview has any, and then every page says so.
    drafts: usize,
}

#[derive(Debug, Clone, Serialize)]
struct PortalView {
    agency_name: String,
    agency_email: Option<String>,
    agency_website: Option<String>,
}

/// What the lock page of a protected portal may show: the agency, never the client.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LockAgency {
    name: String,
    email: Option<String>,
    /// Only an http(s) address becomes a link.
    website: Option<String>,
    /// The agency's logo, from the theme's static files: `assets/<name>`.
    logo: Option<String>,
}

impl LockAgency {
    pub(crate) fn new(config: &PortalConfig) -> LockAgency {
        let agency = &config.agency;
        LockAgency {
            name: agency.name.clone(),
            email: agency.email.clone(),
            website: agency
                .website
                .clone()
                .filter(|w| w.starts_with("https://") || w.starts_with("http://")),
            logo: agency.logo.as_ref().map(|l| format!("assets/{l}")),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct ClientView {
    slug: String,
    name: String,
    summary: Option<String>,
    logo_href: Option<String>,
    engagement: Option<EngagementView>,
    client_contacts: Vec<ContactView>,
    agency_contacts: Vec<ContactView>,
    details: Vec<DetailView>,
}

/// A labelled fact, its value already worded (money in the client's currency).
#[derive(Debug, Clone, Serialize)]
struct DetailView {
    label: String,
    value: String,
}

#[derive(Debug, Clone, Serialize)]
struct EngagementView {
    title: Option<String>,
    start: Option<Date>,
    end: Option<Date>,
    /// `active`, `paused` or `closed`.
    state: &'static str,
    closed_on: Option<Date>,
    closing_summary: Option<String>,
    /// In words; `None` when nobody wrote a fee basis.
    fee_basis: Option<String>,
    contract_value: Option<String>,
    contract_value_short: Option<String>,
    day_rate: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct ContactView {
    name: String,
    role: Option<String>,
    email: Option<String>,
    phone: Option<String>,
}

/// Builds the views of one client's pages.
pub(crate) struct Views<'a> {
    pub(super) client: &'a Client,
    pub(super) config: &'a PortalConfig,
    as_of: Date,
    pub(super) currency: Option<&'a Currency>,
    /// Views more than one page shows.
    made: pages::Made,
    /// Where the feed's links start: the client's address, or nothing (relative).
    feed_root: String,
}

/// A rating in words and the colour it counts as on `scale`; grey for `unknown` and
/// `withheld` (with its reason), which count as no colour.
pub(crate) fn rating_status(
    scale: &crate::model::RatingScale,
    rating: &Rating,
    withheld_reason: Option<&String>,
) -> Status {
    let meaning = scale.meaning(rating);
    let key = meaning
        .as_ref()
        .and_then(|m| m.counts_as)
        .map_or("grey", Rag::key);
    let label = match (meaning, withheld_reason) {
        (Some(_), Some(reason)) if rating.is_withheld() => {
            crate::locale::t_args("withheld-because", &[("reason", reason.as_str().into())])
        }
        (Some(m), _) => crate::locale::label(&m.label),
        // Off the scale: check refuses it before anything renders.
        (None, _) => rating.as_str().to_owned(),
    };
    Status::new(key, label)
}

impl<'a> Views<'a> {
    pub(crate) fn new(client: &'a Client, config: &'a PortalConfig, as_of: Date) -> Views<'a> {
        let currency = client.currency(config);
        Views {
            client,
            config,
            as_of,
            currency,
            made: pages::Made::new(client.reports.len()),
            feed_root: client.base_url(config).unwrap_or_default(),
        }
    }

    /// A rating in words and the colour it counts as (see [`rating_status`]).
    fn rating(&self, rating: &Rating, withheld_reason: Option<&String>) -> Status {
        rating_status(&self.client.ratings, rating, withheld_reason)
    }

    fn money(&self, amount: Money) -> String {
        format::money(amount, self.currency)
    }

    /// Money compacted for where space is short (`£40.3bn`); the full amount goes beside it.
    fn money_short(&self, amount: Money) -> String {
        format::money_compact(amount, self.currency)
    }

    /// Where a text of this client sits, written in the client's `text_format`.
    fn place(&self, from_dir: &'a str, root: &'a str) -> Place<'a> {
        Place {
            client: self.client,
            from_dir,
            root,
            format: self.client.profile.text_format,
            smart_punctuation: self.config.smart_punctuation,
        }
    }

    /// Likewise for a file that may say how it is written (`format:` in its front matter).
    fn place_of_file(
        &self,
        from_dir: &'a str,
        root: &'a str,
        format: Option<TextFormat>,
    ) -> Place<'a> {
        let place = self.place(from_dir, root);
        Place {
            format: format.unwrap_or(place.format),
            ..place
        }
    }

    fn inline(&self, text: Option<&String>, root: &'a str) -> Option<String> {
        text.map(|t| markdown::inline(t, self.place("", root)))
    }

    pub(crate) fn shared(&self) -> Shared {
        let c = self.client;
        let p = &c.profile;
        let contacts = |list: &[crate::model::Contact]| {
            list.iter()
                .map(|x| ContactView {
                    name: x.name.clone(),
                    role: x.role.clone(),
                    email: x.email.clone(),
                    phone: x.phone.clone(),
                })
                .collect()
        };
        Shared {
            portal: PortalView {
                agency_name: self.config.agency.name.clone(),
                agency_email: self.config.agency.email.clone(),
                agency_website: self.config.agency.website.clone(),
            },
            client: ClientView {
                slug: c.slug.clone(),
                name: p.name.clone(),
                summary: p.summary.clone(),
                logo_href: p.branding.logo.as_ref().and_then(|logo| {
                    crate::links::href(&crate::links::resolve(c, "", logo), "", logo)
                }),
                engagement: p.engagement.as_ref().map(|e| EngagementView {
                    title: e.title.clone(),
                    start: e.start,
                    end: e.end,
                    state: match e.state {
                        EngagementState::Active => "active",
                        EngagementState::Paused => "paused",
                        EngagementState::Closed => "closed",
                    },
                    closed_on: e.closed_on,
                    closing_summary: e.closing_summary.clone(),
                    fee_basis: e.fee_basis.map(|f| match (f, &e.fee_description) {
                        (_, Some(text)) => text.clone(),
                        (f, None) => crate::locale::label(f.label()),
                    }),
                    contract_value: e.contract_value.map(|v| self.money(v)),
                    contract_value_short: e.contract_value.map(|v| self.money_short(v)),
                    day_rate: e.day_rate.map(|v| self.money(v)),
                }),
                client_contacts: contacts(&p.contacts.client),
                agency_contacts: contacts(&p.contacts.agency),
                details: p
                    .details
                    .iter()
                    .map(|d| DetailView {
                        label: d.label.clone(),
                        value: match (&d.value, d.money) {
                            (Some(text), _) => text.clone(),
                            (None, Some(m)) => self.money(m),
                            (None, None) => String::new(),
                        },
                    })
                    .collect(),
            },
            as_of: self.as_of,
            report_date: c.latest_report(self.as_of).map(|r| r.meta.date),
            drafts: c.reports.iter().filter(|r| r.meta.draft).count()
                + c.meetings
                    .iter()
                    .filter(|m| m.minutes_draft && m.minutes_text().is_some())
                    .count(),
        }
    }
}
