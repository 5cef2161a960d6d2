//! Cargo build script: rebuild when the embedded default theme changes.
//!
//! `include_dir!` reads `themes/default` at compile time but does not tell Cargo about the
//! files, so without this an edited or added template would be silently left out.

fn main() {
    println!("cargo:rerun-if-changed=themes/default/templates");
    println!("cargo:rerun-if-changed=themes/default/static");
    println!("cargo:rerun-if-changed=themes/default/i18n");
}
