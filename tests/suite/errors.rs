//! Bad input, one fixture portal per case under `tests/fixtures/invalid/<code>--<what>/`.
//!
//! Each fixture breaks exactly one thing. `portico check` must exit 1 and report exactly one
//! error, whose code is the fixture name's prefix; the full message the user sees is pinned
//! by a snapshot. A build over each fixture must leave an existing output untouched.
//! Warnings work the same way under `tests/fixtures/warnings/`, exiting 0 (1 with
//! `--deny-warnings`).

use assert_cmd::Command;

use crate::common::{TempPortal, fixture, fixture_group, read_tree};

fn portico_in(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    // The weak-password fixture names this variable; no other fixture reads it.
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PORTICO_FIXTURE_WEAK_PASSWORD", "abc");
    cmd
}

/// The diagnostics `check --format json` prints for the portal in `dir`.
fn json_diagnostics(dir: &std::path::Path, extra: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let out = portico_in(dir)
        .args(["check", ".", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap_or(-1), lines)
}

/// What a person sees: the exit code and standard error of `portico check .`.
fn transcript(dir: &std::path::Path) -> String {
    let out = portico_in(dir).args(["check", "."]).output().unwrap();
    format!(
        "exit code: {}\n\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Checks every fixture of `group`: `check` exits with `status` and prints exactly one
/// diagnostic of `severity`, whose code starts the fixture's name; the transcript matches
/// its snapshot.
fn each_fixture_reports_exactly_its_code(
    group: &str,
    severity: &str,
    status: i32,
    at_least: usize,
) {
    let cases = fixture_group(group);
    assert!(
        cases.len() >= at_least,
        "at least {at_least} {group} fixtures, found {}",
        cases.len()
    );
    for (name, dir) in cases {
        let expected_code = name.split("--").next().unwrap();
        let (exit, diagnostics) = json_diagnostics(&dir, &[]);
        // Notes (rows of a time export used and ignored) are facts, not problems.
        let diagnostics: Vec<_> = diagnostics
            .into_iter()
            .filter(|d| d["severity"] != "note")
            .collect();
        assert_eq!(exit, status, "{name}: exit status");
        assert_eq!(diagnostics.len(), 1, "{name}: {diagnostics:#?}");
        assert_eq!(diagnostics[0]["severity"], severity, "{name}");
        assert_eq!(
            diagnostics[0]["code"], expected_code,
            "{name}: {diagnostics:#?}"
        );
        if severity == "warning" {
            let (denied, _) = json_diagnostics(&dir, &["--deny-warnings"]);
            assert_eq!(
                denied, 1,
                "{name}: --deny-warnings turns a warning into failure"
            );
        }
        insta::assert_snapshot!(
            format!("{}__{name}", group.trim_end_matches('s')),
            transcript(&dir)
        );
    }
}

#[test]
fn every_invalid_fixture_reports_exactly_its_error() {
    each_fixture_reports_exactly_its_code("invalid", "error", 1, 30);
}

#[test]
fn every_warning_fixture_reports_exactly_its_warning() {
    // Warnings alone do not fail `check`.
    each_fixture_reports_exactly_its_code("warnings", "warning", 0, 8);
}

#[test]
fn a_build_over_any_invalid_fixture_leaves_the_last_output_untouched() {
    for (name, dir) in fixture_group("invalid") {
        let portal = TempPortal::copy_of(&dir);
        let public = portal.out();
        std::fs::create_dir_all(public.join("acme")).unwrap();
        std::fs::write(public.join(portico::output::MARKER), "").unwrap();
        std::fs::write(public.join("acme/index.html"), "last good build").unwrap();
        let before = read_tree(&public);
        portico_in(portal.path())
            .args(["build", "."])
            .assert()
            .code(1);
        assert_eq!(
            read_tree(&public),
            before,
            "{name}: the previous output changed"
        );
        let stray: Vec<_> = std::fs::read_dir(portal.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("staging") || n.contains("portico-old"))
            .collect();
        assert!(stray.is_empty(), "{name}: left {stray:?}");
    }
}

/// Over the size limit: generated here rather than committed.
#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it_all() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    std::fs::write(portal.path().join("clients/acme/milestones.yaml"), big).unwrap();
    let (status, diagnostics) = json_diagnostics(portal.path(), &[]);
    assert_eq!(status, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "file-too-large");
    assert_eq!(diagnostics[0]["file"], "clients/acme/milestones.yaml");
}

/// A file that exists but cannot be opened. Permission bits do not stop root, which CI
/// runs as, so a Unix socket stands in: opening one always fails.
#[test]
fn an_unreadable_file_is_reported_with_its_path() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    let path = portal.path().join("clients/acme/raid.yaml");
    let _socket = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let (status, diagnostics) = json_diagnostics(portal.path(), &[]);
    assert_eq!(status, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "unreadable");
    assert_eq!(diagnostics[0]["file"], "clients/acme/raid.yaml");
}

/// Before, a file that failed to parse hid every rule across files: a change request naming
/// an unknown KPI was reported only once milestones.yaml was fixed. Now one run reports
/// both, and says nothing of references into the file that failed (its ids are unknown,
/// not missing).
#[test]
fn check_reports_independent_problems_in_one_run() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "clients/acme/milestones.yaml",
        "- id: M1\n  title: Design signed off\n  status: nope\n",
    );
    portal.write(
        "clients/acme/changes.yaml",
        "- id: CR1\n  title: Add a site\n  status: proposed\n  requested_on: 2026-10-01\n  requested_by: Jo\n  affects: { milestones: [M9], kpis: [K1] }\n",
    );
    let (exit, diagnostics) = json_diagnostics(portal.path(), &[]);
    assert_eq!(exit, 1);
    let said: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{} {}", d["code"], d["message"]))
        .collect();
    assert_eq!(
        said,
        [
            "\"unknown-reference\" \"no KPI with id \\\"K1\\\"\"",
            "\"unknown-value\" \"\\\"nope\\\" is not a valid value for \\\"status\\\"\"",
        ],
        "{said:#?}"
    );
}
