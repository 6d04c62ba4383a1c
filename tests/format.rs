//! The file format: canonical saving (`save(load(f)) == f`, key order, two
//! spaces, a trailing newline, integral numbers without `.0`), round trips
//! (`load(save(x)) == x`, unknown fields kept at every level), a UTF-8 BOM,
//! every problem of a faulty file at once with its path, the typed failures
//! (not JSON with line and column, not a Gapmap file, a newer version, too
//! large), and the migration mechanism run with synthetic steps.

use serde_json::{json, Map, Value};

use gapmap::core::format::{self, migrate, LoadError, LoadErrorKind, Migration, MAX_FILE_BYTES, MIGRATIONS};
use gapmap::core::model::{
    Assessment, Better, Criterion, Effort, EffortUnit, Evidence, Impact, Item, Kpi, KpiTarget, KpiValue, Probability,
    Range, Risk, RiskStatus, Severity, VERSION,
};

const CANONICAL: &str = include_str!("fixtures/worked-example.json");
const HANDWRITTEN: &str = include_str!("fixtures/worked-example-handwritten.json");

fn load(text: &str) -> Assessment {
    format::load(text.as_bytes()).unwrap_or_else(|e| panic!("expected a valid file, got:\n{e}"))
}

fn load_error(text: &str) -> LoadError {
    match format::load(text.as_bytes()) {
        Ok(_) => panic!("expected an error loading:\n{text}"),
        Err(e) => e,
    }
}

/// Compares a saved file with the one expected, line by line for a readable failure.
#[track_caller]
fn check(saved: &str, expected: &str) {
    for (i, (s, e)) in saved.lines().zip(expected.lines()).enumerate() {
        assert_eq!(s, e, "line {}", i + 1);
    }
    assert_eq!(saved, expected);
}

#[test]
fn saving_a_canonical_file_gives_the_same_bytes() {
    check(&format::save(&load(CANONICAL)), CANONICAL);
}

#[test]
fn a_hand_written_file_saves_as_its_canonical_form() {
    assert_ne!(HANDWRITTEN, CANONICAL, "the hand-written fixture should differ from the canonical one");
    assert_eq!(load(HANDWRITTEN), load(CANONICAL));
    check(&format::save(&load(HANDWRITTEN)), CANONICAL);
}

#[test]
fn the_canonical_layout() {
    let saved = format::save(&load(CANONICAL));
    assert!(saved.ends_with("}\n") && !saved.ends_with("\n\n"), "one trailing newline");
    assert!(!saved.contains('\t') && !saved.contains('\r'));
    let lines: Vec<&str> = saved.lines().collect();
    assert_eq!(&lines[..3], ["{", "  \"format\": \"gapmap\",", "  \"version\": 2,"]);
    assert!(lines.contains(&"    \"priority_weights\": {"), "two more spaces a level");
    assert!(lines.contains(&"      \"P0\": 8,"));
    // Keys in the model's declaration order, not alphabetical.
    let position = |key: &str| saved.find(&format!("\n  \"{key}\"")).unwrap_or_else(|| panic!("no key {key}"));
    let order = ["id", "title", "system", "currency", "settings", "categories", "gaps", "roles", "phases", "risks"];
    assert!(order.windows(2).all(|w| position(w[0]) < position(w[1])), "declaration order");
}

#[test]
fn integral_numbers_are_written_without_a_fraction() {
    let mut a = load(CANONICAL);
    a.roles[0].weekly_rate = Some(4000.0);
    a.roles[1].weekly_rate = Some(4000.5);
    a.phases[0].costs[0].amount = -0.0;
    a.categories[0].weight = 1e15;
    a.categories[1].weight = 1e20;
    let saved = format::save(&a);
    assert!(saved.contains("\"weekly_rate\": 4000\n"), "{saved}");
    assert!(saved.contains("\"weekly_rate\": 4000.5\n"));
    assert!(saved.contains("\"amount\": 0,"), "negative zero is written as 0");
    assert!(saved.contains("\"weight\": 1000000000000000,"));
    assert!(saved.contains("\"weight\": 1e+20,"), "beyond exact integers, the shortest form");
    assert!(saved.contains("\"min\": 0.5,"));
    assert!(!saved.contains(".0,") && !saved.contains(".0\n"), "no `.0` anywhere");
}

/// An assessment with every optional field set, for round trips.
fn everything() -> Assessment {
    let mut a = load(CANONICAL);
    a.system = "Payments API".into();
    a.assessed_on = Some("2024-02-29".into());
    a.assessors = vec!["Ada".into(), "Grace".into()];
    a.summary = "# Findings\n\n- \"quoted\" and ünïcödé — 🚀".into();
    a.stated_overall = Some(61.5);
    a.stated_total = Some(Range::new(640_000.0, 840_000.0));
    a.currency = "EUR".into();
    a.settings.partial_credit = 0.3;
    a.settings.blended_daily_rate = Some(812.5);
    a.categories[0].target_score = Some(80.0);
    a.categories[0].notes = "notes".into();
    let g = &mut a.gaps[0];
    g.description = "description".into();
    g.severity = Some(Severity::Critical);
    g.owner = "Ada".into();
    g.evidence = vec![Evidence::new("https://example.com", None)];
    g.items = vec![Item::new("first", true), Item::new("second", false)];
    g.tags = vec!["auth".into()];
    g.effort = Some(Effort::new(0.1, 2.7, EffortUnit::Hours));
    a.phases[0].goal = "goal".into();
    a.phases[1].start_week = Some(4.5);
    a.phases[0].exit_criteria = vec![Criterion::new("no P0 open")];
    a.phases[0].stated_cost = Some(Range::new(120_000.0, 160_000.0));
    a.roles[1].weekly_rate = None;
    a.kpis = vec![
        Kpi {
            id: "k1".into(),
            name: "MTTR".into(),
            unit: "hours".into(),
            current: Some(KpiValue::Number(12.25)),
            better: Better::Lower,
            targets: vec![KpiTarget::new("p1", KpiValue::Number(4.0))],
            extra: Default::default(),
        },
        Kpi {
            id: "k2".into(),
            name: "Deployment frequency".into(),
            unit: String::new(),
            current: Some(KpiValue::Text("Manual".into())),
            better: Better::Higher,
            targets: vec![KpiTarget { met: true, ..KpiTarget::new("p1", KpiValue::Text("Daily".into())) }],
            extra: Default::default(),
        },
    ];
    a.risks = vec![Risk {
        id: "r1".into(),
        title: "Breach".into(),
        probability: Probability::High,
        impact: Impact::Critical,
        mitigation: "close g1".into(),
        gaps: vec!["g1".into(), "g3".into()],
        owner: "Ada".into(),
        status: RiskStatus::Mitigating,
        review_on: Some("2025-01-31".into()),
        extra: Default::default(),
    }];
    a.extra.insert("x-tool".into(), json!({"name": "other", "version": [1, 2], "ratio": 0.25}));
    a
}

#[test]
fn loading_what_was_saved_gives_the_same_assessment() {
    for a in [load(CANONICAL), everything(), Assessment::new("empty", "Empty")] {
        let saved = format::save(&a);
        assert_eq!(load(&saved), a, "{saved}");
        assert_eq!(format::save(&load(&saved)), saved, "saving is stable");
    }
}

/// Where the unknown fields of [`with_unknown_fields`] go, one per kind of object.
const UNKNOWN_AT: &[&str] = &[
    "",
    "/settings",
    "/settings/priority_weights",
    "/settings/levels/0",
    "/categories/0",
    "/gaps/0",
    "/gaps/0/effort",
    "/gaps/2/items/1",
    "/roles/0",
    "/phases/0",
    "/phases/0/duration_weeks",
    "/phases/0/team/1",
    "/phases/0/team/1/fte",
    "/phases/1/costs/0",
    "/kpis/0",
    "/kpis/0/targets/0",
    "/risks/0",
];

/// The fully populated assessment as JSON, with an unknown field of a
/// different kind of value at each place of [`UNKNOWN_AT`].
fn with_unknown_fields() -> Value {
    let mut document: Value = serde_json::from_str(&format::save(&everything())).unwrap();
    let values = [json!("text"), json!(7), json!(-2.5), json!(true), json!(null), json!([1, "two", {"three": 3}])];
    for (i, pointer) in UNKNOWN_AT.iter().enumerate() {
        let object = document.pointer_mut(pointer).and_then(Value::as_object_mut).expect(pointer);
        object.insert(format!("x-unknown-{i}"), values[i % values.len()].clone());
        object.insert("x-nested".into(), json!({"deeper": {"list": [i]}}));
    }
    document
}

#[test]
fn unknown_fields_are_kept_at_every_level() {
    let original = with_unknown_fields();
    let text = serde_json::to_string(&original).unwrap();
    let saved = format::save(&load(&text));
    let resaved: Value = serde_json::from_str(&saved).unwrap();
    for (i, pointer) in UNKNOWN_AT.iter().enumerate() {
        for key in [format!("x-unknown-{i}"), "x-nested".to_string()] {
            let at = format!("{pointer}/{key}");
            assert_eq!(resaved.pointer(&at), original.pointer(&at), "{at}");
            assert!(resaved.pointer(&at).is_some(), "{at}");
        }
    }
    assert_eq!(resaved, original, "nothing else changed either");
    assert_eq!(load(&saved), load(&text));
    // Unknown keys follow the known ones, sorted.
    let top = |key: &str| saved.find(&format!("\n  \"{key}\"")).unwrap();
    assert!(top("risks") < top("x-nested") && top("x-nested") < top("x-tool") && top("x-tool") < top("x-unknown-0"));
}

/// Regression: an unknown field holding a whole float (`2.0`) was kept as a
/// float, saved as `2`, and read back as an integer, so `load(save(x)) != x`.
#[test]
fn unknown_whole_floats_read_as_they_are_saved() {
    let text = r#"{"format": "gapmap", "version": 1, "id": "a", "title": "A",
        "x-ratio": 2.0, "x-list": [-0.0, 1.5, 3], "x-huge": 1e300, "x-int": 18446744073709551615}"#;
    let loaded = load(text);
    assert_eq!(loaded.extra["x-ratio"], json!(2));
    assert_eq!(loaded.extra["x-list"], json!([0, 1.5, 3]));
    assert_eq!(load(&format::save(&loaded)), loaded);
}

/// Regression: without serde_json's `float_roundtrip`, some numbers read back
/// one unit in the last place off what was saved.
#[test]
fn every_digit_of_a_number_survives_a_round_trip() {
    let mut a = load(CANONICAL);
    a.gaps[3].effort = Some(Effort::new(1.0, 1.8291109441066782, EffortUnit::Hours));
    a.roles[0].weekly_rate = Some(4321.987654321099);
    a.settings.partial_credit = 0.1 + 0.2;
    assert_eq!(load(&format::save(&a)), a);
}

/// A file saved before rates could be unknown keeps its meaning: a stored 0
/// is a role that costs nothing, its labor $0, and the file keeps its bytes.
#[test]
fn a_stored_rate_of_zero_stays_zero() {
    let old = CANONICAL.replacen("\"weekly_rate\": 4000", "\"weekly_rate\": 0", 1);
    let a = load(&old);
    assert_eq!(a.roles[0].weekly_rate, Some(0.0));
    check(&format::save(&a), &old);
    let s = gapmap::core::summarize(&a);
    // The worked example's first phase: 1–2 engineers (now free) and 0.5–1
    // SRE at 5,000 for 2–3 weeks.
    assert_eq!(s.phases[0].labor, Some(gapmap::core::numbers::summary::Bounds { min: 5000.0, max: 15000.0 }));
    assert!(s.unknown_rates.is_empty());
}

/// A rate nobody has given is left out of the file: it reads back unknown,
/// and saving leaves it out again.
#[test]
fn an_unknown_rate_is_a_key_left_out() {
    let mut a = load(CANONICAL);
    a.roles[0].weekly_rate = None;
    let saved = format::save(&a);
    assert_eq!(saved.matches("\"weekly_rate\"").count(), a.roles.len() - 1, "{saved}");
    assert_eq!(load(&saved), a);
    // `null` reads as unknown too, and is saved as a key left out.
    let with_null = CANONICAL.replacen("\"weekly_rate\": 4000", "\"weekly_rate\": null", 1);
    assert_eq!(format::save(&load(&with_null)), saved);
}

/// Earlier imports kept a phase's stated cost among its unknown keys, under
/// the name the field now has: such a file reads it into the field and
/// keeps its bytes.
#[test]
fn a_stated_cost_kept_by_an_earlier_import_reads_as_the_field() {
    let old = CANONICAL.replacen(
        "\"exit_criteria\": []\n",
        "\"exit_criteria\": [],\n      \"stated_cost\": {\n        \"min\": 120000,\n        \"max\": 160000\n      }\n",
        1,
    );
    assert_ne!(old, CANONICAL);
    let a = load(&old);
    let stated = a.phases[0].stated_cost.as_ref().expect("the field");
    assert_eq!((stated.min, stated.max), (120_000.0, 160_000.0));
    assert!(a.phases[0].extra.is_empty());
    check(&format::save(&a), &old);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(CANONICAL.as_bytes());
    assert_eq!(format::load(&bytes).expect("loads"), load(CANONICAL));
}

/// The worked example with a dozen faults, each at a path the test expects.
const FAULTY: &str = r#"{
  "format": "gapmap", "version": 1, "id": "faulty", "assessed_on": "2024-13-01", "currency": "usd",
  "settings": {"partial_credit": 1.5, "levels": [{"min": 150, "label": "Too high"}]},
  "categories": [
    {"id": "security", "name": "Security", "weight": -2, "target_score": -1},
    {"id": "reliability", "name": "Reliability"},
    {"id": "testing", "name": "Testing", "manual_score": 120},
    {"id": "testing", "name": "Testing again"}
  ],
  "roles": [{"id": "eng", "name": "Engineer", "weekly_rate": -4000}, {"id": "sre", "name": "SRE", "weekly_rate": "5000"}],
  "gaps": [
    {"id": "g1", "category": "security", "title": "g1", "status": "broken", "severity": "huge"},
    {"id": "g2", "category": "security", "title": "g2", "priority": "P9"},
    {"id": "g3", "category": "security", "title": "g3", "effort": {"min": 5, "max": 1, "unit": "days"}},
    {"id": "g4", "category": "nowhere", "title": "g4", "effort": {"min": -1, "max": 1, "unit": "fortnights"}},
    {"id": "g1", "category": "reliability", "title": "g5"},
    {"id": "g6", "category": "reliability", "title": "g6", "phase": "p9"},
    {"id": "g7", "category": "testing", "status": 3}
  ],
  "phases": [
    {"id": "p1", "name": "Blockers", "duration_weeks": {"min": 3, "max": 2},
     "team": [{"role": "eng", "fte": {"min": 1, "max": 2}}, {"role": "qa", "fte": {"min": 1, "max": 1}}],
     "costs": [{"name": "Licence", "amount": -8000, "kind": "one_off"}]},
    {"id": "p2", "name": "Hardening", "team": [{"role": "eng"}]}
  ],
  "kpis": [{"id": "k1", "name": "MTTR", "targets": [{"phase": "p7", "value": 1}]}],
  "risks": [{"id": "r1", "title": "Breach", "gaps": ["g1", "g99"]}]
}"#;

#[test]
fn every_problem_is_reported_at_once_with_its_path() {
    let expected = [
        ("title", "required but missing"),
        ("assessed_on", "not a date"),
        ("currency", "not a currency code"),
        ("settings.partial_credit", "between 0 and 1"),
        ("settings.levels[0].min", "between 0 and 100"),
        ("categories[0].weight", "cannot be negative"),
        ("categories[0].target_score", "between 0 and 100"),
        ("categories[2].manual_score", "between 0 and 100"),
        ("categories[3].id", "used twice"),
        ("roles[0].weekly_rate", "cannot be negative"),
        // A rate left out is unknown, which is valid; one written as text is not a rate.
        ("roles[1].weekly_rate", "Expected a number here, found text"),
        ("gaps[0].status", "\"broken\" is not a valid status"),
        ("gaps[0].severity", "\"huge\" is not a valid severity"),
        ("gaps[1].priority", "\"P9\" is not a valid priority"),
        ("gaps[2].effort.max", "upside down"),
        ("gaps[3].category", "\"nowhere\", which does not exist"),
        ("gaps[3].effort.min", "cannot be negative"),
        ("gaps[3].effort.unit", "\"fortnights\" is not a valid unit"),
        ("gaps[4].id", "\"g1\" is used twice"),
        ("gaps[5].phase", "\"p9\", which does not exist"),
        ("gaps[6].title", "required but missing"),
        ("gaps[6].status", "Expected text here, found a number"),
        ("phases[0].duration_weeks.max", "upside down"),
        ("phases[0].team[1].role", "\"qa\", which does not exist"),
        ("phases[0].costs[0].amount", "cannot be negative"),
        ("phases[1].duration_weeks", "required but missing"),
        ("phases[1].team[0].fte", "required but missing"),
        ("kpis[0].targets[0].phase", "\"p7\", which does not exist"),
        ("risks[0].gaps[1]", "\"g99\", which does not exist"),
    ];
    let error = load_error(FAULTY);
    assert_eq!(error.kind, LoadErrorKind::Invalid);
    let found: Vec<(String, &str)> = error.problems.iter().map(|p| (p.path.to_string(), p.message.as_str())).collect();
    for (path, fragment) in expected {
        assert!(
            found.iter().any(|(p, m)| p == path && m.contains(fragment)),
            "no problem at {path} saying {fragment:?}; found:\n{error}"
        );
    }
    assert_eq!(found.len(), expected.len(), "no other problems; found:\n{error}");
    assert!(error.problems.iter().all(|p| p.message.ends_with('.')), "every message is a sentence:\n{error}");

    // `read` gives the same problems beside what it could read.
    let (assessment, problems) = format::read(FAULTY.as_bytes()).expect("a Gapmap file");
    assert_eq!(problems, error.problems);
    assert_eq!(assessment.gaps.len(), 7);
}

/// Regression: a missing required field was reported twice at the same path,
/// once by decoding ("required but missing") and again by validation of the
/// empty default ("needs a title").
#[test]
fn a_missing_field_is_reported_once() {
    let error = load_error(r#"{"format": "gapmap", "version": 1, "id": "a", "categories": [{"name": "C"}]}"#);
    let found: Vec<String> = error.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "title: The field \"title\" is required but missing.",
            "categories[0].id: The field \"id\" is required but missing.",
        ]
    );
}

/// Regression: `"levels": null` was kept as an unknown field beside the
/// default levels, so saving wrote the key `levels` twice.
#[test]
fn null_levels_read_as_the_default_levels() {
    let a = load(r#"{"format": "gapmap", "version": 1, "id": "a", "title": "A", "settings": {"levels": null}}"#);
    assert_eq!(a.settings.levels, gapmap::core::model::default_levels());
    assert!(a.settings.extra.is_empty(), "{:?}", a.settings.extra);
    assert_eq!(format::save(&a).matches("\"levels\"").count(), 1);
}

#[test]
fn text_that_is_not_json_is_placed_by_line_and_column() {
    for (text, fragment) in [
        ("{\n  \"format\": \"gapmap\",\n  oops\n}", "(line 3, column 3)"),
        ("{\"format\": ", "ends in the middle of a value (line 1, column 11)"),
        ("", "(line 1, column 0)"),
        ("{} trailing", "(line 1, column 4)"),
    ] {
        let error = load_error(text);
        assert_eq!(error.kind, LoadErrorKind::NotJson, "{text:?}");
        let message = &error.problems[0].message;
        assert!(message.starts_with("This is not valid JSON") && message.contains(fragment), "{text:?}: {message}");
    }
    let deep = "[".repeat(10_000);
    let error = load_error(&deep);
    assert_eq!(error.kind, LoadErrorKind::NotJson);
    assert!(error.problems[0].message.contains("nested too deeply"), "{error}");
}

#[test]
fn json_that_is_not_a_gapmap_file() {
    for (text, fragment) in [
        (r#"{"format": "other", "version": 1}"#, "its \"format\" is \"other\""),
        (r#"{"version": 1, "id": "a", "title": "A"}"#, "it has no \"format\""),
        (r#"{"format": 1}"#, "it has no \"format\""),
        ("[1, 2]", "a Gapmap file is one JSON object"),
        ("\"gapmap\"", "a Gapmap file is one JSON object"),
        (r#"{"format": "gapmap", "version": 0}"#, "whole number from 1"),
        (r#"{"format": "gapmap", "version": 1.5}"#, "whole number from 1"),
        (r#"{"format": "gapmap", "version": -1}"#, "whole number from 1"),
        (r#"{"format": "gapmap", "version": "1"}"#, "whole number from 1"),
    ] {
        let error = load_error(text);
        assert_eq!(error.kind, LoadErrorKind::NotGapmap, "{text}");
        assert!(error.problems[0].message.contains(fragment), "{text}: {error}");
    }
}

#[test]
fn a_newer_version_is_refused_with_a_reason() {
    let error = load_error(r#"{"format": "gapmap", "version": 3, "id": "a", "title": "A", "new_thing": {}}"#);
    assert_eq!(error.kind, LoadErrorKind::TooNew { version: 3 });
    assert_eq!(error.problems.len(), 1);
    assert_eq!(error.problems[0].path.to_string(), "version");
    assert!(error.problems[0].message.contains("made by a newer Gapmap"), "{error}");
    assert!(format::read(b"{\"format\": \"gapmap\", \"version\": 99}").is_err());
}

#[test]
fn a_missing_version_is_a_problem_but_the_file_is_read() {
    let (assessment, problems) = format::read(br#"{"format": "gapmap", "id": "a", "title": "A"}"#).expect("read");
    assert_eq!(assessment.title, "A");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path.to_string(), "version");
}

#[test]
fn a_file_too_large_is_refused_before_parsing() {
    let bytes = vec![b' '; MAX_FILE_BYTES + 1];
    let error = format::load(&bytes).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::TooLarge);
    assert!(error.to_string().contains("up to 16 MB"), "{error}");
}

// ---------------------------------------------------------------------------
// Migration, with synthetic steps: version 1 has no step yet.

/// 1 → 2: `owner` is renamed `lead`.
fn rename_owner(document: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(owner) = document.remove("owner") {
        document.insert("lead".into(), owner);
    }
    Ok(())
}

/// 2 → 3: a `steps` counter records that it ran.
fn count_step(document: &mut Map<String, Value>) -> Result<(), String> {
    let steps = document.get("steps").and_then(Value::as_u64).unwrap_or(0);
    document.insert("steps".into(), Value::from(steps + 1));
    Ok(())
}

/// 3 → 4: refuses.
fn refuse(_: &mut Map<String, Value>) -> Result<(), String> {
    Err("the widget cannot be converted".into())
}

#[test]
fn migration_runs_the_steps_from_the_files_version_and_sets_the_newest() {
    let steps: &[Migration] = &[rename_owner, count_step];
    for (from, expected) in [
        (1, json!({"version": 3, "lead": "Ada", "steps": 1})),
        (2, json!({"version": 3, "owner": "Ada", "steps": 1})),
        (3, json!({"version": 3, "owner": "Ada"})),
    ] {
        let mut document = json!({"version": from, "owner": "Ada"}).as_object().unwrap().clone();
        migrate(&mut document, from, steps).expect("migrates");
        assert_eq!(Value::Object(document), expected, "from version {from}");
    }
}

#[test]
fn a_failing_migration_step_is_reported() {
    let steps: &[Migration] = &[rename_owner, count_step, refuse];
    let mut document = json!({"version": 1}).as_object().unwrap().clone();
    let problem = migrate(&mut document, 1, steps).unwrap_err();
    assert_eq!(problem.path.to_string(), "(file)");
    assert!(problem.message.contains("from format version 3 to 4"), "{problem}");
    assert!(problem.message.contains("the widget cannot be converted"), "{problem}");
}

#[test]
fn every_version_but_the_first_has_a_migration() {
    assert_eq!(MIGRATIONS.len() + 1, VERSION as usize);
}

/// Regression: an absurdly large amount was silently counted as zero.
#[test]
fn an_absurd_number_is_a_problem_not_a_silent_zero() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json"))
        .unwrap()
        .replacen("\"weekly_rate\": 4000", "\"weekly_rate\": 1e300", 1);
    let error = gapmap::core::format::load(text.as_bytes()).unwrap_err();
    assert!(
        error.problems.iter().any(|p| p.path.to_string() == "roles[0].weekly_rate" && p.message.contains("too large")),
        "{error}"
    );
}
