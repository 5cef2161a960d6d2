//! The `portico` command as a user runs it: exit codes, messages, files.

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common::{TempPortal, fixture, repo};

fn portico() -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Replaces the temp folder's path so snapshots are stable.
fn redact(text: &str, portal: &TempPortal) -> String {
    text.replace(&portal.path().display().to_string(), "[PORTAL]")
}

#[test]
fn build_reports_what_it_wrote() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    portico()
        .arg("build")
        .arg(portal.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Built 1 client portal (6 pages) into ",
        ));
    assert!(
        portal
            .out()
            .join("acme/reports/2026-10-16/index.html")
            .is_file()
    );
}

#[test]
fn check_passes_on_the_example_portal() {
    portico()
        .args(["check"])
        .arg(repo().join("example-portal"))
        .assert()
        .success()
        .stderr(predicate::str::contains("no errors"));
}

#[test]
fn a_bad_value_is_reported_with_file_line_and_hint() {
    let portal = TempPortal::copy_of(&fixture("milestones"));
    portal.write(
        "clients/acme/milestones.yaml",
        "- id: M1\n  title: Discovery\n  baseline_due: 2026-09-25\n  status: dne\n",
    );
    let out = portico()
        .arg("build")
        .arg(portal.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = redact(&String::from_utf8_lossy(&out.stderr), &portal);
    insta::assert_snapshot!(stderr);
    assert!(
        !portal.out().exists(),
        "a failed first build must not create the output"
    );
}

#[test]
fn check_json_prints_one_object_per_problem() {
    let portal = TempPortal::copy_of(&fixture("milestones"));
    portal.write(
        "clients/acme/milestones.yaml",
        "- id: M1\n  title: Discovery\n  baseline_dte: 2026-09-25\n  status: planned\n",
    );
    let out = portico()
        .args(["check", "--format", "json"])
        .arg(portal.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    insta::assert_json_snapshot!(lines);
}

#[test]
fn usage_errors_exit_2() {
    portico().arg("bild").assert().code(2);
    portico()
        .args(["build", "--as-of", "14/11/2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn help_shows_examples() {
    portico()
        .args(["build", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("portico build example-portal"));
}

#[test]
fn a_missing_portal_is_a_clear_error() {
    portico()
        .args(["build", "/nonexistent/portal"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot open the portal folder /nonexistent/portal",
        ));
}
