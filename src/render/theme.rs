//! Theme files in layers: the built-in default, then a named theme, then the portal's own
//! `theme/` folder. Any single file of a lower layer can be replaced by a higher one.
//!
//! The default theme is compiled into the binary, so a portal needs no theme files at all;
//! `themes/default/` in this repository is its source.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::model::PortalConfig;
use crate::source::Source;

static DEFAULT_TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default/templates");
static DEFAULT_STATIC: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default/static");
static DEFAULT_I18N: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default/i18n");

/// The portal folder that overrides theme files.
pub const OVERRIDE_DIR: &str = "theme";
/// The portal folder holding named themes.
pub const THEMES_DIR: &str = "themes";
/// The built-in theme's name.
pub const DEFAULT_THEME: &str = "default";

/// One theme file and where it came from.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// The file's bytes.
    pub bytes: Cow<'static, [u8]>,
    /// Where it came from, for messages: a portal-relative path, or `(built in) ...`.
    pub origin: String,
}

/// The merged set of theme files, keyed `templates/<name>` or `static/<name>`.
#[derive(Debug, Clone)]
pub struct Theme {
    files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// The built-in default theme alone.
    pub fn builtin() -> Theme {
        let mut files = BTreeMap::new();
        for (prefix, dir) in [
            ("templates", &DEFAULT_TEMPLATES),
            ("static", &DEFAULT_STATIC),
            ("i18n", &DEFAULT_I18N),
        ] {
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for entry in d.entries() {
                    match entry {
                        include_dir::DirEntry::Dir(sub) => stack.push(sub),
                        include_dir::DirEntry::File(f) => {
                            let rel = f.path().to_string_lossy().replace('\\', "/");
                            files.insert(
                                format!("{prefix}/{rel}"),
                                ThemeFile {
                                    bytes: Cow::Borrowed(f.contents()),
                                    origin: format!("(built in) themes/default/{prefix}/{rel}"),
                                },
                            );
                        }
                    }
                }
            }
        }
        Theme { files }
    }

    /// The theme a portal asks for, with its overrides applied.
    pub fn load(portal_root: &Path, config: &PortalConfig) -> Result<Theme, Vec<Diagnostic>> {
        let mut theme = Theme::builtin();
        let mut problems = Vec::new();
        if let Some(name) = config.theme.as_deref().filter(|n| *n != DEFAULT_THEME) {
            let dir = portal_root.join(THEMES_DIR).join(name);
            if !crate::load::is_safe_slug(name) {
                // `../../x` would load templates from anywhere on the machine.
                problems.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        Some("portico.yaml"),
                        format!("theme \"{name}\" is not a folder name under {THEMES_DIR}/"),
                    )
                    .with_hint(format!(
                        "name a folder of {THEMES_DIR}/ in the portal, e.g. theme: {}",
                        crate::load::suggest_slug(name)
                    )),
                );
            } else if dir.is_dir() {
                theme.overlay(portal_root, &dir, &mut problems);
            } else {
                let available = std::fs::read_dir(portal_root.join(THEMES_DIR))
                    .map(|rd| {
                        rd.filter_map(Result::ok)
                            .filter(|e| e.path().is_dir())
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                let mut names = vec![DEFAULT_THEME.to_owned()];
                names.extend(available);
                names.sort();
                let hint = match did_you_mean(name, names.iter().map(String::as_str)) {
                    Some(best) => format!("did you mean \"{best}\"?"),
                    None => format!("available themes: {}", names.join(", ")),
                };
                problems.push(
                    Diagnostic::error(
                        Code::InvalidValue,
                        Some("portico.yaml"),
                        format!("theme \"{name}\" not found: no folder {THEMES_DIR}/{name}/ in the portal"),
                    )
                    .with_hint(hint),
                );
            }
        }
        let overrides = portal_root.join(OVERRIDE_DIR);
        if overrides.is_dir() {
            theme.overlay(portal_root, &overrides, &mut problems);
        }
        if problems.is_empty() {
            Ok(theme)
        } else {
            Err(problems)
        }
    }

    /// Replaces files with those found under `dir/templates`, `dir/static` and `dir/i18n`.
    fn overlay(&mut self, portal_root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) {
        let origin_of = |path: &Path| slash_path(path.strip_prefix(portal_root).unwrap_or(path));
        let linked = |path: &Path| {
            Diagnostic::error(
                Code::Symlink,
                Some(&origin_of(path)),
                "symbolic links in a theme are not followed",
            )
            .with_hint("copy the files into the theme folder instead")
        };
        if dir.is_symlink() {
            problems.push(linked(dir));
            return;
        }
        for part in ["templates", "static", "i18n"] {
            let base = dir.join(part);
            if base.is_symlink() {
                problems.push(linked(&base));
                continue;
            }
            if !base.is_dir() {
                continue;
            }
            let walker = walkdir::WalkDir::new(&base)
                .follow_links(false)
                .sort_by_file_name();
            for entry in walker {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        problems.push(Diagnostic::error(
                            Code::Unreadable,
                            None,
                            format!("cannot read the theme: {e}"),
                        ));
                        continue;
                    }
                };
                if crate::load::is_ignored(&entry.file_name().to_string_lossy()) {
                    continue;
                }
                if entry.path_is_symlink() {
                    let origin = slash_path(
                        entry
                            .path()
                            .strip_prefix(portal_root)
                            .unwrap_or(entry.path()),
                    );
                    problems.push(
                        Diagnostic::error(
                            Code::Symlink,
                            Some(&origin),
                            "symbolic links in a theme are not followed",
                        )
                        .with_hint("copy the file into the theme folder instead"),
                    );
                    continue;
                }
                if entry.file_type().is_dir() {
                    continue;
                }
                let rel_in_part = entry.path().strip_prefix(&base).unwrap_or(entry.path());
                let key = format!("{part}/{}", slash_path(rel_in_part));
                let origin = slash_path(
                    entry
                        .path()
                        .strip_prefix(portal_root)
                        .unwrap_or(entry.path()),
                );
                // Only regular files: a FIFO would block the build forever.
                let read = match crate::load::open_regular(entry.path()) {
                    Ok(mut file) => {
                        let mut bytes = Vec::new();
                        std::io::Read::read_to_end(&mut file, &mut bytes).map(|_| bytes)
                    }
                    Err(crate::load::Opened::Io(e)) => Err(e),
                    Err(crate::load::Opened::Special(kind)) => {
                        problems.push(
                            Diagnostic::error(
                                Code::Unreadable,
                                Some(&origin),
                                format!("{}, not a regular file", crate::load::special_name(&kind)),
                            )
                            .with_hint("a theme holds only regular files; remove it"),
                        );
                        continue;
                    }
                };
                match read {
                    Ok(bytes) => {
                        self.files.insert(
                            key,
                            ThemeFile {
                                bytes: Cow::Owned(bytes),
                                origin,
                            },
                        );
                    }
                    Err(e) => problems.push(Diagnostic::error(
                        Code::Unreadable,
                        Some(&origin),
                        format!("cannot read {origin}: {e}"),
                    )),
                }
            }
        }
    }

    /// Templates as (name, source) pairs, name relative to `templates/`.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("templates/").map(|name| (name, f)))
    }

    /// Static files as (path, file) pairs, path relative to `static/`.
    pub fn statics(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("static/").map(|name| (name, f)))
    }

    /// Translation catalogues as (file name, file), name relative to `i18n/` (`de.ftl`).
    pub fn i18n(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("i18n/").map(|name| (name, f)))
    }

    /// A template's text with its origin, for diagnostics.
    pub fn template_source(&self, name: &str) -> Option<Source> {
        let file = self.files.get(&format!("templates/{name}"))?;
        let text = String::from_utf8_lossy(&file.bytes).into_owned();
        Some(Source::new(file.origin.clone(), text))
    }
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
