//! `portico serve` as a process: its private folder is private while it runs and gone
//! however it stops (Ctrl-C, SIGTERM, SIGHUP, a failed start); one killed beyond cleaning up
//! (SIGKILL) is swept by the next preview, never a live one's.

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process};

use super::agent;
use crate::common::{TempPortal, fixture};

/// How long a preview may take to start or to stop before the test gives up on it.
const PATIENCE: Duration = Duration::from_secs(60);

/// A running `portico serve`, killed if a test ends early.
struct Preview {
    child: Child,
    url: String,
}

impl Preview {
    /// Starts `portico serve` on a free port with `tmp` as its temporary folder, and waits
    /// until it says where it serves.
    fn start(portal: &Path, tmp: &Path) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_portico"))
            .arg("serve")
            .arg(portal)
            .args(["--port", "0"])
            .env("TMPDIR", tmp)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("portico runs");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.strip_prefix("Serving the preview at ") {
                    let url = rest.split_whitespace().next().unwrap_or_default();
                    let _ = tx.send(url.to_owned());
                }
            }
        });
        let url = rx
            .recv_timeout(PATIENCE)
            .expect("the preview says where it serves");
        Preview { child, url }
    }

    fn signal(&self, signal: Signal) {
        kill_process(Pid::from_child(&self.child), signal).unwrap();
    }

    /// Waits for the process to end after a signal.
    fn wait(mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the preview did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The previews' private folders under `tmp`.
fn preview_folders(tmp: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("portico-preview-"))
        })
        .collect();
    found.sort();
    found
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn the_preview_folder_is_private_while_it_runs_and_gone_after_ctrl_c() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let tmp = tempfile::tempdir().unwrap();
    let preview = Preview::start(portal.path(), tmp.path());
    let page = agent()
        .get(&format!("{}acme/reports/2026-10-23/", preview.url))
        .call()
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let folders = preview_folders(tmp.path());
    assert_eq!(folders.len(), 1, "{folders:?}");
    assert_eq!(mode(&folders[0]), 0o700, "only its owner can enter it");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&folders[0]) {
        let entry = entry.unwrap();
        let m = mode(entry.path());
        assert_eq!(m & 0o077, 0, "{} is {m:o}", entry.path().display());
        pages += usize::from(entry.file_name() == "index.html");
    }
    assert!(pages > 1, "the pages are in it");
    preview.signal(Signal::INT);
    let status = preview.wait();
    assert!(
        status.success(),
        "Ctrl-C is a normal way to stop: {status:?}"
    );
    assert_eq!(preview_folders(tmp.path()), Vec::<PathBuf>::new());
}

#[test]
fn sigterm_and_sighup_remove_the_preview_folder_too() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    for signal in [Signal::TERM, Signal::HUP] {
        let tmp = tempfile::tempdir().unwrap();
        let preview = Preview::start(portal.path(), tmp.path());
        assert_eq!(preview_folders(tmp.path()).len(), 1);
        preview.signal(signal);
        let status = preview.wait();
        assert!(status.success(), "{signal:?}: {status:?}");
        assert_eq!(
            preview_folders(tmp.path()),
            Vec::<PathBuf>::new(),
            "{signal:?}"
        );
    }
}

#[test]
fn a_killed_previews_folder_is_swept_at_the_next_start_but_never_a_live_ones() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let tmp = tempfile::tempdir().unwrap();
    let live = Preview::start(portal.path(), tmp.path());
    let live_folder = preview_folders(tmp.path());
    assert_eq!(live_folder.len(), 1);
    let killed = Preview::start(portal.path(), tmp.path());
    killed.signal(Signal::KILL);
    killed.wait();
    let left = preview_folders(tmp.path());
    assert_eq!(
        left.len(),
        2,
        "SIGKILL cannot be cleaned up after: {left:?}"
    );
    let next = Preview::start(portal.path(), tmp.path());
    let now = preview_folders(tmp.path());
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(
        now.contains(&live_folder[0]),
        "the live preview's folder stays"
    );
    assert!(
        !now.iter().any(|f| left.contains(f) && *f != live_folder[0]),
        "the killed one's is gone: {now:?}"
    );
    let page = agent().get(&format!("{}acme/", live.url)).call().unwrap();
    assert_eq!(page.status().as_u16(), 200, "the live preview still serves");
    for preview in [live, next] {
        preview.signal(Signal::TERM);
        assert!(preview.wait().success());
    }
    assert_eq!(preview_folders(tmp.path()), Vec::<PathBuf>::new());
}

#[test]
fn a_preview_that_cannot_start_leaves_no_folder() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let tmp = tempfile::tempdir().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = Command::new(env!("CARGO_BIN_EXE_portico"))
        .arg("serve")
        .arg(portal.path())
        .args(["--port", &port.to_string()])
        .env("TMPDIR", tmp.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("already in use"), "{stderr}");
    assert_eq!(preview_folders(tmp.path()), Vec::<PathBuf>::new());
}
