//! What an output was built from, so a rebuild can skip every client whose inputs have not
//! changed.
//!
//! The manifest lives in the output's marker file (`.portico-output`). Each client's entry
//! holds a BLAKE3 hash of everything its pages depend on: portico's version, `portico.yaml`,
//! every theme file, the `--as-of` date, and every file in the client's folder (path and
//! bytes). Templates can read any of a client's data, so a change anywhere in a client
//! rebuilds that whole client, and a change to anything shared rebuilds all of them.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::load::{self, CLIENTS_DIR, CONFIG_FILE};
use crate::model::Date;
use crate::render::Theme;

/// The contents of `.portico-output`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Manifest {
    /// A note for whoever opens the file.
    pub(super) note: String,
    /// The hash of what every client shares.
    pub(super) shared: String,
    /// Per client (by folder name under `clients/`).
    pub(super) clients: BTreeMap<String, ClientEntry>,
}

/// One client's line of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct ClientEntry {
    /// Its folder in the output.
    pub(super) folder: String,
    /// The hash of its inputs (the shared hash included).
    pub(super) inputs: String,
}

const NOTE: &str = "written by portico build; it replaces this folder as a whole on each build";

impl Manifest {
    /// A manifest for these clients.
    pub(super) fn new(shared: String, clients: BTreeMap<String, ClientEntry>) -> Manifest {
        Manifest {
            note: NOTE.to_owned(),
            shared,
            clients,
        }
    }

    /// The manifest of an earlier output, if it has a readable one.
    pub(super) fn read(out: &Path) -> Option<Manifest> {
        let text = std::fs::read_to_string(out.join(crate::output::MARKER)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// The manifest as written.
    pub(super) fn to_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The hash of what every client's pages share.
pub(super) fn shared_hash(portal: &Path, theme: &Theme, as_of: Option<Date>) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(b"\0as_of\0");
    hasher.update(as_of.map(|d| d.to_string()).unwrap_or_default().as_bytes());
    hasher.update(b"\0config\0");
    hasher.update(&std::fs::read(portal.join(CONFIG_FILE)).unwrap_or_default());
    for (name, file) in theme.templates().chain(theme.statics()) {
        hasher.update(b"\0theme\0");
        hasher.update(name.as_bytes());
        hasher.update(b"\0");
        hasher.update(&file.bytes);
    }
    hasher.finalize().to_hex().to_string()
}

/// The hash of a client's inputs: the shared hash and every file of its folder. `None` when
/// the folder cannot be read (the build then reports why).
pub(super) fn client_hash(portal: &Path, slug: &str, shared: &str) -> Option<String> {
    let dir = portal.join(CLIENTS_DIR).join(slug);
    let mut hasher = blake3::Hasher::new();
    hasher.update(shared.as_bytes());
    let mut paths: Vec<_> = walkdir::WalkDir::new(&dir)
        .follow_links(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| load::is_ignored(&n.to_string_lossy()))
        })
        .collect();
    paths.sort();
    for path in paths {
        let rel = path.strip_prefix(&dir).ok()?;
        hasher.update(b"\0file\0");
        hasher.update(rel.to_string_lossy().as_bytes());
        hasher.update(b"\0");
        hasher.update(&std::fs::read(&path).ok()?);
    }
    Some(hasher.finalize().to_hex().to_string())
}
