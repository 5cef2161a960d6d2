//! `portico portfolio`: every client on one internal site, for the consultant.
//!
//! The portfolio reads the whole portal, internal items included, so it must never be
//! deployed. Three rules keep it apart from the build's output:
//!
//! - it is written to its own folder (`PORTAL/portfolio` by default, which `init`'s
//!   `.gitignore` lists), carrying [`PORTFOLIO_MARKER`];
//! - it refuses a folder inside a build's output (one carrying [`crate::output::MARKER`],
//!   or the portal's default output folder);
//! - `build` refuses an output folder that holds a portfolio ([`refuse_portfolio_in`]).
//!
//! Like a build, it writes into a staging folder beside the target and swaps it in whole,
//! and only ever replaces a folder it wrote itself (or an empty one).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::build::DEFAULT_OUT;
use crate::check::{Placement, active_content, check_client, portal_rules, shared_origins};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::load::{self, CLIENTS_DIR};
use crate::model::{Client, Date, PortalConfig};
use crate::render::portfolio::PortfolioRow;
use crate::render::{Contents, RenderedFile};
use crate::source::Sources;

/// The file that marks a folder as a portfolio portico wrote.
pub const PORTFOLIO_MARKER: &str = ".portico-portfolio";
const PORTFOLIO_MARKER_TEXT: &str = "This folder is portico's internal portfolio: it includes items marked visibility: internal.\nNever deploy it. `portico portfolio` replaces it as a whole; `portico build` refuses to write where it is.\n";

/// The default portfolio folder, inside the portal folder.
pub const DEFAULT_PORTFOLIO_DIR: &str = "portfolio";

/// What `portico portfolio` should do.
#[derive(Debug, Clone, Default)]
pub struct PortfolioOptions {
    /// The portal folder.
    pub portal: PathBuf,
    /// Where to write; `<portal>/portfolio` by default.
    pub out: Option<PathBuf>,
    /// The date everything is judged against; `as_of:` in `portico.yaml`, else today.
    pub as_of: Option<Date>,
}

/// What `portico portfolio` did.
#[derive(Debug, Clone)]
pub struct PortfolioReport {
    /// The folder written.
    pub out: PathBuf,
    /// Clients listed.
    pub clients: usize,
    /// Pages written.
    pub pages: usize,
    /// Clients with errors in their files (listed, with their errors counted).
    pub clients_with_errors: usize,
    /// The date the portfolio is judged against.
    pub as_of: Date,
    /// Wall time.
    pub elapsed: Duration,
}

/// One row per client of the portal at `dir`, judged as of `today`, with every problem
/// found. A client whose files do not load still gets a row, with its errors counted.
/// `href` says where a client's portal is.
pub fn rows(
    dir: &Path,
    config: &PortalConfig,
    config_sources: &Sources,
    today: Date,
    href: &(dyn Fn(&Client) -> Option<String> + Sync),
) -> (Vec<PortfolioRow>, Vec<Diagnostic>) {
    struct One {
        slug: String,
        row: Option<PortfolioRow>,
        problems: Vec<Diagnostic>,
        folder: Option<String>,
        placement: Option<Placement>,
        sources: Sources,
    }
    let slugs = load::client_slugs(dir);
    let ones: Vec<One> = slugs
        .par_iter()
        .filter_map(|slug| {
            let loaded = load::load_one_client(dir, config, slug)?;
            let mut problems = loaded.diagnostics;
            let mut one = One {
                slug: slug.clone(),
                row: None,
                problems: Vec::new(),
                folder: None,
                placement: None,
                sources: Sources::default(),
            };
            if let Some(client) = &loaded.client {
                problems.extend(check_client(client, &loaded.sources, today));
                problems.extend(active_content(client, config));
                problems.extend(crate::protect::weak_passwords(
                    client,
                    &config.agency.name,
                    &loaded.sources,
                ));
                one.folder = Some(client.folder().to_owned());
                one.placement = Some(Placement {
                    origin: client.origin(config),
                    protected: client.profile.access.is_some(),
                });
                let client_yaml = format!("{CLIENTS_DIR}/{slug}/client.yaml");
                if let Some(source) = loaded.sources.get(&client_yaml) {
                    one.sources.register(source, 0, source.text.len());
                }
                one.row = Some(PortfolioRow::new(client, config, today, &problems, None));
                if let Some(row) = &mut one.row {
                    row.href = href(client);
                }
            }
            one.problems = problems;
            Some(one)
        })
        .collect();
    // The rules across clients (two clients in one folder, protected clients sharing an
    // origin) count against the clients whose files they point into.
    let mut sources = config_sources.clone();
    let mut folders = BTreeMap::new();
    let mut placements = BTreeMap::new();
    for one in &ones {
        sources.extend(&one.sources);
        if let Some(f) = &one.folder {
            folders.insert(one.slug.clone(), f.clone());
        }
        if let Some(p) = &one.placement {
            placements.insert(one.slug.clone(), p.clone());
        }
    }
    let mut across = portal_rules(config, &folders, &sources);
    across.extend(shared_origins(&placements, &sources));
    let mut all = Vec::new();
    let mut rows = Vec::new();
    for mut one in ones {
        let prefix = format!("{CLIENTS_DIR}/{}/", one.slug);
        let theirs: Vec<Diagnostic> = across
            .iter()
            .filter(|d| d.file.as_deref().is_some_and(|f| f.starts_with(&prefix)))
            .cloned()
            .collect();
        one.problems.extend(theirs);
        rows.push(match one.row.take() {
            // Counted again with the rules across clients included.
            Some(row) => row.recounted(&one.problems),
            None => PortfolioRow::unloaded(&one.slug, &one.problems),
        });
        all.extend(one.problems);
    }
    all.extend(
        across
            .into_iter()
            .filter(|d| !d.file.as_deref().is_some_and(|f| f.starts_with("clients/"))),
    );
    all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    (rows, all)
}

/// Writes the portfolio of the portal at `options.portal`.
pub fn portfolio(options: &PortfolioOptions) -> Result<PortfolioReport, Error> {
    let started = Instant::now();
    let dir = &options.portal;
    let shared = crate::build::shared_for_portfolio(dir)?;
    let today = crate::build::resolve_as_of(options.as_of, &shared.config)?;
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| dir.join(DEFAULT_PORTFOLIO_DIR));
    refuse_inside_output(dir, &out)?;
    let config = &shared.config;
    let href = |c: &Client| c.base_url(config);
    let (rows, _) = rows(dir, config, &shared.config_sources, today, &href);
    let files = shared
        .renderer
        .render_portfolio(config, &rows, today)
        .map_err(|d| Error::Invalid(vec![d]))?;
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    write(&out, &files)?;
    Ok(PortfolioReport {
        out,
        clients: rows.len(),
        pages,
        clients_with_errors: rows.iter().filter(|r| r.errors > 0).count(),
        as_of: today,
        elapsed: started.elapsed(),
    })
}

/// `path` made absolute and free of `.` and `..`, resolving links in the part that exists.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut clean = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // The longest part that exists, with its links resolved, then the rest as written.
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_owned()),
            None => break,
        }
        if !existing.pop() {
            break;
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        out.push(name);
    }
    out
}

/// Refuses a portfolio folder that is, or lies inside, a build's output: the portal's
/// default output folder, or any folder carrying the build's marker.
fn refuse_inside_output(portal: &Path, out: &Path) -> Result<(), Error> {
    let target = resolved(out);
    let default_output = resolved(&portal.join(DEFAULT_OUT));
    if target.starts_with(&default_output) {
        return Err(Error::PortfolioInOutput {
            path: out.to_path_buf(),
            output: portal.join(DEFAULT_OUT),
        });
    }
    for folder in target.ancestors() {
        if folder.join(crate::output::MARKER).is_file() {
            return Err(Error::PortfolioInOutput {
                path: out.to_path_buf(),
                output: folder.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Refuses a build output folder that holds a portfolio: the folder itself, a folder
/// directly inside it, or a folder around it.
pub fn refuse_portfolio_in(out: &Path) -> Result<(), Error> {
    let target = resolved(out);
    let refuse = |portfolio: &Path| Error::OutputHoldsPortfolio {
        path: out.to_path_buf(),
        portfolio: portfolio.to_path_buf(),
    };
    for folder in target.ancestors() {
        if folder.join(PORTFOLIO_MARKER).is_file() {
            return Err(refuse(folder));
        }
    }
    if let Ok(entries) = std::fs::read_dir(&target) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.join(PORTFOLIO_MARKER).is_file() {
                return Err(refuse(&path));
            }
        }
    }
    Ok(())
}

/// Writes `files` into a staging folder beside `out`, then puts it in `out`'s place. Only a
/// missing or empty folder, or an earlier portfolio, is replaced.
fn write(out: &Path, files: &[RenderedFile]) -> Result<(), Error> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::ForeignOutput {
            path: out.to_path_buf(),
            why: "it is not a folder name; give a path such as `portfolio`".into(),
        })?;
    match std::fs::symlink_metadata(out) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Error::ForeignOutput {
                path: out.to_path_buf(),
                why: "it is not a folder".into(),
            });
        }
        Ok(_) => {
            let empty = fs_err::read_dir(out).map_err(Error::io)?.next().is_none();
            if !empty && !out.join(PORTFOLIO_MARKER).is_file() {
                return Err(Error::ForeignOutput {
                    path: out.to_path_buf(),
                    why: format!(
                        "it is not empty and has no {PORTFOLIO_MARKER} file, so portico did not write it"
                    ),
                });
            }
        }
        Err(_) => {}
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs_err::create_dir_all(&parent).map_err(Error::io)?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.portfolio-staging-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::Io {
            path: parent.clone(),
            source: e,
        })?;
    let marker = RenderedFile {
        path: PORTFOLIO_MARKER.to_owned(),
        contents: Contents::Bytes(PORTFOLIO_MARKER_TEXT.as_bytes().into()),
    };
    for file in files.iter().chain([&marker]) {
        if file
            .path
            .split('/')
            .any(|p| p.is_empty() || p == "." || p == "..")
        {
            return Err(Error::UnsafeOutputPath(file.path.clone()));
        }
        let path = staging.path().join(&file.path);
        if let Some(folder) = path.parent() {
            fs_err::create_dir_all(folder).map_err(Error::io)?;
        }
        let bytes = crate::build::read_contents(&file.contents).map_err(Error::io)?;
        fs_err::write(&path, &bytes).map_err(Error::io)?;
    }
    // The earlier portfolio goes aside, the new one takes its name, the old one goes.
    let aside = tempfile::Builder::new()
        .prefix(&format!(".{name}.portfolio-old-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::Io {
            path: parent.clone(),
            source: e,
        })?;
    let old = aside.path().join(&name);
    let had_one = out.exists();
    if had_one {
        fs_err::rename(out, &old).map_err(Error::io)?;
    }
    if let Err(e) = fs_err::rename(staging.path(), out) {
        if had_one {
            let _ = std::fs::rename(&old, out);
        }
        return Err(Error::io(e));
    }
    // `aside` (and the old portfolio in it) is removed as it goes out of scope; `staging`
    // no longer exists under its name.
    Ok(())
}
