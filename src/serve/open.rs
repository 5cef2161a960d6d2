//! Opening the files a snapshot names, at request time, without trusting what is on disk.
//!
//! A snapshot names each file by its canonical path (every link resolved when the preview
//! built it, and checked then to lie inside the client's folder or the private store). At
//! request time the path is walked again one component at a time from `/`, each opened with
//! `O_NOFOLLOW` relative to its parent: a file or folder swapped for a link since the build
//! is refused, not followed, whatever the link points at. The last component is opened with
//! `O_NONBLOCK` and must be a regular file, so a FIFO, a device or a socket put in a file's
//! place cannot stall or feed the server.

use std::fs::File;
use std::path::{Component, Path, PathBuf};

/// Why a file of the snapshot was not opened.
#[derive(Debug)]
pub(crate) enum Refused {
    /// Nothing is there any more.
    Missing,
    /// The path now goes through a symbolic link.
    Link,
    /// It is there but not a regular file (a folder, a FIFO, a device, a socket).
    NotRegular,
    /// Any other failure to open or inspect it.
    Io(std::io::Error),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Missing => f.write_str("it is no longer there"),
            Refused::Link => f.write_str("it has been replaced by (or moved behind) a link"),
            Refused::NotRegular => f.write_str("it is no longer a regular file"),
            Refused::Io(e) => write!(f, "it cannot be opened: {e}"),
        }
    }
}

/// Opens the regular file at the canonical path `path` without following any link; returns
/// it with its size.
#[cfg(unix)]
pub(crate) fn open_regular(path: &Path) -> Result<(File, u64), Refused> {
    use rustix::fs::{Mode, OFlags, openat};
    use std::os::fd::OwnedFd;

    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::RootDir => {}
            Component::Normal(name) => parts.push(name),
            // Canonical paths have neither; refuse rather than interpret them.
            _ => return Err(Refused::Link),
        }
    }
    let Some((last, folders)) = parts.split_last() else {
        return Err(Refused::NotRegular);
    };
    if !path.is_absolute() {
        return Err(Refused::Link);
    }
    let errno = |e: rustix::io::Errno| match e {
        rustix::io::Errno::NOENT => Refused::Missing,
        rustix::io::Errno::LOOP | rustix::io::Errno::NOTDIR => Refused::Link,
        e => Refused::Io(e.into()),
    };
    let folder_flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let mut dir: OwnedFd = rustix::fs::open(
        "/",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(errno)?;
    for name in folders {
        dir = openat(&dir, *name, folder_flags, Mode::empty()).map_err(errno)?;
    }
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    let file_flags =
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let file = File::from(openat(&dir, *last, file_flags, Mode::empty()).map_err(errno)?);
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.file_type().is_file() {
        return Err(Refused::NotRegular);
    }
    Ok((file, meta.len()))
}

/// Opens the regular file at the canonical path `path`, refusing links along the way (a
/// check, then an open: without `openat` this is the best the platform offers).
#[cfg(not(unix))]
pub(crate) fn open_regular(path: &Path) -> Result<(File, u64), Refused> {
    let mut walked = PathBuf::new();
    for component in path.components() {
        walked.push(component);
        if let Component::Normal(_) = component {
            match std::fs::symlink_metadata(&walked) {
                Ok(m) if m.file_type().is_symlink() => return Err(Refused::Link),
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Refused::Missing),
                Err(e) => return Err(Refused::Io(e)),
            }
        }
    }
    let file = File::open(path).map_err(Refused::Io)?;
    let meta = file.metadata().map_err(Refused::Io)?;
    if !meta.file_type().is_file() {
        return Err(Refused::NotRegular);
    }
    Ok((file, meta.len()))
}

/// Reads a whole file of the snapshot (a rendered page, or an attachment being sealed).
pub(crate) fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let (file, len) = open_regular(path)
        .map_err(|why| std::io::Error::other(format!("{}: {why}", path.display())))?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // Never more than the size it had when opened, should it grow meanwhile.
    file.take(len).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The canonical path of a client's attachment, checked against the rules of the build:
/// it must resolve inside `client_dir` (itself canonical) and be a regular file.
pub(crate) fn resolve_attachment(path: &Path, client_dir: &Path) -> Result<PathBuf, String> {
    let canonical = path
        .canonicalize()
        .map_err(|e| format!("cannot be resolved: {e}"))?;
    if !canonical.starts_with(client_dir) {
        return Err(format!(
            "leads to {}, outside the client's folder",
            canonical.display()
        ));
    }
    let meta = std::fs::symlink_metadata(&canonical).map_err(|e| format!("cannot be read: {e}"))?;
    if !meta.file_type().is_file() {
        return Err("is not a regular file (a FIFO, device or socket?)".to_owned());
    }
    Ok(canonical)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn opens_regular_files_only_and_follows_no_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("real")).unwrap();
        std::fs::write(root.join("real/a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(root.join("real"), root.join("linked")).unwrap();
        std::os::unix::fs::symlink(root.join("real/a.txt"), root.join("real/b.txt")).unwrap();
        let (_, len) = open_regular(&root.join("real/a.txt")).unwrap();
        assert_eq!(len, 1);
        assert!(matches!(
            open_regular(&root.join("linked/a.txt")),
            Err(Refused::Link)
        ));
        assert!(matches!(
            open_regular(&root.join("real/b.txt")),
            Err(Refused::Link)
        ));
        assert!(matches!(
            open_regular(&root.join("real/c.txt")),
            Err(Refused::Missing)
        ));
        assert!(matches!(
            open_regular(&root.join("real")),
            Err(Refused::NotRegular)
        ));
        assert!(matches!(
            open_regular(Path::new("real/a.txt")),
            Err(Refused::Link)
        ));
    }
}
