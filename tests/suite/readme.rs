//! The README's example of each file is a real, valid portal: the format documentation
//! cannot drift from the code.

use crate::common::{TempPortal, fixture, repo};

/// The code block following the heading "### `name`" in the README.
fn example_of(readme: &str, name: &str) -> String {
    let heading = format!("### `{name}`");
    let at = readme
        .find(&heading)
        .unwrap_or_else(|| panic!("README has no example of {name}"));
    let rest = &readme[at..];
    let open = rest.find("```").unwrap();
    let body_start = open + rest[open..].find('\n').unwrap() + 1;
    let close = body_start + rest[body_start..].find("```").unwrap();
    rest[body_start..close].to_owned()
}

#[test]
fn readme_examples_form_a_valid_portal() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write("portico.yaml", &example_of(&readme, "portico.yaml"));
    for file in [
        "client.yaml",
        "scope.md",
        "milestones.yaml",
        "changes.yaml",
        "kpis.yaml",
        "raid.yaml",
        "budget.yaml",
        "time.yaml",
        "invoices.yaml",
        "sla.yaml",
        "reports/2026-11-14.md",
    ] {
        portal.write(&format!("clients/acme/{file}"), &example_of(&readme, file));
    }
    // Files the examples link to.
    portal.write(
        "clients/acme/files/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    portal.write("clients/acme/files/picks.csv", "site,picks\n");
    portal.write("clients/acme/files/handover-pack/runbook.txt", "runbook\n");
    portal.write(
        "clients/acme/reports/2026-11-07.md",
        "---\ndate: 2026-11-07\ntitle: Week before\nstatus: green\nsummary: Fine.\n---\n",
    );
    portal.write(
        "clients/acme/time/plain.csv",
        &example_of(&readme, "time/*.csv"),
    );
    let report = portal.build();
    let budget = std::fs::read_to_string(portal.out().join("acme/budget/index.html")).unwrap();
    assert!(budget.contains("Time and materials"), "{budget}");
    assert!(!budget.contains("Timesheets"), "a time note leaked");
    assert_eq!(report.clients, vec!["acme".to_owned()]);
    let kpis = std::fs::read_to_string(portal.out().join("acme/kpis/index.html")).unwrap();
    assert!(kpis.contains("On time in full"));
    let internal = std::fs::read_to_string(portal.out().join("acme/scope/index.html")).unwrap();
    assert!(
        !internal.contains("Margin note"),
        "internal assumption leaked"
    );
}
