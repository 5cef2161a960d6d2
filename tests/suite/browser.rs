//! Behaviour that lives in the browser, checked in a real one: Debian's Chromium, headless,
//! driven by playwright-core (`tests/browser/`).
//!
//! Needs `node` and `/usr/bin/chromium` (or `PORTICO_CHROMIUM`); `.ci/run` installs both. The
//! npm packages are installed from the committed lock file on first use.

use std::path::{Path, PathBuf};
use std::process::Command;

use portico::serve::{ServeOptions, Server};

use crate::common::{TempPortal, repo};

/// The browser-test folder, with its npm packages installed.
pub(super) fn browser_tools() -> PathBuf {
    let dir = repo().join("tests/browser");
    let chromium = std::env::var("PORTICO_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "browser tests need Chromium at {chromium}: `apt-get install -y chromium` (as .ci/run does), or set PORTICO_CHROMIUM"
    );
    if !dir.join("node_modules/playwright-core").is_dir() {
        let status = Command::new("npm")
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .expect("browser tests need node and npm on the PATH");
        assert!(status.success(), "npm ci in tests/browser failed");
    }
    dir
}

#[test]
fn a_saved_edit_reloads_the_open_page_with_the_new_text() {
    let tools = browser_tools();
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
