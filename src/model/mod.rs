//! The portal as plain data: what the files say, nothing more.
//!
//! Every input struct derives `Deserialize` with `deny_unknown_fields`, so a misspelt key is
//! an error with a hint rather than a silent ignore. The model does no I/O and no
//! rendering; it is built by [`crate::load`] and read by [`crate::check`] and
//! [`crate::render`]. Items marked `visibility: internal` stay in the model (checks see
//! them) and are dropped by [`Client::for_client_eyes`] before anything is rendered.

mod budget;
mod change;
mod config;
mod date;
mod invoice;
mod kpi;
mod meeting;
mod milestone;
mod money;
mod profile;
mod raid;
mod rating;
/// The two ratings every scale has.
pub mod rating_values {
    pub use super::rating::{UNKNOWN, WITHHELD};
}
mod report;
mod scope;
mod sla;
mod time;

use std::fmt;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, de};

pub use budget::{Budget, Burn, BurnWeek, Rate, Retainer, RetainerPeriod, month_of, week_of};
pub use change::{Affects, Change, ChangeStatus, Impact};
pub use config::{Agency, CadenceDefaults, Defaults, DeployDefaults, Host, PortalConfig};
pub use date::{Date, DateError};
pub use invoice::{Invoice, InvoiceStatus};
pub use kpi::{Amount, Band, Better, Kpi, Point, Scale, Standing, Tolerance};
pub use meeting::{ClockTime, Meeting, MeetingAction, MeetingKind, TimeZone};
pub use milestone::{
    Acceptance, AcceptanceDecision, AcceptanceRounds, Due, Milestone, MilestoneStatus, Move,
    Variance, apply_moves,
};
pub use money::Money;
pub use profile::{
    AcceptanceTerms, Access, Branding, Cadence, CadenceInput, ClientDeploy, ClientProfile, Colour,
    Contact, Contacts, Currency, Detail, Engagement, EngagementState, FeeBasis,
};
pub use raid::{Decision, DecisionStatus, Raid, RaidItem, RaidKind, RaidStatus, Severity};
pub use rating::{Meaning, Rating, RatingLevel, RatingScale};
pub use report::{Report, ReportMeta, is_action_heading};
pub use scope::{Deliverable, Scope, ScopeMeta};
pub use sla::{Breach, ServiceLevel, SlaPeriod};
pub use time::{
    HoursInput, TimeEntry, TimeEntryInput, TimeFile, TimeSettings, TrackerFormat, parse_duration,
    seconds_of_hours,
};

/// The origin of an http(s) address: scheme, host and port, lower case (`None` for
/// anything else).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let host = host.strip_suffix(default_port).unwrap_or(&host);
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// The period a client has to answer a submitted milestone, as it applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptancePeriod {
    /// Length of the period.
    pub days: u32,
    /// Counted in business days (Monday to Friday) rather than calendar days.
    pub business_days: bool,
    /// Silence past the period counts as acceptance.
    pub deemed: bool,
}

/// A whole portal folder: configuration and every client that loaded cleanly.
#[derive(Debug, Clone, PartialEq)]
pub struct Portal {
    /// `portico.yaml`.
    pub config: PortalConfig,
    /// One entry per folder under `clients/`, sorted by slug.
    pub clients: Vec<Client>,
}

/// One client's engagement, gathered from its folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Client {
    /// Folder name under `clients/`; also the output folder name.
    pub slug: String,
    /// `client.yaml`.
    pub profile: ClientProfile,
    /// Cadence after applying the portal's defaults.
    pub cadence: Cadence,
    /// The scale its reports are rated on (`portico.yaml`'s `rating_scale`, or the default).
    pub ratings: RatingScale,
    /// `scope.md`, when present.
    pub scope: Option<Scope>,
    /// `milestones.yaml`, in file order.
    pub milestones: Vec<Milestone>,
    /// `changes.yaml`, in file order.
    pub changes: Vec<Change>,
    /// `kpis.yaml`, in file order; each KPI's points sorted by date.
    pub kpis: Vec<Kpi>,
    /// `raid.yaml`.
    pub raid: Raid,
    /// `meetings.yaml`, in file order, with the text of their minutes files.
    pub meetings: Vec<Meeting>,
    /// `reports/*.md`, oldest first.
    pub reports: Vec<Report>,
    /// `budget.yaml`, when present.
    pub budget: Option<Budget>,
    /// `time/*.csv` and `time.yaml`, by path; only the rows that belong to this client.
    pub time: Vec<TimeFile>,
    /// `invoices.yaml`, in file order.
    pub invoices: Vec<Invoice>,
    /// `sla.yaml`, in file order; each level's periods sorted by start.
    pub service_levels: Vec<ServiceLevel>,
    /// Files under `files/`, as paths relative to that folder with `/` separators, sorted.
    pub attachments: Vec<String>,
    /// Absolute path of the client folder, for copying attachments.
    pub dir: PathBuf,
}

impl Client {
    /// A copy holding only what the client may see: every item marked
    /// `visibility: internal` is gone, so nothing downstream can leak it.
    pub fn for_client_eyes(&self) -> Client {
        fn keep<T: Clone>(items: &[T], visible: impl Fn(&T) -> bool) -> Vec<T> {
            items.iter().filter(|i| visible(i)).cloned().collect()
        }
        let mut client = self.clone();
        client.profile.contacts.client = keep(&self.profile.contacts.client, |c| c.visible());
        client.profile.contacts.agency = keep(&self.profile.contacts.agency, |c| c.visible());
        client.scope = self.scope.as_ref().map(Scope::for_client_eyes);
        client.milestones = keep(&self.milestones, |m| m.visibility.is_visible());
        client.changes = keep(&self.changes, |c| c.visibility.is_visible());
        client.kpis = keep(&self.kpis, |k| k.visibility.is_visible());
        client.raid = self.raid.for_client_eyes();
        client.meetings = keep(&self.meetings, |m| m.visibility.is_visible());
        client.reports = keep(&self.reports, |r| r.meta.visibility.is_visible());
        // A reference to an internal item is dropped, not shown as a bare id: "Delivers D1,
        // D-SECRET" would tell the client the internal item exists and what it is called.
        // (Dropping rather than refusing: marking one item internal must not force editing
        // every item that mentions it.)
        let ids = |ids: Vec<&str>| -> std::collections::BTreeSet<String> {
            ids.into_iter().map(str::to_owned).collect()
        };
        let deliverables = ids(client
            .scope
            .iter()
            .flat_map(|s| s.meta.deliverables.iter().map(|d| d.id.as_str()))
            .collect());
        let milestones = ids(client.milestones.iter().map(|m| m.id.as_str()).collect());
        let kpis = ids(client.kpis.iter().map(|k| k.id.as_str()).collect());
        let decisions = ids(client
            .raid
            .decisions
            .iter()
            .map(|d| d.id.as_str())
            .collect());
        for m in &mut client.meetings {
            m.decisions.retain(|d| decisions.contains(d));
        }
        for m in &mut client.milestones {
            m.deliverables.retain(|d| deliverables.contains(d));
        }
        for c in &mut client.changes {
            c.affects.milestones.retain(|m| milestones.contains(m));
            c.affects.deliverables.retain(|d| deliverables.contains(d));
            c.affects.kpis.retain(|k| kpis.contains(k));
        }
        // The reserve for changes is the consultant's own planning figure.
        if let Some(engagement) = &mut client.profile.engagement {
            engagement.change_budget = None;
        }
        client.invoices = keep(&self.invoices, |i| i.status != InvoiceStatus::Draft);
        // Notes are never published; names only when the client agreed to see them.
        let show_people = self.profile.time.show_people;
        for file in &mut client.time {
            file.ignored_names.clear();
            for e in &mut file.entries {
                // The role a person plays prices their rows; keep it, drop the name.
                if e.role.is_none() {
                    e.role = self
                        .budget
                        .as_ref()
                        .and_then(|b| b.people.get(&e.person).cloned());
                }
                e.note.clear();
                if !show_people {
                    e.person.clear();
                }
            }
        }
        if let Some(b) = &mut client.budget {
            b.people.clear();
        }
        client.attachments = crate::links::published_attachments(self);
        client
    }

    /// The language of the client's portal: its own, else the portal's, else English.
    pub fn language(&self, config: &PortalConfig) -> crate::locale::Language {
        self.profile
            .language
            .clone()
            .or_else(|| config.language.clone())
            .unwrap_or_default()
    }

    /// The client's folder in the output (and in its portal's address).
    pub fn folder(&self) -> &str {
        self.profile.deploy.folder.as_deref().unwrap_or(&self.slug)
    }

    /// The address the client's portal is served from, ending in `/`, when one is known.
    pub fn base_url(&self, config: &PortalConfig) -> Option<String> {
        let with_slash = |u: &str| {
            if u.ends_with('/') {
                u.to_owned()
            } else {
                format!("{u}/")
            }
        };
        match (&self.profile.deploy.base_url, &config.base_url) {
            (Some(own), _) => Some(with_slash(own)),
            (None, Some(portal)) => Some(format!("{}{}/", with_slash(portal), self.folder())),
            (None, None) => None,
        }
    }

    /// The origin (`scheme://host[:port]`, lower case) the client's portal is served from,
    /// when its address is known.
    pub fn origin(&self, config: &PortalConfig) -> Option<String> {
        origin_of(&self.base_url(config)?)
    }

    /// Whether the client is declared alone on its origin: it has its own
    /// `deploy.base_url`, on another origin than `portico.yaml`'s `base_url`. Only then may
    /// its attachments hold active content, and its readers be remembered on a device.
    pub fn alone_on_origin(&self, config: &PortalConfig) -> bool {
        let own = self.profile.deploy.base_url.as_deref().and_then(origin_of);
        own.is_some() && own != config.base_url.as_deref().and_then(origin_of)
    }

    /// The currency amounts are in: the engagement's, else the portal's default.
    pub fn currency<'a>(&'a self, config: &'a PortalConfig) -> Option<&'a Currency> {
        self.profile
            .engagement
            .as_ref()
            .and_then(|e| e.currency.as_ref())
            .or(config.defaults.currency.as_ref())
    }

    /// Where the client's portal is published.
    pub fn host(&self, config: &PortalConfig) -> Host {
        self.profile.deploy.host.unwrap_or(config.deploy.host)
    }

    /// The latest published report dated on or before `as_of`, if any. A report dated
    /// later is not "the latest" yet (`check` warns about it: `future-report`), and a
    /// draft is not published: the status stands where the last published report put it,
    /// also in a preview that shows the draft.
    pub fn latest_report(&self, as_of: Date) -> Option<&Report> {
        self.reports
            .iter()
            .rev()
            .find(|r| r.meta.date <= as_of && !r.meta.draft)
    }

    /// The day a closed engagement closed; `None` while it is active or paused.
    pub fn closed_on(&self) -> Option<Date> {
        let e = self.profile.engagement.as_ref()?;
        (e.state == EngagementState::Closed)
            .then_some(e.closed_on)
            .flatten()
    }

    /// The date facts are judged on: `today`, or a closed engagement's close if earlier.
    /// Nothing falls overdue or stale after an engagement closed.
    pub fn judged_on(&self, today: Date) -> Date {
        self.closed_on().map_or(today, |c| c.min(today))
    }

    /// True while the engagement is paused.
    pub fn is_paused(&self) -> bool {
        self.profile
            .engagement
            .as_ref()
            .is_some_and(|e| e.state == EngagementState::Paused)
    }

    /// Calendar days an approved change moves the schedule: its own `schedule_days`, else
    /// the largest of the moves it made. `None` when it says nothing about time.
    pub fn schedule_days(&self, change: &Change) -> Option<i64> {
        if let Some(days) = change.impact.schedule_days {
            return Some(i64::from(days));
        }
        self.moved_days(&change.id)
    }

    /// The largest move `change_id` made to any milestone, in calendar days.
    pub fn moved_days(&self, change_id: &str) -> Option<i64> {
        self.milestones
            .iter()
            .flat_map(|m| m.moves.iter())
            .filter(|mv| mv.change == change_id)
            .filter_map(Move::days)
            .max_by_key(|d| d.abs())
    }

    /// True when `owner` is on the client's side: one of the client's contacts, or the
    /// client by name (case and surrounding spaces ignored).
    pub fn is_client_side(&self, owner: &str) -> bool {
        let owner = owner.trim().to_lowercase();
        owner == self.profile.name.trim().to_lowercase()
            || self
                .profile
                .contacts
                .client
                .iter()
                .any(|c| c.name.trim().to_lowercase() == owner)
    }

    /// How long the client has to answer a submitted milestone: the engagement's
    /// `acceptance` terms (business days), else `cadence.acceptance_days` (calendar days,
    /// never deemed).
    pub fn acceptance_terms(&self) -> AcceptancePeriod {
        match self.profile.engagement.as_ref().and_then(|e| e.acceptance) {
            Some(t) => AcceptancePeriod {
                days: t.review_days,
                business_days: true,
                deemed: t.deemed,
            },
            None => AcceptancePeriod {
                days: self.cadence.acceptance_days,
                business_days: false,
                deemed: false,
            },
        }
    }

    /// The last day to answer a milestone submitted on `submitted_on`.
    pub fn accept_by(&self, submitted_on: Date) -> Date {
        let terms = self.acceptance_terms();
        if terms.business_days {
            submitted_on.plus_business_days(terms.days)
        } else {
            submitted_on.plus_days(i64::from(terms.days))
        }
    }

    /// Looks up a milestone by id.
    pub fn milestone(&self, id: &str) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.id == id)
    }
}

impl Client {
    /// A client named Acme with the given attachments and one report per date, for unit
    /// tests of code that reads a client.
    #[cfg(test)]
    pub(crate) fn sample(attachments: &[&str], report_dates: &[&str]) -> Client {
        let profile: ClientProfile = serde_yaml::from_str("name: Acme").unwrap();
        let reports = report_dates
            .iter()
            .map(|date| Report {
                slug: (*date).to_owned(),
                meta: serde_yaml::from_str(&format!(
                    "date: {date}\ntitle: t\nstatus: green\nsummary: s"
                ))
                .unwrap(),
                body: String::new(),
                body_offset: 0,
            })
            .collect();
        Client {
            slug: "acme".into(),
            cadence: Cadence::resolve(&profile.cadence, &Default::default()),
            ratings: RatingScale::default(),
            profile,
            scope: None,
            milestones: vec![],
            changes: vec![],
            kpis: vec![],
            raid: Raid::default(),
            meetings: vec![],
            reports,
            budget: None,
            time: vec![],
            invoices: vec![],
            service_levels: vec![],
            attachments: attachments.iter().map(|a| (*a).to_owned()).collect(),
            dir: "clients/acme".into(),
        }
    }
}

/// Who may see an item. Everything is shared with the client unless marked `internal`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Rendered into the client's portal.
    #[default]
    Client,
    /// Kept in the files for the consultant; never reaches the output.
    Internal,
}

impl Visibility {
    /// True unless `internal`.
    pub fn is_visible(self) -> bool {
        self == Visibility::Client
    }
}

/// How a text is written: Markdown (the default), or plain text shown exactly as written.
///
/// Plain suits text imported from other systems, where `--`, quotes, `*` and `_` are
/// characters, not formatting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// CommonMark with tables, footnotes, strikethrough and task lists.
    #[default]
    Markdown,
    /// Shown verbatim: no formatting, no links; line breaks kept.
    Plain,
}

/// A red/amber/green status.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    /// On track.
    Green,
    /// At risk; action under way.
    Amber,
    /// Off track; needs a decision or help.
    Red,
}

impl Rag {
    /// The status as a word, for people and screen readers.
    pub fn label(self) -> &'static str {
        match self {
            Rag::Green => "On track",
            Rag::Amber => "At risk",
            Rag::Red => "Off track",
        }
    }

    /// `green`, `amber` or `red`.
    pub fn key(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// A line of text in a list (an assumption, an exclusion…), which may be marked internal.
///
/// Written either as a plain string or as `{ text: ..., visibility: internal }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextItem {
    /// The text, as Markdown inline content.
    pub text: String,
    /// Who may see it.
    pub visibility: Visibility,
}

impl JsonSchema for TextItem {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TextItem".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let visibility = generator.subschema_for::<Visibility>();
        schemars::json_schema!({
            "description": "A line of text, or a map with the text and its visibility.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "text": { "type": "string" }, "visibility": visibility },
                    "required": ["text"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for TextItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        struct Long {
            text: String,
            #[serde(default)]
            visibility: Visibility,
        }
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = TextItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a line of text, or a map with `text` and `visibility`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextItem, E> {
                Ok(TextItem {
                    text: v.to_owned(),
                    visibility: Visibility::Client,
                })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<TextItem, A::Error> {
                let long = Long::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(TextItem {
                    text: long.text,
                    visibility: long.visibility,
                })
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

fn visible_texts(items: &[TextItem]) -> Vec<TextItem> {
    items
        .iter()
        .filter(|i| i.visibility.is_visible())
        .cloned()
        .collect()
}

/// Deserialises a string through `parse` while the reader still stands on it, so that an
/// error points at the value in the file: parsing after `String::deserialize` has returned
/// points at the start of the enclosing mapping instead.
pub(crate) fn parse_in_place<'de, D, T, E>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
{
    struct Visitor<T, E> {
        expecting: &'static str,
        parse: fn(&str) -> Result<T, E>,
    }
    impl<T, E: fmt::Display> de::Visitor<'_> for Visitor<T, E> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<Er: de::Error>(self, v: &str) -> Result<T, Er> {
            (self.parse)(v).map_err(Er::custom)
        }
    }
    deserializer.deserialize_str(Visitor { expecting, parse })
}
