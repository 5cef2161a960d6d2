//! Behaviour that lives in the browser, checked in a real one: Debian's Chromium, headless,
//! driven by playwright-core (`tests/browser/`).
//!
//! These tests need Chromium (`/usr/bin/chromium`, or `PORTICO_CHROMIUM`), Node.js and the
//! npm packages of `tests/browser/`. Where any is missing, each test says so on one line and
//! passes, so `cargo test` works on a machine with only Rust; `.ci/run` installs them all and
//! sets `PORTICO_REQUIRE_BROWSER=1`, under which a missing one fails the test instead. Nothing
//! here runs npm or reaches the network.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use portico::serve::{ServeOptions, Server};

use crate::common::{TempPortal, repo};

/// What to run when the browser tools are missing.
const SETUP: &str =
    "apt-get install -y chromium nodejs npm && npm ci --prefix tests/browser --ignore-scripts";

/// The browser-test folder when Chromium, Node.js and the npm packages are all there;
/// otherwise `None`, after one line on standard error naming what is missing (or a panic
/// under `PORTICO_REQUIRE_BROWSER=1`).
pub(super) fn browser_tools(test: &str) -> Option<PathBuf> {
    let dir = repo().join("tests/browser");
    let chromium = std::env::var("PORTICO_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let node = Command::new("node").arg("--version").output();
    let missing = if !Path::new(&chromium).exists() {
        Some(format!("Chromium at {chromium}"))
    } else if !node.is_ok_and(|o| o.status.success()) {
        Some("node on the PATH".to_owned())
    } else if !dir.join("node_modules/playwright-core").is_dir() {
        Some("the npm packages of tests/browser".to_owned())
    } else {
        None
    };
    let Some(missing) = missing else {
        return Some(dir);
    };
    let required = std::env::var_os("PORTICO_REQUIRE_BROWSER").is_some_and(|v| v == "1");
    assert!(
        !required,
        "PORTICO_REQUIRE_BROWSER=1, but {test} cannot run: no {missing}. Install with: {SETUP}"
    );
    // Straight to the stream, not through eprintln!, which the test harness captures from
    // passing tests: the skip must be visible.
    let _ = writeln!(
        std::io::stderr(),
        "skipped {test}: needs {missing}; install with: {SETUP}"
    );
    None
}

#[test]
fn a_saved_edit_reloads_the_open_page_with_the_new_text() {
    let Some(tools) = browser_tools("a_saved_edit_reloads_the_open_page_with_the_new_text") else {
        return;
    };
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    let server = Server::start(
        &ServeOptions {
            portal: portal.path().to_path_buf(),
            port: 0,
            ..Default::default()
        },
        Box::new(|_| {}),
    )
    .unwrap();
    let url = format!("http://{}/cradlestone/reports/2026-11-20/", server.addr());
    let file = portal
        .path()
        .join("clients/cradlestone/reports/2026-11-20.md");
    let out = Command::new("node")
        .arg(tools.join("livereload.mjs"))
        .arg(&url)
        .arg(&file)
        .args([
            "## The go/no-go result",
            "## The go/no-go result, as scored",
            "The go/no-go result, as scored",
        ])
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    eprintln!(
        "save -> page reloaded with the new text: {} ms",
        result["reload_ms"]
    );
}
