//! Merges without conflict: each kind of change on one side only, on ours
//! (kept, nothing reported) or on theirs (taken, and reported as what came
//! in), changes of both sides that do not meet, and the same change made
//! on both sides, taken once.

use super::*;
use gapmap::core::model::{Priority, Range, Status};

#[test]
fn one_sided_changes_of_a_field() {
    check(
        "a field on theirs",
        nothing,
        |a| gap(a, "g1").status = Status::Done,
        |a| gap(a, "g1").status = Status::Done,
        &[],
        &[r#"changed gaps[id=g1].status: "missing" → "done""#],
    );
    check(
        "a field on ours",
        |a| gap(a, "g1").owner = "Ada".into(),
        nothing,
        |a| gap(a, "g1").owner = "Ada".into(),
        &[],
        &[],
    );
    check(
        "different fields of one gap",
        |a| gap(a, "g3").owner = "Ada".into(),
        |a| gap(a, "g3").priority = Priority::P0,
        |a| {
            gap(a, "g3").owner = "Ada".into();
            gap(a, "g3").priority = Priority::P0;
        },
        &[],
        &[r#"changed gaps[id=g3].priority: "P2" → "P0""#],
    );
    check(
        "different gaps",
        |a| gap(a, "g1").title = "Verify tokens".into(),
        |a| gap(a, "g4").status = Status::Done,
        |a| {
            gap(a, "g1").title = "Verify tokens".into();
            gap(a, "g4").status = Status::Done;
        },
        &[],
        &[r#"changed gaps[id=g4].status: "partial" → "done""#],
    );
    check(
        "settings on both sides",
        |a| a.settings.days_per_week = 4.0,
        |a| a.settings.ready_threshold = 80.0,
        |a| {
            a.settings.days_per_week = 4.0;
            a.settings.ready_threshold = 80.0;
        },
        &[],
        &["changed settings.ready_threshold: 75.0 → 80.0"],
    );
    check(
        "an optional field added on theirs",
        |a| a.phases[1].goal = "Sleep at night".into(),
        |a| a.phases[0].stated_cost = Some(Range::new(20_000.0, 30_000.0)),
        |a| {
            a.phases[1].goal = "Sleep at night".into();
            a.phases[0].stated_cost = Some(Range::new(20_000.0, 30_000.0));
        },
        &[],
        &["added phases[id=p1].stated_cost: – → {…}"],
    );
}

#[test]
fn one_sided_changes_of_entries() {
    check(
        "an entry added on each side",
        |a| a.gaps.push(new_gap("g8", "Ours' gap")),
        |a| a.gaps.push(new_gap("g9", "Their gap")),
        // Theirs' addition follows g7, as in theirs; ours' comes after it.
        |a| a.gaps.extend([new_gap("g9", "Their gap"), new_gap("g8", "Ours' gap")]),
        &[],
        &["added gaps[id=g9]: – → {…}"],
    );
    check(
        "an entry inserted in the middle on theirs",
        |a| gap(a, "g7").owner = "Ada".into(),
        |a| a.gaps.insert(2, new_gap("g8", "Their gap")),
        |a| {
            gap(a, "g7").owner = "Ada".into();
            a.gaps.insert(2, new_gap("g8", "Their gap"));
        },
        &[],
        &["added gaps[id=g8]: – → {…}"],
    );
    check(
        "an entry removed on theirs",
        |a| gap(a, "g1").owner = "Ada".into(),
        |a| a.gaps.retain(|g| g.id != "g5"),
        |a| {
            gap(a, "g1").owner = "Ada".into();
            a.gaps.retain(|g| g.id != "g5");
        },
        &[],
        &["removed gaps[id=g5]: {…} → –"],
    );
    check(
        "an entry removed on ours",
        |a| a.gaps.retain(|g| g.id != "g6"),
        |a| gap(a, "g1").status = Status::Done,
        |a| {
            a.gaps.retain(|g| g.id != "g6");
            gap(a, "g1").status = Status::Done;
        },
        &[],
        &[r#"changed gaps[id=g1].status: "missing" → "done""#],
    );
    check(
        "a KPI's targets, a list of one value, on theirs",
        nothing,
        |a| a.kpis[0].targets.push(KpiTarget::new("p2", KpiValue::Number(5.0))),
        |a| a.kpis[0].targets.push(KpiTarget::new("p2", KpiValue::Number(5.0))),
        &[],
        &["changed kpis[id=k1].targets: [{…}] → [{…},{…}]"],
    );
}

#[test]
fn one_sided_reorders() {
    check(
        "reordered on theirs",
        |a| gap(a, "g1").owner = "Ada".into(),
        |a| {
            let last = a.gaps.pop().unwrap();
            a.gaps.insert(0, last);
        },
        |a| {
            gap(a, "g1").owner = "Ada".into();
            let last = a.gaps.pop().unwrap();
            a.gaps.insert(0, last);
        },
        &[],
        &[r#"changed gaps: ["g1","g2","g3","g4","g5","g6","g7"] → ["g7","g1","g2","g3","g4","g5","g6"]"#],
    );
    check(
        "reordered on ours",
        |a| {
            let last = a.gaps.pop().unwrap();
            a.gaps.insert(0, last);
        },
        |a| gap(a, "g1").status = Status::Done,
        |a| {
            let last = a.gaps.pop().unwrap();
            a.gaps.insert(0, last);
            gap(a, "g1").status = Status::Done;
        },
        &[],
        &[r#"changed gaps[id=g1].status: "missing" → "done""#],
    );
}

#[test]
fn lists_of_strings_merge_as_sets() {
    check(
        "a tag added on each side",
        |a| gap(a, "g1").tags.push("sso".into()),
        |a| gap(a, "g1").tags.push("pci".into()),
        |a| gap(a, "g1").tags = vec!["auth".into(), "pci".into(), "sso".into()],
        &[],
        &[r#"added gaps[id=g1].tags: – → "pci""#],
    );
    check(
        "a tag removed on theirs, another added on ours",
        |a| gap(a, "g1").tags.push("sso".into()),
        |a| gap(a, "g1").tags.clear(),
        |a| gap(a, "g1").tags = vec!["sso".into()],
        &[],
        &[r#"removed gaps[id=g1].tags: "auth" → –"#],
    );
    check(
        "a risk linked to another gap on theirs, its mitigation on ours",
        |a| a.risks[0].mitigation = "Short-lived tokens".into(),
        |a| a.risks[0].gaps.push("g7".into()),
        |a| {
            a.risks[0].mitigation = "Short-lived tokens".into();
            a.risks[0].gaps.push("g7".into());
        },
        &[],
        &[r#"added risks[id=r1].gaps: – → "g7""#],
    );
}

#[test]
fn checklists_by_position_and_by_text() {
    check(
        "by position: an item ticked on ours, another renamed on theirs",
        |a| gap(a, "g3").items[2].done = true,
        |a| gap(a, "g3").items[3].text = "d, with tests".into(),
        |a| {
            gap(a, "g3").items[2].done = true;
            gap(a, "g3").items[3].text = "d, with tests".into();
        },
        &[],
        &[r#"changed gaps[id=g3].items[3].text: "d" → "d, with tests""#],
    );
    check(
        "by text: an item inserted on theirs, another ticked on ours",
        |a| gap(a, "g3").items[2].done = true,
        |a| gap(a, "g3").items.insert(1, Item::new("a2", false)),
        |a| {
            gap(a, "g3").items[2].done = true;
            gap(a, "g3").items.insert(1, Item::new("a2", false));
        },
        &[],
        &[r#"added gaps[id=g3].items[text="a2"]: – → {…}"#],
    );
    check(
        "by text: an item removed on theirs, another ticked on ours",
        |a| gap(a, "g3").items[2].done = true,
        |a| gap(a, "g3").items.retain(|i| i.text != "d"),
        |a| {
            gap(a, "g3").items[2].done = true;
            gap(a, "g3").items.retain(|i| i.text != "d");
        },
        &[],
        &[r#"removed gaps[id=g3].items[text="d"]: {…} → –"#],
    );
}

#[test]
fn unknown_keys_are_kept_from_both_sides() {
    check(
        "unknown keys",
        |a| {
            a.extra.insert("x-ours".into(), Value::from(1));
        },
        |a| {
            a.extra.insert("x-theirs".into(), Value::from(true));
            gap(a, "g2").extra.insert("x-ticket".into(), Value::from("OPS-2"));
        },
        |a| {
            a.extra.insert("x-ours".into(), Value::from(1));
            a.extra.insert("x-theirs".into(), Value::from(true));
            gap(a, "g2").extra.insert("x-ticket".into(), Value::from("OPS-2"));
        },
        &[],
        &[r#"changed gaps[id=g2].x-ticket: "OPS-1" → "OPS-2""#, "added x-theirs: – → true"],
    );
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let same: Edit = |a| {
        gap(a, "g1").status = Status::Done;
        a.gaps.retain(|g| g.id != "g5");
        a.gaps.push(new_gap("g8", "Both"));
        gap(a, "g2").tags.push("pci".into());
    };
    check("the same edits", same, same, same, &[], &[]);
}
