//! The pipeline: load -> check -> render -> write, with nothing written unless all is well.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

mod manifest;
mod shard;
mod stream;

pub use manifest::STATE_DIR;
pub use shard::Shard;

use std::collections::BTreeMap;

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::load::load_portal;
use crate::model::{Date, Portal};
use crate::output::Output;
use crate::progress::{Progress, Silent, Stage};
use crate::render::{Contents, ROBOTS_TXT, RenderedFile, Renderer, Theme};
use manifest::{ClientEntry, Manifest, StateDir};

/// The default output folder, inside the portal folder.
pub const DEFAULT_OUT: &str = "public";

/// A portal that loaded and passed every check, with its theme parsed.
pub struct Validated {
    /// The portal.
    pub portal: Portal,
    /// The theme, ready to render.
    pub renderer: Renderer,
    /// Warnings found on the way (errors would have stopped it).
    pub warnings: Vec<Diagnostic>,
    /// The files read, for pointing later diagnostics into them.
    pub sources: crate::source::Sources,
}

/// Loads and checks the portal at `dir`, and parses its theme. Practice warnings are
/// judged as of `as_of`, else the portal's `as_of`, else today.
pub fn validate(dir: &Path, as_of: Option<Date>) -> Result<Validated, Error> {
    let loaded = load_portal(dir);
    let mut diagnostics = loaded.diagnostics;
    let mut renderer = None;
    if let Some(portal) = &loaded.portal {
        let today = resolve_as_of(as_of, &portal.config)?;
        diagnostics.extend(check::check(portal, &loaded.sources, today));
        for partial in &loaded.partial {
            diagnostics.extend(check::check_partial(partial, &loaded.sources));
        }
        match Theme::load(dir, &portal.config).and_then(|theme| Renderer::new(&theme)) {
            Ok(r) => {
                let catalogues = r.catalogues();
                diagnostics.extend(check::language::portal_language(
                    &portal.config,
                    catalogues,
                    &loaded.sources,
                ));
                for client in &portal.clients {
                    diagnostics.extend(check::language::client_language(
                        client,
                        catalogues,
                        &loaded.sources,
                    ));
                }
                diagnostics.extend(check::language::catalogues(catalogues));
                renderer = Some(r);
            }
            Err(problems) => diagnostics.extend(problems),
        }
    }
    match (loaded.portal, renderer) {
        (Some(portal), Some(renderer)) if !diagnostics.iter().any(Diagnostic::is_error) => {
            Ok(Validated {
                portal,
                renderer,
                warnings: diagnostics,
                sources: loaded.sources,
            })
        }
        _ => Err(Error::Invalid(diagnostics)),
    }
}

/// Like [`validate`], but when `only` names clients, problems in other clients' files do
/// not count, and an unknown name is an error naming the closest client.
pub fn validate_for(dir: &Path, as_of: Option<Date>, only: &[String]) -> Result<Validated, Error> {
    if only.is_empty() {
        return validate(dir, as_of);
    }
    let known = crate::load::client_slugs(dir);
    if let Some(unknown) = only.iter().find(|s| !known.contains(s)) {
        let closest = crate::diagnostic::did_you_mean(unknown, known.iter().map(String::as_str))
            .map(str::to_owned);
        return Err(Error::UnknownClient {
            slug: unknown.clone(),
            closest,
            known,
        });
    }
    let relevant = |d: &Diagnostic| concerns(d, only);
    match validate(dir, as_of) {
        Ok(mut v) => {
            v.warnings.retain(relevant);
            Ok(v)
        }
        Err(Error::Invalid(all)) => {
            let kept: Vec<Diagnostic> = all.into_iter().filter(relevant).collect();
            if kept.iter().any(Diagnostic::is_error) {
                return Err(Error::Invalid(kept));
            }
            // Every error is in another client's files, and those clients are left out.
            let loaded = load_portal(dir);
            let sources = loaded.sources;
            let portal = loaded.portal.ok_or_else(|| Error::Invalid(kept.clone()))?;
            let renderer = Theme::load(dir, &portal.config)
                .and_then(|t| Renderer::new(&t))
                .map_err(Error::Invalid)?;
            Ok(Validated {
                portal,
                renderer,
                warnings: kept,
                sources,
            })
        }
        Err(e) => Err(e),
    }
}

/// Whether a diagnostic matters to the clients `only` names: it is in one of their
/// folders, or outside every client's (the configuration, the theme).
pub fn concerns(d: &Diagnostic, only: &[String]) -> bool {
    match d.file.as_deref().and_then(|f| f.strip_prefix("clients/")) {
        Some(rest) => only
            .iter()
            .any(|slug| rest.split('/').next() == Some(slug.as_str())),
        None => true,
    }
}

/// `Ok` when every slug in `wanted` is a client of the portal at `dir`; else the first
/// unknown one, with the closest known name.
pub fn known_clients(dir: &Path, wanted: &[String]) -> Result<(), Error> {
    if wanted.is_empty() {
        return Ok(());
    }
    let known = crate::load::client_slugs(dir);
    match wanted.iter().find(|s| !known.contains(s)) {
        None => Ok(()),
        Some(unknown) => {
            let closest =
                crate::diagnostic::did_you_mean(unknown, known.iter().map(String::as_str))
                    .map(str::to_owned);
            Err(Error::UnknownClient {
                slug: unknown.clone(),
                closest,
                known,
            })
        }
    }
}

/// What `portico share` prints: a link that opens a protected client's built portal
/// directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareLink {
    /// The client's address (from `base_url`) with the content key in the fragment.
    Full(String),
    /// Only the fragment (`#key=...`): the portal's address is not known, and a link to a
    /// file on this machine would open for no one else.
    Fragment {
        /// `#key=...`.
        fragment: String,
        /// The client's output folder, which is the last part of its address when the
        /// output is published as it is.
        folder: String,
    },
}

/// A link that opens a protected client's built portal directly: its address with the
/// content key in the fragment, found with the first password that opens the built
/// portal; only the fragment when the address is not known.
pub fn share_link(portal: &Path, out: &Path, slug: &str) -> Result<ShareLink, Error> {
    let v = validate_for(portal, None, &[slug.to_owned()])?;
    let Some(client) = v.portal.clients.iter().find(|c| c.slug == slug) else {
        return Err(Error::UnknownClient {
            slug: slug.to_owned(),
            closest: None,
            known: Vec::new(),
        });
    };
    let passwords = crate::protect::passwords(client, Some(&v.sources))
        .map_err(|d| Error::Invalid(vec![d]))?
        .ok_or_else(|| {
            Error::Serve(format!(
                "{slug} is not password-protected: its portal needs no link"
            ))
        })?;
    let page_path = out.join(client.folder()).join("index.html");
    let page = fs_err::read_to_string(&page_path).map_err(Error::io)?;
    let key = passwords
        .iter()
        .find_map(|p| crate::protect::share_key(&page, p))
        .ok_or_else(|| {
            Error::Serve(format!(
                "the passwords do not open {}; build again first",
                page_path.display()
            ))
        })?;
    let fragment = format!("#key={key}");
    Ok(match client.base_url(&v.portal.config) {
        Some(address) => ShareLink::Full(format!("{address}{fragment}")),
        None => ShareLink::Fragment {
            fragment,
            folder: client.folder().to_owned(),
        },
    })
}

/// Why `out` cannot be the output of the portal at `portal`, if it cannot: inside a folder
/// the build reads (the next build would publish every client inside one client's
/// `files/`, or load the output as a theme), or holding the portal itself.
fn output_among_inputs(portal: &Path, out: &Path) -> Option<String> {
    let portal = portal.canonicalize().ok()?;
    let out = resolved(out)?;
    if portal.starts_with(&out) {
        return Some(
            "it holds the portal folder itself; build into a folder of its own, e.g. public".into(),
        );
    }
    let read = [
        crate::load::CLIENTS_DIR,
        crate::render::theme::OVERRIDE_DIR,
        crate::render::theme::THEMES_DIR,
    ];
    read.iter()
        .find(|folder| out.starts_with(portal.join(folder)))
        .map(|folder| {
            format!(
                "it is inside the portal's {folder}/ folder, which the build reads; build into a folder of its own, e.g. public"
            )
        })
}

/// `path` made absolute through its nearest existing ancestor: the output may not exist
/// yet. `None` when a component cannot be named (`..` above the root).
fn resolved(path: &Path) -> Option<PathBuf> {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    let found = loop {
        match existing.canonicalize() {
            Ok(p) => break p,
            Err(_) => {
                rest.push(existing.file_name()?.to_owned());
                existing = match existing.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
            }
        }
    };
    Some(rest.iter().rev().fold(found, |p, part| p.join(part)))
}

/// Whether two paths name the same folder, whether or not it exists yet (`public` and
/// `./public` before the first build).
fn same_folder(a: &Path, b: &Path) -> bool {
    match (resolved(a), resolved(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}

/// `portico.yaml` and the parsed theme, for the portfolio: every problem with either.
pub(crate) fn shared_for_portfolio(dir: &Path) -> Result<stream::Shared, Error> {
    stream::shared(dir).map_err(Error::Invalid)
}

/// The bytes of a rendered file, from memory or from the attachment on disk.
pub(crate) fn read_contents(contents: &Contents) -> std::io::Result<std::sync::Arc<[u8]>> {
    match contents {
        Contents::Bytes(bytes) => Ok(bytes.clone()),
        Contents::Copy(path) => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut crate::load::open_copied(path)?, &mut bytes)?;
            Ok(std::sync::Arc::from(bytes))
        }
    }
}

/// The machine's local date, for what scaffolding writes (a new report's date).
pub(crate) fn today() -> Date {
    Date::from(chrono::Local::now().date_naive())
}

/// The day a build states its facts as of, when nothing pins it: the UTC day of
/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention, seconds since 1970), else the
/// machine's local date. A malformed `SOURCE_DATE_EPOCH` is an error rather than a silent
/// fall back to the clock: whoever set it wanted the same bytes on every run.
pub fn build_date() -> Result<Date, Error> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => date_of_epoch(&value).ok_or(Error::SourceDateEpoch(value)),
        Err(_) => Ok(today()),
    }
}

/// The UTC day of a count of seconds since 1970-01-01, as `SOURCE_DATE_EPOCH` holds it.
fn date_of_epoch(value: &str) -> Option<Date> {
    let seconds: i64 = value.trim().parse().ok()?;
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| Date::from(t.date_naive()))
}

/// The date every page states its facts as of (what is overdue, what comes next): `--as-of`,
/// else `as_of:` in `portico.yaml`, else the build date ([`build_date`]).
pub fn resolve_as_of(
    flag: Option<Date>,
    config: &crate::model::PortalConfig,
) -> Result<Date, Error> {
    match flag.or(config.as_of) {
        Some(date) => Ok(date),
        None => build_date(),
    }
}

/// Validates the portal and renders every page, writing nothing: catches errors that only
/// show when a template meets the data. Clients are checked one at a time.
pub fn check_portal(dir: &Path, as_of: Option<Date>) -> Result<Vec<Diagnostic>, Error> {
    check_portal_with(dir, as_of, &Silent)
}

/// [`check_portal`], telling `progress` of each client checked.
pub fn check_portal_with(
    dir: &Path,
    as_of: Option<Date>,
    progress: &dyn Progress,
) -> Result<Vec<Diagnostic>, Error> {
    let _finish = Finish(progress);
    let shared = stream::shared(dir).map_err(Error::Invalid)?;
    let today = resolve_as_of(as_of, &shared.config)?;
    let slugs = crate::load::client_slugs(dir);
    let (_, diagnostics) = stream::run_all(
        dir,
        &shared,
        &slugs,
        &BTreeMap::new(),
        today,
        &stream::Sink::Discard,
        progress,
    );
    if diagnostics.iter().any(Diagnostic::is_error) {
        Err(Error::Invalid(diagnostics))
    } else {
        Ok(diagnostics)
    }
}

/// What `build` should do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The portal folder.
    pub portal: PathBuf,
    /// Where to write; `<portal>/public` by default.
    pub out: Option<PathBuf>,
    /// The date pages state their facts as of; by default `as_of:` in `portico.yaml`, else
    /// the build date (see [`resolve_as_of`]).
    pub as_of: Option<Date>,
    /// Build only these clients (by folder name under `clients/`), keeping the others'
    /// existing output; every client when empty.
    pub clients: Vec<String>,
    /// Include draft reports, under a banner: a preview for the client's sign-off, which
    /// must go to an output of its own (`out`), never the one that is deployed.
    pub drafts: bool,
    /// Build only the clients of this shard: the output holds those clients alone (and
    /// the files at its root), so the outputs of all N shards together are a full build.
    pub shard: Option<Shard>,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The output folder.
    pub out: PathBuf,
    /// Slugs of the clients built.
    pub clients: Vec<String>,
    /// Clients whose inputs had not changed since the last build: their earlier output is
    /// kept as it was.
    pub unchanged: usize,
    /// Clients left out by `--client` whose earlier output is kept.
    pub not_selected: usize,
    /// Clients the earlier output had that are gone from the portal, so from the output.
    pub removed: usize,
    /// HTML pages written.
    pub pages: usize,
    /// HTML pages in the whole output, kept ones included; `None` when the build state
    /// of a kept client does not record its count (it was written by an older portico).
    pub pages_in_output: Option<usize>,
    /// Files written in all.
    pub files: usize,
    /// Warnings about the portal's content.
    pub warnings: Vec<Diagnostic>,
    /// Folders the build could not remove (a previous output, an interrupted build's): the
    /// output is complete and correct, these only take space.
    pub leftovers: Vec<crate::output::Leftover>,
    /// Draft reports left out of the output (`draft: true`), by path in the portal.
    pub drafts_left_out: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
}

/// Builds every client's portal into the output folder, or changes nothing.
///
/// Clients stream through load, check, render and write one at a time per thread. A client
/// whose inputs are unchanged since the previous build (per the build state kept in the
/// portal's `.portico/`) keeps its previous files, hard-linked into the new output; when no
/// client changed, nothing is written at all. Killed at any instant, the build leaves the
/// output either as it was or complete (see [`crate::output`]).
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    build_with(options, &Silent)
}

/// [`build`], telling `progress` of each client read and built.
pub fn build_with(options: &BuildOptions, progress: &dyn Progress) -> Result<BuildReport, Error> {
    let _finish = Finish(progress);
    let started = Instant::now();
    let dir = &options.portal;
    let shared = stream::shared(dir).map_err(Error::Invalid)?;
    let today = resolve_as_of(options.as_of, &shared.config)?;
    let all_slugs = crate::load::client_slugs(dir);
    if let Some(unknown) = options.clients.iter().find(|s| !all_slugs.contains(s)) {
        let closest =
            crate::diagnostic::did_you_mean(unknown, all_slugs.iter().map(String::as_str))
                .map(str::to_owned);
        return Err(Error::UnknownClient {
            slug: unknown.clone(),
            closest,
            known: all_slugs,
        });
    }
    // A shard's output holds its own clients only; the others are some other shard's.
    let (slugs, elsewhere): (Vec<String>, Vec<String>) = all_slugs
        .into_iter()
        .partition(|slug| options.shard.is_none_or(|shard| shard.contains(slug)));
    let out = options.out.clone().unwrap_or_else(|| dir.join(DEFAULT_OUT));
    if options.drafts && (options.out.is_none() || same_folder(&out, &dir.join(DEFAULT_OUT))) {
        return Err(Error::DraftsIntoPublicOutput(out));
    }
    if let Some(why) = output_among_inputs(dir, &out) {
        return Err(Error::ForeignOutput { path: out, why });
    }
    // The internal portfolio must never be deployed with the portals.
    crate::portfolio::refuse_portfolio_in(&out)?;
    // Locks the output against other builds, puts back a previous output an interrupted
    // swap left aside, and sweeps what interrupted builds left beside it.
    let output = Output::open(&out)?;
    let state = StateDir::new(dir, &out);
    let previous = state.read().unwrap_or_default();
    let shared_hash = manifest::shared_hash(dir, &shared.theme, today, options.drafts);
    progress.start(Stage::Reading, slugs.len());
    let hashes: BTreeMap<String, Option<String>> = slugs
        .par_iter()
        .map(|slug| {
            let hash = manifest::client_hash(dir, slug, &shared_hash);
            progress.advance();
            (slug.clone(), hash)
        })
        .collect();

    // The key the protected clients' seals were made with: one PBKDF2 for them all, and
    // only when a protected client could be kept.
    let previous_key = std::cell::OnceCell::new();
    let previous_key = || {
        previous_key.get_or_init(|| {
            crate::protect::StateKey::derive(&previous.readers(), previous.seal_salt.as_deref())
        })
    };
    // Whether a protected client's passwords are the ones its folder was built with.
    let sealed = |slug: &str, entry: &ClientEntry| {
        !entry.seal.is_empty()
            && previous_key().as_ref().is_some_and(|key| {
                key.seal(slug, &entry.folder, &entry.inputs, &entry.readers) == entry.seal
            })
    };

    // Decide, per client: build it, or keep its previous folder as it is.
    let mut to_build = Vec::new();
    let mut kept: BTreeMap<String, ClientEntry> = BTreeMap::new();
    let mut not_selected = 0;
    for slug in &slugs {
        let selected = options.clients.is_empty() || options.clients.contains(slug);
        // Only while the folder in the output is the very one the state describes.
        let earlier = previous
            .clients
            .get(slug)
            .filter(|e| output.folder_id(&e.folder).as_deref() == Some(e.dir.as_str()));
        match earlier {
            Some(entry) if !selected => {
                not_selected += 1;
                kept.insert(slug.clone(), entry.clone());
            }
            Some(entry)
                if hashes.get(slug).cloned().flatten().as_deref()
                    == Some(entry.inputs.as_str())
                    && (entry.readers.is_empty() || sealed(slug, entry)) =>
            {
                kept.insert(slug.clone(), entry.clone());
            }
            _ if selected => to_build.push(slug.clone()),
            _ => {}
        }
    }
    let same_clients = previous.clients.keys().eq(slugs.iter());
    let removed = previous
        .clients
        .keys()
        .filter(|slug| !slugs.contains(slug))
        .count();
    let kept_pages = kept.values().map(|e| e.pages).sum::<Option<usize>>();
    if to_build.is_empty() && same_clients && out.is_dir() {
        return Ok(BuildReport {
            out,
            clients: Vec::new(),
            unchanged: kept.len() - not_selected,
            not_selected,
            removed: 0,
            pages: 0,
            pages_in_output: kept_pages,
            files: 0,
            warnings: Vec::new(),
            leftovers: output.leftovers().to_vec(),
            drafts_left_out: kept
                .values()
                .flat_map(|e| e.drafts.iter().cloned())
                .collect(),
            elapsed: started.elapsed(),
        });
    }

    let staging = output.stage()?;
    let mut kept_folders: BTreeMap<String, String> = kept
        .iter()
        .map(|(s, e)| (s.clone(), e.folder.clone()))
        .collect();
    // Other shards' clients still claim their folders: two clients of different shards
    // must not claim the same one, or the shards' outputs could not be put together.
    for slug in &elsewhere {
        if let Some(deploy) = crate::load::client_deploy(dir, slug) {
            kept_folders.insert(slug.clone(), deploy.folder.unwrap_or_else(|| slug.clone()));
        }
    }
    let sink = stream::Sink::Write {
        staging: &staging,
        previous: &out,
        drafts: options.drafts,
    };
    let (results, diagnostics) = stream::run_all(
        dir,
        &shared,
        &to_build,
        &kept_folders,
        today,
        &sink,
        progress,
    );
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Error::Invalid(diagnostics));
    }
    let mut entries = kept.clone();
    for r in &results {
        if let (Some(folder), Some(hash)) = (&r.folder, hashes.get(&r.slug).cloned().flatten()) {
            entries.insert(
                r.slug.clone(),
                ClientEntry {
                    folder: folder.clone(),
                    inputs: hash,
                    readers: if r.protected {
                        r.readers.clone()
                    } else {
                        Vec::new()
                    },
                    seal: String::new(),
                    dir: String::new(),
                    pages: r.counts.map(|c| c.0),
                    drafts: r.drafts_left_out.clone(),
                },
            );
        }
    }
    // Seal the protected clients for the next build: those built now, and those kept whose
    // seal held (a client kept unbuilt by `--client` with an unknown seal gets none, so the
    // next build checks it against its slots). The key stays while the readers do.
    let built: std::collections::BTreeSet<&str> = results
        .iter()
        .filter(|r| r.protected)
        .map(|r| r.slug.as_str())
        .collect();
    let valid: std::collections::BTreeSet<String> = entries
        .iter()
        .filter(|(slug, e)| !e.readers.is_empty() && !built.contains(slug.as_str()))
        .filter(|(slug, e)| sealed(slug, e))
        .map(|(slug, _)| slug.clone())
        .collect();
    let readers: std::collections::BTreeSet<String> = entries
        .values()
        .flat_map(|e| e.readers.iter().cloned())
        .collect();
    let fresh;
    let new_key = if readers.is_empty() {
        None
    } else if readers == previous.readers() && previous_key().is_some() {
        previous_key().as_ref()
    } else {
        fresh = crate::protect::StateKey::derive(&readers, None);
        fresh.as_ref()
    };
    for (slug, entry) in entries.iter_mut() {
        entry.seal = match new_key {
            Some(key) if built.contains(slug.as_str()) || valid.contains(slug) => {
                key.seal(slug, &entry.folder, &entry.inputs, &entry.readers)
            }
            _ => String::new(),
        };
    }
    let seal_salt = new_key.map(|k| k.salt().to_owned());
    let host_files = crate::render::host::root_files(&shared.config)
        .into_iter()
        .map(|(name, text)| RenderedFile {
            path: name.into(),
            contents: Contents::Bytes(text.into_bytes().into()),
        })
        .collect::<Vec<_>>();
    let mut root = vec![
        RenderedFile {
            path: "robots.txt".into(),
            contents: Contents::Bytes(ROBOTS_TXT.as_bytes().into()),
        },
        crate::output::marker(),
    ];
    root.extend(host_files.iter().cloned());
    let reused: Vec<String> = kept.values().map(|e| e.folder.clone()).collect();
    // The state is recorded just before the output changes, with the identities its client
    // folders will have. Without it the next build is a full one, so failing to write it
    // stops nothing.
    let record = |ids: &crate::output::FolderIds| {
        let mut entries = entries.clone();
        for entry in entries.values_mut() {
            entry.dir = ids.get(&entry.folder).cloned().unwrap_or_default();
        }
        let _ = state.write(&Manifest::new(
            shared_hash.clone(),
            seal_salt.clone(),
            entries,
        ));
    };
    let committed = staging.commit(&reused, &root, record)?;
    let pages = results.iter().filter_map(|r| r.counts).map(|c| c.0).sum();
    let mut drafts_left_out: Vec<String> = entries
        .values()
        .flat_map(|e| e.drafts.iter().cloned())
        .collect();
    drafts_left_out.sort();
    Ok(BuildReport {
        out: committed.path.clone(),
        clients: results.iter().map(|r| r.slug.clone()).collect(),
        unchanged: kept.len() - not_selected,
        not_selected,
        removed,
        pages,
        pages_in_output: kept_pages.map(|k| k + pages),
        files: results
            .iter()
            .filter_map(|r| r.counts)
            .map(|c| c.1)
            .sum::<usize>()
            + 2
            + host_files.len(),
        warnings: diagnostics,
        leftovers: committed.leftovers.clone(),
        drafts_left_out,
        elapsed: started.elapsed(),
    })
}

/// Tells a progress receiver the work is over however the function returns.
struct Finish<'a>(&'a dyn Progress);

impl Drop for Finish<'_> {
    fn drop(&mut self) {
        self.0.finish();
    }
}
