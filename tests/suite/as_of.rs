//! The as-of date: pages state their facts as of the build date unless something pins it
//! (`--as-of`, `as_of:` in portico.yaml, `SOURCE_DATE_EPOCH`), and pinned builds are
//! byte-identical.

use assert_cmd::Command;

use crate::common::{TempPortal, fixture, read_tree};

fn portico() -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.env("NO_COLOR", "1").env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// The milestones fixture without its pinned `as_of:`, so the build date decides.
fn unpinned() -> TempPortal {
    let portal = TempPortal::copy_of(&fixture("milestones"));
    let config = std::fs::read_to_string(portal.path().join("portico.yaml")).unwrap();
    let config: String = config
        .lines()
        .filter(|l| !l.starts_with("as_of:"))
        .map(|l| format!("{l}\n"))
        .collect();
    portal.write("portico.yaml", &config);
    portal
}

/// Seconds since 1970 at noon UTC of `date`.
fn epoch(date: &str) -> String {
    let day: chrono::NaiveDate = date.parse().unwrap();
    day.and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp()
        .to_string()
}

fn build_with_epoch(portal: &TempPortal, date: &str) -> String {
    portico()
        .current_dir(portal.path())
        .env("SOURCE_DATE_EPOCH", epoch(date))
        .args(["build", "."])
        .assert()
        .success();
    std::fs::read_to_string(portal.out().join("acme/index.html")).unwrap()
}

#[test]
fn source_date_epoch_pins_the_date_and_two_dates_give_two_portals() {
    let portal = unpinned();
    let before = build_with_epoch(&portal, "2026-10-20");
    assert!(!before.contains("days overdue"), "{before}");
    assert!(
        before.contains("s of <time datetime=\"2026-10-20\">"),
        "{before}"
    );
    let first = read_tree(&portal.out());

    let after = build_with_epoch(&portal, "2026-11-25");
    assert!(
        after.contains("M2</strong> Design signed off: due"),
        "M2 (forecast 30 Oct) is overdue on 25 Nov: {after}"
    );
    assert!(after.contains("26 days overdue"), "{after}");
    assert_ne!(read_tree(&portal.out()), first);

    // The same pinned date again: the same bytes, even after a full rebuild.
    std::fs::remove_dir_all(portal.path().join(".portico")).unwrap();
    build_with_epoch(&portal, "2026-10-20");
    assert_eq!(read_tree(&portal.out()), first);
}

#[test]
fn without_a_pin_the_portal_is_stated_as_of_the_build_date() {
    let portal = unpinned();
    portico()
        .current_dir(portal.path())
        .args(["build", "."])
        .assert()
        .success();
    let page = std::fs::read_to_string(portal.out().join("acme/index.html")).unwrap();
    let today = chrono::Local::now().date_naive();
    let yesterday = today.pred_opt().unwrap();
    // The build may straddle midnight.
    assert!(
        page.contains(&format!("s of <time datetime=\"{today}\">"))
            || page.contains(&format!("s of <time datetime=\"{yesterday}\">")),
        "{page}"
    );
    // Built today, M3 (due 20 Nov 2026) is no longer "next" with a past date.
    let json = std::fs::read_to_string(portal.out().join("acme/portal.json")).unwrap();
    assert!(
        json.contains(&format!("\"as_of\": \"{today}\""))
            || json.contains(&format!("\"as_of\": \"{yesterday}\""))
    );
}

#[test]
fn the_flag_beats_portico_yaml_which_beats_source_date_epoch() {
    let portal = TempPortal::copy_of(&fixture("milestones"));
    let page = |args: &[&str]| {
        portico()
            .current_dir(portal.path())
            .env("SOURCE_DATE_EPOCH", epoch("2026-12-24"))
            .args(["build", "."])
            .args(args)
            .assert()
            .success();
        std::fs::read_to_string(portal.out().join("acme/index.html")).unwrap()
    };
    assert!(page(&[]).contains("s of <time datetime=\"2026-11-06\">"));
    assert!(page(&["--as-of", "2026-11-01"]).contains("s of <time datetime=\"2026-11-01\">"));
}

#[test]
fn a_malformed_source_date_epoch_stops_the_build() {
    let portal = unpinned();
    let out = portico()
        .current_dir(portal.path())
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["build", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "SOURCE_DATE_EPOCH is \"yesterday\", not a number of seconds since 1970-01-01"
        ),
        "{stderr}"
    );
    assert!(!portal.out().exists());
}

#[test]
fn a_report_dated_after_the_as_of_date_is_not_the_latest() {
    let portal = TempPortal::copy_of(&fixture("milestones"));
    portal.write(
        "clients/acme/reports/2026-12-04.md",
        "---\ndate: 2026-12-04\ntitle: Written ahead\nstatus: green\nsummary: Not yet.\n---\nLater.\n",
    );
    portal.build();
    let page = std::fs::read_to_string(portal.out().join("acme/index.html")).unwrap();
    assert!(
        page.contains("Report of <time datetime=\"2026-11-06\">"),
        "{page}"
    );
    // The overall status is still the 6 November report's (red), not the green one ahead.
    assert!(page.contains("headline-red"), "{page}");
    let json = std::fs::read_to_string(portal.out().join("acme/portal.json")).unwrap();
    assert!(json.contains("\"as_of\": \"2026-11-06\""), "{json}");
}
