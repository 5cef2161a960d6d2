//! The command line: clap definitions and the edge that prints results and picks exit codes.
//!
//! Each command turns its arguments into library options, calls the library, and prints.
//! This is the only module that writes to the terminal. Exit codes: 0 success, 1 the portal
//! has errors (or warnings under `--deny-warnings`) or the build failed, 2 bad usage (clap).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Diagnostic;
use crate::emit;
use crate::error::Error;
use crate::model::Date;

/// Static client portals for consultants, from YAML and Markdown.
#[derive(Debug, Parser)]
#[command(name = "portico", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
}

/// Whether to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When standard error is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render every client's portal into the output folder.
    #[command(
        after_help = "Example:\n  portico build example-portal\n  portico build . --out /tmp/site --as-of 2026-11-20"
    )]
    Build(BuildArgs),
    /// Preview every client's portal locally; rebuilds and reloads the browser on each change.
    #[command(
        after_help = "Example:\n  portico serve example-portal --open\n  portico serve . --port 4001"
    )]
    Serve(ServeArgs),
    /// Validate the portal and report every problem, writing nothing.
    #[command(
        after_help = "Example:\n  portico check example-portal\n  portico check . --format json --deny-warnings"
    )]
    Check(CheckArgs),
}

/// Arguments of `portico build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The portal folder (the one holding portico.yaml).
    #[arg(default_value = ".")]
    pub portal: PathBuf,
    /// Output folder [default: PORTAL/public].
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Date for overdue and "days late" facts [default: each client's latest report date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Arguments of `portico serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The portal folder (the one holding portico.yaml).
    #[arg(default_value = ".")]
    pub portal: PathBuf,
    /// Port to listen on.
    #[arg(long, short, default_value_t = 4000)]
    pub port: u16,
    /// Address to listen on. The default keeps the preview on this machine.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Poll for changes instead of using file-system notifications (network drives,
    /// containers).
    #[arg(long)]
    pub poll: bool,
    /// Date for overdue and "days late" facts [default: each client's latest report date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Arguments of `portico check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The portal folder (the one holding portico.yaml).
    #[arg(default_value = ".")]
    pub portal: PathBuf,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with status 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Date for overdue and "days late" facts [default: each client's latest report date].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source lines with carets, for people.
    Human,
    /// One JSON object per line, for scripts and CI.
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
        .map_err(|e: crate::model::DateError| e.to_string())
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Build(args) => build(args, color),
        Command::Check(args) => check(args, color),
        Command::Serve(args) => serve(args, color),
    }
}

fn serve(args: ServeArgs, color: bool) -> ExitCode {
    let options = crate::serve::ServeOptions {
        portal: args.portal,
        bind: args.bind,
        port: args.port,
        as_of: args.as_of,
        poll: args.poll,
    };
    let report = move |rebuilt: &crate::serve::site::Rebuilt| {
        print_diagnostics(&rebuilt.problems, color);
        let errors = rebuilt.problems.iter().filter(|d| d.is_error()).count();
        let outcome = match errors {
            0 => "rebuilt".to_owned(),
            n => format!(
                "{n} error{}; still showing the last good pages of",
                if n == 1 { "" } else { "s" }
            ),
        };
        eprintln!(
            "{outcome} {} in {} ms",
            rebuilt.scope,
            rebuilt.elapsed.as_millis()
        );
    };
    let server = match crate::serve::Server::start(&options, Box::new(report)) {
        Ok(s) => s,
        Err(e) => return fail(&e, color, ""),
    };
    let first = server.first_build();
    print_diagnostics(&first.problems, color);
    let url = format!("http://{}/", server.addr());
    if !server.addr().ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, so other machines can see every client's portal",
            server.addr().ip()
        );
    }
    println!(
        "Serving the preview at {url} (built in {} ms). Ctrl-C to stop.",
        first.elapsed.as_millis()
    );
    if args.open {
        if let Err(e) = opener::open(&url) {
            eprintln!("could not open a browser: {e}");
        }
    }
    match server.run_until_interrupted() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e, color, ""),
    }
}

fn build(args: BuildArgs, color: bool) -> ExitCode {
    let options = crate::BuildOptions {
        portal: args.portal,
        out: args.out,
        as_of: args.as_of,
    };
    match crate::build(&options) {
        Ok(built) => {
            print_diagnostics(&built.warnings, color);
            let clients = built.clients.len();
            println!(
                "Built {clients} client portal{} ({} pages, {} files) into {} in {:.2} s",
                if clients == 1 { "" } else { "s" },
                built.pages,
                built.files,
                built.out.display(),
                built.elapsed.as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(
            &e,
            color,
            "nothing was written; the previous output is unchanged",
        ),
    }
}

fn check(args: CheckArgs, color: bool) -> ExitCode {
    let result = crate::check_portal(&args.portal, args.as_of);
    let (diagnostics, failed) = match &result {
        Ok(warnings) => (
            warnings.as_slice(),
            args.deny_warnings && !warnings.is_empty(),
        ),
        Err(Error::Invalid(all)) => (all.as_slice(), true),
        Err(e) => return fail(e, color, ""),
    };
    match args.format {
        Format::Json => print!("{}", emit::json(diagnostics)),
        Format::Human => {
            print_diagnostics(diagnostics, color);
            if failed {
                let summary = match &result {
                    Err(e) => e.to_string(),
                    Ok(_) => "warnings denied".to_owned(),
                };
                eprintln!("{}: {summary}", args.portal.display());
            } else {
                eprintln!(
                    "{}: no errors{}",
                    args.portal.display(),
                    match diagnostics.len() {
                        0 => String::new(),
                        1 => ", 1 warning".to_owned(),
                        n => format!(", {n} warnings"),
                    }
                );
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic], color: bool) {
    if !diagnostics.is_empty() {
        eprint!("{}", emit::human(diagnostics, color));
    }
}

fn fail(error: &Error, color: bool, consequence: &str) -> ExitCode {
    if let Error::Invalid(diagnostics) = error {
        print_diagnostics(diagnostics, color);
    }
    if consequence.is_empty() {
        eprintln!("error: {error}");
    } else {
        eprintln!("error: {error}; {consequence}");
    }
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
