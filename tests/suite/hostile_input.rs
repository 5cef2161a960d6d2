//! Bad input that used to panic, hang or slip through: each is an error naming the file and
//! the key, never a crash (exit 101), never a silent acceptance.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

use crate::common::{TempPortal, fixture};

fn portico(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60));
    cmd
}

/// The errors `check --format json` reports, as (code, file, message); `check` exits 1
/// when there are any, 0 otherwise (never 101). Shared with the confinement tests.
pub(super) fn errors(dir: &Path) -> Vec<(String, String, String)> {
    let out = portico(dir)
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let found: Vec<(String, String, String)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["file"].as_str().unwrap_or_default().to_owned(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        out.status.code(),
        Some(if found.is_empty() { 0 } else { 1 }),
        "{found:?}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    found
}

/// `check` and `build` both refuse with exactly one error of `code` in `file`.
fn refused(portal: &TempPortal, code: &str, file: &str) -> String {
    let found = errors(portal.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), (code, file));
    portico(portal.path()).args(["build", "."]).assert().code(1);
    found[0].2.clone()
}

fn minimal() -> TempPortal {
    TempPortal::copy_of(&fixture("minimal"))
}

const CONFIG: &str = "agency:\n  name: Test Advisory\n  email: hello@test-advisory.example\n";

#[test]
fn a_huge_review_cadence_is_an_error_not_a_panic() {
    let portal = minimal();
    portal.write(
        "clients/acme/client.yaml",
        "name: Acme Ltd\ncadence:\n  review_days: 2100000000\n  first_review: 2026-01-05\n",
    );
    let message = refused(&portal, "invalid-value", "clients/acme/client.yaml");
    assert!(message.contains("review_days"), "{message}");
}

#[test]
fn every_cadence_is_bounded_in_the_portal_defaults_too() {
    for key in ["report_days", "review_days", "acceptance_days"] {
        let portal = minimal();
        portal.write(
            "portico.yaml",
            &format!("{CONFIG}defaults:\n  cadence:\n    {key}: 4000000000\n"),
        );
        portal.write(
            "clients/acme/client.yaml",
            "name: Acme Ltd\ncadence:\n  first_review: 2026-01-05\n",
        );
        let message = refused(&portal, "invalid-value", "portico.yaml");
        assert!(message.contains(key), "{message}");
    }
    // Five years is the longest; an annual cadence is fine.
    let portal = minimal();
    portal.write(
        "clients/acme/client.yaml",
        "name: Acme Ltd\ncadence:\n  review_days: 365\n  report_days: 1830\n  first_review: 2026-01-05\n",
    );
    assert_eq!(errors(portal.path()), vec![]);
    portal.write(
        "clients/acme/client.yaml",
        "name: Acme Ltd\ncadence:\n  report_days: 1831\n",
    );
    refused(&portal, "invalid-value", "clients/acme/client.yaml");
}

#[test]
fn a_script_address_as_the_agency_website_is_refused() {
    let portal = minimal();
    portal.write(
        "portico.yaml",
        &format!("{CONFIG}  website: \"javascript:alert(document.domain)\"\n"),
    );
    let message = refused(&portal, "invalid-value", "portico.yaml");
    assert!(message.contains("website"), "{message}");
}

#[test]
fn a_null_or_blank_name_is_an_error_not_a_client_called_tilde() {
    for name in ["~", "null", "\"  \""] {
        let portal = minimal();
        portal.write("clients/acme/client.yaml", &format!("name: {name}\n"));
        refused(&portal, "missing-key", "clients/acme/client.yaml");
    }
    let portal = minimal();
    portal.write(
        "portico.yaml",
        "agency:\n  name: ~\n  email: hello@test-advisory.example\n",
    );
    refused(&portal, "missing-key", "portico.yaml");
}

#[test]
fn negative_contract_values_are_refused() {
    for key in ["contract_value", "day_rate", "change_budget"] {
        let portal = minimal();
        portal.write(
            "clients/acme/client.yaml",
            &format!(
                "name: Acme Ltd\nengagement:\n  start: 2026-01-05\n  fee_basis: fixed\n  currency: EUR\n  {key}: -5000\n"
            ),
        );
        let message = refused(&portal, "invalid-value", "clients/acme/client.yaml");
        assert!(message.contains(key), "{message}");
    }
}

#[test]
fn absurd_kpi_values_are_refused_and_never_reach_a_chart() {
    for (target, value) in [("1.7e308", "10"), ("10", "-1.7976931348623157e308")] {
        let portal = minimal();
        portal.write(
            "clients/acme/kpis.yaml",
            &format!(
                "- id: otif\n  name: On time in full\n  unit: \"%\"\n  target: {target}\n  better: up\n  points:\n    - on: 2026-10-01\n      value: 1\n    - on: 2026-11-01\n      value: {value}\n"
            ),
        );
        refused(&portal, "invalid-value", "clients/acme/kpis.yaml");
    }
    // The largest accepted values still draw a finite chart.
    let portal = minimal();
    portal.write(
        "clients/acme/kpis.yaml",
        "- id: otif\n  name: On time in full\n  target: 1e15\n  better: up\n  points:\n    - on: 2026-10-01\n      value: -1e15\n    - on: 2026-11-01\n      value: 1e15\n",
    );
    assert_eq!(errors(portal.path()), vec![]);
    portico(portal.path())
        .args(["build", "."])
        .assert()
        .success();
    for page in ["public/acme/index.html", "public/acme/kpis/index.html"] {
        let html = std::fs::read_to_string(portal.path().join(page)).unwrap();
        let words: Vec<&str> = html.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        assert!(!words.contains(&"NaN") && !words.contains(&"inf"), "{page}");
    }
}

#[test]
fn an_attachment_whose_name_is_not_utf8_fails_check() {
    use std::os::unix::ffi::OsStrExt;
    let portal = minimal();
    let files = portal.path().join("clients/acme/files");
    std::fs::create_dir_all(&files).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"plan-\xe9t\xe9.pdf");
    std::fs::write(files.join(name), "pdf").unwrap();
    let found = errors(portal.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "not-utf8");
    assert!(
        found[0].1.starts_with("clients/acme/files/plan-"),
        "{found:?}"
    );
    portico(portal.path()).args(["build", "."]).assert().code(1);
}

#[test]
fn output_inside_a_folder_the_portal_reads_is_refused() {
    for out in [
        "clients/acme/files/site",
        "theme/static",
        "themes/x",
        ".",
        "clients",
    ] {
        let portal = minimal();
        let assert = portico(portal.path())
            .args(["build", ".", "--out", out])
            .assert()
            .code(1);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(stderr.contains("refusing"), "{out}: {stderr}");
        assert!(
            !portal.path().join("clients/acme/files/site").exists(),
            "{out}: wrote into the client's files"
        );
    }
}

#[test]
fn a_theme_outside_the_themes_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let portal_dir = tmp.path().join("portal");
    crate::common::copy_tree(&fixture("minimal"), &portal_dir);
    // With a themes/ folder present, `themes/../../x` resolves to the folder beside the
    // portal.
    std::fs::create_dir_all(portal_dir.join("themes")).unwrap();
    std::fs::create_dir_all(tmp.path().join("x/templates")).unwrap();
    std::fs::write(tmp.path().join("x/templates/base.html"), "stolen").unwrap();
    std::fs::write(
        portal_dir.join("portico.yaml"),
        format!("{CONFIG}theme: ../../x\n"),
    )
    .unwrap();
    let found = errors(&portal_dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("invalid-value", "portico.yaml")
    );
}

#[test]
fn control_characters_in_yaml_keys_are_escaped_in_messages() {
    let portal = minimal();
    portal.write(
        "clients/acme/client.yaml",
        "name: Acme Ltd\n\"\u{1b}[2J\u{1b}[31mnmae\": x\n",
    );
    let out = portico(portal.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}[2J"), "{stderr}");
}

#[test]
fn reserved_device_names_are_not_client_folders() {
    for name in ["con", "nul", "aux", "prn", "com1"] {
        let portal = minimal();
        portal.write(&format!("clients/{name}/client.yaml"), "name: Device\n");
        refused(&portal, "bad-slug", &format!("clients/{name}"));
    }
}

#[test]
fn files_differing_only_in_case_are_an_error() {
    let portal = minimal();
    portal.write("clients/acme/files/Plan.pdf", "one");
    portal.write("clients/acme/files/plan.pdf", "two");
    let message = refused(&portal, "duplicate-id", "clients/acme/files/plan.pdf");
    assert!(message.contains("Plan.pdf"), "{message}");
}

#[test]
fn schema_out_never_overwrites_another_file_nor_writes_through_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("schemas");
    std::fs::create_dir_all(&out).unwrap();
    // Someone's file that happens to have a schema's name.
    std::fs::write(out.join("client.schema.json"), "my notes").unwrap();
    portico(tmp.path())
        .args(["schema", "--out", "schemas"])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read_to_string(out.join("client.schema.json")).unwrap(),
        "my notes"
    );
    // A link to a file elsewhere.
    std::fs::remove_file(out.join("client.schema.json")).unwrap();
    let elsewhere = tmp.path().join("precious.txt");
    std::fs::write(&elsewhere, "precious").unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("kpis.schema.json")).unwrap();
    portico(tmp.path())
        .args(["schema", "--out", "schemas"])
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "precious");
}

#[test]
fn schema_out_replaces_the_schemas_it_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    portico(tmp.path())
        .args(["schema", "--out", "schemas"])
        .assert()
        .success();
    let path = tmp.path().join("schemas/client.schema.json");
    let first = std::fs::read_to_string(&path).unwrap();
    portico(tmp.path())
        .args(["schema", "--out", "schemas"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
}
