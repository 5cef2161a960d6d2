//! `portico new report`: a report pre-filled from what the files already say, so the
//! consultant writes judgement, not bookkeeping.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{Planned, existing_client, require_portal, write_all, yaml_string};
use crate::error::Error;
use crate::load::{self, CLIENTS_DIR};
use crate::locale::{self, Catalogues, t, t_args};
use crate::model::{
    ChangeStatus, Client, Date, DecisionStatus, Rag, Rating, Report, is_action_heading,
};
use crate::render::Theme;
use crate::render::format::{long_date, money, short_date, signed_days};

/// Days until the next report when the client has no agreed cadence.
const DEFAULT_REPORT_DAYS: u32 = 7;

/// Writes `clients/<client>/reports/<date>.md`, pre-filled: the last report's status, the
/// milestones due before the next report, overdue milestones, open serious risks and
/// issues, pending decisions and change requests, and the last report's next steps as a
/// checklist. Refuses if a report for that date exists.
pub fn new_report(portal: &Path, client: &str, date: Date) -> Result<PathBuf, Error> {
    require_portal(portal)?;
    existing_client(portal, client)?;
    let (config, problems) = load::load_config_only(portal);
    let Some(config) = config else {
        return Err(Error::Invalid(problems));
    };
    let Some(loaded) = load::load_one_client(portal, &config, client) else {
        return Err(Error::NotAPortal(portal.to_path_buf()));
    };
    let Some(full) = loaded.client else {
        return Err(Error::Invalid(loaded.diagnostics));
    };
    let path = portal
        .join(CLIENTS_DIR)
        .join(client)
        .join("reports")
        .join(format!("{date}.md"));
    if let Some(same_day) = full.reports.iter().find(|r| r.meta.date == date) {
        return Err(Error::AlreadyExists(
            path.with_file_name(format!("{}.md", same_day.slug)),
        ));
    }
    // The draft shows only what the client may see, so nothing internal is published by
    // a consultant who leaves a line in.
    let client = full.for_client_eyes();
    let currency = client.currency(&config);
    // Headings in the client's language, from the portal's catalogues where it has its own.
    let catalogues = Theme::load(portal, &config)
        .ok()
        .and_then(|theme| Catalogues::from_theme(&theme).ok())
        .unwrap_or_else(|| crate::locale::builtin_catalogues().clone());
    let locale = catalogues.locale(&client.language(&config));
    let text = locale::scope(&locale, || draft(&client, date, |m| money(m, currency)));
    let text = locale::without_isolates(&text);
    write_all(
        &[Planned {
            path: path.clone(),
            text,
        }],
        &[],
    )?;
    Ok(path)
}

/// The report text.
fn draft(client: &Client, date: Date, money: impl Fn(crate::model::Money) -> String) -> String {
    let previous = client.reports.iter().rev().find(|r| r.meta.date < date);
    // A withheld status carries a reason of its own; the new report starts unassessed.
    let status = match previous.map(|r| &r.meta.status) {
        None => Rating::from(Rag::Green),
        Some(s) if s.is_withheld() => Rating(crate::model::rating_values::UNKNOWN.to_owned()),
        Some(s) => s.clone(),
    };
    let next = date.plus_days(i64::from(
        client.cadence.report_days.unwrap_or(DEFAULT_REPORT_DAYS),
    ));
    let mut out = String::new();
    let _ = write!(
        out,
        "---\ndate: {date}\ndraft: true   # remove this line to publish the report with the next build\ntitle: {}\nstatus: {}   # {}; change it if things moved\n# scope: green\n# schedule: green\n# budget: green\nsummary: \"\"   # two or three sentences a sponsor reads instead of the whole report\n---\n",
        yaml_string(&t_args("report-title", &[("date", long_date(date).into())])),
        status.as_str(),
        match previous {
            Some(r) => format!("as in the report of {}", r.meta.date),
            None => "the first report".to_owned(),
        },
    );
    let _ = write!(out, "## {}\n\n- \n", t("report-progress"));

    let due_soon: Vec<String> = client
        .milestones
        .iter()
        .filter_map(|m| Some((m, m.forecast().filter(|_| !m.is_done())?)))
        .filter(|(_, due)| *due >= date && *due < next)
        .map(|(m, due)| {
            format!(
                "- {} {}{}{} {}",
                m.id,
                m.title,
                t("colon"),
                t("due-lower"),
                short_date(due)
            )
        })
        .collect();
    section(
        &mut out,
        &t_args(
            "report-due-before-next",
            &[("date", short_date(next).into())],
        ),
        &due_soon,
    );

    let overdue: Vec<String> = client
        .milestones
        .iter()
        .filter_map(|m| Some((m, m.forecast().filter(|_| m.is_overdue(date))?)))
        .map(|(m, due)| {
            let was_due = t_args(
                "report-was-due",
                &[
                    ("date", short_date(due).into()),
                    (
                        "overdue",
                        t_args("days-overdue", &[("n", due.days_until(date).into())]).into(),
                    ),
                ],
            );
            format!("- {} {}{}{was_due}", m.id, m.title, t("colon"))
        })
        .collect();
    section(&mut out, &t("overdue"), &overdue);

    let serious: Vec<String> = client
        .raid
        .item_lists()
        .into_iter()
        .flat_map(|(_, items)| items.iter())
        .filter(|i| i.is_pressing())
        .map(|i| {
            let severity = i.severity.map_or(String::new(), |s| {
                format!(", {}", locale::label(s.label()).to_lowercase())
            });
            format!(
                "- {} {} ({}{severity})",
                i.id,
                i.title,
                // Statuses and severities are adjectives in every built-in language.
                locale::label(i.status.label()).to_lowercase()
            )
        })
        .collect();
    section(&mut out, &t("report-needing-attention"), &serious);

    let mut awaited: Vec<String> = client
        .raid
        .decisions
        .iter()
        .filter(|d| d.status == DecisionStatus::Pending)
        .map(|d| match d.due_on {
            Some(due) => format!(
                "- {} {} ({})",
                d.id,
                d.title,
                t_args("report-needed-by", &[("date", short_date(due).into())])
            ),
            None => format!("- {} {}", d.id, d.title),
        })
        .collect();
    awaited.extend(
        client
            .changes
            .iter()
            .filter(|c| c.status == ChangeStatus::Proposed)
            .map(|c| {
                format!(
                    "- {} {}{}{}{} ({})",
                    c.id,
                    c.title,
                    t("colon"),
                    money(c.impact.cost),
                    c.impact
                        .schedule_days
                        .map(|d| format!(", {}", signed_days(i64::from(d))))
                        .unwrap_or_default(),
                    t_args(
                        "report-requested-by",
                        &[
                            ("date", short_date(c.requested_on).into()),
                            ("name", c.requested_by.as_str().into()),
                        ],
                    )
                )
            }),
    );
    section(&mut out, &t("report-awaiting-you"), &awaited);

    let carried: Vec<String> = previous
        .map(|r| {
            next_steps(r)
                .into_iter()
                .map(|step| format!("- [ ] {step}"))
                .collect()
        })
        .unwrap_or_default();
    let heading = match previous {
        Some(r) => t_args(
            "report-checklist-from",
            &[("date", short_date(r.meta.date).into())],
        ),
        None => t("report-checklist"),
    };
    section(&mut out, &heading, &carried);

    let _ = write!(out, "\n## {}\n\n1. \n", t("report-next-steps"));
    out
}

/// Appends a section when it has lines.
fn section(out: &mut String, heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(out, "\n## {heading}\n\n{}\n", lines.join("\n"));
}

/// The items of a report's action sections ("Next steps", "Actions", "Recovery plan"...),
/// as plain lines.
pub(crate) fn next_steps(report: &Report) -> Vec<String> {
    let body = &report.body;
    let mut steps = Vec::new();
    let mut section_level: Option<HeadingLevel> = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut list_depth = 0usize;
    for (event, range) in
        Parser::new_ext(body, pulldown_cmark::Options::ENABLE_TASKLISTS).into_offset_iter()
    {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    if is_action_heading(&text) {
                        section_level = Some(level);
                    } else if section_level.is_some_and(|s| level <= s) {
                        section_level = None;
                    }
                }
            }
            Event::Start(Tag::List(_)) => list_depth += 1,
            Event::End(TagEnd::List(_)) => list_depth = list_depth.saturating_sub(1),
            Event::Start(Tag::Item) if list_depth == 1 && section_level.is_some() => {
                if let Some(step) = body.get(range).map(item_text).filter(|s| !s.is_empty()) {
                    steps.push(step);
                }
            }
            _ => {}
        }
    }
    steps
}

/// A list item's own text: without its marker, its task box or any nested list.
fn item_text(source: &str) -> String {
    let own = source
        .lines()
        .enumerate()
        .take_while(|(i, line)| *i == 0 || !is_list_line(line))
        .map(|(_, line)| line.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let without_marker = own
        .trim_start_matches(['-', '*', '+'])
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim_start();
    let without_box = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| without_marker.strip_prefix(b))
        .unwrap_or(without_marker);
    without_box.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_list_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("+ ")
        || t.split_once(['.', ')']).is_some_and(|(n, rest)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(body: &str) -> Report {
        let mut r = Client::sample(&[], &["2026-11-13"]).reports.remove(0);
        r.body = body.to_owned();
        r
    }

    #[test]
    fn carries_next_steps_over() {
        let r = report(
            "## Progress\n\n- done a thing\n\n## Next steps\n\n1. Cost the options\n   across sites.\n2. [Book](x.md) the room\n   - a detail\n\n## Background\n\n- not a step\n",
        );
        assert_eq!(
            next_steps(&r),
            ["Cost the options across sites.", "[Book](x.md) the room"]
        );
        let r = report("### Actions\n\n- [x] Call Jo\n- [ ] Send the plan\n");
        assert_eq!(next_steps(&r), ["Call Jo", "Send the plan"]);
        assert!(next_steps(&report("No sections at all.\n")).is_empty());
    }
}
