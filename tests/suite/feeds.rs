//! Subscriptions, data and hosting, judged by parsers nobody here wrote: feed-rs for the
//! Atom feed, the icalendar crate's parser for the calendar, jsonschema for portal.json and
//! for the portal's own YAML against the generated schemas.

use crate::common::{TempPortal, fixture, read_tree, repo};

fn built_example() -> TempPortal {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.build();
    portal
}

#[test]
fn the_feed_parses_and_lists_every_report() {
    let portal = built_example();
    let loaded = portico::load::load_portal(portal.path()).portal.unwrap();
    for client in &loaded.clients {
        let xml = std::fs::read(portal.out().join(client.folder()).join("feed.xml")).unwrap();
        let feed = feed_rs::parser::parse(xml.as_slice()).expect("a valid Atom feed");
        let visible: Vec<_> = client
            .reports
            .iter()
            .filter(|r| r.meta.visibility.is_visible() && !r.meta.draft)
            .collect();
        assert_eq!(feed.entries.len(), visible.len(), "{}", client.slug);
        let newest = visible.last().unwrap();
        let first = &feed.entries[0];
        assert_eq!(
            first.id,
            format!("urn:portico:{}:report:{}", client.folder(), newest.slug)
        );
        assert!(
            first
                .title
                .as_ref()
                .unwrap()
                .content
                .starts_with(&newest.meta.title)
        );
        assert_eq!(first.categories[0].term, newest.meta.status.as_str());
        assert_eq!(
            first.links[0].href,
            format!(
                "https://portals.larchmere.example.com/{}/reports/{}/index.html",
                client.folder(),
                newest.slug
            ),
            "absolute links, since the example has a base_url"
        );
        assert!(
            first
                .content
                .as_ref()
                .unwrap()
                .body
                .as_ref()
                .unwrap()
                .contains("<h2>"),
            "full report text"
        );
        assert_eq!(first.summary.as_ref().unwrap().content, newest.meta.summary);
    }
}

#[test]
fn the_calendar_parses_with_stable_ids_and_folded_lines() {
    let portal = built_example();
    let text = std::fs::read_to_string(portal.out().join("cradlestone/milestones.ics")).unwrap();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let property = |e: &icalendar::parser::Component, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
    };
    let uids: Vec<String> = events.iter().filter_map(|e| property(e, "UID")).collect();
    assert!(uids.contains(&"cradlestone-milestone-M3@portico".to_owned()));
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "UIDs are unique");
    let m3 = events
        .iter()
        .find(|e| property(e, "UID").as_deref() == Some("cradlestone-milestone-M3@portico"))
        .unwrap();
    assert_eq!(
        property(m3, "SUMMARY").unwrap(),
        "M3 ERP and WMS integration test passed (Blocked, overdue)"
    );
    assert!(
        property(m3, "DESCRIPTION")
            .unwrap()
            .starts_with("Agreed date: 30 Oct 2026. Forecast: 13 Nov 2026 (+14 days")
    );
    assert_eq!(property(m3, "DTSTART").unwrap(), "20261113");
    assert_eq!(
        property(m3, "DTSTAMP").unwrap(),
        "20261120T000000Z",
        "from the data, not the clock"
    );
    assert!(
        uids.iter().any(|u| u.starts_with("cradlestone-review-")),
        "steering reviews from the cadence"
    );
}

/// `meetings.ics` as a calendar app reads it: each timed meeting at its local time with the
/// zone's TZID, that zone described once by a VTIMEZONE, and no review twice: the reviews
/// are the scheduled meetings, not the cadence's dates as well.
#[test]
fn the_meetings_calendar_has_times_in_their_zone() {
    let portal = built_example();
    let out = portal.out().join("kordaal-foods");
    let text = std::fs::read_to_string(out.join("meetings.ics")).unwrap();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let zones: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(zones.len(), 1, "one VTIMEZONE per TZID used");
    let tzid = zones[0]
        .properties
        .iter()
        .find(|p| p.name == "TZID")
        .unwrap();
    assert_eq!(tzid.val.to_string(), "Europe/Amsterdam");
    // Summer (CEST) until 25 October 2026, winter (CET) after: both observances are there.
    let kinds: Vec<&str> = zones[0]
        .components
        .iter()
        .map(|c| c.name.as_ref())
        .collect();
    assert!(
        kinds.contains(&"DAYLIGHT") && kinds.contains(&"STANDARD"),
        "{kinds:?}"
    );

    let review = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .find(|e| {
            e.properties
                .iter()
                .any(|p| p.name == "SUMMARY" && p.val == "Steering review 5")
        })
        .expect("the scheduled review");
    let start = review
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert_eq!(start.val.to_string(), "20261127T140000");
    let param = start.params.iter().find(|p| p.key == "TZID").unwrap();
    assert_eq!(
        param.val.as_ref().map(|v| v.to_string()).as_deref(),
        Some("Europe/Amsterdam")
    );

    let milestones = std::fs::read_to_string(out.join("milestones.ics")).unwrap();
    assert!(
        !milestones.contains("-review-"),
        "reviews scheduled in meetings.yaml are not repeated from the cadence"
    );
}

#[test]
fn portal_json_matches_its_published_schema() {
    let portal = built_example();
    let schemas = portico::schema::all();
    let schema = &schemas
        .iter()
        .find(|(n, _)| *n == "portal-json.schema.json")
        .unwrap()
        .1;
    let validator = jsonschema::validator_for(schema).unwrap();
    for client in [
        "cradlestone",
        "kordaal-foods",
        "maison-vellard",
        "tierarzt-lindenhof",
    ] {
        let data: serde_json::Value = serde_json::from_slice(
            &std::fs::read(portal.out().join(client).join("portal.json")).unwrap(),
        )
        .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&data)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{client}: {errors:#?}");
        assert!(data["reports"].as_array().unwrap().len() >= 6);
    }
}

/// Issue 15: what real engagements say reaches portal.json as the schema describes it:
/// withheld and five-point ratings, milestones to be confirmed and moved by changes.
#[test]
fn real_shapes_portal_json_matches_its_schema_and_carries_the_new_facts() {
    let portal = TempPortal::copy_of(&fixture("real-shapes"));
    portal.build();
    let schemas = portico::schema::all();
    let schema = &schemas
        .iter()
        .find(|(n, _)| *n == "portal-json.schema.json")
        .unwrap()
        .1;
    let validator = jsonschema::validator_for(schema).unwrap();
    let mut texts = String::new();
    for client in ["lakeside", "signalling"] {
        let bytes = std::fs::read(portal.out().join(client).join("portal.json")).unwrap();
        let data: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&data)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{client}: {errors:#?}");
        texts.push_str(&String::from_utf8_lossy(&bytes));
    }
    for fact in ["\"tbc\"", "\"moves\"", "\"withheld\"", "amber_green"] {
        assert!(texts.contains(fact), "portal.json lacks {fact}");
    }
}

/// Issue 23, item 5: what a client downloads has every description, not only headers.
#[test]
fn portal_json_carries_the_scope_text_and_every_report_text() {
    let portal = built_example();
    let loaded = portico::load::load_portal(portal.path()).portal.unwrap();
    for client in &loaded.clients {
        let data: serde_json::Value = serde_json::from_slice(
            &std::fs::read(portal.out().join(client.folder()).join("portal.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(data["format"], 2);
        let scope = client.scope.as_ref().unwrap();
        assert!(!scope.body.trim().is_empty());
        assert_eq!(
            data["scope"]["text"],
            scope.body.as_str(),
            "{}",
            client.slug
        );
        assert_eq!(data["scope"]["format"], "markdown");
        let reports = data["reports"].as_array().unwrap();
        for report in client
            .reports
            .iter()
            .filter(|r| r.meta.visibility.is_visible() && !r.meta.draft)
        {
            let written = reports
                .iter()
                .find(|r| r["date"] == report.meta.date.to_string())
                .unwrap_or_else(|| panic!("{} {}", client.slug, report.slug));
            assert!(!report.body.trim().is_empty());
            assert_eq!(written["text"], report.body.as_str());
            assert_eq!(written["format"], "markdown");
        }
    }
}

/// A plain-text report says so in the data, so a script does not read `--` as Markdown.
#[test]
fn portal_json_says_when_a_text_is_plain() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    let report = "---\ndate: 2026-11-20\ntitle: Imported\nstatus: green\nsummary: From the PMO tool.\nformat: plain\n---\nLA*5.2*74 -- done\n";
    portal.write("clients/acme/reports/2026-11-20.md", report);
    portal.build();
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(portal.out().join("acme/portal.json")).unwrap())
            .unwrap();
    let latest = &data["reports"][0];
    assert_eq!(latest["date"], "2026-11-20");
    assert_eq!(latest["format"], "plain");
    assert_eq!(latest["text"], "LA*5.2*74 -- done\n");
}

/// The YAML of every valid portal in the repository passes the generated schemas, and a
/// misspelt key fails them: the schemas describe what `check` accepts.
#[test]
fn portal_files_validate_against_the_generated_schemas() {
    let schemas = portico::schema::all();
    let validator = |name: &str| {
        jsonschema::validator_for(&schemas.iter().find(|(n, _)| *n == name).unwrap().1).unwrap()
    };
    let yaml_as_json = |text: &str| -> serde_json::Value {
        let value: serde_yaml::Value = serde_yaml::from_str(text).unwrap();
        serde_json::to_value(value).unwrap()
    };
    let front_matter = |text: &str| text.split("---\n").nth(1).unwrap_or_default().to_owned();
    let mut checked = 0;
    let roots = [
        repo().join("example-portal"),
        fixture("reports"),
        fixture("changes"),
        fixture("raid"),
        fixture("kpis"),
        fixture("scope"),
        fixture("milestones"),
        fixture("real-shapes"),
        fixture("ranges"),
    ];
    for root in roots {
        for (path, bytes) in read_tree(&root) {
            let text = String::from_utf8(bytes).unwrap();
            let name = path.rsplit('/').next().unwrap();
            let (schema, document) = match name {
                "portico.yaml" => ("portico.schema.json", yaml_as_json(&text)),
                "client.yaml" => ("client.schema.json", yaml_as_json(&text)),
                "milestones.yaml" => ("milestones.schema.json", yaml_as_json(&text)),
                "changes.yaml" => ("changes.schema.json", yaml_as_json(&text)),
                "kpis.yaml" => ("kpis.schema.json", yaml_as_json(&text)),
                "raid.yaml" => ("raid.schema.json", yaml_as_json(&text)),
                "scope.md" => ("scope.schema.json", yaml_as_json(&front_matter(&text))),
                n if path.contains("/reports/") && n.ends_with(".md") => {
                    ("report.schema.json", yaml_as_json(&front_matter(&text)))
                }
                _ => continue,
            };
            let v = validator(schema);
            let errors: Vec<String> = v
                .iter_errors(&document)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{}: {errors:#?}",
                root.join(&path).display()
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "checked {checked} files");
    let misspelt =
        yaml_as_json("- id: M1\n  title: x\n  baseline_dte: 2026-01-01\n  status: planned\n");
    assert!(!validator("milestones.schema.json").is_valid(&misspelt));
    let bad_date = yaml_as_json("date: 14/11/2026\ntitle: t\nstatus: green\nsummary: s\n");
    assert!(!validator("report.schema.json").is_valid(&bad_date));
}

#[test]
fn hosts_get_their_files_in_every_client_folder() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "portico.yaml",
        "agency:\n  name: Test Advisory\nbase_url: https://portals.example.com\ndeploy:\n  host: netlify\n",
    );
    portal.write(
        "clients/globex/client.yaml",
        "name: Globex\ndeploy:\n  host: github-pages\n  base_url: https://globex.example.org/\n  folder: globex-site\n",
    );
    portal.write("clients/initech/client.yaml", "name: Initech\ndeploy:\n  host: github-pages\n  base_url: https://example.github.io/initech\n");
    portal.build();
    let out = read_tree(&portal.out());
    let headers = String::from_utf8(out["acme/_headers"].clone()).unwrap();
    for header in [
        "X-Robots-Tag: noindex, nofollow",
        "Content-Security-Policy: default-src 'none'",
        "Referrer-Policy: no-referrer",
        "X-Content-Type-Options: nosniff",
    ] {
        assert!(headers.contains(header), "{header}");
    }
    assert!(out.contains_key("acme/robots.txt") && out.contains_key("globex-site/robots.txt"));
    assert!(out.contains_key("globex-site/.nojekyll") && !out.contains_key("globex-site/_headers"));
    assert_eq!(
        String::from_utf8(out["globex-site/CNAME"].clone()).unwrap(),
        "globex.example.org\n"
    );
    assert!(
        out.contains_key("initech/.nojekyll") && !out.contains_key("initech/CNAME"),
        "github.io needs no CNAME"
    );
    assert!(
        !out.keys().any(|k| k.starts_with("globex/")),
        "the folder follows deploy.folder"
    );
}

#[test]
fn building_one_client_keeps_the_others_untouched() {
    let portal = built_example();
    let before = read_tree(&portal.out());
    let page = portal
        .path()
        .join("clients/kordaal-foods/reports/2026-11-13.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replace("## ", "## Edited: ")).unwrap();
    let lindenhof = portal
        .path()
        .join("clients/tierarzt-lindenhof/reports/2026-11-20.md");
    let other = std::fs::read_to_string(&lindenhof).unwrap();
    std::fs::write(&lindenhof, other.replace("## ", "## Not built: ")).unwrap();
    let report = portico::build(&portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        clients: vec!["kordaal-foods".into()],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(report.clients, vec!["kordaal-foods".to_owned()]);
    let after = read_tree(&portal.out());
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &after {
        let changed = &before[path] != bytes;
        if path.starts_with("kordaal-foods/reports/2026-11-13/") {
            assert!(changed, "{path} was rebuilt");
        } else if !path.starts_with("kordaal-foods/") && path != portico::output::MARKER {
            assert!(
                !changed,
                "{path} belongs to another client and must not change"
            );
        }
    }
    let err = portico::build(&portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        clients: vec!["kordal-foods".into()],
        ..Default::default()
    })
    .unwrap_err();
    assert!(
        err.to_string().contains("did you mean \"kordaal-foods\"?"),
        "{err}"
    );
}

#[test]
fn the_schema_command_writes_every_schema() {
    let tmp = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("portico")
        .unwrap()
        .args(["schema", "--out"])
        .arg(tmp.path())
        .assert()
        .success();
    for (name, _) in portico::schema::all() {
        let text = std::fs::read_to_string(tmp.path().join(name)).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
    }
}
