//! Password-protected portals: nothing readable in the output, stable ciphertext between
//! builds, clear errors for missing passwords, and the whole reader's journey in Chromium.

use std::io::{BufRead, BufReader};
use std::process::{Command as Process, Stdio};

use std::collections::BTreeMap;

use assert_cmd::Command;
use portico::protect::OpenedPortal;
use predicates::prelude::*;

use crate::common::{TempPortal, fixture, links_in, read_tree, repo};

/// Each example client protected by two passwords, from these variables.
const READERS: [(&str, &str, &str); 4] = [
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
    (
        "maison-vellard",
        "VELLARD_PASSWORD",
        "soap bars and late invoices",
    ),
    (
        "tierarzt-lindenhof",
        "LINDENHOF_PASSWORD",
        "vets on a fixed fee",
    ),
];

fn protected_example() -> TempPortal {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    for (slug, var, _) in READERS {
        let path = portal.path().join(format!("clients/{slug}/client.yaml"));
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!(
            "\naccess:\n  password_env: {var}\n  passwords:\n    - {{ name: Second reader, env: {var}_2 }}\n"
        ));
        if slug == "cradlestone" {
            // An address of its own: its readers may be remembered on a device.
            text.push_str("deploy:\n  base_url: https://cradlestone.larchmere.example.com/\n");
        }
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
        for left_out in ["feed.xml", "milestones.ics", "meetings.ics", "portal.json"] {
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
    let kordaal = opened(&portal, "kordaal-foods");
    // The print pack carries the latest report's text, so it changes with it.
    let mut expected: Vec<String> = ["reports/2026-11-13/index.html", "print/index.html"]
        .map(|page| format!("kordaal-foods/{}", kordaal.page_file(page)))
        .into();
    expected.sort();
    assert_eq!(changed, expected.iter().collect::<Vec<_>>());
}

/// The example client opened with its first password, as its browser opens it.
fn opened(portal: &TempPortal, slug: &str) -> OpenedPortal {
    let (_, _, password) = READERS.iter().find(|r| r.0 == slug).unwrap();
    OpenedPortal::open(&portal.out().join(slug), password).expect("the password opens it")
}

/// The files of one client's folder, relative to it.
fn files_of(tree: &BTreeMap<String, Vec<u8>>, slug: &str) -> BTreeMap<String, Vec<u8>> {
    let prefix = format!("{slug}/");
    tree.iter()
        .filter_map(|(k, v)| k.strip_prefix(&prefix).map(|r| (r.to_owned(), v.clone())))
        .collect()
}

#[test]
fn file_names_sections_and_styles_give_nothing_away() {
    let portal = protected_example();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let tree = read_tree(&portal.out());
    for (slug, _, _) in READERS {
        let files = files_of(&tree, slug);
        for name in files.keys() {
            // An opaque name is a keyed hash in hex: it may contain "2026" by chance, and
            // names nothing. Only the other segments are searched for words.
            let said: Vec<&str> = name
                .split('/')
                .filter(|segment| {
                    let stem = segment.split('.').next().unwrap_or(segment);
                    !(stem.len() >= 16 && stem.bytes().all(|b| b.is_ascii_hexdigit()))
                })
                .collect();
            let said = said.join("/");
            assert!(
                ![
                    "reports",
                    "kpis",
                    "raid",
                    "scope",
                    "changes",
                    "milestones",
                    "2026"
                ]
                .iter()
                .any(|w| said.contains(w)),
                "{slug}/{name} names a section, a report or a date"
            );
            assert!(
                !name.contains("client.css"),
                "{slug}/{name}: the client's colours are inside the pages"
            );
        }
        let client = portal.path().join(format!("clients/{slug}"));
        // Drafts are left out of a build.
        let reports = std::fs::read_dir(client.join("reports"))
            .unwrap()
            .filter(|e| {
                let text = std::fs::read_to_string(e.as_ref().unwrap().path()).unwrap();
                !text.contains("\ndraft: true")
            })
            .count();
        let pages = files.keys().filter(|k| k.ends_with(".html")).count();
        assert_eq!(
            pages,
            portico::render::SECTION_PAGES.len() + reports,
            "{slug}: one file per section whatever data it has, plus one per report"
        );
        for (name, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text.contains("accent"),
                "{slug}/{name} shows the accent colour"
            );
            let payload = text.split("id=\"portico-payload\">").nth(1).unwrap();
            let payload = payload.split("</script>").next().unwrap();
            use base64::Engine as _;
            let sealed = base64::engine::general_purpose::STANDARD
                .decode(payload)
                .unwrap()
                .len();
            assert_eq!(
                (sealed - 28) % portico::protect::PAGE_BLOCK,
                0,
                "{slug}/{name}: pages are padded to whole blocks"
            );
        }
    }
    // An empty section opens to nothing; the pages say where they are.
    let lindenhof = opened(&portal, "tierarzt-lindenhof");
    let dashboard = lindenhof.page("index.html").unwrap();
    assert_eq!(dashboard.path, "index.html");
    assert!(dashboard.styles["assets/client.css"].contains("--accent"));
}

/// Resolves `link` against the folder of `page` (a path in a client's portal); `None` for
/// links leaving the portal (other schemes, fragments).
fn resolve(page: &str, link: &str) -> Option<String> {
    if link.starts_with('#') || link.contains("://") || link.starts_with("mailto:") {
        return None;
    }
    let target = link.split(['#', '?']).next().unwrap();
    let decoded = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in decoded.split('/') {
        match seg {
            ".." => {
                assert!(parts.pop().is_some(), "{page}: {link} climbs out");
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if path.is_empty() || decoded.ends_with('/') {
        path = format!("{path}{}index.html", if path.is_empty() { "" } else { "/" });
    }
    Some(path)
}

#[test]
fn every_link_of_a_protected_build_resolves_after_decryption_too() {
    let portal = protected_example();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let tree = read_tree(&portal.out());
    let mut checked = 0;
    for (slug, _, _) in READERS {
        let files = files_of(&tree, slug);
        let portal_view = opened(&portal, slug);
        for (name, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
            // What is served: the lock page's own links and images.
            for link in links_in(&String::from_utf8_lossy(bytes)) {
                if let Some(target) = resolve(name, &link) {
                    assert!(
                        files.contains_key(&target),
                        "{slug}/{name} (locked) links {link}, which is not published"
                    );
                    checked += 1;
                }
            }
            // What the reader sees once it is decrypted.
            let page = portal_view
                .page(name)
                .unwrap_or_else(|| panic!("{slug}/{name} does not open"));
            for link in links_in(&page.html) {
                let Some(target) = resolve(&page.path, &link) else {
                    continue;
                };
                checked += 1;
                if page.styles.contains_key(&target) {
                    continue;
                }
                if let Some(attachment) = target.strip_prefix("files/") {
                    let stored = portal_view.attachment_file(attachment);
                    assert!(
                        portal_view.attachment(&stored).is_some(),
                        "{slug}/{}: {link} is not an attachment that opens",
                        page.path
                    );
                } else if target.ends_with(".html") {
                    let stored = portal_view.page_file(&target);
                    let linked = portal_view.page(&stored);
                    assert!(
                        linked
                            .as_ref()
                            .is_some_and(|p| p.path == target && !p.html.is_empty()),
                        "{slug}/{}: {link} leads to no page",
                        page.path
                    );
                } else {
                    assert!(
                        files.contains_key(&target),
                        "{slug}/{}: {link} is not published (a protected portal has no {target})",
                        page.path
                    );
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn a_ciphertext_moved_to_another_file_does_not_open_there() {
    let portal = protected_example();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let dir = portal.out().join("cradlestone");
    let view = opened(&portal, "cradlestone");
    let oct = dir.join(view.page_file("reports/2026-10-02/index.html"));
    let nov = dir.join(view.page_file("reports/2026-11-20/index.html"));
    let (a, b) = (std::fs::read(&oct).unwrap(), std::fs::read(&nov).unwrap());
    std::fs::write(&oct, &b).unwrap();
    std::fs::write(&nov, &a).unwrap();
    let attachment = std::fs::read(dir.join(view.attachment_file("recovery-plan.csv"))).unwrap();
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let payload = index
        .split("id=\"portico-payload\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    use base64::Engine as _;
    let moved = index.replace(
        payload,
        &base64::engine::general_purpose::STANDARD.encode(&attachment),
    );
    std::fs::write(dir.join("index.html"), moved).unwrap();
    let view = opened(&portal, "cradlestone");
    assert_eq!(
        view.page(&view.page_file("reports/2026-10-02/index.html")),
        None
    );
    assert_eq!(
        view.page(&view.page_file("reports/2026-11-20/index.html")),
        None
    );
    assert_eq!(
        view.page("index.html"),
        None,
        "an attachment does not open as a page"
    );
    assert!(view.page(&view.page_file("reports/index.html")).is_some());
}

#[test]
fn a_doctored_earlier_slot_cannot_make_the_next_build_hang() {
    let portal = protected_example();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    // Every page of the earlier output claims 4,000,000,000 rounds for its first slot.
    for entry in walkdir::WalkDir::new(portal.out().join("cradlestone")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(&path).unwrap();
            let doctored = text.replacen("\"iterations\":600000", "\"iterations\":4000000000", 1);
            assert_ne!(text, doctored);
            std::fs::write(&path, doctored).unwrap();
        }
    }
    // An unchanged client's folder is not even read (its seal in the build state holds):
    // change an input, so the next build reads the earlier slots to keep the content key.
    let report = portal
        .path()
        .join("clients/cradlestone/reports/2026-11-20.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, format!("{text}\nOne more line.\n")).unwrap();
    // Bounded: a build that trusted the count would run for most of an hour.
    let mut build = Process::new(env!("CARGO_BIN_EXE_portico"));
    build
        .arg("build")
        .arg(portal.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (_, var, password) in READERS {
        build
            .env(var, password)
            .env(format!("{var}_2"), format!("{password}, second"));
    }
    let mut child = build.spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    assert!(
        status.is_some_and(|s| s.success()),
        "the build did not finish in 3 minutes: it trusted the doctored round count"
    );
    let index = std::fs::read_to_string(portal.out().join("cradlestone/index.html")).unwrap();
    assert!(
        !index.contains("4000000000"),
        "the doctored slot is replaced"
    );
    assert!(OpenedPortal::open(&portal.out().join("cradlestone"), READERS[0].2).is_some());
}

#[test]
fn weak_passwords_are_warned_by_check_and_build_never_printed() {
    let portal = TempPortal::copy_of(&fixture("warnings/weak-password--three-letters"));
    for command in ["check", "build"] {
        let out = portico()
            .arg(command)
            .arg(portal.path())
            .env("PORTICO_FIXTURE_WEAK_PASSWORD", "abc")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{command}: {stderr}");
        assert!(
            stderr.contains("weak-password") && stderr.contains("Jana Weber's password"),
            "{command}: {stderr}"
        );
        assert!(
            !stderr.contains("abc"),
            "{command} printed the password: {stderr}"
        );
    }
    portico()
        .args(["check", "--deny-warnings"])
        .arg(portal.path())
        .env("PORTICO_FIXTURE_WEAK_PASSWORD", "abc")
        .assert()
        .code(1);
    let strong = portico()
        .args(["check", "--deny-warnings"])
        .arg(portal.path())
        .env(
            "PORTICO_FIXTURE_WEAK_PASSWORD",
            "marble orbit lantern quietly seven",
        )
        .output()
        .unwrap();
    assert!(
        strong.status.success(),
        "{}",
        String::from_utf8_lossy(&strong.stderr)
    );
}

#[test]
fn share_without_an_address_prints_a_fragment_never_a_file_path() {
    let portal = TempPortal::copy_of(&fixture("warnings/weak-password--three-letters"));
    let client = portal.path().join("clients/acme/client.yaml");
    let text = std::fs::read_to_string(&client).unwrap();
    std::fs::write(
        &client,
        text.replace(
            "deploy:\n  base_url: https://acme.test-advisory.example/\n",
            "",
        ),
    )
    .unwrap();
    let password = "marble orbit lantern quietly seven";
    portico()
        .arg("build")
        .arg(portal.path())
        .env("PORTICO_FIXTURE_WEAK_PASSWORD", password)
        .assert()
        .success();
    let out = portico()
        .args(["share", "acme", "--portal"])
        .arg(portal.path())
        .env("PORTICO_FIXTURE_WEAK_PASSWORD", password)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.starts_with("#key="), "{stdout}");
    assert_eq!(stdout.trim().len(), "#key=".len() + 43);
    let everything = format!("{stdout}{stderr}");
    assert!(!everything.contains("file:"), "{everything}");
    assert!(
        !everything.contains(&portal.path().display().to_string()),
        "{everything}"
    );
    assert!(
        stderr.contains("/acme/#key="),
        "explains how to form the link: {stderr}"
    );
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
        link.starts_with("https://cradlestone.larchmere.example.com/#key="),
        "{link}"
    );
    assert_eq!(
        link.trim().rsplit('=').next().unwrap().len(),
        43,
        "a 256-bit key in base64url"
    );
}

/// The reader's journey over a built portal served under a sub-path and opened from disk,
/// plus a copy in which two reports' files are swapped.
#[test]
fn a_reader_opens_browses_downloads_remembers_and_logs_out_in_chromium() {
    let Some(tools) = super::browser::browser_tools(
        "a_reader_opens_browses_downloads_remembers_and_logs_out_in_chromium",
    ) else {
        return;
    };
    let portal = protected_example();
    with_passwords(portico().arg("build").arg(portal.path()))
        .assert()
        .success();
    let root = tempfile::tempdir().unwrap();
    let served = root.path().join("agency/example");
    crate::common::copy_tree(&portal.out(), &served);
    let doctored = root.path().join("agency/doctored");
    crate::common::copy_tree(&portal.out(), &doctored);
    let view = OpenedPortal::open(&served.join("cradlestone"), READERS[0].2).unwrap();
    let report = view.page_file("reports/2026-11-20/index.html");
    let neighbour = view.page_file("reports/2026-11-13/index.html");
    std::fs::copy(
        doctored.join("cradlestone").join(&neighbour),
        doctored.join("cradlestone").join(&report),
    )
    .unwrap();
    let attachment = std::fs::read(
        portal
            .path()
            .join("clients/cradlestone/files/recovery-plan.csv"),
    )
    .unwrap();
    let config = serde_json::json!({
        "root": root.path(),
        "client": "agency/example/cradlestone",
        "doctored": "agency/doctored/cradlestone",
        "shared": "agency/example/kordaal-foods",
        "clientName": "Cradlestone Building Supplies Ltd",
        "agencyName": "Larchmere Advisory",
        "password": "recovery plan for january, second",
        "report": report,
        "neighbour": neighbour,
        "neighbourTitle": "Retest did not happen",
        "attachment": "recovery-plan.csv",
        "attachmentSha": sha256_hex(&attachment),
    });
    let config_file = root.path().join("config.json");
    std::fs::write(&config_file, config.to_string()).unwrap();
    let out = Process::new("node")
        .arg(tools.join("protected.mjs"))
        .arg(&config_file)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{report}");
    assert!(
        out.status.success() && !report.contains("FAIL"),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(report.lines().filter(|l| l.starts_with("ok")).count(), 30);
}

/// `portico serve` encrypts as a build does: its overview of a protected client is a lock
/// page with the same slots a browser opens.
#[test]
fn the_preview_serves_protected_clients_encrypted() {
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
    let page = ureq::get(&format!("{url}cradlestone/index.html"))
        .call()
        .map(|mut r| r.body_mut().read_to_string().unwrap());
    let _ = child.kill();
    let _ = child.wait();
    let page = page.unwrap();
    assert!(page.contains("id=\"portico-payload\""));
    assert!(!page.contains("Cradlestone"));
    assert!(portico::protect::share_key(&page, READERS[0].2).is_some());
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The identity (device, inode) and modification time of the build state of `out` and of
/// every file and folder under `out`: unchanged when a build wrote nothing.
fn footprint(portal: &TempPortal) -> BTreeMap<String, (u64, u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    let mut all = BTreeMap::new();
    for root in [portal.out(), portal.path().join(".portico")] {
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            all.insert(
                entry.path().display().to_string(),
                (meta.dev(), meta.ino(), meta.mtime(), meta.mtime_nsec()),
            );
        }
    }
    all
}

/// Protected clients are incremental: with nothing changed a build writes nothing (not
/// even its state); one edited client is the only one rebuilt; a changed password re-keys
/// exactly that client's portal, and a missing one is still an error. Before, every build
/// re-derived and re-sealed every protected client.
#[test]
fn protected_clients_are_rebuilt_only_when_their_inputs_or_passwords_change() {
    let portal = protected_example();
    let build = |cmd: &mut Command| {
        let out = cmd.arg("build").arg(portal.path()).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(build(with_passwords(&mut portico())).contains("4 client portals"));
    let first = read_tree(&portal.out());
    let before = footprint(&portal);
    let stdout = build(with_passwords(&mut portico()));
    assert_eq!(footprint(&portal), before, "nothing written: {stdout}");

    // The state holds no password, nor any unkeyed hash of one.
    let state_dir = std::fs::read_dir(portal.path().join(".portico/builds"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let state = std::fs::read_to_string(state_dir.join("state.json")).unwrap();
    for (_, var, password) in READERS {
        let second = format!("{password}, second");
        for secret in [password, second.as_str()] {
            assert!(!state.contains(secret));
            assert!(!state.contains(&sha256_hex(secret.as_bytes())));
            assert!(!state.contains(blake3::hash(secret.as_bytes()).to_hex().as_str()));
        }
        assert!(state.contains(var), "the variables' names are recorded");
    }
    assert!(state.contains("\"seal_salt\""), "{state}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(state_dir.join("state.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // One edited report: that client alone is rebuilt, and only that page changes.
    let report = portal
        .path()
        .join("clients/kordaal-foods/reports/2026-11-13.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replace("## ", "## Edited ")).unwrap();
    let stdout = build(with_passwords(&mut portico()));
    assert!(stdout.contains("1 rebuilt, 3 unchanged"), "{stdout}");
    let edited = read_tree(&portal.out());
    let changed: Vec<&String> = edited
        .keys()
        .filter(|k| first.get(*k) != edited.get(*k))
        .collect();
    // The report's page, and the print pack, which holds the latest report.
    let kordaal = opened(&portal, "kordaal-foods");
    let mut expected: Vec<String> = ["reports/2026-11-13/index.html", "print/index.html"]
        .iter()
        .map(|page| format!("kordaal-foods/{}", kordaal.page_file(page)))
        .collect();
    expected.sort();
    assert_eq!(changed, expected.iter().collect::<Vec<_>>());
    let before = footprint(&portal);
    build(with_passwords(&mut portico()));
    assert_eq!(
        footprint(&portal),
        before,
        "nothing written after the edit's build"
    );

    // A changed password: the seals no longer hold, every protected client is checked
    // against its slots, and only the client whose password changed gets a new key.
    let old = "soups and sauces forecast, second";
    let new = "a wholly different second passphrase";
    let mut cmd = portico();
    with_passwords(&mut cmd).env("KORDAAL_PASSWORD_2", new);
    build(&mut cmd);
    let rekeyed = read_tree(&portal.out());
    let kordaal = portal.out().join("kordaal-foods");
    assert!(
        OpenedPortal::open(&kordaal, old).is_none(),
        "the old password is revoked"
    );
    assert!(OpenedPortal::open(&kordaal, new).is_some());
    for slug in ["cradlestone", "tierarzt-lindenhof"] {
        assert_eq!(
            files_of(&rekeyed, slug),
            files_of(&edited, slug),
            "{slug} kept"
        );
    }
    assert_ne!(
        files_of(&rekeyed, "kordaal-foods"),
        files_of(&edited, "kordaal-foods")
    );
    let before = footprint(&portal);
    let mut cmd = portico();
    with_passwords(&mut cmd).env("KORDAAL_PASSWORD_2", new);
    build(&mut cmd);
    assert_eq!(
        footprint(&portal),
        before,
        "the new password is sealed in turn"
    );

    // The old password back: nothing the state holds lets it through unchecked.
    build(with_passwords(&mut portico()));
    assert!(OpenedPortal::open(&kordaal, old).is_some());
    assert!(OpenedPortal::open(&kordaal, new).is_none());

    // A missing password is an error even when nothing else changed.
    let mut cmd = portico();
    with_passwords(&mut cmd).env_remove("LINDENHOF_PASSWORD_2");
    cmd.arg("build")
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the environment variable LINDENHOF_PASSWORD_2, which holds a password for this portal",
        ));
}
