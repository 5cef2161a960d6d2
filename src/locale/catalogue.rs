//! Catalogues: the theme's `i18n/<tag>.ftl` files, built in or the portal's own.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use fluent_bundle::{FluentResource, FluentValue};
use fluent_syntax::ast;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;

use super::{Language, Locale};
use crate::diagnostic::{Code, Diagnostic};
use crate::render::Theme;
use crate::source::Source;

/// The catalogue every other one falls back to.
pub(super) const ENGLISH: &str = "en";

/// One language's catalogue: the built-in file, and the portal's own file over it.
#[derive(Debug, Clone)]
pub struct Catalogue {
    language: Language,
    /// Built-in first, then the portal's file, whose messages win.
    resources: Vec<Arc<FluentResource>>,
    /// The portal's own file, when it has one: where it is, its text and its keys.
    own: Option<(Source, BTreeSet<String>)>,
    /// Every key the catalogue defines.
    keys: BTreeSet<String>,
}

impl Catalogue {
    pub(super) fn langid(&self) -> unic_langid::LanguageIdentifier {
        self.language.as_str().parse().unwrap_or_default()
    }

    pub(super) fn resources(&self) -> &[Arc<FluentResource>] {
        &self.resources
    }

    /// Every key this catalogue defines.
    pub fn keys(&self) -> &BTreeSet<String> {
        &self.keys
    }

    /// The language it is for.
    pub fn language(&self) -> &Language {
        &self.language
    }
}

/// Every catalogue of a theme, by language tag, with the locales made from them.
#[derive(Debug, Default)]
pub struct Catalogues {
    by_tag: BTreeMap<String, Catalogue>,
    locales: Mutex<BTreeMap<Language, Arc<Locale>>>,
}

impl Clone for Catalogues {
    fn clone(&self) -> Self {
        Catalogues {
            by_tag: self.by_tag.clone(),
            locales: Mutex::default(),
        }
    }
}

/// The message ids of a resource.
fn keys_of(resource: &FluentResource) -> BTreeSet<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

impl Catalogues {
    /// The built-in catalogues alone.
    pub fn builtin() -> Catalogues {
        match Catalogues::from_theme(&Theme::builtin()) {
            Ok(c) => c,
            // The built-in catalogues are parsed by the tests; a broken one is a bug.
            Err(problems) => panic!("built-in catalogue: {}", problems[0].message),
        }
    }

    /// The catalogues of `theme`: each `i18n/<tag>.ftl`, the portal's over the built-in.
    pub fn from_theme(theme: &Theme) -> Result<Catalogues, Vec<Diagnostic>> {
        let mut by_tag: BTreeMap<String, Catalogue> = BTreeMap::new();
        let mut problems = Vec::new();
        let builtin = Theme::builtin();
        for (name, file) in theme.i18n() {
            let Some(stem) = name.strip_suffix(".ftl") else {
                continue;
            };
            let language = match Language::parse(stem) {
                Ok(l) => l,
                Err(e) => {
                    problems.push(
                        Diagnostic::error(
                            Code::InvalidValue,
                            Some(&file.origin),
                            format!("catalogue {name}: {e}"),
                        )
                        .with_hint(
                            "name a catalogue after its language: i18n/de.ftl, i18n/fr-CH.ftl",
                        ),
                    );
                    continue;
                }
            };
            let Ok(text) = std::str::from_utf8(&file.bytes) else {
                problems.push(Diagnostic::error(
                    Code::NotUtf8,
                    Some(&file.origin),
                    format!("{} is not valid UTF-8", file.origin),
                ));
                continue;
            };
            let source = Source::new(file.origin.clone(), text);
            let resource = match FluentResource::try_new(text.to_owned()) {
                Ok(r) => r,
                Err((_, errors)) => {
                    for e in errors {
                        let len = e.pos.end.saturating_sub(e.pos.start).max(1);
                        problems.push(
                            Diagnostic::error_at(
                                Code::Template,
                                &source,
                                source.span(e.pos.start.min(text.len()), len),
                                format!("not a Fluent message: {e}"),
                            )
                            .with_hint(
                                "write each text as `key = text`; see https://projectfluent.org/fluent/guide/",
                            ),
                        );
                    }
                    continue;
                }
            };
            let keys = keys_of(&resource);
            let is_builtin = file.origin.starts_with("(built in)");
            let mut resources = Vec::new();
            let mut all_keys = keys.clone();
            if !is_builtin {
                let key = format!("i18n/{name}");
                if let Some(base) = builtin.i18n().find(|(n, _)| format!("i18n/{n}") == key)
                    && let Ok(text) = std::str::from_utf8(&base.1.bytes)
                    && let Ok(r) = FluentResource::try_new(text.to_owned())
                {
                    all_keys.extend(keys_of(&r));
                    resources.push(Arc::new(r));
                }
            }
            resources.push(Arc::new(resource));
            by_tag.insert(
                language.as_str().to_owned(),
                Catalogue {
                    language,
                    resources,
                    own: (!is_builtin).then_some((source, keys)),
                    keys: all_keys,
                },
            );
        }
        if !by_tag.contains_key(ENGLISH) && problems.is_empty() {
            problems.push(Diagnostic::error(
                Code::Template,
                None,
                "the theme has no English catalogue (i18n/en.ftl), which every language falls back to",
            ));
        }
        if problems.is_empty() {
            Ok(Catalogues {
                by_tag,
                locales: Mutex::default(),
            })
        } else {
            Err(problems)
        }
    }

    /// The catalogues `language` reads, most specific first, English last.
    pub(super) fn chain(&self, language: &Language) -> Vec<&Catalogue> {
        let mut chain: Vec<&Catalogue> = language
            .fallbacks()
            .iter()
            .filter_map(|tag| self.by_tag.get(tag))
            .collect();
        if language.primary() != ENGLISH
            && let Some(en) = self.by_tag.get(ENGLISH)
        {
            chain.push(en);
        }
        chain
    }

    /// Whether some catalogue serves `language` (its own, or one for its language alone).
    pub fn serves(&self, language: &Language) -> bool {
        language
            .fallbacks()
            .iter()
            .any(|tag| self.by_tag.contains_key(tag))
    }

    /// The languages there are catalogues for.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.by_tag.keys().map(String::as_str)
    }

    /// A catalogue by its tag.
    pub fn get(&self, tag: &str) -> Option<&Catalogue> {
        self.by_tag.get(tag)
    }

    /// The locale for `language`, made once and shared.
    pub fn locale(&self, language: &Language) -> Arc<Locale> {
        let mut locales = match self.locales.lock() {
            Ok(l) => l,
            Err(poisoned) => poisoned.into_inner(),
        };
        locales
            .entry(language.clone())
            .or_insert_with(|| Arc::new(Locale::new(language, self)))
            .clone()
    }

    /// The portal's own catalogues: their source and keys, for `check`.
    pub fn own(&self) -> impl Iterator<Item = (&Catalogue, &Source, &BTreeSet<String>)> {
        self.by_tag
            .values()
            .filter_map(|c| c.own.as_ref().map(|(s, k)| (c, s, k)))
    }
}

/// Keys English has that `catalogue` (with the catalogues it falls back to before English)
/// lacks, in order.
pub fn missing_keys(catalogues: &Catalogues, catalogue: &Catalogue) -> Vec<String> {
    let Some(en) = catalogues.get(ENGLISH) else {
        return Vec::new();
    };
    let chain = catalogues.chain(catalogue.language());
    en.keys()
        .iter()
        .filter(|k| {
            !chain
                .iter()
                .filter(|c| c.language().as_str() != ENGLISH)
                .any(|c| c.keys().contains(*k))
        })
        .cloned()
        .collect()
}

/// Numbers inside messages, grouped for the bundle's language by ICU4X.
pub(super) fn format_number(
    value: &FluentValue<'_>,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let plain = crate::render::format::plain_number(n.value);
    let decimal: Decimal = plain.parse().ok()?;
    memoizer
        .with_try_get::<NumberFormat, _, _>((), |f| {
            super::true_minus(&f.0.format(&decimal).to_string())
        })
        .ok()
}

/// ICU4X's decimal formatter, kept by Fluent's memoizer per language.
struct NumberFormat(DecimalFormatter);

impl intl_memoizer::Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let language = Language::parse(&lang.to_string()).map_err(|_| ())?;
        DecimalFormatter::try_new((&language.icu_locale()).into(), Default::default())
            .map(NumberFormat)
            .map_err(|_| ())
    }
}
