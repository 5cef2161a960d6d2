//! Time from real tracker exports: what each format's rows aggregate to, that rows of other
//! clients are counted and left out, and that no person's name or note reaches the output
//! unless `time.show_people` says so.

use std::fmt::Write as _;

use crate::common::{TempPortal, fixture, read_tree};

/// Per file: format, rows used and ignored, then hours per week and per task (billable in
/// brackets). The whole aggregate a client could be shown, nothing per person.
fn aggregate(file: &portico::model::TimeFile) -> String {
    use std::collections::BTreeMap;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({:?}): {} used, {} ignored {:?}",
        file.path,
        file.format,
        file.entries.len(),
        file.ignored,
        file.ignored_names
    );
    let mut weeks: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let mut tasks: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for e in &file.entries {
        let b = if e.billable { e.hours() } else { 0.0 };
        let w = weeks
            .entry(portico::model::week_of(e.date).to_string())
            .or_default();
        w.0 += e.hours();
        w.1 += b;
        let t = tasks.entry(e.task.clone()).or_default();
        t.0 += e.hours();
        t.1 += b;
    }
    for (w, (h, b)) in weeks {
        let _ = writeln!(out, "  week of {w}: {h} h ({b} billable)");
    }
    for (t, (h, b)) in tasks {
        let _ = writeln!(out, "  task {t}: {h} h ({b} billable)");
    }
    for e in &file.entries {
        let _ = writeln!(
            out,
            "  line {}: {} {}s billable={} role={:?} rate={:?} amount={:?}",
            e.line,
            e.date,
            e.seconds,
            e.billable,
            e.role,
            e.rate.map(|m| m.cents()),
            e.amount.map(|m| m.cents())
        );
    }
    out
}

#[test]
fn each_tracker_export_aggregates_as_expected() {
    let loaded = portico::load::load_portal(&fixture("time"));
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let portal = loaded.portal.unwrap();
    let client = &portal.clients[0];
    let names: Vec<_> = client.time.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        names,
        [
            "time/harvest-detailed.csv",
            "time/plain.csv",
            "time/toggl-detailed.csv"
        ]
    );
    for file in &client.time {
        let name = file
            .path
            .trim_start_matches("time/")
            .trim_end_matches(".csv");
        insta::assert_snapshot!(format!("time_aggregate__{name}"), aggregate(file));
    }
    // The sums the budget page and check agree on: Harvest 975 + 225 + 1050, Toggl
    // 385 + 165 + 440, plain 275 + 165; the non-billable rows add nothing.
    let as_of = portal.config.as_of.unwrap();
    let burn = client.burn(as_of).unwrap();
    assert_eq!(burn.spent, portico::model::Money::from_units(3680));
    assert_eq!(burn.unpriced_rows, 0);
    assert_eq!(burn.unbilled_hours, 2.5);
}

#[test]
fn check_says_how_many_rows_it_used_and_ignored() {
    let out = assert_cmd::Command::cargo_bin("portico")
        .unwrap()
        .current_dir(fixture("time"))
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("time_check_notes", text);
}

/// A small deterministic generator, so the property runs the same cases everywhere.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A made-up word of `len` letters that appears nowhere in portico's own text.
    fn word(&mut self, len: usize) -> String {
        let mut w = String::from("Zq");
        for _ in 0..len {
            w.push(char::from(b'a' + (self.next() % 26) as u8));
        }
        w
    }
}

#[test]
fn no_name_or_note_leaks_unless_people_are_shown() {
    let mut rng = Lcg(18);
    for case in 0..12 {
        let portal = TempPortal::copy_of(&fixture("time"));
        let mut csv = String::from("date,hours,person,task,billable,note,client\n");
        let mut people = Vec::new();
        let mut notes = Vec::new();
        for day in 0..(2 + case % 5) {
            let person = format!("{} {}", rng.word(5), rng.word(7));
            let note = format!("{} {} {}", rng.word(4), rng.word(6), rng.word(3));
            let billable = if rng.next() % 3 == 0 { "no" } else { "yes" };
            let _ = writeln!(
                csv,
                "2026-11-{:02},{}.5,{person},Analysis,{billable},\"{note}\",Acme",
                10 + day,
                1 + rng.next() % 6
            );
            people.push(person);
            notes.push(note);
        }
        portal.write("clients/acme/time/generated.csv", &csv);
        let show = case % 2 == 1;
        if show {
            let yaml = std::fs::read_to_string(portal.path().join("clients/acme/client.yaml"))
                .unwrap()
                .replace("time:\n", "time:\n  show_people: true\n");
            portal.write("clients/acme/client.yaml", &yaml);
        }
        portal.build();
        let tree = read_tree(&portal.out());
        let everything: String = tree
            .values()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .collect();
        // The fixture's own people and notes too.
        for fixed in ["Lovelace", "Grace Hopper", "Linus Quill"] {
            assert_eq!(everything.contains(fixed), show, "case {case}: {fixed}");
        }
        for fixed in [
            "Kick-off with Jo",
            "Globex",
            "Initech",
            "Hooli",
            "Booked rooms",
        ] {
            assert!(!everything.contains(fixed), "case {case}: {fixed} leaked");
        }
        for p in &people {
            assert_eq!(everything.contains(p.as_str()), show, "case {case}: {p}");
        }
        for n in &notes {
            assert!(
                !everything.contains(n.as_str()),
                "case {case}: note {n} leaked"
            );
        }
    }
}
