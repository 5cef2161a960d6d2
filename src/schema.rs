//! JSON Schemas of every input file, generated from the same Rust types that read them, so
//! editor validation cannot drift from what `portico check` accepts.

use schemars::{JsonSchema, generate::SchemaSettings};

use crate::model::{
    Change, ClientProfile, Kpi, Milestone, PortalConfig, Raid, ReportMeta, ScopeMeta,
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
            "report.schema.json",
            schema::<ReportMeta>("the front matter of a report"),
        ),
        (
            "portal-json.schema.json",
            schema::<PortalData>("portal.json, written by portico build"),
        ),
    ]
}

fn schema<T: JsonSchema>(what: &str) -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
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
