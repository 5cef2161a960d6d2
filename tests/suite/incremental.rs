//! Incremental builds are correct: unchanged clients are kept (moved, not rewritten), an
//! edit rebuilds exactly its client, shared changes rebuild everyone, nothing stale remains.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::common::{TempPortal, read_tree, repo};

/// Every output file's inode: a file rewritten (or copied) gets a new one.
fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, e.metadata().unwrap().ino())
        })
        .collect()
}

fn example() -> TempPortal {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.build();
    portal
}

#[test]
fn a_rebuild_with_nothing_changed_writes_nothing() {
    let portal = example();
    let before = inodes(&portal.out());
    let report = portal.build();
    assert!(report.clients.is_empty(), "rebuilt {:?}", report.clients);
    assert_eq!(inodes(&portal.out()), before, "not one file was rewritten");
    let leftovers: Vec<_> = std::fs::read_dir(portal.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("portico-"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder was even created");
}

#[test]
fn an_edit_rebuilds_its_client_and_keeps_the_others_as_they_were() {
    let portal = example();
    let before = inodes(&portal.out());
    let bytes = read_tree(&portal.out());
    portal.write(
        "clients/kordaal-foods/reports/2026-11-13.md",
        &std::fs::read_to_string(
            portal
                .path()
                .join("clients/kordaal-foods/reports/2026-11-13.md"),
        )
        .unwrap()
        .replace("## ", "## Revised: "),
    );
    let report = portal.build();
    assert_eq!(report.clients, vec!["kordaal-foods".to_owned()]);
    let after = inodes(&portal.out());
    for (path, inode) in &after {
        if path.starts_with("cradlestone/") || path.starts_with("tierarzt-lindenhof/") {
            assert_eq!(
                before.get(path),
                Some(inode),
                "{path} was rewritten instead of kept"
            );
        }
    }
    let page = std::fs::read_to_string(
        portal
            .out()
            .join("kordaal-foods/reports/2026-11-13/index.html"),
    )
    .unwrap();
    assert!(page.contains("Revised: "), "the edit shows up");
    assert_eq!(read_tree(&portal.out()).len(), bytes.len());
}

#[test]
fn a_template_change_re_renders_every_client() {
    let portal = example();
    portal.write(
        "theme/templates/reports.html",
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"page-title\">All reports</h1>{% endblock content %}",
    );
    let report = portal.build();
    assert_eq!(
        report.clients,
        vec![
            "cradlestone".to_owned(),
            "kordaal-foods".to_owned(),
            "maison-vellard".to_owned(),
            "tierarzt-lindenhof".to_owned()
        ]
    );
    for client in [
        "cradlestone",
        "kordaal-foods",
        "maison-vellard",
        "tierarzt-lindenhof",
    ] {
        let page =
            std::fs::read_to_string(portal.out().join(format!("{client}/reports/index.html")))
                .unwrap();
        assert!(page.contains("All reports"), "{client}");
    }
}

#[test]
fn shared_settings_rebuild_every_client() {
    let portal = example();
    let config = std::fs::read_to_string(portal.path().join("portico.yaml")).unwrap();
    portal.write(
        "portico.yaml",
        &config.replace("Larchmere Advisory", "Larchmere Partners"),
    );
    assert_eq!(portal.build().clients.len(), 4);
    let dashboard =
        std::fs::read_to_string(portal.out().join("tierarzt-lindenhof/index.html")).unwrap();
    assert!(dashboard.contains("Larchmere Partners"));
    let report = portico::build(&portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        as_of: Some("2026-12-01".parse().unwrap()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(
        report.clients.len(),
        4,
        "a different --as-of rebuilds everyone"
    );
}

#[test]
fn deleted_reports_and_clients_leave_nothing_stale() {
    let portal = example();
    std::fs::remove_file(
        portal
            .path()
            .join("clients/cradlestone/reports/2026-11-20.md"),
    )
    .unwrap();
    std::fs::remove_dir_all(portal.path().join("clients/tierarzt-lindenhof")).unwrap();
    let report = portal.build();
    assert_eq!(report.clients, vec!["cradlestone".to_owned()]);
    assert!(
        !portal.out().join("cradlestone/reports/2026-11-20").exists(),
        "the deleted report's page is gone"
    );
    assert!(
        !portal.out().join("tierarzt-lindenhof").exists(),
        "the deleted client's portal is gone"
    );
    assert!(portal.out().join("kordaal-foods/index.html").exists());
    let links_to_deleted =
        std::fs::read_to_string(portal.out().join("cradlestone/reports/index.html")).unwrap();
    assert!(
        !links_to_deleted.contains("reports/2026-11-20/"),
        "no page links the deleted report"
    );
}

#[test]
fn a_failed_rebuild_keeps_the_previous_output_whole() {
    let portal = example();
    let before = read_tree(&portal.out());
    portal.write(
        "clients/kordaal-foods/milestones.yaml",
        "- id: M1\n  title: x\n  baseline_due: 2026-02-30\n  status: planned\n",
    );
    assert!(matches!(portal.build_err(), portico::Error::Invalid(_)));
    assert_eq!(read_tree(&portal.out()), before);
}

#[test]
fn a_catalogue_edit_re_renders_the_clients_in_its_language() {
    let portal = example();
    portal.write("theme/i18n/de.ftl", "nav-overview = Startseite\n");
    let report = portal.build();
    assert!(
        report.clients.contains(&"tierarzt-lindenhof".to_owned()),
        "{:?}",
        report.clients
    );
    let page = std::fs::read_to_string(portal.out().join("tierarzt-lindenhof/index.html")).unwrap();
    assert!(page.contains(">Startseite<"), "{page}");
    portal.write("theme/i18n/de.ftl", "nav-overview = Start\n");
    portal.build();
    let page = std::fs::read_to_string(portal.out().join("tierarzt-lindenhof/index.html")).unwrap();
    assert!(
        page.contains(">Start<"),
        "the second edit is not lost either"
    );
}

#[test]
fn another_portico_program_re_renders_everything() {
    // `git pull` and `cargo run` give a new program with the same version number: pages the
    // old one rendered must not be kept as if the new one had.
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    let programs = tempfile::tempdir().unwrap();
    let first = programs.path().join("portico-old");
    let second = programs.path().join("portico-new");
    let built = assert_cmd::cargo::cargo_bin("portico");
    std::fs::copy(&built, &first).unwrap();
    std::fs::copy(&built, &second).unwrap();
    let run = |program: &Path| {
        let out = std::process::Command::new(program)
            .arg("build")
            .arg(portal.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run(&first).contains("Built 4 client portals"));
    assert!(
        run(&first).contains("Nothing changed"),
        "the same program keeps them"
    );
    let again = run(&second);
    assert!(again.contains("Built 4 client portals"), "{again}");
}
