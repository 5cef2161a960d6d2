//! The output's swap, sweep and recovery, step by step (the kill harness in
//! `tests/suite/crash.rs` tries them with real processes).

use std::os::unix::fs::MetadataExt;

use super::*;

fn file(path: &str, text: &str) -> RenderedFile {
    RenderedFile {
        path: path.into(),
        contents: Contents::Bytes(text.as_bytes().into()),
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// An earlier output at `target`: a marker and `acme/index.html` saying `text`.
fn earlier_output(target: &Path, text: &str) {
    std::fs::create_dir_all(target.join("acme")).unwrap();
    std::fs::write(target.join(MARKER), MARKER_TEXT).unwrap();
    std::fs::write(target.join("acme/index.html"), text).unwrap();
}

/// Commits with the marker as the only root file, keeping `keep`; returns the folder
/// identities recorded.
fn commit(s: Staging, keep: &[&str]) -> (Committed, FolderIds) {
    commit_with(s, keep, exchange, remove_tree)
}

fn commit_with(
    s: Staging,
    keep: &[&str],
    exchange: fn(&Path, &Path) -> std::io::Result<()>,
    remove: fn(&Path) -> std::io::Result<()>,
) -> (Committed, FolderIds) {
    let keep: Vec<String> = keep.iter().map(|k| (*k).to_owned()).collect();
    let mut recorded = FolderIds::new();
    let done = s
        .commit_with(
            &keep,
            &[marker()],
            |ids| recorded = ids.clone(),
            exchange,
            remove,
        )
        .unwrap();
    (done, recorded)
}

/// The identity of a folder, as recorded.
fn id_of(path: &Path) -> String {
    dir_id(path).unwrap()
}

fn unsupported(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from_raw_os_error(22)) // EINVAL: the file system cannot exchange
}

#[test]
fn commits_into_a_new_folder_and_replaces_its_own_output() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let s = Staging::begin(&target).unwrap();
    s.write(&[file("a/index.html", "one")]).unwrap();
    let (_, ids) = commit(s, &[]);
    assert_eq!(
        std::fs::read_to_string(target.join("a/index.html")).unwrap(),
        "one"
    );
    assert_eq!(
        ids,
        FolderIds::from([("a".into(), id_of(&target.join("a")))])
    );

    let s = Staging::begin(&target).unwrap();
    s.write(&[file("b/index.html", "two")]).unwrap();
    let (done, _) = commit(s, &[]);
    assert!(done.leftovers.is_empty());
    assert!(!target.join("a").exists());
    assert_eq!(
        std::fs::read_to_string(target.join("b/index.html")).unwrap(),
        "two"
    );
    assert_eq!(names(tmp.path()), vec!["public"]);
}

#[test]
fn without_an_atomic_exchange_two_renames_do_it_and_leave_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    earlier_output(&target, "old");
    std::fs::create_dir_all(target.join("globex")).unwrap();
    let s = Staging::begin(&target).unwrap();
    s.write(&[file("acme/index.html", "new")]).unwrap();
    let (done, _) = commit_with(s, &["globex"], unsupported, remove_tree);
    assert!(done.leftovers.is_empty());
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "new"
    );
    assert!(target.join("globex").is_dir());
    drop(done);
    assert_eq!(names(tmp.path()), vec!["public"]);
}

/// The usual incremental build: one client folder differs, and only it changes, in one
/// step; the other folders stay the very same (same identity, nothing re-linked).
#[test]
fn one_changed_folder_is_exchanged_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    earlier_output(&target, "old");
    std::fs::write(target.join("robots.txt"), "robots").unwrap();
    std::fs::create_dir_all(target.join("globex")).unwrap();
    std::fs::create_dir_all(target.join("initech")).unwrap();
    let root_id = id_of(&target);
    let globex_id = id_of(&target.join("globex"));
    let robots = file("robots.txt", "robots");
    let commit_root = |s: Staging, keep: &[&str]| {
        let keep: Vec<String> = keep.iter().map(|k| (*k).to_owned()).collect();
        let mut recorded = FolderIds::new();
        s.commit(&keep, &[robots.clone(), marker()], |ids| {
            recorded = ids.clone()
        })
        .unwrap();
        recorded
    };

    // Changed.
    let s = Staging::begin(&target).unwrap();
    s.write(&[file("acme/index.html", "new")]).unwrap();
    let new_acme = id_of(&s.path().join("acme"));
    let ids = commit_root(s, &["globex", "initech"]);
    assert_eq!(id_of(&target), root_id, "the output folder itself stays");
    assert_eq!(ids["acme"], new_acme);
    assert_eq!(id_of(&target.join("acme")), new_acme);
    assert_eq!(ids["globex"], globex_id);
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "new"
    );
    // Added.
    let s = Staging::begin(&target).unwrap();
    s.write(&[file("hooli/index.html", "hi")]).unwrap();
    commit_root(s, &["acme", "globex", "initech"]);
    assert!(target.join("hooli/index.html").is_file());
    // Removed.
    let s = Staging::begin(&target).unwrap();
    let ids = commit_root(s, &["acme", "globex", "hooli"]);
    assert!(!target.join("initech").exists());
    assert_eq!(ids.len(), 3);
    assert_eq!(id_of(&target), root_id);
    assert_eq!(id_of(&target.join("globex")), globex_id);
    assert_eq!(
        names(&target),
        vec![".portico-output", "acme", "globex", "hooli", "robots.txt"]
    );
    assert_eq!(names(tmp.path()), vec!["public"]);

    // Two differences, or a changed root file: the whole output is swapped.
    let s = Staging::begin(&target).unwrap();
    s.write(&[
        file("acme/index.html", "newer"),
        file("hooli/index.html", "ho"),
    ])
    .unwrap();
    commit_root(s, &["globex"]);
    assert_ne!(id_of(&target), root_id);
    assert_eq!(
        names(&target),
        vec![".portico-output", "acme", "globex", "hooli", "robots.txt"]
    );
    assert_eq!(names(tmp.path()), vec!["public"]);
}

/// A protected client is sealed again on every build, to the same bytes when nothing
/// changed: such a folder is no difference, so an edit elsewhere still changes one folder.
#[test]
fn a_rebuilt_folder_identical_to_the_live_one_is_no_difference() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    earlier_output(&target, "old");
    std::fs::create_dir_all(target.join("globex/reports/one")).unwrap();
    std::fs::write(target.join("globex/reports/one/index.html"), "sealed").unwrap();
    std::fs::write(target.join("globex/index.html"), "sealed too").unwrap();
    let root_id = id_of(&target);
    let globex_id = id_of(&target.join("globex"));
    let s = Staging::begin(&target).unwrap();
    s.write(&[
        file("acme/index.html", "new"),
        file("globex/reports/one/index.html", "sealed"),
        file("globex/index.html", "sealed too"),
    ])
    .unwrap();
    let (_, ids) = commit(s, &[]);
    assert_eq!(
        id_of(&target),
        root_id,
        "one folder replaced, not the whole"
    );
    assert_eq!(ids["globex"], globex_id);
    assert_eq!(id_of(&target.join("globex")), globex_id);
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "new"
    );

    // Different bytes, or one file more, are a difference.
    for extra in [
        file("globex/index.html", "sealed, but not the same"),
        file("globex/new.html", "x"),
    ] {
        // Compared with the folder live just before, which exists while its replacement is
        // made: a folder removed earlier may hand its inode number on (this test failed so).
        let live = id_of(&target.join("globex"));
        let s = Staging::begin(&target).unwrap();
        let mut files = vec![
            file("acme/index.html", "newer"),
            file("globex/reports/one/index.html", "sealed"),
            file("globex/index.html", "sealed too"),
        ];
        files.retain(|f| f.path != extra.path);
        files.push(extra.clone());
        s.write(&files).unwrap();
        commit(s, &[]);
        assert_ne!(id_of(&target.join("globex")), live, "{}", extra.path);
        let s = Staging::begin(&target).unwrap();
        s.write(&[
            file("acme/index.html", "new"),
            file("globex/reports/one/index.html", "sealed"),
            file("globex/index.html", "sealed too"),
        ])
        .unwrap();
        commit(s, &[]);
    }
    assert_eq!(names(tmp.path()), vec!["public"]);
}

#[test]
fn an_abandoned_build_leaves_no_trace() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    earlier_output(&target, "old");
    {
        let s = Staging::begin(&target).unwrap();
        s.write(&[file("new.html", "new")]).unwrap();
        // Dropped without commit, as when rendering fails.
    }
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "old"
    );
    assert_eq!(names(tmp.path()), vec!["public"]);
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

/// Reused folders are hard links into the live output: the same files (same inodes), and
/// writing over one in staging replaces the link instead of changing the live file.
#[test]
fn reused_folders_share_files_and_never_change_the_live_output() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    earlier_output(&target, "old");
    std::fs::create_dir_all(target.join("acme/reports/one")).unwrap();
    std::fs::write(target.join("acme/reports/one/index.html"), "report").unwrap();
    let live_inode = std::fs::metadata(target.join("acme/reports/one/index.html"))
        .unwrap()
        .ino();
    let s = Staging::begin(&target).unwrap();
    s.reuse(&["acme".to_owned()]).unwrap();
    s.write(&[file("acme/index.html", "new")]).unwrap();
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "old",
        "the live output is untouched before the swap"
    );
    // Committed as a whole (a changed root file makes it so), keeping what is staged.
    let done = s.commit(&[], &[file("robots.txt", "new")], |_| {}).unwrap();
    drop(done);
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "new"
    );
    let inode = std::fs::metadata(target.join("acme/reports/one/index.html"))
        .unwrap()
        .ino();
    assert_eq!(inode, live_inode, "reused, not rewritten");
}

/// Item 3 of issue 14: when the previous output cannot be removed after the swap, the build
/// has still succeeded, and the report says where the previous output is left.
#[test]
fn a_previous_output_that_cannot_be_removed_is_reported_as_left_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    earlier_output(&target, "old");
    fn refuse(_: &Path) -> std::io::Result<()> {
        Err(std::io::Error::from_raw_os_error(1)) // EPERM
    }
    for exchange_with in [
        exchange as fn(&Path, &Path) -> std::io::Result<()>,
        unsupported,
    ] {
        let s = Staging::begin(&target).unwrap();
        s.write(&[file("acme/index.html", "new")]).unwrap();
        let (done, _) = commit_with(s, &[], exchange_with, refuse);
        assert_eq!(
            std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
            "new"
        );
        let [Leftover::Previous { out, path, error }] = done.leftovers.as_slice() else {
            panic!("{:?}", done.leftovers);
        };
        assert_eq!(out, &target);
        assert_eq!(
            std::fs::read_to_string(path.join("acme/index.html")).unwrap(),
            "old",
            "the previous output is where the report says"
        );
        assert!(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".public.portico-staging-"),
            "a half-removed tree only ever has the staging name: {}",
            path.display()
        );
        let message = done.leftovers[0].to_string();
        assert!(
            message.starts_with(&format!(
                "the new output is in place in {}, but the previous output could not be removed and is left at {} (",
                target.display(),
                path.display()
            )),
            "{message}"
        );
        assert!(error.contains("Operation not permitted"), "{error}");
        drop(done);
        // The next build sweeps it.
        let output = Output::open(&target).unwrap();
        assert!(output.leftovers().is_empty());
        assert_eq!(names(tmp.path()), vec!["public"]);
        earlier_output(&target, "old");
    }
}

#[test]
fn leftovers_of_interrupted_builds_are_swept() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    earlier_output(&target, "old");
    for stale in [
        ".public.portico-staging-abc123",
        ".public.portico-old-4242-0",
        ".public.portico-staging-xyz/acme/deep",
    ] {
        std::fs::create_dir_all(tmp.path().join(stale)).unwrap();
    }
    // Another output's leftovers, and a file that merely looks alike, are not this one's.
    std::fs::create_dir_all(tmp.path().join(".site.portico-staging-abc")).unwrap();
    std::fs::write(tmp.path().join(".public.portico-staging-notes"), "x").unwrap();
    let output = Output::open(&target).unwrap();
    assert!(output.leftovers().is_empty());
    assert_eq!(
        names(tmp.path()),
        vec![
            ".public.portico-staging-notes",
            ".site.portico-staging-abc",
            "public"
        ]
    );
}

/// A second build never deletes a live build's staging folder: before the first build
/// (no output to lock yet), the second goes ahead but leaves the first's staging alone;
/// with an output in place, the second is refused while the first runs.
#[test]
fn a_live_builds_staging_folder_is_never_swept() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let first = Staging::begin(&target).unwrap();
    first.write(&[file("acme/index.html", "first")]).unwrap();
    let second = Output::open(&target).unwrap();
    assert!(first.path().join("acme/index.html").is_file(), "not swept");
    let second = second.stage().unwrap();
    second.write(&[file("acme/index.html", "second")]).unwrap();
    drop(commit(first, &[]));
    // The second finds the first's output in place and replaces it.
    drop(commit(second, &[]));
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "second"
    );
    assert_eq!(names(tmp.path()), vec!["public"]);

    let running = Staging::begin(&target).unwrap();
    let err = Output::open(&target).unwrap_err();
    assert!(matches!(err, Error::OutputBusy(_)), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "another portico build is writing {}; wait for it to finish, then build again",
            target.display()
        )
    );
    assert!(running.path().is_dir());
    drop(running);
    Output::open(&target).unwrap();
}

/// A kill between the two renames of the fallback swap leaves no output folder and the
/// complete previous output aside: the next build puts it back first.
#[test]
fn a_previous_output_left_aside_is_put_back() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let aside = tmp.path().join(".public.portico-old-4242-0");
    earlier_output(&aside, "old");
    // A half-written staging folder of the same build, and an aside with no marker (not an
    // output: never put in place).
    std::fs::create_dir_all(tmp.path().join(".public.portico-staging-q/acme")).unwrap();
    std::fs::create_dir_all(tmp.path().join(".public.portico-old-1-0/x")).unwrap();
    let output = Output::open(&target).unwrap();
    assert_eq!(
        std::fs::read_to_string(target.join("acme/index.html")).unwrap(),
        "old"
    );
    assert!(output.live.is_some(), "the restored output is locked");
    assert_eq!(names(tmp.path()), vec!["public"]);
}

#[test]
fn a_mount_point_output_gets_its_own_message() {
    let target = Path::new("/srv/site");
    for errno in [16, 18] {
        let err = swap_error(target, std::io::Error::from_raw_os_error(errno));
        assert_eq!(
            err.to_string(),
            "cannot replace /srv/site: it is a mount point, and portico replaces its output \
             folder as a whole by renaming it, which a mount point does not allow; build into \
             a folder inside it (`--out /srv/site/site`), or build elsewhere and copy the \
             result over (e.g. `rsync -a --delete public/ /srv/site/`)"
        );
    }
    let other = swap_error(target, std::io::Error::from_raw_os_error(5));
    assert!(matches!(other, Error::Io { .. }), "{other}");
}
