//! Files on disk -> [`Portal`], with a [`Diagnostic`] for everything that cannot be read.
//!
//! Loading is about form: can each file be read, parsed and typed. Whether the content makes
//! sense across files (ids that exist, dates that agree) is [`crate::check`]'s job. A client
//! with any load error is left out of the portal, so checks never run on half-read data and
//! never pile follow-on errors on top of the real one.

mod client;
mod files;
mod front_matter;
mod time;
mod yaml;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::model::{Client, Portal, PortalConfig};
use crate::source::Sources;

pub use client::Partial;
pub(crate) use files::{Opened, is_ignored, open_copied, open_regular, special_name};

/// The name of the portal configuration file.
pub const CONFIG_FILE: &str = "portico.yaml";
/// The folder holding one folder per client.
pub const CLIENTS_DIR: &str = "clients";

/// What loading a portal produced.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The portal, when its configuration loaded; holds only cleanly loaded clients.
    pub portal: Option<Portal>,
    /// The text of every file read, for pointing diagnostics into.
    pub sources: Sources,
    /// Everything found wrong, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Clients some of whose files failed, as far as the others say.
    pub partial: Vec<Partial>,
}

/// Reads the portal folder at `root`.
pub fn load_portal(root: &Path) -> Loaded {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let fs = match files::PortalFs::new(root) {
        Ok(fs) => fs,
        Err(d) => {
            return Loaded {
                portal: None,
                sources,
                diagnostics: vec![d],
                partial: Vec::new(),
            };
        }
    };

    let config = load_config(&fs, &mut sources, &mut diagnostics);
    // Clients are loaded even when portico.yaml is broken, so one run reports everything.
    let fallback = PortalConfig::default();
    let config_for_clients = config.as_ref().unwrap_or(&fallback);

    let clients_dir = fs.root().join(CLIENTS_DIR);
    let mut clients = Vec::new();
    let mut partial = Vec::new();
    match fs.kind(&clients_dir) {
        Ok(Some(files::Kind::Dir)) => match fs.list(&clients_dir, &mut diagnostics) {
            Ok(entries) => {
                let loads: Vec<client::ClientLoad> = entries
                    .par_iter()
                    .map(|entry| client::load_client(&fs, entry, config_for_clients))
                    .collect();
                for load in loads {
                    for (source, offset, len) in &load.sources {
                        sources.register(source, *offset, *len);
                    }
                    diagnostics.extend(load.diagnostics);
                    clients.extend(load.client);
                    partial.extend(load.partial);
                }
            }
            Err(d) => diagnostics.push(d),
        },
        Ok(_) => diagnostics.push(no_clients_folder()),
        Err(d) => diagnostics.push(d),
    }

    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Loaded {
        portal: config.map(|config| Portal { config, clients }),
        sources,
        diagnostics,
        partial,
    }
}

/// What loading one client folder produced.
#[derive(Debug, Clone)]
pub struct LoadedClient {
    /// The client, when every file loaded.
    pub client: Option<Client>,
    /// The text of every file read.
    pub sources: Sources,
    /// Everything found wrong, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The client as far as its files loaded, when some failed.
    pub partial: Option<Partial>,
}

/// Reads the single client folder `clients/<slug>` of the portal at `root`, for rebuilding
/// one client after a change. `None` when the folder no longer exists.
pub fn load_one_client(root: &Path, config: &PortalConfig, slug: &str) -> Option<LoadedClient> {
    let fs = files::PortalFs::new(root).ok()?;
    let path = fs.root().join(CLIENTS_DIR).join(slug);
    let kind = match fs.kind(&path) {
        Ok(Some(kind)) => kind,
        Ok(None) => return None,
        Err(d) => {
            return Some(LoadedClient {
                client: None,
                sources: Sources::default(),
                diagnostics: vec![d],
                partial: None,
            });
        }
    };
    let entry = files::Entry {
        name: slug.to_owned(),
        path,
        kind,
    };
    let load = client::load_client(&fs, &entry, config);
    let mut sources = Sources::default();
    for (source, offset, len) in &load.sources {
        sources.register(source, *offset, *len);
    }
    let mut diagnostics = load.diagnostics;
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Some(LoadedClient {
        client: load.client,
        sources,
        diagnostics,
        partial: load.partial,
    })
}

/// The names under `clients/`, sorted; empty when there is no usable `clients/` folder.
/// Every entry is named, whatever the file policy says of it, so that loading each one
/// reports why it cannot be a client (a link, a FIFO) instead of it silently vanishing.
pub fn client_slugs(root: &Path) -> Vec<String> {
    let Ok(fs) = files::PortalFs::new(root) else {
        return Vec::new();
    };
    let dir = fs.root().join(CLIENTS_DIR);
    match fs.kind(&dir) {
        Ok(Some(files::Kind::Dir)) => fs.names(&dir),
        _ => Vec::new(),
    }
}

/// The publishing settings in `clients/<slug>/client.yaml`, read alone (for rules across
/// clients when a build reuses a client's earlier output); `None` when they cannot be read.
pub fn client_deploy(root: &Path, slug: &str) -> Option<crate::model::ClientDeploy> {
    let fs = files::PortalFs::new(root).ok()?;
    let path = fs.root().join(CLIENTS_DIR).join(slug).join("client.yaml");
    let source = fs.read_text(&path).ok()?;
    let profile: crate::model::ClientProfile = serde_yaml::from_str(&source.text).ok()?;
    Some(profile.deploy)
}

/// Reads `portico.yaml` alone.
pub fn load_config_only(root: &Path) -> (Option<PortalConfig>, Vec<Diagnostic>) {
    let (config, _, diagnostics) = load_config_with_source(root);
    (config, diagnostics)
}

/// Reads `portico.yaml` alone, keeping its text for later diagnostics.
pub fn load_config_with_source(root: &Path) -> (Option<PortalConfig>, Sources, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut sources = Sources::default();
    let config = match files::PortalFs::new(root) {
        Ok(fs) => load_config(&fs, &mut sources, &mut diagnostics),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    (config, sources, diagnostics)
}

/// Whether `root` has a `clients/` folder portico may read.
pub fn has_clients_folder(root: &Path) -> bool {
    clients_folder_problem(root).is_none()
}

/// What is wrong with the portal's `clients/` folder, if anything: missing, not a folder,
/// or a link out of the portal.
pub fn clients_folder_problem(root: &Path) -> Option<Diagnostic> {
    let fs = match files::PortalFs::new(root) {
        Ok(fs) => fs,
        Err(d) => return Some(d),
    };
    match fs.kind(&fs.root().join(CLIENTS_DIR)) {
        Ok(Some(files::Kind::Dir)) => None,
        Ok(_) => Some(no_clients_folder()),
        Err(d) => Some(d),
    }
}

/// The error for a portal without a `clients/` folder.
pub(crate) fn no_clients_folder() -> Diagnostic {
    Diagnostic::error(
        Code::NoClientsFolder,
        None,
        format!("the portal has no {CLIENTS_DIR}/ folder"),
    )
    .with_hint("create clients/<slug>/client.yaml for each client, e.g. clients/acme/client.yaml")
}

fn load_config(
    fs: &files::PortalFs,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PortalConfig> {
    let path = fs.root().join(CONFIG_FILE);
    match fs.kind(&path) {
        Ok(Some(files::Kind::File)) => {}
        Ok(_) => {
            let mut d = Diagnostic::error(
                Code::MissingConfig,
                None,
                format!("no {CONFIG_FILE} in {}", fs.root().display()),
            )
            .with_hint(
                "is this the portal folder? It is the one holding portico.yaml and clients/",
            );
            if let Some(near) = near_miss(fs, CONFIG_FILE) {
                d = d.with_hint(format!("found {near}; rename it to {CONFIG_FILE}"));
            }
            diagnostics.push(d);
            return None;
        }
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    }
    let source = match fs.read_text(&path) {
        Ok(s) => s,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    sources.register(&source, 0, source.text.len());
    match yaml::parse::<PortalConfig>(&source, &source.text, 0, CONFIG_FILE) {
        Ok(config) => Some(config),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

/// A file in the portal root whose name is close to `wanted` (`portico.yml`, `Portico.yaml`).
fn near_miss(fs: &files::PortalFs, wanted: &str) -> Option<String> {
    let entries = fs.list(fs.root(), &mut Vec::new()).ok()?;
    did_you_mean(wanted, entries.iter().map(|e| e.name.as_str())).map(str::to_owned)
}

/// The kinds of text file a portal holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `portico.yaml`.
    Config,
    /// `client.yaml`.
    Client,
    /// `scope.md`.
    Scope,
    /// `milestones.yaml`.
    Milestones,
    /// `changes.yaml`.
    Changes,
    /// `kpis.yaml`.
    Kpis,
    /// `raid.yaml`.
    Raid,
    /// `reports/*.md`.
    Report,
}

impl FileKind {
    /// Every kind.
    pub const ALL: [FileKind; 8] = [
        FileKind::Config,
        FileKind::Client,
        FileKind::Scope,
        FileKind::Milestones,
        FileKind::Changes,
        FileKind::Kpis,
        FileKind::Raid,
        FileKind::Report,
    ];
}

/// Parses one file's text as the loader would, without touching the disk: the front matter
/// split for Markdown, then typed YAML. For fuzzing and for editors that check a buffer.
pub fn parse_text(kind: FileKind, path: &str, text: &str) -> Result<(), Diagnostic> {
    use crate::model::{Change, ClientProfile, Kpi, Milestone, Raid, ReportMeta, ScopeMeta};
    let source = crate::source::Source::new(path, text);
    let (yaml, offset, what) = match kind {
        FileKind::Scope | FileKind::Report => {
            let split =
                front_matter::split(text).map_err(|e| client::front_matter_error(&source, e))?;
            (
                split.yaml,
                split.yaml_offset,
                format!("the front matter of {path}"),
            )
        }
        _ => (text, 0, path.to_owned()),
    };
    match kind {
        FileKind::Config => yaml::parse::<PortalConfig>(&source, yaml, offset, &what).map(drop),
        FileKind::Client => yaml::parse::<ClientProfile>(&source, yaml, offset, &what).map(drop),
        FileKind::Scope => yaml::parse::<ScopeMeta>(&source, yaml, offset, &what).map(drop),
        FileKind::Milestones => {
            yaml::parse::<Vec<Milestone>>(&source, yaml, offset, &what).map(drop)
        }
        FileKind::Changes => yaml::parse::<Vec<Change>>(&source, yaml, offset, &what).map(drop),
        FileKind::Kpis => yaml::parse::<Vec<Kpi>>(&source, yaml, offset, &what).map(drop),
        FileKind::Raid => yaml::parse::<Raid>(&source, yaml, offset, &what).map(drop),
        FileKind::Report => yaml::parse::<ReportMeta>(&source, yaml, offset, &what).map(drop),
    }
}

/// True for names usable as a folder and URL segment: lowercase letters, digits and single
/// hyphens, starting with a letter or digit, at most 64 characters.
pub fn is_safe_slug(s: &str) -> bool {
    !is_reserved_name(s)
        && !s.is_empty()
        && s.len() <= 64
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Names Windows reserves for devices: a folder called `con` cannot be created, copied or
/// deleted there, so a portal using one could not be checked out or served from Windows.
fn is_reserved_name(s: &str) -> bool {
    matches!(s, "con" | "prn" | "aux" | "nul")
        || ((s.starts_with("com") || s.starts_with("lpt"))
            && s.len() == 4
            && s.as_bytes()[3].is_ascii_digit())
}

/// A safe slug close to `s`, for hints: `Acme Corp` -> `acme-corp`.
pub fn suggest_slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_lowercase() || ch.is_ascii_digit() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "client".to_owned()
    } else {
        trimmed
            .chars()
            .take(64)
            .collect::<String>()
            .trim_end_matches('-')
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in [
            "acme",
            "acme-2",
            "2026-11-14",
            "a",
            "console",
            "com",
            "nulled",
        ] {
            assert!(is_safe_slug(ok), "{ok}");
        }
        for bad in [
            "Acme",
            "acme corp",
            "acme.com",
            "..",
            "-acme",
            "acme-",
            "a--b",
            "",
            "café",
            "con",
            "nul",
            "aux",
            "prn",
            "com1",
            "lpt9",
        ] {
            assert!(!is_safe_slug(bad), "{bad}");
        }
        assert_eq!(suggest_slug("Acme Corp."), "acme-corp");
        assert_eq!(suggest_slug(".."), "client");
        assert_eq!(suggest_slug("Émile & Co"), "mile-co");
    }
}
