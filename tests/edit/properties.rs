//! Properties over generated assessments: removing any gaps, phase,
//! category (moving its gaps), role, KPI, risk or line, then restoring,
//! gives back the file byte for byte, and the file stays valid meanwhile.

use super::*;

/// Removes with `remove` from a copy of `a`; when it removed something
/// (`Some`), checks that the file is still valid (the references followed),
/// then that restoring gives back `a`'s text, and restoring again, or after
/// the editor's own undo, changes nothing.
fn undone<R: Clone>(
    a: &Assessment,
    remove: impl FnOnce(&mut Assessment) -> Option<R>,
    restore: impl Fn(&mut Assessment, R),
) -> Result<(), TestCaseError> {
    let original = save(a);
    let mut edited = a.clone();
    let Some(removed) = remove(&mut edited) else {
        prop_assert_eq!(save(&edited), original, "nothing removed, nothing changed");
        return Ok(());
    };
    let problems = validate(&edited);
    prop_assert!(problems.is_empty(), "{problems:?}");
    restore(&mut edited, removed.clone());
    prop_assert_eq!(&save(&edited), &original, "restored");
    restore(&mut edited, removed.clone());
    prop_assert_eq!(&save(&edited), &original, "restored twice");
    let mut undone = a.clone();
    restore(&mut undone, removed);
    prop_assert_eq!(&save(&undone), &original, "restored after the editor's undo");
    Ok(())
}

/// A position in a list of `len` (`len` itself, out of range, when empty).
fn at(index: &Index, len: usize) -> usize {
    if len == 0 {
        0
    } else {
        index.index(len)
    }
}

proptest! {
    // Each case generates a whole assessment; 64 of them cover the shapes
    // well (proptest shrinks any failure) and keep the file fast.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn deleting_any_gaps_then_restoring_gives_back_every_byte(a in assessment(), picks in vec(any::<Index>(), 0..8)) {
        let positions: Vec<usize> = picks.iter().map(|p| at(p, a.gaps.len())).collect();
        undone(&a, |a| Some(remove_gaps(a, &positions)), restore_gaps)?;
    }

    #[test]
    fn deleting_any_phase_then_restoring_gives_back_every_byte(a in assessment(), pick in any::<Index>()) {
        let position = at(&pick, a.phases.len());
        undone(&a, |a| remove_phase(a, position), restore_phase)?;
    }

    #[test]
    fn deleting_any_category_moving_its_gaps_then_restoring_gives_back_every_byte(
        a in assessment(),
        pick in any::<Index>(),
        to in any::<Index>(),
    ) {
        let position = at(&pick, a.categories.len());
        let others: Vec<String> =
            a.categories.iter().filter(|c| c.id != a.categories[position].id).map(|c| c.id.clone()).collect();
        let target = (!others.is_empty()).then(|| others[at(&to, others.len())].clone());
        undone(&a, |a| remove_category(a, position, target.as_deref()).ok(), restore_category)?;
    }

    #[test]
    fn deleting_any_role_kpi_or_risk_then_restoring_gives_back_every_byte(
        a in assessment(),
        pick in any::<Index>(),
    ) {
        undone(&a, |a| remove_role(a, at(&pick, a.roles.len())), restore_role)?;
        undone(&a, |a| remove_kpi(a, at(&pick, a.kpis.len())), restore_kpi)?;
        undone(&a, |a| remove_risk(a, at(&pick, a.risks.len())), restore_risk)?;
    }

    #[test]
    fn deleting_any_line_then_restoring_gives_back_every_byte(
        a in assessment(),
        owner in any::<Index>(),
        pick in any::<Index>(),
    ) {
        let p = at(&owner, a.phases.len());
        if p < a.phases.len() {
            let phase = &a.phases[p];
            let (team, costs, criteria) = (phase.team.len(), phase.costs.len(), phase.exit_criteria.len());
            undone(&a, |a| remove_team_line(&mut a.phases[p], at(&pick, team)), |a, r| restore_team_line(&mut a.phases[p], r))?;
            undone(&a, |a| remove_cost(&mut a.phases[p], at(&pick, costs)), |a, r| restore_cost(&mut a.phases[p], r))?;
            undone(
                &a,
                |a| remove_exit_criterion(&mut a.phases[p], at(&pick, criteria)),
                |a, r| restore_exit_criterion(&mut a.phases[p], r),
            )?;
        }
        let g = at(&owner, a.gaps.len());
        if g < a.gaps.len() {
            let items = a.gaps[g].items.len();
            undone(&a, |a| remove_item(&mut a.gaps[g], at(&pick, items)), |a, r| restore_item(&mut a.gaps[g], r))?;
        }
        undone(&a, |a| remove_level(a, at(&pick, a.settings.levels.len())), restore_level)?;
    }
}
