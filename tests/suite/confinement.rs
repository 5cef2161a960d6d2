//! No client sees another's data, and nothing but a regular file is ever read.
//!
//! Every file a client's pages or attachments come from must resolve inside that client's
//! own folder (attachments inside its `files/`); only portico itself reads the shared
//! `portico.yaml` and theme. Links are made here at run time (links committed to git are
//! fragile), FIFOs with `mkfifo`. Every command runs with a time limit, so a build that
//! blocks on a pipe fails the test instead of hanging it.

use super::hostile_input::errors;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

use crate::common::read_tree;

/// Long enough for a debug build of a two-client portal on a loaded machine; a build that
/// blocks on a pipe never ends, so it is stopped here and the test fails.
const LIMIT: Duration = Duration::from_secs(60);

fn portico(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1").timeout(LIMIT);
    cmd
}

const REPORT: &str = "---\ndate: 2026-11-14\ntitle: Week 46\nstatus: green\nsummary: On track.\n---\nSee [the plan](../files/plan.txt).\n";

/// Two clients: acme, and globex with something acme must never see.
fn portal() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = tmp.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "portico.yaml",
        "agency:\n  name: Test Advisory\n  email: hello@test-advisory.example\n",
    );
    write("clients/acme/client.yaml", "name: Acme Ltd\n");
    write("clients/acme/reports/2026-11-14.md", REPORT);
    write("clients/acme/files/plan.txt", "acme's plan\n");
    write("clients/globex/client.yaml", "name: Globex GLOBEX-SECRET\n");
    write(
        "clients/globex/reports/2026-11-14.md",
        &REPORT.replace("On track.", "GLOBEX-SECRET acquisition"),
    );
    write("clients/globex/files/plan.txt", "GLOBEX-SECRET plan\n");
    tmp
}

fn link(target: &str, at: &Path) {
    if std::fs::symlink_metadata(at).is_ok() {
        if at.is_dir() && !at.is_symlink() {
            std::fs::remove_dir_all(at).unwrap();
        } else {
            std::fs::remove_file(at).unwrap();
        }
    }
    std::os::unix::fs::symlink(target, at).unwrap();
}

fn fifo(at: &Path) {
    if std::fs::symlink_metadata(at).is_ok() {
        std::fs::remove_file(at).unwrap();
    }
    rustix::fs::mknodat(
        rustix::fs::CWD,
        at,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
}

/// `check` reports exactly one error, with this code, about `file`; `build` fails too and
/// writes nothing, and no output anywhere holds globex's secret under acme.
fn refused(dir: &Path, code: &str, file: &str) -> String {
    let found = errors(dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!((found[0].0.as_str(), found[0].1.as_str()), (code, file));
    let build = portico(dir).args(["build", "."]).output().unwrap();
    assert_eq!(
        build.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(
        !dir.join("public").exists(),
        "the failed build wrote output"
    );
    found[0].2.clone()
}

#[test]
fn a_link_to_another_clients_folder_is_refused() {
    let tmp = portal();
    link(
        "../../globex",
        &tmp.path().join("clients/acme/files/globex"),
    );
    let message = refused(tmp.path(), "symlink", "clients/acme/files/globex");
    assert!(message.contains("clients/globex"), "{message}");
}

#[test]
fn a_link_to_the_portal_config_is_refused() {
    let tmp = portal();
    link(
        "../../../portico.yaml",
        &tmp.path().join("clients/acme/files/portico.yaml"),
    );
    refused(tmp.path(), "symlink", "clients/acme/files/portico.yaml");
}

#[test]
fn a_link_to_the_previous_output_is_refused() {
    let tmp = portal();
    std::fs::create_dir_all(tmp.path().join("public/globex")).unwrap();
    std::fs::write(tmp.path().join("public/globex/index.html"), "GLOBEX-SECRET").unwrap();
    link(
        "../../../public",
        &tmp.path().join("clients/acme/files/prev"),
    );
    let found = errors(tmp.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].1, "clients/acme/files/prev");
}

#[test]
fn a_report_linked_to_another_clients_report_is_refused() {
    let tmp = portal();
    link(
        "../../globex/reports/2026-11-14.md",
        &tmp.path().join("clients/acme/reports/2026-11-14.md"),
    );
    refused(tmp.path(), "symlink", "clients/acme/reports/2026-11-14.md");
}

#[test]
fn a_client_yaml_linked_to_another_clients_is_refused() {
    let tmp = portal();
    link(
        "../globex/client.yaml",
        &tmp.path().join("clients/acme/client.yaml"),
    );
    refused(tmp.path(), "symlink", "clients/acme/client.yaml");
}

#[test]
fn a_client_folder_linked_to_another_client_is_refused() {
    let tmp = portal();
    link("globex", &tmp.path().join("clients/globex2"));
    refused(tmp.path(), "symlink", "clients/globex2");
}

/// Before, the build listed client folders throwing the policy's diagnostics away: the
/// client simply vanished from the output and `check` said nothing.
#[test]
fn a_client_folder_linked_outside_the_portal_is_reported_not_dropped() {
    let tmp = portal();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(elsewhere.path().join("initech")).unwrap();
    std::fs::write(
        elsewhere.path().join("initech/client.yaml"),
        "name: Initech\n",
    )
    .unwrap();
    link(
        elsewhere.path().join("initech").to_str().unwrap(),
        &tmp.path().join("clients/initech"),
    );
    refused(tmp.path(), "symlink", "clients/initech");
}

#[test]
fn a_clients_folder_linked_outside_the_portal_is_refused() {
    let tmp = portal();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(tmp.path().join("clients"), elsewhere.path().join("clients")).unwrap();
    link(
        elsewhere.path().join("clients").to_str().unwrap(),
        &tmp.path().join("clients"),
    );
    refused(tmp.path(), "symlink", "clients");
}

/// Raw data files are the client's, but they are not attachments: `raid.yaml` holds
/// internal items, and a link from `files/` would publish it as it is.
#[test]
fn a_link_from_files_to_the_clients_own_data_is_refused() {
    let tmp = portal();
    std::fs::write(
        tmp.path().join("clients/acme/raid.yaml"),
        "risks:\n  - id: R1\n    title: Our staffing\n    owner: us\n    status: open\n    severity: low\n    raised_on: 2026-11-01\n    visibility: internal\n",
    )
    .unwrap();
    link(
        "../raid.yaml",
        &tmp.path().join("clients/acme/files/raid.yaml"),
    );
    refused(tmp.path(), "symlink", "clients/acme/files/raid.yaml");
}

#[test]
fn a_folder_link_back_into_itself_is_a_loop() {
    let tmp = portal();
    std::fs::create_dir_all(tmp.path().join("clients/acme/files/sub")).unwrap();
    link("..", &tmp.path().join("clients/acme/files/sub/up"));
    let message = refused(tmp.path(), "symlink", "clients/acme/files/sub/up");
    assert!(message.contains("loop"), "{message}");
}

#[test]
fn a_link_inside_the_clients_own_files_folder_is_followed() {
    let tmp = portal();
    std::fs::create_dir_all(tmp.path().join("clients/acme/files/2026")).unwrap();
    std::fs::write(tmp.path().join("clients/acme/files/2026/deck.txt"), "deck").unwrap();
    link("2026", &tmp.path().join("clients/acme/files/latest"));
    link(
        "plan.txt",
        &tmp.path().join("clients/acme/files/plan-v2.txt"),
    );
    // Published although nothing links them.
    std::fs::write(
        tmp.path().join("clients/acme/client.yaml"),
        "name: Acme Ltd\nfiles: [files/]\n",
    )
    .unwrap();
    assert_eq!(errors(tmp.path()), vec![]);
    portico(tmp.path()).args(["build", "."]).assert().success();
    let out = tmp.path().join("public/acme/files");
    assert_eq!(
        std::fs::read_to_string(out.join("latest/deck.txt")).unwrap(),
        "deck"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("plan-v2.txt")).unwrap(),
        "acme's plan\n"
    );
}

/// Nothing of globex reaches acme's folder through any of the links above, whatever
/// happens: a belt-and-braces check over a build that must fail.
#[test]
fn no_output_of_acme_ever_holds_globex_data() {
    let tmp = portal();
    portico(tmp.path()).args(["build", "."]).assert().success();
    let before = read_tree(&tmp.path().join("public"));
    link(
        "../../globex",
        &tmp.path().join("clients/acme/files/globex"),
    );
    portico(tmp.path()).args(["build", "."]).assert().code(1);
    let after = read_tree(&tmp.path().join("public"));
    assert_eq!(before, after);
    for (path, bytes) in &after {
        if path.starts_with("acme/") {
            assert!(
                !String::from_utf8_lossy(bytes).contains("GLOBEX-SECRET"),
                "{path}"
            );
        }
    }
}

// Only regular files are read: a FIFO, socket or device is an error naming it, never a
// read that blocks forever.

#[test]
fn a_pipe_as_client_yaml_is_an_error_not_a_hang() {
    let tmp = portal();
    fifo(&tmp.path().join("clients/acme/client.yaml"));
    let message = refused(tmp.path(), "unreadable", "clients/acme/client.yaml");
    assert!(message.contains("named pipe"), "{message}");
}

#[test]
fn a_pipe_as_a_report_is_an_error_not_a_hang() {
    let tmp = portal();
    fifo(&tmp.path().join("clients/acme/reports/2026-11-21.md"));
    refused(
        tmp.path(),
        "unreadable",
        "clients/acme/reports/2026-11-21.md",
    );
}

#[test]
fn a_pipe_as_portico_yaml_is_an_error_not_a_hang() {
    let tmp = portal();
    fifo(&tmp.path().join("portico.yaml"));
    let found = errors(tmp.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "unreadable");
    assert_eq!(found[0].1, "portico.yaml");
    portico(tmp.path()).args(["build", "."]).assert().code(1);
}

#[test]
fn a_pipe_as_an_attachment_is_an_error_not_a_hang() {
    let tmp = portal();
    fifo(&tmp.path().join("clients/acme/files/stream.bin"));
    refused(tmp.path(), "unreadable", "clients/acme/files/stream.bin");
}

#[test]
fn a_link_to_a_pipe_inside_the_client_is_an_error_not_a_hang() {
    let tmp = portal();
    fifo(&tmp.path().join("clients/acme/files/pipe"));
    link("pipe", &tmp.path().join("clients/acme/files/plan.txt"));
    let found = errors(tmp.path());
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found.iter().all(|(code, ..)| code == "unreadable"),
        "{found:#?}"
    );
    portico(tmp.path()).args(["build", "."]).assert().code(1);
}

#[test]
fn a_pipe_in_the_theme_is_an_error_not_a_hang() {
    let tmp = portal();
    std::fs::create_dir_all(tmp.path().join("theme/static")).unwrap();
    fifo(&tmp.path().join("theme/static/style.css"));
    let found = errors(tmp.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("unreadable", "theme/static/style.css")
    );
    portico(tmp.path()).args(["build", "."]).assert().code(1);
}

/// A socket in a client folder is named as itself; before, a socket or device was
/// listed as a file and reported against the wrong name or read.
#[test]
fn a_socket_is_named_as_itself_not_as_client_yaml() {
    let tmp = portal();
    let path = tmp.path().join("clients/acme/files/agent.sock");
    let _socket = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let message = refused(tmp.path(), "unreadable", "clients/acme/files/agent.sock");
    assert!(message.contains("socket"), "{message}");
}
