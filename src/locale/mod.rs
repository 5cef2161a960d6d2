//! The reader's language: every text the theme shows, from a Fluent catalogue, and dates,
//! numbers and money for the locale, from ICU4X's compiled data.
//!
//! A catalogue is a Fluent file (`i18n/<tag>.ftl`) of the theme: the built-in ones for
//! English, German, French, Dutch and Spanish, and any a portal adds or overrides in its
//! own `theme/i18n/`. Plurals are Fluent's (CLDR rules through `intl_pluralrules`); no
//! plural rule is written here.
//!
//! The language of the client being rendered is *ambient*: [`scope`] makes a [`Locale`]
//! current on this thread while one client's views and pages are made, and [`current`]
//! gives it to the formatting helpers, the view code and the templates' `t()` function.
//! Outside a scope (the portfolio, `check`'s messages) the current locale is English.

mod catalogue;
mod language;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{M, MD, YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;

pub use catalogue::{Catalogue, Catalogues, missing_keys};
pub use language::Language;

use crate::model::Date;

/// Whether text runs left to right or right to left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Latin, Cyrillic, Greek, CJK...
    Ltr,
    /// Arabic, Hebrew, Persian, Urdu...
    Rtl,
}

impl Direction {
    fn of(language: &Language) -> Direction {
        if RTL_LANGUAGES.contains(&language.primary()) {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    /// `ltr` or `rtl`, as HTML's `dir` attribute takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Languages written right to left (ISO 639 codes, with their scripts' default).
const RTL_LANGUAGES: [&str; 10] = ["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"];

/// One language's catalogue chain and formatters.
pub struct Locale {
    language: Language,
    direction: Direction,
    /// The most specific catalogue first (`fr-CH`, then `fr`), English last, each with the
    /// direction its language is written in.
    chain: Vec<(FluentBundle<Arc<FluentResource>>, Direction)>,
    /// Every message that needs no argument, formatted once: most of a page's texts are
    /// such labels, and formatting them afresh for each of 58,000 pages showed in profiles.
    plain: HashMap<String, String>,
    /// Tells this locale's dates apart from another's in [`remembered`]'s cache.
    id: u64,
    date_long: DateTimeFormatter<YMD>,
    date_medium: DateTimeFormatter<YMD>,
    day_month: DateTimeFormatter<MD>,
    month_year: Option<DateTimeFormatter<YM>>,
    short_month_year: Option<DateTimeFormatter<YM>>,
    short_month: Option<DateTimeFormatter<M>>,
    decimal: DecimalFormatter,
    /// portico's English writes September `Sep`, as it always has; CLDR's international
    /// English has `Sept`.
    three_letter_sep: bool,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// An argument of a message: text as it is, or a number (selecting the plural form, and
/// shown formatted for the locale).
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// Text, shown as it is.
    Text(std::borrow::Cow<'a, str>),
    /// A number: its plural category picks the form, and it is shown grouped.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s.into())
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(s.into())
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s.as_str().into())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(i64, u64, i32, u32, usize, f64);

impl Locale {
    /// The locale for `language` with its catalogues from `catalogues`.
    pub fn new(language: &Language, catalogues: &Catalogues) -> Locale {
        let icu = language.icu_locale();
        let date_long = DateTimeFormatter::try_new((&icu).into(), YMD::long());
        let date_medium = DateTimeFormatter::try_new((&icu).into(), YMD::medium());
        let day_month = DateTimeFormatter::try_new((&icu).into(), MD::medium());
        let decimal = DecimalFormatter::try_new((&icu).into(), Default::default());
        // Compiled data falls back to the root locale, so these never fail for a valid tag;
        // the English formatters are the fallback of last resort all the same.
        let en: icu_locale_core::Locale = icu_locale_core::locale!("en-001");
        let (date_long, date_medium, day_month, decimal) =
            match (date_long, date_medium, day_month, decimal) {
                (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
                _ => (
                    expect_formatter(DateTimeFormatter::try_new((&en).into(), YMD::long())),
                    expect_formatter(DateTimeFormatter::try_new((&en).into(), YMD::medium())),
                    expect_formatter(DateTimeFormatter::try_new((&en).into(), MD::medium())),
                    expect_formatter(DecimalFormatter::try_new((&en).into(), Default::default())),
                ),
            };
        let month_year = DateTimeFormatter::try_new((&icu).into(), YM::long()).ok();
        let short_month_year = DateTimeFormatter::try_new((&icu).into(), YM::medium()).ok();
        let short_month = DateTimeFormatter::try_new((&icu).into(), M::medium()).ok();
        let chain = catalogues
            .chain(language)
            .into_iter()
            .map(|c| {
                let mut bundle = FluentBundle::new_concurrent(vec![c.langid()]);
                // Isolation marks would change every English page; the theme sets `dir`
                // on the page and `dir="auto"` where user text meets template text.
                bundle.set_use_isolating(false);
                bundle.set_formatter(Some(catalogue::format_number));
                for r in c.resources() {
                    // The portal's file comes after the built-in one and must win: plain
                    // `add_resource` keeps the first of two messages and drops the portal's.
                    // (Duplicates inside one file are reported by `check`.)
                    bundle.add_resource_overriding(r.clone());
                }
                (bundle, Direction::of(c.language()))
            })
            .collect();
        let direction = Direction::of(language);
        let mut locale = Locale {
            language: language.clone(),
            direction,
            chain,
            plain: HashMap::new(),
            id: NEXT_LOCALE_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            date_long,
            date_medium,
            day_month,
            month_year,
            short_month_year,
            short_month,
            decimal,
            three_letter_sep: language.as_str() == "en",
        };
        let keys: BTreeSet<&String> = catalogues
            .chain(language)
            .into_iter()
            .flat_map(|c| c.keys())
            .collect();
        locale.plain = keys
            .into_iter()
            .filter_map(|key| Some((key.clone(), locale.format(key, None)?.ok()?)))
            .collect();
        locale
    }

    /// The language tag, as `<html lang>` takes it.
    pub fn tag(&self) -> &str {
        self.language.as_str()
    }

    /// Left to right or right to left.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The text of `key` with `args`, from the most specific catalogue that has it. An
    /// unknown key shows as itself, so a mistake in a theme is visible, never blank.
    pub fn text(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.lookup(key, args).unwrap_or_else(|| key.to_owned())
    }

    /// The text of `key` with `args`, or `None` when no catalogue of the chain has it.
    pub fn lookup(&self, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        if args.is_empty()
            && let Some(text) = self.plain.get(key)
        {
            return Some(text.clone());
        }
        let fluent_args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                match value {
                    Arg::Text(t) => a.set(*name, FluentValue::from(t.as_ref())),
                    Arg::Number(n) => a.set(*name, FluentValue::from(*n)),
                }
            }
            a
        });
        self.format(key, fluent_args.as_ref())
            .map(|r| r.unwrap_or_else(|text| text))
    }

    /// `key` formatted by the first catalogue of the chain that has it: `Ok` when Fluent
    /// reported nothing, `Err` with the text it made all the same when it did (a message
    /// that wants an argument it was not given).
    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Option<Result<String, String>> {
        let (bundle, direction, pattern) = self.chain.iter().find_map(|(bundle, direction)| {
            let pattern = bundle.get_message(key)?.value()?;
            Some((bundle, direction, pattern))
        })?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        // Punctuation and digits alone (`: `) take the page's direction as they are.
        let words = text.chars().any(char::is_alphabetic);
        let text = if *direction == self.direction || !words {
            text.into_owned()
        } else {
            isolate(&text, *direction)
        };
        Some(if errors.is_empty() {
            Ok(text)
        } else {
            Err(text)
        })
    }

    /// A number for reading: at most two decimals, grouped for the locale, a true minus.
    pub fn number(&self, value: f64) -> String {
        let plain = crate::render::format::plain_number(value);
        self.decimal_text(&plain)
    }

    /// Digits (an integer, or `123.45` with a point) formatted for the locale.
    pub fn decimal_text(&self, plain: &str) -> String {
        match plain.parse::<Decimal>() {
            Ok(d) => true_minus(&self.decimal.format(&d).to_string()),
            Err(_) => plain.to_owned(),
        }
    }

    /// `14 Nov 2026`, `20.11.2026`.
    pub fn short_date(&self, date: Date) -> String {
        remembered(self.id, DateForm::Short, date, || match icu_date(date) {
            Some(d) => self.house(self.date_medium.format(&d).to_string()),
            None => date.to_string(),
        })
    }

    /// `November 2026`, `November 2026` in German too.
    pub fn month_year(&self, date: Date) -> String {
        remembered(self.id, DateForm::MonthYear, date, || {
            match (icu_date(date), &self.month_year) {
                (Some(d), Some(f)) => f.format(&d).to_string(),
                _ => date.naive().format("%B %Y").to_string(),
            }
        })
    }

    /// `Nov 2026`, `11/2026`: a month on a chart's axis.
    pub fn short_month_year(&self, date: Date) -> String {
        remembered(self.id, DateForm::ShortMonthYear, date, || {
            match (icu_date(date), &self.short_month_year) {
                (Some(d), Some(f)) => self.house(f.format(&d).to_string()),
                _ => date.naive().format("%b %Y").to_string(),
            }
        })
    }

    /// `Nov`, `nov.`: a month whose year the axis shows elsewhere.
    pub fn short_month(&self, date: Date) -> String {
        remembered(self.id, DateForm::ShortMonth, date, || {
            match (icu_date(date), &self.short_month) {
                (Some(d), Some(f)) => self.house(f.format(&d).to_string()),
                _ => date.naive().format("%b").to_string(),
            }
        })
    }

    fn house(&self, text: String) -> String {
        if self.three_letter_sep {
            text.replace("Sept", "Sep")
        } else {
            text
        }
    }

    /// `14 November 2026`, `20. November 2026`.
    pub fn long_date(&self, date: Date) -> String {
        remembered(self.id, DateForm::Long, date, || match icu_date(date) {
            Some(d) => self.date_long.format(&d).to_string(),
            None => date.to_string(),
        })
    }

    /// `14 Nov`, `20. Nov.`: a date whose year the reader knows from around it.
    pub fn day_month(&self, date: Date) -> String {
        remembered(self.id, DateForm::DayMonth, date, || match icu_date(date) {
            Some(d) => self.house(self.day_month.format(&d).to_string()),
            None => date.to_string(),
        })
    }
}

/// The forms a date is written in, for [`remembered`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum DateForm {
    Short,
    MonthYear,
    ShortMonthYear,
    ShortMonth,
    Long,
    DayMonth,
}

static NEXT_LOCALE_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// `date` in `form` for locale `id`, formatted once per thread: a client's pages write the
/// same few dozen dates thousands of times, and ICU4X's formatting showed in profiles.
/// Per thread, so the threads never wait for each other; bounded, so a long `serve` does
/// not grow it without end.
fn remembered(id: u64, form: DateForm, date: Date, make: impl FnOnce() -> String) -> String {
    thread_local! {
        static DATES: RefCell<HashMap<(u64, DateForm, Date), String>> =
            RefCell::new(HashMap::new());
    }
    const MAX: usize = 4096;
    DATES.with(|dates| {
        let key = (id, form, date);
        if let Some(text) = dates.borrow().get(&key) {
            return text.clone();
        }
        let text = make();
        let mut dates = dates.borrow_mut();
        if dates.len() >= MAX {
            dates.clear();
        }
        dates.insert(key, text.clone());
        text
    })
}

fn expect_formatter<T, E: std::fmt::Debug>(r: Result<T, E>) -> T {
    match r {
        Ok(t) => t,
        // en-001 is in ICU4X's compiled data; this cannot happen short of a broken build.
        Err(e) => panic!("ICU4X has no English data: {e:?}"),
    }
}

/// A fallback's text (English on an Arabic page) set apart in its own direction with
/// Unicode's isolates, which work in attributes and feeds as well as in HTML: unisolated,
/// the right-to-left page moves its full stop to the front and reads "1 of 3 done" as
/// "of 3 done 1".
fn isolate(text: &str, direction: Direction) -> String {
    let open = match direction {
        Direction::Ltr => '\u{2066}',
        Direction::Rtl => '\u{2067}',
    };
    let mut out = String::with_capacity(text.len() + 6);
    out.push(open);
    out.push_str(text);
    out.push(ISOLATE_END);
    out
}

/// Pop directional isolate, closing [`isolate`]'s mark.
const ISOLATE_END: char = '\u{2069}';

/// `text` without the isolates of [`Locale::lookup`]: for files a consultant edits, where
/// invisible marks only get in the way.
pub fn without_isolates(text: &str) -> String {
    text.replace(['\u{2066}', '\u{2067}', ISOLATE_END], "")
}

/// ICU4X writes a hyphen-minus; pages use the true minus sign (U+2212) in every language.
fn true_minus(s: &str) -> String {
    s.replacen('-', "−", 1)
}

fn icu_date(date: Date) -> Option<icu_datetime::input::Date<icu_calendar::Iso>> {
    use chrono::Datelike;
    let d = date.naive();
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    icu_datetime::input::Date::try_new_iso(d.year(), month, day).ok()
}

/// The built-in catalogues, for outputs that are not a client's (the portfolio, scaffolds).
pub fn builtin_catalogues() -> &'static Catalogues {
    static BUILTIN: OnceLock<Catalogues> = OnceLock::new();
    BUILTIN.get_or_init(Catalogues::builtin)
}

/// English from the built-in catalogue: the locale outside any client's scope.
fn english() -> &'static Arc<Locale> {
    static EN: OnceLock<Arc<Locale>> = OnceLock::new();
    EN.get_or_init(|| Arc::new(Locale::new(&Language::default(), builtin_catalogues())))
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Locale>>> = const { RefCell::new(None) };
}

/// Runs `f` with `locale` current on this thread (see the module's documentation).
pub fn scope<R>(locale: &Arc<Locale>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<Locale>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            CURRENT.with(|c| *c.borrow_mut() = previous);
        }
    }
    let previous = CURRENT.with(|c| c.borrow_mut().replace(locale.clone()));
    let _restore = Restore(previous);
    f()
}

/// The locale current on this thread: the client being rendered, else English.
pub fn current() -> Arc<Locale> {
    CURRENT
        .with(|c| c.borrow().clone())
        .unwrap_or_else(|| english().clone())
}

/// `f` of the current locale, without taking a share of it: every text and number of every
/// page comes through here, and counting shares of one locale from all threads at once
/// showed in profiles. (`f` must not open a [`scope`].)
pub fn with_current<R>(f: impl FnOnce(&Locale) -> R) -> R {
    CURRENT.with(|c| match &*c.borrow() {
        Some(locale) => f(locale),
        None => f(english()),
    })
}

/// The text of `key` in the current locale.
pub fn t(key: &str) -> String {
    with_current(|l| l.text(key, &[]))
}

/// A model's word for a status (`In progress`, `Fixed price`) in the current locale: the
/// catalogue's `label-in-progress`, or the word itself where no catalogue has one (a
/// portal's own rating scale says what it says).
pub fn label(english: &str) -> String {
    let mut key = String::from("label-");
    for c in english.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.ends_with('-') {
            key.push('-');
        }
    }
    let key = key.trim_end_matches('-');
    with_current(|l| l.lookup(key, &[])).unwrap_or_else(|| english.to_owned())
}

/// The text of `key` with arguments in the current locale.
pub fn t_args(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    with_current(|l| l.text(key, args))
}

#[cfg(test)]
mod tests;
