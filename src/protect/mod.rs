//! Password-protected portals on any static host.
//!
//! A protected client's pages are encrypted after rendering. Every page is stored under an
//! opaque name (`index.html` for the overview, `<128-bit HMAC of its path>.html` for the
//! others, all in the client's folder) as the theme's lock page carrying the page as
//! AES-256-GCM ciphertext; attachments become `files/<id>.bin`; the client's stylesheet
//! travels inside each page; the feed, the calendar and `portal.json` are not rendered at
//! all (their readers cannot decrypt). The set of page files is the same for every client
//! (a section without data still has its file, holding nothing), and each page is padded
//! to a multiple of [`PAGE_BLOCK`] bytes before encryption.
//!
//! One random content key encrypts everything, through two HKDF subkeys (one encrypts, one
//! names files); each password wraps the content key in a key slot (PBKDF2-HMAC-SHA256,
//! 600,000 rounds, random salt). Every ciphertext's associated data names its kind and the
//! path it is stored at.
//!
//! Rebuilds keep what did not change: when every earlier slot still opens with the same
//! password, the content key is kept, and a page whose plaintext is unchanged keeps its
//! earlier ciphertext byte for byte, so a deploy diff shows only real changes. Removing or
//! changing a password makes a new content key (that is what revokes a reader). What an
//! earlier output claims is bounded: a slot claiming more rounds than portico writes is not
//! trusted (a doctored output cannot make a build hang), and a slot with fewer is re-wrapped.

mod crypto;
mod state;
mod strength;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Client;
use crate::render::{Contents, RenderedFile};
use crate::source::{Seg, Sources};
use crate::yaml_path;
use crypto::{ContentKey, ITERATIONS, Keys, Kind, b64, derive, random, unb64};
pub use state::StateKey;
pub use strength::weak_passwords;

/// The browser side, written to `assets/portico-unlock.js` of protected clients.
pub const UNLOCK_JS: &str = include_str!("unlock.js");
const PAYLOAD_OPEN: &str = "<script type=\"application/octet-stream\" id=\"portico-payload\">";
const SLOTS_OPEN: &str = "<script type=\"application/json\" id=\"portico-slots\">";

/// Pages are padded to a multiple of this many bytes before encryption, so a page's size
/// says little about how much it holds (an empty section looks like a short one).
pub const PAGE_BLOCK: usize = 4096;

/// Files a protected portal does not publish: their readers (feed readers, calendar apps,
/// scripts) cannot decrypt, and publishing them in clear would leak everything. The
/// renderer does not produce them for protected clients; this is the second lock.
const LEFT_OUT: [&str; 3] = ["feed.xml", "milestones.ics", "portal.json"];

/// The client's own stylesheet (its accent colour): carried inside every page instead.
const CLIENT_CSS: &str = "assets/client.css";

/// Element ids the lock page must have for `unlock.js` to work.
pub const LOCK_PAGE_IDS: [&str; 3] = ["portico-unlock", "portico-password", "portico-status"];

/// Where a reader's password comes from: an environment variable named in `client.yaml`.
#[derive(Debug, Clone)]
pub struct Reader {
    /// The reader's name, or `None` for the one shared password.
    pub name: Option<String>,
    /// The environment variable holding the password.
    pub var: String,
    /// Where the variable is named in `client.yaml`.
    path: Vec<Seg>,
}

/// The readers of a protected client, in slot order; empty for an open portal.
pub fn readers(client: &Client) -> Vec<Reader> {
    let Some(access) = &client.profile.access else {
        return Vec::new();
    };
    let shared = access.password_env.iter().map(|v| Reader {
        name: None,
        var: v.clone(),
        path: yaml_path!["access", "password_env"],
    });
    let named = access.passwords.iter().enumerate().map(|(i, p)| Reader {
        name: Some(p.name.clone()),
        var: p.env.clone(),
        path: yaml_path!["access", "passwords", i, "env"],
    });
    shared.chain(named).collect()
}

/// A password from the environment; `None` when unset or empty.
fn password_of(reader: &Reader) -> Option<String> {
    std::env::var(&reader.var).ok().filter(|v| !v.is_empty())
}

/// The passwords of a protected client, in slot order, read from the environment.
pub fn passwords(
    client: &Client,
    sources: Option<&Sources>,
) -> Result<Option<Vec<String>>, Diagnostic> {
    if client.profile.access.is_none() {
        return Ok(None);
    }
    let file = format!("{}/{}/client.yaml", crate::load::CLIENTS_DIR, client.slug);
    let mut found = Vec::new();
    for reader in readers(client) {
        if let Some(value) = password_of(&reader) {
            found.push(value);
            continue;
        }
        let var = &reader.var;
        let problem = if std::env::var(var).is_ok() {
            "is empty"
        } else {
            "is not set"
        };
        let message = format!(
            "the environment variable {var}, which holds a password for this portal, {problem}"
        );
        let d = match sources {
            Some(s) => s.error_at_yaml(Code::MissingPassword, &file, &reader.path, message),
            None => Diagnostic::error(Code::MissingPassword, Some(&file), message),
        };
        return Err(d.with_hint(format!(
            "set it where you build, e.g. `export {var}='a long passphrase'`; passwords never go in the portal's files"
        )));
    }
    Ok(Some(found))
}

/// A key slot: the content key wrapped under a password's derived key.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Slot {
    salt: String,
    iterations: u32,
    key: String,
}

/// What a page decrypts to: the page's own path in the unencrypted portal (so the browser
/// can resolve its relative links), the client's stylesheets and the page's HTML. An empty
/// `html` is a section the client has no data for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Envelope {
    path: String,
    styles: BTreeMap<String, String>,
    html: String,
}

/// What protecting one client's files needs besides the files.
pub struct Protection<'a> {
    /// The client's folder in the output.
    pub folder: &'a str,
    /// The lock page rendered from the theme's `lock.html`: what is served before the
    /// password, the same for every page of the client.
    pub lock_page: &'a str,
    /// The passwords, in slot order.
    pub passwords: &'a [String],
}

/// Encrypts a client's rendered files. `previous(path)` gives the bytes of a file of this
/// client's earlier output (path relative to the client's folder), for keeping unchanged
/// ciphertext; `read` loads attachments.
pub fn seal_client(
    protection: &Protection<'_>,
    files: Vec<RenderedFile>,
    previous: &dyn Fn(&str) -> Option<Vec<u8>>,
    read: &dyn Fn(&Contents) -> std::io::Result<Arc<[u8]>>,
) -> std::io::Result<Vec<RenderedFile>> {
    let earlier = previous("index.html")
        .and_then(|page| slots_of(&String::from_utf8_lossy(&page)))
        .unwrap_or_default();
    let (keys, slots) = keys(&earlier, protection.passwords);
    let slots_json = serde_json::to_string(&slots).unwrap_or_default();
    let prefix = format!("{}/", protection.folder);
    let shell = Shell::new(protection.lock_page, &slots_json);

    let mut styles = BTreeMap::new();
    let mut pages = Vec::new();
    let mut sealed = Vec::with_capacity(files.len() + 1);
    for file in files {
        let Some(rel) = file.path.strip_prefix(&prefix).map(str::to_owned) else {
            sealed.push(file);
            continue;
        };
        if LEFT_OUT.contains(&rel.as_str()) {
            continue;
        }
        if rel == CLIENT_CSS {
            let css = read(&file.contents)?;
            styles.insert(rel, String::from_utf8_lossy(&css).into_owned());
        } else if rel.ends_with(".html") {
            pages.push((rel, read(&file.contents)?));
        } else if let Some(name) = rel.strip_prefix("files/") {
            let plain = read(&file.contents)?;
            let out = attachment_file(&keys, name);
            let bytes = previous(&out)
                .filter(|old| {
                    keys.open(Kind::File, &out, old)
                        .is_some_and(|p| p == *plain)
                })
                .unwrap_or_else(|| keys.seal(Kind::File, &out, &plain));
            sealed.push(RenderedFile {
                path: format!("{prefix}{out}"),
                contents: Contents::Bytes(Arc::from(bytes)),
            });
        } else {
            sealed.push(file);
        }
    }
    // Every client has a file for every section, whether or not it has data for it.
    for section in crate::render::SECTION_PAGES {
        if !pages.iter().any(|(rel, _)| rel == section) {
            pages.push((section.to_owned(), Arc::from(&b""[..])));
        }
    }
    for (rel, html) in pages {
        let out = page_file(&keys, &rel);
        let envelope = Envelope {
            path: rel,
            styles: styles.clone(),
            html: String::from_utf8_lossy(&html).into_owned(),
        };
        let plain = padded(&envelope);
        let payload = previous(&out)
            .and_then(|old| {
                between(&String::from_utf8_lossy(&old), PAYLOAD_OPEN).map(str::to_owned)
            })
            .filter(|old| {
                unb64(old)
                    .and_then(|c| keys.open(Kind::Page, &out, &c))
                    .is_some_and(|p| p == plain)
            })
            .unwrap_or_else(|| b64(&keys.seal(Kind::Page, &out, &plain)));
        sealed.push(RenderedFile {
            path: format!("{prefix}{out}"),
            contents: Contents::Bytes(Arc::from(shell.page(&payload).into_bytes())),
        });
    }
    sealed.push(RenderedFile {
        path: format!("{prefix}assets/portico-unlock.js"),
        contents: Contents::Bytes(Arc::from(UNLOCK_JS.as_bytes())),
    });
    sealed.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(sealed)
}

/// The lock page split where the encrypted data goes: just before its `</body>`.
struct Shell<'a> {
    head: &'a str,
    data: String,
    tail: &'a str,
}

impl<'a> Shell<'a> {
    fn new(lock_page: &'a str, slots_json: &str) -> Shell<'a> {
        let at = lock_page.rfind("</body>").unwrap_or(lock_page.len());
        let (head, tail) = lock_page.split_at(at);
        Shell {
            head,
            data: format!("{SLOTS_OPEN}{slots_json}</script>\n"),
            tail,
        }
    }

    fn page(&self, payload: &str) -> String {
        format!(
            "{}{}{PAYLOAD_OPEN}{payload}</script>\n<script src=\"assets/portico-unlock.js\"></script>\n{}",
            self.head, self.data, self.tail
        )
    }
}

/// The file a page of the unencrypted portal is stored in: the overview keeps
/// `index.html` (it is the portal's address); every other page gets an opaque name.
fn page_file(keys: &Keys, logical: &str) -> String {
    if logical == "index.html" {
        logical.to_owned()
    } else {
        format!("{}.html", keys.opaque_name(Kind::Page, logical))
    }
}

/// The file an attachment (`files/<name>`) is stored in.
fn attachment_file(keys: &Keys, name: &str) -> String {
    format!(
        "files/{}.bin",
        keys.opaque_name(Kind::File, &format!("files/{name}"))
    )
}

/// An envelope as JSON, padded with spaces (which JSON ignores) to a multiple of
/// [`PAGE_BLOCK`] bytes.
fn padded(envelope: &Envelope) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(envelope).unwrap_or_default();
    let target = bytes.len().div_ceil(PAGE_BLOCK).max(1) * PAGE_BLOCK;
    bytes.resize(target, b' ');
    bytes
}

/// The content key and slots. The earlier key is kept when every earlier slot is one
/// portico could have written (1 to [`ITERATIONS`] rounds) and still opens with the
/// password in its place; slots with fewer rounds than today's are re-wrapped, extra
/// passwords get new slots. Otherwise a new key.
fn keys(earlier: &[Slot], passwords: &[String]) -> (Keys, Vec<Slot>) {
    let trusted = !earlier.is_empty()
        && passwords.len() >= earlier.len()
        && earlier
            .iter()
            .all(|s| (1..=ITERATIONS).contains(&s.iterations));
    let kept = trusted
        .then(|| {
            let mut key: Option<ContentKey> = None;
            for (slot, password) in earlier.iter().zip(passwords) {
                let salt = unb64(&slot.salt)?;
                let wrapped = unb64(&slot.key)?;
                let opened = crypto::unwrap(&derive(password, &salt, slot.iterations), &wrapped)?;
                if key.is_some_and(|k| k != opened) {
                    return None;
                }
                key = Some(opened);
            }
            key
        })
        .flatten();
    match kept {
        Some(key) => {
            let mut slots: Vec<Slot> = earlier
                .iter()
                .zip(passwords)
                .map(|(s, p)| {
                    if s.iterations < ITERATIONS {
                        slot(&key, p)
                    } else {
                        s.clone()
                    }
                })
                .collect();
            slots.extend(passwords[earlier.len()..].iter().map(|p| slot(&key, p)));
            (Keys::new(key), slots)
        }
        None => {
            let key: ContentKey = random();
            let slots = passwords.iter().map(|p| slot(&key, p)).collect();
            (Keys::new(key), slots)
        }
    }
}

fn slot(key: &ContentKey, password: &str) -> Slot {
    slot_with(key, password, ITERATIONS)
}

fn slot_with(key: &ContentKey, password: &str, iterations: u32) -> Slot {
    let salt: [u8; 16] = random();
    Slot {
        salt: b64(&salt),
        iterations,
        key: b64(&crypto::wrap(&derive(password, &salt, iterations), key)),
    }
}

/// The key slots of a built page.
fn slots_of(page: &str) -> Option<Vec<Slot>> {
    serde_json::from_str(between(page, SLOTS_OPEN)?).ok()
}

/// The text of the element opened by `open_tag`, up to its `</script>`.
fn between<'a>(html: &'a str, open_tag: &str) -> Option<&'a str> {
    let start = html.find(open_tag)? + open_tag.len();
    let end = html[start..].find("</script>")? + start;
    Some(&html[start..end])
}

/// The content key a password opens from a page's slots. Slots claiming more rounds than
/// portico writes are skipped: they did not come from portico.
fn content_key(page: &str, password: &str) -> Option<ContentKey> {
    slots_of(page)?
        .iter()
        .filter(|s| (1..=ITERATIONS).contains(&s.iterations))
        .find_map(|slot| {
            let salt = unb64(&slot.salt)?;
            crypto::unwrap(
                &derive(password, &salt, slot.iterations),
                &unb64(&slot.key)?,
            )
        })
}

/// The content key of a built page, for share links: derived from a password and the
/// page's slots, in base64url. `None` when the password opens no slot.
pub fn share_key(page: &str, password: &str) -> Option<String> {
    content_key(page, password).map(|key| {
        b64(&key)
            .trim_end_matches('=')
            .replace('+', "-")
            .replace('/', "_")
    })
}

/// A protected client's built folder opened with a password, as a reader's browser opens
/// it: for tools and tests that check what a reader gets.
pub struct OpenedPortal {
    dir: PathBuf,
    keys: Keys,
}

/// A decrypted page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedPage {
    /// The page's path in the unencrypted portal, e.g. `reports/2026-11-20/index.html`.
    pub path: String,
    /// Its HTML; empty for a section the client has no data for.
    pub html: String,
    /// The client's stylesheets it carries, by path.
    pub styles: BTreeMap<String, String>,
}

impl OpenedPortal {
    /// Opens the client folder `dir` of a built output with `password`; `None` when the
    /// password opens none of its slots.
    pub fn open(dir: &Path, password: &str) -> Option<OpenedPortal> {
        let index = std::fs::read_to_string(dir.join("index.html")).ok()?;
        Some(OpenedPortal {
            dir: dir.to_path_buf(),
            keys: Keys::new(content_key(&index, password)?),
        })
    }

    /// The file (relative to the client's folder) a page of the unencrypted portal is
    /// stored in.
    pub fn page_file(&self, logical: &str) -> String {
        page_file(&self.keys, logical)
    }

    /// The file an attachment `files/<name>` is stored in.
    pub fn attachment_file(&self, name: &str) -> String {
        attachment_file(&self.keys, name)
    }

    /// Decrypts the page stored at `stored_at` (relative to the client's folder), as the
    /// browser does when it is served from there. `None` when it is missing, damaged or
    /// belongs elsewhere.
    pub fn page(&self, stored_at: &str) -> Option<OpenedPage> {
        let shell = std::fs::read_to_string(self.dir.join(stored_at)).ok()?;
        let sealed = unb64(between(&shell, PAYLOAD_OPEN)?)?;
        let plain = self.keys.open(Kind::Page, stored_at, &sealed)?;
        let envelope: Envelope = serde_json::from_slice(&plain).ok()?;
        Some(OpenedPage {
            path: envelope.path,
            html: envelope.html,
            styles: envelope.styles,
        })
    }

    /// Decrypts the attachment stored at `stored_at` (e.g. `files/<id>.bin`).
    pub fn attachment(&self, stored_at: &str) -> Option<Vec<u8>> {
        let sealed = std::fs::read(self.dir.join(stored_at)).ok()?;
        self.keys.open(Kind::File, stored_at, &sealed)
    }
}

#[cfg(test)]
mod tests;
