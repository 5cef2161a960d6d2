//! One client folder -> [`Client`].

use std::path::Path;

use serde::de::DeserializeOwned;

use super::files::{Entry, Kind, PortalFs};
use super::front_matter::{self, SplitError};
use super::{is_safe_slug, suggest_slug, time, yaml};
use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::model::{
    Budget, Cadence, Change, Client, ClientProfile, Invoice, Kpi, Meeting, Milestone, PortalConfig,
    Raid, RatingScale, Report, ReportMeta, Scope, ScopeMeta, ServiceLevel, TimeEntryInput,
    TimeFile,
};
use crate::source::Source;

/// The files a client folder may hold.
pub(crate) const CLIENT_FILE: &str = "client.yaml";
const KNOWN: [&str; 15] = [
    CLIENT_FILE,
    "scope.md",
    "milestones.yaml",
    "changes.yaml",
    "kpis.yaml",
    "raid.yaml",
    "meetings.yaml",
    "meetings",
    "budget.yaml",
    "invoices.yaml",
    "sla.yaml",
    "time.yaml",
    "time",
    "reports",
    "files",
];

/// The outcome of loading one client folder.
#[derive(Debug)]
pub(crate) struct ClientLoad {
    /// The client, when every file loaded.
    pub(crate) client: Option<Client>,
    /// Files read, with the offset and length of their YAML.
    pub(crate) sources: Vec<(Source, usize, usize)>,
    /// What went wrong.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// When some files failed but client.yaml loaded: the client from the files that did,
    /// for the rules across files to report their problems in the same run.
    pub(crate) partial: Option<Partial>,
}

/// A client some of whose files did not load.
#[derive(Debug, Clone)]
pub struct Partial {
    /// What the files that loaded say; a failed file counts as absent.
    pub client: Client,
    /// The names in the client folder that failed (`milestones.yaml`, `reports`).
    pub failed: std::collections::BTreeSet<String>,
}

/// Loads `entry`, a child of `clients/`.
pub(crate) fn load_client(fs: &PortalFs, entry: &Entry, config: &PortalConfig) -> ClientLoad {
    let mut load = ClientLoad {
        client: None,
        sources: Vec::new(),
        diagnostics: Vec::new(),
        partial: None,
    };
    let rel = fs.rel(&entry.path);
    if entry.kind != Kind::Dir {
        load.diagnostics.push(
            Diagnostic::error(
                Code::MissingClientYaml,
                Some(&rel),
                "a file where a client folder was expected",
            )
            .with_hint("move it out of clients/, or into a client's files/ folder"),
        );
        return load;
    }
    if !is_safe_slug(&entry.name) {
        load.diagnostics.push(
            Diagnostic::error(
                Code::BadSlug,
                Some(&rel),
                format!(
                    "client folder name \"{}\" cannot be used in a web address",
                    entry.name
                ),
            )
            .with_hint(format!(
                "use lowercase letters, digits and hyphens, e.g. rename it to \"{}\"",
                suggest_slug(&entry.name)
            )),
        );
        return load;
    }

    let mut reader = Reader {
        fs,
        load: &mut load,
    };
    let entries = match fs.list(&entry.path, &mut reader.load.diagnostics) {
        Ok(e) => e,
        Err(d) => {
            reader.load.diagnostics.push(d);
            return load;
        }
    };

    let mut profile = None;
    let mut scope = None;
    let mut milestones = Vec::new();
    let mut changes = Vec::new();
    let mut kpis: Vec<Kpi> = Vec::new();
    let mut raid = Raid::default();
    let mut meetings: Option<Vec<Meeting>> = None;
    let mut minutes_files = Vec::new();
    let mut reports = Vec::new();
    let mut attachments = Vec::new();
    let mut budget = None;
    let mut invoices = Vec::new();
    let mut service_levels: Vec<ServiceLevel> = Vec::new();
    let mut time_yaml = None;
    let mut time_dir = None;

    let mut failed = std::collections::BTreeSet::new();
    for item in &entries {
        let errors_before = reader.errors();
        let expected_kind = match item.name.as_str() {
            "reports" | "files" | "time" | "meetings" => Kind::Dir,
            _ => Kind::File,
        };
        if KNOWN.contains(&item.name.as_str()) && item.kind != expected_kind {
            let want = if expected_kind == Kind::Dir {
                "a folder"
            } else {
                "a file"
            };
            let rel = fs.rel(&item.path);
            reader.load.diagnostics.push(Diagnostic::error(
                Code::UnknownFile,
                Some(&rel),
                format!("should be {want}"),
            ));
            continue;
        }
        match item.name.as_str() {
            CLIENT_FILE => profile = reader.yaml::<ClientProfile>(&item.path),
            "scope.md" => scope = reader.scope(&item.path),
            "milestones.yaml" => {
                milestones = reader
                    .yaml::<Vec<Milestone>>(&item.path)
                    .unwrap_or_default()
            }
            "changes.yaml" => changes = reader.yaml::<Vec<Change>>(&item.path).unwrap_or_default(),
            "kpis.yaml" => kpis = reader.yaml::<Vec<Kpi>>(&item.path).unwrap_or_default(),
            "raid.yaml" => raid = reader.yaml::<Raid>(&item.path).unwrap_or_default(),
            "meetings.yaml" => meetings = reader.yaml::<Vec<Meeting>>(&item.path),
            "meetings" => minutes_files = reader.minutes_files(&item.path),
            "budget.yaml" => budget = reader.yaml::<Budget>(&item.path),
            "invoices.yaml" => {
                invoices = reader.yaml::<Vec<Invoice>>(&item.path).unwrap_or_default()
            }
            "sla.yaml" => {
                service_levels = reader
                    .yaml::<Vec<ServiceLevel>>(&item.path)
                    .unwrap_or_default()
            }
            "time.yaml" => time_yaml = Some(item.path.clone()),
            "time" => time_dir = Some(item.path.clone()),
            "reports" => reports = reader.reports(&item.path),
            "files" => attachments = fs.walk_files(&item.path, &mut reader.load.diagnostics),
            other => {
                let rel = fs.rel(&item.path);
                let mut d = Diagnostic::error(
                    Code::UnknownFile,
                    Some(&rel),
                    "not part of the portal format, so not published",
                )
                .warning();
                d = match did_you_mean(other, KNOWN) {
                    Some(best) => d.with_hint(format!("did you mean {best}?")),
                    None => d.with_hint(format!(
                        "a client folder holds {}; attachments go under files/",
                        KNOWN.join(", ")
                    )),
                };
                reader.load.diagnostics.push(d);
            }
        }
        if reader.errors() > errors_before {
            failed.insert(item.name.clone());
        }
    }

    // Time files are read once client.yaml says which rows are this client's.
    let settings = profile
        .as_ref()
        .map(|p: &ClientProfile| p.time.clone())
        .unwrap_or_default();
    let mut time_files: Vec<TimeFile> = Vec::new();
    if let Some(path) = time_yaml {
        time_files.extend(reader.time_yaml(&path));
    }
    if let Some(dir) = time_dir {
        time_files.extend(reader.time_csvs(&dir, &settings));
    }

    let rel = fs.rel(&entry.path);
    // Absent, not refused: a client.yaml that is a FIFO or a link elsewhere has its own
    // error already.
    if std::fs::symlink_metadata(entry.path.join(CLIENT_FILE)).is_err() {
        load.diagnostics.push(
            Diagnostic::error(
                Code::MissingClientYaml,
                Some(&rel),
                format!("no {CLIENT_FILE} in this client folder"),
            )
            .with_hint(format!(
                "every client folder needs a {CLIENT_FILE} with at least `name: {}`",
                entry.name
            )),
        );
    }
    let Some(profile) = profile else {
        return load;
    };
    let complete = !load.diagnostics.iter().any(Diagnostic::is_error);
    for kpi in &mut kpis {
        kpi.points.sort_by_key(|p| p.on);
    }
    crate::model::apply_moves(&mut milestones, &changes);
    for level in &mut service_levels {
        level.periods.sort_by_key(|p| p.start);
    }
    let mut meetings = meetings.unwrap_or_default();
    attach_minutes(&mut meetings, minutes_files, &mut load.diagnostics);
    reports.sort_by(|a: &Report, b: &Report| (a.meta.date, &a.slug).cmp(&(b.meta.date, &b.slug)));
    let client = Client {
        slug: entry.name.clone(),
        cadence: Cadence::resolve(&profile.cadence, &config.defaults.cadence),
        ratings: RatingScale::new(&config.rating_scale),
        profile,
        scope,
        milestones,
        changes,
        kpis,
        raid,
        meetings,
        reports,
        budget,
        time: time_files,
        invoices,
        service_levels,
        attachments,
        dir: entry.path.clone(),
    };
    if complete {
        load.client = Some(client);
    } else if !failed.is_empty() {
        load.partial = Some(Partial { client, failed });
    }
    load
}

/// Reads files of one client, recording sources and diagnostics as it goes.
struct Reader<'a> {
    fs: &'a PortalFs,
    load: &'a mut ClientLoad,
}

impl Reader<'_> {
    fn errors(&self) -> usize {
        self.load
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .count()
    }

    fn text(&mut self, path: &Path) -> Option<Source> {
        match self.fs.read_text(path) {
            Ok(s) => Some(s),
            Err(d) => {
                self.load.diagnostics.push(d);
                None
            }
        }
    }

    fn yaml<T: DeserializeOwned>(&mut self, path: &Path) -> Option<T> {
        let source = self.text(path)?;
        self.load
            .sources
            .push((source.clone(), 0, source.text.len()));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match yaml::parse::<T>(&source, &source.text, 0, &name) {
            Ok(v) => Some(v),
            Err(d) => {
                self.load.diagnostics.push(d);
                None
            }
        }
    }

    /// Parses a Markdown file's front matter; returns it with the body and the body offset.
    fn markdown<T: DeserializeOwned>(&mut self, path: &Path) -> Option<(T, String, usize)> {
        let source = self.text(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let split = match front_matter::split(&source.text) {
            Ok(s) => s,
            Err(e) => {
                self.load.sources.push((source.clone(), 0, 0));
                self.load.diagnostics.push(front_matter_error(&source, e));
                return None;
            }
        };
        self.load
            .sources
            .push((source.clone(), split.yaml_offset, split.yaml.len()));
        match yaml::parse::<T>(
            &source,
            split.yaml,
            split.yaml_offset,
            &format!("the front matter of {name}"),
        ) {
            Ok(meta) => Some((meta, split.body.to_owned(), split.body_offset)),
            Err(d) => {
                self.load.diagnostics.push(d);
                None
            }
        }
    }

    fn scope(&mut self, path: &Path) -> Option<Scope> {
        let (meta, body, body_offset) = self.markdown::<ScopeMeta>(path)?;
        Some(Scope {
            meta,
            body,
            body_offset,
        })
    }

    fn time_yaml(&mut self, path: &Path) -> Option<TimeFile> {
        let source = self.text(path)?;
        self.load
            .sources
            .push((source.clone(), 0, source.text.len()));
        let inputs = match yaml::parse::<Vec<TimeEntryInput>>(&source, &source.text, 0, "time.yaml")
        {
            Ok(v) => v,
            Err(d) => {
                self.load.diagnostics.push(d);
                return None;
            }
        };
        match time::from_yaml(&source, inputs) {
            Ok(file) => Some(file),
            Err(ds) => {
                self.load.diagnostics.extend(ds);
                None
            }
        }
    }

    /// Every `time/*.csv`, sorted by name.
    fn time_csvs(&mut self, dir: &Path, settings: &crate::model::TimeSettings) -> Vec<TimeFile> {
        let entries = match self.fs.list(dir, &mut self.load.diagnostics) {
            Ok(e) => e,
            Err(d) => {
                self.load.diagnostics.push(d);
                return Vec::new();
            }
        };
        let mut files = Vec::new();
        for entry in entries {
            let rel = self.fs.rel(&entry.path);
            if entry.kind != Kind::File || !entry.name.to_ascii_lowercase().ends_with(".csv") {
                self.load.diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownFile,
                        Some(&rel),
                        "not a time export: time/ holds only .csv files",
                    )
                    .with_hint("export the tracker's detailed report as CSV"),
                );
                continue;
            }
            let Some(source) = self.text(&entry.path) else {
                continue;
            };
            self.load.sources.push((source.clone(), 0, 0));
            match time::read_csv(&source, &format!("time/{}", entry.name), settings) {
                Ok(file) => files.push(file),
                Err(ds) => self.load.diagnostics.extend(ds),
            }
        }
        files
    }

    /// The Markdown files under `meetings/`, sorted.
    fn minutes_files(&mut self, dir: &Path) -> Vec<MinutesFile> {
        let entries = match self.fs.list(dir, &mut self.load.diagnostics) {
            Ok(e) => e,
            Err(d) => {
                self.load.diagnostics.push(d);
                return Vec::new();
            }
        };
        let mut files = Vec::new();
        for entry in entries {
            if entry.kind != Kind::File || !entry.name.ends_with(".md") {
                let rel = self.fs.rel(&entry.path);
                self.load.diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownFile,
                        Some(&rel),
                        "not minutes: meetings/ holds only .md files",
                    )
                    .with_hint("put attachments under files/ and link them from the minutes"),
                );
                continue;
            }
            if let Some(source) = self.text(&entry.path) {
                self.load.sources.push((source.clone(), 0, 0));
                files.push(MinutesFile {
                    name: format!("meetings/{}", entry.name),
                    rel: self.fs.rel(&entry.path),
                    text: source.text.to_string(),
                });
            }
        }
        files
    }

    fn reports(&mut self, dir: &Path) -> Vec<Report> {
        let entries = match self.fs.list(dir, &mut self.load.diagnostics) {
            Ok(e) => e,
            Err(d) => {
                self.load.diagnostics.push(d);
                return Vec::new();
            }
        };
        let mut reports = Vec::new();
        for entry in entries {
            let rel = self.fs.rel(&entry.path);
            let stem = entry.name.strip_suffix(".md");
            let Some(stem) = stem.filter(|_| entry.kind == Kind::File) else {
                self.load.diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownFile,
                        Some(&rel),
                        "not a report: reports/ holds only .md files",
                    )
                    .with_hint("put attachments under files/ and link them from the report"),
                );
                continue;
            };
            if !is_safe_slug(stem) {
                self.load.diagnostics.push(
                    Diagnostic::error(
                        Code::BadSlug,
                        Some(&rel),
                        format!(
                            "report file name \"{}\" cannot be used in a web address",
                            entry.name
                        ),
                    )
                    .with_hint(format!(
                        "name reports by date, e.g. 2026-11-14.md, or rename it to \"{}.md\"",
                        suggest_slug(stem)
                    )),
                );
                continue;
            }
            if let Some((meta, body, body_offset)) = self.markdown::<ReportMeta>(&entry.path) {
                reports.push(Report {
                    slug: stem.to_owned(),
                    meta,
                    body,
                    body_offset,
                });
            }
        }
        reports
    }
}

/// Gives each meeting the text of its `minutes_file`. A file no meeting names would never be
/// published: a warning says so rather than dropping it silently. (A name with no file is
/// left to `check`, which points at it in meetings.yaml.)
fn attach_minutes(
    meetings: &mut [Meeting],
    files: Vec<MinutesFile>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for file in files {
        let mut named = false;
        for m in meetings
            .iter_mut()
            .filter(|m| m.minutes_file.as_deref() == Some(file.name.as_str()))
        {
            m.minutes_from_file = Some(file.text.clone());
            named = true;
        }
        if !named {
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownFile,
                    Some(&file.rel),
                    "no meeting names these minutes, so they are not published",
                )
                .warning()
                .with_hint(format!(
                    "add `minutes_file: {}` to its meeting in meetings.yaml",
                    file.name
                )),
            );
        }
    }
}

/// A Markdown file under `meetings/`.
struct MinutesFile {
    /// As a meeting names it: `meetings/<file>.md`.
    name: String,
    /// Relative to the portal folder, for diagnostics.
    rel: String,
    text: String,
}

pub(crate) fn front_matter_error(source: &Source, error: SplitError) -> Diagnostic {
    match error {
        SplitError::Missing { later: Some(at) } => Diagnostic::error_at(
            Code::FrontMatterMissing,
            source,
            source.span(0, source.text.find('\n').unwrap_or(source.text.len())),
            "the front matter must start on the first line",
        )
        .with_hint(format!(
            "move the text above line {} below the closing ---",
            source.span(at, 0).line
        )),
        SplitError::Missing { later: None } => Diagnostic::error_at(
            Code::FrontMatterMissing,
            source,
            source.span(0, 0),
            "no front matter",
        )
        .with_hint("start the file with a --- line, the YAML fields, and another --- line"),
        SplitError::Unterminated => Diagnostic::error_at(
            Code::FrontMatterUnterminated,
            source,
            source.span(0, 3),
            "the front matter is never closed",
        )
        .with_hint("add a line with only --- after the last front matter field"),
    }
}
