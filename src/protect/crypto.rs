//! The cryptography, all of it RustCrypto: AES-256-GCM for content, PBKDF2-HMAC-SHA256 for
//! deriving a key from a password, HKDF-SHA256 for the subkeys of a content key, HMAC-SHA256
//! for opaque file names. Formats match what WebCrypto in the browser reads (`unlock.js`).
//!
//! Every ciphertext is bound to where it belongs: its AES-GCM associated data names its kind
//! (a page, an attachment, a key slot) and its path in the client's folder, so a ciphertext
//! moved to another file (two reports swapped, an attachment put into a page) fails to
//! decrypt instead of showing the wrong thing.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// PBKDF2 rounds for a password: OWASP's 2023 advice for PBKDF2-HMAC-SHA256. Also the most
/// a slot read from an earlier output is trusted to claim (see `keys` in the parent module).
pub(super) const ITERATIONS: u32 = 600_000;
/// Bytes of a nonce (96 bits, as GCM wants).
const NONCE: usize = 12;
/// HKDF `info` of the subkey that encrypts pages and attachments.
const INFO_ENCRYPT: &[u8] = b"portico encrypt v1";
/// HKDF `info` of the subkey that names pages and attachments.
const INFO_NAMES: &[u8] = b"portico names v1";

/// A content key: 256 random bits. Slots wrap it; share links carry it.
pub(super) type ContentKey = [u8; 32];

/// What a ciphertext is, bound into its associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// An HTML page's envelope.
    Page,
    /// An attachment.
    File,
    /// A content key wrapped under a password's key.
    Slot,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::File => "file",
            Kind::Slot => "slot",
        }
    }
}

/// The associated data of a ciphertext of `kind` stored at `path` (relative to the client's
/// folder, e.g. `index.html` or `files/<id>.bin`). `unlock.js` builds the same bytes.
fn associated_data(kind: Kind, path: &str) -> Vec<u8> {
    format!("portico/1 {} {path}", kind.label()).into_bytes()
}

/// The two subkeys of a content key.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Keys {
    /// The key slots wrap and share links carry.
    pub(super) content: ContentKey,
    encrypt: [u8; 32],
    names: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

impl Keys {
    /// Derives the encryption and naming subkeys (HKDF-SHA256, no salt: the content key is
    /// uniformly random already).
    pub(super) fn new(content: ContentKey) -> Keys {
        let hkdf = hkdf::Hkdf::<Sha256>::new(None, &content);
        let mut encrypt = [0u8; 32];
        let mut names = [0u8; 32];
        // 32 bytes is far below HKDF-SHA256's limit of 255 * 32.
        let _ = hkdf.expand(INFO_ENCRYPT, &mut encrypt);
        let _ = hkdf.expand(INFO_NAMES, &mut names);
        Keys {
            content,
            encrypt,
            names,
        }
    }

    /// Encrypts `plaintext` to be stored at `path` as a `kind`.
    pub(super) fn seal(&self, kind: Kind, path: &str, plaintext: &[u8]) -> Vec<u8> {
        seal(&self.encrypt, &associated_data(kind, path), plaintext)
    }

    /// Decrypts what [`Keys::seal`] stored at `path` as a `kind`; `None` for the wrong key,
    /// the wrong place or damaged data.
    pub(super) fn open(&self, kind: Kind, path: &str, sealed: &[u8]) -> Option<Vec<u8>> {
        open(&self.encrypt, &associated_data(kind, path), sealed)
    }

    /// The opaque name of a page or attachment from its path in the unencrypted portal:
    /// 128 bits of HMAC-SHA256 under the naming subkey, in hex.
    pub(super) fn opaque_name(&self, kind: Kind, path: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(&self.names).expect("HMAC takes any key");
        mac.update(&associated_data(kind, path));
        hex(&mac.finalize().into_bytes()[..16])
    }
}

/// Fresh random bytes from the OS-seeded CSPRNG.
pub(super) fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::fill(&mut bytes);
    bytes
}

/// Encrypts with a fresh random nonce: `nonce || ciphertext || tag`.
pub(super) fn seal(key: &[u8; 32], aad: &[u8], plaintext: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(*key));
    let nonce_bytes: [u8; NONCE] = random();
    let nonce = aes_gcm::Nonce::from(nonce_bytes);
    let payload = Payload {
        msg: plaintext,
        aad,
    };
    // Encrypting into a Vec only fails for inputs beyond GCM's 64 GiB limit.
    let ciphertext = cipher.encrypt(&nonce, payload).unwrap_or_default();
    let mut out = Vec::with_capacity(NONCE + ciphertext.len());
    out.extend_from_slice(&nonce_bytes);
    out.extend_from_slice(&ciphertext);
    out
}

/// Decrypts what [`seal`] produced with the same associated data; `None` otherwise.
pub(super) fn open(key: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE);
    let nonce: [u8; NONCE] = nonce.try_into().ok()?;
    let payload = Payload {
        msg: ciphertext,
        aad,
    };
    Aes256Gcm::new(&Key::<Aes256Gcm>::from(*key))
        .decrypt(&aes_gcm::Nonce::from(nonce), payload)
        .ok()
}

/// Wraps a content key under a password's derived key.
pub(super) fn wrap(derived: &[u8; 32], content: &ContentKey) -> Vec<u8> {
    seal(derived, &associated_data(Kind::Slot, ""), content)
}

/// Unwraps a slot; `None` when `derived` is not its key.
pub(super) fn unwrap(derived: &[u8; 32], wrapped: &[u8]) -> Option<ContentKey> {
    open(derived, &associated_data(Kind::Slot, ""), wrapped)?
        .try_into()
        .ok()
}

/// The key a password and salt give.
pub(super) fn derive(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, iterations, &mut key);
    key
}

/// Lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Standard base64, as `atob` reads it.
pub(super) fn b64(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

/// Decodes standard base64.
pub(super) fn unb64(text: &str) -> Option<Vec<u8>> {
    BASE64.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealing_round_trips_and_detects_the_wrong_key_or_place() {
        let keys = Keys::new(random());
        let sealed = keys.seal(Kind::Page, "index.html", b"status: red");
        assert_eq!(
            keys.open(Kind::Page, "index.html", &sealed).as_deref(),
            Some(&b"status: red"[..])
        );
        assert_eq!(
            Keys::new(random()).open(Kind::Page, "index.html", &sealed),
            None
        );
        assert_eq!(
            keys.open(Kind::Page, "a.html", &sealed),
            None,
            "another page"
        );
        assert_eq!(
            keys.open(Kind::File, "index.html", &sealed),
            None,
            "another kind"
        );
        assert_ne!(
            keys.seal(Kind::Page, "index.html", b"status: red"),
            sealed,
            "a fresh nonce every time"
        );
    }

    #[test]
    fn subkeys_differ_from_each_other_and_from_the_content_key() {
        let keys = Keys::new([7; 32]);
        assert_ne!(keys.encrypt, keys.names);
        assert_ne!(keys.encrypt, keys.content);
        assert_ne!(
            keys.opaque_name(Kind::Page, "reports/index.html"),
            keys.opaque_name(Kind::File, "reports/index.html")
        );
        assert_eq!(keys.opaque_name(Kind::Page, "x").len(), 32);
    }

    #[test]
    fn known_answers() {
        // RFC 6070-style check of PBKDF2-HMAC-SHA256 (one round, short output).
        assert_eq!(
            hex(&derive("password", b"salt", 1)),
            "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        );
        // RFC 5869 test case 3: HKDF-SHA256 with no salt and no info.
        let ikm = [0x0b; 22];
        let mut okm = [0u8; 42];
        hkdf::Hkdf::<Sha256>::new(None, &ikm)
            .expand(&[], &mut okm)
            .unwrap();
        assert_eq!(
            hex(&okm),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        );
    }
}
