//! JSON Schemas of every input file, generated from the same Rust types that read them, so
//! editor validation cannot drift from what `portico check` accepts.

use std::path::{Path, PathBuf};

use schemars::{JsonSchema, generate::SchemaSettings};

use crate::error::Error;

use crate::model::{
    Budget, Change, ClientProfile, Invoice, Kpi, Meeting, Milestone, PortalConfig, Raid,
    ReportMeta, ScopeMeta, ServiceLevel, TimeEntryInput,
};
use crate::render::data::PortalData;

/// (file name, schema) for each input file, then `portal.json`.
pub fn all() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        (
            "portico.schema.json",
            schema::<PortalConfig>("portico.yaml"),
        ),
        ("client.schema.json", schema::<ClientProfile>("client.yaml")),
        (
            "scope.schema.json",
            schema::<ScopeMeta>("the front matter of scope.md"),
        ),
        (
            "milestones.schema.json",
            schema::<Vec<Milestone>>("milestones.yaml"),
        ),
        ("changes.schema.json", schema::<Vec<Change>>("changes.yaml")),
        ("kpis.schema.json", schema::<Vec<Kpi>>("kpis.yaml")),
        ("raid.schema.json", schema::<Raid>("raid.yaml")),
        (
            "meetings.schema.json",
            schema::<Vec<Meeting>>("meetings.yaml"),
        ),
        ("budget.schema.json", schema::<Budget>("budget.yaml")),
        (
            "invoices.schema.json",
            schema::<Vec<Invoice>>("invoices.yaml"),
        ),
        ("sla.schema.json", schema::<Vec<ServiceLevel>>("sla.yaml")),
        (
            "time.schema.json",
            schema::<Vec<TimeEntryInput>>("time.yaml"),
        ),
        (
            "report.schema.json",
            schema::<ReportMeta>("the front matter of a report"),
        ),
        (
            "portal-json.schema.json",
            output_schema::<PortalData>("portal.json, written by portico build"),
        ),
    ]
}

/// Writes every schema into `out`, returning the paths written. A file already there is
/// replaced only when it is a schema portico wrote (a JSON object titled `portico: ...`):
/// anything else, and any symbolic link, is left alone and reported, so `--out` pointed at
/// the wrong folder never destroys a file nor writes through a link to one elsewhere.
pub fn write_all(out: &Path) -> Result<Vec<PathBuf>, Error> {
    fs_err::create_dir_all(out).map_err(Error::io)?;
    let schemas = all();
    // Every file is vetted before any is written: all or nothing.
    for (name, _) in &schemas {
        let path = out.join(name);
        match std::fs::symlink_metadata(&path) {
            Err(_) => {}
            Ok(meta) if meta.is_file() && written_by_portico(&path) => {}
            Ok(_) => return Err(Error::AlreadyExists(path)),
        }
    }
    let mut written = Vec::new();
    for (name, schema) in schemas {
        let path = out.join(name);
        let text = format!(
            "{}\n",
            serde_json::to_string_pretty(&schema).unwrap_or_default()
        );
        // A new file renamed into place: replaces the name, never writes through it.
        let mut file = tempfile::NamedTempFile::new_in(out).map_err(Error::io)?;
        // A temporary file is private; a schema is for every editor on the machine.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let everyone = std::fs::Permissions::from_mode(0o644);
            file.as_file()
                .set_permissions(everyone)
                .map_err(|e| Error::Io {
                    path: path.clone(),
                    source: e,
                })?;
        }
        std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| Error::Io {
            path: path.clone(),
            source: e,
        })?;
        file.persist(&path).map_err(|e| Error::Io {
            path: path.clone(),
            source: e.error,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Whether the regular file at `path` is a schema portico wrote.
fn written_by_portico(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("title")?.as_str().map(|t| t.starts_with("portico: ")))
        .unwrap_or(false)
}

/// The schema of a file the user writes: what portico reads.
fn schema<T: JsonSchema>(what: &str) -> serde_json::Value {
    titled::<T>(SchemaSettings::draft2020_12(), what)
}

/// The schema of a file portico writes: what it serializes, with the facts derived at
/// load (a milestone's moves by approved changes) that no input file holds.
fn output_schema<T: JsonSchema>(what: &str) -> serde_json::Value {
    titled::<T>(SchemaSettings::draft2020_12().for_serialize(), what)
}

fn titled<T: JsonSchema>(settings: SchemaSettings, what: &str) -> serde_json::Value {
    let mut schema = settings.into_generator().into_root_schema_for::<T>();
    schema.insert("title".into(), format!("portico: {what}").into());
    schema.to_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_closes_its_objects() {
        for (name, schema) in all() {
            let text = schema.to_string();
            assert!(
                text.contains("\"additionalProperties\":false"),
                "{name} allows unknown keys"
            );
        }
    }
}
