//! What is internal never ships, not even by reference.

use crate::common::{TempPortal, fixture, read_tree};

fn portal_with_internal_items() -> TempPortal {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "clients/acme/client.yaml",
        "name: Acme Ltd\nengagement:\n  start: 2026-06-01\n  end: 2026-12-18\n  fee_basis: fixed\n  contract_value: 148000\n  change_budget: 98765\n  currency: EUR\n",
    );
    portal.write(
        "clients/acme/scope.md",
        "---\ndeliverables:\n  - id: D1\n    title: Network model\n  - id: D-SECRET-ID\n    title: Our margin model\n    visibility: internal\n---\nThe work.\n",
    );
    portal.write(
        "clients/acme/milestones.yaml",
        "- id: M1\n  title: Discovery complete\n  baseline_due: 2026-09-25\n  status: planned\n  deliverables: [D1, D-SECRET-ID]\n- id: M-SECRET-ID\n  title: Staffing change\n  baseline_due: 2026-10-25\n  status: planned\n  visibility: internal\n",
    );
    portal.write(
        "clients/acme/kpis.yaml",
        "- id: K-SECRET-ID\n  name: Our utilisation\n  target: 80\n  better: up\n  visibility: internal\n",
    );
    portal.write(
        "clients/acme/changes.yaml",
        "- id: CR-1\n  title: Add a second site\n  requested_by: Jo Smith\n  requested_on: 2026-09-20\n  status: proposed\n  impact: {schedule_days: 8, cost: 12000}\n  affects: {milestones: [M1, M-SECRET-ID], deliverables: [D-SECRET-ID], kpis: [K-SECRET-ID]}\n",
    );
    portal
}

/// Before, visible items listed internal ids ("Delivers D1, D-SECRET-ID") on their pages
/// and in `portal.json`.
#[test]
fn ids_of_internal_items_never_reach_the_output() {
    let portal = portal_with_internal_items();
    portal.build();
    let out = read_tree(&portal.out());
    assert!(out.contains_key("acme/portal.json"));
    for (path, bytes) in &out {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("SECRET"), "{path} names an internal item");
    }
    let milestones = String::from_utf8_lossy(&out["acme/milestones/index.html"]).into_owned();
    assert!(milestones.contains("D1"), "the visible reference stays");
}

#[test]
fn the_change_budget_never_reaches_portal_json() {
    let portal = portal_with_internal_items();
    portal.build();
    for (path, bytes) in read_tree(&portal.out()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("98765") && !text.contains("98,765"),
            "{path}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(portal.out().join("acme/portal.json")).unwrap())
            .unwrap();
    assert_eq!(
        json["client"]["engagement"]["change_budget"],
        serde_json::Value::Null
    );
    assert!(!json["client"]["engagement"]["contract_value"].is_null());
}

/// Before, every file under `files/` was published, also one linked only from an internal
/// report or from nothing at all.
#[test]
fn only_attachments_the_client_is_shown_or_given_are_published() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "clients/acme/client.yaml",
        "name: Acme Ltd\nfiles:\n  - files/handouts/\n  - files/terms.txt\n",
    );
    portal.write(
        "clients/acme/reports/2026-11-20.md",
        "---\ndate: 2026-11-20\ntitle: Week 47\nstatus: green\nsummary: On plan.\n---\nSee [the plan](../files/plan.csv).\n",
    );
    portal.write(
        "clients/acme/reports/2026-11-13.md",
        "---\ndate: 2026-11-13\ntitle: Our own notes\nstatus: green\nsummary: Internal.\nvisibility: internal\n---\nSee [margins](../files/margins.csv).\n",
    );
    for name in [
        "plan.csv",
        "margins.csv",
        "orphan.txt",
        "terms.txt",
        "handouts/a.txt",
    ] {
        portal.write(&format!("clients/acme/files/{name}"), "x\n");
    }
    portal.build();
    let out = read_tree(&portal.out());
    let files: Vec<&str> = out
        .keys()
        .filter_map(|k| k.strip_prefix("acme/files/"))
        .collect();
    assert_eq!(files, ["handouts/a.txt", "plan.csv", "terms.txt"]);

    let diagnostics = portico::check_portal(portal.path(), None).unwrap();
    let unlinked: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.code == portico::Code::UnlinkedFile)
        .filter_map(|d| d.file.as_deref())
        .collect();
    assert_eq!(
        unlinked,
        [
            "clients/acme/files/margins.csv",
            "clients/acme/files/orphan.txt"
        ]
    );
}
