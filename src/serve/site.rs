//! The preview's build: the whole portal in memory, rebuilt a client at a time.
//!
//! A [`Site`] remembers, per client, the last output that built cleanly and the problems of
//! the latest attempt. A change that breaks a client keeps that client's last good pages
//! (shown under an overlay listing the errors) until a change fixes it. Each rebuild ends
//! with a new [`Snapshot`], an immutable value the HTTP side serves from.
//!
//! A rebuild that panics (a bug in portico) is contained: the clients it was rebuilding
//! keep their last good pages, an internal error says what happened, and the next change is
//! rebuilt as usual.

use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::open::{read_regular, resolve_attachment};
use super::store::Store;
use super::watch::Changes;
use crate::check::check_client;
use crate::diagnostic::Diagnostic;
use crate::load::{self, CLIENTS_DIR};
use crate::model::{Date, PortalConfig};
use crate::progress::{Progress, Stage};
use crate::render::portfolio::PortfolioRow;
use crate::render::{Contents, ROBOTS_TXT, RenderedFile, Renderer, Theme};

/// What the server answers from, replaced as a whole after each rebuild.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Increases with every rebuild; browsers reload when it changes.
    pub version: u64,
    /// Per output folder, output path (`acme/index.html`) -> where its bytes are. Each
    /// client's map is shared between snapshots until that client is rebuilt, so a rebuild
    /// costs one map.
    pub files: BTreeMap<String, Arc<HashMap<String, Served>>>,
    /// The clients, for the consultant's index page.
    pub clients: Vec<ClientSummary>,
    /// Errors of the latest rebuild; the pages shown are the last good ones.
    pub errors: Vec<Diagnostic>,
    /// Warnings of the latest rebuild.
    pub warnings: usize,
    /// What the portfolio at `/` is made of, once the configuration and theme loaded.
    pub portfolio: Option<Arc<PortfolioSource>>,
    /// The output folders of clients not built yet, with their folder names under
    /// `clients/`: a request for one builds that client first.
    pub pending: BTreeMap<String, String>,
}

/// The live portfolio: rendered at each request for it, from the latest rows.
pub struct PortfolioSource {
    /// The theme.
    pub renderer: Arc<Renderer>,
    /// `portico.yaml`.
    pub config: Arc<PortalConfig>,
    /// One row per client, each linking to its portal in the preview once built.
    pub rows: Vec<PortfolioRow>,
    /// The date the rows are judged against.
    pub as_of: Date,
}

impl std::fmt::Debug for PortfolioSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PortfolioSource")
            .field("rows", &self.rows.len())
            .field("as_of", &self.as_of)
            .finish_non_exhaustive()
    }
}

/// Where the bytes of a served file are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Served {
    /// In memory (`robots.txt`).
    Memory(Arc<[u8]>),
    /// Rendered by the preview into its private folder (pages, feeds, stylesheets, sealed
    /// attachments): the canonical path.
    Rendered(PathBuf),
    /// An attachment, as it is in the client's folder: its canonical path, checked when the
    /// client was built to lie inside that folder. Served as it is, without the live-reload
    /// script.
    Attachment(PathBuf),
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
    /// Overall status of the latest report, in words.
    pub status: Option<String>,
    /// Date of the latest report.
    pub latest: Option<Date>,
    /// Whether any page has been built for it.
    pub built: bool,
    /// Whether it waits to be built for the first time (its pages are built when first
    /// asked for, or in the background).
    pub pending: bool,
    /// Errors in its files now.
    pub errors: usize,
}

#[derive(Debug, Default)]
struct ClientState {
    /// Not attempted yet since the preview started.
    pending: bool,
    name: Option<String>,
    folder: Option<String>,
    status: Option<String>,
    latest: Option<Date>,
    /// The last output that built cleanly, as files in the private store.
    files: Vec<RenderedFile>,
    /// The same, by path, for serving.
    served: Arc<HashMap<String, Served>>,
    /// The store folders of the current and the previous output (kept for requests in
    /// flight while the new one is swapped in).
    store_dirs: Vec<PathBuf>,
    /// Problems of the latest attempt.
    problems: Vec<Diagnostic>,
    /// The client's line in the portfolio, from the latest attempt.
    row: Option<Arc<PortfolioRow>>,
}

/// The preview build of one portal. Pages are written to a private folder (never to
/// `public/`) and served from there, so memory stays small whatever the portfolio's size.
pub struct Site {
    root: PathBuf,
    store: Arc<Store>,
    /// Set when the preview is stopping: rebuilds skip the clients they have not started.
    stopping: Arc<AtomicBool>,
    /// Called before each rebuild; see [`super::ServeOptions::before_rebuild`].
    before_rebuild: Option<fn(&Changes)>,
    as_of: Option<Date>,
    config: Option<Arc<PortalConfig>>,
    renderer: Option<Arc<Renderer>>,
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
    /// A site for the portal at `root`, not built yet; creates its private folder. Once
    /// `stopping` is set, rebuilds skip the clients they have not started.
    pub fn new(
        root: &Path,
        as_of: Option<Date>,
        stopping: Arc<AtomicBool>,
    ) -> std::io::Result<Site> {
        Ok(Site {
            root: root.to_path_buf(),
            store: Arc::new(Store::create()?),
            stopping,
            before_rebuild: None,
            as_of,
            config: None,
            renderer: None,
            global: Vec::new(),
            clients: BTreeMap::new(),
            version: 0,
        })
    }

    /// Calls `hook` before each later rebuild (tests make it panic).
    pub(crate) fn set_before_rebuild(&mut self, hook: Option<fn(&Changes)>) {
        self.before_rebuild = hook;
    }

    /// Removes the private folder; nothing is built after this.
    pub(crate) fn close(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.store.close();
    }

    /// Whether [`Site::close`] has been called.
    pub(crate) fn is_closed(&self) -> bool {
        self.store.is_closed()
    }

    /// Rebuilds what `changes` calls for. A panic in the rebuild is caught: the pages it
    /// was rebuilding stay as they were, under an internal error.
    pub fn rebuild(&mut self, changes: &Changes) -> Rebuilt {
        self.rebuild_with(changes, &crate::progress::Silent)
    }

    /// [`Site::rebuild`], telling `progress` of each client built.
    pub fn rebuild_with(&mut self, changes: &Changes, progress: &dyn Progress) -> Rebuilt {
        let started = Instant::now();
        let everything = changes.everything || self.config.is_none();
        let scope = if everything {
            "everything".to_owned()
        } else {
            changes
                .clients
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        };
        let hook = self.before_rebuild;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            if let Some(hook) = hook {
                hook(changes);
            }
            if everything {
                self.rebuild_everything(progress)
            } else {
                let slugs: Vec<String> = changes.clients.iter().cloned().collect();
                self.rebuild_clients(&slugs, progress)
            }
        }));
        let problems = match outcome {
            Ok(problems) => problems,
            Err(panic) => {
                let internal = internal_error(&scope, panic.as_ref());
                if everything {
                    self.global = vec![internal.clone()];
                } else {
                    // Each client keeps its last good pages and shows the error until a
                    // rebuild of it succeeds.
                    for slug in &changes.clients {
                        let state = self.clients.entry(slug.clone()).or_default();
                        state.problems = vec![internal.clone()];
                    }
                }
                vec![internal]
            }
        };
        progress.finish();
        self.version += 1;
        Rebuilt {
            scope,
            elapsed: started.elapsed(),
            problems,
        }
    }

    /// Starts the preview without building any client: loads `portico.yaml` and the theme
    /// and lists the clients, each waiting to be built in the background. Everything that
    /// fails here fails as in a full rebuild.
    pub fn prepare(&mut self) -> Rebuilt {
        let started = Instant::now();
        let problems = self.load_shared();
        if problems.iter().any(Diagnostic::is_error) || self.config.is_none() {
            self.version += 1;
            return Rebuilt {
                scope: "everything".to_owned(),
                elapsed: started.elapsed(),
                problems,
            };
        }
        for slug in load::client_slugs(&self.root) {
            let folder = load::client_deploy(&self.root, &slug)
                .and_then(|d| d.folder)
                .unwrap_or_else(|| slug.clone());
            self.clients.insert(
                slug,
                ClientState {
                    pending: true,
                    folder: Some(folder),
                    ..Default::default()
                },
            );
        }
        self.version += 1;
        Rebuilt {
            scope: "everything".to_owned(),
            elapsed: started.elapsed(),
            problems,
        }
    }

    /// The clients still waiting to be built, in order.
    pub fn pending(&self) -> Vec<String> {
        self.clients
            .iter()
            .filter(|(_, s)| s.pending)
            .map(|(slug, _)| slug.clone())
            .collect()
    }

    /// Those of `slugs` still waiting for their first build, ready to be built without
    /// the site's lock (so a rebuild after a change never waits for them); `None` when
    /// none is waiting. [`Site::finish_first_builds`] takes the outcome.
    pub(crate) fn first_builds(&self, slugs: &[String]) -> Option<FirstBuilds> {
        let waiting: Vec<String> = slugs
            .iter()
            .filter(|s| self.clients.get(*s).is_some_and(|c| c.pending))
            .cloned()
            .collect();
        if waiting.is_empty() {
            return None;
        }
        Some(FirstBuilds {
            run: self.run()?,
            slugs: waiting,
            stopping: Arc::clone(&self.stopping),
        })
    }

    /// Takes in first builds. Unlike a rebuild it changes nothing already shown, so open
    /// pages are not told to reload. A client rebuilt after a change while its first build
    /// ran keeps the rebuild's pages: the first build read older files.
    pub(crate) fn finish_first_builds(&mut self, built: BuiltFirst) -> Vec<Diagnostic> {
        match built.outcome {
            Ok(attempts) => {
                let (current, stale): (Vec<_>, Vec<_>) = attempts
                    .into_iter()
                    .partition(|(slug, _)| self.clients.get(slug).is_some_and(|c| c.pending));
                for (_, attempt) in stale {
                    if let Some((_, dir)) = attempt.and_then(|a| a.files) {
                        let _ = std::fs::remove_dir_all(dir);
                    }
                }
                self.take_attempts(current)
            }
            Err(internal) => {
                for slug in &built.slugs {
                    if let Some(state) = self.clients.get_mut(slug).filter(|c| c.pending) {
                        state.pending = false;
                        state.problems = vec![internal.clone()];
                    }
                }
                vec![internal]
            }
        }
    }

    /// Loads `portico.yaml` and the theme; their problems.
    fn load_shared(&mut self) -> Vec<Diagnostic> {
        self.global.clear();
        let (config, mut problems) = load::load_config_only(&self.root);
        if let Some(config) = &config {
            match Theme::load(&self.root, config).and_then(|theme| Renderer::new(&theme)) {
                Ok(renderer) => self.renderer = Some(Arc::new(renderer)),
                Err(theme_problems) => problems.extend(theme_problems),
            }
        }
        if !problems.is_empty() {
            self.global = problems.clone();
            return problems;
        }
        self.config = config.map(Arc::new);
        if !self.root.join(CLIENTS_DIR).is_dir() {
            let d = Diagnostic::error(
                crate::Code::NoClientsFolder,
                None,
                "the portal has no clients/ folder",
            );
            self.global.push(d.clone());
            problems.push(d);
        }
        problems
    }

    fn rebuild_everything(&mut self, progress: &dyn Progress) -> Vec<Diagnostic> {
        self.global.clear();
        let (config, mut problems) = load::load_config_only(&self.root);
        if let Some(config) = &config {
            match Theme::load(&self.root, config).and_then(|theme| Renderer::new(&theme)) {
                Ok(renderer) => self.renderer = Some(Arc::new(renderer)),
                Err(theme_problems) => problems.extend(theme_problems),
            }
        }
        if !problems.is_empty() {
            // Without a configuration or a theme nothing can be rendered: keep the last
            // good pages of every client.
            self.global = problems.clone();
            return problems;
        }
        self.config = config.map(Arc::new);
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
        problems.extend(self.rebuild_clients(&slugs, progress));
        problems
    }

    /// What building a client needs from the site; `None` until the configuration and
    /// the theme have loaded.
    fn run(&self) -> Option<Run> {
        let (Some(config), Some(renderer)) = (&self.config, &self.renderer) else {
            return None;
        };
        // The preview has no way to stop on a malformed SOURCE_DATE_EPOCH (build and check
        // do); it states facts as of the machine's date instead.
        let today = crate::build::resolve_as_of(self.as_of, config)
            .unwrap_or_else(|_| crate::build::today());
        Some(Run {
            root: self.root.clone(),
            config: Arc::clone(config),
            renderer: Arc::clone(renderer),
            today,
            store: Arc::clone(&self.store),
            canonical_root: self
                .root
                .canonicalize()
                .unwrap_or_else(|_| self.root.clone()),
        })
    }

    fn rebuild_clients(&mut self, slugs: &[String], progress: &dyn Progress) -> Vec<Diagnostic> {
        let Some(run) = self.run() else {
            return Vec::new();
        };
        let states = &self.clients;
        let stopping = &self.stopping;
        progress.start(Stage::Building, slugs.len());
        let results: Vec<(String, Option<Attempt>)> = slugs
            .par_iter()
            // Stopping: the rest would be thrown away with the private folder.
            .filter(|_| !stopping.load(Ordering::Relaxed))
            .map(|slug| {
                let earlier = states.get(slug).map_or(&[][..], |s| s.files.as_slice());
                let attempt = run.attempt(slug, earlier);
                progress.advance();
                (slug.clone(), attempt)
            })
            .collect();
        self.take_attempts(results)
    }

    /// Keeps what each attempt built; `None` removes a client whose folder is gone.
    fn take_attempts(&mut self, results: Vec<(String, Option<Attempt>)>) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (slug, result) in results {
            let Some(attempt) = result else {
                self.clients.remove(&slug);
                continue;
            };
            let state = self.clients.entry(slug).or_default();
            state.pending = false;
            problems.extend(attempt.problems.iter().cloned());
            state.problems = attempt.problems;
            state.row = attempt.row.map(Arc::new);
            if let Some(name) = attempt.name {
                state.name = Some(name);
                state.folder = attempt.folder;
                state.status = attempt.status.clone();
                state.latest = attempt.latest;
            }
            if let Some((files, dir)) = attempt.files {
                state.served = Arc::new(
                    files
                        .iter()
                        .map(|f| (f.path.clone(), self.store.served(&f.contents)))
                        .collect(),
                );
                state.files = files;
                state.store_dirs.push(dir);
                while state.store_dirs.len() > 2 {
                    let stale = state.store_dirs.remove(0);
                    let _ = std::fs::remove_dir_all(stale);
                }
            }
        }
        problems
    }

    /// The current state, for serving.
    pub fn snapshot(&self) -> Snapshot {
        let mut files = BTreeMap::new();
        let robots: HashMap<String, Served> = HashMap::from([(
            "robots.txt".to_owned(),
            Served::Memory(ROBOTS_TXT.as_bytes().into()),
        )]);
        files.insert(String::new(), Arc::new(robots));
        let mut errors: Vec<Diagnostic> = self
            .global
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        let mut warnings = 0;
        let mut clients = Vec::new();
        let mut pending = BTreeMap::new();
        for (slug, state) in &self.clients {
            let folder = state.folder.clone().unwrap_or_else(|| slug.clone());
            if state.pending {
                pending.insert(folder.clone(), slug.clone());
            }
            if !state.files.is_empty() {
                files.insert(folder.clone(), state.served.clone());
            }
            let client_errors = state.problems.iter().filter(|d| d.is_error()).count();
            warnings += state.problems.len() - client_errors;
            errors.extend(state.problems.iter().filter(|d| d.is_error()).cloned());
            clients.push(ClientSummary {
                slug: slug.clone(),
                folder,
                name: state.name.clone(),
                status: state.status.clone(),
                latest: state.latest,
                built: !state.files.is_empty(),
                pending: state.pending,
                errors: client_errors,
            });
        }
        let portfolio = match (&self.config, &self.renderer) {
            (Some(config), Some(renderer)) => {
                let rows = self
                    .clients
                    .iter()
                    .filter_map(|(slug, state)| {
                        if state.pending {
                            let folder = state.folder.as_deref().unwrap_or(slug);
                            return Some(PortfolioRow::pending(slug, format!("/{folder}/")));
                        }
                        let mut row = PortfolioRow::clone(state.row.as_ref()?);
                        if !state.files.is_empty() {
                            let folder = state.folder.as_deref().unwrap_or(slug);
                            row.href = Some(format!("/{folder}/"));
                        }
                        Some(row)
                    })
                    .collect();
                Some(Arc::new(PortfolioSource {
                    renderer: renderer.clone(),
                    config: Arc::clone(config),
                    rows,
                    as_of: crate::build::resolve_as_of(self.as_of, config)
                        .unwrap_or_else(|_| crate::build::today()),
                }))
            }
            _ => None,
        };
        Snapshot {
            version: self.version,
            files,
            clients,
            errors,
            warnings,
            portfolio,
            pending,
        }
    }
}

impl Snapshot {
    /// The client (folder name under `clients/`) whose output folder an output path is in,
    /// when that client waits for its first build.
    pub fn pending_client(&self, path: &str) -> Option<&str> {
        let folder = path.split_once('/').map_or(path, |(first, _)| first);
        self.pending.get(folder).map(String::as_str)
    }

    /// Where the file at an output path is, if there is one.
    pub fn get(&self, path: &str) -> Option<&Served> {
        let folder = path.split_once('/').map_or("", |(first, _)| first);
        self.files.get(folder)?.get(path)
    }
}

/// The outcome of rebuilding one client.
struct Attempt {
    name: Option<String>,
    folder: Option<String>,
    status: Option<String>,
    latest: Option<Date>,
    /// New output, when everything succeeded, and the store folder holding it.
    files: Option<(Vec<RenderedFile>, PathBuf)>,
    problems: Vec<Diagnostic>,
    /// The client's line in the portfolio, internal items included.
    row: Option<PortfolioRow>,
}

/// What every attempt in one rebuild shares; owned, so that first builds run without
/// the site's lock.
struct Run {
    root: PathBuf,
    config: Arc<PortalConfig>,
    renderer: Arc<Renderer>,
    today: Date,
    store: Arc<Store>,
    /// The portal folder with every link resolved.
    canonical_root: PathBuf,
}

/// First builds of clients, taken out of the [`Site`] by [`Site::first_builds`].
pub(crate) struct FirstBuilds {
    run: Run,
    slugs: Vec<String>,
    stopping: Arc<AtomicBool>,
}

/// The outcome of [`FirstBuilds::build`], for [`Site::finish_first_builds`].
pub(crate) struct BuiltFirst {
    slugs: Vec<String>,
    /// Each client's attempt, or the internal error of a build that panicked.
    outcome: Result<Vec<(String, Option<Attempt>)>, Diagnostic>,
}

impl FirstBuilds {
    /// Builds the clients, in parallel on the calling thread's pool; a panic is caught.
    pub(crate) fn build(self) -> BuiltFirst {
        let FirstBuilds {
            run,
            slugs,
            stopping,
        } = self;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            slugs
                .par_iter()
                .filter(|_| !stopping.load(Ordering::Relaxed))
                .map(|slug| (slug.clone(), run.attempt(slug, &[])))
                .collect()
        }))
        .map_err(|panic| internal_error(&slugs.join(", "), panic.as_ref()));
        BuiltFirst { slugs, outcome }
    }
}

impl Run {
    /// Loads, checks, renders and stores one client; `None` when its folder is gone.
    fn attempt(&self, slug: &str, earlier: &[RenderedFile]) -> Option<Attempt> {
        let (root, config, renderer, today, store) = (
            self.root.as_path(),
            self.config.as_ref(),
            self.renderer.as_ref(),
            self.today,
            self.store.as_ref(),
        );
        let loaded = load::load_one_client(root, config, slug)?;
        let mut problems = loaded.diagnostics;
        let Some(client) = loaded.client else {
            let row = PortfolioRow::unloaded(slug, &problems);
            return Some(Attempt {
                name: None,
                folder: None,
                status: None,
                latest: None,
                files: None,
                problems,
                row: Some(row),
            });
        };
        problems.extend(check_client(&client, &loaded.sources, today));
        problems.extend(crate::check::active_content(&client, config));
        problems.extend(crate::protect::weak_passwords(
            &client,
            &config.agency.name,
            &loaded.sources,
        ));
        let row = PortfolioRow::new(&client, config, today, &problems, None);
        let visible = client.for_client_eyes();
        let latest = visible.latest_report(today);
        let mut result = Attempt {
            name: Some(client.profile.name.clone()),
            folder: Some(client.folder().to_owned()),
            status: latest.map(|r| {
                client
                    .ratings
                    .meaning(&r.meta.status)
                    .map_or_else(|| r.meta.status.as_str().to_owned(), |m| m.label)
            }),
            latest: latest.map(|r| r.meta.date),
            files: None,
            problems,
            row: None,
        };
        if !result.problems.iter().any(Diagnostic::is_error) {
            // Attachments are served from the client's folder at request time: pin each to
            // its real path now, while the loader's verdict on it still holds.
            let client_dir = self.canonical_root.join(CLIENTS_DIR).join(slug);
            let pinned = |files| pin_attachments(files, root, &client_dir);
            let sealed = |files: Vec<RenderedFile>| -> Result<Vec<RenderedFile>, Diagnostic> {
                match crate::protect::passwords(&client, Some(&loaded.sources))? {
                    None => Ok(files),
                    Some(passwords) => {
                        let lock = renderer.render_lock(config, &client)?;
                        let folder = client.folder();
                        let previous = |rel: &str| {
                            let path = format!("{folder}/{rel}");
                            earlier
                                .iter()
                                .find(|f| f.path == path)
                                .and_then(|f| read(&f.contents).ok())
                                .map(|b| b.to_vec())
                        };
                        let protection = crate::protect::Protection {
                            folder,
                            lock_page: &lock,
                            passwords: &passwords,
                        };
                        crate::protect::seal_client(&protection, files, &previous, &read).map_err(
                            |e| {
                                Diagnostic::error(
                                    crate::Code::Unreadable,
                                    None,
                                    format!("cannot encrypt: {e}"),
                                )
                            },
                        )
                    }
                }
            };
            let kept = |files: Vec<RenderedFile>| {
                store.keep(files).map_err(|e| {
                    Diagnostic::error(
                        crate::Code::Unreadable,
                        None,
                        format!("cannot write the preview: {e}"),
                    )
                })
            };
            match renderer
                .render_client(config, &client, today)
                .and_then(pinned)
                .and_then(sealed)
                .and_then(kept)
            {
                Ok(files) => result.files = Some(files),
                Err(d) => result.problems.push(d),
            }
        }
        result.row = Some(row.recounted(&result.problems));
        Some(result)
    }
}

/// Replaces each attachment's path with its canonical one, refusing any that no longer
/// resolves to a regular file inside `client_dir` (the portal may change under the build).
fn pin_attachments(
    files: Vec<RenderedFile>,
    root: &Path,
    client_dir: &Path,
) -> Result<Vec<RenderedFile>, Diagnostic> {
    files
        .into_iter()
        .map(|file| {
            let Contents::Copy(path) = &file.contents else {
                return Ok(file);
            };
            match resolve_attachment(path, client_dir) {
                Ok(real) => Ok(RenderedFile {
                    path: file.path,
                    contents: Contents::Copy(real),
                }),
                Err(why) => {
                    let rel = path.strip_prefix(root).unwrap_or(path);
                    let rel: Vec<_> = rel.iter().map(|c| c.to_string_lossy()).collect();
                    Err(
                        Diagnostic::error(crate::Code::Symlink, Some(&rel.join("/")), why)
                            .with_hint(
                                "attachments must be regular files inside the client's own folder",
                            ),
                    )
                }
            }
        })
        .collect()
}

/// Reads a file of an attempt: in memory, or from its canonical path without following any
/// link (an attachment being sealed, or a page of the previous output).
fn read(contents: &Contents) -> std::io::Result<Arc<[u8]>> {
    match contents {
        Contents::Bytes(bytes) => Ok(bytes.clone()),
        Contents::Copy(path) => read_regular(path).map(Arc::from),
    }
}

/// The error shown for a rebuild that panicked.
fn internal_error(scope: &str, panic: &(dyn std::any::Any + Send)) -> Diagnostic {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    Diagnostic::error(
        crate::Code::Internal,
        None,
        format!("internal error while rebuilding {scope}: {what}"),
    )
    .with_hint(
        "this is a bug in portico, please report it with the change that set it off; \
         the preview keeps the last good pages and rebuilds on the next change",
    )
}
