//! `build --shard I/N`: N builds that together make the full build, each writing its own
//! clients.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use portico::build::Shard;

use crate::common::{TempPortal, copy_tree, describe, read_tree, repo};

/// The example portal with three more clients (copies under other names), so that shards
/// of up to five hold different numbers of clients, some none.
fn portfolio() -> TempPortal {
    let portal = TempPortal::copy_of(&repo().join("example-portal"));
    let clients = portal.path().join("clients");
    for (from, to) in [
        ("tierarzt-lindenhof", "aldgate-dental"),
        ("kordaal-foods", "brisk-freight"),
        ("cradlestone", "corven-mills"),
    ] {
        copy_tree(&clients.join(from), &clients.join(to));
    }
    portal
}

fn build(portal: &TempPortal, out: &Path, shard: Option<Shard>) -> portico::BuildReport {
    portico::build(&portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        out: Some(out.to_path_buf()),
        shard,
        ..Default::default()
    })
    .unwrap_or_else(|e| panic!("build failed: {e}\n{}", describe(&e)))
}

/// Each shard's output holds only its own clients, the files at the root are the same in
/// every shard, and all shards together are the full build, byte for byte.
#[test]
fn the_union_of_all_shards_is_the_full_build_byte_for_byte() {
    let portal = portfolio();
    let full_out = portal.path().join("full");
    assert_eq!(build(&portal, &full_out, None).clients.len(), 7);
    let full = read_tree(&full_out);
    let client_of = |path: &str| path.split_once('/').map(|(c, _)| c.to_owned());
    for count in [1, 2, 3, 5] {
        let mut union: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut built = Vec::new();
        for index in 1..=count {
            let shard = Shard::new(index, count).unwrap();
            let out: PathBuf = portal.path().join(format!("shard-{index}-of-{count}"));
            let report = build(&portal, &out, Some(shard));
            for slug in &report.clients {
                assert!(shard.contains(slug), "{slug} built by {shard}");
            }
            built.extend(report.clients);
            for (path, bytes) in read_tree(&out) {
                if let Some(client) = client_of(&path) {
                    assert!(shard.contains(&client), "{path} written by {shard}");
                }
                match union.get(&path) {
                    // Only the root's own files are in more than one shard, identical.
                    Some(other) => {
                        assert!(client_of(&path).is_none(), "{path} in two shards");
                        assert_eq!(other, &bytes, "{path} differs between shards");
                    }
                    None => {
                        union.insert(path, bytes);
                    }
                }
            }
        }
        built.sort();
        assert_eq!(built.len(), 7, "{count} shards build every client once");
        assert_eq!(
            union.keys().collect::<Vec<_>>(),
            full.keys().collect::<Vec<_>>(),
            "{count} shards"
        );
        for (path, bytes) in &full {
            assert!(union[path] == *bytes, "{path} differs from the full build");
        }
    }
}

/// A shard rebuilds incrementally like a full build, and a client added to the portfolio
/// lands in one shard without moving any other client.
#[test]
fn a_shard_is_incremental_and_a_new_client_moves_no_other() {
    let portal = portfolio();
    let shards: Vec<Shard> = (1..=3).map(|i| Shard::new(i, 3).unwrap()).collect();
    let out = |s: &Shard| {
        portal
            .path()
            .join(format!("shard-{}", s.to_string().replace('/', "-")))
    };
    let before: Vec<Vec<String>> = shards
        .iter()
        .map(|s| build(&portal, &out(s), Some(*s)).clients)
        .collect();
    for s in &shards {
        assert!(
            build(&portal, &out(s), Some(*s)).clients.is_empty(),
            "{s}: nothing changed"
        );
    }
    copy_tree(
        &portal.path().join("clients/tierarzt-lindenhof"),
        &portal.path().join("clients/dunmore-legal"),
    );
    let home = Shard::of("dunmore-legal", 3);
    for (s, earlier) in shards.iter().zip(&before) {
        let again = build(&portal, &out(s), Some(*s));
        if *s == home {
            assert_eq!(again.clients, vec!["dunmore-legal".to_owned()]);
        } else {
            assert!(again.clients.is_empty(), "{s} rebuilt {:?}", again.clients);
        }
        let now: Vec<String> = std::fs::read_dir(out(s))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.') && !n.contains('.') && n != "_headers")
            .collect();
        for slug in earlier {
            assert!(now.contains(slug), "{slug} stayed in {s}");
        }
    }
}

/// Two clients of different shards claiming one output folder: each shard would build
/// fine alone, and their outputs would collide, so the shard refuses.
#[test]
fn a_folder_claimed_by_a_client_of_another_shard_is_an_error() {
    let portal = portfolio();
    let mine = "tierarzt-lindenhof";
    let home = Shard::of(mine, 2);
    let other = [
        "aldgate-dental",
        "brisk-freight",
        "corven-mills",
        "kordaal-foods",
        "cradlestone",
    ]
    .into_iter()
    .find(|s| !home.contains(s))
    .expect("a client in the other shard");
    let yaml = portal.path().join(format!("clients/{other}/client.yaml"));
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\ndeploy:\n  folder: {mine}\n")).unwrap();
    let err = portico::build(&portico::BuildOptions {
        portal: portal.path().to_path_buf(),
        shard: Some(home),
        ..Default::default()
    })
    .unwrap_err();
    let text = describe(&err);
    assert!(
        text.contains("both publish into the folder \"tierarzt-lindenhof\""),
        "{text}"
    );
}

#[test]
fn the_shard_flag_is_checked_before_anything_is_built() {
    let portal = portfolio();
    for (arg, message) in [
        ("0/2", "\"0/2\" is not a shard: I counts from 1 to N (2)"),
        ("3/2", "\"3/2\" is not a shard: I counts from 1 to N (2)"),
        (
            "2",
            "\"2\" is not a shard: write I/N, e.g. 2/4 (part 2 of 4)",
        ),
        (
            "1/0",
            "\"1/0\" is not a shard: N, the number of shards, is 1 or more",
        ),
    ] {
        let out = Command::cargo_bin("portico")
            .unwrap()
            .env("NO_COLOR", "1")
            .args(["build", "--shard", arg])
            .arg(portal.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{arg}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{arg}: {stderr}");
    }
    let out = Command::cargo_bin("portico")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["build", "--shard", "1/2", "--client", "cradlestone"])
        .arg(portal.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot be used with"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!portal.out().exists());
}
