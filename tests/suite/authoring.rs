//! Scaffolding as a user runs it: `init`, `new client`, `new report`, `theme eject`,
//! `completions`. Everything written passes `check`; nothing is ever overwritten.

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common::{TempPortal, read_tree, repo};

fn portico() -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `portico check` on `dir` exits 0 and prints no diagnostic at all.
fn assert_clean(dir: &std::path::Path) {
    let out = portico()
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "check found problems"
    );
}

#[test]
fn init_writes_a_portal_that_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("portal");
    portico()
        .arg("init")
        .arg(&dir)
        .args(["--agency", "Larchmere & Co: \"Advisory\""])
        .assert()
        .success()
        .stdout(predicate::str::contains("created").and(predicate::str::contains("portico serve")));
    let files: Vec<String> = read_tree(&dir).into_keys().collect();
    for expected in [
        ".gitignore",
        "portico.yaml",
        "clients/sample-client/client.yaml",
        "clients/sample-client/scope.md",
        "clients/sample-client/milestones.yaml",
        "clients/sample-client/changes.yaml",
        "clients/sample-client/kpis.yaml",
        "clients/sample-client/raid.yaml",
    ] {
        assert!(
            files.contains(&expected.to_owned()),
            "{expected} missing from {files:?}"
        );
    }
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("clients/sample-client/reports/"))
    );
    assert_clean(&dir);
    portico().arg("build").arg(&dir).assert().success();
    let dashboard = std::fs::read_to_string(dir.join("public/sample-client/index.html")).unwrap();
    assert!(
        dashboard.contains("Larchmere &amp; Co: &quot;Advisory&quot;"),
        "the agency name survives quoting"
    );
    // Every page kind is exercised by the sample.
    for page in ["scope", "milestones", "reports", "kpis", "changes", "raid"] {
        assert!(
            dir.join(format!("public/sample-client/{page}/index.html"))
                .is_file(),
            "{page}"
        );
    }
}

#[test]
fn init_never_overwrites() {
    let portal = TempPortal::copy_of(&crate::common::fixture("minimal"));
    let before = read_tree(portal.path());
    portico()
        .arg("init")
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "portico.yaml already exists; portico never overwrites a file",
        ));
    assert_eq!(read_tree(portal.path()), before, "nothing was written");
}

#[test]
fn new_client_writes_every_file_and_checks_clean() {
    let portal = TempPortal::copy_of(&crate::common::fixture("minimal"));
    portico()
        .args([
            "new",
            "client",
            "globex",
            "--name",
            "Globex: \"The\" Corporation",
            "--portal",
        ])
        .arg(portal.path())
        .assert()
        .success();
    let dir = portal.path().join("clients/globex");
    for file in [
        "client.yaml",
        "scope.md",
        "milestones.yaml",
        "changes.yaml",
        "kpis.yaml",
        "raid.yaml",
        "meetings.yaml",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(text.contains("# "), "{file} explains itself in comments");
    }
    assert!(dir.join("reports").is_dir() && dir.join("files").is_dir());
    assert_clean(portal.path());
    let loaded = portico::load::load_portal(portal.path());
    let globex = loaded
        .portal
        .unwrap()
        .clients
        .into_iter()
        .find(|c| c.slug == "globex")
        .unwrap();
    assert_eq!(globex.profile.name, "Globex: \"The\" Corporation");
    // Commented templates publish nothing but the overview (and its print pack).
    portico().arg("build").arg(portal.path()).assert().success();
    let pages: Vec<String> = read_tree(&portal.out().join("globex"))
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert_eq!(pages, ["index.html", "print/index.html"]);
}

#[test]
fn new_client_refuses_bad_slugs_and_existing_clients() {
    let portal = TempPortal::copy_of(&crate::common::fixture("minimal"));
    portico()
        .args(["new", "client", "Globex Corp", "--portal"])
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("e.g. \"globex-corp\""));
    portico()
        .args(["new", "client", "acme", "--portal"])
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("clients/acme already exists"));
    portico()
        .args(["new", "client", "acme"])
        .current_dir(std::env::temp_dir())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a portal folder"));
}

#[test]
fn new_report_is_pre_filled_from_the_clients_data() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portico()
        .args([
            "new",
            "report",
            "cradlestone",
            "--date",
            "2026-11-27",
            "--portal",
        ])
        .arg(portal.path())
        .assert()
        .success();
    let text = std::fs::read_to_string(
        portal
            .path()
            .join("clients/cradlestone/reports/2026-11-27.md"),
    )
    .unwrap();
    insta::assert_snapshot!(text);
    // The red client's facts: last status, the overdue milestone, the escalated risk, the
    // pending change, last week's next steps.
    for expected in [
        "status: red",
        "## Overdue",
        "M3 ",
        "R1 ",
        "CR-03 ",
        "- [ ] ",
    ] {
        assert!(text.contains(expected), "{expected:?} missing");
    }
    portico()
        .args(["check", "--as-of", "2026-11-27"])
        .arg(portal.path())
        .assert()
        .success();
}

/// A draft in the client's language reads in that language throughout: the lines portico
/// writes between the headings too, and last report's asks are carried over under their
/// German heading.
#[test]
fn new_report_writes_the_clients_language_throughout() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    for (client, date) in [
        ("tierarzt-lindenhof", "2026-12-04"),
        ("maison-vellard", "2026-12-04"),
    ] {
        portico()
            .args(["new", "report", client, "--date", date, "--portal"])
            .arg(portal.path())
            .assert()
            .success();
    }
    let read = |client: &str| {
        std::fs::read_to_string(
            portal
                .path()
                .join(format!("clients/{client}/reports/2026-12-04.md")),
        )
        .unwrap()
    };
    let german = read("tierarzt-lindenhof");
    assert!(
        german.contains(
            "- M5 Pilotauswertung und Rollout-Leitfaden: war fällig am 25.11.2026 (9 Tage überfällig)"
        ),
        "{german}"
    );
    assert!(
        german.contains("- [ ] Dr. Sternberg prüft M5 bis zum 9. Dezember"),
        "the asks under \"Bitten an Lindenhof\" are carried over: {german}"
    );
    let french = read("maison-vellard");
    for expected in [
        "(ouvert, élevée)",
        "(attendue d’ici le 3 déc. 2026)",
        "(demandée le 12 nov. 2026 par Antoine Berthelot (Maison Vellard))",
        "B2B en recette\u{202f}: était prévu le 27 nov. 2026 (7 jours de retard)",
    ] {
        assert!(french.contains(expected), "{expected:?} missing: {french}");
    }
    let body = |text: &str| text.split("\n---\n").nth(1).unwrap_or_default().to_owned();
    for english in [
        "was due",
        "overdue",
        "needed by",
        "requested",
        "Open",
        "High",
    ] {
        assert!(!body(&german).contains(english), "{english:?} in {german}");
        assert!(!body(&french).contains(english), "{english:?} in {french}");
    }
}

#[test]
fn new_report_refuses_a_second_report_for_the_day_and_unknown_clients() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portico()
        .args([
            "new",
            "report",
            "cradlestone",
            "--date",
            "2026-11-20",
            "--portal",
        ])
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "reports/2026-11-20.md already exists",
        ));
    portico()
        .args(["new", "report", "cradelstone", "--portal"])
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no client \"cradelstone\" in this portal; did you mean \"cradlestone\"?",
        ));
}

#[test]
fn an_ejected_theme_renders_exactly_like_the_built_in_one() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.build();
    let built_in = read_tree(&portal.out());
    portico()
        .args(["theme", "eject", "--portal"])
        .arg(portal.path())
        .assert()
        .success();
    let theme = read_tree(&portal.path().join("theme"));
    assert!(theme.contains_key("templates/base.html") && theme.contains_key("static/portico.css"));
    portal.build();
    assert_eq!(read_tree(&portal.out()), built_in);
    // A second eject keeps the customised files.
    std::fs::write(
        portal.path().join("theme/static/portico.css"),
        "/* mine */\n",
    )
    .unwrap();
    portico()
        .args(["theme", "eject", "--portal"])
        .arg(portal.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("kept"));
    assert_eq!(
        std::fs::read_to_string(portal.path().join("theme/static/portico.css")).unwrap(),
        "/* mine */\n"
    );
}

#[test]
fn completions_cover_every_shell_and_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = portico().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        for command in ["build", "serve", "check", "init", "new", "theme"] {
            assert!(
                script.contains(command),
                "{shell} completions lack {command}"
            );
        }
    }
}

#[test]
fn every_command_help_has_an_example() {
    for args in [
        vec!["build"],
        vec!["serve"],
        vec!["check"],
        vec!["init"],
        vec!["new", "client"],
        vec!["new", "report"],
        vec!["theme", "eject"],
        vec!["completions"],
    ] {
        portico()
            .args(&args)
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Example:\n  portico "));
    }
}

/// A commented line that is an example of data, not prose: `# key: value`, `#   - item`.
fn uncomment(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let example = line.strip_prefix("# ").filter(|rest| {
            let t = rest.trim_start();
            let key: String = t
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            t.starts_with("- ") || (!key.is_empty() && t[key.len()..].starts_with(':'))
        });
        out.push_str(example.unwrap_or(line));
        out.push('\n');
    }
    out
}

/// Before, the commented KPI example of `new client` was invalid YAML once uncommented
/// (an unquoted `Source: the WMS` inside a value). Every example `init`, `new client` and
/// `new report` write must be data that loads and checks when a user uncomments it.
#[test]
fn every_commented_example_is_valid_once_uncommented() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    portico().arg("init").arg(&root).assert().success();
    portico()
        .args(["new", "client", "globex", "--portal"])
        .arg(&root)
        .assert()
        .success();
    portico()
        .current_dir(&root)
        .args(["new", "report", "globex", "--date", "2026-11-20"])
        .assert()
        .success();
    let mut uncommented = 0;
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        let is_text = path.extension().is_some_and(|e| e == "yaml" || e == "md");
        if !entry.file_type().is_file() || !is_text {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let open = uncomment(&text);
        if open != text {
            uncommented += 1;
            std::fs::write(path, open).unwrap();
        }
    }
    assert!(uncommented >= 5, "only {uncommented} files had examples");
    let out = portico()
        .args(["check", "--format", "json"])
        .arg(&root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && !stdout.contains("\"severity\":\"error\""),
        "{stdout}"
    );
}
