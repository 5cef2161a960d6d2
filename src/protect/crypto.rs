//! The cryptography, all of it RustCrypto: AES-256-GCM for content, PBKDF2-HMAC-SHA256 for
//! deriving a key from a password, HMAC-SHA256 for names and change detection. Formats match
//! what WebCrypto in the browser reads (`unlock.js`).

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// PBKDF2 rounds for a password: OWASP's 2023 advice for PBKDF2-HMAC-SHA256.
pub(super) const ITERATIONS: u32 = 600_000;
/// Bytes of a nonce (96 bits, as GCM wants).
const NONCE: usize = 12;

/// A content key: 256 random bits.
pub(super) type ContentKey = [u8; 32];

/// Fresh random bytes from the OS-seeded CSPRNG.
pub(super) fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    rand::fill(&mut bytes);
    bytes
}

/// Encrypts with a fresh random nonce: `nonce || ciphertext || tag`.
pub(super) fn seal(key: &ContentKey, plaintext: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(&Key::<Aes256Gcm>::from(*key));
    let nonce_bytes: [u8; NONCE] = random();
    let nonce = aes_gcm::Nonce::from(nonce_bytes);
    // Encrypting into a Vec only fails for inputs beyond GCM's 64 GiB limit.
    let ciphertext = cipher.encrypt(&nonce, plaintext).unwrap_or_default();
    let mut out = Vec::with_capacity(NONCE + ciphertext.len());
    out.extend_from_slice(&nonce_bytes);
    out.extend_from_slice(&ciphertext);
    out
}

/// Decrypts what [`seal`] produced; `None` for a wrong key or damaged data.
pub(super) fn open(key: &ContentKey, sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE);
    let nonce: [u8; NONCE] = nonce.try_into().ok()?;
    Aes256Gcm::new(&Key::<Aes256Gcm>::from(*key))
        .decrypt(&aes_gcm::Nonce::from(nonce), ciphertext)
        .ok()
}

/// The key a password and salt give.
pub(super) fn derive(password: &str, salt: &[u8], iterations: u32) -> ContentKey {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, iterations, &mut key);
    key
}

/// HMAC-SHA256 of `data` under `key`, as lowercase hex.
pub(super) fn mac_hex(key: &ContentKey, data: &[u8]) -> String {
    // HMAC takes keys of any length.
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(data);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
    fn sealing_round_trips_and_detects_the_wrong_key() {
        let key: ContentKey = random();
        let sealed = seal(&key, b"status: red");
        assert_eq!(open(&key, &sealed).as_deref(), Some(&b"status: red"[..]));
        assert_eq!(open(&random(), &sealed), None);
        assert_ne!(
            seal(&key, b"status: red"),
            sealed,
            "a fresh nonce every time"
        );
    }

    #[test]
    fn known_answers() {
        // RFC 6070-style check of PBKDF2-HMAC-SHA256 (one round, short output).
        let key = derive("password", b"salt", 1);
        assert_eq!(
            key.iter().map(|b| format!("{b:02x}")).collect::<String>(),
            "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        );
    }
}
