//! Languages: every `language:` names one a catalogue serves, and a portal's own catalogue
//! has every text English has (the rest are shown in English).

use crate::diagnostic::{Code, Diagnostic};
use crate::load::{CLIENTS_DIR, CONFIG_FILE};
use crate::locale::{Catalogues, Language, missing_keys};
use crate::model::{Client, PortalConfig};
use crate::source::Sources;
use crate::yaml_path;

/// How many missing keys a warning names before it counts the rest.
const NAMED: usize = 5;

/// An error when `language` has no catalogue, pointing at it in `file`.
fn unserved(
    language: &Language,
    catalogues: &Catalogues,
    sources: &Sources,
    file: &str,
) -> Option<Diagnostic> {
    if catalogues.serves(language) {
        return None;
    }
    let available: Vec<&str> = catalogues.tags().collect();
    Some(
        sources
            .error_at_yaml(
                Code::InvalidValue,
                file,
                &yaml_path!["language"],
                format!("there is no catalogue for the language \"{language}\""),
            )
            .with_hint(format!(
                "use one of {}, or add theme/i18n/{}.ftl to the portal (copy themes/default/i18n/en.ftl and translate it)",
                available.join(", "),
                language.primary()
            )),
    )
}

/// `portico.yaml`'s `language`, when no catalogue serves it.
pub fn portal_language(
    config: &PortalConfig,
    catalogues: &Catalogues,
    sources: &Sources,
) -> Vec<Diagnostic> {
    config
        .language
        .as_ref()
        .and_then(|l| unserved(l, catalogues, sources, CONFIG_FILE))
        .into_iter()
        .collect()
}

/// A client's own `language`, when no catalogue serves it.
pub fn client_language(
    client: &Client,
    catalogues: &Catalogues,
    sources: &Sources,
) -> Vec<Diagnostic> {
    let file = format!("{CLIENTS_DIR}/{}/client.yaml", client.slug);
    client
        .profile
        .language
        .as_ref()
        .and_then(|l| unserved(l, catalogues, sources, &file))
        .into_iter()
        .collect()
}

/// One warning per catalogue of the portal's own that lacks texts English has.
pub fn catalogues(catalogues: &Catalogues) -> Vec<Diagnostic> {
    catalogues
        .own()
        .filter_map(|(catalogue, source, _)| {
            let missing = missing_keys(catalogues, catalogue);
            if missing.is_empty() {
                return None;
            }
            let mut named = missing
                .iter()
                .take(NAMED)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            if missing.len() > NAMED {
                named.push_str(&format!(" and {} more", missing.len() - NAMED));
            }
            Some(
                Diagnostic::error(
                    Code::MissingTranslation,
                    Some(&source.path),
                    format!(
                        "no text for {} of the {} keys English has ({named}); they are shown in English",
                        missing.len(),
                        catalogues.get("en").map_or(0, |en| en.keys().len()),
                    ),
                )
                .warning()
                .with_hint(
                    "copy the missing keys from themes/default/i18n/en.ftl (`portico theme eject` writes it to theme/i18n/) and translate them",
                ),
            )
        })
        .collect()
}
