//! The JSON Schema of the file format, generated from the model's types.
//!
//! The committed copy at `public/schema/gapmap.schema.json` is served by the
//! hosted app; `gapmap schema` prints this one, and `tests/schema.rs` fails when
//! the two differ. Native only: the schema generator never reaches the bundle.

use schemars::Schema;

use crate::core::format::to_canonical_json;
use crate::core::model::{Assessment, FORMAT, VERSION};

/// Where the hosted app serves the schema, relative to the app's root.
pub const SCHEMA_PATH: &str = "public/schema/gapmap.schema.json";

/// The schema of the current format version, as canonical JSON text.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Assessment);
    schema.insert("title".into(), "Gapmap assessment".into());
    schema.insert(
        "description".into(),
        format!("A readiness assessment in the Gapmap file format, version {VERSION}.").into(),
    );
    to_canonical_json(&schema)
}

/// `"format": "gapmap"`, the constant marker.
pub fn format_tag(_: &mut schemars::SchemaGenerator) -> Schema {
    schemars::json_schema!({ "const": FORMAT })
}

/// `"version"`: the format version this schema describes.
pub fn version_tag(_: &mut schemars::SchemaGenerator) -> Schema {
    schemars::json_schema!({ "const": VERSION })
}
