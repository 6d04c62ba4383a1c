//! The phases: added, planned first from a set of gaps, moved, and deleted
//! with their links (gaps unassigned, KPI targets gone) unless another phase
//! has their id; and the lines of a phase: team, costs and exit criteria.

use super::*;

#[test]
fn phases_are_added_moved_and_deleted_with_their_links() {
    let a = base();
    check(
        "add",
        &a,
        |a| {
            assert_eq!(add_phase(a), "phase-3");
            reverse(|a| {
                remove_phase(a, 2);
            })
        },
        &changed(&a, |a| a.phases.push(Phase::new("phase-3", "Phase 3", Range::new(2.0, 4.0)))),
    );
    check(
        "move down",
        &a,
        |a| {
            move_phase(a, 0, false);
            reverse(|a| move_phase(a, 1, true))
        },
        &changed(&a, |a| a.phases.swap(0, 1)),
    );
    check(
        "no move past either end",
        &a,
        |a| {
            move_phase(a, 0, true);
            move_phase(a, 1, false);
            move_phase(a, 7, true);
            Undo::Unchanged
        },
        &a,
    );
    check(
        "delete: its gaps unassigned, its KPI targets gone",
        &a,
        |a| {
            let removed = remove_phase(a, 0).expect("a phase there");
            assert_eq!(removed.phase().name, "First");
            restore(move |a| restore_phase(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.phases.remove(0);
            a.gaps[0].phase = None;
            a.gaps[2].phase = None;
            a.kpis[0].targets.remove(0);
            a.kpis[1].targets.remove(1);
        }),
    );
    let waiting = changed(&a, |a| {
        a.phases[1].after = Some(vec!["phase-1".into()]);
        let mut third = Phase::new("phase-3", "Third", Range::new(1.0, 2.0));
        third.after = Some(vec!["phase-2".into(), "phase-1".into()]);
        a.phases.push(third);
    });
    check(
        "delete a phase others start after: they no longer wait for it, until Undo",
        &waiting,
        |a| {
            let removed = remove_phase(a, 0).expect("a phase there");
            restore(move |a| restore_phase(a, removed.clone()))
        },
        &changed(&waiting, |a| {
            a.phases.remove(0);
            a.gaps[0].phase = None;
            a.gaps[2].phase = None;
            a.kpis[0].targets.remove(0);
            a.kpis[1].targets.remove(1);
            a.phases[0].after = Some(Vec::new());
            a.phases[1].after = Some(vec!["phase-2".into()]);
        }),
    );

    let twins = changed(&a, |a| a.phases.insert(1, Phase::new("phase-1", "Copy", Range::new(1.0, 3.0))));
    check(
        "of two phases with one id, delete the second: nothing else changes",
        &twins,
        |a| {
            let removed = remove_phase(a, 1).expect("a phase there");
            restore(move |a| restore_phase(a, removed.clone()))
        },
        &a,
    );
    check(
        "of two phases with one id, delete the first: only it goes",
        &twins,
        |a| {
            let removed = remove_phase(a, 0).expect("a phase there");
            restore(move |a| restore_phase(a, removed.clone()))
        },
        &changed(&twins, |a| {
            a.phases.remove(0);
        }),
    );
    check(
        "delete what is not there",
        &a,
        |a| {
            assert_eq!(remove_phase(a, 2), None);
            Undo::Unchanged
        },
        &a,
    );
    check(
        "a gap assigned elsewhere since stays there",
        &a,
        |a| {
            let removed = remove_phase(a, 0).expect("a phase there");
            a.gaps[0].phase = Some("phase-2".into());
            restore_phase(a, removed.clone());
            restore_phase(a, removed);
            Undo::Over
        },
        &changed(&a, |a| a.gaps[0].phase = Some("phase-2".into())),
    );
}

#[test]
fn a_planned_phase_comes_first_and_holds_exactly_its_gaps() {
    let a = base();
    let planned = |a: &Assessment, gaps: &[usize]| {
        changed(a, |a| {
            a.phases.insert(0, Phase::new("phase-3", "Path to ready", Range::new(2.0, 4.0)));
            for &g in gaps {
                a.gaps[g].phase = Some("phase-3".into());
            }
        })
    };
    check(
        "plan unassigned gaps: removing the phase gives the file back",
        &a,
        |a| {
            assert_eq!(plan_phase(a, "Path to ready", &[3]), "phase-3");
            reverse(|a| {
                remove_phase(a, 0);
            })
        },
        &planned(&a, &[3]),
    );
    check(
        "plan gaps of other phases: they move, the others stay, positions out of range are ignored",
        &a,
        |a| {
            plan_phase(a, "Path to ready", &[1, 2, 9]);
            Undo::Over
        },
        &planned(&a, &[1, 2]),
    );
    check(
        "plan nothing: an empty phase first",
        &a,
        |a| {
            plan_phase(a, "Path to ready", &[]);
            Undo::Over
        },
        &planned(&a, &[]),
    );
    let after = planned(&a, &[0, 1, 2, 3]);
    check(
        "a planned phase removed and restored gives its bytes back",
        &after,
        |a| {
            let removed = remove_phase(a, 0).expect("the planned phase");
            assert_eq!(removed.phase().name, "Path to ready");
            restore(move |a| restore_phase(a, removed.clone()))
        },
        &changed(&after, |a| {
            a.phases.remove(0);
            a.gaps.iter_mut().for_each(|g| g.phase = None);
        }),
    );
}

#[test]
fn a_phase_has_team_cost_and_exit_criterion_lines() {
    let a = base();
    let roles = a.roles.clone();
    let line = |role: &str| TeamMember::new(role, Range::new(1.0, 1.0));
    check(
        "add a team line: the first role the team lacks",
        &a,
        move |a| {
            assert_eq!(add_team_line(&mut a.phases[1], &roles), Some(1));
            reverse(|a| {
                remove_team_line(&mut a.phases[1], 1);
            })
        },
        &changed(&a, |a| a.phases[1].team.push(line("role-2"))),
    );
    let roles = a.roles.clone();
    check(
        "add a team line to a team with every role: the first role",
        &a,
        move |a| {
            assert_eq!(add_team_line(&mut a.phases[0], &roles), Some(2));
            reverse(|a| {
                remove_team_line(&mut a.phases[0], 2);
            })
        },
        &changed(&a, |a| a.phases[0].team.push(line("role-1"))),
    );
    check(
        "no team line without roles",
        &a,
        |a| {
            assert_eq!(add_team_line(&mut a.phases[0], &[]), None);
            Undo::Unchanged
        },
        &a,
    );
    check(
        "delete a team line",
        &a,
        |a| {
            let removed = remove_team_line(&mut a.phases[0], 0).expect("a line there");
            restore(move |a| restore_team_line(&mut a.phases[0], removed.clone()))
        },
        &changed(&a, |a| {
            a.phases[0].team.remove(0);
        }),
    );
    check(
        "add a cost",
        &a,
        |a| {
            assert_eq!(add_cost(&mut a.phases[1]), 0);
            reverse(|a| {
                remove_cost(&mut a.phases[1], 0);
            })
        },
        &changed(&a, |a| a.phases[1].costs.push(Cost::new("New cost", 0.0, CostKind::OneOff))),
    );
    check(
        "delete a cost",
        &a,
        |a| {
            let removed = remove_cost(&mut a.phases[0], 1).expect("a cost there");
            restore(move |a| restore_cost(&mut a.phases[0], removed.clone()))
        },
        &changed(&a, |a| {
            a.phases[0].costs.remove(1);
        }),
    );
    check(
        "add an exit criterion",
        &a,
        |a| {
            assert_eq!(add_exit_criterion(&mut a.phases[0]), 3);
            reverse(|a| {
                remove_exit_criterion(&mut a.phases[0], 3);
            })
        },
        &changed(&a, |a| a.phases[0].exit_criteria.push(Criterion::new(""))),
    );
    for position in 0..3 {
        check(
            &format!("delete exit criterion {position} (two are blank)"),
            &a,
            |a| {
                let removed = remove_exit_criterion(&mut a.phases[0], position).expect("a criterion there");
                restore(move |a| restore_exit_criterion(&mut a.phases[0], removed.clone()))
            },
            &changed(&a, |a| {
                a.phases[0].exit_criteria.remove(position);
            }),
        );
    }
    check(
        "delete lines that are not there",
        &a,
        |a| {
            assert_eq!(remove_team_line(&mut a.phases[1], 1), None);
            assert_eq!(remove_cost(&mut a.phases[1], 0), None);
            assert_eq!(remove_exit_criterion(&mut a.phases[1], 0), None);
            Undo::Unchanged
        },
        &a,
    );
}
