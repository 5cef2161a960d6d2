//! The consultant's portfolio (`portico portfolio`): its pages and exports pinned by
//! snapshots, and the walls between it and the deployable build output.

use assert_cmd::Command;
use predicates::prelude::*;

use crate::common::{TempPortal, read_tree, repo};

fn portico() -> Command {
    let mut cmd = Command::cargo_bin("portico").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn write_portfolio(portal: &TempPortal, out: Option<&std::path::Path>) {
    portico::portfolio::portfolio(&portico::portfolio::PortfolioOptions {
        portal: portal.path().to_path_buf(),
        out: out.map(std::path::Path::to_path_buf),
        as_of: None,
    })
    .unwrap_or_else(|e| panic!("portfolio failed: {e}"));
}

#[test]
fn example_portfolio() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    write_portfolio(&portal, None);
    let tree = read_tree(&portal.path().join("portfolio"));
    let listing = tree.keys().cloned().collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!("portfolio_example__files", listing);
    let css = std::fs::read(repo().join("themes/default/static/portico.css")).unwrap();
    for (path, bytes) in &tree {
        if path == "assets/portico.css" {
            assert_eq!(bytes, &css, "{path} differs from the theme's stylesheet");
            continue;
        }
        let text = String::from_utf8(bytes.clone()).unwrap();
        if path.ends_with(".html") {
            // Every page says it is internal, and asks not to be indexed.
            assert!(text.contains("class=\"internal-banner\""), "{path}");
            assert!(
                text.contains("<meta name=\"robots\" content=\"noindex"),
                "{path}"
            );
        }
        let name = format!("portfolio_example__{}", path.replace(['/', '.'], "_"));
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn build_output_never_holds_the_portfolio_or_portfolio_only_data() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    write_portfolio(&portal, None);
    portal.build();
    let tree = read_tree(&portal.out());
    // `organisation:` is the portfolio's alone (`details:` the overview shows too).
    for needle in [
        "Food and drink practice",
        "Supply chain practice",
        "internal-banner",
        "portfolio.csv",
        portico::portfolio::PORTFOLIO_MARKER,
    ] {
        for (path, bytes) in &tree {
            assert!(
                !path.contains(needle) && !String::from_utf8_lossy(bytes).contains(needle),
                "{path} holds {needle:?}, which only the portfolio may"
            );
        }
    }
    assert!(!tree.keys().any(|p| p.starts_with("portfolio/")));
    // And the portfolio does hold them: it is the consultant's view.
    let portfolio = read_tree(&portal.path().join("portfolio"));
    let index = String::from_utf8_lossy(&portfolio["index.html"]).into_owned();
    assert!(index.contains("7 in these clients"), "{index}");
    let by_region = String::from_utf8_lossy(&portfolio["details-region.html"]).into_owned();
    assert!(by_region.contains("Benelux"));
}

#[test]
fn portfolio_refuses_the_build_output() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    // Before any build: the portal's default output folder.
    portico()
        .args(["portfolio", "--out"])
        .arg(portal.path().join("public/portfolio"))
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "refusing to write the portfolio into",
        ))
        .stderr(predicate::str::contains("the output of `portico build`"));
    // After a build elsewhere: any folder carrying the build's marker.
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    portico()
        .args(["build", "--out"])
        .arg(&out)
        .arg(portal.path())
        .assert()
        .success();
    for target in [out.clone(), out.join("internal"), out.join("a/b")] {
        portico()
            .args(["portfolio", "--out"])
            .arg(&target)
            .arg(portal.path())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "it is inside {}",
                out.canonicalize().unwrap().display()
            )));
    }
    assert!(!out.join("internal").exists());
}

#[test]
fn build_refuses_an_output_holding_a_portfolio() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    let site = tempfile::tempdir().unwrap();
    // The portfolio itself as the output, a folder holding it, and a folder inside it.
    let folder = site.path().join("site");
    write_portfolio(&portal, Some(&folder.join("portfolio")));
    for out in [
        folder.join("portfolio"),
        folder.clone(),
        folder.join("portfolio/public"),
    ] {
        portico()
            .args(["build", "--out"])
            .arg(&out)
            .arg(portal.path())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "refusing to build into {}: it holds the internal portfolio at {}",
                out.display(),
                folder.join("portfolio").canonicalize().unwrap().display()
            )));
    }
    // Nothing was written over it.
    assert!(folder.join("portfolio/index.html").is_file());
    assert!(!folder.join("portfolio/public").exists());
}

#[test]
fn portfolio_replaces_only_its_own_folder() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.write("portfolio/notes.txt", "mine");
    portico()
        .arg("portfolio")
        .arg(portal.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "it is not empty and has no .portico-portfolio file, so portico did not write it",
        ));
    std::fs::remove_dir_all(portal.path().join("portfolio")).unwrap();
    portico()
        .arg("portfolio")
        .arg(portal.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Wrote the portfolio of 4 clients as of 2026-11-20",
        ));
    // A second run replaces the first whole.
    portal.write("portfolio/stray.html", "old");
    portico()
        .arg("portfolio")
        .arg(portal.path())
        .assert()
        .success();
    assert!(!portal.path().join("portfolio/stray.html").exists());
    assert!(portal.path().join("portfolio/index.html").is_file());
}

#[test]
fn a_client_with_errors_is_listed_with_them() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    portal.write(
        "clients/kordaal-foods/milestones.yaml",
        "- id: M1\n  title: x\n",
    );
    portico()
        .arg("portfolio")
        .arg(portal.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: 1 client with errors in its files",
        ));
    let json = std::fs::read_to_string(portal.path().join("portfolio/portfolio.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kordaal = value["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "kordaal-foods")
        .unwrap();
    assert_eq!(kordaal["errors"], 1);
    assert_eq!(kordaal["name"], "kordaal-foods");
    // Its files fail, so whether it has a report is unknown: it is counted among the
    // clients with errors, not among those with no report yet.
    let page = std::fs::read_to_string(portal.path().join("portfolio/index.html")).unwrap();
    assert!(page.contains("<strong>0</strong> no report yet"), "{page}");
    assert!(
        page.contains("<strong>1</strong> with errors in their files"),
        "{page}"
    );
}

#[test]
fn csv_export_is_one_row_per_client() {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    write_portfolio(&portal, None);
    let text = std::fs::read_to_string(portal.path().join("portfolio/portfolio.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        portico::render::portfolio::CSV_COLUMNS.to_vec()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let status = headers.iter().position(|h| h == "status").unwrap();
    let statuses: Vec<&str> = rows.iter().map(|r| &r[status]).collect();
    assert_eq!(statuses, ["red", "amber", "amber", "green"]);
}

#[test]
fn init_keeps_the_portfolio_out_of_git() {
    let dir = tempfile::tempdir().unwrap();
    let portal = dir.path().join("p");
    portico().arg("init").arg(&portal).assert().success();
    let ignore = std::fs::read_to_string(portal.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/portfolio/"), "{ignore}");
}
