//! The JSON Schema of the file format: the committed copy that the hosted app
//! serves is the one generated from the model's types, and files that Gapmap
//! reads as valid (the worked example, canonical and as written by hand, and
//! the built-in templates) are valid against it; its required keys and
//! defaults are the loader's.
//!
//! The check against the schema is a small structural validator over the few
//! keywords the generated schema uses (`$ref`, `type`, `properties`,
//! `required`, `items`, `anyOf`, `oneOf`, `const`, `enum`), so no JSON Schema
//! crate is needed.

use serde_json::{Map, Value};

use gapmap::core::format::schema::{json_schema, SCHEMA_PATH};

const CANONICAL: &str = include_str!("fixtures/worked-example.json");
const HANDWRITTEN: &str = include_str!("fixtures/worked-example-handwritten.json");

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = format!("{}/{SCHEMA_PATH}", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert!(
        committed == json_schema(),
        "{SCHEMA_PATH} is out of date; regenerate it with `cargo run -q -- schema > {SCHEMA_PATH}`"
    );
}

fn schema() -> Value {
    serde_json::from_str(&json_schema()).expect("the schema is JSON")
}

/// Every place where `value` breaks `schema`, as `path: reason`.
fn violations(value: &Value, schema: &Value, root: &Value, path: &str, out: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else { return };
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let target = root.pointer(reference.trim_start_matches('#')).unwrap_or_else(|| panic!("no {reference}"));
        violations(value, target, root, path, out);
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            other => panic!("type {other}"),
        };
        if !types.iter().any(|t| has_type(value, t)) {
            out.push(format!("{path}: {value} is not of type {types:?}"));
            return;
        }
    }
    if let Some(constant) = schema.get("const") {
        if value != constant {
            out.push(format!("{path}: {value} is not {constant}"));
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum") {
        if !options.contains(value) {
            out.push(format!("{path}: {value} is not one of {options:?}"));
        }
    }
    for (keyword, needed) in [("anyOf", 1..=usize::MAX), ("oneOf", 1..=1)] {
        if let Some(Value::Array(options)) = schema.get(keyword) {
            let matching = options.iter().filter(|option| valid(value, option, root, path)).count();
            if !needed.contains(&matching) {
                out.push(format!("{path}: {value} matches {matching} of the {keyword} options"));
            }
        }
    }
    if let (Value::Object(object), Some(Value::Object(properties))) = (value, schema.get("properties")) {
        for (key, property) in properties {
            if let Some(v) = object.get(key) {
                violations(v, property, root, &format!("{path}/{key}"), out);
            }
        }
        if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
            unknown_keys(object, properties, path, out);
        }
    }
    if let (Value::Object(object), Some(Value::Array(required))) = (value, schema.get("required")) {
        for key in required.iter().filter_map(Value::as_str) {
            if !object.contains_key(key) {
                out.push(format!("{path}: \"{key}\" is required"));
            }
        }
    }
    if let (Value::Array(items), Some(item)) = (value, schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            violations(v, item, root, &format!("{path}/{i}"), out);
        }
    }
}

fn unknown_keys(object: &Map<String, Value>, properties: &Map<String, Value>, path: &str, out: &mut Vec<String>) {
    for key in object.keys().filter(|k| !properties.contains_key(*k)) {
        out.push(format!("{path}: \"{key}\" is not allowed"));
    }
}

fn valid(value: &Value, schema: &Value, root: &Value, path: &str) -> bool {
    let mut out = Vec::new();
    violations(value, schema, root, path, &mut out);
    out.is_empty()
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        other => panic!("unknown type {other}"),
    }
}

/// Checks that `text`, which Gapmap loads as valid, is valid against the schema.
#[track_caller]
fn check(name: &str, text: &str) {
    gapmap::core::load(text.as_bytes()).unwrap_or_else(|e| panic!("{name} should load:\n{e}"));
    let value: Value = serde_json::from_str(text).unwrap();
    let schema = schema();
    let mut out = Vec::new();
    violations(&value, &schema, &schema, "", &mut out);
    assert!(out.is_empty(), "{name} breaks the schema:\n{}", out.join("\n"));
}

#[test]
fn files_gapmap_reads_are_valid_against_the_schema() {
    check("the canonical worked example", CANONICAL);
    check("the hand-written worked example", HANDWRITTEN);
    check("the smallest file", r#"{"format": "gapmap", "version": 2, "id": "a", "title": "A"}"#);
    check(
        "stated costs and a role without a rate",
        r#"{"format": "gapmap", "version": 2, "id": "a", "title": "A", "stated_total": {"min": 1, "max": 2},
            "roles": [{"id": "r", "name": "R"}],
            "phases": [{"id": "p", "name": "P", "duration_weeks": {"min": 1, "max": 1},
                        "stated_cost": {"min": 1, "max": 2}}]}"#,
    );
    // The templates the hosted app serves beside the schema.
    let templates = format!("{}/public/templates", env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for entry in std::fs::read_dir(&templates).unwrap_or_else(|e| panic!("{templates}: {e}")).flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") {
            check(&path.display().to_string(), &std::fs::read_to_string(&path).unwrap());
            count += 1;
        }
    }
    assert!(count > 0, "no templates in {templates}");
}

/// Every kind of object with only the keys the schema requires, and the
/// `$defs` entry (or the root, `""`) that describes each.
const REQUIRED_ONLY: &str = r#"{
  "format": "gapmap", "version": 2, "id": "a", "title": "A",
  "categories": [{"id": "c", "name": "C"}],
  "gaps": [{"id": "g", "category": "c", "title": "G", "effort": {"min": 1, "max": 2, "unit": "days"}, "items": [{}],
            "evidence": [{}]}],
  "roles": [{"id": "r", "name": "R", "weekly_rate": 1}],
  "phases": [{"id": "p", "name": "P", "duration_weeks": {"min": 1, "max": 1},
              "team": [{"role": "r", "fte": {"min": 1, "max": 1}}], "costs": [{"name": "X", "amount": 1}],
              "exit_criteria": [{}]}],
  "kpis": [{"id": "k", "name": "K", "targets": [{"phase": "p", "value": 1}]}],
  "risks": [{"id": "r", "title": "R"}],
  "milestones": [{"id": "m", "name": "M", "saved_on": "2025-01-01", "state": {"id": "a", "title": "A",
    "categories": [{"id": "c", "name": "C"}],
    "gaps": [{"id": "g", "category": "c", "title": "G", "checklist": {"done": 0, "total": 1}}],
    "phases": [{"id": "p", "name": "P", "duration_weeks": {"min": 1, "max": 1}}]}}],
  "scenario": "Now",
  "scenarios": [{"id": "s", "name": "S"}]
}"#;

const DESCRIBED_BY: &[(&str, &str)] = &[
    ("", ""),
    ("/settings", "Settings"),
    ("/settings/priority_weights", "PriorityWeights"),
    ("/categories/0", "Category"),
    ("/gaps/0", "Gap"),
    ("/gaps/0/effort", "Effort"),
    ("/gaps/0/items/0", "Item"),
    ("/gaps/0/evidence/0", "Evidence"),
    ("/roles/0", "Role"),
    ("/phases/0", "Phase"),
    ("/phases/0/duration_weeks", "Range"),
    ("/phases/0/team/0", "TeamMember"),
    ("/phases/0/costs/0", "Cost"),
    ("/phases/0/exit_criteria/0", "Criterion"),
    ("/kpis/0", "Kpi"),
    ("/kpis/0/targets/0", "KpiTarget"),
    ("/risks/0", "Risk"),
    ("/milestones/0", "Milestone"),
    ("/milestones/0/state", "Snapshot"),
    ("/milestones/0/state/categories/0", "CategoryRecord"),
    ("/milestones/0/state/gaps/0", "GapRecord"),
    ("/milestones/0/state/gaps/0/checklist", "Checklist"),
    ("/milestones/0/state/phases/0", "PhaseRecord"),
    ("/scenarios/0", "Scenario"),
];

#[test]
fn the_schemas_required_keys_and_defaults_are_the_loaders() {
    check("a file with only the required keys", REQUIRED_ONLY);
    let schema = schema();
    let mut file: Value = serde_json::from_str(REQUIRED_ONLY).unwrap();
    let loaded = gapmap::core::load(REQUIRED_ONLY.as_bytes()).unwrap();
    let saved: Value = serde_json::from_str(&gapmap::core::save(&loaded)).unwrap();
    for (pointer, definition) in DESCRIBED_BY {
        let described = if definition.is_empty() { &schema } else { &schema["$defs"][definition] };
        let properties = described["properties"].as_object().unwrap_or_else(|| panic!("{definition}"));
        let object = saved.pointer(pointer).and_then(Value::as_object).unwrap_or_else(|| panic!("{pointer}"));
        for (key, property) in properties {
            // A key left out reads as its default; Option fields default to null.
            let default = property.get("default").unwrap_or(&Value::Null);
            let required = described["required"].as_array().is_some_and(|r| r.iter().any(|k| k == key.as_str()));
            if !required && file.pointer(&format!("{pointer}/{key}")).is_none() {
                match object.get(key) {
                    Some(saved) => {
                        assert_eq!(saved, default, "{pointer}/{key}: the loader's default is not the schema's")
                    }
                    // Saving leaves some keys out at their default (an empty
                    // list of milestones, a milestone's entries, a stated
                    // cost, an unknown rate): the file with the schema's
                    // default written in reads the same.
                    None => {
                        let mut with_default = file.clone();
                        let object = with_default.pointer_mut(pointer).and_then(Value::as_object_mut).unwrap();
                        object.insert(key.clone(), default.clone());
                        let reloaded = gapmap::core::load(with_default.to_string().as_bytes());
                        assert_eq!(
                            reloaded.as_ref(),
                            Ok(&loaded),
                            "{pointer}/{key}: the loader's default is not the schema's"
                        );
                    }
                }
            }
        }
    }
    // Leaving out a key the schema requires is a problem for the loader too.
    for (pointer, definition) in DESCRIBED_BY.iter().filter(|(p, _)| !p.starts_with("/settings")) {
        let described = if definition.is_empty() { &schema } else { &schema["$defs"][definition] };
        for key in described["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            let object = file.pointer_mut(pointer).and_then(Value::as_object_mut).unwrap();
            let removed = object.remove(key).unwrap_or_else(|| panic!("{pointer}/{key} in REQUIRED_ONLY"));
            let text = file.to_string();
            assert!(gapmap::core::load(text.as_bytes()).is_err(), "{pointer}/{key} is required but the file loads");
            file.pointer_mut(pointer).and_then(Value::as_object_mut).unwrap().insert(key.to_string(), removed);
        }
    }
}

#[test]
fn the_schema_describes_every_top_level_key_and_keeps_unknown_ones() {
    let schema = schema();
    let properties = schema["properties"].as_object().unwrap();
    let file: Value = serde_json::from_str(CANONICAL).unwrap();
    for key in file.as_object().unwrap().keys() {
        assert!(properties.contains_key(key), "the schema does not describe \"{key}\"");
    }
    assert_eq!(schema["properties"]["format"]["const"], "gapmap");
    assert_eq!(schema["properties"]["version"]["const"], gapmap::core::model::VERSION);
    assert_ne!(schema["additionalProperties"], Value::Bool(false), "unknown fields are allowed");
}

#[test]
fn the_validator_finds_faults() {
    let schema = schema();
    for (text, fault) in [
        (r#"{"format": "gapmap", "version": 2, "title": "A"}"#, ": \"id\" is required"),
        (r#"{"format": "other", "version": 1, "id": "a", "title": "A"}"#, "/format: \"other\" is not \"gapmap\""),
        (r#"{"format": "gapmap", "version": 2, "id": "a", "title": 7}"#, "/title: 7 is not of type"),
        (
            r#"{"format": "gapmap", "version": 2, "id": "a", "title": "A",
               "gaps": [{"id": "g", "category": "c", "title": "G", "status": "broken"}]}"#,
            "/gaps/0/status: \"broken\" matches 0 of the oneOf options",
        ),
    ] {
        let mut out = Vec::new();
        violations(&serde_json::from_str(text).unwrap(), &schema, &schema, "", &mut out);
        assert!(out.iter().any(|v| v.contains(fault)), "expected {fault:?} in {out:?}");
    }
}
