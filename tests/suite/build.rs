//! Properties every build must have, checked on the example portal and small fixtures.

use std::collections::BTreeSet;
use std::path::Path;

use percent_encoding::percent_decode_str;
use portico::model::{Client, Visibility};

use crate::common::{TempPortal, fixture, links_in, read_tree, repo};

fn example() -> (TempPortal, Vec<Client>) {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.build();
    let loaded = portico::load::load_portal(portal.path());
    let clients = loaded.portal.expect("example portal loads").clients;
    assert!(
        clients.len() >= 3,
        "the example portal has at least three clients"
    );
    (portal, clients)
}

#[test]
fn same_input_gives_byte_identical_output() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.build();
    let first = read_tree(&portal.out());
    portal.build();
    let second = read_tree(&portal.out());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(
            &second[path] == bytes,
            "{path} changed between two builds of the same input"
        );
    }
}

/// Words that identify a client: its slug, name, people and engagement title.
fn identifying_words(c: &Client) -> Vec<String> {
    let p = &c.profile;
    let mut words = vec![c.slug.clone(), p.name.clone()];
    for contact in p.contacts.client.iter() {
        words.push(contact.name.clone());
        words.extend(contact.email.clone());
    }
    words.extend(p.engagement.as_ref().and_then(|e| e.title.clone()));
    words
}

#[test]
fn no_client_output_mentions_another_client() {
    let (portal, clients) = example();
    let tree = read_tree(&portal.out());
    for owner in &clients {
        let prefix = format!("{}/", owner.slug);
        for (path, bytes) in tree.iter().filter(|(p, _)| p.starts_with(&prefix)) {
            let text = String::from_utf8_lossy(bytes);
            for other in clients.iter().filter(|c| c.slug != owner.slug) {
                for word in identifying_words(other) {
                    assert!(
                        !text.contains(&word),
                        "{path} (client {}) mentions {word:?} of client {}",
                        owner.slug,
                        other.slug
                    );
                }
            }
        }
    }
}

/// The text of every item marked internal in a client's files.
fn internal_texts(c: &Client) -> Vec<String> {
    let mut texts = Vec::new();
    let internal = |v: Visibility| v == Visibility::Internal;
    for contact in c
        .profile
        .contacts
        .client
        .iter()
        .chain(&c.profile.contacts.agency)
    {
        if internal(contact.visibility) {
            texts.push(contact.name.clone());
        }
    }
    if let Some(scope) = &c.scope {
        for d in &scope.meta.deliverables {
            if internal(d.visibility) {
                texts.push(d.title.clone());
            }
        }
        for list in [
            &scope.meta.out_of_scope,
            &scope.meta.assumptions,
            &scope.meta.client_responsibilities,
        ] {
            texts.extend(
                list.iter()
                    .filter(|t| internal(t.visibility))
                    .map(|t| t.text.clone()),
            );
        }
    }
    texts.extend(
        c.milestones
            .iter()
            .filter(|m| internal(m.visibility))
            .map(|m| m.title.clone()),
    );
    texts.extend(
        c.changes
            .iter()
            .filter(|x| internal(x.visibility))
            .map(|x| x.title.clone()),
    );
    texts.extend(
        c.kpis
            .iter()
            .filter(|k| internal(k.visibility))
            .map(|k| k.name.clone()),
    );
    for (_, items) in c.raid.item_lists() {
        for i in items.iter().filter(|i| internal(i.visibility)) {
            texts.push(i.title.clone());
            texts.extend(i.text.clone());
        }
    }
    texts.extend(
        c.raid
            .decisions
            .iter()
            .filter(|d| internal(d.visibility))
            .map(|d| d.title.clone()),
    );
    texts.extend(
        c.reports
            .iter()
            .filter(|r| internal(r.meta.visibility))
            .map(|r| r.meta.title.clone()),
    );
    texts
}

#[test]
fn internal_items_never_reach_the_output() {
    let (portal, clients) = example();
    let tree = read_tree(&portal.out());
    let mut checked = 0;
    for c in &clients {
        for text in internal_texts(c) {
            // A long phrase from the text: HTML escaping aside, it would appear verbatim.
            let needle: String = text.chars().take(40).collect();
            for (path, bytes) in &tree {
                assert!(
                    !String::from_utf8_lossy(bytes).contains(&needle),
                    "{path} contains internal text {needle:?}"
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "the example portal should carry internal items to test; found {checked}"
    );
}

#[test]
fn every_relative_link_resolves_inside_its_client() {
    let (portal, _) = example();
    let tree = read_tree(&portal.out());
    let files: BTreeSet<&str> = tree.keys().map(String::as_str).collect();
    let mut checked = 0;
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let client = path.split('/').next().unwrap();
        let dir = Path::new(path).parent().unwrap();
        for link in links_in(&String::from_utf8_lossy(bytes)) {
            if link.starts_with('#')
                || ["http:", "https:", "mailto:", "tel:", "webcal:"]
                    .iter()
                    .any(|s| link.starts_with(s))
            {
                continue;
            }
            assert!(
                !link.starts_with('/'),
                "{path}: root-absolute link {link} breaks under a sub-path"
            );
            let target = link.split(['#', '?']).next().unwrap();
            let decoded = percent_decode_str(target).decode_utf8_lossy();
            let mut parts: Vec<&str> = dir.iter().map(|c| c.to_str().unwrap()).collect();
            for seg in decoded.split('/') {
                match seg {
                    ".." => {
                        assert!(
                            parts.pop().is_some(),
                            "{path}: {link} climbs out of the output"
                        );
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            let resolved = parts.join("/");
            assert!(
                files.contains(resolved.as_str()),
                "{path}: {link} -> {resolved} does not exist"
            );
            assert!(
                resolved.starts_with(&format!("{client}/")),
                "{path}: {link} leaves client {client}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "expected many links, checked {checked}");
}

#[test]
fn portals_are_private_by_default() {
    let (portal, _) = example();
    let tree = read_tree(&portal.out());
    assert_eq!(
        String::from_utf8_lossy(&tree["robots.txt"]),
        "User-agent: *\nDisallow: /\n"
    );
    for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(
            html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"),
            "{path} lacks noindex"
        );
        assert!(!html.contains("<script"), "{path} has a script");
    }
}

#[test]
fn attachments_are_copied_as_they_are() {
    let (portal, clients) = example();
    let mut copied = 0;
    for c in &clients {
        for a in &c.attachments {
            let source = std::fs::read(c.dir.join("files").join(a)).unwrap();
            let output = std::fs::read(portal.out().join(&c.slug).join("files").join(a)).unwrap();
            assert_eq!(source, output, "{}/files/{a}", c.slug);
            copied += 1;
        }
    }
    assert!(copied > 0);
}

#[test]
fn hostile_values_are_escaped() {
    let portal = TempPortal::copy_of(&fixture("escaping"));
    portal.build();
    for (path, bytes) in read_tree(&portal.out())
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
    {
        let html = String::from_utf8_lossy(bytes);
        for raw in ["<script", "<img src=x", "<iframe", "<b>bold"] {
            assert!(!html.contains(raw), "{path} contains unescaped {raw:?}");
        }
    }
    let dashboard = std::fs::read_to_string(portal.out().join("acme/index.html")).unwrap();
    assert!(
        dashboard.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;&#x2F;script&gt; &amp; Sons")
            || dashboard.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; Sons"),
        "{dashboard}"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let portal = TempPortal::copy_of(&fixture("milestones"));
    portal.build();
    let before = read_tree(&portal.out());
    portal.write(
        "clients/acme/milestones.yaml",
        "- id: M1\n  title: Discovery\n  baseline_due: 2026-09-25\n  status: greenish\n",
    );
    let err = portal.build_err();
    assert!(matches!(err, portico::Error::Invalid(_)), "{err}");
    assert_eq!(
        read_tree(&portal.out()),
        before,
        "the earlier output changed"
    );
    let leftovers: Vec<String> = std::fs::read_dir(portal.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("portico-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn refuses_to_replace_a_folder_portico_did_not_write() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    let out = portal.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("precious.txt"), "keep me").unwrap();
    let err = portico::build(&portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        out: Some(out.clone()),
        ..Default::default()
    })
    .unwrap_err();
    assert!(matches!(err, portico::Error::ForeignOutput { .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(out.join("precious.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn as_of_decides_what_is_overdue() {
    let portal = TempPortal::copy_of(&fixture("milestones"));
    let build = |as_of: &str| {
        portico::build(&portico::BuildOptions {
            portal: portal.path().to_path_buf(),
            out: None,
            as_of: Some(as_of.parse().unwrap()),
            ..Default::default()
        })
        .unwrap();
        std::fs::read_to_string(portal.out().join("acme/index.html")).unwrap()
    };
    let early = build("2026-10-01");
    assert!(
        !early.contains("<h3 class=\"alert\">Overdue</h3>"),
        "nothing is overdue on 1 October"
    );
    let late = build("2026-11-25");
    assert!(late.contains("<h3 class=\"alert\">Overdue</h3>"), "{late}");
    assert!(
        late.contains("<strong>M2</strong> Design signed off: due"),
        "{late}"
    );
    assert!(
        late.contains("26 days overdue"),
        "M2 forecast 30 Oct is 26 days overdue on 25 Nov"
    );
    assert!(
        late.contains(
            "Report of <time datetime=\"2026-11-06\">6 Nov 2026</time> · as of <time datetime=\"2026-11-25\">"
        ),
        "{late}"
    );
}

/// Before, `smart_punctuation: true` curled quotes in a report's text only: its title in
/// the header, cards and tables kept straight ones.
#[test]
fn smart_punctuation_is_one_rule_for_every_text_but_code() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "portico.yaml",
        "agency:\n  name: Test Advisory\nas_of: 2026-11-20\nsmart_punctuation: true\n",
    );
    portal.write("clients/acme/client.yaml", "name: O'Hara & Sons\n");
    portal.write(
        "clients/acme/reports/2026-11-20.md",
        "---\ndate: 2026-11-20\ntitle: The \"go-live\" week\nstatus: green\nsummary: O'Hara's team is ready.\n---\nWe said \"ready\"; the code is `it's`.\n",
    );
    portal.build();
    let report =
        std::fs::read_to_string(portal.out().join("acme/reports/2026-11-20/index.html")).unwrap();
    let overview = std::fs::read_to_string(portal.out().join("acme/index.html")).unwrap();
    for page in [&report, &overview] {
        assert!(
            page.contains("O\u{2019}Hara &amp; Sons"),
            "the client's name: {page}"
        );
        assert!(
            page.contains("The \u{201C}go-live\u{201D} week"),
            "the title: {page}"
        );
        assert!(
            !page.contains("&#x27;") && !page.contains("&quot;go"),
            "{page}"
        );
    }
    assert!(report.contains("<title>The \u{201C}go-live\u{201D} week"));
    assert!(report.contains("We said \u{201C}ready\u{201D}"));
    assert!(report.contains("<code>it's</code>"), "code keeps its quote");
}
