use super::*;

const LOCK: &str = "<!DOCTYPE html><html><body><form id=\"portico-unlock\"></form></body></html>";

fn page(path: &str, text: &str) -> RenderedFile {
    RenderedFile {
        path: format!("acme/{path}"),
        contents: Contents::Bytes(Arc::from(text.as_bytes())),
    }
}

fn read(contents: &Contents) -> std::io::Result<Arc<[u8]>> {
    match contents {
        Contents::Bytes(b) => Ok(b.clone()),
        Contents::Copy(p) => std::fs::read(p).map(Arc::from),
    }
}

fn bytes_of(files: &[RenderedFile]) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|f| (f.path.clone(), read(&f.contents).unwrap().to_vec()))
        .collect()
}

fn seal(
    files: Vec<RenderedFile>,
    passwords: &[String],
    previous: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> BTreeMap<String, Vec<u8>> {
    let protection = Protection {
        folder: "acme",
        lock_page: LOCK,
        passwords,
    };
    bytes_of(&seal_client(&protection, files, previous, &read).unwrap())
}

fn input() -> Vec<RenderedFile> {
    vec![
        page("index.html", "<p>Acme dashboard</p>"),
        page("reports/index.html", "<p>week 1</p>"),
        page("reports/2026-10-02/index.html", "<p>2 Oct: all well</p>"),
        page("reports/2026-11-20/index.html", "<p>20 Nov: red</p>"),
        page("assets/client.css", ":root { --accent: #0b6e4f; }"),
        page("files/plan.csv", "a,b\n1,2\n"),
        page("feed.xml", "x"),
    ]
}

/// Opens the sealed output in a temp folder, as a browser would.
fn opened(files: &BTreeMap<String, Vec<u8>>, password: &str) -> (tempfile::TempDir, OpenedPortal) {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let portal =
        OpenedPortal::open(&dir.path().join("acme"), password).expect("the password opens it");
    (dir, portal)
}

#[test]
fn unchanged_pages_keep_their_ciphertext_and_revocation_rotates_the_key() {
    let passwords = vec!["correct horse".to_owned()];
    let first = seal(input(), &passwords, &|_| None);
    assert!(!first.contains_key("acme/feed.xml"), "feeds are left out");
    assert!(!String::from_utf8_lossy(&first["acme/index.html"]).contains("Acme dashboard"));
    let previous = |rel: &str| first.get(&format!("acme/{rel}")).cloned();
    let second = seal(input(), &passwords, &previous);
    assert_eq!(first, second, "nothing changed, nothing differs");

    let mut changed = input();
    changed[1] = page("reports/index.html", "<p>week 2</p>");
    let third = seal(changed, &passwords, &previous);
    let differ: Vec<&String> = third
        .keys()
        .filter(|k| first.get(*k) != third.get(*k))
        .collect();
    assert_eq!(differ.len(), 1, "only the changed page differs: {differ:?}");

    let other = vec!["another passphrase".to_owned()];
    let rotated = seal(input(), &other, &previous);
    assert_ne!(rotated["acme/index.html"], first["acme/index.html"]);
    let page = String::from_utf8_lossy(&rotated["acme/index.html"]).into_owned();
    assert!(share_key(&page, "another passphrase").is_some());
    assert!(
        share_key(&page, "correct horse").is_none(),
        "the old password is revoked"
    );
}

/// The name with each file stem of 32 hex digits (an opaque name) replaced by `*`.
fn without_opaque_stems(name: &str) -> String {
    name.split('/')
        .map(|part| {
            let stem = part.split('.').next().unwrap_or(part);
            let opaque = stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit());
            if opaque {
                part.replacen(stem, "*", 1)
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn opaque_stems_are_set_aside_and_nothing_else() {
    assert_eq!(
        without_opaque_stems("acme/files/10331cb5ec332026a138c62a2945046e.bin"),
        "acme/files/*.bin"
    );
    assert_eq!(
        without_opaque_stems("acme/reports/2026-03-01.html"),
        "acme/reports/2026-03-01.html"
    );
}

#[test]
fn pages_have_opaque_names_a_uniform_set_and_padded_sizes() {
    let passwords = vec!["correct horse".to_owned()];
    let files = seal(input(), &passwords, &|_| None);
    let names: Vec<&String> = files.keys().collect();
    for name in &names {
        // A random 128-bit name holds "2026" once in a few hundred builds; only what is
        // left beside it could betray the page.
        let readable = without_opaque_stems(name);
        assert!(!readable.contains("reports"), "{name} names a section");
        assert!(!readable.contains("2026"), "{name} names a report date");
        assert!(!readable.contains("plan"), "{name} names an attachment");
    }
    assert!(
        !files.contains_key("acme/assets/client.css"),
        "no client CSS in clear"
    );
    let pages = names.iter().filter(|n| n.ends_with(".html")).count();
    assert_eq!(
        pages,
        crate::render::SECTION_PAGES.len() + 2,
        "every section has a page, plus one per report"
    );
    let (_dir, portal) = opened(&files, "correct horse");
    let report = portal
        .page(&portal.page_file("reports/2026-11-20/index.html"))
        .unwrap();
    assert_eq!(report.path, "reports/2026-11-20/index.html");
    assert_eq!(report.html, "<p>20 Nov: red</p>");
    assert!(report.styles["assets/client.css"].contains("#0b6e4f"));
    let empty = portal.page(&portal.page_file("kpis/index.html")).unwrap();
    assert_eq!(empty.html, "", "a section without data holds nothing");
    let sizes: std::collections::BTreeSet<usize> = files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(_, v)| v.len())
        .collect();
    assert_eq!(sizes.len(), 1, "small pages all pad to one size: {sizes:?}");
    assert_eq!(
        portal
            .attachment(&portal.attachment_file("plan.csv"))
            .unwrap(),
        b"a,b\n1,2\n"
    );
}

#[test]
fn a_ciphertext_moved_to_another_file_does_not_decrypt() {
    let passwords = vec!["correct horse".to_owned()];
    let mut files = seal(input(), &passwords, &|_| None);
    let (_dir, portal) = opened(&files, "correct horse");
    let oct = format!("acme/{}", portal.page_file("reports/2026-10-02/index.html"));
    let nov = format!("acme/{}", portal.page_file("reports/2026-11-20/index.html"));
    let csv = format!("acme/{}", portal.attachment_file("plan.csv"));
    let (a, b) = (files[&oct].clone(), files[&nov].clone());
    files.insert(oct.clone(), b);
    files.insert(nov.clone(), a);
    // An attachment's ciphertext as a page's payload, base64 like a payload.
    let index = String::from_utf8(files["acme/index.html"].clone()).unwrap();
    let payload = between(&index, PAYLOAD_OPEN).unwrap().to_owned();
    let moved = index.replace(&payload, &b64(&files[&csv]));
    files.insert("acme/index.html".into(), moved.into_bytes());
    let (_dir, portal) = opened(&files, "correct horse");
    assert_eq!(
        portal.page(&portal.page_file("reports/2026-10-02/index.html")),
        None
    );
    assert_eq!(
        portal.page(&portal.page_file("reports/2026-11-20/index.html")),
        None
    );
    assert_eq!(
        portal.page("index.html"),
        None,
        "an attachment is not a page"
    );
    assert!(
        portal
            .page(&portal.page_file("reports/index.html"))
            .is_some()
    );
}

#[test]
fn earlier_slots_are_trusted_only_within_bounds_and_rewrapped_when_weaker() {
    let password = "correct horse".to_owned();
    let key: ContentKey = random();
    // A slot portico could have written with an older, lower count: kept key, re-wrapped.
    let old = vec![slot_with(&key, &password, 1_000)];
    let (keys_now, slots) = keys(&old, std::slice::from_ref(&password));
    assert_eq!(keys_now.content, key, "the content key is kept");
    assert_eq!(slots[0].iterations, ITERATIONS, "the slot is re-wrapped");
    assert_ne!(slots[0].salt, old[0].salt);
    // A slot claiming more rounds than portico writes is never derived from: a new key.
    let mut doctored = slots.clone();
    doctored[0].iterations = 4_000_000_000;
    let (fresh, fresh_slots) = keys(&doctored, std::slice::from_ref(&password));
    assert_ne!(fresh.content, key);
    assert_eq!(fresh_slots[0].iterations, ITERATIONS);
    let mut zero = slots;
    zero[0].iterations = 0;
    assert_ne!(keys(&zero, std::slice::from_ref(&password)).0.content, key);
}

#[test]
fn the_browser_bounds_rounds_as_portico_does() {
    assert!(UNLOCK_JS.contains(&format!("const MAX_ITERATIONS = {ITERATIONS};")));
}
