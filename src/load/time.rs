//! `time/*.csv` and `time.yaml` -> [`TimeFile`]s.
//!
//! A CSV file's tracker is recognised from its header row:
//!
//! - Harvest's detailed time report (`Date, Client, Project, Project Code, Task, Notes,
//!   Hours, Hours Rounded, Billable?, …, First Name, Last Name, Roles, …, Billable Rate`):
//!   dates `YYYY-MM-DD` or `M/D/YYYY`, hours decimal (`1.5`) or, when the account shows
//!   time as hours and minutes, `1:30`.
//! - Toggl Track's detailed report (`User, Email, Client, Project, Task, Description,
//!   Billable, Start date, Start time, End date, End time, Duration, Tags, Amount (…)`):
//!   dates `YYYY-MM-DD`, durations `h:mm:ss`.
//! - A plain file with at least `date, hours, person, task, billable`.
//!
//! Every bad cell is an error at its file, line and column, like a bad YAML value. Rows of
//! other clients are kept out only by the `time:` mapping in `client.yaml`, and counted.

use csv::{ReaderBuilder, StringRecord};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    Date, HoursInput, Money, TimeEntry, TimeEntryInput, TimeFile, TimeSettings, TrackerFormat,
    parse_duration, seconds_of_hours,
};
use crate::source::{Seg, Source};

/// The columns a format reads, by role.
struct Columns {
    date: usize,
    hours: usize,
    billable: usize,
    task: Option<usize>,
    project: Option<usize>,
    client: Option<usize>,
    person: Vec<usize>,
    note: Option<usize>,
    role: Option<usize>,
    rate: Option<usize>,
    amount: Option<usize>,
}

/// Reads a CSV export. Errors point at the cell.
pub(crate) fn read_csv(
    source: &Source,
    rel_in_client: &str,
    settings: &TimeSettings,
) -> Result<TimeFile, Vec<Diagnostic>> {
    // Toggl writes a byte order mark; it is not part of the first header.
    let bom = if source.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let text = &source.text[bom..];
    let mut reader = ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![csv_error(source, bom, &e)]),
    };
    let (format, cols) = detect(&header).map_err(|message| {
        vec![
            Diagnostic::error_at(Code::InvalidValue, source, source.span(bom, first_line_len(text)), message)
                .with_hint(
                    "export Harvest's detailed time report or Toggl Track's detailed report as CSV as they come, or write a CSV with the columns date, hours, person, task, billable",
                ),
        ]
    })?;
    let mut entries = Vec::new();
    let mut ignored = 0;
    let mut ignored_names = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(csv_error(source, bom, &e));
                continue;
            }
        };
        let Some(pos) = record.position() else {
            continue;
        };
        let start = bom + pos.byte() as usize;
        let line = source.span(start, 0).line;
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let opt = |i: Option<usize>| i.map(cell).filter(|v| !v.is_empty());
        // An empty cell in a client column is "no client", not "any client".
        let client = cols.client.map(cell);
        let project = cols.project.map(cell);
        if !settings.claims(client, project) {
            let (client, project) = (
                client.filter(|v| !v.is_empty()),
                project.filter(|v| !v.is_empty()),
            );
            ignored += 1;
            let name = match (client, project) {
                (Some(c), Some(p)) => format!("{c} / {p}"),
                (Some(c), None) => c.to_owned(),
                (None, Some(p)) => p.to_owned(),
                (None, None) => "(no client)".to_owned(),
            };
            ignored_names.insert(name);
            continue;
        }
        let at = |i: usize, header: &str, message: String, code: Code| {
            let offsets = field_offsets(&source.text, start);
            let (offset, len) = offsets.get(i).copied().unwrap_or((start, 0));
            Diagnostic::error_at(
                code,
                source,
                source.span(offset, len),
                format!("{header} {message}"),
            )
        };
        let col = |i: usize| header.get(i).unwrap_or("").trim().to_owned();
        let date = match parse_date(cell(cols.date), format) {
            Ok(d) => Some(d),
            Err(m) => {
                problems.push(at(cols.date, &col(cols.date), m, Code::BadDate));
                None
            }
        };
        let seconds = match parse_duration(cell(cols.hours)) {
            Ok(s) => Some(s),
            Err(m) => {
                problems.push(at(cols.hours, &col(cols.hours), m, Code::InvalidValue));
                None
            }
        };
        let billable = match parse_yes_no(cell(cols.billable)) {
            Ok(b) => Some(b),
            Err(m) => {
                problems.push(at(
                    cols.billable,
                    &col(cols.billable),
                    m,
                    Code::InvalidValue,
                ));
                None
            }
        };
        let mut money = |i: Option<usize>| -> Option<Money> {
            let i = i?;
            let v = cell(i);
            if v.is_empty() {
                return None;
            }
            match parse_money(v) {
                Ok(m) => Some(m),
                Err(m) => {
                    problems.push(at(i, &col(i), m, Code::InvalidValue));
                    None
                }
            }
        };
        let rate = money(cols.rate);
        let amount = money(cols.amount);
        let (Some(date), Some(seconds), Some(billable)) = (date, seconds, billable) else {
            continue;
        };
        let person = cols
            .person
            .iter()
            .map(|i| cell(*i))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let task = opt(cols.task)
            .or(opt(cols.project))
            .unwrap_or("Other")
            .to_owned();
        entries.push(TimeEntry {
            line,
            date,
            seconds,
            person,
            task,
            // Harvest lists every role a person has; the first prices the row.
            role: opt(cols.role).and_then(|r| r.split(',').next().map(|r| r.trim().to_owned())),
            note: opt(cols.note).unwrap_or("").to_owned(),
            billable,
            rate,
            amount,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(TimeFile {
        path: rel_in_client.to_owned(),
        format,
        entries,
        ignored,
        ignored_names: ignored_names.into_iter().collect(),
    })
}

/// Reads `time.yaml`, already typed.
pub(crate) fn from_yaml(
    source: &Source,
    inputs: Vec<TimeEntryInput>,
) -> Result<TimeFile, Vec<Diagnostic>> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (i, e) in inputs.into_iter().enumerate() {
        let span = source.locate(
            0,
            source.text.len(),
            &[Seg::Index(i), Seg::Key("hours".into())],
        );
        let seconds = match &e.hours {
            HoursInput::Number(h) => seconds_of_hours(*h).ok_or_else(|| {
                format!("{h} is not a usable number of hours (negative, or more than a year)")
            }),
            HoursInput::Text(t) => parse_duration(t),
        };
        match seconds {
            Ok(seconds) => entries.push(TimeEntry {
                line: source.locate(0, source.text.len(), &[Seg::Index(i)]).line,
                date: e.date,
                seconds,
                person: e.person,
                task: e.task,
                role: e.role,
                note: e.note.unwrap_or_default(),
                billable: e.billable,
                rate: None,
                amount: None,
            }),
            Err(m) => problems.push(Diagnostic::error_at(
                Code::InvalidValue,
                source,
                span,
                format!("hours: {m}"),
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(TimeFile {
        path: "time.yaml".into(),
        format: TrackerFormat::Yaml,
        entries,
        ignored: 0,
        ignored_names: Vec::new(),
    })
}

fn first_line_len(text: &str) -> usize {
    text.find(['\r', '\n']).unwrap_or(text.len())
}

/// Recognises the tracker from the header row.
fn detect(header: &StringRecord) -> Result<(TrackerFormat, Columns), String> {
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let find = |name: &str| names.iter().position(|n| *n == name);
    let find_ci = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    let need = |format: TrackerFormat, i: Option<usize>, name: &str| {
        i.ok_or_else(|| {
            format!(
                "this looks like a {}, but it has no \"{name}\" column",
                format.label()
            )
        })
    };
    if find("Billable?").is_some() && find("Hours").is_some() {
        let f = TrackerFormat::Harvest;
        return Ok((
            f,
            Columns {
                date: need(f, find("Date"), "Date")?,
                hours: need(f, find("Hours"), "Hours")?,
                billable: need(f, find("Billable?"), "Billable?")?,
                task: find("Task"),
                project: find("Project"),
                client: find("Client"),
                person: [find("First Name"), find("Last Name")]
                    .into_iter()
                    .flatten()
                    .collect(),
                note: find("Notes"),
                role: find("Roles"),
                rate: find("Billable Rate"),
                amount: None,
            },
        ));
    }
    if find("Start date").is_some() && find("Duration").is_some() {
        let f = TrackerFormat::Toggl;
        return Ok((
            f,
            Columns {
                date: need(f, find("Start date"), "Start date")?,
                hours: need(f, find("Duration"), "Duration")?,
                billable: need(f, find("Billable"), "Billable")?,
                task: find("Task"),
                project: find("Project"),
                client: find("Client"),
                person: find("User").into_iter().collect(),
                note: find("Description"),
                role: None,
                rate: None,
                // `Amount (USD)`: the currency is the workspace's.
                amount: names.iter().position(|n| n.starts_with("Amount")),
            },
        ));
    }
    if find_ci("date").is_some() && find_ci("hours").is_some() {
        let f = TrackerFormat::Csv;
        return Ok((
            f,
            Columns {
                date: need(f, find_ci("date"), "date")?,
                hours: need(f, find_ci("hours"), "hours")?,
                billable: need(f, find_ci("billable"), "billable")?,
                task: Some(need(f, find_ci("task"), "task")?),
                project: find_ci("project"),
                client: find_ci("client"),
                person: vec![need(f, find_ci("person"), "person")?],
                note: find_ci("note").or_else(|| find_ci("notes")),
                role: find_ci("role"),
                rate: find_ci("rate"),
                amount: None,
            },
        ));
    }
    Err(format!(
        "the header \"{}\" is not one of a time export portico reads",
        names.join(",")
    ))
}

fn parse_date(text: &str, format: TrackerFormat) -> Result<Date, String> {
    if let Ok(d) = text.parse::<Date>() {
        return Ok(d);
    }
    // Harvest also writes M/D/YYYY, as its import documentation says.
    if format == TrackerFormat::Harvest {
        let parts: Vec<&str> = text.split('/').collect();
        if let [m, d, y] = parts.as_slice() {
            if let (Ok(m), Ok(d), Ok(y)) = (m.parse::<u32>(), d.parse::<u32>(), y.parse::<i32>()) {
                if y >= 1000 {
                    if let Some(date) = Date::from_ymd(y, m, d) {
                        return Ok(date);
                    }
                }
            }
        }
        return Err(format!(
            "\"{text}\" is not a date; Harvest writes dates as YYYY-MM-DD or M/D/YYYY"
        ));
    }
    Err(format!(
        "\"{text}\" is not a date; write dates as YYYY-MM-DD"
    ))
}

fn parse_yes_no(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "yes" | "true" | "y" | "1" => Ok(true),
        "no" | "false" | "n" | "0" => Ok(false),
        _ => Err(format!("\"{text}\" is neither Yes nor No")),
    }
}

fn parse_money(text: &str) -> Result<Money, String> {
    let v: f64 = text.parse().map_err(|_| {
        format!(
            "\"{text}\" is not a plain number (leave out currency signs and thousands separators)"
        )
    })?;
    if !v.is_finite() || v.abs() > 1e12 {
        return Err(format!("\"{text}\" is not a usable amount"));
    }
    Ok(Money::from_cents((v * 100.0).round() as i64))
}

fn csv_error(source: &Source, bom: usize, e: &csv::Error) -> Diagnostic {
    let offset = e.position().map_or(bom, |p| bom + p.byte() as usize);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "this row is not valid UTF-8".to_owned(),
        _ => format!("this row cannot be read as CSV: {e}"),
    };
    let text = &source.text[offset.min(source.text.len())..];
    Diagnostic::error_at(
        Code::InvalidValue,
        source,
        source.span(offset, first_line_len(text)),
        message,
    )
    .with_hint("a field holding a comma or a line break must be in double quotes")
}

/// The byte offset and length of each field of the CSV record starting at `start`, as
/// written (quotes included), so a diagnostic points at the cell.
fn field_offsets(text: &str, start: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = start;
    loop {
        let field_start = i;
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            while i < bytes.len() {
                if bytes[i] == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
        }
        while i < bytes.len() && !matches!(bytes[i], b',' | b'\n' | b'\r') {
            i += 1;
        }
        out.push((field_start, i - field_start));
        if bytes.get(i) == Some(&b',') {
            i += 1;
        } else {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_found_with_quotes_and_commas() {
        let text = "a,b\n1,\"x, \"\"y\"\"\",3\n";
        assert_eq!(field_offsets(text, 4), vec![(4, 1), (6, 10), (17, 1)]);
    }
}
