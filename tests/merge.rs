//! The three-way merge of `core::merge`, case by case on the worked
//! example: each kind of change made on one side only (a field, an entry
//! added, removed or moved, a tag, a checklist item, an unknown key), the
//! same change on both sides, each kind of conflict (a value changed twice,
//! an entry removed on one side and changed on the other, an entry added
//! twice under one id, an id reused, lists reordered twice, a list that is
//! one value), the fixes that keep the result valid (an entry kept because
//! the result refers to it, an object whose two halves do not fit), the
//! merge without a base, and the user's choices applied.
//!
//! Every case goes through one helper, [`check`]: it makes ours and theirs
//! from the base with their edits, merges them, and compares the result
//! with the base given the edits expected, and the conflicts and the
//! changes taken from theirs with the lines expected, written by
//! [`conflict_line`] and [`change_line`]. The cases sit in `tests/merge/`;
//! `properties.rs` there holds the properties over generated assessments.

use serde_json::Value;

use gapmap::core::format;
use gapmap::core::merge::{merge, merge_without_base, Change, Conflict, MergeOutcome, Side};
use gapmap::core::model::{Assessment, Item, Kpi, KpiTarget, KpiValue, Risk};
use gapmap::core::validate;

mod support;

const CANONICAL: &str = include_str!("fixtures/worked-example.json");

/// An edit of an assessment: one side's work, or what the result should be.
type Edit = fn(&mut Assessment);

/// The worked example with what it lacks to show every kind of list: a tag,
/// an unknown key on a gap and on the file, a KPI with a target for the
/// first phase, and a risk that links the first gap.
fn base() -> Assessment {
    let mut a = format::load(CANONICAL.as_bytes()).expect("the worked example loads");
    a.gaps[0].tags = vec!["auth".into()];
    a.gaps[1].extra.insert("x-ticket".into(), Value::from("OPS-1"));
    a.extra.insert("x-origin".into(), Value::from("review"));
    a.kpis.push(Kpi {
        id: "k1".into(),
        name: "Deploys a week".into(),
        unit: String::new(),
        current: Some(KpiValue::Number(1.0)),
        better: Default::default(),
        targets: vec![KpiTarget::new("p1", KpiValue::Number(3.0))],
        extra: Default::default(),
    });
    a.risks.push(Risk {
        id: "r1".into(),
        title: "Token theft".into(),
        probability: Default::default(),
        impact: Default::default(),
        mitigation: String::new(),
        gaps: vec!["g1".into()],
        owner: String::new(),
        status: Default::default(),
        review_on: None,
        extra: Default::default(),
    });
    a
}

/// The gap of `id`, to edit.
fn gap<'a>(a: &'a mut Assessment, id: &str) -> &'a mut gapmap::core::model::Gap {
    a.gaps.iter_mut().find(|g| g.id == id).expect("the gap exists")
}

/// A new gap of the base's shape, in the first category.
fn new_gap(id: &str, title: &str) -> gapmap::core::model::Gap {
    gapmap::core::model::Gap::new(id, "security", title)
}

/// A value as a line shows it: JSON, with each object cut to `{…}` (the
/// path already says which entry it is).
fn shown(value: &Option<Value>) -> String {
    fn short(value: &Value) -> String {
        match value {
            Value::Object(_) => "{…}".to_string(),
            Value::Array(list) => format!("[{}]", list.iter().map(short).collect::<Vec<_>>().join(",")),
            other => other.to_string(),
        }
    }
    value.as_ref().map_or("–".to_string(), short)
}

fn kind_name(kind: impl serde::Serialize) -> String {
    serde_json::to_value(kind).unwrap().as_str().unwrap().to_string()
}

/// A conflict in one line: `kind path: base | ours | theirs`.
fn conflict_line(c: &Conflict) -> String {
    format!("{} {}: {} | {} | {}", kind_name(c.kind), c.path, shown(&c.base), shown(&c.ours), shown(&c.theirs))
}

/// A change taken from theirs in one line: `kind path: base → theirs`.
fn change_line(c: &Change) -> String {
    format!("{} {}: {} → {}", kind_name(c.kind), c.path, shown(&c.base), shown(&c.theirs))
}

/// Checks what an outcome holds: the result is `expected`, valid, and
/// reads back from its canonical text; the conflicts and the changes taken
/// are the lines given, in order.
#[track_caller]
fn check_outcome(name: &str, outcome: &MergeOutcome, expected: &Assessment, conflicts: &[&str], taken: &[&str]) {
    let conflict_lines: Vec<String> = outcome.conflicts.iter().map(conflict_line).collect();
    assert_eq!(conflict_lines, conflicts, "conflicts of case \"{name}\"");
    let change_lines: Vec<String> = outcome.taken.iter().map(change_line).collect();
    assert_eq!(change_lines, taken, "changes taken in case \"{name}\"");
    assert_eq!(outcome.is_clean(), conflicts.is_empty(), "is_clean of case \"{name}\"");
    assert_eq!(&outcome.merged, expected, "the result of case \"{name}\"");
    assert_eq!(validate(&outcome.merged), vec![], "the result of case \"{name}\" is valid");
    let text = format::save(&outcome.merged);
    assert_eq!(format::load(text.as_bytes()).as_ref(), Ok(&outcome.merged), "case \"{name}\" reads back");
}

/// One case: ours and theirs are the base with their edits; the merge must
/// give the base with `merged`'s edit, and these conflicts and changes.
#[track_caller]
fn check(name: &str, ours: Edit, theirs: Edit, merged: Edit, conflicts: &[&str], taken: &[&str]) -> MergeOutcome {
    let base = base();
    let (mut o, mut t, mut expected) = (base.clone(), base.clone(), base.clone());
    ours(&mut o);
    theirs(&mut t);
    merged(&mut expected);
    assert_eq!(validate(&o), vec![], "ours of case \"{name}\" is valid");
    assert_eq!(validate(&t), vec![], "theirs of case \"{name}\" is valid");
    let outcome = merge(&base, &o, &t);
    check_outcome(name, &outcome, &expected, conflicts, taken);
    outcome
}

/// No edit.
fn nothing(_: &mut Assessment) {}

#[path = "merge/clean.rs"]
mod clean;
#[path = "merge/conflicts.rs"]
mod conflicts;
#[path = "merge/properties.rs"]
mod properties;
#[path = "merge/without_base.rs"]
mod without_base;
