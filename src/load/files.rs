//! Reading the portal folder: text files with limits, sorted listings, symlink policy.
//!
//! Every read goes through [`PortalFs`], which knows the portal root, so every problem names
//! a path relative to it and no symbolic link can take the build outside the portal.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic};
use crate::source::Source;

/// Larger text files are refused: no legitimate report is this big, and reading a stray
/// video into memory would stall the build.
pub(crate) const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// The portal folder, as the loader sees it.
#[derive(Debug, Clone)]
pub(crate) struct PortalFs {
    root: PathBuf,
    canonical_root: PathBuf,
}

/// What a directory entry is, after the symlink policy has been applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A regular file (or a link to one inside the portal).
    File,
    /// A directory (or a link to one inside the portal).
    Dir,
}

/// An entry of a listed directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) path: PathBuf,
    pub(crate) kind: Kind,
}

impl PortalFs {
    /// Opens the portal at `root`.
    pub(crate) fn new(root: &Path) -> Result<PortalFs, Diagnostic> {
        let canonical_root = root.canonicalize().map_err(|e| {
            Diagnostic::error(
                Code::NotAPortal,
                None,
                format!("cannot open the portal folder {}: {e}", root.display()),
            )
            .with_hint(
                "give the folder that holds portico.yaml, e.g. `portico build example-portal`",
            )
        })?;
        if !canonical_root.is_dir() {
            return Err(Diagnostic::error(
                Code::NotAPortal,
                None,
                format!("{} is not a folder", root.display()),
            )
            .with_hint("give the folder that holds portico.yaml"));
        }
        Ok(PortalFs {
            root: root.to_path_buf(),
            canonical_root,
        })
    }

    /// The root as given.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the root, with `/` separators, for messages.
    pub(crate) fn rel(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Applies the symlink policy to `path`: links are followed only when their target is
    /// inside the portal. Returns what the path is, or `None` when it does not exist.
    pub(crate) fn kind(&self, path: &Path) -> Result<Option<Kind>, Diagnostic> {
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(self.unreadable(path, &e)),
        };
        let meta = if meta.file_type().is_symlink() {
            let target = path.canonicalize().map_err(|e| {
                let looped = e.raw_os_error() == Some(40); // ELOOP
                let message = if looped {
                    "symbolic link loop".to_owned()
                } else {
                    format!("symbolic link to nothing: {e}")
                };
                Diagnostic::error(Code::Symlink, Some(&self.rel(path)), message)
                    .with_hint("replace the link with the file itself, or remove it")
            })?;
            if !target.starts_with(&self.canonical_root) {
                return Err(Diagnostic::error(
                    Code::Symlink,
                    Some(&self.rel(path)),
                    format!(
                        "symbolic link to {}, outside the portal folder",
                        target.display()
                    ),
                )
                .with_hint("links are followed only inside the portal; copy the file in instead"));
            }
            std::fs::metadata(&target).map_err(|e| self.unreadable(path, &e))?
        } else {
            meta
        };
        Ok(Some(if meta.is_dir() { Kind::Dir } else { Kind::File }))
    }

    /// The entries of a directory, sorted by name, without hidden files and editor leftovers.
    /// Entries refused by the symlink policy are reported in `problems` and left out.
    pub(crate) fn list(
        &self,
        dir: &Path,
        problems: &mut Vec<Diagnostic>,
    ) -> Result<Vec<Entry>, Diagnostic> {
        let read = std::fs::read_dir(dir).map_err(|e| self.unreadable(dir, &e))?;
        let mut entries = Vec::new();
        for item in read {
            let item = item.map_err(|e| self.unreadable(dir, &e))?;
            let name = item.file_name().to_string_lossy().into_owned();
            if is_ignored(&name) {
                continue;
            }
            let path = item.path();
            match self.kind(&path) {
                Ok(Some(kind)) => entries.push(Entry { name, path, kind }),
                Ok(None) => {}
                Err(d) => problems.push(d),
            }
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(entries)
    }

    /// Every file under `dir`, recursively, as paths relative to `dir` with `/` separators,
    /// sorted. Applies the same policy as [`PortalFs::list`].
    pub(crate) fn walk_files(&self, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<String> {
        let mut found = Vec::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(current) = pending.pop() {
            let entries = match self.list(&current, problems) {
                Ok(e) => e,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            for entry in entries {
                match entry.kind {
                    Kind::Dir => pending.push(entry.path),
                    Kind::File => {
                        let rel = entry.path.strip_prefix(dir).unwrap_or(&entry.path);
                        found.push(
                            rel.components()
                                .map(|c| c.as_os_str().to_string_lossy())
                                .collect::<Vec<_>>()
                                .join("/"),
                        );
                    }
                }
            }
        }
        found.sort();
        found
    }

    /// Reads a UTF-8 text file, refusing binaries, oversized files and invalid encodings.
    pub(crate) fn read_text(&self, path: &Path) -> Result<Source, Diagnostic> {
        let rel = self.rel(path);
        let file = std::fs::File::open(path).map_err(|e| self.unreadable(path, &e))?;
        let mut bytes = Vec::new();
        // Read one byte past the limit: enough to know it is too big, never the whole file.
        file.take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| self.unreadable(path, &e))?;
        if bytes.len() as u64 > MAX_TEXT_BYTES {
            return Err(Diagnostic::error(
                Code::FileTooLarge,
                Some(&rel),
                format!("larger than {} MiB", MAX_TEXT_BYTES / 1024 / 1024),
            )
            .with_hint(
                "portal text files are small; put large material under files/ and link to it",
            ));
        }
        if bytes.contains(&0) {
            return Err(Diagnostic::error(
                Code::BinaryFile,
                Some(&rel),
                "a binary file where text was expected",
            )
            .with_hint("attachments belong under files/, which is copied as it is"));
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                // Show the line with the bad byte replaced, and point at it.
                let valid = e.utf8_error().valid_up_to();
                let lossy = Source::new(rel, String::from_utf8_lossy(e.as_bytes()).into_owned());
                let span = lossy.span(valid, '\u{fffd}'.len_utf8());
                return Err(
                    Diagnostic::error_at(Code::NotUtf8, &lossy, span, "not valid UTF-8")
                        .with_hint("save the file as UTF-8 in your editor"),
                );
            }
        };
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text);
        Ok(Source::new(rel, text))
    }

    fn unreadable(&self, path: &Path, error: &std::io::Error) -> Diagnostic {
        let rel = self.rel(path);
        Diagnostic::error(
            Code::Unreadable,
            Some(&rel),
            format!("cannot read: {error}"),
        )
    }
}

/// Hidden files, and the temporary and backup files editors leave beside the real ones.
pub(crate) fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_editor_leftovers() {
        for name in [
            ".DS_Store",
            ".gitkeep",
            "2026-11-14.md~",
            "#notes.md#",
            ".report.md.swp",
            "x.tmp",
        ] {
            assert!(is_ignored(name), "{name}");
        }
        for name in ["2026-11-14.md", "client.yaml", "plan.csv"] {
            assert!(!is_ignored(name), "{name}");
        }
    }
}
