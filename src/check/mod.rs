//! Rules across a client's files: ids that exist and are unique, dates that agree, links
//! that lead somewhere inside the client's own portal (errors), and consultant practice
//! (warnings, in the `practice` submodule).
//!
//! Runs on a [`Portal`] that loaded cleanly, and points every problem back into the files
//! through [`Sources`]. Rendering relies on the error rules holding: a reference the
//! renderer follows is one this module has proven exists.

mod budget;
pub mod language;
mod meetings;
mod origin;
mod practice;

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::links::{self, Target};
use crate::load::{CLIENTS_DIR, Partial, is_safe_slug, suggest_slug};
use crate::model::{
    Cadence, ChangeStatus, Client, Date, Kpi, MilestoneStatus, Portal, PortalConfig,
};
use crate::render::markdown;
use crate::source::{Seg, Sources};
use crate::texts::{self, Spot};
use crate::yaml_path;
pub use origin::{Placement, active_content, shared_origins};

/// Every rule, over every client; practice warnings are judged as of `today`.
pub fn check(portal: &Portal, sources: &Sources, today: Date) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = portal
        .clients
        .iter()
        .flat_map(|client| {
            let mut found = check_client(client, sources, today);
            found.extend(active_content(client, &portal.config));
            found
        })
        .collect();
    let placements = portal
        .clients
        .iter()
        .map(|c| {
            (
                c.slug.clone(),
                Placement {
                    origin: c.origin(&portal.config),
                    protected: c.profile.access.is_some(),
                },
            )
        })
        .collect();
    out.extend(shared_origins(&placements, sources));
    let folders = portal
        .clients
        .iter()
        .map(|c| (c.slug.clone(), c.folder().to_owned()))
        .collect();
    out.extend(portal_rules(&portal.config, &folders, sources));
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// The rules that span clients, from each client's output folder (by slug): no two share
/// one, and `portico.yaml`'s address is a web address.
pub fn portal_rules(
    config: &PortalConfig,
    folders: &BTreeMap<String, String>,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (slug, folder) in folders {
        if let Some(first) = seen.insert(folder, slug) {
            let file = format!("{CLIENTS_DIR}/{slug}/client.yaml");
            let mut d = sources.error_at_yaml(
                Code::DuplicateId,
                &file,
                &yaml_path!["deploy", "folder"],
                format!("clients {first} and {slug} both publish into the folder \"{folder}\""),
            );
            d.hint = Some("give each client its own deploy.folder".into());
            out.push(d);
        }
    }
    let defaults = &config.defaults.cadence;
    for (key, days) in [
        ("report_days", defaults.report_days),
        ("review_days", defaults.review_days),
        ("acceptance_days", defaults.acceptance_days),
    ] {
        if let Some(d) = cadence_out_of_range(
            sources,
            crate::load::CONFIG_FILE,
            crate::yaml_path!["defaults", "cadence", key],
            key,
            days,
        ) {
            out.push(d);
        }
    }
    if is_blank_or_null(&config.agency.name) {
        let mut d = sources.error_at_yaml(
            Code::MissingKey,
            crate::load::CONFIG_FILE,
            &yaml_path!["agency", "name"],
            "the agency has no name",
        );
        d.hint = Some("write your consultancy's name, e.g. `name: Larchmere Advisory`".into());
        out.push(d);
    }
    // Shown as a link in every footer: a `javascript:` address would run in every page.
    if let Some(url) = config
        .agency
        .website
        .as_deref()
        .filter(|u| !is_web_address(u))
    {
        let mut d = sources.error_at_yaml(
            Code::InvalidValue,
            crate::load::CONFIG_FILE,
            &yaml_path!["agency", "website"],
            format!("agency website \"{url}\" is not a web address"),
        );
        d.hint = Some("write the full address, e.g. https://your-consultancy.example/".into());
        out.push(d);
    }
    out.extend(rating_scale_rules(config, sources));
    if let Some(url) = config.base_url.as_deref().filter(|u| !is_web_address(u)) {
        let mut d = sources.error_at_yaml(
            Code::InvalidValue,
            crate::load::CONFIG_FILE,
            &yaml_path!["base_url"],
            format!("base_url \"{url}\" is not a web address"),
        );
        d.hint =
            Some("write the full address, e.g. https://portals.your-consultancy.example/".into());
        out.push(d);
    }
    out
}

/// Every rule over one client.
pub fn check_client(client: &Client, sources: &Sources, today: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let none_failed = BTreeSet::new();
    let mut rules = ClientCheck {
        client,
        sources,
        out: &mut out,
        failed: &none_failed,
    };
    rules.run();
    rules.practice(today);
    rules.budget(today);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// The rules across files for a client some of whose files failed to load, so one run
/// reports every independent problem. Errors only: practice warnings wait until the client
/// loads. Nothing is said of references into a failed file (its ids are unknown, not
/// missing), nor of links when reports failed.
pub fn check_partial(partial: &Partial, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut rules = ClientCheck {
        client: &partial.client,
        sources,
        out: &mut out,
        failed: &partial.failed,
    };
    rules.run();
    out.retain(Diagnostic::is_error);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// A required text left empty, or written as YAML's null (`~`, `null`), which the YAML
/// reader hands over as that very text: a client called "~" is a mistake, never a name.
fn is_blank_or_null(text: &str) -> bool {
    matches!(text.trim(), "" | "~" | "null" | "Null" | "NULL")
}

/// The error for a cadence (in days) outside `1..=Cadence::MAX_DAYS`, if it is.
fn cadence_out_of_range(
    sources: &Sources,
    file: &str,
    path: Vec<Seg>,
    key: &str,
    days: Option<u32>,
) -> Option<Diagnostic> {
    let days = days.filter(|d| !(1..=Cadence::MAX_DAYS).contains(d))?;
    let mut d = sources.error_at_yaml(
        Code::InvalidValue,
        file,
        &path,
        format!(
            "{key} is {days}: a cadence is between 1 and {} days (five years)",
            Cadence::MAX_DAYS
        ),
    );
    d.hint = Some("give the number of days between two occurrences, e.g. 14".into());
    Some(d)
}

fn kpi_range_hint() -> String {
    format!(
        "KPI values are numbers between -{max:e} and {max:e}; choose a unit that keeps them \
         there (e.g. millions)",
        max = Kpi::MAX_VALUE
    )
}

/// The portal's own rating scale defines each value once and leaves `unknown` and
/// `withheld` alone.
fn rating_scale_rules(config: &PortalConfig, sources: &Sources) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, level) in config.rating_scale.iter().enumerate() {
        let at = |code, message: String, hint: &str| {
            let mut d = sources.error_at_yaml(
                code,
                crate::load::CONFIG_FILE,
                &yaml_path!["rating_scale", i, "value"],
                message,
            );
            d.hint = Some(hint.to_owned());
            d
        };
        if crate::model::RatingScale::is_reserved(&level.value) {
            out.push(at(
                Code::InvalidValue,
                format!("\"{}\" is part of every rating scale and cannot be redefined", level.value),
                "unknown (not assessed) and withheld (not published) are always available; remove this entry",
            ));
        } else if !seen.insert(level.value.as_str()) {
            out.push(at(
                Code::DuplicateId,
                format!("rating \"{}\" is defined twice", level.value),
                "give each level of the scale its own value",
            ));
        }
    }
    out
}

/// An absolute http(s) address.
fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// The ids of one kind of item a reference may name.
struct Known<'a> {
    kind: &'static str,
    defined_in: &'static str,
    ids: BTreeSet<&'a str>,
}

struct ClientCheck<'a> {
    client: &'a Client,
    sources: &'a Sources,
    out: &'a mut Vec<Diagnostic>,
    /// Files of the client that failed to load: what they define is unknown, not absent.
    failed: &'a BTreeSet<String>,
}

impl ClientCheck<'_> {
    fn file(&self, name: &str) -> String {
        format!("{CLIENTS_DIR}/{}/{name}", self.client.slug)
    }

    fn at(
        &mut self,
        code: Code,
        file: &str,
        path: Vec<Seg>,
        message: String,
        hint: Option<String>,
    ) {
        let mut d = self.sources.error_at_yaml(code, file, &path, message);
        d.hint = hint;
        self.out.push(d);
    }

    fn run(&mut self) {
        self.unique_ids();
        self.references();
        self.profile();
        self.milestones();
        self.moves();
        self.kpis();
        self.reports();
        self.meetings();
        // A link to a report or a file that failed to load would read as broken.
        if !self.failed.contains("reports") && !self.failed.contains("files") {
            self.links();
            self.attachments();
        }
    }

    /// Reports the second and later use of each id within one list.
    fn unique<'i>(&mut self, file: &str, ids: impl IntoIterator<Item = (Vec<Seg>, &'i str)>) {
        let mut seen: BTreeMap<&str, Vec<Seg>> = BTreeMap::new();
        for (path, id) in ids {
            if let Some(first) = seen.get(id) {
                let first_line = self
                    .sources
                    .error_at_yaml(Code::DuplicateId, file, first, "")
                    .span
                    .map_or(String::new(), |s| {
                        format!(" (first used on line {})", s.line)
                    });
                self.at(
                    Code::DuplicateId,
                    file,
                    path,
                    format!("id \"{id}\" is used twice{first_line}"),
                    Some("give each entry its own id; other files refer to entries by id".into()),
                );
            } else {
                seen.insert(id, path);
            }
        }
    }

    fn unique_ids(&mut self) {
        let c = self.client;
        if let Some(scope) = &c.scope {
            let file = self.file("scope.md");
            self.unique(
                &file,
                scope
                    .meta
                    .deliverables
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (yaml_path!["deliverables", i, "id"], d.id.as_str())),
            );
        }
        let file = self.file("milestones.yaml");
        self.unique(
            &file,
            c.milestones
                .iter()
                .enumerate()
                .map(|(i, m)| (yaml_path![i, "id"], m.id.as_str())),
        );
        let file = self.file("changes.yaml");
        self.unique(
            &file,
            c.changes
                .iter()
                .enumerate()
                .map(|(i, m)| (yaml_path![i, "id"], m.id.as_str())),
        );
        let file = self.file("kpis.yaml");
        self.unique(
            &file,
            c.kpis
                .iter()
                .enumerate()
                .map(|(i, m)| (yaml_path![i, "id"], m.id.as_str())),
        );
        let file = self.file("raid.yaml");
        self.unique(
            &file,
            c.raid
                .ids()
                .into_iter()
                .map(|(list, i, id)| (yaml_path![list, i, "id"], id)),
        );
    }

    fn references(&mut self) {
        let c = self.client;
        let deliverables = Known {
            kind: "deliverable",
            defined_in: "scope.md",
            ids: c
                .scope
                .iter()
                .flat_map(|s| s.meta.deliverables.iter().map(|d| d.id.as_str()))
                .collect(),
        };
        let milestones = Known {
            kind: "milestone",
            defined_in: "milestones.yaml",
            ids: c.milestones.iter().map(|m| m.id.as_str()).collect(),
        };
        let kpis = Known {
            kind: "KPI",
            defined_in: "kpis.yaml",
            ids: c.kpis.iter().map(|k| k.id.as_str()).collect(),
        };

        let file = self.file("milestones.yaml");
        for (i, m) in c.milestones.iter().enumerate() {
            for (j, id) in m.deliverables.iter().enumerate() {
                self.reference(&file, yaml_path![i, "deliverables", j], id, &deliverables);
            }
        }
        let file = self.file("changes.yaml");
        for (i, cr) in c.changes.iter().enumerate() {
            for id in cr.moves.keys() {
                self.reference(&file, yaml_path![i, "moves", id.as_str()], id, &milestones);
            }
            let lists = [
                ("milestones", &cr.affects.milestones, &milestones),
                ("deliverables", &cr.affects.deliverables, &deliverables),
                ("kpis", &cr.affects.kpis, &kpis),
            ];
            for (key, ids, known) in lists {
                for (j, id) in ids.iter().enumerate() {
                    self.reference(&file, yaml_path![i, "affects", key, j], id, known);
                }
            }
        }
    }

    fn reference(&mut self, file: &str, path: Vec<Seg>, id: &str, known: &Known<'_>) {
        if known.ids.contains(id) || self.failed.contains(known.defined_in) {
            return;
        }
        let Known {
            kind,
            defined_in,
            ids,
        } = known;
        let hint = match did_you_mean(id, ids.iter().copied()) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None if ids.is_empty() => format!("{defined_in} defines no {kind}s"),
            None => format!(
                "{kind}s in {defined_in}: {}",
                ids.iter().copied().collect::<Vec<_>>().join(", ")
            ),
        };
        self.at(
            Code::UnknownReference,
            file,
            path,
            format!("no {kind} with id \"{id}\""),
            Some(hint),
        );
    }

    fn profile(&mut self) {
        let c = self.client;
        let file = self.file("client.yaml");
        if let Some(folder) = c
            .profile
            .deploy
            .folder
            .as_deref()
            .filter(|f| !is_safe_slug(f))
        {
            self.at(
                Code::BadSlug,
                &file,
                yaml_path!["deploy", "folder"],
                format!("output folder \"{folder}\" cannot be used in a web address"),
                Some(format!(
                    "use lowercase letters, digits and hyphens, e.g. \"{}\"",
                    suggest_slug(folder)
                )),
            );
        }
        if let Some(url) = c
            .profile
            .deploy
            .base_url
            .as_deref()
            .filter(|u| !is_web_address(u))
        {
            self.at(
                Code::InvalidValue,
                &file,
                yaml_path!["deploy", "base_url"],
                format!("base_url \"{url}\" is not a web address"),
                Some("write the full address, e.g. https://acme.portals.example/".into()),
            );
        }
        if is_blank_or_null(&c.profile.name) {
            self.at(
                Code::MissingKey,
                &file,
                yaml_path!["name"],
                "the client has no name".into(),
                Some(format!("write the client's name, e.g. `name: {}`", c.slug)),
            );
        }
        let own = &c.profile.cadence;
        for (key, days) in [
            ("report_days", own.report_days),
            ("review_days", own.review_days),
            ("acceptance_days", own.acceptance_days),
        ] {
            if let Some(d) =
                cadence_out_of_range(self.sources, &file, yaml_path!["cadence", key], key, days)
            {
                self.out.push(d);
            }
        }
        if let Some(e) = &c.profile.engagement {
            for (key, amount) in [
                ("contract_value", e.contract_value),
                ("day_rate", e.day_rate),
                ("change_budget", e.change_budget),
            ] {
                if let Some(amount) = amount.filter(|a| a.cents() < 0) {
                    self.at(
                        Code::InvalidValue,
                        &file,
                        yaml_path!["engagement", key],
                        format!(
                            "{key} is {}: an agreed amount cannot be negative",
                            amount.grouped()
                        ),
                        Some("write the amount as a positive number".into()),
                    );
                }
            }
            if let (Some(start), Some(end)) = (e.start, e.end.filter(|end| e.start > Some(*end))) {
                self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path!["engagement", "end"],
                    format!("the engagement ends ({end}) before it starts ({start})"),
                    None,
                );
            }
            self.engagement_state(&file, e);
        }
        for (i, d) in c.profile.details.iter().enumerate() {
            match (&d.value, d.money) {
                (Some(_), Some(_)) => self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path!["details", i, "money"],
                    format!("detail \"{}\" has both a value and money", d.label),
                    Some("keep one: `value:` for text, `money:` for an amount".into()),
                ),
                (None, None) => self.at(
                    Code::MissingKey,
                    &file,
                    yaml_path!["details", i, "label"],
                    format!("detail \"{}\" has no value", d.label),
                    Some("add `value:` (text) or `money:` (an amount such as 98.339m)".into()),
                ),
                _ => {}
            }
            if d.group.is_some() && d.value.is_none() && d.money.is_some() {
                self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path!["details", i, "group"],
                    format!(
                        "detail \"{}\" has a group but no text value to group by",
                        d.label
                    ),
                    Some("the portfolio groups text values only; remove `group:`".into()),
                );
            }
        }
        if let Some(logo) = &c.profile.branding.logo {
            let target = links::resolve(c, "", logo);
            if !matches!(target, Target::Attachment { .. }) {
                self.at(
                    Code::BrokenLink,
                    &file,
                    yaml_path!["branding", "logo"],
                    format!("logo \"{logo}\" is not a file under files/"),
                    Some(format!(
                        "put the image in {}/files/ and write `logo: files/<name>`",
                        self.file("").trim_end_matches('/')
                    )),
                );
            }
        }
    }

    /// A closed engagement says when; `closed_on` only with `state: closed`; an `other` fee
    /// basis says what it is.
    fn engagement_state(&mut self, file: &str, e: &crate::model::Engagement) {
        use crate::model::{EngagementState, FeeBasis};
        match (e.state, e.closed_on) {
            (EngagementState::Closed, None) => self.at(
                Code::MissingKey,
                file,
                yaml_path!["engagement", "state"],
                "a closed engagement needs closed_on, the day it closed".to_owned(),
                Some("add `closed_on: YYYY-MM-DD` under engagement".into()),
            ),
            (EngagementState::Active | EngagementState::Paused, Some(_)) => self.at(
                Code::Inconsistent,
                file,
                yaml_path!["engagement", "closed_on"],
                format!(
                    "closed_on is given, but the engagement is {}",
                    match e.state {
                        EngagementState::Paused => "paused",
                        _ => "active",
                    }
                ),
                Some("set `state: closed`, or remove closed_on".into()),
            ),
            _ => {}
        }
        if e.fee_basis == Some(FeeBasis::Other) && e.fee_description.is_none() {
            self.at(
                Code::MissingKey,
                file,
                yaml_path!["engagement", "fee_basis"],
                "fee_basis: other needs a fee_description".to_owned(),
                Some(
                    "say how fees work, e.g. `fee_description: Paid from the innovation grant`"
                        .into(),
                ),
            );
        }
    }

    fn milestones(&mut self) {
        let file = self.file("milestones.yaml");
        for (i, m) in self.client.milestones.iter().enumerate() {
            if m.baseline_due.is_none() && m.status != MilestoneStatus::Planned {
                self.at(
                    Code::MissingKey,
                    &file,
                    yaml_path![i, "status"],
                    format!(
                        "milestone \"{}\" is {} but has no baseline_due",
                        m.id,
                        m.status.label().to_lowercase()
                    ),
                    Some("add `baseline_due: YYYY-MM-DD`, or `baseline_due: tbc` while no date is agreed".into()),
                );
            }
            match (m.status, m.done_on) {
                (MilestoneStatus::Done, None) => self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path![i, "status"],
                    format!("milestone \"{}\" is done but has no done_on date", m.id),
                    Some("add `done_on: YYYY-MM-DD`".into()),
                ),
                (status, Some(_)) if status != MilestoneStatus::Done => self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path![i, "done_on"],
                    format!(
                        "milestone \"{}\" has a done_on date but its status is {}",
                        m.id,
                        status.label().to_lowercase()
                    ),
                    Some("set `status: done`, or remove done_on".into()),
                ),
                _ => {}
            }
            self.acceptance_rounds(&file, i, m);
        }
    }

    /// A sign-off's rounds tell one story: a rejection says why, only the last round may
    /// still await an answer, and nothing is submitted again once accepted.
    fn acceptance_rounds(&mut self, file: &str, i: usize, m: &crate::model::Milestone) {
        use crate::model::AcceptanceDecision::{Accepted, Pending, Rejected};
        let rounds = &m.acceptance;
        let at = |round: usize, key: &'static str| match rounds.index_in_file(round) {
            Some(r) => yaml_path![i, "acceptance", r, key],
            None => yaml_path![i, "acceptance", key],
        };
        let last = rounds.rounds.len().saturating_sub(1);
        for (r, a) in rounds.rounds.iter().enumerate() {
            if a.decision == Rejected && a.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                self.at(
                    Code::MissingKey,
                    file,
                    at(r, "decision"),
                    format!("milestone \"{}\" was rejected without a reason", m.id),
                    Some("add `note:` with what the client asked to change, e.g. `note: Cutover timings missing`".into()),
                );
            }
            if r < last {
                let problem = match a.decision {
                    Pending => Some("is still awaiting an answer, but a later round follows it"),
                    Accepted => Some("was accepted, but a later round follows it"),
                    Rejected => None,
                };
                if let Some(problem) = problem {
                    self.at(
                        Code::Inconsistent,
                        file,
                        at(r, "decision"),
                        format!("round {} of milestone \"{}\"'s sign-off {problem}", r + 1, m.id),
                        Some("only a rejected round is submitted again: record the answer of each round before the next".into()),
                    );
                }
            }
        }
    }

    /// Moves are made by approved changes only, seen by whoever sees the milestone, and
    /// agree with the schedule days the change states.
    fn moves(&mut self) {
        let c = self.client;
        let file = self.file("changes.yaml");
        for (i, cr) in c.changes.iter().enumerate() {
            if cr.moves.is_empty() {
                continue;
            }
            if cr.status != ChangeStatus::Approved {
                self.at(
                    Code::Inconsistent,
                    &file,
                    yaml_path![i, "moves"],
                    format!(
                        "change request \"{}\" moves milestones but is {}; only an approved change moves a milestone",
                        cr.id,
                        cr.status.label().to_lowercase()
                    ),
                    Some("record its approval (status: approved, decided_by, decided_on), or describe the proposed dates in its reason until then".into()),
                );
                continue;
            }
            if !cr.visibility.is_visible() {
                let shared = cr
                    .moves
                    .keys()
                    .find(|id| c.milestone(id).is_some_and(|m| m.visibility.is_visible()));
                if let Some(id) = shared {
                    self.at(
                        Code::Inconsistent,
                        &file,
                        yaml_path![i, "moves", id.as_str()],
                        format!(
                            "internal change request \"{}\" moves milestone \"{id}\", which the client sees",
                            cr.id
                        ),
                        Some("the client would see a new date with no change to explain it: share the change, or leave the milestone's date alone".into()),
                    );
                }
            }
            if let (Some(stated), Some(moved)) = (cr.impact.schedule_days, c.moved_days(&cr.id)) {
                if i64::from(stated) != moved {
                    self.at(
                        Code::Inconsistent,
                        &file,
                        yaml_path![i, "impact", "schedule_days"],
                        format!(
                            "change request \"{}\" says schedule_days: {stated}, but its moves shift a milestone by {moved} days",
                            cr.id
                        ),
                        Some("leave schedule_days out: it is derived from moves".into()),
                    );
                }
            }
        }
    }

    /// A tolerance needs a target to be measured from, and is a positive amount.
    fn tolerance(&mut self, file: &str, i: usize, k: &crate::model::Kpi) {
        use crate::model::{Amount, Tolerance};
        let Some(tolerance) = k.tolerance else { return };
        let Some(target) = k.target else {
            self.at(
                Code::Inconsistent,
                file,
                yaml_path![i, "tolerance"],
                format!("KPI \"{}\" has a tolerance but no target", k.id),
                Some(
                    "a tolerance is measured from the target: add `target:`, or remove tolerance"
                        .into(),
                ),
            );
            return;
        };
        let amounts: Vec<Amount> = match tolerance {
            Tolerance::OneSided(a) => vec![a],
            Tolerance::Band(b) => b.below.into_iter().chain(b.above).collect(),
        };
        for a in amounts {
            let n = a.number();
            let problem = if !n.is_finite() || n < 0.0 {
                Some(format!("KPI \"{}\" has a negative tolerance", k.id))
            } else if matches!(a, Amount::Percent(_)) && target == 0.0 {
                Some(format!(
                    "KPI \"{}\" has a percentage tolerance of a target of 0",
                    k.id
                ))
            } else {
                None
            };
            if let Some(message) = problem {
                self.at(
                    Code::InvalidValue,
                    file,
                    yaml_path![i, "tolerance"],
                    message,
                    Some("write a tolerance as a positive amount in the KPI's unit, or a percentage of a non-zero target such as 5%".into()),
                );
                return;
            }
        }
    }

    fn kpis(&mut self) {
        let file = self.file("kpis.yaml");
        for (i, k) in self.client.kpis.iter().enumerate() {
            if let Some(d) = cadence_out_of_range(
                self.sources,
                &file,
                yaml_path![i, "period_days"],
                "period_days",
                k.period_days,
            ) {
                self.out.push(d);
            }
            if k.target.is_some_and(|t| !Kpi::is_usable(t)) {
                self.at(
                    Code::InvalidValue,
                    &file,
                    yaml_path![i, "target"],
                    format!("KPI \"{}\" has no usable target", k.id),
                    Some(kpi_range_hint()),
                );
            }
            self.tolerance(&file, i, k);
            // Points were sorted at load, so their indices no longer match the file; find
            // the written position by date instead.
            let mut seen = BTreeSet::new();
            for p in &k.points {
                if !Kpi::is_usable(p.value) {
                    self.at(
                        Code::InvalidValue,
                        &file,
                        yaml_path![i, "points"],
                        format!(
                            "KPI \"{}\" has a point on {} that is not a usable number",
                            k.id, p.on
                        ),
                        Some(kpi_range_hint()),
                    );
                }
                if !seen.insert(p.on) {
                    self.at(
                        Code::DuplicateId,
                        &file,
                        yaml_path![i, "points"],
                        format!("KPI \"{}\" has two points on {}", k.id, p.on),
                        Some("keep one measurement per date".into()),
                    );
                }
            }
        }
    }

    fn reports(&mut self) {
        let mut by_date: BTreeMap<_, &str> = BTreeMap::new();
        for r in &self.client.reports {
            let file = self.file(&format!("reports/{}.md", r.slug));
            self.ratings(&file, r);
            if !r.meta.draft {
                self.placeholders(&file, r);
            }
            if let Ok(named) = r.slug.parse::<crate::model::Date>() {
                if named != r.meta.date {
                    self.at(
                        Code::Inconsistent,
                        &file,
                        yaml_path!["date"],
                        format!("{}.md is dated {} in its front matter", r.slug, r.meta.date),
                        Some(format!("a report named by date must carry that date: set `date: {named}` or rename the file")),
                    );
                }
            }
            if let Some(first) = by_date.insert(r.meta.date, &r.slug) {
                self.at(
                    Code::DuplicateReportDate,
                    &file,
                    yaml_path!["date"],
                    format!(
                        "two reports are dated {}: {first}.md and {}.md",
                        r.meta.date, r.slug
                    ),
                    Some("one report per date; merge them or correct the date".into()),
                );
            }
        }
    }

    /// A report to be published that still holds what `new report` left to fill in.
    fn placeholders(&mut self, file: &str, r: &crate::model::Report) {
        const HINT: &str = "finish it, or keep `draft: true` in its front matter until it is ready: a draft is checked but never published";
        if r.meta.summary.trim().is_empty() {
            let d = self.sources.error_at_yaml(
                Code::Placeholder,
                file,
                &yaml_path!["summary"],
                format!("the report of {} has an empty summary", r.meta.date),
            );
            self.out.push(d.warning().with_hint(HINT));
        }
        for (range, what) in placeholder_lines(&r.body) {
            let d = self.sources.error_at_offset(
                Code::Placeholder,
                file,
                r.body_offset + range.start,
                range.len(),
                format!("{what} was left to fill in"),
            );
            self.out.push(d.warning().with_hint(HINT));
        }
    }

    /// A report's ratings are on the portal's scale, and a withheld one says why.
    fn ratings(&mut self, file: &str, r: &crate::model::Report) {
        let scale = &self.client.ratings;
        let m = &r.meta;
        let ratings = [
            ("status", Some(&m.status)),
            ("scope", m.scope.as_ref()),
            ("schedule", m.schedule.as_ref()),
            ("budget", m.budget.as_ref()),
        ];
        for (key, rating) in ratings {
            let Some(rating) = rating.filter(|r| scale.meaning(r).is_none()) else {
                continue;
            };
            let values = scale.values();
            let mut hint = format!("expected one of: {}", values.join(", "));
            if let Some(best) = did_you_mean(rating.as_str(), values.iter().map(String::as_str)) {
                hint = format!("did you mean \"{best}\"? ({hint})");
            }
            self.at(
                Code::UnknownValue,
                file,
                yaml_path![key],
                format!("\"{}\" is not a valid value for \"{key}\"", rating.as_str()),
                Some(hint),
            );
        }
        match (m.status.is_withheld(), &m.withheld_reason) {
            (true, None) => self.at(
                Code::MissingKey,
                file,
                yaml_path!["status"],
                "a withheld status needs a withheld_reason".to_owned(),
                Some("say why it is not published, e.g. `withheld_reason: Exempt: commercial interests`".into()),
            ),
            (false, Some(_)) => self.at(
                Code::Inconsistent,
                file,
                yaml_path!["withheld_reason"],
                format!("withheld_reason is given, but the status is {}", m.status.as_str()),
                Some("set `status: withheld`, or remove withheld_reason".into()),
            ),
            _ => {}
        }
    }

    /// Each `files:` entry names an attachment or a folder of them; each attachment is
    /// published, or a warning says it is not (never a silent skip).
    fn attachments(&mut self) {
        let c = self.client;
        let file = self.file("client.yaml");
        for (i, listed) in c.profile.files.iter().enumerate() {
            let names_a_file = matches!(links::resolve(c, "", listed), Target::Attachment { .. });
            if !names_a_file && links::listed_folder(c, listed).is_empty() {
                self.at(
                    Code::BrokenLink,
                    &file,
                    yaml_path!["files", i],
                    format!("\"{listed}\" names no file or folder under files/"),
                    Some("write the path as a link from the client folder, e.g. `files/handbook.pdf` or `files/downloads/`".into()),
                );
            }
        }
        let published = links::published_attachments(c);
        for name in &c.attachments {
            if published.binary_search(name).is_ok() {
                continue;
            }
            let path = self.file(&format!("files/{name}"));
            self.out.push(
                Diagnostic::error(
                    Code::UnlinkedFile,
                    Some(&path),
                    "nothing the client sees links to this file, so it is not published",
                )
                .warning()
                .with_hint(format!(
                    "link it from a report or the scope (`[{name}](../files/{name})` in a report), or list it in client.yaml under `files:` (`- files/{name}`) to publish it anyway; if only internal items use it, it stays home as intended"
                )),
            );
        }
    }

    /// Every link and image in every Markdown text of the client. Plain texts have none.
    fn links(&mut self) {
        for t in texts::markdown_texts(self.client) {
            let file = self.file(&t.file);
            match t.spot {
                Spot::Body { offset } => {
                    self.body_links(&file, t.from_dir, t.text, offset, t.visible);
                }
                Spot::Field(path) => {
                    for (_, dest) in markdown::links(t.text) {
                        if let Some((code, message, hint)) =
                            problem(self.client, t.from_dir, &dest, t.visible)
                        {
                            self.at(code, &file, path.clone(), message, Some(hint));
                        }
                    }
                }
            }
        }
    }

    fn body_links(
        &mut self,
        file: &str,
        from_dir: &str,
        body: &str,
        body_offset: usize,
        visible: bool,
    ) {
        let scan = markdown::scan(body);
        for range in scan.images_without_alt {
            let d = self
                .sources
                .error_at_offset(
                    Code::ImageWithoutAlt,
                    file,
                    body_offset + range.start,
                    range.len(),
                    "this image has no alternative text".to_owned(),
                )
                .warning()
                .with_hint(
                    "say in the brackets what the image shows, e.g. `![Route map of the depots](../files/map.png)`, for readers who cannot see it",
                );
            self.out.push(d);
        }
        for (range, dest) in scan.links {
            if let Some((code, message, hint)) = problem(self.client, from_dir, &dest, visible) {
                let mut d = self.sources.error_at_offset(
                    code,
                    file,
                    body_offset + range.start,
                    range.len(),
                    message,
                );
                d.hint = Some(hint);
                self.out.push(d);
            }
        }
    }
}

/// What is wrong with a link, if anything: its code, the message and a hint. `visible`
/// says whether the text holding the link reaches the client (a link from there to an
/// internal report would lead nowhere, shown as `#`).
fn problem(
    client: &Client,
    from_dir: &str,
    dest: &str,
    visible: bool,
) -> Option<(Code, String, String)> {
    let there = if from_dir.is_empty() {
        "this file".to_owned()
    } else {
        format!("{from_dir}/")
    };
    match links::resolve(client, from_dir, dest) {
        Target::Report { slug, .. }
            if visible
                && client
                    .reports
                    .iter()
                    .any(|r| r.slug == slug && !r.meta.visibility.is_visible()) =>
        {
            Some((
                Code::BrokenLink,
                format!(
                    "link to \"{dest}\" leads to an internal report, which the client cannot open"
                ),
                "remove the link, or share the report (remove its `visibility: internal`)"
                    .to_owned(),
            ))
        }
        Target::External
        | Target::Anchor
        | Target::Attachment { .. }
        | Target::Report { .. }
        | Target::Scope { .. } => None,
        Target::Missing { path } => Some((
            Code::BrokenLink,
            format!(
                "link to \"{dest}\" leads nowhere: {path} does not exist in this client's folder"
            ),
            format!(
                "links are relative to {there}; attachments live in files/, e.g. `{}files/plan.pdf`",
                if from_dir.is_empty() { "" } else { "../" }
            ),
        )),
        Target::Outside => Some((
            Code::LinkOutsideClient,
            format!("link to \"{dest}\" leaves this client's folder"),
            "portals are self-contained: copy the file into this client's files/ folder".to_owned(),
        )),
        Target::OtherClient { slug } => Some((
            Code::LinkOutsideClient,
            format!("link to \"{dest}\" points into another client's portal ({slug})"),
            "no page of one client may name or link another client".to_owned(),
        )),
        Target::BadScheme { scheme } => Some((
            Code::LinkOutsideClient,
            format!("\"{scheme}:\" links are not allowed"),
            "use http(s):, mailto: or tel: links, or a file under files/".to_owned(),
        )),
    }
}

/// Lines of a report body that `new report` writes for the consultant to fill in: an empty
/// bullet or numbered item, and its "say what happens now" prompts. Byte ranges in `body`.
fn placeholder_lines(body: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let mut found = Vec::new();
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        let trimmed = text.trim();
        let empty_item = matches!(trimmed, "-" | "*" | "+" | "- [ ]" | "* [ ]")
            || trimmed
                .strip_suffix('.')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let what = if empty_item {
            Some("an empty list item")
        } else if trimmed.ends_with("say what happens now") {
            Some("the prompt \"say what happens now\"")
        } else {
            None
        };
        if let Some(what) = what {
            let lead = text.len() - text.trim_start().len();
            found.push((start + lead..start + text.len(), what));
        }
        start += line.len();
    }
    found
}
