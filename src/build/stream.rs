//! The portal, one client at a time: load, check, render and (for a build) write each client
//! on its own, so memory holds only the clients in flight, whatever the portfolio's size.
//! What spans clients (the output folders they claim) is checked once all have passed.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::check::{Placement, active_content, check_client, portal_rules, shared_origins};
use crate::diagnostic::{Code, Diagnostic};
use crate::error::Error;
use crate::load::{self, CLIENTS_DIR};
use crate::model::{Date, PortalConfig};
use crate::output::Staging;
use crate::progress::{Progress, Stage};
use crate::protect;
use crate::render::{Renderer, Theme};
use crate::source::Sources;

/// What every client shares: the configuration and the parsed theme.
pub(crate) struct Shared {
    pub(crate) config: PortalConfig,
    pub(crate) config_sources: Sources,
    pub(crate) theme: Theme,
    pub(crate) renderer: Renderer,
}

/// Loads `portico.yaml` and the theme; every problem with either.
pub(crate) fn shared(dir: &Path) -> Result<Shared, Vec<Diagnostic>> {
    let (config, config_sources, mut problems) = load::load_config_with_source(dir);
    let Some(config) = config else {
        return Err(problems);
    };
    problems.extend(load::clients_folder_problem(dir));
    let theme = match Theme::load(dir, &config) {
        Ok(t) => t,
        Err(theme_problems) => {
            problems.extend(theme_problems);
            return Err(problems);
        }
    };
    let logo = config.agency.logo.as_deref();
    if let Some(logo) = logo.filter(|l| !theme.statics().any(|(name, _)| name == *l)) {
        problems.push(
            config_sources
                .error_at_yaml(
                    Code::BrokenLink,
                    load::CONFIG_FILE,
                    &crate::yaml_path!["agency", "logo"],
                    format!("the agency logo \"{logo}\" is not among the theme's static files"),
                )
                .with_hint(format!(
                    "put the image at {}/static/{logo} in the portal folder",
                    crate::render::theme::OVERRIDE_DIR
                )),
        );
    }
    match Renderer::new(&theme) {
        Ok(renderer) if problems.is_empty() => Ok(Shared {
            config,
            config_sources,
            theme,
            renderer,
        }),
        Ok(_) => Err(problems),
        Err(template_problems) => {
            problems.extend(template_problems);
            Err(problems)
        }
    }
}

/// One client's outcome.
pub(crate) struct ClientResult {
    /// Folder name under `clients/`.
    pub(crate) slug: String,
    /// Its output folder, once `client.yaml` loaded.
    pub(crate) folder: Option<String>,
    /// Its `client.yaml`, for cross-client diagnostics.
    pub(crate) sources: Sources,
    /// Everything found, errors and warnings.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// (HTML pages, files) written, when it built.
    pub(crate) counts: Option<(usize, usize)>,
    /// Whether its pages are encrypted.
    pub(crate) protected: bool,
    /// The environment variables of its readers' passwords, when protected.
    pub(crate) readers: Vec<String>,
    /// Where it is served from, once `client.yaml` loaded.
    pub(crate) placement: Option<Placement>,
    /// Its draft reports a build left out, by path in the portal.
    pub(crate) drafts_left_out: Vec<String>,
    /// Whether it is `init`'s sample client.
    pub(crate) sample: bool,
}

impl ClientResult {
    pub(crate) fn failed(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Where rendered files go: nowhere (`check`), or encrypted where a client asks for it and
/// written into a build's staging folder.
pub(crate) enum Sink<'a> {
    /// Render only, to find template errors.
    Discard,
    /// Write into the staging folder; `previous` is the earlier output, for keeping the
    /// ciphertext of unchanged protected pages.
    Write {
        staging: &'a Staging,
        previous: &'a Path,
        /// Show draft reports (a `--drafts` preview) instead of leaving them out.
        drafts: bool,
    },
}

/// Loads, checks and renders one client, then hands its files to the sink. Nothing of the
/// client stays in memory afterwards.
pub(crate) fn run_client(
    dir: &Path,
    shared: &Shared,
    slug: &str,
    today: Date,
    sink: &Sink<'_>,
) -> ClientResult {
    let mut result = ClientResult {
        slug: slug.to_owned(),
        folder: None,
        sources: Sources::default(),
        diagnostics: Vec::new(),
        counts: None,
        protected: false,
        readers: Vec::new(),
        placement: None,
        drafts_left_out: Vec::new(),
        sample: false,
    };
    let Some(loaded) = load::load_one_client(dir, &shared.config, slug) else {
        return result;
    };
    result.diagnostics = loaded.diagnostics;
    if let Some(partial) = &loaded.partial {
        let more = crate::check::check_partial(partial, &loaded.sources);
        result.diagnostics.extend(more);
        result
            .diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
    let Some(mut client) = loaded.client else {
        return result;
    };
    result.folder = Some(client.folder().to_owned());
    result.protected = client.profile.access.is_some();
    result.sample = client.profile.sample;
    result.readers = protect::readers(&client)
        .into_iter()
        .map(|r| r.var)
        .collect();
    result.placement = Some(Placement {
        origin: client.origin(&shared.config),
        protected: result.protected,
    });
    let client_yaml = format!("{CLIENTS_DIR}/{slug}/client.yaml");
    if let Some(source) = loaded.sources.get(&client_yaml) {
        result.sources.register(source, 0, source.text.len());
    }
    result
        .diagnostics
        .extend(check_client(&client, &loaded.sources, today));
    result
        .diagnostics
        .extend(active_content(&client, &shared.config));
    result
        .diagnostics
        .extend(crate::check::language::client_language(
            &client,
            shared.renderer.catalogues(),
            &loaded.sources,
        ));
    result.diagnostics.extend(protect::weak_passwords(
        &client,
        &shared.config.agency.name,
        &loaded.sources,
    ));
    if result.failed() {
        return result;
    }
    // Drafts are checked like every report, but only a preview shows them.
    if let Sink::Write { drafts: false, .. } = sink {
        result.drafts_left_out = client
            .reports
            .iter()
            .filter(|r| r.meta.draft)
            .map(|r| format!("{CLIENTS_DIR}/{slug}/reports/{}.md", r.slug))
            .collect();
        client.reports.retain(|r| !r.meta.draft);
        for m in client
            .meetings
            .iter_mut()
            .filter(|m| m.minutes_draft && m.minutes_text().is_some())
        {
            result.drafts_left_out.push(format!(
                "{CLIENTS_DIR}/{slug}/meetings.yaml (minutes of {} {})",
                m.date, m.title
            ));
            *m = m.without_minutes();
        }
    }
    let invalid = |d: Diagnostic| Error::Invalid(vec![d]);
    // A protected client's lock page is rendered by `check` too, to catch template errors.
    let lock = match result.protected {
        true => shared
            .renderer
            .render_lock(&shared.config, &client)
            .map(Some)
            .map_err(invalid),
        false => Ok(None),
    };
    let rendered = lock.and_then(|lock| {
        let files = shared
            .renderer
            .render_client(&shared.config, &client, today)
            .map_err(invalid)?;
        match sink {
            Sink::Discard => Ok(files),
            Sink::Write {
                staging, previous, ..
            } => {
                let files = match (
                    protect::passwords(&client, Some(&loaded.sources)).map_err(invalid)?,
                    &lock,
                ) {
                    (Some(passwords), Some(lock)) => {
                        let earlier = previous.join(client.folder());
                        let previous = |rel: &str| std::fs::read(earlier.join(rel)).ok();
                        let protection = protect::Protection {
                            folder: client.folder(),
                            lock_page: lock,
                            passwords: &passwords,
                        };
                        protect::seal_client(&protection, files, &previous, &super::read_contents)
                            .map_err(Error::io)?
                    }
                    _ => files,
                };
                staging.write(&files)?;
                Ok(files)
            }
        }
    });
    match rendered {
        Ok(files) => {
            let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
            result.counts = Some((pages, files.len()));
        }
        Err(Error::Invalid(problems)) => result.diagnostics.extend(problems),
        Err(e) => result.diagnostics.push(Diagnostic::error(
            Code::Unreadable,
            Some(&client_yaml),
            e.to_string(),
        )),
    }
    result
}

/// Runs `slugs` in parallel and adds the rules that span clients; `other_folders` are the
/// output folders of clients not run (reused from the earlier output), by slug. Each client
/// done is one step of `stage` on `progress`.
pub(crate) fn run_all(
    dir: &Path,
    shared: &Shared,
    slugs: &[String],
    other_folders: &BTreeMap<String, String>,
    today: Date,
    sink: &Sink<'_>,
    progress: &dyn Progress,
) -> (Vec<ClientResult>, Vec<Diagnostic>) {
    let stage = match sink {
        Sink::Discard => Stage::Checking,
        Sink::Write { .. } => Stage::Building,
    };
    progress.start(stage, slugs.len());
    let results: Vec<ClientResult> = slugs
        .par_iter()
        .map(|slug| {
            let result = run_client(dir, shared, slug, today, sink);
            progress.advance();
            result
        })
        .collect();
    let mut sources = shared.config_sources.clone();
    let mut folders = other_folders.clone();
    let mut placements = BTreeMap::new();
    for r in &results {
        sources.extend(&r.sources);
        if let Some(folder) = &r.folder {
            folders.insert(r.slug.clone(), folder.clone());
        }
        if let Some(p) = &r.placement {
            placements.insert(r.slug.clone(), p.clone());
        }
    }
    // Clients not run this time (their earlier output is reused) count for the origins a
    // protected client shares; their addresses are read only when one is protected.
    if results.iter().any(|r| r.protected) {
        for slug in other_folders.keys() {
            let Some(deploy) = load::client_deploy(dir, slug) else {
                continue;
            };
            let origin = deploy
                .base_url
                .as_deref()
                .or(shared.config.base_url.as_deref())
                .and_then(crate::model::origin_of);
            placements.insert(
                slug.clone(),
                Placement {
                    origin,
                    protected: false,
                },
            );
        }
    }
    let mut diagnostics: Vec<Diagnostic> = results
        .iter()
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect();
    diagnostics.extend(portal_rules(&shared.config, &folders, &sources));
    diagnostics.extend(crate::check::language::portal_language(
        &shared.config,
        shared.renderer.catalogues(),
        &shared.config_sources,
    ));
    diagnostics.extend(crate::check::language::catalogues(
        shared.renderer.catalogues(),
    ));
    // A sample beside real clients would publish "Sample Client Ltd" with them.
    if folders.len() > 1 {
        for r in results.iter().filter(|r| r.sample) {
            let file = format!("{CLIENTS_DIR}/{}/client.yaml", r.slug);
            let d = sources.error_at_yaml(
                Code::SampleClient,
                &file,
                &crate::yaml_path!["sample"],
                format!(
                    "{} is the sample client from `portico init`, and would be published beside {} other client{}",
                    r.slug,
                    folders.len() - 1,
                    if folders.len() == 2 { "" } else { "s" }
                ),
            );
            diagnostics.push(d.warning().with_hint(format!(
                "delete {CLIENTS_DIR}/{}/ before you publish, or remove `sample: true` if it is a real client now",
                r.slug
            )));
        }
    }
    diagnostics.extend(shared_origins(&placements, &sources));
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (results, diagnostics)
}
