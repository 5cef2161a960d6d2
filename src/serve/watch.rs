//! File events -> what to rebuild.
//!
//! [`classify`] is a pure function from changed paths to [`Changes`], so the rules (which
//! files matter, which editor leftovers do not) are tested without a file system. The
//! watcher itself is notify behind a debouncer: editors save in several steps (write a
//! temp file, rename, touch), and one rebuild per save is what the user wants.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdCache, new_debouncer_opt};

use crate::load::{CLIENTS_DIR, CONFIG_FILE, is_ignored};
use crate::render::theme::{OVERRIDE_DIR, THEMES_DIR};

/// What a batch of file events asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// `portico.yaml` or the theme changed, or a client folder appeared or vanished:
    /// rebuild everything.
    pub everything: bool,
    /// Clients whose files changed.
    pub clients: BTreeSet<String>,
}

impl Changes {
    /// True when nothing needs rebuilding.
    pub fn is_empty(&self) -> bool {
        !self.everything && self.clients.is_empty()
    }
}

/// Sorts changed paths (absolute, or relative to `root`) into what must be rebuilt.
pub fn classify<'a>(root: &Path, paths: impl IntoIterator<Item = &'a Path>) -> Changes {
    let mut changes = Changes::default();
    for path in paths {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let parts: Vec<&str> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            })
            .collect();
        // Editors' swap, backup and temp files never change the portal, wherever they are.
        if parts.iter().any(|p| is_ignored(p)) {
            continue;
        }
        match parts.as_slice() {
            [CONFIG_FILE] => changes.everything = true,
            [dir, ..] if *dir == OVERRIDE_DIR || *dir == THEMES_DIR => changes.everything = true,
            // A client folder itself (created, deleted, renamed), or a stray file beside them.
            [CLIENTS_DIR] | [CLIENTS_DIR, _] => changes.everything = true,
            [CLIENTS_DIR, slug, _, ..] => {
                changes.clients.insert((*slug).to_owned());
            }
            // Anything else (the output folder, notes at the root) is not part of the portal.
            _ => {}
        }
    }
    changes
}

/// Keeps the watcher alive; dropping it stops watching.
pub(crate) struct Watcher {
    _inner: Box<dyn Send>,
}

/// How long a burst of events may last before it is handled as one change.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// Watches `root` recursively and calls `on_change` with each debounced batch that matters.
/// `poll` uses polling instead of the OS's notifications, for file systems where those are
/// unreliable (network mounts, some containers).
pub(crate) fn watch(
    root: &Path,
    poll: bool,
    on_change: impl Fn(Changes) + Send + 'static,
) -> notify::Result<Watcher> {
    let root_for_events: PathBuf = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let paths = events
            .iter()
            // On Linux, notify 8 reports reads as Access events; the rebuild reads the
            // portal, so reacting to them would loop forever.
            .filter(|e| !matches!(e.kind, EventKind::Access(_)))
            .flat_map(|e| e.paths.iter().map(PathBuf::as_path));
        let changes = classify(&root_for_events, paths);
        if !changes.is_empty() {
            on_change(changes);
        }
    };
    fn start<W: notify::Watcher + Send + 'static, C: FileIdCache + Send + 'static>(
        root: &Path,
        handler: impl Fn(DebounceEventResult) + Send + 'static,
        cache: C,
        config: notify::Config,
    ) -> notify::Result<Watcher> {
        let mut debouncer: Debouncer<W, C> =
            new_debouncer_opt(DEBOUNCE, None, handler, cache, config)?;
        debouncer.watch(root, RecursiveMode::Recursive)?;
        Ok(Watcher {
            _inner: Box::new(debouncer),
        })
    }
    if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(250));
        start::<notify::PollWatcher, _>(root, handler, notify_debouncer_full::NoCache, config)
    } else {
        start::<notify::RecommendedWatcher, _>(
            root,
            handler,
            notify_debouncer_full::RecommendedCache::new(),
            notify::Config::default(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> Changes {
        let root = Path::new("/portal");
        let paths: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        classify(root, paths.iter().map(PathBuf::as_path))
    }

    #[test]
    fn client_files_rebuild_their_client() {
        let c = changes(&[
            "clients/acme/reports/2026-11-14.md",
            "clients/acme/files/plan.pdf",
            "clients/globex/client.yaml",
        ]);
        assert!(!c.everything);
        assert_eq!(
            c.clients.into_iter().collect::<Vec<_>>(),
            ["acme", "globex"]
        );
    }

    #[test]
    fn config_theme_and_client_folders_rebuild_everything() {
        assert!(changes(&["portico.yaml"]).everything);
        assert!(changes(&["theme/templates/base.html"]).everything);
        assert!(changes(&["themes/brand/static/portico.css"]).everything);
        assert!(
            changes(&["clients/newco"]).everything,
            "a new client folder"
        );
        assert!(changes(&["clients"]).everything);
    }

    #[test]
    fn editor_leftovers_and_output_are_ignored() {
        for path in [
            "clients/acme/reports/.2026-11-14.md.swp",
            "clients/acme/reports/2026-11-14.md~",
            "clients/acme/reports/#2026-11-14.md#",
            "clients/acme/.git/index",
            "public/acme/index.html",
            ".portico-staging-x/acme/index.html",
            "README.md",
            "theme/templates/.base.html.swx",
        ] {
            assert!(changes(&[path]).is_empty(), "{path}");
        }
    }
}
