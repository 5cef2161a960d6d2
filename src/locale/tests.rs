use super::*;

fn locale(tag: &str) -> Arc<Locale> {
    builtin_catalogues().locale(&Language::parse(tag).unwrap())
}

#[test]
fn placeholder() {
    assert_eq!(locale("en").text("nav-raid", &[]), "Risks & decisions");
}
