//! What incremental builds may remember about protected clients, without remembering
//! anything that makes a password easier to guess than the deployed key slots do.
//!
//! A protected client may keep its previous output only while its inputs are unchanged *and*
//! its readers' passwords are the ones its deployed slots were wrapped with. Checking the
//! second against the slots costs a 600,000-round PBKDF2 per password; anything cheaper
//! that the build state could hold about one password (a hash of it, even salted) would be
//! a cheaper way to test guesses than the slots. So the state holds one [`StateKey`]-keyed
//! seal per protected client, where the key is PBKDF2-HMAC-SHA256 with the same 600,000
//! rounds over *every* protected password of the output at once (by variable name), under
//! a random salt kept in the state. One derivation per build checks all clients; to test a
//! guess against the state, an attacker must guess all those passwords together and pay the
//! full round count for each guess, which is never cheaper than attacking one slot. The
//! state holds no key: not the content key, not a slot's derived key, not this one.
//!
//! The price: when any one password changes (or a variable is unset), every protected
//! client of the output is checked against its slots again in that build, as before this
//! existed (their unchanged pages still keep their ciphertext).

use std::collections::BTreeSet;

use super::crypto::{ITERATIONS, b64, derive, random, unb64};

/// The key the build state's seals are made with. Never written anywhere.
pub struct StateKey {
    key: [u8; 32],
    salt: String,
}

impl StateKey {
    /// Derives the key from the passwords in the environment variables `readers`, under
    /// `salt` (base64; a fresh one when `None`). `None` when a variable is unset or empty,
    /// or the salt is not one portico wrote: then no seal matches and the clients are
    /// checked against their slots.
    pub fn derive(readers: &BTreeSet<String>, salt: Option<&str>) -> Option<StateKey> {
        StateKey::derive_with(readers, salt, &|name| std::env::var(name).ok())
    }

    /// [`StateKey::derive`] with the variables looked up by `lookup`.
    fn derive_with(
        readers: &BTreeSet<String>,
        salt: Option<&str>,
        lookup: &dyn Fn(&str) -> Option<String>,
    ) -> Option<StateKey> {
        let salt = match salt {
            Some(text) => unb64(text).filter(|s| s.len() == 16)?,
            None => random::<16>().to_vec(),
        };
        let mut secret = Vec::new();
        for name in readers {
            let value = lookup(name).filter(|v| !v.is_empty())?;
            secret.push([name.clone(), value]);
        }
        let secret = serde_json::to_string(&secret).ok()?;
        Some(StateKey {
            key: derive(&secret, &salt, ITERATIONS),
            salt: b64(&salt),
        })
    }

    /// The salt to record beside the seals.
    pub fn salt(&self) -> &str {
        &self.salt
    }

    /// The seal of one protected client's build: a keyed BLAKE3 hash of what it was built
    /// from (its folder name, output folder, input hash and readers' variables).
    pub fn seal(&self, slug: &str, folder: &str, inputs: &str, readers: &[String]) -> String {
        let message =
            serde_json::json!(["portico protected client 1", slug, folder, inputs, readers]);
        blake3::keyed_hash(&self.key, message.to_string().as_bytes())
            .to_hex()
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_needs_every_password_and_changes_with_any() {
        let (a, b) = ("A", "B");
        let env = |b_value: Option<&'static str>| {
            move |name: &str| match name {
                "A" => Some("correct horse battery staple".to_owned()),
                "B" => b_value.map(str::to_owned),
                _ => None,
            }
        };
        let readers: BTreeSet<String> = [a.to_owned(), b.to_owned()].into();
        let first = env(Some("another long passphrase"));
        let key = StateKey::derive_with(&readers, None, &first).unwrap();
        let seal = key.seal("acme", "acme", "inputs", &[a.to_owned()]);
        let again = StateKey::derive_with(&readers, Some(key.salt()), &first).unwrap();
        assert_eq!(again.seal("acme", "acme", "inputs", &[a.to_owned()]), seal);
        assert_ne!(
            again.seal("acme", "acme", "other inputs", &[a.to_owned()]),
            seal
        );
        assert_ne!(
            again.seal("acme", "elsewhere", "inputs", &[a.to_owned()]),
            seal
        );
        assert_ne!(
            again.seal("globex", "acme", "inputs", &[a.to_owned()]),
            seal
        );
        let fresh = StateKey::derive_with(&readers, None, &first).unwrap();
        assert_ne!(fresh.salt(), key.salt());
        assert_ne!(fresh.seal("acme", "acme", "inputs", &[a.to_owned()]), seal);
        let changed = env(Some("a changed passphrase"));
        let other = StateKey::derive_with(&readers, Some(key.salt()), &changed).unwrap();
        assert_ne!(other.seal("acme", "acme", "inputs", &[a.to_owned()]), seal);
        assert!(StateKey::derive_with(&readers, Some(key.salt()), &env(None)).is_none());
        assert!(StateKey::derive_with(&readers, Some(key.salt()), &env(Some(""))).is_none());
        assert!(StateKey::derive_with(&readers, Some("not base64!"), &first).is_none());
    }
}
