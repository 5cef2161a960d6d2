//! Replays fuzzing inputs: the crash regressions kept under `tests/fuzz/regressions/`, and
//! every text file of the fixtures and the example portal as every kind of portal file,
//! whole and cut at every line. None may panic.

use crate::common::repo;

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// The selector byte `portico::fuzzing::exercise` reads for a file of this name (the order
/// of `FileKind::ALL`).
fn kind_of(path: &std::path::Path) -> u8 {
    let name = path.file_name().unwrap().to_string_lossy();
    match name.as_ref() {
        "portico.yaml" => 0,
        "client.yaml" => 1,
        "scope.md" => 2,
        "milestones.yaml" => 3,
        "changes.yaml" => 4,
        "kpis.yaml" => 5,
        "raid.yaml" => 6,
        _ => 7,
    }
}

#[test]
fn crash_regressions_stay_fixed() {
    for path in files_under(&repo().join("tests/fuzz/regressions")) {
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        portico::fuzzing::exercise(&std::fs::read(&path).unwrap());
    }
}

#[test]
fn every_fixture_text_parses_as_every_kind_without_panicking() {
    let mut inputs = 0;
    for dir in ["tests/fixtures", "example-portal/clients"] {
        for path in files_under(&repo().join(dir)) {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            // Whole files as every kind of file, and every prefix ending at a line break as
            // the kind the file is: truncated input is where parsers trip.
            for kind in 0..8u8 {
                let mut data = vec![kind];
                data.extend_from_slice(&bytes);
                portico::fuzzing::exercise(&data);
                inputs += 1;
            }
            let kind = kind_of(&path);
            for (cut, _) in bytes.iter().enumerate().filter(|(_, b)| **b == b'\n') {
                let mut data = vec![kind];
                data.extend_from_slice(&bytes[..cut]);
                portico::fuzzing::exercise(&data);
                inputs += 1;
            }
        }
    }
    assert!(
        inputs > 3_000,
        "expected a broad replay, ran {inputs} inputs"
    );
}
