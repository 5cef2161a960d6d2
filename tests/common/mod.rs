//! Shared test helpers: fixture portals copied into temp folders, output trees read back.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture under `tests/fixtures/`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// A portal copied into a fresh temp folder, so tests can edit and build it freely.
pub(crate) struct TempPortal {
    pub(crate) dir: tempfile::TempDir,
}

impl TempPortal {
    pub(crate) fn copy_of(src: &Path) -> TempPortal {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(src, dir.path());
        TempPortal { dir }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub(crate) fn write(&self, rel: &str, text: &str) {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Builds, expecting failure.
    pub(crate) fn build_err(&self) -> portico::Error {
        portico::build(&portico::BuildOptions {
            portal: self.path().to_path_buf(),
            ..Default::default()
        })
        .expect_err("the build should fail")
    }

    pub(crate) fn build(&self) -> portico::BuildReport {
        portico::build(&portico::BuildOptions {
            portal: self.path().to_path_buf(),
            out: None,
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("build failed: {e}\n{}", describe(&e)))
    }
}

/// The diagnostics inside an error, one per line, for panic messages.
pub(crate) fn describe(e: &portico::Error) -> String {
    match e {
        portico::Error::Invalid(all) => all
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
        other => other.to_string(),
    }
}

/// Copies a fixture, recreating symbolic links as links (never following them).
pub(crate) fn copy_tree(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        // A build's output and its state (left by a build of the checked-out portal on
        // this machine) are not part of the portal a test starts from.
        if rel.starts_with("public") || rel.starts_with(portico::build::STATE_DIR) {
            continue;
        }
        let target = dst.join(rel);
        if entry.path_is_symlink() {
            let link = std::fs::read_link(entry.path()).unwrap();
            std::os::unix::fs::symlink(link, &target).unwrap();
        } else if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The sorted sub-folders of a fixture group such as `invalid`.
pub(crate) fn fixture_group(group: &str) -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = std::fs::read_dir(fixture(group))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    cases.sort();
    cases
}

/// Every file under `dir`, by `/`-separated relative path.
pub(crate) fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (key, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The values of every `href="..."` and `src="..."` in an HTML page.
pub(crate) fn links_in(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            let after = &rest[i + attr.len()..];
            let end = after.find('"').unwrap_or(after.len());
            found.push(after[..end].replace("&amp;", "&"));
            rest = &after[end..];
        }
    }
    found
}
