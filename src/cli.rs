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
use crate::progress::{Progress, Silent};

mod bar;

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
    /// Write the internal portfolio: every client on one page, internal items included.
    #[command(
        after_help = "Example:\n  portico portfolio example-portal\n  portico portfolio . --out ~/portfolio --as-of 2026-11-23\n\nThe portfolio is for you, never for a client: it is never part of `portico build`'s output."
    )]
    Portfolio(PortfolioArgs),
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
    /// The portals' language, a BCP 47 tag (de, fr, nl, es, fr-CH...): portico.yaml's
    /// `language:`, and the sample's headings.
    #[arg(long, default_value = "en", value_parser = crate::locale::Language::parse)]
    pub language: crate::locale::Language,
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
    /// Date pages state their facts as of [default: `as_of:` in portico.yaml, else
    /// SOURCE_DATE_EPOCH, else today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Build only this client (repeatable); the others' output stays as it was.
    #[arg(long = "client", value_name = "SLUG")]
    pub clients: Vec<String>,
    /// Print every warning in full (by default more than ten are summarised by code).
    #[arg(long, short, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Print errors only: no warnings, no progress bar, no result line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Include draft reports under a "Draft" banner: a preview for the client's sign-off.
    /// Needs --out, a folder other than the one you deploy.
    #[arg(long)]
    pub drafts: bool,
    /// Build part I of N: a fixed share of the clients (by a hash of the folder name), for
    /// N CI jobs in parallel; the output holds only this shard's clients.
    #[arg(long, value_name = "I/N", conflicts_with = "clients")]
    pub shard: Option<crate::build::Shard>,
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
    /// Date pages state their facts as of [default: `as_of:` in portico.yaml, else
    /// SOURCE_DATE_EPOCH, else today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
}

/// Arguments of `portico portfolio`.
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// The portal folder (the one holding portico.yaml).
    #[arg(default_value = ".")]
    pub portal: PathBuf,
    /// Output folder [default: PORTAL/portfolio]; never inside a build's output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Date everything is judged against [default: `as_of:` in portico.yaml, else today].
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
    /// Date pages state their facts as of [default: `as_of:` in portico.yaml, else
    /// SOURCE_DATE_EPOCH, else today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Show only problems with this code, e.g. change-undecided (repeatable); only they
    /// decide the exit status.
    #[arg(long = "code", value_name = "CODE", value_parser = parse_code)]
    pub codes: Vec<crate::Code>,
    /// Show only problems in this client's files (repeatable); only they decide the exit
    /// status.
    #[arg(long = "client", value_name = "SLUG")]
    pub clients: Vec<String>,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source lines with carets, for people.
    Human,
    /// One JSON object per line, for scripts and CI.
    Json,
}

fn parse_code(s: &str) -> Result<crate::Code, String> {
    crate::Code::parse(s).ok_or_else(|| {
        let names = crate::Code::ALL.iter().map(|c| c.as_str());
        match crate::diagnostic::did_you_mean(s, names) {
            Some(closest) => format!("no problem has the code `{s}`; did you mean `{closest}`?"),
            None => format!(
                "no problem has the code `{s}`; the README's \"Errors and warnings\" lists every code"
            ),
        }
    })
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
        Command::Portfolio(args) => portfolio(args, color),
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
    match crate::scaffold::init(
        &args.dir,
        &args.agency,
        &args.language,
        crate::build::today(),
    ) {
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
    let portal = options.portal.clone();
    let report = move |rebuilt: &crate::serve::site::Rebuilt| {
        // The background builds report every client at once: as long as a build's list.
        print_problems(&rebuilt.problems, color, Warnings::Summary, &portal);
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
    print_problems(&first.problems, color, Warnings::Summary, &options.portal);
    let url = format!("http://{}/", server.addr());
    if !server.addr().ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, so other machines can see every client's portal",
            server.addr().ip()
        );
    }
    println!(
        "Serving the preview at {url} (ready in {} ms; each client is built when first opened, the others in the background). Ctrl-C to stop.",
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
    let warnings = match (args.verbose, args.quiet) {
        (true, _) => Warnings::Full,
        (_, true) => Warnings::None,
        _ => Warnings::Summary,
    };
    let options = crate::BuildOptions {
        portal: args.portal,
        out: args.out,
        as_of: args.as_of,
        clients: args.clients,
        drafts: args.drafts,
        shard: args.shard,
    };
    let progress = progress_bar(args.quiet);
    let result = crate::build_with(&options, &*progress);
    // About the disk, not the portal's content, and likely to need a hand: said even
    // under --quiet.
    if let Ok(built) = &result {
        for leftover in &built.leftovers {
            eprintln!("warning: {leftover}");
        }
    }
    match result {
        Ok(_) if args.quiet => ExitCode::SUCCESS,
        // A removed client changes the output even when no other client was rebuilt.
        Ok(built) if built.clients.is_empty() && built.removed == 0 => {
            println!(
                "Nothing changed since the last build: {} is up to date ({:.2} s)",
                built.out.display(),
                built.elapsed.as_secs_f64()
            );
            if let Some(line) = drafts_line(&built.drafts_left_out) {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Ok(built) => {
            print_problems(&built.warnings, color, warnings, &options.portal);
            println!("{}", result_line(&built));
            if let Some(line) = drafts_line(&built.drafts_left_out) {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(e @ Error::Invalid(_)) => {
            if let Error::Invalid(problems) = &e {
                print_problems(problems, color, warnings, &options.portal);
            }
            eprintln!("error: {e}; nothing was written; the previous output is unchanged");
            ExitCode::FAILURE
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

/// What a build left out as drafts: never a silent skip.
fn drafts_line(drafts: &[String]) -> Option<String> {
    let shown: Vec<&str> = drafts.iter().take(3).map(String::as_str).collect();
    let more = drafts.len().saturating_sub(shown.len());
    (!drafts.is_empty()).then(|| {
        format!(
            "Left out {} (`draft: true`, not published): {}{}. Preview with `portico serve`, or `portico build --drafts --out preview` for the client's sign-off.",
            // Reports, or minutes too: a noun that fits every item listed.
            emit::count(
                drafts.len(),
                if drafts.iter().all(|d| d.ends_with(".md")) {
                    "draft report"
                } else {
                    "draft"
                }
            ),
            shown.join(", "),
            if more > 0 { format!(" and {more} more") } else { String::new() }
        )
    })
}

/// `Built 1,000 client portals (57,000 pages; 3 rebuilt, 997 unchanged) into public in
/// 0.41 s`: what the output holds now, and how much of it this build wrote.
fn result_line(built: &crate::BuildReport) -> String {
    let rebuilt = built.clients.len();
    let total = rebuilt + built.unchanged + built.not_selected;
    let pages = built.pages_in_output.unwrap_or(built.pages);
    let mut parts = vec![emit::count(pages, "page")];
    let mut work = Vec::new();
    if built.unchanged + built.not_selected + built.removed > 0 {
        work.push(format!("{} rebuilt", emit::thousands(rebuilt)));
    }
    if built.unchanged > 0 {
        work.push(format!("{} unchanged", emit::thousands(built.unchanged)));
    }
    if built.not_selected > 0 {
        work.push(format!(
            "{} not selected",
            emit::thousands(built.not_selected)
        ));
    }
    if built.removed > 0 {
        work.push(format!("{} removed", emit::thousands(built.removed)));
    }
    if !work.is_empty() {
        parts.push(work.join(", "));
    }
    format!(
        "Built {} ({}) into {} in {:.2} s",
        emit::count(total, "client portal"),
        parts.join("; "),
        built.out.display(),
        built.elapsed.as_secs_f64()
    )
}

/// A progress bar when standard error is a terminal and the user has not asked for quiet;
/// otherwise nothing is drawn.
fn progress_bar(quiet: bool) -> Box<dyn Progress> {
    if quiet || !std::io::stderr().is_terminal() {
        Box::new(Silent)
    } else {
        Box::new(bar::Bar::new(bar::Bar::delay_from_env()))
    }
}

fn portfolio(args: PortfolioArgs, color: bool) -> ExitCode {
    let options = crate::portfolio::PortfolioOptions {
        portal: args.portal,
        out: args.out,
        as_of: args.as_of,
    };
    match crate::portfolio::portfolio(&options) {
        Ok(report) => {
            if report.clients_with_errors > 0 {
                eprintln!(
                    "warning: {} client{} with errors in {} files (`portico check` lists them); listed with their errors counted",
                    report.clients_with_errors,
                    if report.clients_with_errors == 1 {
                        ""
                    } else {
                        "s"
                    },
                    if report.clients_with_errors == 1 {
                        "its"
                    } else {
                        "their"
                    },
                );
            }
            println!(
                "Wrote the portfolio of {} client{} as of {} ({} pages) into {} in {:.2} s. It is internal: never send or publish it.",
                report.clients,
                if report.clients == 1 { "" } else { "s" },
                report.as_of,
                report.pages,
                report.out.display(),
                report.elapsed.as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e, color, ""),
    }
}

fn check(args: CheckArgs, color: bool) -> ExitCode {
    if let Err(e) = crate::build::known_clients(&args.portal, &args.clients) {
        return fail(&e, color, "");
    }
    let progress = match args.format {
        Format::Human => progress_bar(false),
        Format::Json => Box::new(Silent),
    };
    let result = crate::check_portal_with(&args.portal, args.as_of, &*progress);
    let (all, failed_before) = match result {
        Ok(warnings) => (warnings, None),
        Err(Error::Invalid(all)) => (all, Some(())),
        Err(e) => return fail(&e, color, ""),
    };
    let shown: Vec<Diagnostic> = all
        .into_iter()
        .filter(|d| args.codes.is_empty() || args.codes.contains(&d.code))
        .filter(|d| args.clients.is_empty() || crate::build::concerns(d, &args.clients))
        .collect();
    let errors = shown.iter().filter(|d| d.is_error()).count();
    let warnings = shown.iter().filter(|d| d.is_warning()).count();
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    let filtered = !args.codes.is_empty() || !args.clients.is_empty();
    match args.format {
        Format::Json => print!("{}", emit::json(&shown)),
        Format::Human => {
            print_diagnostics(&shown, color);
            let what = if filtered { " (of those shown)" } else { "" };
            let portal = args.portal.display();
            if errors > 0 {
                eprintln!(
                    "{portal}: {}{}{what}",
                    emit::count(errors, "error"),
                    match warnings {
                        0 => String::new(),
                        n => format!(", {}", emit::count(n, "warning")),
                    }
                );
            } else if failed {
                eprintln!("{portal}: warnings denied{what}");
            } else {
                eprintln!(
                    "{portal}: no errors{}{what}",
                    match warnings {
                        0 => String::new(),
                        n => format!(", {}", emit::count(n, "warning")),
                    }
                );
            }
            // The portal as a whole fails, but not in what was asked about.
            if failed_before.is_some() && !failed {
                eprintln!("(other problems outside the filters stop a build)");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// How many of a build's warnings to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Warnings {
    /// Every one in full.
    Full,
    /// In full up to [`emit::FULL_WARNINGS`], else a summary by code.
    Summary,
    /// None.
    None,
}

/// Prints errors in full, always, and warnings as asked.
fn print_problems(
    problems: &[Diagnostic],
    color: bool,
    warnings: Warnings,
    portal: &std::path::Path,
) {
    let (errors, rest): (Vec<Diagnostic>, Vec<Diagnostic>) =
        problems.iter().cloned().partition(Diagnostic::is_error);
    match warnings {
        Warnings::None => {}
        Warnings::Full => print_diagnostics(&rest, color),
        Warnings::Summary if rest.len() <= emit::FULL_WARNINGS => print_diagnostics(&rest, color),
        Warnings::Summary => {
            eprint!("{}", emit::summary(&rest));
            eprintln!(
                "run `portico check {}` for every warning in full",
                portal.display()
            );
        }
    }
    print_diagnostics(&errors, color);
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
