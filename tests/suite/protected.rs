//! Password-protected portals: nothing readable in the output, stable ciphertext between
//! builds, clear errors for missing passwords, and the whole reader's journey in Chromium.

use std::io::{BufRead, BufReader};
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common::{TempPortal, read_tree, repo};

/// Each example client protected by two passwords, from these variables.
const READERS: [(&str, &str, &str); 3] = [
    (
        "cradlestone",
        "CRADLESTONE_PASSWORD",
        "recovery plan for january",
    ),
    (
        "kordaal-foods",
        "KORDAAL_PASSWORD",
        "soups and sauces forecast",
    ),
    ("marrowby-vets", "MARROWBY_PASSWORD", "vets on a fixed fee"),
];

fn protected_example() -> TempPortal {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    for (slug, var, _) in READERS {
        let path = portal.path().join(format!("clients/{slug}/client.yaml"));
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!(
            "\naccess:\n  password_env: {var}\n  passwords:\n    - {{ name: Second reader, env: {var}_2 }}\n"
        ));
        std::fs::write(path, text).unwrap();
    }
    portal
}

fn with_passwords(cmd: &mut Command) -> &mut Command {
    for (_, var, password) in READERS {
        cmd.env(var, password)
            .env(format!("{var}_2"), format!("{password}, second"));
    }
    cmd
}

fn portico() -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Phrases that would give a client away: names, people, titles, report sentences, KPIs.
fn secrets(portal: &TempPortal) -> Vec<String> {
    let loaded = portico::load::load_portal(portal.path()).portal.unwrap();
    let mut words = Vec::new();
    for c in &loaded.clients {
        words.push(c.profile.name.clone());
        words.extend(c.profile.contacts.client.iter().map(|p| p.name.clone()));
        words.extend(c.profile.engagement.as_ref().and_then(|e| e.title.clone()));
        words.extend(c.reports.iter().map(|r| r.meta.title.clone()));
        words.extend(
            c.reports
                .iter()
                .map(|r| r.meta.summary.chars().take(60).collect()),
        );
        words.extend(c.kpis.iter().map(|k| k.name.clone()));
        words.extend(c.milestones.iter().map(|m| m.title.clone()));
    }
    words
}

#[test]
fn nothing_readable_leaks_and_unchanged_builds_are_byte_identical() {
    let portal = protected_example();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let first = read_tree(&portal.out());
    let words = secrets(&portal);
    assert!(words.len() > 60);
    for (path, bytes) in &first {
        let text = String::from_utf8_lossy(bytes);
        for word in &words {
            assert!(!text.contains(word.as_str()), "{path} contains {word:?}");
        }
    }
    for (slug, _, _) in READERS {
        for left_out in ["feed.xml", "milestones.ics", "portal.json"] {
            assert!(
                !first.contains_key(&format!("{slug}/{left_out}")),
                "{slug}/{left_out} is published"
            );
        }
        assert!(first.contains_key(&format!("{slug}/assets/portico-unlock.js")));
        let headers = String::from_utf8_lossy(&first[&format!("{slug}/_headers")]).into_owned();
        assert!(
            headers.contains("script-src 'self'"),
            "the unlock script is allowed by the CSP"
        );
    }
    assert!(
        first
            .keys()
            .any(|k| k.starts_with("cradlestone/files/") && k.ends_with(".bin")),
        "attachments are encrypted"
    );
    assert!(
        !first.keys().any(|k| k.ends_with(".csv")),
        "attachment names are not published"
    );

    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let second = read_tree(&portal.out());
    assert_eq!(
        first, second,
        "a second build with no change rewrites nothing"
    );

    // One edited report: only that page's ciphertext changes.
    let report = portal
        .path()
        .join("clients/kordaal-foods/reports/2026-11-13.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replace("## ", "## Edited ")).unwrap();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let third = read_tree(&portal.out());
    let changed: Vec<&String> = third
        .keys()
        .filter(|k| first.get(*k) != third.get(*k))
        .collect();
    assert_eq!(changed, vec!["kordaal-foods/reports/2026-11-13/index.html"]);
}

#[test]
fn a_missing_password_is_an_error_that_names_its_variable() {
    let portal = protected_example();
    let mut cmd = portico();
    with_passwords(&mut cmd).env_remove("KORDAAL_PASSWORD_2");
    cmd.arg("build")
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the environment variable KORDAAL_PASSWORD_2, which holds a password for this portal",
        ))
        .stderr(predicate::str::contains(
            "clients/kordaal-foods/client.yaml",
        ));
    assert!(!portal.out().exists(), "nothing was written");
}

#[test]
fn share_prints_a_link_with_the_key_in_the_fragment() {
    let portal = protected_example();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let out = with_passwords(
        portico()
            .args(["share", "cradlestone", "--portal"])
            .arg(portal.path()),
    )
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = String::from_utf8(out.stdout).unwrap();
    assert!(
        link.starts_with("https://portals.larchmere.example.com/cradlestone/#key="),
        "{link}"
    );
    assert_eq!(
        link.trim().rsplit('=').next().unwrap().len(),
        43,
        "a 256-bit key in base64url"
    );
}

/// The reader's journey, against `portico serve` (which encrypts as a build does).
#[test]
fn a_reader_opens_browses_downloads_remembers_and_logs_out_in_chromium() {
    let Some(tools) = super::browser::browser_tools(
        "a_reader_opens_browses_downloads_remembers_and_logs_out_in_chromium",
    ) else {
        return;
    };
    let portal = protected_example();
    let mut serve = Process::new(env!("CARGO_BIN_EXE_portico"));
    serve
        .args(["serve", "--port", "0"])
        .arg(portal.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (_, var, password) in READERS {
        serve
            .env(var, password)
            .env(format!("{var}_2"), format!("{password}, second"));
    }
    let mut child = serve.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the preview prints its address")
        .to_owned();
    let attachment = std::fs::read(
        portal
            .path()
            .join("clients/cradlestone/files/recovery-plan.csv"),
    )
    .unwrap();
    let sha = sha256_hex(&attachment);
    let out = Process::new("node")
        .arg(tools.join("protected.mjs"))
        .arg(format!("{url}cradlestone/"))
        .args([
            "Cradlestone Building Supplies Ltd",
            "recovery plan for january, second",
            "reports/2026-11-20/index.html",
            "recovery-plan.csv",
            &sha,
        ])
        .output()
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{report}");
    assert!(
        out.status.success() && !report.contains("FAIL"),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(report.lines().filter(|l| l.starts_with("ok")).count(), 13);
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
