//! What an output was built from, so a rebuild can skip every client whose inputs have not
//! changed.
//!
//! The manifest is build state, and it names every client, so it is kept outside the
//! deployable output: in the portal, under `.portico/builds/<key>/state.json` (the key is a
//! hash of the output folder's absolute path, so two `--out` targets keep separate state).
//! The folder is private (0700, files 0600) and ignores itself for git. Nothing in the
//! output names more than one client: its marker is a fixed note.
//!
//! Each client's entry records the identity (device and inode numbers) of its output
//! folder, and is trusted only while the folder in the output still has that identity. The
//! state is written just before the output changes, so whatever instant a build was killed
//! at, an entry either describes the folder in place or does not match it (and that client
//! is rebuilt): stale or missing state costs time, never correctness.
//!
//! Each client's entry holds a BLAKE3 hash of everything its pages depend on: portico's
//! version and executable, `portico.yaml`, every theme file (catalogues too), the `--as-of`
//! date, and every file in the client's folder (path and bytes). Templates can read any of a client's data, so a change
//! anywhere in a client rebuilds that whole client, and a change to anything shared rebuilds
//! all of them.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::load::{self, CLIENTS_DIR, CONFIG_FILE};
use crate::model::Date;
use crate::render::Theme;

/// The build state of one output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Manifest {
    /// A note for whoever opens the file.
    pub(super) note: String,
    /// The hash of what every client shares.
    pub(super) shared: String,
    /// The salt of the key protected clients' seals are made with (see
    /// [`crate::protect::StateKey`]), when the output has protected clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) seal_salt: Option<String>,
    /// Per client (by folder name under `clients/`).
    pub(super) clients: BTreeMap<String, ClientEntry>,
}

/// One client's line of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct ClientEntry {
    /// Its folder in the output.
    pub(super) folder: String,
    /// The hash of its inputs (the shared hash included).
    pub(super) inputs: String,
    /// For a protected client, the environment variables of its readers' passwords (their
    /// names, as `client.yaml` gives them; never their values).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) readers: Vec<String>,
    /// For a protected client, its seal: proof, under a key only the current passwords
    /// give, that its folder was built with them from these inputs. Empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(super) seal: String,
    /// The identity of its folder in the output (see `Output::folder_id`).
    #[serde(default)]
    pub(super) dir: String,
    /// How many HTML pages its folder holds, for the build's result line; absent in state
    /// written by an older portico.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) pages: Option<usize>,
    /// Its draft reports the build left out, so a build that keeps the folder still says
    /// what is not published.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) drafts: Vec<String>,
}

const NOTE: &str = "build state of portico build: what each client's output folder was built from";

/// The portal's folder for build state, beside `clients/`.
pub const STATE_DIR: &str = ".portico";
const STATE_FILE: &str = "state.json";

impl Manifest {
    /// A manifest for these clients.
    pub(super) fn new(
        shared: String,
        seal_salt: Option<String>,
        clients: BTreeMap<String, ClientEntry>,
    ) -> Manifest {
        Manifest {
            note: NOTE.to_owned(),
            shared,
            seal_salt,
            clients,
        }
    }

    /// The reader variables of every protected client in the manifest.
    pub(super) fn readers(&self) -> std::collections::BTreeSet<String> {
        self.clients
            .values()
            .flat_map(|e| e.readers.iter().cloned())
            .collect()
    }

    /// The manifest as written.
    pub(super) fn to_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Where the build state of one output folder lives.
pub(super) struct StateDir {
    dir: PathBuf,
}

impl StateDir {
    /// The state folder for building `portal` into `out`.
    pub(super) fn new(portal: &Path, out: &Path) -> StateDir {
        // The same folder however it is named (`public`, `./public`, an absolute path).
        let absolute = match (out.parent(), out.file_name()) {
            (Some(parent), Some(name)) => {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                parent
                    .canonicalize()
                    .map(|p| p.join(name))
                    .unwrap_or_else(|_| out.to_path_buf())
            }
            _ => out.to_path_buf(),
        };
        let key = blake3::hash(absolute.to_string_lossy().as_bytes()).to_hex();
        StateDir {
            dir: portal.join(STATE_DIR).join("builds").join(&key[..16]),
        }
    }

    /// The recorded state, if any.
    pub(super) fn read(&self) -> Option<Manifest> {
        let text = std::fs::read_to_string(self.dir.join(STATE_FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Records the state atomically (a temporary file renamed into place).
    pub(super) fn write(&self, manifest: &Manifest) -> std::io::Result<()> {
        create_private_dir(&self.dir)?;
        let root = self.dir.ancestors().nth(2).unwrap_or(&self.dir);
        let ignore = root.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(
                &ignore,
                "# portico's build state: never commit or deploy it.\n*\n",
            )?;
        }
        // tempfile creates the file readable by its owner only.
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        std::io::Write::write_all(&mut file, manifest.to_text().as_bytes())?;
        file.persist(self.dir.join(STATE_FILE))
            .map_err(|e| e.error)?;
        Ok(())
    }
}

/// Creates `dir` and its missing parents, readable by the owner only.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Which portico program is running: its version alone would let a binary built from a
/// newer commit (a `git pull` and `cargo run`, same version number) keep pages the old one
/// rendered. The executable's size, modification time and inode change whenever it is
/// rebuilt or replaced; reading its bytes would cost more than the no-change build itself.
/// Where it cannot be read, every build is a full one.
fn program_identity() -> &'static str {
    static IDENTITY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    IDENTITY.get_or_init(|| {
        let metadata = std::env::current_exe().and_then(std::fs::metadata);
        match metadata {
            Ok(m) => {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                #[cfg(unix)]
                let inode = std::os::unix::fs::MetadataExt::ino(&m);
                #[cfg(not(unix))]
                let inode = 0;
                format!("{} {modified} {inode}", m.len())
            }
            Err(_) => format!(
                "unknown {} {:?}",
                std::process::id(),
                std::time::SystemTime::now()
            ),
        }
    })
}

/// The hash of what every client's pages share.
pub(super) fn shared_hash(portal: &Path, theme: &Theme, as_of: Date, drafts: bool) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(b"\0program\0");
    hasher.update(program_identity().as_bytes());
    // A `--drafts` preview holds pages a normal build does not.
    hasher.update(if drafts { b"\0drafts\0" } else { b"\0final\0" });
    // Pages state facts as of this date, so a build on another day is a different build.
    hasher.update(b"\0as_of\0");
    hasher.update(as_of.to_string().as_bytes());
    hasher.update(b"\0config\0");
    hash_entry(&mut hasher, &portal.join(CONFIG_FILE));
    for (name, file) in theme.templates().chain(theme.statics()).chain(theme.i18n()) {
        hasher.update(b"\0theme\0");
        hasher.update(name.as_bytes());
        hasher.update(b"\0");
        hasher.update(&file.bytes);
    }
    hasher.finalize().to_hex().to_string()
}

/// The hash of a client's inputs: the shared hash and every entry of its folder. `None` when
/// the folder cannot be read (the build then reports why).
///
/// The walk never follows a symbolic link: a link is hashed as itself (where it points), so
/// a link out of the client's folder (which the loader refuses, naming it) is never walked
/// or read, however big or endless what it points to. Entries the loader skips (hidden
/// files, editor leftovers) are skipped here too, folders included.
pub(super) fn client_hash(portal: &Path, slug: &str, shared: &str) -> Option<String> {
    let dir = portal.join(CLIENTS_DIR).join(slug);
    let mut hasher = blake3::Hasher::new();
    hasher.update(shared.as_bytes());
    let walk = walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !load::is_ignored(&e.file_name().to_string_lossy()));
    for entry in walk {
        let entry = entry.ok()?;
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = entry.path().strip_prefix(&dir).ok()?;
        hasher.update(b"\0file\0");
        hasher.update(rel.to_string_lossy().as_bytes());
        hasher.update(b"\0");
        if !hash_entry(&mut hasher, entry.path()) {
            return None;
        }
    }
    Some(hasher.finalize().to_hex().to_string())
}

/// Adds one entry to `hasher` without following a link or opening anything but a regular
/// file, which is read in small pieces, never whole. False when a regular file cannot be
/// read.
fn hash_entry(hasher: &mut blake3::Hasher, path: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        hasher.update(b"missing");
        return true;
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        hasher.update(b"link\0");
        let target = std::fs::read_link(path).unwrap_or_default();
        hasher.update(target.to_string_lossy().as_bytes());
        return true;
    }
    if !kind.is_file() {
        // A FIFO, socket or device: opening it could block forever. The loader names it.
        hasher.update(b"special");
        return true;
    }
    hasher.update(b"file\0");
    match open_regular(path) {
        Ok(file) => hasher.update_reader(file).is_ok(),
        Err(_) => false,
    }
}

/// Opens `path` for reading only if it is still a regular file: not through a link that
/// replaced it since it was listed, and without blocking on a FIFO that did.
fn open_regular(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    let file = options.open(path)?;
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(std::io::ErrorKind::InvalidInput.into())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn client(portal: &Path) -> PathBuf {
        let dir = portal.join("clients/acme");
        std::fs::create_dir_all(dir.join("files")).unwrap();
        std::fs::write(dir.join("client.yaml"), "name: Acme\n").unwrap();
        dir
    }

    /// A link out of the client's folder is hashed as a link: what it points to is never
    /// read, so changing it changes nothing (before, the walk followed the link and hashed
    /// every file under it).
    #[test]
    fn a_link_out_of_the_client_folder_is_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let portal = tmp.path().join("portal");
        let dir = client(&portal);
        let outside = tmp.path().join("elsewhere");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.txt"), "one").unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("files/u")).unwrap();
        std::os::unix::fs::symlink(outside.join("secret.txt"), dir.join("files/s.txt")).unwrap();
        let before = client_hash(&portal, "acme", "shared").unwrap();
        std::fs::write(outside.join("secret.txt"), "two: a different length").unwrap();
        std::fs::write(outside.join("more.txt"), "new").unwrap();
        assert_eq!(client_hash(&portal, "acme", "shared").unwrap(), before);
        // The link itself is an input: pointing it elsewhere changes the hash.
        std::fs::remove_file(dir.join("files/u")).unwrap();
        std::os::unix::fs::symlink("/", dir.join("files/u")).unwrap();
        assert_ne!(client_hash(&portal, "acme", "shared").unwrap(), before);
    }

    /// Hashing never opens a FIFO (which would block forever with no writer) or walks a
    /// link loop, in the folder or behind a link.
    #[test]
    fn fifos_and_link_loops_are_not_opened() {
        let tmp = tempfile::tempdir().unwrap();
        let portal = tmp.path().join("portal");
        let dir = client(&portal);
        let fifo = tmp.path().join("pipe");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        rustix::fs::mknodat(
            rustix::fs::CWD,
            dir.join("files/pipe.pdf"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        std::os::unix::fs::symlink(&fifo, dir.join("files/linked.pdf")).unwrap();
        std::os::unix::fs::symlink("..", dir.join("files/loop")).unwrap();
        assert!(client_hash(&portal, "acme", "shared").is_some());
    }

    #[test]
    fn file_contents_and_names_are_inputs_and_hidden_files_are_not() {
        let tmp = tempfile::tempdir().unwrap();
        let portal = tmp.path().join("portal");
        let dir = client(&portal);
        let first = client_hash(&portal, "acme", "shared").unwrap();
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        std::fs::write(dir.join(".git/index"), "x").unwrap();
        std::fs::write(dir.join("scope.md~"), "x").unwrap();
        assert_eq!(client_hash(&portal, "acme", "shared").unwrap(), first);
        std::fs::write(dir.join("client.yaml"), "name: Acme Ltd\n").unwrap();
        let second = client_hash(&portal, "acme", "shared").unwrap();
        assert_ne!(second, first);
        std::fs::rename(dir.join("client.yaml"), dir.join("files/client.yaml")).unwrap();
        assert_ne!(client_hash(&portal, "acme", "shared").unwrap(), second);
        assert_ne!(client_hash(&portal, "acme", "other").unwrap(), second);
    }

    #[test]
    fn state_is_private_and_keyed_by_output() {
        let tmp = tempfile::tempdir().unwrap();
        let portal = tmp.path();
        let a = StateDir::new(portal, &portal.join("public"));
        assert_eq!(
            a.dir,
            StateDir::new(portal, &portal.join("./public")).dir,
            "one output, one state"
        );
        let b = StateDir::new(portal, &portal.join("site"));
        assert_ne!(a.dir, b.dir);
        assert_eq!(a.read(), None);
        let m = Manifest::new("s".into(), None, BTreeMap::new());
        a.write(&m).unwrap();
        assert_eq!(a.read(), Some(m));
        assert_eq!(b.read(), None);
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&portal.join(".portico")), 0o700);
        assert_eq!(mode(&a.dir), 0o700);
        assert_eq!(mode(&a.dir.join("state.json")), 0o600);
        assert_eq!(
            std::fs::read_to_string(portal.join(".portico/.gitignore")).unwrap(),
            "# portico's build state: never commit or deploy it.\n*\n"
        );
    }
}
