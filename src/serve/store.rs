//! The preview's private folder: where rendered pages wait to be served.
//!
//! It is created readable by its owner only (0700, files 0600), named after the process
//! that made it, and removed when the preview stops, however it stops (the server closes it
//! explicitly; dropping it is the fallback). A preview killed beyond cleaning up (SIGKILL,
//! power loss) leaves its folder behind: the next preview removes such folders of dead
//! processes, never a live preview's.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use super::site::Served;
use crate::render::{Contents, RenderedFile};

/// Names of the private folders start with this, then the process id and a dash.
const PREFIX: &str = "portico-preview-";

/// The private folder of one preview.
pub(crate) struct Store {
    /// `None` once closed. Behind a lock because first builds write into the store
    /// without holding the site's lock (see [`super::site::FirstBuilds`]).
    dir: Mutex<Option<tempfile::TempDir>>,
    /// The folder's path with every link resolved, so files in it can be opened without
    /// following any link (see [`super::open`]).
    canonical: PathBuf,
    next: AtomicU64,
}

impl Store {
    /// Creates a private folder in the system's temporary folder, after removing those of
    /// previews that died without cleaning up.
    pub(crate) fn create() -> std::io::Result<Store> {
        let tmp = std::env::temp_dir();
        sweep(&tmp);
        let mut builder = tempfile::Builder::new();
        let prefix = format!("{PREFIX}{}-", std::process::id());
        builder.prefix(&prefix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let dir = builder.tempdir_in(&tmp)?;
        let canonical = dir.path().canonicalize()?;
        Ok(Store {
            dir: Mutex::new(Some(dir)),
            canonical,
            next: AtomicU64::new(0),
        })
    }

    /// Writes `files` into a new sub-folder; returns them pointing at their copies, and the
    /// sub-folder. Attachments (`Contents::Copy`) stay where they are.
    pub(crate) fn keep(
        &self,
        files: Vec<RenderedFile>,
    ) -> std::io::Result<(Vec<RenderedFile>, PathBuf)> {
        if self.is_closed() {
            return Err(std::io::Error::other("the preview is stopping"));
        }
        let dir = self
            .canonical
            .join(self.next.fetch_add(1, Ordering::Relaxed).to_string());
        // Not recursive: a store removed while a rebuild ran must not be created again.
        private_dir_builder(false).create(&dir)?;
        let mut kept = Vec::with_capacity(files.len());
        for file in files {
            let bytes = match &file.contents {
                Contents::Bytes(bytes) => bytes.clone(),
                Contents::Copy(_) => {
                    kept.push(file);
                    continue;
                }
            };
            let path = dir.join(&file.path);
            if let Some(parent) = path.parent() {
                private_dir_builder(true).create(parent)?;
            }
            write_private(&path, &bytes)?;
            kept.push(RenderedFile {
                path: file.path,
                contents: Contents::Copy(path),
            });
        }
        Ok((kept, dir))
    }

    /// How to serve a file returned by [`Store::keep`].
    pub(crate) fn served(&self, contents: &Contents) -> Served {
        match contents {
            Contents::Bytes(bytes) => Served::Memory(bytes.clone()),
            Contents::Copy(path) if path.starts_with(&self.canonical) => {
                Served::Rendered(path.clone())
            }
            Contents::Copy(path) => Served::Attachment(path.clone()),
        }
    }

    /// Whether [`Store::close`] has been called.
    pub(crate) fn is_closed(&self) -> bool {
        self.dir
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_none()
    }

    /// Removes the folder and everything in it; later [`Store::keep`]s fail.
    pub(crate) fn close(&self) {
        let dir = self
            .dir
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(dir) = dir {
            let path = dir.path().to_path_buf();
            if let Err(e) = dir.close() {
                eprintln!(
                    "portico: could not remove the preview's folder {}: {e}",
                    path.display()
                );
            }
        }
    }
}

fn private_dir_builder(recursive: bool) -> std::fs::DirBuilder {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(recursive);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

/// Removes the private folders in `tmp` of previews whose process is gone. A folder is
/// left alone unless it is a real folder (not a link), belongs to this user, and its name
/// carries the id of a process that no longer runs.
#[cfg(unix)]
fn sweep(tmp: &Path) {
    use std::os::unix::fs::MetadataExt;
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    let me = rustix::process::getuid().as_raw();
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<i32>().ok())
        else {
            continue;
        };
        if u32::try_from(pid).is_ok_and(|p| p == own) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.is_dir() || meta.uid() != me {
            continue;
        }
        let Some(pid) = rustix::process::Pid::from_raw(pid) else {
            continue;
        };
        // ESRCH: no such process. Any other answer (alive, or not ours to signal) keeps it.
        if rustix::process::test_kill_process(pid) == Err(rustix::io::Errno::SRCH) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

#[cfg(not(unix))]
fn sweep(_tmp: &Path) {}
