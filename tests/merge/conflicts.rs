//! Merges with conflicts: a value changed differently on both sides, an
//! entry removed on one side and changed on the other, an entry added on
//! both sides under one id, an id reused for another gap, a list reordered
//! differently, a list that is one value; the fixes that keep the result
//! valid (an entry one side removed kept because the result refers to it,
//! an object whose halves do not fit together); and the user's choices
//! applied with `resolve`.

use super::*;
use gapmap::core::model::{Effort, EffortUnit, Range, Severity, Status};

#[test]
fn a_value_changed_differently_keeps_ours() {
    check(
        "a status",
        |a| gap(a, "g1").status = Status::Done,
        |a| gap(a, "g1").status = Status::Partial,
        |a| gap(a, "g1").status = Status::Done,
        &[r#"changed gaps[id=g1].status: "missing" | "done" | "partial""#],
        &[],
    );
    check(
        "a number deep in a gap",
        |a| gap(a, "g1").effort.as_mut().unwrap().max = 6.0,
        |a| gap(a, "g1").effort.as_mut().unwrap().max = 7.0,
        |a| gap(a, "g1").effort.as_mut().unwrap().max = 6.0,
        &["changed gaps[id=g1].effort.max: 5.0 | 6.0 | 7.0"],
        &[],
    );
    check(
        "a value set where there was none",
        |a| gap(a, "g1").severity = Some(Severity::High),
        |a| gap(a, "g1").severity = Some(Severity::Low),
        |a| gap(a, "g1").severity = Some(Severity::High),
        &[r#"changed gaps[id=g1].severity: null | "high" | "low""#],
        &[],
    );
    check(
        "a list that is one value",
        |a| a.phases[0].team[0].fte = Range::new(2.0, 2.0),
        |a| a.phases[0].team.truncate(1),
        |a| a.phases[0].team[0].fte = Range::new(2.0, 2.0),
        &["changed phases[id=p1].team: [{…},{…}] | [{…},{…}] | [{…}]"],
        &[],
    );
}

#[test]
fn removed_on_one_side_and_changed_on_the_other() {
    check(
        "removed on ours, changed on theirs: removed",
        |a| a.gaps.retain(|g| g.id != "g7"),
        |a| gap(a, "g7").owner = "Grace".into(),
        |a| a.gaps.retain(|g| g.id != "g7"),
        &["removed_in_ours gaps[id=g7]: {…} | – | {…}"],
        &[],
    );
    check(
        "changed on ours, removed on theirs: kept as ours has it",
        |a| gap(a, "g7").owner = "Ada".into(),
        |a| a.gaps.retain(|g| g.id != "g7"),
        |a| gap(a, "g7").owner = "Ada".into(),
        &["removed_in_theirs gaps[id=g7]: {…} | {…} | –"],
        &[],
    );
}

#[test]
fn ids_met_on_both_sides() {
    check(
        "added on both sides under one id: a conflict per field",
        |a| {
            let mut g = new_gap("g8", "Ours' gap");
            g.owner = "Ada".into();
            a.gaps.push(g);
        },
        |a| {
            let mut g = new_gap("g8", "Their gap");
            g.priority = gapmap::core::model::Priority::P0;
            a.gaps.push(g);
        },
        |a| {
            let mut g = new_gap("g8", "Ours' gap");
            g.owner = "Ada".into();
            a.gaps.push(g);
        },
        &[
            r#"changed gaps[id=g8].owner: – | "Ada" | """#,
            r#"changed gaps[id=g8].priority: – | "P2" | "P0""#,
            r#"changed gaps[id=g8].title: – | "Ours' gap" | "Their gap""#,
        ],
        &[],
    );
    // An id that ours gave to a new gap after removing the old one is, to
    // the merge, the same gap changed: theirs' change to a field ours left
    // alone comes in, a field both changed conflicts.
    check(
        "an id reused",
        |a| {
            a.gaps.retain(|g| g.id != "g5");
            a.gaps.push(new_gap("g5", "Rate limits"));
        },
        |a| {
            gap(a, "g5").title = "g5 renamed".into();
            gap(a, "g5").owner = "Grace".into();
        },
        |a| {
            a.gaps.retain(|g| g.id != "g5");
            let mut g = new_gap("g5", "Rate limits");
            g.owner = "Grace".into();
            a.gaps.push(g);
        },
        &[r#"changed gaps[id=g5].title: "g5" | "Rate limits" | "g5 renamed""#],
        &[r#"changed gaps[id=g5].owner: "" → "Grace""#],
    );
}

#[test]
fn reordered_differently_on_both_sides() {
    check(
        "gaps reordered twice",
        |a| {
            let last = a.gaps.pop().unwrap();
            a.gaps.insert(0, last);
        },
        |a| {
            let first = a.gaps.remove(0);
            a.gaps.push(first);
        },
        |a| {
            let last = a.gaps.pop().unwrap();
            a.gaps.insert(0, last);
        },
        &[concat!(
            r#"order gaps: ["g1","g2","g3","g4","g5","g6","g7"]"#,
            r#" | ["g7","g1","g2","g3","g4","g5","g6"]"#,
            r#" | ["g2","g3","g4","g5","g6","g7","g1"]"#
        )],
        &[],
    );
}

#[test]
fn entries_the_result_refers_to_are_kept() {
    check(
        "a category removed on theirs, a gap added to it on ours",
        |a| a.gaps.push(gapmap::core::model::Gap::new("g8", "testing", "Contract tests")),
        |a| {
            gap(a, "g7").category = "reliability".into();
            a.categories.retain(|c| c.id != "testing");
        },
        |a| {
            a.gaps.push(gapmap::core::model::Gap::new("g8", "testing", "Contract tests"));
            gap(a, "g7").category = "reliability".into();
        },
        &["kept_for_reference categories[id=testing]: {…} | {…} | –"],
        &[r#"changed gaps[id=g7].category: "testing" → "reliability""#],
    );
    check(
        "a phase removed on theirs, a KPI target set for it on ours",
        |a| a.kpis[0].targets.push(KpiTarget::new("p2", KpiValue::Number(5.0))),
        |a| {
            gap(a, "g3").phase = None;
            gap(a, "g4").phase = None;
            a.phases.retain(|p| p.id != "p2");
        },
        |a| {
            a.kpis[0].targets.push(KpiTarget::new("p2", KpiValue::Number(5.0)));
            gap(a, "g3").phase = None;
            gap(a, "g4").phase = None;
        },
        &["kept_for_reference phases[id=p2]: {…} | {…} | –"],
        &[r#"changed gaps[id=g3].phase: "p2" → null"#, r#"changed gaps[id=g4].phase: "p2" → null"#],
    );
    check(
        "a gap removed on theirs, a risk linked to it on ours",
        |a| a.risks[0].gaps.push("g5".into()),
        |a| a.gaps.retain(|g| g.id != "g5"),
        |a| a.risks[0].gaps.push("g5".into()),
        &["kept_for_reference gaps[id=g5]: {…} | {…} | –"],
        &[],
    );
}

#[test]
fn halves_that_do_not_fit_keep_ours() {
    // Each side's effort is a range; the two changes together are not.
    check(
        "an effort's minimum raised on ours, its maximum lowered on theirs",
        |a| gap(a, "g1").effort = Some(Effort::new(4.0, 5.0, EffortUnit::Days)),
        |a| gap(a, "g1").effort = Some(Effort::new(3.0, 3.0, EffortUnit::Days)),
        |a| gap(a, "g1").effort = Some(Effort::new(4.0, 5.0, EffortUnit::Days)),
        &["incompatible gaps[id=g1].effort: {…} | {…} | {…}"],
        &[],
    );
}

/// Applies `choices` to `outcome` and checks the result as [`check`] does.
#[track_caller]
fn check_resolved(
    name: &str,
    outcome: &MergeOutcome,
    choices: &[Side],
    merged: Edit,
    conflicts: &[&str],
    taken: &[&str],
) {
    let mut expected = base();
    merged(&mut expected);
    check_outcome(name, &outcome.resolve(choices), &expected, conflicts, taken);
}

#[test]
fn choices_apply_theirs_where_the_user_says() {
    let status = check(
        "two statuses",
        |a| {
            gap(a, "g1").status = Status::Done;
            gap(a, "g2").owner = "Ada".into();
        },
        |a| {
            gap(a, "g1").status = Status::Partial;
            gap(a, "g2").owner = "Grace".into();
        },
        |a| {
            gap(a, "g1").status = Status::Done;
            gap(a, "g2").owner = "Ada".into();
        },
        &[
            r#"changed gaps[id=g1].status: "missing" | "done" | "partial""#,
            r#"changed gaps[id=g2].owner: "" | "Ada" | "Grace""#,
        ],
        &[],
    );
    check_resolved(
        "theirs, then ours",
        &status,
        &[Side::Theirs, Side::Ours],
        |a| {
            gap(a, "g1").status = Status::Partial;
            gap(a, "g2").owner = "Ada".into();
        },
        &[],
        &[],
    );
    check_resolved(
        "theirs for the first only, the second unsaid",
        &status,
        &[Side::Theirs],
        |a| {
            gap(a, "g1").status = Status::Partial;
            gap(a, "g2").owner = "Ada".into();
        },
        &[],
        &[],
    );

    let removed = check(
        "removed on ours, changed on theirs",
        |a| a.gaps.retain(|g| g.id != "g3"),
        |a| gap(a, "g3").owner = "Grace".into(),
        |a| a.gaps.retain(|g| g.id != "g3"),
        &["removed_in_ours gaps[id=g3]: {…} | – | {…}"],
        &[],
    );
    check_resolved(
        "theirs: the gap back where it was, changed",
        &removed,
        &[Side::Theirs],
        |a| {
            gap(a, "g3").owner = "Grace".into();
        },
        &[],
        &[],
    );

    let order = check(
        "reordered twice",
        |a| a.gaps.swap(0, 1),
        |a| a.gaps.swap(5, 6),
        |a| a.gaps.swap(0, 1),
        &[concat!(
            r#"order gaps: ["g1","g2","g3","g4","g5","g6","g7"]"#,
            r#" | ["g2","g1","g3","g4","g5","g6","g7"]"#,
            r#" | ["g1","g2","g3","g4","g5","g7","g6"]"#
        )],
        &[],
    );
    check_resolved("theirs' order", &order, &[Side::Theirs], |a| a.gaps.swap(5, 6), &[], &[]);

    // A fix is not a choice: choosing theirs leaves the category kept.
    let kept = check(
        "a category kept",
        |a| a.gaps.push(gapmap::core::model::Gap::new("g8", "testing", "Contract tests")),
        |a| {
            gap(a, "g7").category = "reliability".into();
            a.categories.retain(|c| c.id != "testing");
        },
        |a| {
            a.gaps.push(gapmap::core::model::Gap::new("g8", "testing", "Contract tests"));
            gap(a, "g7").category = "reliability".into();
        },
        &["kept_for_reference categories[id=testing]: {…} | {…} | –"],
        &[r#"changed gaps[id=g7].category: "testing" → "reliability""#],
    );
    assert!(!kept.conflicts[0].is_choice());
    check_resolved(
        "theirs, where there is no choice",
        &kept,
        &[Side::Theirs],
        |a| {
            a.gaps.push(gapmap::core::model::Gap::new("g8", "testing", "Contract tests"));
            gap(a, "g7").category = "reliability".into();
        },
        &["kept_for_reference categories[id=testing]: {…} | {…} | –"],
        &[r#"changed gaps[id=g7].category: "testing" → "reliability""#],
    );
}
