//! The terminal at portfolio scale: a summary of many warnings, the filters of `check`,
//! the progress bar (only on a terminal) and the result line.

use std::sync::Mutex;

use assert_cmd::Command;

use crate::common::{TempPortal, fixture};

fn portico() -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.env("NO_COLOR", "1");
    // A bar drawn where none should be would show at once.
    cmd.env("PORTICO_PROGRESS_DELAY_MS", "0");
    cmd
}

/// Runs portico on `portal`; (exit code, stdout, stderr) with the portal's path as [PORTAL].
fn run(portal: &TempPortal, args: &[&str]) -> (i32, String, String) {
    let out = portico().args(args).arg(portal.path()).output().unwrap();
    let path = portal.path().display().to_string();
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&path, "[PORTAL]");
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// Replaces the build's time, which varies.
fn untimed(line: &str) -> String {
    match line.rsplit_once(" in ") {
        Some((head, tail)) if tail.ends_with(" s\n") => format!("{head} in [TIME] s\n"),
        _ => line.to_owned(),
    }
}

/// 12 clients: 15 change-undecided, 5 milestone-overdue, 1 unknown-file.
fn many_warnings() -> TempPortal {
    TempPortal::copy_of(&fixture("many-warnings"))
}

/// A portal of `n` clients with one undecided change request each.
fn undecided(n: usize) -> TempPortal {
    let portal = TempPortal::copy_of(&fixture("warnings/change-undecided--three-weeks"));
    for i in 2..=n {
        let slug = format!("client-{i:02}");
        portal.write(
            &format!("clients/{slug}/client.yaml"),
            &format!("name: Client {i}\n"),
        );
        portal.write(
            &format!("clients/{slug}/changes.yaml"),
            "- id: CR-1\n  title: Extra site\n  requested_by: Jo\n  requested_on: 2026-10-28\n  status: proposed\n",
        );
    }
    portal
}

#[test]
fn build_summarises_more_than_ten_warnings_by_code() {
    let portal = many_warnings();
    let (code, stdout, stderr) = run(&portal, &["build"]);
    assert_eq!(code, 0);
    assert_eq!(
        stderr,
        "21 warnings about 12 clients:\n  \
         15 change-undecided (client-03, client-07, client-01, +9 more)\n   \
         5 milestone-overdue (client-02, client-01, client-03, +1 more)\n   \
         1 unknown-file (client-05)\n\
         run `portico check [PORTAL]` for every warning in full\n"
    );
    assert_eq!(
        untimed(&stdout),
        "Built 12 client portals (40 pages) into [PORTAL]/public in [TIME] s\n"
    );
}

#[test]
fn build_prints_ten_warnings_in_full_and_summarises_eleven() {
    let (code, _, stderr) = run(&undecided(10), &["build"]);
    assert_eq!(code, 0);
    assert_eq!(stderr.matches("portico::change-undecided").count(), 10);
    assert!(!stderr.contains("portico check"), "{stderr}");

    let (code, _, stderr) = run(&undecided(11), &["build"]);
    assert_eq!(code, 0);
    assert!(!stderr.contains("portico::"), "{stderr}");
    assert!(
        stderr.starts_with("11 warnings about 11 clients:\n  11 change-undecided (acme, "),
        "{stderr}"
    );
}

#[test]
fn errors_print_in_full_beside_the_summary_of_warnings() {
    let portal = many_warnings();
    portal.write(
        "clients/client-09/milestones.yaml",
        "- id: M1\n  title: Discovery\n  baseline_due: 2026-13-01\n  status: planned\n",
    );
    let (code, stdout, stderr) = run(&portal, &["build"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    // client-09 stops at its error, so its own warnings are not looked for.
    assert!(
        stderr.starts_with("20 warnings about 11 clients:\n"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("portico::").count(), 1, "{stderr}");
    assert!(stderr.contains("portico::bad-date"), "{stderr}");
    assert!(
        stderr.contains("clients/client-09/milestones.yaml:3:17"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("nothing was written; the previous output is unchanged\n"),
        "{stderr}"
    );
}

#[test]
fn build_verbose_prints_every_warning_in_full() {
    let (code, _, stderr) = run(&many_warnings(), &["build", "--verbose"]);
    assert_eq!(code, 0);
    assert_eq!(stderr.matches("portico::").count(), 21);
    assert_eq!(stderr.matches("portico::change-undecided").count(), 15);
    assert!(!stderr.contains("warnings about"), "{stderr}");
}

#[test]
fn build_quiet_prints_nothing_when_all_is_well() {
    let portal = many_warnings();
    let (code, stdout, stderr) = run(&portal, &["build", "--quiet"]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));
    assert!(portal.out().join("client-01/index.html").is_file());
}

#[test]
fn build_quiet_prints_errors_only() {
    let portal = many_warnings();
    portal.write(
        "clients/client-09/milestones.yaml",
        "- id: M1\n  titel: x\n",
    );
    let (code, stdout, stderr) = run(&portal, &["build", "-q"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(!stderr.contains("warnings about"), "{stderr}");
    assert_eq!(stderr.matches("portico::").count(), 1, "{stderr}");
    assert!(stderr.contains("portico::unknown-key"), "{stderr}");
}

#[test]
fn check_code_narrows_what_is_shown() {
    let (code, _, stderr) = run(&many_warnings(), &["check", "--code", "milestone-overdue"]);
    assert_eq!(code, 0);
    assert_eq!(stderr.matches("portico::").count(), 5, "{stderr}");
    assert_eq!(stderr.matches("portico::milestone-overdue").count(), 5);
    assert!(
        stderr.ends_with("[PORTAL]: no errors, 5 warnings (of those shown)\n"),
        "{stderr}"
    );
}

#[test]
fn check_client_narrows_what_is_shown() {
    let (code, _, stderr) = run(
        &many_warnings(),
        &["check", "--client", "client-03", "--client", "client-05"],
    );
    assert_eq!(code, 0);
    // client-03: three changes and one milestone; client-05: one change and a stray file.
    assert_eq!(stderr.matches("portico::").count(), 6, "{stderr}");
    assert!(!stderr.contains("client-01"), "{stderr}");
    let (_, stdout, _) = run(
        &many_warnings(),
        &[
            "check",
            "--format",
            "json",
            "--client",
            "client-05",
            "--code",
            "unknown-file",
        ],
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("\"file\":\"clients/client-05/notes.txt\""),
        "{stdout}"
    );
}

#[test]
fn check_filters_decide_the_exit_status() {
    let portal = many_warnings();
    portal.write(
        "clients/client-09/milestones.yaml",
        "- id: M1\n  titel: x\n",
    );
    let (code, _, _) = run(&portal, &["check"]);
    assert_eq!(code, 1);
    // The error is in client-09 and has another code: what is asked about is clean.
    let (code, _, stderr) = run(&portal, &["check", "--client", "client-01"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, _) = run(&portal, &["check", "--code", "change-undecided"]);
    assert_eq!(code, 0);
    let (code, _, _) = run(&portal, &["check", "--code", "unknown-key"]);
    assert_eq!(code, 1);
    let (code, _, _) = run(
        &portal,
        &["check", "--code", "change-undecided", "--deny-warnings"],
    );
    assert_eq!(code, 1);
}

#[test]
fn an_unknown_code_is_a_usage_error_naming_the_closest_code() {
    let (code, _, stderr) = run(&many_warnings(), &["check", "--code", "change-undecied"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(
            "error: invalid value 'change-undecied' for '--code <CODE>': no problem has the \
             code `change-undecied`; did you mean `change-undecided`?\n"
        ),
        "{stderr}"
    );
}

#[test]
fn an_unknown_client_names_the_closest_client() {
    let (code, stdout, stderr) = run(&many_warnings(), &["check", "--client", "client-5"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("error: no client \"client-5\""),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean \"client-05\"?"), "{stderr}");
}

/// Records what the library reports.
#[derive(Default)]
struct Recorder(Mutex<Vec<String>>);

impl portico::progress::Progress for Recorder {
    fn start(&self, stage: portico::progress::Stage, total: usize) {
        self.0.lock().unwrap().push(format!("{stage} {total}"));
    }
    fn advance(&self) {
        self.0.lock().unwrap().push("+".to_owned());
    }
    fn finish(&self) {
        self.0.lock().unwrap().push("done".to_owned());
    }
}

#[test]
fn the_library_reports_progress_client_by_client() {
    let portal = many_warnings();
    let options = portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        ..Default::default()
    };
    let recorder = Recorder::default();
    portico::build_with(&options, &recorder).unwrap();
    let steps = recorder.0.lock().unwrap().join(" ");
    let twelve = ["+"; 12].join(" ");
    assert_eq!(
        steps,
        format!("reading 12 {twelve} building 12 {twelve} done")
    );

    // Nothing changed: the clients are read, none is built.
    let recorder = Recorder::default();
    portico::build_with(&options, &recorder).unwrap();
    assert_eq!(
        recorder.0.lock().unwrap().join(" "),
        format!("reading 12 {twelve} done")
    );

    let recorder = Recorder::default();
    portico::check_portal_with(portal.path(), None, &recorder).unwrap();
    assert_eq!(
        recorder.0.lock().unwrap().join(" "),
        format!("checking 12 {twelve} done")
    );
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let portal = undecided(3);
    let (_, stdout, stderr) = run(&portal, &["build"]);
    for text in [&stdout, &stderr] {
        assert!(!text.contains('\r'), "{text:?}");
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(!text.contains("clients  "), "{text:?}");
    }
}

/// Runs `portico ARGS` under a pseudo-terminal (util-linux `script`); what the terminal got.
fn in_a_terminal(portal: &TempPortal, args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("portico");
    let command = format!("{} {args} {}", bin.display(), portal.path().display());
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .env("PORTICO_PROGRESS_DELAY_MS", "0")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .output()
        .expect("util-linux `script` runs commands under a pseudo-terminal");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_terminal_shows_the_progress_bar_unless_quiet() {
    let portal = undecided(3);
    let seen = in_a_terminal(&portal, "build");
    assert!(seen.contains("building"), "{seen:?}");
    assert!(seen.contains("/3 clients"), "{seen:?}");
    assert!(seen.contains("Built 3 client portals"), "{seen:?}");

    portal.write("clients/acme/notes.md", "changed\n");
    let seen = in_a_terminal(&portal, "build --quiet");
    assert!(!seen.contains("clients  "), "{seen:?}");
    assert!(!seen.contains("building"), "{seen:?}");
}

#[test]
fn the_result_line_counts_what_was_rebuilt_and_what_was_kept() {
    let portal = many_warnings();
    let (_, stdout, _) = run(&portal, &["build"]);
    assert!(
        stdout.starts_with("Built 12 client portals (40 pages) into"),
        "{stdout}"
    );
    portal.write(
        "clients/client-12/changes.yaml",
        "- id: CR-1\n  title: Extra site\n  requested_by: Jo\n  requested_on: 2026-10-28\n  status: approved\n",
    );
    let (_, stdout, _) = run(&portal, &["build"]);
    assert_eq!(
        untimed(&stdout),
        "Built 12 client portals (40 pages; 1 rebuilt, 11 unchanged) into [PORTAL]/public in [TIME] s\n"
    );
    portal.write(
        "clients/client-11/changes.yaml",
        "- id: CR-1\n  title: Extra site\n  requested_by: Jo\n  requested_on: 2026-10-28\n  status: approved\n",
    );
    let (_, stdout, _) = run(&portal, &["build", "--client", "client-11"]);
    assert_eq!(
        untimed(&stdout),
        "Built 12 client portals (40 pages; 1 rebuilt, 11 not selected) into [PORTAL]/public in [TIME] s\n"
    );
    // Removing a client changes the output though nothing is rebuilt (this used to say
    // "Nothing changed since the last build").
    std::fs::remove_dir_all(portal.path().join("clients/client-01")).unwrap();
    let (_, stdout, _) = run(&portal, &["build"]);
    assert_eq!(
        untimed(&stdout),
        "Built 11 client portals (36 pages; 0 rebuilt, 11 unchanged, 1 removed) into [PORTAL]/public in [TIME] s\n"
    );
    assert!(!portal.out().join("client-01").exists());
}
