//! "Waiting for you": what the client owes, on the overview and in portal.json, and the
//! acceptance terms that date sign-offs.

use crate::common::{TempPortal, fixture, repo};

fn build_example(as_of: &str) -> TempPortal {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portico::build(&portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        as_of: Some(as_of.parse().unwrap()),
        clients: vec!["kordaal-foods".into()],
        ..Default::default()
    })
    .unwrap();
    portal
}

fn read(portal: &TempPortal, rel: &str) -> String {
    std::fs::read_to_string(portal.out().join(rel)).unwrap()
}

#[test]
fn the_overview_lists_what_the_client_owes_oldest_first() {
    let portal = build_example("2026-11-20");
    let json: serde_json::Value =
        serde_json::from_str(&read(&portal, "kordaal-foods/portal.json")).unwrap();
    let owed = json["waiting_for_you"].as_array().unwrap();
    let summary: Vec<String> = owed
        .iter()
        .map(|o| {
            format!(
                "{} {} due {} ({} days overdue)",
                o["kind"].as_str().unwrap(),
                o["id"].as_str().unwrap(),
                o["due"].as_str().unwrap_or("-"),
                o["days_overdue"]
            )
        })
        .collect();
    // DEP2 (weekly sales data, Joost van Achterveld) was due 13 Nov; M5 was submitted on
    // Tue 10 Nov with 10 business days to answer: 24 Nov.
    assert!(
        summary.contains(&"dependency DEP2 due 2026-11-13 (7 days overdue)".to_owned()),
        "{summary:#?}"
    );
    assert!(
        summary.contains(&"sign_off M5 due 2026-11-24 (0 days overdue)".to_owned()),
        "{summary:#?}"
    );
    let dues: Vec<&str> = owed.iter().filter_map(|o| o["due"].as_str()).collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted, "oldest first");

    let page = read(&portal, "kordaal-foods/index.html");
    let card = page.find("id=\"waiting\"").expect("the card");
    assert!(
        card < page.find("id=\"overall\"").unwrap(),
        "the card comes first"
    );
    assert!(page.contains("<strong>Dependency DEP2</strong>"), "{page}");
    assert!(page.contains("7 days overdue"), "{page}");
    assert!(page.contains(
        "If missed: M6 (private-label forecast collaboration) moves a week for every week of data missing."
    ));
    assert!(page.contains("If missed: M5 counts as accepted on 24 Nov 2026 without your answer."));
    let milestones = read(&portal, "kordaal-foods/milestones/index.html");
    assert!(
        milestones.contains("Accept by <time datetime=\"2026-11-24\">"),
        "{milestones}"
    );
}

#[test]
fn past_the_review_period_a_deemed_sign_off_is_accepted_and_no_longer_owed() {
    let portal = build_example("2026-11-25");
    let milestones = read(&portal, "kordaal-foods/milestones/index.html");
    assert!(
        milestones.contains("Deemed accepted on <time datetime=\"2026-11-24\">"),
        "{milestones}"
    );
    let json = read(&portal, "kordaal-foods/portal.json");
    assert!(!json.contains("\"kind\": \"sign_off\""), "{json}");
}

#[test]
fn with_nothing_owed_the_card_says_so() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.build();
    let page = read(&portal, "acme/index.html");
    assert!(
        page.contains(
            "Nothing is waiting for you: no sign-off, decision or input is due from your side."
        ),
        "{page}"
    );
    let json = read(&portal, "acme/portal.json");
    assert!(json.contains("\"waiting_for_you\": []"), "{json}");
}
