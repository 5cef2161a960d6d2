//! Golden output: every file a build produces, pinned by an insta snapshot.
//!
//! A change to the theme, the views or the example content shows up here as a reviewable
//! diff. The list of produced files is itself a snapshot, so a page that stops being
//! produced (or a new one) fails the test too.

use std::collections::BTreeMap;

use crate::common::{TempPortal, fixture, read_tree, repo};

/// Snapshots every text file of a built portal under `prefix`, skipping the theme's
/// stylesheet (checked byte for byte against its source instead).
fn assert_tree(prefix: &str, tree: &BTreeMap<String, Vec<u8>>) {
    let listing = tree.keys().cloned().collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!(format!("{prefix}__files"), listing);
    let css = std::fs::read(repo().join("themes/default/static/portico.css")).unwrap();
    for (path, bytes) in tree {
        if path.ends_with("assets/portico.css") {
            assert_eq!(bytes, &css, "{path} differs from the theme's stylesheet");
            continue;
        }
        if path.contains("/files/") {
            continue; // attachments: compared with their sources in build.rs
        }
        if path == portico::output::MARKER {
            continue; // the build manifest: hashes of every input, tested in incremental.rs
        }
        let text =
            String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("{path} is not UTF-8"));
        let name = format!("{prefix}__{}", path.replace('/', "__").replace('.', "_"));
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn example_portal() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.build();
    assert_tree("example", &read_tree(&portal.out()));
}

#[test]
fn one_fixture_per_page_kind() {
    for kind in [
        "minimal",
        "scope",
        "milestones",
        "reports",
        "kpis",
        "changes",
        "raid",
        "escaping",
        "everything",
        "ranges",
        "real-shapes",
        "time",
    ] {
        let portal = TempPortal::copy_of(&fixture(kind));
        portal.build();
        assert_tree(&format!("fixture_{kind}"), &read_tree(&portal.out()));
    }
}
