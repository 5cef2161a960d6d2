//! The only module that writes the output folder.
//!
//! The promise: whenever a build stops, even killed with `kill -9` at any instant, the
//! output folder is either the complete previous build or the complete new one, never a
//! mix. A build never changes the live folder's contents before the one step that replaces
//! it. It writes what it renders into a staging folder beside the target
//! (`.NAME.portico-staging-*`), then, in [`Staging::commit`]:
//!
//! - when the new output differs from the live one in a single client folder (the usual
//!   incremental build: one client edited, added or removed), that folder alone is
//!   exchanged, added or moved out: one atomic step, whatever the number of clients;
//! - otherwise the staging folder is completed into the whole new output (the unchanged
//!   clients' files hard-linked from the live tree, which is only read) and the two names
//!   are exchanged in one step (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np
//!   (RENAME_SWAP)` on macOS; two renames where the file system cannot exchange).
//!
//! What is replaced is then removed. See [`Staging::commit`] for why each step is safe and
//! how the next build repairs an interruption.
//!
//! Each build holds an advisory lock (`flock`) on its staging folder and on the live output
//! for as long as it runs. The kernel drops the locks when the process dies, however it
//! dies, so a leftover nobody holds is an interrupted build's and the next build removes it,
//! while another build's live staging folder (locked) is left alone. Two builds into the same
//! output do not run at once: the second is refused with [`Error::OutputBusy`].
//!
//! The target is replaced only when it is empty or was itself written by portico (it
//! carries [`MARKER`]), so pointing `--out` at the wrong folder cannot delete someone's
//! files.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::render::{Contents, RenderedFile};

/// Marks a folder as portico output, safe to replace on the next build. It names no client,
/// and it is the same on every build (so an incremental build changes only client folders).
pub const MARKER: &str = ".portico-output";
const MARKER_TEXT: &str =
    "This folder is written by `portico build` and replaced as a whole on every build.\n";

/// The name tag of a folder being built (and, after the swap, of what it replaced, being
/// removed): garbage unless a live build holds its lock.
const STAGING_TAG: &str = "portico-staging";
/// The name tag of a complete previous output stepped aside by the two-rename swap: the
/// next build puts it back if the output folder is missing.
const ASIDE_TAG: &str = "portico-old";

/// The marker file.
pub fn marker() -> RenderedFile {
    RenderedFile {
        path: MARKER.to_owned(),
        contents: Contents::Bytes(MARKER_TEXT.as_bytes().into()),
    }
}

/// The identities of the client folders of an output, by folder name (see
/// [`Output::folder_id`]).
pub type FolderIds = BTreeMap<String, String>;

/// Something a build could not remove. The output is complete and correct either way; this
/// only takes disk space, and the next build tries again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leftover {
    /// The previous output, swapped out by this build.
    Previous {
        /// The output folder, holding the new build.
        out: PathBuf,
        /// Where the previous output is left.
        path: PathBuf,
        /// Why it could not be removed.
        error: String,
    },
    /// A folder left by an earlier, interrupted build.
    Interrupted {
        /// The folder.
        path: PathBuf,
        /// Why it could not be removed.
        error: String,
    },
}

impl std::fmt::Display for Leftover {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Leftover::Previous { out, path, error } => write!(
                f,
                "the new output is in place in {}, but the previous output could not be removed \
                 and is left at {} ({error}); the next build removes it, or delete it yourself",
                out.display(),
                path.display()
            ),
            Leftover::Interrupted { path, error } => write!(
                f,
                "could not remove {}, left by an interrupted build ({error}); delete it yourself",
                path.display()
            ),
        }
    }
}

/// The output folder of a build, locked against other builds into it for as long as this
/// value (and the [`Staging`] made from it) lives.
#[derive(Debug)]
pub struct Output {
    target: PathBuf,
    parent: PathBuf,
    name: String,
    /// The lock on the live output folder, when there is one (none before the first build,
    /// or where the file system has no locks).
    live: Option<DirLock>,
    leftovers: Vec<Leftover>,
}

impl Output {
    /// Prepares to replace `target`: puts back a previous output an interrupted swap left
    /// aside, locks the output against other builds, checks it may be replaced, and sweeps
    /// what interrupted builds left beside it.
    pub fn open(target: &Path) -> Result<Output, Error> {
        let name = match target.file_name() {
            Some(n) => n.to_string_lossy().into_owned(),
            None => {
                return Err(Error::ForeignOutput {
                    path: target.to_path_buf(),
                    why: "it is not a folder name; give a path such as `public` or `out/site`"
                        .into(),
                });
            }
        };
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs_err::create_dir_all(&parent).map_err(Error::io)?;
        let mut output = Output {
            target: target.to_path_buf(),
            parent,
            name,
            live: None,
            leftovers: Vec::new(),
        };
        output.recover();
        output.lock_live()?;
        ensure_replaceable(target)?;
        if is_mount_point(target) {
            return Err(Error::OutputMountPoint(target.to_path_buf()));
        }
        output.sweep();
        Ok(output)
    }

    /// The output folder.
    pub fn path(&self) -> &Path {
        &self.target
    }

    /// The identity of a folder of the live output: its device and inode numbers. A rename
    /// keeps them and a new folder gets new ones, so build state that records them tells
    /// whether a folder is still the one it describes.
    pub fn folder_id(&self, folder: &str) -> Option<String> {
        dir_id(&self.target.join(folder))
    }

    /// What could not be removed so far.
    pub fn leftovers(&self) -> &[Leftover] {
        &self.leftovers
    }

    /// Sibling folders of the output with `tag`, sorted: `.NAME.TAG-*`.
    fn siblings(&self, tag: &str) -> Vec<PathBuf> {
        let prefix = format!(".{}.{tag}-", self.name);
        let Ok(entries) = std::fs::read_dir(&self.parent) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
            // Only real folders: portico never names anything else this way.
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect();
        found.sort();
        found
    }

    /// If the output folder is missing and an interrupted two-rename swap left the previous
    /// output aside (complete: an aside is only ever a whole output, see [`Staging::commit`]),
    /// puts it back, so that a build that then fails leaves the last good output in place.
    fn recover(&mut self) {
        if std::fs::symlink_metadata(&self.target).is_ok() {
            return;
        }
        for aside in self.siblings(ASIDE_TAG) {
            // A locked aside belongs to a build in the middle of its swap: not ours to touch.
            let Ok(Some(lock)) = DirLock::try_new(&aside) else {
                continue;
            };
            if aside.join(MARKER).is_file() && std::fs::rename(&aside, &self.target).is_ok() {
                self.live = Some(lock);
                return;
            }
        }
    }

    /// Locks the live output folder, so that no other build replaces it (or sweeps what this
    /// build leaves beside it) while this one runs.
    fn lock_live(&mut self) -> Result<(), Error> {
        if self.live.is_some() {
            return Ok(());
        }
        // The output may be swapped by another build between opening and locking it: the
        // lock then holds the previous folder, so check it is still the one at the path.
        for _ in 0..8 {
            if !std::fs::symlink_metadata(&self.target).is_ok_and(|m| m.is_dir()) {
                return Ok(()); // nothing to lock yet; ensure_replaceable judges the rest
            }
            match DirLock::try_new(&self.target) {
                Ok(Some(lock)) if lock.is_at(&self.target) => {
                    self.live = Some(lock);
                    return Ok(());
                }
                Ok(Some(_)) => continue,
                Ok(None) => return Err(Error::OutputBusy(self.target.clone())),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                // No locks on this file system: builds into one output are not serialised.
                Err(_) => return Ok(()),
            }
        }
        Err(Error::OutputBusy(self.target.clone()))
    }

    /// Removes the staging folders and asides of interrupted builds: those no live build
    /// holds a lock on. The lock is held while removing, so no other build sweeps the same
    /// folder at the same time. A folder whose lock cannot be taken for another reason (a
    /// file system without locks) is left alone: it cannot be told from a live build's.
    fn sweep(&mut self) {
        let mut stale = self.siblings(STAGING_TAG);
        stale.extend(self.siblings(ASIDE_TAG));
        for path in stale {
            let Ok(Some(lock)) = DirLock::try_new(&path) else {
                continue;
            };
            if let Err(e) = remove_tree(&path) {
                self.leftovers.push(Leftover::Interrupted {
                    path,
                    error: e.to_string(),
                });
            }
            drop(lock);
        }
    }

    /// Creates the staging folder beside the target, locked for as long as the build runs.
    pub fn stage(self) -> Result<Staging, Error> {
        for _ in 0..8 {
            let dir = tempfile::Builder::new()
                .prefix(&format!(".{}.{STAGING_TAG}-", self.name))
                .tempdir_in(&self.parent)
                .map_err(|e| Error::Io {
                    path: self.parent.clone(),
                    source: e,
                })?
                .keep();
            // Between creating and locking it, another build's sweep may take it (it is
            // not locked yet): then the lock fails or the folder is gone, so take another.
            match DirLock::try_new(&dir) {
                Ok(Some(lock)) if lock.is_at(&dir) => {
                    return Ok(Staging {
                        dir,
                        lock: Some(lock),
                        output: self,
                        committed: false,
                    });
                }
                Ok(_) => continue,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(_) => {
                    return Ok(Staging {
                        dir,
                        lock: None,
                        output: self,
                        committed: false,
                    });
                }
            }
        }
        Err(Error::OutputBusy(self.target))
    }
}

/// A build's output in progress: a folder beside the target, removed unless committed.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    /// Held until the process ends or this is dropped; after the exchange it holds the live
    /// output (the same folder, under the target's name).
    lock: Option<DirLock>,
    output: Output,
    committed: bool,
}

/// What a committed build leaves.
#[derive(Debug)]
pub struct Committed {
    /// The output folder, now holding the new build.
    pub path: PathBuf,
    /// What could not be removed (the build itself succeeded).
    pub leftovers: Vec<Leftover>,
    /// The new output stays locked until this is dropped, so the build can finish its
    /// bookkeeping before another build starts.
    _locks: (Option<DirLock>, Option<DirLock>),
}

impl Staging {
    /// Prepares to replace `target` ([`Output::open`], then [`Output::stage`]).
    pub fn begin(target: &Path) -> Result<Staging, Error> {
        Output::open(target)?.stage()
    }

    /// The staging folder (for tests and diagnostics).
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The output folder this replaces.
    pub fn target(&self) -> &Path {
        &self.output.target
    }

    /// Writes files into the staging folder, in parallel. Paths must be relative and must
    /// not climb out with `..`; the renderer only produces such paths, and this re-checks.
    pub fn write(&self, files: &[RenderedFile]) -> Result<(), Error> {
        files.par_iter().try_for_each(|file| self.write_one(file))
    }

    fn write_one(&self, file: &RenderedFile) -> Result<(), Error> {
        let rel = Path::new(&file.path);
        let safe = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !safe {
            return Err(Error::UnsafeOutputPath(file.path.clone()));
        }
        let dest = self.dir.join(rel);
        if let Some(parent) = dest.parent() {
            fs_err::create_dir_all(parent).map_err(Error::io)?;
        }
        // A file already here may be a hard link into the live output (see `reuse`):
        // writing through it would change the live output, so it goes first.
        if std::fs::symlink_metadata(&dest).is_ok() {
            fs_err::remove_file(&dest).map_err(Error::io)?;
        }
        match &file.contents {
            Contents::Bytes(bytes) => {
                let mut out =
                    std::io::BufWriter::new(fs_err::File::create(&dest).map_err(Error::io)?);
                out.write_all(bytes).map_err(|e| Error::Io {
                    path: dest.clone(),
                    source: e,
                })?;
                out.flush().map_err(|e| Error::Io {
                    path: dest,
                    source: e,
                })?;
            }
            Contents::Copy(from) => {
                let mut source = crate::load::open_copied(from).map_err(Error::io)?;
                let mut out = fs_err::File::create(&dest).map_err(Error::io)?;
                std::io::copy(&mut source, &mut out).map_err(|e| Error::Io {
                    path: dest.clone(),
                    source: e,
                })?;
            }
        }
        Ok(())
    }

    /// Puts these folders of the live output into the staging folder as they are: every file
    /// hard-linked (copied where the file system has no hard links), so nothing is rewritten
    /// and the live output is only read, never changed. Its files are never written in
    /// place afterwards (see `write_one`), so the live output stays whole until the swap.
    fn reuse(&self, folders: &[String]) -> Result<(), Error> {
        folders.par_iter().try_for_each(|folder| {
            let from = self.output.target.join(folder);
            for entry in walkdir::WalkDir::new(&from) {
                let entry = entry.map_err(|e| Error::io(e.into()))?;
                let rel = entry
                    .path()
                    .strip_prefix(&self.output.target)
                    .map_err(|_| {
                        Error::UnsafeOutputPath(entry.path().to_string_lossy().into_owned())
                    })?;
                let dest = self.dir.join(rel);
                let kind = entry.file_type();
                if kind.is_dir() {
                    fs_err::create_dir(&dest).map_err(Error::io)?;
                } else if kind.is_file() && std::fs::hard_link(entry.path(), &dest).is_err() {
                    fs_err::copy(entry.path(), &dest).map_err(Error::io)?;
                }
                // portico writes nothing else; anything else in its output is not carried over.
            }
            Ok(())
        })
    }

    /// Makes the staged files the output: the client folders written into the staging
    /// folder, the folders of the live output in `keep` as they are, and `root` (the files
    /// at the top, such as the marker). Everything else in the live output goes. `record`
    /// gets the identities the client folders will have, just before the output changes
    /// (build state written there describes the output whatever instant a kill comes at).
    ///
    /// Why every instant is safe (a kill at any point leaves the output whole):
    ///
    /// - Up to the one step that changes the output, the live output has not been touched
    ///   (unchanged clients are kept in place, or hard-linked, never moved); a kill leaves a
    ///   staging folder that the next build sweeps.
    /// - A rebuilt folder byte-identical to the live one (a protected client sealed again
    ///   with the same ciphertext) is no difference: its copy is dropped, the live one kept.
    /// - One folder differs: that folder is exchanged with the live one (one atomic
    ///   `renameat2(RENAME_EXCHANGE)`), or renamed into the output (new client: one atomic
    ///   rename), or renamed out of it into the staging folder (removed client). Before the
    ///   step the output is the old one, after it the new one; what it replaced is under the
    ///   staging name, garbage.
    /// - Otherwise the staging folder becomes the whole new output. No output yet: one
    ///   rename, atomic. Else one exchange of the two names, atomic: before it the old
    ///   output is live, after it the new one is, and the old one sits under the staging
    ///   name.
    /// - Without an atomic exchange (not Linux or macOS, or a file system that lacks it),
    ///   a changed folder is never replaced alone, and the whole output is swapped by two
    ///   renames: (1) the output steps aside to `.NAME.portico-old-*`, (2) the staging
    ///   folder takes its name. Between (1) and (2) the output folder is missing for an
    ///   instant and the complete previous output is the aside; the next build puts it back
    ///   before anything else. After (2) the aside is renamed to the staging name before it
    ///   is removed, so an aside is only ever a complete output and a half-removed tree only
    ///   ever carries the staging name.
    /// - Removing what was replaced can fail (a file it cannot delete): the build has
    ///   succeeded, so that is reported as a [`Leftover`], not an error; the next build
    ///   sweeps it.
    pub fn commit(
        self,
        keep: &[String],
        root: &[RenderedFile],
        record: impl FnMut(&FolderIds),
    ) -> Result<Committed, Error> {
        self.commit_with(keep, root, record, exchange, remove_tree)
    }

    /// [`Staging::commit`], exchanging names with `exchange` and removing what was replaced
    /// with `remove`: the seam where tests take the fallback path or make removal fail.
    fn commit_with(
        mut self,
        keep: &[String],
        root: &[RenderedFile],
        mut record: impl FnMut(&FolderIds),
        exchange: fn(&Path, &Path) -> std::io::Result<()>,
        remove: fn(&Path) -> std::io::Result<()>,
    ) -> Result<Committed, Error> {
        let mut keep = keep.to_vec();
        let differ = self.differences(&keep, root).map(|mut differ| {
            if differ.len() > 1 {
                // A rebuilt folder identical to the live one (a protected client sealed again
                // with the same ciphertext, an edit that changes no page) is no difference:
                // the live one stays, and the copy goes.
                differ.retain(|folder| {
                    let (staged, live) = (self.dir.join(folder), self.output.target.join(folder));
                    let same = same_tree(&staged, &live) && remove_tree(&staged).is_ok();
                    if same {
                        keep.push(folder.clone());
                    }
                    !same
                });
            }
            differ
        });
        let one = match differ {
            Some(differ) if differ.len() <= 1 => Some(differ.into_iter().next()),
            _ => None,
        };
        let replaced = match one
            .map(|folder| self.replace_one(folder.as_deref(), &keep, &mut record, exchange))
        {
            Some(Ok(Some(replaced))) => replaced,
            Some(Err(e)) => return Err(e),
            // Not a single difference, or the file system cannot exchange.
            None | Some(Ok(None)) => self.replace_whole(&keep, root, &mut record, exchange)?,
        };
        self.committed = true;
        let target = self.output.target.clone();
        let mut leftovers = std::mem::take(&mut self.output.leftovers);
        if let Some(replaced) = replaced {
            if let Err(e) = remove(&replaced) {
                leftovers.push(Leftover::Previous {
                    out: target.clone(),
                    path: replaced,
                    error: e.to_string(),
                });
            }
        }
        Ok(Committed {
            path: target,
            leftovers,
            _locks: (self.lock.take(), self.output.live.take()),
        })
    }

    /// The top-level folders in which the new output differs from the live one: those
    /// built, and those of the live output not wanted any more. `None` when that is not all
    /// (no live output, different root files, a kept folder missing).
    fn differences(&self, keep: &[String], root: &[RenderedFile]) -> Option<BTreeSet<String>> {
        let names = |dir: &Path| -> Option<BTreeSet<String>> {
            std::fs::read_dir(dir)
                .ok()?
                .map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .collect()
        };
        let live = names(&self.output.target)?;
        let built = names(&self.dir)?;
        for file in root {
            let same = match &file.contents {
                Contents::Bytes(bytes) => std::fs::read(self.output.target.join(&file.path))
                    .is_ok_and(|live| *live == **bytes),
                Contents::Copy(_) => false,
            };
            if !same || built.contains(&file.path) {
                return None;
            }
        }
        if !keep.iter().all(|k| live.contains(k)) {
            return None;
        }
        let mut wanted: BTreeSet<&str> = root.iter().map(|f| f.path.as_str()).collect();
        wanted.extend(keep.iter().map(String::as_str));
        wanted.extend(built.iter().map(String::as_str));
        let gone: Vec<String> = live
            .into_iter()
            .filter(|n| !wanted.contains(n.as_str()))
            .collect();
        let mut differ = built;
        differ.extend(gone);
        Some(differ)
    }

    /// Replaces, adds or removes one folder of the live output in one atomic step (or
    /// nothing, when no folder differs). Returns where what it replaced now is (to remove),
    /// or `None` when the file system cannot exchange (nothing was changed).
    fn replace_one(
        &mut self,
        folder: Option<&str>,
        keep: &[String],
        record: &mut impl FnMut(&FolderIds),
        exchange: fn(&Path, &Path) -> std::io::Result<()>,
    ) -> Result<Option<Option<PathBuf>>, Error> {
        let mut ids: FolderIds = keep
            .iter()
            .filter_map(|k| Some((k.clone(), self.output.folder_id(k)?)))
            .collect();
        let Some(folder) = folder else {
            record(&ids);
            return Ok(Some(Some(self.dir.clone())));
        };
        let live = self.output.target.join(folder);
        let staged = self.dir.join(folder);
        let in_staging = std::fs::symlink_metadata(&staged).is_ok();
        if let Some(id) = in_staging.then(|| dir_id(&staged)).flatten() {
            ids.insert(folder.to_owned(), id);
        }
        let in_live = std::fs::symlink_metadata(&live).is_ok();
        // Recorded before the step: a kill right after leaves state naming the new folder's
        // identity, which the live folder does not have, so that client is rebuilt.
        record(&ids);
        let step = match (in_staging, in_live) {
            (true, true) => match exchange(&staged, &live) {
                Err(e) if exchange_unsupported(&e) => return Ok(None),
                other => other,
            },
            (true, false) => std::fs::rename(&staged, &live),
            (false, _) => std::fs::rename(&live, &staged),
        };
        step.map_err(|e| self.swap_error(e))?;
        Ok(Some(Some(self.dir.clone())))
    }

    /// Completes the staging folder into the whole new output and swaps it in. Returns where
    /// the previous output now is (to remove), if there was one.
    fn replace_whole(
        &mut self,
        keep: &[String],
        root: &[RenderedFile],
        record: &mut impl FnMut(&FolderIds),
        exchange: fn(&Path, &Path) -> std::io::Result<()>,
    ) -> Result<Option<PathBuf>, Error> {
        self.write(root)?;
        self.reuse(keep)?;
        let ids: FolderIds = std::fs::read_dir(&self.dir)
            .map_err(|e| Error::Io {
                path: self.dir.clone(),
                source: e,
            })?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| {
                Some((
                    e.file_name().to_string_lossy().into_owned(),
                    dir_id(&e.path())?,
                ))
            })
            .collect();
        record(&ids);
        let target = self.output.target.clone();
        if std::fs::symlink_metadata(&target).is_err() {
            match std::fs::rename(&self.dir, &target) {
                Ok(()) => return Ok(None),
                // Another build created the output meanwhile: swap with it instead.
                Err(_) if std::fs::symlink_metadata(&target).is_ok() => {}
                Err(e) => return Err(self.swap_error(e)),
            }
        }
        match exchange(&self.dir, &target) {
            Ok(()) => Ok(Some(self.dir.clone())),
            Err(e) if exchange_unsupported(&e) => self.swap_by_renames().map(Some),
            Err(e) => Err(self.swap_error(e)),
        }
    }

    /// The two-rename swap, for file systems without an atomic exchange.
    fn swap_by_renames(&mut self) -> Result<PathBuf, Error> {
        let target = self.output.target.clone();
        let aside = unique_sibling(&self.output.parent, &self.output.name, ASIDE_TAG);
        std::fs::rename(&target, &aside).map_err(|e| self.swap_error(e))?;
        if let Err(e) = std::fs::rename(&self.dir, &target) {
            return Err(match std::fs::rename(&aside, &target) {
                Ok(()) => self.swap_error(e),
                Err(_) => Error::SwapIncomplete {
                    out: target,
                    aside,
                    source: e,
                },
            });
        }
        // The staging name is free now: the aside moves there before it is removed, so
        // that it is never half-removed under the name that means "a complete output".
        match std::fs::rename(&aside, &self.dir) {
            Ok(()) => Ok(self.dir.clone()),
            Err(_) => Ok(aside),
        }
    }

    /// The error for a failed swap, with what a mount point needs.
    fn swap_error(&self, e: std::io::Error) -> Error {
        swap_error(&self.output.target, e)
    }
}

impl Drop for Staging {
    /// An abandoned build (rendering failed, or the swap did) leaves no trace.
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_tree(&self.dir);
        }
    }
}

/// The error for a swap that failed with `e`: a mount point (`EBUSY`, or `EXDEV` when the
/// staging folder is on another file system) gets its own message and hint.
fn swap_error(target: &Path, e: std::io::Error) -> Error {
    const EBUSY: i32 = 16;
    const EXDEV: i32 = 18;
    match e.raw_os_error() {
        Some(EBUSY | EXDEV) => Error::OutputMountPoint(target.to_path_buf()),
        _ => Error::Io {
            path: target.to_path_buf(),
            source: e,
        },
    }
}

/// Removes a folder and everything in it, its top-level entries in parallel; one already
/// gone is fine.
fn remove_tree(path: &Path) -> std::io::Result<()> {
    let gone = |r: std::io::Result<()>| match r {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    };
    let entries: Vec<std::fs::DirEntry> = match std::fs::read_dir(path) {
        Ok(read) => read.collect::<std::io::Result<_>>()?,
        Err(e) => return gone(Err(e)),
    };
    entries.par_iter().try_for_each(|entry| {
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        gone(if is_dir {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        })
    })?;
    gone(std::fs::remove_dir(path))
}

/// Whether two folders hold the same entries with the same bytes (read in pieces, never
/// whole).
fn same_tree(a: &Path, b: &Path) -> bool {
    fn entries(root: &Path) -> Option<Vec<(PathBuf, bool, u64)>> {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(|e| {
                let e = e.ok()?;
                let meta = e.metadata().ok()?;
                let rel = e.path().strip_prefix(root).ok()?.to_path_buf();
                let kind = e.file_type();
                (kind.is_dir() || kind.is_file()).then(|| (rel, kind.is_dir(), meta.len()))
            })
            .collect()
    }
    let (Some(left), Some(right)) = (entries(a), entries(b)) else {
        return false;
    };
    let shape = |e: &(PathBuf, bool, u64)| (e.0.clone(), e.1, if e.1 { 0 } else { e.2 });
    if !left.iter().map(shape).eq(right.iter().map(shape)) {
        return false;
    }
    left.par_iter()
        .filter(|(_, is_dir, _)| !is_dir)
        .all(|(rel, _, _)| same_bytes(&a.join(rel), &b.join(rel)).unwrap_or(false))
}

/// Whether two files hold the same bytes.
fn same_bytes(a: &Path, b: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let (mut a, mut b) = (File::open(a)?, File::open(b)?);
    let (mut x, mut y) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = a.read(&mut x)?;
        if n == 0 {
            return Ok(b.read(&mut y[..1])? == 0);
        }
        b.read_exact(&mut y[..n])?;
        if x[..n] != y[..n] {
            return Ok(false);
        }
    }
}

/// A folder's identity: its device and inode numbers (see [`Output::folder_id`]).
#[cfg(unix)]
fn dir_id(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path).ok()?;
    meta.is_dir()
        .then(|| format!("{}:{}", meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_id(_: &Path) -> Option<String> {
    None
}

/// A path beside the output with `tag` that does not exist yet.
fn unique_sibling(parent: &Path, name: &str, tag: &str) -> PathBuf {
    (0u32..)
        .map(|i| parent.join(format!(".{name}.{tag}-{}-{i}", std::process::id())))
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| parent.join(format!(".{name}.{tag}")))
}

/// Exchanges the names of two folders in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Whether `e` says the exchange itself is unsupported (the kernel or the file system),
/// rather than that it failed.
fn exchange_unsupported(e: &std::io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOSYS: i32 = 38;
    const EOPNOTSUPP: i32 = 95;
    const ENOTSUP_APPLE: i32 = 45;
    e.kind() == std::io::ErrorKind::Unsupported
        || match e.raw_os_error() {
            Some(EINVAL | ENOSYS | EOPNOTSUPP) => {
                cfg!(any(target_os = "linux", target_os = "android"))
            }
            Some(ENOTSUP_APPLE) => cfg!(target_vendor = "apple"),
            _ => false,
        }
}

/// Whether `path` is the root of a mounted file system, which cannot be renamed (`EBUSY`).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn is_mount_point(path: &Path) -> bool {
    use rustix::fs::{AtFlags, CWD, StatxAttributes, StatxFlags, statx};
    match statx(
        CWD,
        path,
        AtFlags::SYMLINK_NOFOLLOW | AtFlags::NO_AUTOMOUNT,
        StatxFlags::empty(),
    ) {
        Ok(st) => st.stx_attributes.contains(StatxAttributes::MOUNT_ROOT),
        Err(_) => false,
    }
}

/// Whether `path` is the root of a mounted file system: on another device than its parent.
#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
fn is_mount_point(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::symlink_metadata(path), std::fs::metadata(parent)) {
        (Ok(a), Ok(b)) => a.is_dir() && a.dev() != b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path) -> bool {
    false
}

/// An advisory lock on a folder (`flock` on an open handle of it), released when dropped or
/// when the process ends in any way.
#[derive(Debug)]
struct DirLock {
    file: File,
}

impl DirLock {
    /// Locks the folder at `path` without waiting: `Ok(None)` when another process (or
    /// another lock in this one) holds it; an error when it cannot be opened or the file
    /// system has no locks.
    #[cfg(unix)]
    fn try_new(path: &Path) -> std::io::Result<Option<DirLock>> {
        use rustix::fs::{FlockOperation, flock};
        let file = File::open(path)?;
        match flock(&file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => Ok(Some(DirLock { file })),
            Err(rustix::io::Errno::WOULDBLOCK) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    #[cfg(not(unix))]
    fn try_new(_: &Path) -> std::io::Result<Option<DirLock>> {
        Err(std::io::ErrorKind::Unsupported.into())
    }

    /// Whether the locked folder is the one now at `path` (not one renamed away meanwhile).
    #[cfg(unix)]
    fn is_at(&self, path: &Path) -> bool {
        use std::os::unix::fs::MetadataExt;
        match (self.file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }

    #[cfg(not(unix))]
    fn is_at(&self, _: &Path) -> bool {
        true
    }
}

/// Refuses to replace a folder portico did not write.
pub fn ensure_replaceable(target: &Path) -> Result<(), Error> {
    let meta = match std::fs::symlink_metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Error::Io {
                path: target.to_path_buf(),
                source: e,
            });
        }
    };
    if !meta.is_dir() {
        return Err(Error::ForeignOutput {
            path: target.to_path_buf(),
            why: "it is not a folder".into(),
        });
    }
    if target.join(MARKER).is_file() {
        return Ok(());
    }
    let empty = fs_err::read_dir(target)
        .map_err(Error::io)?
        .next()
        .is_none();
    if empty {
        Ok(())
    } else {
        Err(Error::ForeignOutput {
            path: target.to_path_buf(),
            why: format!("it is not empty and has no {MARKER} file, so portico did not write it"),
        })
    }
}

#[cfg(all(test, unix))]
mod tests;
