//! Bad input: each case breaks one thing in a good fixture and expects exactly one error,
//! in the right file, on the right line, with a stable code. All messages are pinned in one
//! snapshot so their wording can be reviewed together.

use portico::Code;

use crate::common::{TempPortal, fixture};

struct Case {
    name: &'static str,
    fixture: &'static str,
    /// Files to write (path, text) to break the fixture.
    writes: &'static [(&'static str, &'static str)],
    code: Code,
    file: &'static str,
    line: Option<usize>,
}

const CASES: &[Case] = &[
    Case {
        name: "unknown milestone in a change request",
        fixture: "changes",
        writes: &[(
            "clients/acme/changes.yaml",
            "- id: CR-1\n  title: x\n  requested_by: Jo\n  requested_on: 2026-09-20\n  status: proposed\n  affects:\n    milestones: [M1, M9]\n",
        )],
        code: Code::UnknownReference,
        file: "clients/acme/changes.yaml",
        line: Some(7),
    },
    Case {
        name: "duplicate milestone id",
        fixture: "milestones",
        writes: &[(
            "clients/acme/milestones.yaml",
            "- {id: M1, title: a, baseline_due: 2026-09-25, status: planned}\n- {id: M2, title: b, baseline_due: 2026-10-25, status: planned}\n- {id: M1, title: c, baseline_due: 2026-11-25, status: planned}\n",
        )],
        code: Code::DuplicateId,
        file: "clients/acme/milestones.yaml",
        line: Some(3),
    },
    Case {
        name: "two reports with the same date",
        fixture: "reports",
        writes: &[(
            "clients/acme/reports/week-3.md",
            "---\ndate: 2026-10-16\ntitle: Copy\nstatus: green\nsummary: Copied.\n---\n",
        )],
        code: Code::DuplicateReportDate,
        file: "clients/acme/reports/week-3.md",
        line: Some(2),
    },
    Case {
        name: "report file named for another date",
        fixture: "reports",
        writes: &[(
            "clients/acme/reports/2026-10-30.md",
            "---\ntitle: Late\nstatus: green\ndate: 2026-10-29\nsummary: s\n---\n",
        )],
        code: Code::Inconsistent,
        file: "clients/acme/reports/2026-10-30.md",
        line: Some(4),
    },
    Case {
        name: "link to a missing attachment",
        fixture: "reports",
        writes: &[(
            "clients/acme/reports/2026-10-30.md",
            "---\ndate: 2026-10-30\ntitle: t\nstatus: green\nsummary: s\n---\nSee\nthe [plan](../files/plan.pdf).\n",
        )],
        code: Code::BrokenLink,
        file: "clients/acme/reports/2026-10-30.md",
        line: Some(8),
    },
    Case {
        name: "link into another client's folder",
        fixture: "reports",
        writes: &[(
            "clients/acme/reports/2026-10-30.md",
            "---\ndate: 2026-10-30\ntitle: t\nstatus: green\nsummary: s\n---\n![x](../../globex/files/logo.png)\n",
        )],
        code: Code::LinkOutsideClient,
        file: "clients/acme/reports/2026-10-30.md",
        line: Some(7),
    },
    Case {
        name: "javascript link",
        fixture: "scope",
        writes: &[(
            "clients/acme/milestones.yaml",
            "- {id: M1, title: a, description: \"[click](javascript:alert(1))\", baseline_due: 2026-09-25, status: planned, deliverables: [D1]}\n",
        )],
        code: Code::LinkOutsideClient,
        file: "clients/acme/milestones.yaml",
        line: Some(1),
    },
    Case {
        name: "done without a date",
        fixture: "milestones",
        writes: &[(
            "clients/acme/milestones.yaml",
            "- id: M1\n  title: a\n  baseline_due: 2026-09-25\n  status: done\n",
        )],
        code: Code::Inconsistent,
        file: "clients/acme/milestones.yaml",
        line: Some(4),
    },
    Case {
        name: "client folder without client.yaml",
        fixture: "minimal",
        writes: &[(
            "clients/globex/reports/2026-10-01.md",
            "---\ndate: 2026-10-01\ntitle: t\nstatus: green\nsummary: s\n---\n",
        )],
        code: Code::MissingClientYaml,
        file: "clients/globex",
        line: None,
    },
    Case {
        name: "client folder name with a space",
        fixture: "minimal",
        writes: &[("clients/Globex Corp/client.yaml", "name: Globex\n")],
        code: Code::BadSlug,
        file: "clients/Globex Corp",
        line: None,
    },
    Case {
        name: "logo that is not an attachment",
        fixture: "minimal",
        writes: &[(
            "clients/acme/client.yaml",
            "name: Acme\nbranding:\n  logo: logo.png\n",
        )],
        code: Code::BrokenLink,
        file: "clients/acme/client.yaml",
        line: Some(3),
    },
    Case {
        name: "report without front matter",
        fixture: "reports",
        writes: &[(
            "clients/acme/reports/2026-10-30.md",
            "# Week 5\n\nAll good.\n",
        )],
        code: Code::FrontMatterMissing,
        file: "clients/acme/reports/2026-10-30.md",
        line: Some(1),
    },
];

#[test]
fn each_bad_input_gives_exactly_its_error() {
    let mut transcript = String::new();
    for case in CASES {
        let portal = TempPortal::copy_of(&fixture(case.fixture));
        for (path, text) in case.writes {
            portal.write(path, text);
        }
        let err = portico::check_portal(portal.path(), None).expect_err(case.name);
        let portico::Error::Invalid(all) = &err else {
            panic!("{}: {err}", case.name)
        };
        let errors: Vec<_> = all.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{}: {errors:#?}", case.name);
        let d = errors[0];
        assert_eq!(d.code, case.code, "{}: {d}", case.name);
        assert_eq!(d.file.as_deref(), Some(case.file), "{}: {d}", case.name);
        assert_eq!(d.span.map(|s| s.line), case.line, "{}: {d}", case.name);
        transcript.push_str(&format!(
            "## {}\n{}\n",
            case.name,
            portico::emit::human(std::slice::from_ref(d), false)
        ));
    }
    insta::assert_snapshot!(transcript);
}

#[test]
fn symlinks_out_of_the_portal_are_refused_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "payroll").unwrap();
    let portal = TempPortal::copy_of(&fixture("reports"));
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        portal.path().join("clients/acme/files/secret.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink("loop-b", portal.path().join("clients/acme/files/loop-a")).unwrap();
    std::os::unix::fs::symlink("loop-a", portal.path().join("clients/acme/files/loop-b")).unwrap();
    let err = portico::check_portal(portal.path(), None).unwrap_err();
    let portico::Error::Invalid(all) = &err else {
        panic!("{err}")
    };
    let found: Vec<(Code, Option<&str>)> =
        all.iter().map(|d| (d.code, d.file.as_deref())).collect();
    assert_eq!(
        found,
        vec![
            (Code::Symlink, Some("clients/acme/files/loop-a")),
            (Code::Symlink, Some("clients/acme/files/loop-b")),
            (Code::Symlink, Some("clients/acme/files/secret.txt")),
        ]
    );
    assert!(
        all[2].message.contains("outside the portal folder"),
        "{}",
        all[2]
    );
    assert!(all[0].message.contains("loop"), "{}", all[0]);
}
