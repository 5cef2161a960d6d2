//! The preview's build: the whole portal in memory, rebuilt a client at a time.
//!
//! A [`Site`] remembers, per client, the last output that built cleanly and the problems of
//! the latest attempt. A change that breaks a client keeps that client's last good pages
//! (shown under an overlay listing the errors) until a change fixes it. Each rebuild ends
//! with a new [`Snapshot`], an immutable value the HTTP side serves from.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::watch::Changes;
use crate::check::check_client;
use crate::diagnostic::Diagnostic;
use crate::load::{self, CLIENTS_DIR};
use crate::model::{Date, PortalConfig, Rag};
use crate::render::{Contents, ROBOTS_TXT, RenderedFile, Renderer, Theme};

/// What the server answers from, replaced as a whole after each rebuild.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Increases with every rebuild; browsers reload when it changes.
    pub version: u64,
    /// Output path (`acme/index.html`) -> contents.
    pub files: HashMap<String, Contents>,
    /// The clients, for the consultant's index page.
    pub clients: Vec<ClientSummary>,
    /// Errors of the latest rebuild; the pages shown are the last good ones.
    pub errors: Vec<Diagnostic>,
    /// Warnings of the latest rebuild.
    pub warnings: usize,
}

/// A line of the consultant's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientSummary {
    /// Folder name.
    pub slug: String,
    /// Its folder in the output, where its pages are served.
    pub folder: String,
    /// Client name, once `client.yaml` has loaded.
    pub name: Option<String>,
    /// Overall status of the latest report.
    pub status: Option<Rag>,
    /// Date of the latest report.
    pub latest: Option<Date>,
    /// Whether any page has been built for it.
    pub built: bool,
    /// Errors in its files now.
    pub errors: usize,
}

#[derive(Debug, Default)]
struct ClientState {
    name: Option<String>,
    folder: Option<String>,
    status: Option<Rag>,
    latest: Option<Date>,
    /// The last output that built cleanly.
    files: Vec<RenderedFile>,
    /// Problems of the latest attempt.
    problems: Vec<Diagnostic>,
}

/// The preview build of one portal.
pub struct Site {
    root: PathBuf,
    as_of: Option<Date>,
    config: Option<PortalConfig>,
    renderer: Option<Renderer>,
    /// Problems with `portico.yaml`, the theme or the clients folder.
    global: Vec<Diagnostic>,
    clients: BTreeMap<String, ClientState>,
    version: u64,
}

/// What one rebuild did, for the terminal.
#[derive(Debug)]
pub struct Rebuilt {
    /// `"everything"` or the slugs rebuilt.
    pub scope: String,
    /// How long it took.
    pub elapsed: Duration,
    /// The problems found, errors and warnings.
    pub problems: Vec<Diagnostic>,
}

impl Site {
    /// A site for the portal at `root`, not built yet.
    pub fn new(root: &Path, as_of: Option<Date>) -> Site {
        Site {
            root: root.to_path_buf(),
            as_of,
            config: None,
            renderer: None,
            global: Vec::new(),
            clients: BTreeMap::new(),
            version: 0,
        }
    }

    /// Rebuilds what `changes` calls for.
    pub fn rebuild(&mut self, changes: &Changes) -> Rebuilt {
        let started = Instant::now();
        let (scope, problems) = if changes.everything || self.config.is_none() {
            ("everything".to_owned(), self.rebuild_everything())
        } else {
            let slugs: Vec<String> = changes.clients.iter().cloned().collect();
            let problems = self.rebuild_clients(&slugs);
            (slugs.join(", "), problems)
        };
        self.version += 1;
        Rebuilt {
            scope,
            elapsed: started.elapsed(),
            problems,
        }
    }

    fn rebuild_everything(&mut self) -> Vec<Diagnostic> {
        self.global.clear();
        let (config, mut problems) = load::load_config_only(&self.root);
        if let Some(config) = &config {
            match Theme::load(&self.root, config).and_then(|theme| Renderer::new(&theme)) {
                Ok(renderer) => self.renderer = Some(renderer),
                Err(theme_problems) => problems.extend(theme_problems),
            }
        }
        if !problems.is_empty() {
            // Without a configuration or a theme nothing can be rendered: keep the last
            // good pages of every client.
            self.global = problems.clone();
            return problems;
        }
        self.config = config;
        let slugs = load::client_slugs(&self.root);
        if !self.root.join(CLIENTS_DIR).is_dir() {
            let d = Diagnostic::error(
                crate::Code::NoClientsFolder,
                None,
                "the portal has no clients/ folder",
            );
            self.global.push(d.clone());
            problems.push(d);
        }
        self.clients.retain(|slug, _| slugs.contains(slug));
        problems.extend(self.rebuild_clients(&slugs));
        problems
    }

    fn rebuild_clients(&mut self, slugs: &[String]) -> Vec<Diagnostic> {
        let (Some(config), Some(renderer)) = (&self.config, &self.renderer) else {
            return Vec::new();
        };
        let today = self
            .as_of
            .or(config.as_of)
            .unwrap_or_else(crate::build::today);
        let root = &self.root;
        let as_of = self.as_of;
        let states = &self.clients;
        let results: Vec<(String, Option<Attempt>)> = slugs
            .par_iter()
            .map(|slug| {
                let earlier = states.get(slug).map_or(&[][..], |s| s.files.as_slice());
                (
                    slug.clone(),
                    attempt(root, config, renderer, slug, today, as_of, earlier),
                )
            })
            .collect();
        let mut problems = Vec::new();
        for (slug, result) in results {
            let Some(attempt) = result else {
                self.clients.remove(&slug);
                continue;
            };
            let state = self.clients.entry(slug).or_default();
            problems.extend(attempt.problems.iter().cloned());
            state.problems = attempt.problems;
            if let Some(name) = attempt.name {
                state.name = Some(name);
                state.folder = attempt.folder;
                state.status = attempt.status;
                state.latest = attempt.latest;
            }
            if let Some(files) = attempt.files {
                state.files = files;
            }
        }
        problems
    }

    /// The current state, for serving.
    pub fn snapshot(&self) -> Snapshot {
        let mut files: HashMap<String, Contents> = HashMap::new();
        files.insert(
            "robots.txt".into(),
            Contents::Bytes(ROBOTS_TXT.as_bytes().into()),
        );
        let mut errors: Vec<Diagnostic> = self
            .global
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        let mut warnings = 0;
        let mut clients = Vec::new();
        for (slug, state) in &self.clients {
            for f in &state.files {
                files.insert(f.path.clone(), f.contents.clone());
            }
            let client_errors = state.problems.iter().filter(|d| d.is_error()).count();
            warnings += state.problems.len() - client_errors;
            errors.extend(state.problems.iter().filter(|d| d.is_error()).cloned());
            clients.push(ClientSummary {
                slug: slug.clone(),
                folder: state.folder.clone().unwrap_or_else(|| slug.clone()),
                name: state.name.clone(),
                status: state.status,
                latest: state.latest,
                built: !state.files.is_empty(),
                errors: client_errors,
            });
        }
        Snapshot {
            version: self.version,
            files,
            clients,
            errors,
            warnings,
        }
    }
}

/// The outcome of rebuilding one client.
struct Attempt {
    name: Option<String>,
    folder: Option<String>,
    status: Option<Rag>,
    latest: Option<Date>,
    /// New output, when everything succeeded.
    files: Option<Vec<RenderedFile>>,
    problems: Vec<Diagnostic>,
}

/// Loads, checks and renders one client; `None` when its folder is gone.
fn attempt(
    root: &Path,
    config: &PortalConfig,
    renderer: &Renderer,
    slug: &str,
    today: Date,
    as_of: Option<Date>,
    earlier: &[RenderedFile],
) -> Option<Attempt> {
    let loaded = load::load_one_client(root, config, slug)?;
    let mut problems = loaded.diagnostics;
    let Some(client) = loaded.client else {
        return Some(Attempt {
            name: None,
            folder: None,
            status: None,
            latest: None,
            files: None,
            problems,
        });
    };
    problems.extend(check_client(&client, &loaded.sources, today));
    let visible = client.for_client_eyes();
    let latest = visible.latest_report();
    let mut result = Attempt {
        name: Some(client.profile.name.clone()),
        folder: Some(client.folder().to_owned()),
        status: latest.map(|r| r.meta.status),
        latest: latest.map(|r| r.meta.date),
        files: None,
        problems,
    };
    if !result.problems.iter().any(Diagnostic::is_error) {
        let sealed = |files: Vec<RenderedFile>| -> Result<Vec<RenderedFile>, Diagnostic> {
            match crate::protect::passwords(&client, Some(&loaded.sources))? {
                None => Ok(files),
                Some(passwords) => {
                    let folder = client.folder();
                    let previous = |rel: &str| {
                        let path = format!("{folder}/{rel}");
                        earlier
                            .iter()
                            .find(|f| f.path == path)
                            .and_then(|f| read(&f.contents).ok())
                            .map(|b| b.to_vec())
                    };
                    crate::protect::seal_client(folder, files, &passwords, &previous, &read)
                        .map_err(|e| {
                            Diagnostic::error(
                                crate::Code::Unreadable,
                                None,
                                format!("cannot encrypt: {e}"),
                            )
                        })
                }
            }
        };
        match renderer
            .render_client(config, &client, as_of)
            .and_then(sealed)
        {
            Ok(files) => result.files = Some(files),
            Err(d) => result.problems.push(d),
        }
    }
    Some(result)
}

/// Reads a file of the snapshot: in memory, or an attachment from the client's folder.
pub(crate) fn read(contents: &Contents) -> std::io::Result<Arc<[u8]>> {
    crate::build::read_contents(contents)
}
