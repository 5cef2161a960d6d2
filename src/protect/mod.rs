//! Password-protected portals on any static host.
//!
//! A protected client's pages are encrypted after rendering: every HTML page becomes a small
//! password form carrying the page as AES-256-GCM ciphertext; attachments become opaque
//! `files/<id>.bin`; the feed, the calendar and `portal.json` are left out (their readers
//! cannot decrypt). One random content key encrypts everything; each password wraps it in a
//! key slot (PBKDF2-HMAC-SHA256, 600,000 rounds, random salt).
//!
//! Rebuilds keep what did not change: when every earlier slot still opens with the same
//! password, the content key is kept, and a page whose plaintext is unchanged keeps its
//! earlier ciphertext byte for byte, so a deploy diff shows only real changes. Removing or
//! changing a password makes a new content key (that is what revokes a reader).

mod crypto;

use std::sync::Arc;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Client;
use crate::render::{Contents, RenderedFile};
use crate::source::Sources;
use crate::yaml_path;
use crypto::{ContentKey, ITERATIONS, b64, derive, mac_hex, open, random, seal, unb64};

/// The browser side, written to `assets/portico-unlock.js` of protected clients.
pub const UNLOCK_JS: &str = include_str!("unlock.js");
const SHELL: &str = include_str!("shell.html");
const PAYLOAD_OPEN: &str = "<script type=\"application/octet-stream\" id=\"portico-payload\">";
const SLOTS_OPEN: &str = "<script type=\"application/json\" id=\"portico-slots\">";

/// Files a protected portal does not publish: their readers (feed readers, calendar apps,
/// scripts) cannot decrypt, and publishing them in clear would leak everything.
const LEFT_OUT: [&str; 3] = ["feed.xml", "milestones.ics", "portal.json"];

/// The passwords of a protected client, in slot order, read from the environment.
pub fn passwords(
    client: &Client,
    sources: Option<&Sources>,
) -> Result<Option<Vec<String>>, Diagnostic> {
    let Some(access) = &client.profile.access else {
        return Ok(None);
    };
    let file = format!("{}/{}/client.yaml", crate::load::CLIENTS_DIR, client.slug);
    let mut found = Vec::new();
    let vars = access
        .password_env
        .iter()
        .map(|v| (v.as_str(), yaml_path!["access", "password_env"]))
        .chain(
            access
                .passwords
                .iter()
                .enumerate()
                .map(|(i, p)| (p.env.as_str(), yaml_path!["access", "passwords", i, "env"])),
        );
    for (var, path) in vars {
        match std::env::var(var) {
            Ok(value) if !value.is_empty() => found.push(value),
            result => {
                let problem = if result.is_ok() {
                    "is empty"
                } else {
                    "is not set"
                };
                let message = format!(
                    "the environment variable {var}, which holds a password for this portal, {problem}"
                );
                let d = match sources {
                    Some(s) => s.error_at_yaml(Code::MissingPassword, &file, &path, message),
                    None => Diagnostic::error(Code::MissingPassword, Some(&file), message),
                };
                return Err(d.with_hint(format!(
                    "set it where you build, e.g. `export {var}='a long passphrase'`; passwords never go in the portal's files"
                )));
            }
        }
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

/// Encrypts a client's rendered files. `previous(path)` gives the bytes of a file of this
/// client's earlier output (path relative to the client's folder), for keeping unchanged
/// ciphertext; `read` loads attachments.
pub fn seal_client(
    folder: &str,
    files: Vec<RenderedFile>,
    passwords: &[String],
    previous: &dyn Fn(&str) -> Option<Vec<u8>>,
    read: &dyn Fn(&Contents) -> std::io::Result<Arc<[u8]>>,
) -> std::io::Result<Vec<RenderedFile>> {
    let earlier = previous("index.html")
        .and_then(|page| between(&String::from_utf8_lossy(&page), SLOTS_OPEN).map(str::to_owned))
        .and_then(|json| serde_json::from_str::<Vec<Slot>>(&json).ok())
        .unwrap_or_default();
    let (key, slots) = keys(&earlier, passwords);
    let slots_json = serde_json::to_string(&slots).unwrap_or_default();
    let prefix = format!("{folder}/");
    let mut sealed = Vec::with_capacity(files.len() + 1);
    for file in files {
        let Some(rel) = file.path.strip_prefix(&prefix).map(str::to_owned) else {
            sealed.push(file);
            continue;
        };
        if LEFT_OUT.contains(&rel.as_str()) {
            continue;
        }
        if rel.ends_with(".html") {
            let plain = read(&file.contents)?;
            let payload = previous(&rel)
                .and_then(|old| {
                    between(&String::from_utf8_lossy(&old), PAYLOAD_OPEN).map(str::to_owned)
                })
                .filter(|old| {
                    unb64(old)
                        .and_then(|c| open(&key, &c))
                        .is_some_and(|p| p == *plain)
                })
                .unwrap_or_else(|| b64(&seal(&key, &plain)));
            let root = "../".repeat(rel.matches('/').count());
            let page = SHELL
                .replace("{{root}}", &root)
                .replace("{{slots}}", &slots_json)
                .replace("{{payload}}", &payload);
            sealed.push(RenderedFile {
                path: file.path,
                contents: Contents::Bytes(Arc::from(page.into_bytes())),
            });
        } else if let Some(name) = rel.strip_prefix("files/") {
            let plain = read(&file.contents)?;
            let id = &mac_hex(&key, format!("files/{name}").as_bytes())[..32];
            let out = format!("files/{id}.bin");
            let bytes = previous(&out)
                .filter(|old| open(&key, old).is_some_and(|p| p == *plain))
                .unwrap_or_else(|| seal(&key, &plain));
            sealed.push(RenderedFile {
                path: format!("{prefix}{out}"),
                contents: Contents::Bytes(Arc::from(bytes)),
            });
        } else {
            sealed.push(file);
        }
    }
    sealed.push(RenderedFile {
        path: format!("{prefix}assets/portico-unlock.js"),
        contents: Contents::Bytes(Arc::from(UNLOCK_JS.as_bytes())),
    });
    sealed.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(sealed)
}

/// The content key and slots: the earlier key when every earlier slot still opens with the
/// password in its place (extra passwords get new slots), a new key otherwise.
fn keys(earlier: &[Slot], passwords: &[String]) -> (ContentKey, Vec<Slot>) {
    let kept = (!earlier.is_empty() && passwords.len() >= earlier.len())
        .then(|| {
            let mut key: Option<ContentKey> = None;
            for (slot, password) in earlier.iter().zip(passwords) {
                let salt = unb64(&slot.salt)?;
                let wrapped = unb64(&slot.key)?;
                let opened: ContentKey = open(&derive(password, &salt, slot.iterations), &wrapped)?
                    .try_into()
                    .ok()?;
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
            let mut slots = earlier.to_vec();
            slots.extend(passwords[earlier.len()..].iter().map(|p| slot(&key, p)));
            (key, slots)
        }
        None => {
            let key: ContentKey = random();
            let slots = passwords.iter().map(|p| slot(&key, p)).collect();
            (key, slots)
        }
    }
}

fn slot(key: &ContentKey, password: &str) -> Slot {
    let salt: [u8; 16] = random();
    Slot {
        salt: b64(&salt),
        iterations: ITERATIONS,
        key: b64(&seal(&derive(password, &salt, ITERATIONS), key)),
    }
}

/// The text of the element opened by `open_tag`, up to its `</script>`.
fn between<'a>(html: &'a str, open_tag: &str) -> Option<&'a str> {
    let start = html.find(open_tag)? + open_tag.len();
    let end = html[start..].find("</script>")? + start;
    Some(&html[start..end])
}

/// The content key of a built page, for share links: derived from a password and the
/// page's slots. `None` when the password opens no slot.
pub fn share_key(page: &str, password: &str) -> Option<String> {
    let slots: Vec<Slot> = serde_json::from_str(between(page, SLOTS_OPEN)?).ok()?;
    slots.iter().find_map(|slot| {
        let salt = unb64(&slot.salt)?;
        let key = open(
            &derive(password, &salt, slot.iterations),
            &unb64(&slot.key)?,
        )?;
        Some(base64_url(&key))
    })
}

fn base64_url(bytes: &[u8]) -> String {
    b64(bytes)
        .trim_end_matches('=')
        .replace('+', "-")
        .replace('/', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> RenderedFile {
        RenderedFile {
            path: format!("acme/{path}"),
            contents: Contents::Bytes(Arc::from(text.as_bytes())),
        }
    }

    fn read(contents: &Contents) -> std::io::Result<Arc<[u8]>> {
        match contents {
            Contents::Bytes(b) => Ok(b.clone()),
            Contents::Copy(p) => std::fs::read(p).map(Arc::from),
        }
    }

    fn bytes_of(files: &[RenderedFile]) -> std::collections::BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .map(|f| (f.path.clone(), read(&f.contents).unwrap().to_vec()))
            .collect()
    }

    #[test]
    fn unchanged_pages_keep_their_ciphertext_and_revocation_rotates_the_key() {
        let input = || {
            vec![
                page("index.html", "<p>Acme dashboard</p>"),
                page("reports/index.html", "<p>week 1</p>"),
                page("feed.xml", "x"),
            ]
        };
        let passwords = vec!["correct horse".to_owned()];
        let first = bytes_of(&seal_client("acme", input(), &passwords, &|_| None, &read).unwrap());
        assert!(!first.contains_key("acme/feed.xml"), "feeds are left out");
        assert!(!String::from_utf8_lossy(&first["acme/index.html"]).contains("Acme dashboard"));
        let previous = |rel: &str| first.get(&format!("acme/{rel}")).cloned();
        let second = bytes_of(&seal_client("acme", input(), &passwords, &previous, &read).unwrap());
        assert_eq!(first, second, "nothing changed, nothing differs");

        let mut changed = input();
        changed[1] = page("reports/index.html", "<p>week 2</p>");
        let third = bytes_of(&seal_client("acme", changed, &passwords, &previous, &read).unwrap());
        assert_eq!(third["acme/index.html"], first["acme/index.html"]);
        assert_ne!(
            third["acme/reports/index.html"],
            first["acme/reports/index.html"]
        );

        let other = vec!["another passphrase".to_owned()];
        let rotated = bytes_of(&seal_client("acme", input(), &other, &previous, &read).unwrap());
        assert_ne!(rotated["acme/index.html"], first["acme/index.html"]);
        let page = String::from_utf8_lossy(&rotated["acme/index.html"]).into_owned();
        assert!(share_key(&page, "another passphrase").is_some());
        assert!(
            share_key(&page, "correct horse").is_none(),
            "the old password is revoked"
        );
    }
}
