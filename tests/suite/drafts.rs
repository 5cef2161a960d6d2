//! Unfinished reports never publish silently: `new report` writes drafts, `build` leaves
//! them out and says so, a `--drafts` preview goes to a folder of its own.

use assert_cmd::Command;

use crate::common::{TempPortal, fixture, read_tree};

fn portico(portal: &TempPortal) -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.current_dir(portal.path()).env("NO_COLOR", "1");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The path the consultant takes: new report -> build (left out) -> remove `draft` ->
/// build (published).
#[test]
fn a_new_report_is_a_draft_until_its_draft_line_goes() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    stdout_of(portico(&portal).args(["new", "report", "acme", "--date", "2026-11-20"]));
    let path = portal.path().join("clients/acme/reports/2026-11-20.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\ndraft: true"), "{text}");

    let said = stdout_of(portico(&portal).args(["build", "."]));
    assert!(
        said.contains("Left out 1 draft report (`draft: true`, not published): clients/acme/reports/2026-11-20.md"),
        "{said}"
    );
    let out = read_tree(&portal.out());
    assert!(
        !out.keys().any(|p| p.contains("2026-11-20")),
        "a draft was published"
    );
    // Kept unchanged by the next build, it is still said to be left out.
    let said = stdout_of(portico(&portal).args(["build", "."]));
    assert!(
        said.contains("Nothing changed") && said.contains("Left out 1 draft report"),
        "{said}"
    );

    std::fs::write(&path, text.replace("draft: true", "# ready")).unwrap();
    let said = stdout_of(portico(&portal).args(["build", "."]));
    assert!(!said.contains("draft"), "{said}");
    assert!(
        portal
            .out()
            .join("acme/reports/2026-11-20/index.html")
            .is_file()
    );
}

#[test]
fn a_preview_with_drafts_needs_an_output_of_its_own_and_says_so_on_every_page() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    portal.write(
        "clients/acme/reports/2026-11-20.md",
        "---\ndate: 2026-11-20\ndraft: true\ntitle: Cutover rehearsed\nstatus: amber\nsummary: Rehearsal ran four hours long.\n---\n## Next steps\n\n1. Shorten the data load.\n",
    );
    portal.build();
    let before = read_tree(&portal.out());

    let out = portico(&portal)
        .args(["build", ".", "--drafts"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refusing to write draft reports into ./public")
            && stderr.contains("--drafts --out preview"),
        "{stderr}"
    );
    assert_eq!(
        read_tree(&portal.out()),
        before,
        "the deployable output is untouched"
    );

    stdout_of(portico(&portal).args(["build", ".", "--drafts", "--out", "preview"]));
    let preview = read_tree(&portal.path().join("preview"));
    let report =
        String::from_utf8_lossy(&preview["acme/reports/2026-11-20/index.html"]).into_owned();
    assert!(
        report.contains("<strong>Draft</strong>: not published yet"),
        "{report}"
    );
    for (path, bytes) in preview.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            String::from_utf8_lossy(bytes).contains("Draft preview."),
            "{path} has no draft banner"
        );
    }
}

/// Before, `--out public` named relatively, before any build made the folder, was not
/// taken for the deployable output, and drafts went into it.
#[test]
fn drafts_are_refused_into_the_default_output_named_by_hand_before_it_exists() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let out = portico(&portal)
        .args(["build", ".", "--drafts", "--out", "public"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!portal.out().exists());
}

/// Minutes not yet agreed (`minutes_draft: true`) stay out of the published portal, its
/// data and its calendar, and `build` names them; the meeting itself, its date and agenda,
/// is published. A preview shows them marked as a draft.
#[test]
fn draft_minutes_are_left_out_and_said_to_be() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    portal.write(
        "clients/acme/meetings.yaml",
        "- date: 2026-10-20\n  title: Cutover rehearsal\n  kind: workshop\n  agenda: [Run the cutover]\n  minutes: The rehearsal ran four hours long.\n  minutes_draft: true\n",
    );
    let said = stdout_of(portico(&portal).args(["build", "."]));
    assert!(
        said.contains("Left out 1 draft (`draft: true`, not published): clients/acme/meetings.yaml (minutes of 2026-10-20 Cutover rehearsal)"),
        "{said}"
    );
    let out = read_tree(&portal.out());
    for (path, bytes) in &out {
        assert!(
            !String::from_utf8_lossy(bytes).contains("four hours long"),
            "{path} publishes the draft minutes"
        );
    }
    let page = String::from_utf8_lossy(&out["acme/meetings/index.html"]).into_owned();
    assert!(page.contains("Cutover rehearsal") && page.contains("Run the cutover"));
    assert!(page.contains("No minutes published yet."), "{page}");

    stdout_of(portico(&portal).args(["build", ".", "--drafts", "--out", "preview"]));
    let preview = read_tree(&portal.path().join("preview"));
    let page = String::from_utf8_lossy(&preview["acme/meetings/index.html"]).into_owned();
    assert!(
        page.contains("four hours long") && page.contains("class=\"draft-label\">Draft</strong>"),
        "{page}"
    );
    assert!(page.contains("Draft preview."), "{page}");
}
