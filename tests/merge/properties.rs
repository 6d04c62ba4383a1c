//! Properties of the merge over generated assessments: merging a version
//! with itself gives it; a change on one side only gives that side; any
//! three assessments merge into a valid one, which reads back from its
//! canonical text, also with theirs chosen for every conflict; without a
//! base, the result is ours, and theirs once theirs is chosen everywhere.

use proptest::prelude::*;

use super::*;
use support::generate::assessment;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// The result is valid and is what its canonical text reads back as.
fn valid(outcome: &MergeOutcome) -> Result<(), TestCaseError> {
    prop_assert_eq!(validate(&outcome.merged), vec![]);
    let text = format::save(&outcome.merged);
    let read = format::load(text.as_bytes());
    prop_assert_eq!(read.as_ref(), Ok(&outcome.merged));
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn one_change_on_one_side_is_that_side(base in assessment(), x in assessment()) {
        let same = merge(&base, &x, &x);
        prop_assert_eq!(&same.merged, &x);
        prop_assert!(same.is_clean());
        let ours = merge(&base, &x, &base);
        prop_assert_eq!(&ours.merged, &x);
        prop_assert!(ours.is_clean() && ours.taken.is_empty());
        let theirs = merge(&base, &base, &x);
        prop_assert_eq!(&theirs.merged, &x);
        prop_assert!(theirs.is_clean());
        prop_assert_eq!(theirs.taken.is_empty(), base == x);
    }

    #[test]
    fn any_merge_is_valid(base in assessment(), ours in assessment(), theirs in assessment()) {
        let outcome = merge(&base, &ours, &theirs);
        valid(&outcome)?;
        let all_theirs = vec![Side::Theirs; outcome.conflicts.len()];
        let chosen = outcome.resolve(&all_theirs);
        valid(&chosen)?;
        prop_assert!(chosen.conflicts.iter().all(|c| !c.is_choice()));
    }

    #[test]
    fn without_a_base_ours_until_theirs_is_chosen(ours in assessment(), theirs in assessment()) {
        let outcome = merge_without_base(&ours, &theirs);
        prop_assert_eq!(&outcome.merged, &ours);
        prop_assert_eq!(outcome.is_clean(), ours == theirs);
        let all_theirs = vec![Side::Theirs; outcome.conflicts.len()];
        prop_assert_eq!(&outcome.resolve(&all_theirs).merged, &theirs);
    }
}
