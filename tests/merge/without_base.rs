//! The merge without a base: every difference is a conflict, resolved to
//! ours until the user chooses, and choosing theirs everywhere gives
//! theirs.

use super::*;
use gapmap::core::model::Status;

/// Merges the base with `ours`'s edit and with `theirs`'s without their
/// base; the result must be ours, with these conflicts, and choosing
/// theirs for each must give theirs.
#[track_caller]
fn check_without_base(name: &str, ours: Edit, theirs: Edit, conflicts: &[&str]) -> MergeOutcome {
    let (mut o, mut t) = (base(), base());
    ours(&mut o);
    theirs(&mut t);
    let outcome = merge_without_base(&o, &t);
    check_outcome(name, &outcome, &o, conflicts, &[]);
    let all_theirs = vec![Side::Theirs; outcome.conflicts.len()];
    check_outcome(&format!("{name}, all theirs"), &outcome.resolve(&all_theirs), &t, &[], &[]);
    outcome
}

#[test]
fn every_difference_is_a_choice() {
    let fields = check_without_base(
        "fields",
        |a| gap(a, "g1").status = Status::Done,
        |a| gap(a, "g2").owner = "Ada".into(),
        &[r#"changed gaps[id=g1].status: – | "done" | "missing""#, r#"changed gaps[id=g2].owner: – | "" | "Ada""#],
    );
    let mut both = base();
    gap(&mut both, "g1").status = Status::Done;
    gap(&mut both, "g2").owner = "Ada".into();
    check_outcome("ours, then theirs", &fields.resolve(&[Side::Ours, Side::Theirs]), &both, &[], &[]);

    check_without_base(
        "entries only one side has",
        |a| {
            a.gaps.retain(|g| g.id != "g6");
            a.gaps.push(new_gap("g9", "Ours' gap"));
        },
        |a| a.gaps.push(new_gap("g8", "Their gap")),
        &[
            "only_in_ours gaps[id=g9]: – | {…} | –",
            "only_in_theirs gaps[id=g6]: – | – | {…}",
            "only_in_theirs gaps[id=g8]: – | – | {…}",
        ],
    );
    check_without_base(
        "tags, one value without a base",
        |a| gap(a, "g1").tags.push("sso".into()),
        nothing,
        &[r#"changed gaps[id=g1].tags: – | ["auth","sso"] | ["auth"]"#],
    );
    check_without_base(
        "an order",
        |a| a.gaps.swap(0, 1),
        nothing,
        &[r#"order gaps: – | ["g2","g1","g3","g4","g5","g6","g7"] | ["g1","g2","g3","g4","g5","g6","g7"]"#],
    );
    check_without_base("nothing different", nothing, nothing, &[]);
}
