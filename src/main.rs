//! The `portico` command. Everything happens in the library; this only hands over.

use std::process::ExitCode;

use clap::Parser;

// A build allocates and frees many short strings per page (template output, Markdown,
// escaping); glibc's allocator spent a fifth of the build's time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    portico::cli::run(portico::cli::Cli::parse())
}
