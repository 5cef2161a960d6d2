//! The pipeline: load -> check -> render -> write, with nothing written unless all is well.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::load::load_portal;
use crate::model::{Date, Portal};
use crate::output::Staging;
use crate::render::{Contents, ROBOTS_TXT, RenderedFile, Renderer, Theme};

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
        let today = as_of.or(portal.config.as_of).unwrap_or_else(today);
        diagnostics.extend(check::check(portal, &loaded.sources, today));
        match Theme::load(dir, &portal.config).and_then(|theme| Renderer::new(&theme)) {
            Ok(r) => renderer = Some(r),
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
    let relevant = |d: &Diagnostic| match d.file.as_deref().and_then(|f| f.strip_prefix("clients/"))
    {
        Some(rest) => only
            .iter()
            .any(|slug| rest.split('/').next() == Some(slug.as_str())),
        None => true,
    };
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

/// A link that opens a protected client's built portal directly: its address (or the
/// built file) with the content key in the fragment, found with the first password.
pub fn share_link(portal: &Path, out: &Path, slug: &str) -> Result<String, Error> {
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
    let address = client.base_url(&v.portal.config).unwrap_or_else(|| {
        format!(
            "file://{}",
            page_path
                .canonicalize()
                .unwrap_or(page_path.clone())
                .display()
        )
    });
    Ok(format!("{address}#key={key}"))
}

/// The bytes of a rendered file, from memory or from the attachment on disk.
pub(crate) fn read_contents(contents: &Contents) -> std::io::Result<std::sync::Arc<[u8]>> {
    match contents {
        Contents::Bytes(bytes) => Ok(bytes.clone()),
        Contents::Copy(path) => fs_err::read(path).map(std::sync::Arc::from),
    }
}

/// The machine's local date: used only for warnings, never for output.
pub(crate) fn today() -> Date {
    Date::from(chrono::Local::now().date_naive())
}

/// Validates the portal and renders every page in memory, writing nothing: catches errors
/// that only show when a template meets the data.
pub fn check_portal(dir: &Path, as_of: Option<Date>) -> Result<Vec<Diagnostic>, Error> {
    let v = validate(dir, as_of)?;
    let failures: Vec<Diagnostic> = v
        .portal
        .clients
        .par_iter()
        .filter_map(|c| v.renderer.render_client(&v.portal.config, c, as_of).err())
        .collect();
    if failures.is_empty() {
        Ok(v.warnings)
    } else {
        let mut all = v.warnings;
        all.extend(failures);
        Err(Error::Invalid(all))
    }
}

/// What `build` should do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The portal folder.
    pub portal: PathBuf,
    /// Where to write; `<portal>/public` by default.
    pub out: Option<PathBuf>,
    /// The date "today"-dependent facts are computed against; by default each client's
    /// latest report date.
    pub as_of: Option<Date>,
    /// Build only these clients (by folder name under `clients/`), keeping the others'
    /// existing output; every client when empty.
    pub clients: Vec<String>,
}

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The output folder.
    pub out: PathBuf,
    /// Slugs of the clients built.
    pub clients: Vec<String>,
    /// HTML pages written.
    pub pages: usize,
    /// Files written in all.
    pub files: usize,
    /// Warnings about the portal's content.
    pub warnings: Vec<Diagnostic>,
    /// Wall time.
    pub elapsed: Duration,
}

/// Builds every client's portal into the output folder, or changes nothing.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let started = Instant::now();
    let mut v = validate_for(&options.portal, options.as_of, &options.clients)?;
    if !options.clients.is_empty() {
        v.portal
            .clients
            .retain(|c| options.clients.contains(&c.slug));
    }
    // Every password must be at hand before anything is written.
    let mut passwords = std::collections::HashMap::new();
    let mut missing = Vec::new();
    for client in &v.portal.clients {
        match crate::protect::passwords(client, Some(&v.sources)) {
            Ok(Some(found)) => {
                passwords.insert(client.slug.clone(), found);
            }
            Ok(None) => {}
            Err(d) => missing.push(d),
        }
    }
    if !missing.is_empty() {
        return Err(Error::Invalid(missing));
    }
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| options.portal.join(DEFAULT_OUT));
    let staging = Staging::begin(&out)?;
    if !options.clients.is_empty() {
        // Building some clients keeps everyone else's last output as it was.
        let rebuilt: Vec<&str> = v.portal.clients.iter().map(|c| c.folder()).collect();
        staging.carry_over(&out, &rebuilt)?;
    }
    staging.write(&[RenderedFile {
        path: "robots.txt".into(),
        contents: Contents::Bytes(ROBOTS_TXT.as_bytes().into()),
    }])?;
    // One client at a time per thread: render, write, drop, so memory holds only the
    // clients in flight.
    let counts: Vec<(usize, usize)> = v
        .portal
        .clients
        .par_iter()
        .map(|client| {
            let mut files = v
                .renderer
                .render_client(&v.portal.config, client, options.as_of)
                .map_err(|d| Error::Invalid(vec![d]))?;
            if let Some(passwords) = passwords.get(&client.slug) {
                // The earlier output keeps unchanged pages' ciphertext.
                let earlier = out.join(client.folder());
                let previous = |rel: &str| std::fs::read(earlier.join(rel)).ok();
                files = crate::protect::seal_client(
                    client.folder(),
                    files,
                    passwords,
                    &previous,
                    &read_contents,
                )
                .map_err(Error::io)?;
            }
            staging.write(&files)?;
            let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
            Ok((pages, files.len()))
        })
        .collect::<Result<_, Error>>()?;
    let out = staging.commit()?;
    Ok(BuildReport {
        out,
        clients: v.portal.clients.iter().map(|c| c.slug.clone()).collect(),
        pages: counts.iter().map(|c| c.0).sum(),
        files: counts.iter().map(|c| c.1).sum::<usize>() + 1,
        warnings: v.warnings,
        elapsed: started.elapsed(),
    })
}
