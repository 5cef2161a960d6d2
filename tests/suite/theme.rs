//! A portal's `theme/` folder overrides single theme files; its mistakes point at its files.

use crate::common::{TempPortal, describe, fixture};

#[test]
fn a_portal_overrides_one_template_and_keeps_the_rest() {
    let portal = TempPortal::copy_of(&fixture("reports"));
    portal.write(
        "theme/templates/reports.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Weekly notes for {{ client.name }}</h1>{% endblock content %}",
    );
    portal.write("theme/static/extra.css", "body { color: black; }\n");
    portal.build();
    let index = std::fs::read_to_string(portal.out().join("acme/reports/index.html")).unwrap();
    assert!(
        index.contains("<h1>Weekly notes for Acme Ltd</h1>"),
        "{index}"
    );
    assert!(
        index.contains("<nav class=\"wrap sections\""),
        "base.html still comes from the default"
    );
    let report =
        std::fs::read_to_string(portal.out().join("acme/reports/2026-10-16/index.html")).unwrap();
    assert!(
        report.contains("Survey slipping"),
        "report.html still comes from the default"
    );
    assert!(portal.out().join("acme/assets/extra.css").is_file());
}

#[test]
fn a_template_error_names_the_override_file_and_line() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "theme/templates/dashboard.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ client.name </p>\n{% endblock content %}\n",
    );
    let err = portal.build_err();
    let portico::Error::Invalid(diagnostics) = &err else {
        panic!("{err}")
    };
    assert_eq!(diagnostics.len(), 1, "{}", describe(&err));
    let d = &diagnostics[0];
    assert_eq!(d.code, portico::Code::Template);
    assert_eq!(d.file.as_deref(), Some("theme/templates/dashboard.html"));
    assert_eq!(d.span.map(|s| s.line), Some(3), "{d}");
    assert!(!portal.out().exists());
}

#[test]
fn a_template_using_unknown_data_fails_at_check_time() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "theme/templates/dashboard.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ client.nickname }}\n{% endblock content %}\n",
    );
    let err = portico::check_portal(portal.path(), None).unwrap_err();
    let text = describe(&err);
    assert!(text.contains("theme/templates/dashboard.html:3:"), "{text}");
}

#[test]
fn the_accent_colour_comes_with_readable_text() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "clients/acme/client.yaml",
        "name: Acme Ltd\nbranding:\n  accent: \"#ffd23f\"\n",
    );
    portal.build();
    let css = std::fs::read_to_string(portal.out().join("acme/assets/client.css")).unwrap();
    assert!(css.contains("--accent: #ffd23f;"), "{css}");
    assert!(
        css.contains("--on-accent: #000000;"),
        "yellow needs black text: {css}"
    );
}

#[test]
fn a_named_theme_sits_between_the_default_and_the_override() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write(
        "portico.yaml",
        "agency:\n  name: Test Advisory\ntheme: brand\n",
    );
    portal.write("themes/brand/static/portico.css", "/* brand */\n");
    portal.write("themes/brand/static/brand.css", "/* brand extra */\n");
    portal.write("theme/static/brand.css", "/* portal override */\n");
    portal.build();
    let read = |p: &str| std::fs::read_to_string(portal.out().join(p)).unwrap();
    assert_eq!(read("acme/assets/portico.css"), "/* brand */\n");
    assert_eq!(read("acme/assets/brand.css"), "/* portal override */\n");
}

#[test]
fn symlinks_in_a_theme_are_refused() {
    let portal = TempPortal::copy_of(&fixture("minimal"));
    portal.write("theme/static/real.css", "/* real */\n");
    std::os::unix::fs::symlink("real.css", portal.path().join("theme/static/alias.css")).unwrap();
    let err = portal.build_err();
    let portico::Error::Invalid(diagnostics) = &err else {
        panic!("{err}")
    };
    assert_eq!(diagnostics.len(), 1, "{}", describe(&err));
    assert_eq!(diagnostics[0].code, portico::Code::Symlink);
    assert_eq!(
        diagnostics[0].file.as_deref(),
        Some("theme/static/alias.css")
    );
}

#[test]
fn english_standing_in_on_a_right_to_left_page_keeps_its_own_direction() {
    // The Arabic catalogue lacks `nothing-waiting`: its English stands in, isolated as
    // left to right, or the page shows ".Nothing is waiting for you: ... side".
    let portal = TempPortal::copy_of(&fixture("warnings/missing-translation--arabic-catalogue"));
    portal.build();
    let page = std::fs::read_to_string(portal.out().join("noor/index.html")).unwrap();
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\""), "{page}");
    assert!(
        page.contains("\u{2066}Nothing is waiting for you: no sign-off, decision or input is due from your side.\u{2069}"),
        "{page}"
    );
    // The catalogue's own words are not marked.
    assert!(page.contains(">بانتظاركم<"), "{page}");
}
