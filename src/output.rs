//! The only module that writes the output folder.
//!
//! A build writes into a fresh staging folder beside the target and, only once every file is
//! written, swaps it into place. A failed build therefore never leaves a half-written site,
//! and the previous output stays exactly as it was. The target is replaced only when it is
//! empty or was itself written by portico (it carries [`MARKER`]), so pointing `--out` at
//! the wrong folder cannot delete someone's files.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::render::{Contents, RenderedFile};

/// Marks a folder as portico output, safe to replace on the next build.
pub const MARKER: &str = ".portico-output";
const MARKER_TEXT: &str =
    "This folder is written by `portico build` and replaced as a whole on every build.\n";

/// A build's output in progress.
#[derive(Debug)]
pub struct Staging {
    dir: tempfile::TempDir,
    target: PathBuf,
}

impl Staging {
    /// Prepares to replace `target`: checks it may be replaced and creates the staging
    /// folder beside it.
    pub fn begin(target: &Path) -> Result<Staging, Error> {
        ensure_replaceable(target)?;
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs_err::create_dir_all(&parent).map_err(Error::io)?;
        let name = target
            .file_name()
            .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.portico-staging-"))
            .tempdir_in(&parent)
            .map_err(|e| Error::Io {
                path: parent.clone(),
                source: e,
            })?;
        let staging = Staging {
            dir,
            target: target.to_path_buf(),
        };
        staging.write(&[RenderedFile {
            path: MARKER.to_owned(),
            contents: Contents::Bytes(MARKER_TEXT.as_bytes().into()),
        }])?;
        Ok(staging)
    }

    /// The staging folder (for tests and diagnostics).
    pub fn path(&self) -> &Path {
        self.dir.path()
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
        let dest = self.dir.path().join(rel);
        if let Some(parent) = dest.parent() {
            fs_err::create_dir_all(parent).map_err(Error::io)?;
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
                fs_err::copy(from, &dest).map_err(Error::io)?;
            }
        }
        Ok(())
    }

    /// Swaps the staging folder into place and removes the previous output. The folders in
    /// `reused` move from the previous output into the new one first: renames, not copies.
    /// If anything fails, every moved folder goes back and the previous output stays whole.
    pub fn commit(self, reused: &[String]) -> Result<PathBuf, Error> {
        let Staging { dir, target } = self;
        let staged = dir.keep();
        let abandon = |moved: &[&String], e: std::io::Error| {
            for folder in moved {
                let _ = std::fs::rename(staged.join(folder), target.join(folder));
            }
            let _ = std::fs::remove_dir_all(&staged);
            Error::io(e)
        };
        let mut moved: Vec<&String> = Vec::new();
        for folder in reused {
            if let Err(e) = fs_err::rename(target.join(folder), staged.join(folder)) {
                return Err(abandon(&moved, e));
            }
            moved.push(folder);
        }
        if !target.exists() {
            fs_err::rename(&staged, &target).map_err(|e| abandon(&moved, e))?;
            return Ok(target);
        }
        // Two renames: the old output steps aside, the new one takes its name. Between them
        // the target is briefly absent, never partial.
        let old = sibling(&target, "portico-old");
        fs_err::rename(&target, &old).map_err(|e| abandon(&moved, e))?;
        if let Err(e) = fs_err::rename(&staged, &target) {
            let _ = std::fs::rename(&old, &target);
            return Err(abandon(&moved, e));
        }
        fs_err::remove_dir_all(&old).map_err(Error::io)?;
        Ok(target)
    }
}

/// A path beside `target` that does not exist yet.
fn sibling(target: &Path, tag: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let parent = target.parent().unwrap_or(Path::new("."));
    (0u32..)
        .map(|i| parent.join(format!(".{name}.{tag}-{}-{i}", std::process::id())))
        .find(|p| !p.exists())
        .unwrap_or_else(|| parent.join(format!(".{name}.{tag}")))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> RenderedFile {
        RenderedFile {
            path: path.into(),
            contents: Contents::Bytes(text.as_bytes().into()),
        }
    }

    #[test]
    fn commits_into_a_new_folder_and_replaces_its_own_output() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::begin(&target).unwrap();
        s.write(&[file("a/index.html", "one")]).unwrap();
        s.commit(&[]).unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("a/index.html")).unwrap(),
            "one"
        );

        let s = Staging::begin(&target).unwrap();
        s.write(&[file("b/index.html", "two")]).unwrap();
        s.commit(&[]).unwrap();
        assert!(!target.join("a").exists());
        assert_eq!(
            std::fs::read_to_string(target.join("b/index.html")).unwrap(),
            "two"
        );
        let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn an_abandoned_build_leaves_no_trace() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(target.join("keep.html"), "old").unwrap();
        {
            let s = Staging::begin(&target).unwrap();
            s.write(&[file("new.html", "new")]).unwrap();
            // Dropped without commit, as when rendering fails.
        }
        assert_eq!(
            std::fs::read_to_string(target.join("keep.html")).unwrap(),
            "old"
        );
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_folders_it_did_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
        let err = Staging::begin(tmp.path()).unwrap_err();
        assert!(matches!(err, Error::ForeignOutput { .. }), "{err}");
    }

    #[test]
    fn refuses_paths_that_climb_out() {
        let tmp = tempfile::tempdir().unwrap();
        let s = Staging::begin(&tmp.path().join("out")).unwrap();
        let err = s.write(&[file("../escape.html", "x")]).unwrap_err();
        assert!(matches!(err, Error::UnsafeOutputPath(_)), "{err}");
    }
}
