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
    /// Create a new portal folder with one sample client.
    #[command(after_help = "Example:\n  portico init my-portal --agency \"Larchmere Advisory\"")]
    Init(InitArgs),
    /// Add a client, or a pre-filled status report.
    #[command(subcommand)]
    New(NewCommand),
    /// Work with the theme.
    #[command(subcommand)]
    Theme(ThemeCommand),
    /// Print a link that opens a protected client's built portal without its password.
    #[command(
        after_help = "Example:\n  ACME_PORTAL_PASSWORD=... portico share acme\n\nAnyone holding the link can read the portal: send it as you would the password."
    )]
    Share(ShareArgs),
    /// Write JSON Schemas of every input file, for validation and completion in editors.
    #[command(after_help = "Example:\n  portico schema --out my-portal/schemas")]
    Schema(SchemaArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  portico completions bash > ~/.local/share/bash-completion/completions/portico\n  portico completions zsh > ~/.zfunc/_portico"
    )]
    Completions(CompletionsArgs),
}

/// Arguments of `portico init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create (or an empty one to fill).
    pub dir: PathBuf,
    /// Your consultancy's name, shown in every page footer.
    #[arg(long, default_value = "Your Consultancy")]
    pub agency: String,
}

/// What `portico new` creates.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Add clients/SLUG/ with every file, commented to be filled in.
    #[command(after_help = "Example:\n  portico new client acme --name \"Acme Logistics GmbH\"")]
    Client(NewClientArgs),
    /// Add a status report pre-filled from the client's data.
    #[command(
        after_help = "Example:\n  portico new report acme\n  portico new report acme --date 2026-11-27 --portal my-portal"
    )]
    Report(NewReportArgs),
}

/// Arguments of `portico new client`.
#[derive(Debug, Args)]
pub struct NewClientArgs {
    /// Folder name and web address of the client: lowercase letters, digits, hyphens.
    pub slug: String,
    /// The client's name [default: from the slug].
    #[arg(long)]
    pub name: Option<String>,
    /// The portal folder.
    #[arg(long, default_value = ".")]
    pub portal: PathBuf,
}

/// Arguments of `portico new report`.
#[derive(Debug, Args)]
pub struct NewReportArgs {
    /// The client's folder name.
    pub client: String,
    /// Report date [default: today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// The portal folder.
    #[arg(long, default_value = ".")]
    pub portal: PathBuf,
}

/// What `portico theme` does.
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// Copy the built-in theme into the portal to customise it; existing files are kept.
    #[command(
        after_help = "Example:\n  portico theme eject\n  portico theme eject --portal my-portal --to my-portal/themes/brand"
    )]
    Eject(EjectArgs),
}

/// Arguments of `portico theme eject`.
#[derive(Debug, Args)]
pub struct EjectArgs {
    /// The portal folder.
    #[arg(long, default_value = ".")]
    pub portal: PathBuf,
    /// Where to copy the theme [default: PORTAL/theme].
    #[arg(long)]
    pub to: Option<PathBuf>,
}

/// Arguments of `portico share`.
#[derive(Debug, Args)]
pub struct ShareArgs {
    /// The client's folder name.
    pub client: String,
    /// The portal folder.
    #[arg(long, default_value = ".")]
    pub portal: PathBuf,
    /// The built output [default: PORTAL/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Arguments of `portico schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Folder to write the schemas into.
    #[arg(long, default_value = "schemas")]
    pub out: PathBuf,
}

/// Arguments of `portico completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
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
    /// Build only this client (repeatable); the others' output stays as it was.
    #[arg(long = "client", value_name = "SLUG")]
    pub clients: Vec<String>,
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
        Command::Init(args) => init(&args, color),
        Command::New(NewCommand::Client(args)) => new_client(&args, color),
        Command::New(NewCommand::Report(args)) => new_report(&args, color),
        Command::Theme(ThemeCommand::Eject(args)) => eject(&args, color),
        Command::Schema(args) => schema(&args, color),
        Command::Share(args) => share(&args, color),
        Command::Completions(args) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut command, "portico", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

fn share(args: &ShareArgs, color: bool) -> ExitCode {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.portal.join(crate::build::DEFAULT_OUT));
    match crate::build::share_link(&args.portal, &out, &args.client) {
        Ok(crate::build::ShareLink::Full(link)) => {
            println!("{link}");
            eprintln!("Anyone with this link can read the portal until its passwords change.");
            ExitCode::SUCCESS
        }
        Ok(crate::build::ShareLink::Fragment { fragment, folder }) => {
            println!("{fragment}");
            eprintln!(
                "portico does not know this portal's address, so this is only the end of the link.\n\
                 Put it after the address of the portal's first page, e.g.\n  \
                 https://portals.your-consultancy.example/{folder}/{fragment}\n\
                 (set deploy.base_url in clients/{}/client.yaml, or base_url in portico.yaml, and\n\
                 `portico share` prints the whole link). Anyone with the link can read the portal\n\
                 until its passwords change.",
                args.client
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, color, ""),
    }
}

fn schema(args: &SchemaArgs, color: bool) -> ExitCode {
    match crate::schema::write_all(&args.out) {
        Ok(written) => {
            for p in &written {
                println!("  wrote {}", p.display());
            }
            println!(
                "Add `# yaml-language-server: $schema=<path to the schema>` as the first line of a file."
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, color, ""),
    }
}

fn list_written(paths: &[PathBuf]) {
    for p in paths {
        println!("  created {}", p.display());
    }
}

fn init(args: &InitArgs, color: bool) -> ExitCode {
    match crate::scaffold::init(&args.dir, &args.agency, crate::build::today()) {
        Ok(written) => {
            list_written(&written);
            let dir = args.dir.display();
            println!(
                "New portal in {dir}. Next:\n  portico serve {dir} --open\n  portico new client <slug> --portal {dir}"
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, color, ""),
    }
}

fn new_client(args: &NewClientArgs, color: bool) -> ExitCode {
    match crate::scaffold::new_client(
        &args.portal,
        &args.slug,
        args.name.as_deref(),
        crate::build::today(),
    ) {
        Ok(written) => {
            list_written(&written);
            println!(
                "Fill in clients/{}/client.yaml, then `portico new report {}`.",
                args.slug, args.slug
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, color, ""),
    }
}

fn new_report(args: &NewReportArgs, color: bool) -> ExitCode {
    let date = args.date.unwrap_or_else(crate::build::today);
    match crate::scaffold::new_report(&args.portal, &args.client, date) {
        Ok(path) => {
            println!("  created {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, color, ""),
    }
}

fn eject(args: &EjectArgs, color: bool) -> ExitCode {
    match crate::scaffold::eject_theme(&args.portal, args.to.as_deref()) {
        Ok(ejected) => {
            list_written(&ejected.written);
            for kept in &ejected.kept {
                println!("  kept    {} (already there)", kept.display());
            }
            println!(
                "Edit any of these; delete one to go back to the built-in version of that file."
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, color, ""),
    }
}

fn serve(args: ServeArgs, color: bool) -> ExitCode {
    let options = crate::serve::ServeOptions {
        portal: args.portal,
        bind: args.bind,
        port: args.port,
        as_of: args.as_of,
        poll: args.poll,
        stop_on_signals: true,
        ..Default::default()
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
        clients: args.clients,
    };
    let result = crate::build(&options);
    if let Ok(built) = &result {
        for leftover in &built.leftovers {
            eprintln!("warning: {leftover}");
        }
    }
    match result {
        Ok(built) if built.clients.is_empty() => {
            println!(
                "Nothing changed since the last build: {} is up to date ({:.2} s)",
                built.out.display(),
                built.elapsed.as_secs_f64()
            );
            ExitCode::SUCCESS
        }
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
        // Said only of what fails before the swap, which is everything but this.
        Err(e @ Error::SwapIncomplete { .. }) => fail(&e, color, ""),
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
