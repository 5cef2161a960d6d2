//! Generates a deterministic, realistic portal for benchmarks and scale tests.
//!
//!   cargo run --release --example gen_corpus -- --clients 1000 --reports 50 --out /tmp/corpus
//!
//! Every client gets a full engagement: 10-20 milestones, 3-6 KPIs with 12-52 points,
//! change requests, a RAID log, a scope document and `--reports` weekly reports of 300-600
//! words with tables, lists and links. The same arguments always give the same files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// splitmix64: small, fast and stable across versions, which is all a corpus needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const SECTORS: [&str; 8] = [
    "Logistics",
    "Foods",
    "Health",
    "Retail",
    "Energy",
    "Finance",
    "Housing",
    "Media",
];
const NOUNS: [&str; 12] = [
    "warehouse",
    "forecast",
    "pricing model",
    "data platform",
    "call centre",
    "supplier base",
    "planning cycle",
    "onboarding flow",
    "route network",
    "billing system",
    "store layout",
    "service desk",
];
const VERBS: [&str; 10] = [
    "reviewed",
    "rebuilt",
    "tested",
    "agreed",
    "simplified",
    "measured",
    "migrated",
    "documented",
    "piloted",
    "signed off",
];
const PEOPLE: [&str; 10] = [
    "Ana Ruiz",
    "Ben Okafor",
    "Chloe Martin",
    "Dev Patel",
    "Eva Novak",
    "Finn Larsen",
    "Grace Liu",
    "Hugo Berg",
    "Isla Moore",
    "Jon Weber",
];
const STATUS: [&str; 3] = ["green", "amber", "red"];

fn date(day: u64) -> String {
    // Day 0 is 2026-01-05; good enough for generated data without a date library.
    let mut y = 2026u64;
    let mut d = day + 4;
    loop {
        let len = if y % 4 == 0 { 366 } else { 365 };
        if d < len {
            break;
        }
        d -= len;
        y += 1;
    }
    let months = [
        31,
        if y % 4 == 0 { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while d >= months[m] {
        d -= months[m];
        m += 1;
    }
    format!("{y}-{:02}-{:02}", m + 1, d + 1)
}

fn sentence(rng: &mut Rng) -> String {
    let who = rng.pick(&PEOPLE);
    let what = rng.pick(&NOUNS);
    let did = rng.pick(&VERBS);
    let n = rng.range(2, 98);
    match rng.below(4) {
        0 => format!("{who} {did} the {what}, and {n}% of the agreed checks now pass."),
        1 => format!(
            "The {what} was {did} this week; {n} open points remain, none of them blocking."
        ),
        2 => format!(
            "We {did} the {what} with {who}, who asked for a second review before sign-off."
        ),
        _ => format!(
            "Work on the {what} slipped by {} days because the test data arrived late.",
            n % 9 + 1
        ),
    }
}

fn paragraph(rng: &mut Rng, sentences: u64) -> String {
    (0..sentences)
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

fn client(root: &Path, index: usize, reports: usize) {
    let mut rng = Rng(index as u64 * 7919 + 17);
    let sector = rng.pick(&SECTORS);
    let slug = format!("client-{index:04}");
    let dir = root.join("clients").join(&slug);
    let start = rng.range(0, 60);
    let weeks = reports as u64 + rng.range(4, 12);
    let end = start + weeks * 7;
    let value = rng.range(40, 400) * 1000;

    write(
        &dir.join("client.yaml"),
        &format!(
            "name: {sector} Client {index:04} Ltd\nsummary: A {} programme for a {} business.\ncontacts:\n  client:\n    - {{ name: {}, role: Sponsor, email: sponsor@client-{index:04}.example }}\n    - {{ name: {}, role: Day-to-day lead, email: lead@client-{index:04}.example }}\n  agency:\n    - {{ name: {}, role: Engagement lead, email: lead@agency.example }}\nbranding:\n  accent: \"#{:06x}\"\nengagement:\n  title: {} programme\n  start: {}\n  end: {}\n  fee_basis: fixed\n  contract_value: {value}\n  currency: EUR\ncadence:\n  report_days: 7\n  review_days: 28\n  first_review: {}\n",
            rng.pick(&NOUNS),
            sector.to_lowercase(),
            rng.pick(&PEOPLE),
            rng.pick(&PEOPLE),
            rng.pick(&PEOPLE),
            rng.next() & 0x00ff_ffff,
            rng.pick(&NOUNS),
            date(start),
            date(end),
            date(start + 28),
        ),
    );

    let deliverables = rng.range(3, 6);
    let mut scope = String::from("---\ndeliverables:\n");
    for d in 1..=deliverables {
        let _ = writeln!(
            scope,
            "  - id: D{d}\n    title: {} {d}\n    acceptance: {}",
            rng.pick(&NOUNS),
            sentence(&mut rng)
        );
    }
    scope.push_str("out_of_scope:\n  - Hardware purchases\n  - Recruitment\nassumptions:\n  - Data is available in week one\nclient_responsibilities:\n  - A named owner per workstream\n---\n");
    let _ = writeln!(
        scope,
        "## Why this work\n\n{}\n\n{}",
        paragraph(&mut rng, 5),
        paragraph(&mut rng, 4)
    );
    write(&dir.join("scope.md"), &scope);

    let milestones = rng.range(10, 20);
    let now = start + reports as u64 * 7;
    let mut text = String::new();
    for m in 1..=milestones {
        let due = start + (weeks * 7) * m / (milestones + 1);
        let slip = rng.below(15);
        let done = due + slip < now;
        let _ = write!(
            text,
            "- id: M{m}\n  title: {} {}\n  baseline_due: {}\n  forecast_due: {}\n  status: {}\n  deliverables: [D{}]\n",
            rng.pick(&NOUNS),
            rng.pick(&VERBS),
            date(due),
            date(due + slip),
            if done { "done" } else { "in_progress" },
            rng.range(1, deliverables)
        );
        if done {
            let _ = writeln!(text, "  done_on: {}", date(due + slip));
        }
    }
    write(&dir.join("milestones.yaml"), &text);

    let mut text = String::new();
    for k in 1..=rng.range(3, 6) {
        let target = rng.range(60, 98);
        let _ = write!(
            text,
            "- id: k{k}\n  name: {} quality {k}\n  unit: \"%\"\n  target: {target}\n  better: up\n  points:\n",
            rng.pick(&NOUNS)
        );
        for p in 0..rng.range(12, 52) {
            let _ = writeln!(
                text,
                "    - {{ on: {}, value: {} }}",
                date(start + p * 3),
                rng.range(50, 100)
            );
        }
    }
    write(&dir.join("kpis.yaml"), &text);

    let mut text = String::new();
    for c in 1..=rng.range(2, 6) {
        let status = ["approved", "rejected", "proposed", "approved"][rng.below(4) as usize];
        let asked = start + rng.range(7, weeks * 7 / 2);
        let _ = write!(
            text,
            "- id: CR-{c}\n  title: Add {}\n  requested_by: {}\n  requested_on: {}\n  reason: {}\n  status: {status}\n  impact: {{ schedule_days: {}, cost: {} }}\n  affects: {{ milestones: [M{}] }}\n",
            rng.pick(&NOUNS),
            rng.pick(&PEOPLE),
            date(asked),
            sentence(&mut rng),
            rng.range(1, 10),
            rng.range(1, 20) * 500,
            rng.range(1, milestones)
        );
        if status != "proposed" {
            let _ = writeln!(
                text,
                "  decided_by: {}\n  decided_on: {}",
                rng.pick(&PEOPLE),
                date(asked + 5)
            );
        }
    }
    write(&dir.join("changes.yaml"), &text);

    let mut text = String::from("risks:\n");
    for r in 1..=rng.range(2, 5) {
        let _ = writeln!(
            text,
            "  - id: R{r}\n    title: {} may slip\n    owner: {}\n    status: open\n    severity: {}\n    raised_on: {}\n    text: {}",
            rng.pick(&NOUNS),
            rng.pick(&PEOPLE),
            rng.pick(&["low", "medium", "high"]),
            date(start + r * 9),
            sentence(&mut rng)
        );
    }
    let _ = writeln!(
        text,
        "issues:\n  - id: I1\n    title: Test data late\n    status: open\n    severity: medium\ndecisions:\n  - id: DEC-1\n    title: Phase the roll-out?\n    status: pending\n    owner: {}",
        rng.pick(&PEOPLE)
    );
    write(&dir.join("raid.yaml"), &text);

    write(
        &dir.join("files/plan.csv"),
        "week,task,owner\n1,kick-off,agency\n2,discovery,both\n",
    );
    for r in 0..reports {
        let day = start + 7 * (r as u64 + 1);
        let status = STATUS[(rng.below(10) / 5).min(2) as usize + usize::from(rng.below(10) == 0)];
        let status = if status == "red" && rng.below(2) == 0 {
            "amber"
        } else {
            status
        };
        let mut body = format!(
            "## Progress\n\n{}\n\n{}\n\n",
            paragraph(&mut rng, 6),
            paragraph(&mut rng, 5)
        );
        body.push_str("| Workstream | Done | Next |\n|:--|--:|:--|\n");
        for _ in 0..rng.range(3, 6) {
            let _ = writeln!(
                body,
                "| {} | {}% | {} |",
                rng.pick(&NOUNS),
                rng.range(10, 100),
                rng.pick(&VERBS)
            );
        }
        let _ = write!(
            body,
            "\n## Risks and issues\n\n{}\n\n## Actions\n\n",
            paragraph(&mut rng, 4)
        );
        for _ in 0..rng.range(3, 6) {
            let _ = writeln!(
                body,
                "- [{}] {}",
                if rng.below(2) == 0 { "x" } else { " " },
                sentence(&mut rng)
            );
        }
        let _ = write!(
            body,
            "\nThe plan is in [the plan](../files/plan.csv).\n\n{}\n",
            paragraph(&mut rng, 4)
        );
        write(
            &dir.join(format!("reports/{}.md", date(day))),
            &format!(
                "---\ndate: {}\ntitle: Week {} update\nstatus: {status}\nsummary: {}\n---\n{body}",
                date(day),
                r + 1,
                sentence(&mut rng)
            ),
        );
    }
}

fn main() {
    let mut clients = 100usize;
    let mut reports = 10usize;
    let mut out = PathBuf::from("corpus");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--clients" => clients = value.parse().expect("--clients N"),
            "--reports" => reports = value.parse().expect("--reports M"),
            "--out" => out = PathBuf::from(value),
            other => panic!("unknown argument {other}; use --clients N --reports M --out DIR"),
        }
    }
    if out.exists() {
        std::fs::remove_dir_all(&out).expect("clear the output folder");
    }
    write(
        &out.join("portico.yaml"),
        "agency:\n  name: Benchmark Advisory\n  email: bench@agency.example\n",
    );
    for i in 0..clients {
        client(&out, i, reports);
    }
    println!(
        "wrote {clients} clients x {reports} reports into {}",
        out.display()
    );
}
