//! The gaps: added where the Gaps table's filters look (with a category
//! first when there is none), deleted several at once with the risk links
//! to them and put back, changed several at once, and assigned to a phase
//! or taken off it.

use super::*;

#[test]
fn gaps_are_added_where_the_filters_look_and_deleted_with_their_risk_links() {
    let a = base();
    let new_gap = |category: &str| Gap::new("gap-5", category, "New gap");
    check(
        "add, no filter",
        &a,
        |a| {
            assert_eq!(add_gap(a, &GapFilter::default()), "gap-5");
            reverse(|a| {
                remove_gaps(a, &[4]);
            })
        },
        &changed(&a, |a| a.gaps.push(new_gap("cat-1"))),
    );
    let filter = GapFilter {
        category: Some("cat-2".into()),
        status: StatusFilter::Is(Status::Partial),
        priority: Some(Priority::P0),
        phase: PhaseFilter::Is("phase-2".into()),
        text: "words".into(),
    };
    check(
        "add where the filters look",
        &a,
        |a| {
            add_gap(a, &filter);
            reverse(|a| {
                remove_gaps(a, &[4]);
            })
        },
        &changed(&a, |a| {
            a.gaps.push(Gap {
                status: Status::Partial,
                priority: Priority::P0,
                phase: Some("phase-2".into()),
                ..new_gap("cat-2")
            })
        }),
    );
    let nowhere = GapFilter {
        category: Some("cat-9".into()),
        status: StatusFilter::Open,
        phase: PhaseFilter::Is("phase-9".into()),
        ..GapFilter::default()
    };
    check(
        "add where the filters name nothing that exists",
        &a,
        |a| {
            add_gap(a, &nowhere);
            reverse(|a| {
                remove_gaps(a, &[4]);
            })
        },
        &changed(&a, |a| a.gaps.push(new_gap("cat-1"))),
    );
    let empty = Assessment::new("empty", "Empty");
    check(
        "add without any category: one comes first",
        &empty,
        |a| {
            assert_eq!(add_gap(a, &GapFilter::default()), "gap-1");
            reverse(|a| {
                remove_gaps(a, &[0]);
                {
                    remove_category(a, 0, None).expect("no gaps left");
                };
            })
        },
        &changed(&empty, |a| {
            a.categories.push(Category::new("cat-1", "General"));
            a.gaps.push(Gap::new("gap-1", "cat-1", "New gap"));
        }),
    );
    check(
        "delete one",
        &a,
        |a| {
            let removed = remove_gaps(a, &[0]);
            restore(move |a| restore_gaps(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.gaps.remove(0);
            a.risks[0].gaps = vec!["gap-3".into()];
        }),
    );
    check(
        "delete several, named out of order, twice and out of range",
        &a,
        |a| {
            let removed = remove_gaps(a, &[2, 0, 2, 99]);
            restore(move |a| restore_gaps(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.gaps.retain(|g| g.id == "gap-2" || g.id == "gap-4");
            a.risks[0].gaps.clear();
            a.risks[1].gaps.clear();
        }),
    );
    check(
        "delete none",
        &a,
        |a| {
            let removed = remove_gaps(a, &[]);
            restore(move |a| restore_gaps(a, removed.clone()))
        },
        &a,
    );
    let twice_linked = changed(&a, |a| a.risks[0].gaps = vec!["gap-1".into(), "gap-3".into(), "gap-1".into()]);
    check(
        "delete a gap a risk links twice",
        &twice_linked,
        |a| {
            let removed = remove_gaps(a, &[0]);
            restore(move |a| restore_gaps(a, removed.clone()))
        },
        &changed(&twice_linked, |a| {
            a.gaps.remove(0);
            a.risks[0].gaps = vec!["gap-3".into()];
        }),
    );
    let namesakes = changed(&a, |a| a.gaps[3].id = "gap-1".into());
    check(
        "a risk keeps its link while a gap with that id remains",
        &namesakes,
        |a| {
            let removed = remove_gaps(a, &[0]);
            restore(move |a| restore_gaps(a, removed.clone()))
        },
        &changed(&namesakes, |a| {
            a.gaps.remove(0);
        }),
    );
    let dependent = changed(&a, |a| {
        a.gaps[1].depends_on = vec!["gap-1".into(), "gap-3".into()];
        a.gaps[3].depends_on = vec!["gap-1".into()];
        a.gaps[2].depends_on = vec!["gap-1".into()];
    });
    check(
        "delete gaps others depend on: the dependencies on them go, and come back with Undo",
        &dependent,
        |a| {
            let removed = remove_gaps(a, &[0, 2]);
            restore(move |a| restore_gaps(a, removed.clone()))
        },
        &changed(&dependent, |a| {
            a.gaps.retain(|g| g.id == "gap-2" || g.id == "gap-4");
            a.gaps[0].depends_on.clear();
            a.gaps[1].depends_on.clear();
            a.risks[0].gaps.clear();
            a.risks[1].gaps.clear();
        }),
    );
}

#[test]
fn gaps_are_assigned_to_a_phase_and_taken_off_it() {
    let a = base();
    check(
        "assign: only a gap without a phase",
        &a,
        |a| {
            assert_eq!(assign_gaps(a, [3, 0, 9], "phase-2"), 1);
            reverse(|a| assert_eq!(unassign_gap(a, 3, "gap-4").as_deref(), Some("phase-2")))
        },
        &changed(&a, |a| a.gaps[3].phase = Some("phase-2".into())),
    );
    check(
        "unassign",
        &a,
        |a| {
            assert_eq!(unassign_gap(a, 0, "gap-1").as_deref(), Some("phase-1"));
            reverse(|a| {
                assign_gaps(a, [0], "phase-1");
            })
        },
        &changed(&a, |a| a.gaps[0].phase = None),
    );
    check(
        "unassign a gap that is no longer there",
        &a,
        |a| {
            assert_eq!(unassign_gap(a, 0, "gap-2"), None);
            assert_eq!(unassign_gap(a, 9, "gap-1"), None);
            Undo::Unchanged
        },
        &a,
    );
}

#[test]
fn several_gaps_are_changed_at_once() {
    let a = base();
    check(
        "a status for some, passing over a position out of range",
        &a,
        |a| {
            let was = a.gaps[0].status;
            assert_eq!(change_gaps(a, [0, 2, 9], |g| g.status = Status::Done), 2);
            reverse(move |a| {
                change_gaps(a, [0, 2], |g| g.status = was);
            })
        },
        &changed(&a, |a| {
            a.gaps[0].status = Status::Done;
            a.gaps[2].status = Status::Done;
        }),
    );
    check(
        "no phase",
        &a,
        |a| {
            assert_eq!(change_gaps(a, [0, 1], |g| g.phase = None), 2);
            reverse(|a| {
                assign_gaps(a, [0], "phase-1");
                assign_gaps(a, [1], "phase-2");
            })
        },
        &changed(&a, |a| {
            a.gaps[0].phase = None;
            a.gaps[1].phase = None;
        }),
    );
    check(
        "a position given twice is changed twice",
        &a,
        |a| {
            assert_eq!(change_gaps(a, [1, 1], |g| g.title.push('!')), 2);
            Undo::Over
        },
        &changed(&a, |a| a.gaps[1].title = "Gap 2!!".into()),
    );
    check(
        "no gaps",
        &a,
        |a| {
            assert_eq!(change_gaps(a, [], |g| g.status = Status::Done), 0);
            assert_eq!(change_gaps(a, [4], |g| g.status = Status::Done), 0);
            Undo::Unchanged
        },
        &a,
    );
}
