//! Crash safety with real processes: `portico build` killed with SIGKILL at random moments,
//! full and incremental, must leave the output folder either the complete previous build or
//! the complete new one, never a mix and never missing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How many clients the generated portal has: enough that reusing the unchanged ones takes
/// a measurable part of an incremental build.
const CLIENTS: usize = 60;
/// How many builds are killed.
const KILLS: usize = 40;

/// The generated portal's inputs in one of eight versions, by bits: `1` client 7 edited,
/// `2` client 8 edited, `4` a shared setting changed. A rebuild that flips one of the first
/// two bits rebuilds one client (and replaces that folder alone), both of them two clients
/// (the other clients' files are then hard-linked into a whole new output), the third every
/// client.
fn write_version(portal: &Path, version: u8) {
    let agency = if version & 4 != 0 {
        "Crash Partners"
    } else {
        "Crash Advisory"
    };
    write(
        &portal.join("portico.yaml"),
        &format!("agency:\n  name: {agency}\n  email: hello@crash.example\nas_of: 2026-11-20\n"),
    );
    for i in 0..CLIENTS {
        let dir = portal.join(format!("clients/client-{i:03}"));
        let edited = (i == 7 && version & 1 != 0) || (i == 8 && version & 2 != 0);
        let revised = if edited { ", revised" } else { "" };
        write(
            &dir.join("client.yaml"),
            &format!("name: Client {i:03}{revised}\n"),
        );
    }
}

type Fingerprint = BTreeMap<String, blake3::Hash>;

/// Writes `text` unless the file already holds it (an unchanged file keeps its hash).
fn write(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() == Some(text) {
        return;
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Every file under `dir` with a hash of its bytes; `None` when `dir` does not exist.
fn fingerprint(dir: &Path) -> Option<Fingerprint> {
    if !dir.exists() {
        return None;
    }
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap();
            let bytes = std::fs::read(entry.path()).unwrap();
            files.insert(rel.to_string_lossy().into_owned(), blake3::hash(&bytes));
        }
    }
    Some(files)
}

/// What differs between two fingerprints, briefly, for a failure message.
fn difference(got: &Fingerprint, want: &Fingerprint) -> String {
    let missing = want.keys().filter(|k| !got.contains_key(*k)).count();
    let extra = got.keys().filter(|k| !want.contains_key(*k)).count();
    let changed = want
        .iter()
        .filter(|(k, v)| got.get(*k).is_some_and(|g| g != *v))
        .count();
    let folders = |m: &Fingerprint| {
        m.keys()
            .filter_map(|k| k.split_once('/').map(|(d, _)| d.to_owned()))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    format!(
        "{missing} files missing, {extra} extra, {changed} different; {} client folders of {}",
        folders(got),
        folders(want)
    )
}

fn portico() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_portico"));
    cmd.env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Builds `portal` into `out` to completion.
fn build(portal: &Path, out: &Path) -> Duration {
    let started = Instant::now();
    let output = portico()
        .arg("build")
        .arg(portal)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    started.elapsed()
}

/// A small deterministic generator, seeded from the clock and printed, so a failing run can
/// be replayed with `PORTICO_CRASH_SEED`.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("PORTICO_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("crash harness seed: PORTICO_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A duration in `[0, max)`.
    fn below(&mut self, max: Duration) -> Duration {
        let nanos = max.as_nanos().max(1) as u64;
        Duration::from_nanos(self.next() % nanos)
    }
}

/// Whether a staging folder of a build into `out` exists yet.
fn staging_exists(out: &Path) -> bool {
    let prefix = format!(
        ".{}.portico-staging-",
        out.file_name().unwrap().to_string_lossy()
    );
    std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().starts_with(&prefix))
}

/// What the output folder looks like from outside: its inode and its entries' names and
/// inodes (a folder exchanged in place has a new inode under the same name).
fn glance(out: &Path) -> Option<(u64, Vec<(std::ffi::OsString, u64)>)> {
    use std::os::unix::fs::{DirEntryExt, MetadataExt};
    let inode = std::fs::symlink_metadata(out).ok()?.ino();
    let mut entries: Vec<_> = std::fs::read_dir(out)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| (e.file_name(), e.ino()))
        .collect();
    entries.sort();
    Some((inode, entries))
}

/// Polls until `until` holds, the child exits, or `limit` passes.
fn wait_for(child: &mut Child, limit: Duration, mut until: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !until() && Instant::now() < deadline && child.try_wait().unwrap().is_none() {
        std::thread::yield_now();
    }
}

/// Kills `child` at a random moment, chosen three ways in turn: from its start over the
/// whole length of a build; once it has begun writing (its staging folder exists); and
/// (every other time) within a fraction of a millisecond of the first change anyone can
/// see in the output folder, which is where a build that touches the live output before
/// its swap gets caught. Returns whether it had already finished.
fn kill_at_random(
    child: &mut Child,
    out: &Path,
    length: Duration,
    mode: usize,
    rng: &mut Rng,
) -> bool {
    match mode % 4 {
        0 => std::thread::sleep(rng.below(length + length / 5)),
        1 => {
            wait_for(child, length * 3, || staging_exists(out));
            std::thread::sleep(rng.below(length / 2));
        }
        _ => {
            let before = glance(out);
            wait_for(child, length * 3, || glance(out) != before);
            std::thread::sleep(rng.below(Duration::from_micros(200)));
        }
    }
    let finished = child.try_wait().unwrap().is_some();
    let _ = child.kill();
    let _ = child.wait();
    finished
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_or_the_new_output_whole() {
    let started = Instant::now();
    let tmp = tempfile::tempdir().unwrap();
    let portal = tmp.path().join("portal");
    let out = tmp.path().join("public");

    // Builds every version to completion, one bit flipped at a time, for the complete
    // outputs to compare with, timing each kind of rebuild here. (That an incremental build
    // gives the same output as a full one is tested in incremental.rs.)
    let mut complete = BTreeMap::new();
    let mut length = BTreeMap::new();
    for (version, kind) in [
        (0u8, "full"),
        (1, "one client"),
        (3, "one client"),
        (2, "one client"),
        (6, "full"),
        (7, "one client"),
        (5, "one client"),
        (4, "one client"),
        (7, "two clients"),
    ] {
        write_version(&portal, version);
        length.insert(kind, build(&portal, &out));
        complete.insert(version, fingerprint(&out).unwrap());
    }
    let mut current = 7u8;

    let mut rng = Rng::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for kill in 0..KILLS {
        // Half one client, a third two clients, the rest every client.
        let (flip, kind) = match rng.next() % 6 {
            0..=2 => (if rng.next() % 2 == 0 { 1 } else { 2 }, "one client"),
            3 | 4 => (3, "two clients"),
            _ => (4, "full"),
        };
        let next = current ^ flip;
        write_version(&portal, next);
        let mut child = portico()
            .arg("build")
            .arg(&portal)
            .arg("--out")
            .arg(&out)
            .spawn()
            .unwrap();
        let finished = kill_at_random(&mut child, &out, length[kind], kill, &mut rng);
        let Some(got) = fingerprint(&out) else {
            panic!("kill {kill} ({current} -> {next}): the output folder is missing");
        };
        let (old, new) = (&complete[&current], &complete[&next]);
        let outcome = if got == *new {
            current = next;
            if finished { "finished" } else { "new" }
        } else if got == *old {
            "old"
        } else {
            panic!(
                "kill {kill} ({current} -> {next}, {kind}): the output is neither the old build ({}) nor the new one ({})",
                difference(&got, old),
                difference(&got, new),
            );
        };
        *seen.entry(format!("{kind}: {outcome}")).or_default() += 1;
    }
    eprintln!(
        "{KILLS} kills in {:.1} s (builds here: {:?}); output seen: {seen:?}",
        started.elapsed().as_secs_f64(),
        length
            .iter()
            .map(|(k, d)| format!("{k} {} ms", d.as_millis()))
            .collect::<Vec<_>>(),
    );

    // After all that, a build completes, is correct, and sweeps what the kills left.
    let last = current ^ 3;
    write_version(&portal, last);
    build(&portal, &out);
    assert_eq!(fingerprint(&out).as_ref(), Some(&complete[&last]));
    let leftovers: Vec<PathBuf> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains("portico-")
        })
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}
