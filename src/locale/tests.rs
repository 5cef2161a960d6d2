use super::*;

fn locale(tag: &str) -> Arc<Locale> {
    builtin_catalogues().locale(&Language::parse(tag).expect("a valid tag"))
}

fn date(s: &str) -> Date {
    s.parse().expect("a valid date")
}

#[test]
fn every_shipped_catalogue_has_every_english_key() {
    let catalogues = builtin_catalogues();
    let tags: Vec<&str> = catalogues.tags().collect();
    assert_eq!(tags, ["de", "en", "es", "fr", "nl"]);
    let english = catalogues.get("en").expect("English").keys();
    assert!(english.len() > 300, "{}", english.len());
    for tag in tags {
        let catalogue = catalogues.get(tag).expect("listed");
        let missing: Vec<&String> = english
            .iter()
            .filter(|k| !catalogue.keys().contains(*k))
            .collect();
        assert!(missing.is_empty(), "{tag}.ftl lacks {missing:?}");
        let extra: Vec<&String> = catalogue
            .keys()
            .iter()
            .filter(|k| !english.contains(*k))
            .collect();
        assert!(
            extra.is_empty(),
            "{tag}.ftl has keys English lacks: {extra:?}"
        );
    }
}

#[test]
fn every_shipped_message_formats_without_errors() {
    let catalogues = builtin_catalogues();
    for tag in catalogues.tags() {
        let l = locale(tag);
        for (bundle, _) in &l.chain {
            for key in catalogues.get(tag).expect("listed").keys() {
                let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                    continue;
                };
                // Every variable a message may use, as a number: selectors need one.
                let mut args = FluentArgs::new();
                for name in [
                    "n", "at", "of", "done", "total", "met", "quarter", "year", "sign",
                ] {
                    args.set(name, 2);
                }
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, Some(&args), &mut errors);
                let real: Vec<_> = errors
                    .iter()
                    .filter(|e| !format!("{e:?}").contains("Reference(Variable"))
                    .collect();
                assert!(real.is_empty(), "{tag} {key}: {real:?}");
            }
        }
    }
}

#[test]
fn plurals_follow_each_languages_rules() {
    let days = |tag: &str, n: u64| locale(tag).text("days", &[("n", n.into())]);
    assert_eq!(days("en", 1), "1 day");
    assert_eq!(days("en", 2), "2 days");
    assert_eq!(days("de", 1), "1 Tag");
    assert_eq!(days("de", 2), "2 Tage");
    // French counts 0 and 1 as singular.
    assert_eq!(days("fr", 0), "0 jour");
    assert_eq!(days("fr", 1), "1 jour");
    assert_eq!(days("fr", 2), "2 jours");
    assert_eq!(days("es", 1), "1 día");
    assert_eq!(days("nl", 12_419), "12.419 dagen");
    // Numbers inside messages are grouped for the language by ICU4X.
    assert_eq!(days("en", 12_419), "12,419 days");
    assert_eq!(days("de", 12_419), "12.419 Tage");
    assert_eq!(days("fr", 12_419), "12\u{202f}419 jours");
}

#[test]
fn numbers_percentages_and_money_for_the_locale() {
    use crate::model::{Currency, Money};
    use crate::render::format;
    let eur: Currency = serde_yaml::from_str("EUR").expect("a currency");
    let cases = [
        ("en", "117,500", "€117,500", "66.9%", "−1,250.5"),
        ("de", "117.500", "117.500\u{a0}€", "66,9\u{a0}%", "−1.250,5"),
        (
            "fr",
            "117\u{202f}500",
            "117\u{202f}500\u{a0}€",
            "66,9\u{202f}%",
            "−1\u{202f}250,5",
        ),
        ("nl", "117.500", "€\u{a0}117.500", "66,9%", "−1.250,5"),
        ("es", "117.500", "117.500\u{a0}€", "66,9\u{a0}%", "−1250,5"),
    ];
    for (tag, number, money, percent, negative) in cases {
        scope(&locale(tag), || {
            assert_eq!(format::number(117_500.0), number, "{tag}");
            assert_eq!(
                format::money(Money::from_units(117_500), Some(&eur)),
                money,
                "{tag}"
            );
            assert_eq!(format::percent(66.9), percent, "{tag}");
            assert_eq!(format::number(-1250.5), negative, "{tag}");
        });
    }
    scope(&locale("de"), || {
        assert_eq!(
            format::money_compact(Money::from_units(1_250_000), Some(&eur)),
            "1,3\u{a0}Mio.\u{a0}€"
        );
    });
}

#[test]
fn dates_for_the_locale() {
    let d = date("2026-11-20");
    assert_eq!(locale("en").long_date(d), "20 November 2026");
    assert_eq!(locale("en").short_date(d), "20 Nov 2026");
    assert_eq!(locale("en-US").short_date(d), "Nov 20, 2026");
    assert_eq!(locale("de").long_date(d), "20. November 2026");
    assert_eq!(locale("fr").long_date(d), "20 novembre 2026");
    assert_eq!(locale("es").long_date(d), "20 de noviembre de 2026");
    // portico's English keeps its three-letter September.
    assert_eq!(locale("en").short_date(date("2026-09-06")), "6 Sep 2026");
}

#[test]
fn a_region_falls_back_to_its_language_then_english() {
    let swiss = locale("fr-CH");
    assert_eq!(swiss.text("nav-reports", &[]), "Rapports");
    assert_eq!(swiss.tag(), "fr-CH");
    let portuguese = locale("pt-BR");
    assert_eq!(portuguese.text("nav-reports", &[]), "Reports");
    assert!(!builtin_catalogues().serves(&Language::parse("pt-BR").expect("valid")));
    assert_eq!(locale("ar").direction(), Direction::Rtl);
    assert_eq!(locale("he").direction(), Direction::Rtl);
    assert_eq!(locale("de").direction(), Direction::Ltr);
}

#[test]
fn tags_are_checked() {
    assert_eq!(Language::parse("pt-br").expect("valid").as_str(), "pt-BR");
    for bad in ["", "en_GB", "de.UTF-8", "english!", "x"] {
        assert!(Language::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn outside_a_scope_the_locale_is_english() {
    assert_eq!(t("nav-raid"), "Risks & decisions");
    let german = locale("de");
    assert_eq!(scope(&german, || t("nav-raid")), "Risiken & Entscheidungen");
    assert_eq!(t("nav-raid"), "Risks & decisions");
    assert_eq!(scope(&german, || label("In progress")), "In Arbeit");
    assert_eq!(label("Amber/green"), "Amber/green");
}
