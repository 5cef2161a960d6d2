//! The `portico` command. Everything happens in the library; this only hands over.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    portico::cli::run(portico::cli::Cli::parse())
}
