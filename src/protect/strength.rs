//! How guessable a reader's password is, judged by zxcvbn (Dropbox's estimator, which knows
//! common passwords, names, dates, keyboard patterns and the words of the portal itself).
//! The warning names the reader and the variable, never the password.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Client;
use crate::source::Sources;

/// zxcvbn scores below this are "too weak" by its own documentation (3: about 10^10
/// guesses, which PBKDF2's 600,000 rounds turn into years of offline guessing per core).
const GOOD_ENOUGH: zxcvbn::Score = zxcvbn::Score::Three;

/// A `weak-password` warning for each password of `client` in the environment that zxcvbn
/// scores below 3 of 4. Passwords that are not set are left to the build, which needs them.
pub fn weak_passwords(client: &Client, agency: &str, sources: &Sources) -> Vec<Diagnostic> {
    let file = format!("{}/{}/client.yaml", crate::load::CLIENTS_DIR, client.slug);
    // Words anyone attacking this portal would try first.
    let mut context: Vec<&str> = vec![
        client.slug.as_str(),
        client.folder(),
        client.profile.name.as_str(),
        agency,
    ];
    context.extend(client.profile.name.split_whitespace());
    context.extend(agency.split_whitespace());
    let mut out = Vec::new();
    for reader in super::readers(client) {
        let Some(password) = super::password_of(&reader) else {
            continue;
        };
        let mut words = context.clone();
        if let Some(name) = &reader.name {
            words.push(name);
            words.extend(name.split_whitespace());
        }
        let estimate = zxcvbn::zxcvbn(&password, &words);
        if estimate.score() >= GOOD_ENOUGH {
            continue;
        }
        let whose = match &reader.name {
            Some(name) => format!("{name}'s password"),
            None => "the shared password".to_owned(),
        };
        let message = format!(
            "{whose} (in {}) is weak: zxcvbn scores it {} of 4, about 10^{:.0} guesses",
            reader.var,
            estimate.score(),
            estimate.guesses_log10().floor()
        );
        out.push(
            sources
                .error_at_yaml(Code::WeakPassword, &file, &reader.path, message)
                .warning()
                .with_hint(
                    "anyone can download the pages and guess offline: use a passphrase of five or more random words",
                ),
        );
    }
    out
}
