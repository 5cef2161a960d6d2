//! Writing new files: a portal, a client, a report, an ejected theme.
//!
//! Nothing here overwrites anything: every target is checked before the first byte is
//! written, and each file is created with `create_new`, so a race cannot clobber one
//! either. What it writes passes `portico check`; the tests hold it to that.

mod report;

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::load::{self, CLIENTS_DIR, CONFIG_FILE, is_safe_slug, suggest_slug};
use crate::locale::Language;
use crate::model::Date;
use crate::render::theme::{OVERRIDE_DIR, Theme};

pub use report::new_report;

/// A file to write: where, and what.
struct Planned {
    path: PathBuf,
    text: String,
}

/// Writes every planned file, or none if any already exists.
fn write_all(files: &[Planned], folders: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    if let Some(existing) = files.iter().find(|f| f.path.exists()) {
        return Err(Error::AlreadyExists(existing.path.clone()));
    }
    for folder in folders {
        fs_err::create_dir_all(folder).map_err(Error::io)?;
    }
    for file in files {
        if let Some(parent) = file.path.parent() {
            fs_err::create_dir_all(parent).map_err(Error::io)?;
        }
        let mut out = fs_err::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file.path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Error::AlreadyExists(file.path.clone()),
                _ => Error::io(e),
            })?;
        std::io::Write::write_all(&mut out, file.text.as_bytes()).map_err(Error::io)?;
    }
    Ok(files.iter().map(|f| f.path.clone()).collect())
}

/// Replaces each `{{key}}` in `template`.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{{{key}}}}}"), value)
        })
}

/// A string as a YAML scalar that means exactly that string (a JSON string is valid YAML).
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Creates a new portal in `dir`: `portico.yaml`, a `.gitignore` and one sample client
/// with every kind of file, dated around `today`.
pub fn init(
    dir: &Path,
    agency: &str,
    language: &Language,
    today: Date,
) -> Result<Vec<PathBuf>, Error> {
    let locale = crate::locale::builtin_catalogues().locale(language);
    let heading = |key: &str| crate::locale::without_isolates(&locale.text(key, &[]));
    let (h_progress, h_next_steps, h_why) = (
        heading("report-progress"),
        heading("report-next-steps"),
        heading("scope-why"),
    );
    let h_asks = crate::locale::without_isolates(
        &locale.text("report-asks-of", &[("client", "Sample Client".into())]),
    );
    let day = |offset: i64| today.plus_days(offset).to_string();
    let (start, end, first_review) = (day(-28), day(56), day(-14));
    let (m1, m1_accepted, m2, m3) = (day(-14), day(-12), day(21), day(49));
    let (cr_asked, cr_decided, decision_due) = (day(-20), day(-17), day(7));
    let (k1, k2, k3, today_s) = (day(-21), day(-14), day(-7), day(0));
    let values: Vec<(&str, &str)> = vec![
        ("agency", agency),
        ("start", &start),
        ("end", &end),
        ("first_review", &first_review),
        ("m1", &m1),
        ("m1_accepted", &m1_accepted),
        ("m2", &m2),
        ("m3", &m3),
        ("cr_asked", &cr_asked),
        ("cr_decided", &cr_decided),
        ("decision_due", &decision_due),
        ("k1", &k1),
        ("k2", &k2),
        ("k3", &k3),
        ("today", &today_s),
        ("h_progress", &h_progress),
        ("h_next_steps", &h_next_steps),
        ("h_asks", &h_asks),
        ("h_why", &h_why),
    ];
    let agency_yaml = yaml_string(agency);
    let sample = dir.join(CLIENTS_DIR).join("sample-client");
    let plan = |path: PathBuf, template: &str| Planned {
        path,
        text: fill(template, &values),
    };
    let files = vec![
        Planned {
            path: dir.join(CONFIG_FILE),
            text: fill(
                include_str!("templates/portico.yaml"),
                &[("agency", &agency_yaml), ("language", language.as_str())],
            ),
        },
        plan(dir.join(".gitignore"), include_str!("templates/gitignore")),
        plan(
            sample.join("client.yaml"),
            include_str!("templates/sample/client.yaml"),
        ),
        plan(
            sample.join("scope.md"),
            include_str!("templates/sample/scope.md"),
        ),
        plan(
            sample.join("milestones.yaml"),
            include_str!("templates/sample/milestones.yaml"),
        ),
        plan(
            sample.join("changes.yaml"),
            include_str!("templates/sample/changes.yaml"),
        ),
        plan(
            sample.join("kpis.yaml"),
            include_str!("templates/sample/kpis.yaml"),
        ),
        plan(
            sample.join("raid.yaml"),
            include_str!("templates/sample/raid.yaml"),
        ),
        plan(
            sample.join(format!("reports/{today_s}.md")),
            include_str!("templates/sample/report.md"),
        ),
    ];
    write_all(&files, &[sample.join("files")])
}

/// The portal folder's configuration must exist before anything is added to it.
fn require_portal(portal: &Path) -> Result<(), Error> {
    if portal.join(CONFIG_FILE).is_file() {
        Ok(())
    } else {
        Err(Error::NotAPortal(portal.to_path_buf()))
    }
}

/// Adds `clients/<slug>/` with every file, commented so it can be filled in without the
/// README. Only `client.yaml` holds data (the name); the rest are commented examples.
pub fn new_client(
    portal: &Path,
    slug: &str,
    name: Option<&str>,
    today: Date,
) -> Result<Vec<PathBuf>, Error> {
    require_portal(portal)?;
    if !is_safe_slug(slug) {
        return Err(Error::InvalidSlug {
            slug: slug.to_owned(),
            suggestion: suggest_slug(slug),
        });
    }
    let dir = portal.join(CLIENTS_DIR).join(slug);
    if dir.exists() {
        return Err(Error::AlreadyExists(dir));
    }
    let name = name.map_or_else(|| title_from_slug(slug), str::to_owned);
    let name_yaml = yaml_string(&name);
    let today = today.to_string();
    let values = [("name", name_yaml.as_str()), ("today", today.as_str())];
    let plan = |file: &str, template: &str| Planned {
        path: dir.join(file),
        text: fill(template, &values),
    };
    let files = vec![
        plan("client.yaml", include_str!("templates/client/client.yaml")),
        plan("scope.md", include_str!("templates/client/scope.md")),
        plan(
            "milestones.yaml",
            include_str!("templates/client/milestones.yaml"),
        ),
        plan(
            "changes.yaml",
            include_str!("templates/client/changes.yaml"),
        ),
        plan("kpis.yaml", include_str!("templates/client/kpis.yaml")),
        plan("raid.yaml", include_str!("templates/client/raid.yaml")),
        plan(
            "meetings.yaml",
            include_str!("templates/client/meetings.yaml"),
        ),
    ];
    write_all(&files, &[dir.join("reports"), dir.join("files")])
}

/// `acme-corp` -> `Acme Corp`: a starting name, to be corrected in client.yaml.
fn title_from_slug(slug: &str) -> String {
    slug.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The slug of an existing client, or an error naming the closest one.
fn existing_client(portal: &Path, slug: &str) -> Result<(), Error> {
    let slugs = load::client_slugs(portal);
    if slugs.iter().any(|s| s == slug) {
        return Ok(());
    }
    let closest =
        crate::diagnostic::did_you_mean(slug, slugs.iter().map(String::as_str)).map(str::to_owned);
    Err(Error::UnknownClient {
        slug: slug.to_owned(),
        closest,
        known: slugs,
    })
}

/// What ejecting the theme did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ejected {
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Files left alone because they already existed.
    pub kept: Vec<PathBuf>,
}

/// Copies the built-in theme into `to` (by default the portal's `theme/`), file by file,
/// keeping any file already there.
pub fn eject_theme(portal: &Path, to: Option<&Path>) -> Result<Ejected, Error> {
    require_portal(portal)?;
    let target = to.map_or_else(|| portal.join(OVERRIDE_DIR), Path::to_path_buf);
    let builtin = Theme::builtin();
    let mut ejected = Ejected::default();
    let files = builtin
        .templates()
        .map(|(name, f)| (format!("templates/{name}"), f))
        .chain(
            builtin
                .statics()
                .map(|(name, f)| (format!("static/{name}"), f)),
        )
        .chain(builtin.i18n().map(|(name, f)| (format!("i18n/{name}"), f)));
    for (rel, file) in files {
        let path = target.join(&rel);
        if path.exists() {
            ejected.kept.push(path);
            continue;
        }
        if let Some(parent) = path.parent() {
            fs_err::create_dir_all(parent).map_err(Error::io)?;
        }
        let mut out = fs_err::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(Error::io)?;
        std::io::Write::write_all(&mut out, &file.bytes).map_err(Error::io)?;
        ejected.written.push(path);
    }
    Ok(ejected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_and_quotes_names() {
        assert_eq!(
            fill("name: {{name}} ({{name}})", &[("name", "X")]),
            "name: X (X)"
        );
        assert_eq!(
            yaml_string("Acme \"Best\": Co #1"),
            "\"Acme \\\"Best\\\": Co #1\""
        );
        let parsed: String = serde_yaml::from_str(&yaml_string("Acme \"Best\": Co #1")).unwrap();
        assert_eq!(parsed, "Acme \"Best\": Co #1");
    }

    #[test]
    fn names_from_slugs() {
        assert_eq!(title_from_slug("acme-corp"), "Acme Corp");
        assert_eq!(title_from_slug("k2"), "K2");
    }
}
