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
        slash(path.strip_prefix(&self.root).unwrap_or(path))
    }

    /// Applies the file policy to `path` and says what it is, or `None` when it does not
    /// exist. Only regular files and folders are anything: a FIFO, socket or device is an
    /// error naming it (opening a FIFO blocks forever). A symbolic link is followed only
    /// when its target stays inside the folder the path belongs to (see
    /// `confinement`): a client's files inside that client's folder, its
    /// attachments inside its `files/`, and a client folder is never a link, so no client's
    /// pages can be made of another client's files or of portico's own.
    pub(crate) fn kind(&self, path: &Path) -> Result<Option<Kind>, Diagnostic> {
        let meta = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(self.unreadable(path, &e)),
        };
        if !meta.file_type().is_symlink() {
            return self.kind_of(path, &meta).map(Some);
        }
        let rel = self.rel(path);
        let refuse = |message: String, hint: &str| {
            Diagnostic::error(Code::Symlink, Some(&rel), message).with_hint(hint.to_owned())
        };
        let target = path.canonicalize().map_err(|e| {
            if e.raw_os_error() == Some(40) {
                // ELOOP
                refuse(
                    "symbolic link loop".to_owned(),
                    "replace the link with the file itself, or remove it",
                )
            } else {
                refuse(
                    format!("symbolic link to nothing: {e}"),
                    "replace the link with the file itself, or remove it",
                )
            }
        })?;
        let shown = |target: &Path| match target.strip_prefix(&self.canonical_root) {
            Ok(inside) => slash(inside),
            Err(_) => target.display().to_string(),
        };
        match self.confinement(path) {
            Confinement::NoLink => {
                return Err(refuse(
                    format!(
                        "a client folder that is a symbolic link (to {})",
                        shown(&target)
                    ),
                    "move the folder itself into clients/: a linked client folder could show \
                     one client another's files",
                ));
            }
            Confinement::Inside(scope) => {
                let allowed = scope.canonicalize().unwrap_or(scope);
                if !target.starts_with(&allowed) {
                    let (message, hint) = if target.starts_with(&self.canonical_root) {
                        (
                            format!(
                                "symbolic link to {}, outside {}/",
                                shown(&target),
                                shown(&allowed)
                            ),
                            "a client's files are read only from its own folder, and its \
                             attachments only from its files/ folder; copy the file in instead",
                        )
                    } else {
                        (
                            format!(
                                "symbolic link to {}, outside the portal folder",
                                target.display()
                            ),
                            "links are followed only inside the portal; copy the file in instead",
                        )
                    };
                    return Err(refuse(message, hint));
                }
            }
        }
        let meta = std::fs::metadata(&target).map_err(|e| self.unreadable(path, &e))?;
        if meta.is_dir() {
            // A link to a folder that holds the link would be walked forever.
            let holder = path
                .parent()
                .and_then(|p| p.canonicalize().ok())
                .unwrap_or_default();
            if holder.starts_with(&target) {
                return Err(refuse(
                    format!(
                        "symbolic link loop: {} holds the link itself",
                        shown(&target)
                    ),
                    "link to a folder beside this one, or copy the files in",
                ));
            }
        }
        self.kind_of(path, &meta).map(Some)
    }

    /// A regular file or a folder; anything else is an error naming `path`.
    fn kind_of(&self, path: &Path, meta: &std::fs::Metadata) -> Result<Kind, Diagnostic> {
        let kind = meta.file_type();
        if kind.is_dir() {
            return Ok(Kind::Dir);
        }
        if kind.is_file() {
            return Ok(Kind::File);
        }
        Err(Diagnostic::error(
            Code::Unreadable,
            Some(&self.rel(path)),
            format!("{}, not a regular file", special_name(&kind)),
        )
        .with_hint(
            "portico reads only regular files and folders; remove it or move it out of the portal",
        ))
    }

    /// Where a link at `path` may point, from where `path` sits in the portal.
    fn confinement(&self, path: &Path) -> Confinement {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let parts: Vec<_> = rel.components().collect();
        let clients = std::ffi::OsStr::new(super::CLIENTS_DIR);
        match parts.as_slice() {
            [first, _slug] if first.as_os_str() == clients => Confinement::NoLink,
            [first, slug, files, _, ..]
                if first.as_os_str() == clients && files.as_os_str() == "files" =>
            {
                Confinement::Inside(self.root.join(first).join(slug).join(files))
            }
            [first, slug, _, ..] if first.as_os_str() == clients => {
                Confinement::Inside(self.root.join(first).join(slug))
            }
            _ => Confinement::Inside(self.root.clone()),
        }
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
            let path = item.path();
            let Some(name) = item.file_name().to_str().map(str::to_owned) else {
                // Named lossily here, it could not be found again by that name later.
                problems.push(
                    Diagnostic::error(
                        Code::NotUtf8,
                        Some(&self.rel(&path)),
                        "the file name is not valid UTF-8",
                    )
                    .with_hint("rename it; the name becomes part of a web address"),
                );
                continue;
            };
            if is_ignored(&name) {
                continue;
            }
            match self.kind(&path) {
                Ok(Some(kind)) => entries.push(Entry { name, path, kind }),
                Ok(None) => {}
                Err(d) => problems.push(d),
            }
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        // On a disk that ignores case (macOS, Windows) one would replace the other, and a
        // web server may serve either for the same address.
        let mut seen: std::collections::BTreeMap<String, &str> = Default::default();
        for entry in &entries {
            if let Some(first) = seen.insert(entry.name.to_lowercase(), &entry.name) {
                problems.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        Some(&self.rel(&entry.path)),
                        format!("its name differs from {first} only in case"),
                    )
                    .with_hint(
                        "rename one: on a disk that ignores case (macOS, Windows) one replaces the other",
                    ),
                );
            }
        }
        Ok(entries)
    }

    /// The names in `dir`, sorted, without hidden files and editor leftovers, before any
    /// policy: for callers that load each entry on its own and report what is wrong there.
    pub(crate) fn names(&self, dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|read| {
                read.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|name| !is_ignored(name))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Every file under `dir`, recursively, as paths relative to `dir` with `/` separators,
    /// sorted. Applies the same policy as [`PortalFs::list`].
    pub(crate) fn walk_files(&self, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<String> {
        let mut found = Vec::new();
        // Each folder to list with the real folders above it: a link to one of those would
        // be walked forever.
        let top = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let mut pending = vec![(dir.to_path_buf(), vec![top])];
        while let Some((current, above)) = pending.pop() {
            let entries = match self.list(&current, problems) {
                Ok(e) => e,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            for entry in entries {
                match entry.kind {
                    Kind::Dir => {
                        let real = entry
                            .path
                            .canonicalize()
                            .unwrap_or_else(|_| entry.path.clone());
                        if above.contains(&real) {
                            problems.push(
                                Diagnostic::error(
                                    Code::Symlink,
                                    Some(&self.rel(&entry.path)),
                                    "symbolic link loop: it leads back to a folder that holds it",
                                )
                                .with_hint(
                                    "link to a folder beside this one, or copy the files in",
                                ),
                            );
                            continue;
                        }
                        let mut chain = above.clone();
                        chain.push(real);
                        pending.push((entry.path, chain));
                    }
                    Kind::File => {
                        let rel = entry.path.strip_prefix(dir).unwrap_or(&entry.path);
                        found.push(slash(rel));
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
        let file = open_regular(path).map_err(|e| match e {
            Opened::Io(e) => self.unreadable(path, &e),
            Opened::Special(kind) => Diagnostic::error(
                Code::Unreadable,
                Some(&rel),
                format!("{}, not a regular file", special_name(&kind)),
            ),
        })?;
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

/// Where a symbolic link may point.
enum Confinement {
    /// Nowhere: the path must not be a link (a client folder).
    NoLink,
    /// Inside this folder (given as a path under the portal root, not canonical).
    Inside(PathBuf),
}

/// Why a file could not be opened for reading.
pub(crate) enum Opened {
    /// The system refused.
    Io(std::io::Error),
    /// It is not a regular file (it was swapped for a FIFO, socket or device after it was
    /// listed).
    Special(std::fs::FileType),
}

/// Opens `path` for reading without blocking, and only if it is a regular file: a FIFO
/// opened the ordinary way blocks until someone writes to it, which would stall a build
/// forever. `O_NONBLOCK` changes nothing for a regular file's reads.
pub(crate) fn open_regular(path: &Path) -> Result<std::fs::File, Opened> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(Opened::Io)?;
    let kind = file.metadata().map_err(Opened::Io)?.file_type();
    if kind.is_file() {
        Ok(file)
    } else {
        Err(Opened::Special(kind))
    }
}

/// Opens an attachment for copying: a regular file only, never blocking, and any error
/// names the path (it was listed as a regular file, so anything else means it was swapped
/// since).
pub(crate) fn open_copied(path: &Path) -> std::io::Result<std::fs::File> {
    open_regular(path).map_err(|e| match e {
        Opened::Io(e) => std::io::Error::new(e.kind(), format!("{}: {e}", path.display())),
        Opened::Special(kind) => std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{}: {}, not a regular file",
                path.display(),
                special_name(&kind)
            ),
        ),
    })
}

/// What a file that is neither a regular file nor a folder is, for messages.
pub(crate) fn special_name(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        return "a folder";
    }
    "a special file"
}

/// `path` with `/` separators, for messages.
fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
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
