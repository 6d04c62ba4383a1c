//! The KPIs and the risks: added with a fresh id, deleted and put back, under
//! a fresh id when one added since has taken theirs; a KPI's targets, one
//! per phase in roadmap order; a risk's links to gaps.

use super::*;

#[test]
fn kpis_are_added_and_deleted() {
    let a = base();
    check(
        "add",
        &a,
        |a| {
            assert_eq!(add_kpi(a), "kpi-3");
            reverse(|a| {
                remove_kpi(a, 2);
            })
        },
        &changed(&a, |a| a.kpis.push(kpi("kpi-3", "New KPI", &[]))),
    );
    check(
        "delete",
        &a,
        |a| {
            let removed = remove_kpi(a, 0).expect("a KPI there");
            assert_eq!(removed.entry.name, "Latency");
            restore(move |a| restore_kpi(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.kpis.remove(0);
        }),
    );
    check(
        "a KPI added since takes the id: the deleted one comes back under a fresh one, once",
        &a,
        |a| {
            let removed = remove_kpi(a, 1).expect("a KPI there");
            assert_eq!(add_kpi(a), "kpi-2");
            restore_kpi(a, removed.clone());
            restore_kpi(a, removed);
            Undo::Over
        },
        &changed(&a, |a| {
            a.kpis[1].id = "kpi-3".into();
            a.kpis.push(kpi("kpi-2", "New KPI", &[]));
        }),
    );
    check(
        "delete what is not there",
        &a,
        |a| {
            assert_eq!(remove_kpi(a, 2), None);
            Undo::Unchanged
        },
        &a,
    );
}

#[test]
fn risks_are_added_and_deleted() {
    let a = base();
    check(
        "add",
        &a,
        |a| {
            assert_eq!(add_risk(a), "risk-3");
            reverse(|a| {
                remove_risk(a, 2);
            })
        },
        &changed(&a, |a| a.risks.push(risk("risk-3", "New risk", &[]))),
    );
    check(
        "delete",
        &a,
        |a| {
            let removed = remove_risk(a, 0).expect("a risk there");
            assert_eq!(removed.entry.title, "Outage");
            restore(move |a| restore_risk(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.risks.remove(0);
        }),
    );
    check(
        "a risk added since takes the id: the deleted one comes back under a fresh one, once",
        &a,
        |a| {
            let removed = remove_risk(a, 1).expect("a risk there");
            assert_eq!(add_risk(a), "risk-2");
            restore_risk(a, removed.clone());
            restore_risk(a, removed);
            Undo::Over
        },
        &changed(&a, |a| {
            a.risks[1].id = "risk-3".into();
            a.risks.push(risk("risk-2", "New risk", &[]));
        }),
    );
}

#[test]
fn a_kpi_has_one_target_per_phase_in_roadmap_order() {
    let a = base();
    let order = ["phase-1", "phase-2"];
    check(
        "change a target",
        &a,
        |a| {
            set_kpi_target(&mut a.kpis[0], &order, "phase-2", Some(KpiValue::Number(150.0)));
            reverse(move |a| set_kpi_target(&mut a.kpis[0], &order, "phase-2", Some(KpiValue::Number(100.0))))
        },
        &changed(&a, |a| a.kpis[0].targets[1].value = KpiValue::Number(150.0)),
    );
    check(
        "remove a target",
        &a,
        |a| {
            set_kpi_target(&mut a.kpis[0], &order, "phase-1", None);
            reverse(move |a| set_kpi_target(&mut a.kpis[0], &order, "phase-1", Some(KpiValue::Number(200.0))))
        },
        &changed(&a, |a| {
            a.kpis[0].targets.remove(0);
        }),
    );
    let without = changed(&a, |a| a.kpis[0].targets.clear());
    check(
        "add a target",
        &without,
        |a| {
            set_kpi_target(&mut a.kpis[0], &order, "phase-2", Some(KpiValue::Number(120.0)));
            reverse(move |a| set_kpi_target(&mut a.kpis[0], &order, "phase-2", None))
        },
        &changed(&without, |a| a.kpis[0].targets = kpi("kpi-1", "Latency", &[("phase-2", 120.0)]).targets),
    );
    check(
        "targets out of roadmap order are put in order",
        &a,
        |a| {
            set_kpi_target(&mut a.kpis[1], &order, "phase-2", Some(KpiValue::Number(99.5)));
            Undo::Over
        },
        &changed(&a, |a| a.kpis[1].targets = kpi("kpi-2", "Uptime", &[("phase-1", 99.0), ("phase-2", 99.5)]).targets),
    );
    check(
        "remove a target that is not there",
        &without,
        |a| {
            set_kpi_target(&mut a.kpis[0], &order, "phase-1", None);
            Undo::Unchanged
        },
        &without,
    );
}

#[test]
fn set_target_keeps_phase_order() {
    // Moved from `core::numbers::kpi` with `set_kpi_target`: targets of phases not
    // in the roadmap stay, after the others.
    let phases = ["p1", "p2", "p3"];
    let mut k = kpi("k1", "Availability", &[("gone", 5.0), ("p3", 3.0)]);
    set_kpi_target(&mut k, &phases, "p1", Some(KpiValue::Number(1.0)));
    set_kpi_target(&mut k, &phases, "p2", Some(KpiValue::Number(2.0)));
    let order: Vec<_> = k.targets.iter().map(|t| (t.phase.as_str(), t.value.number())).collect();
    assert_eq!(order, [("p1", Some(1.0)), ("p2", Some(2.0)), ("p3", Some(3.0)), ("gone", Some(5.0))]);

    set_kpi_target(&mut k, &phases, "p2", Some(KpiValue::Number(2.5)));
    assert_eq!(k.target("p2").and_then(|t| t.value.number()), Some(2.5));
    set_kpi_target(&mut k, &phases, "p2", None);
    assert_eq!(k.target("p2"), None);
    set_kpi_target(&mut k, &phases, "p2", None);
    assert_eq!(k.targets.len(), 3);
}

#[test]
fn a_risk_links_each_gap_once_and_unlinks_it() {
    let a = base();
    check(
        "link a gap",
        &a,
        |a| {
            assert!(link_gap(&mut a.risks[0], "gap-4"));
            reverse(|a| assert_eq!(unlink_gap(&mut a.risks[0], "gap-4"), 1))
        },
        &changed(&a, |a| a.risks[0].gaps.push("gap-4".into())),
    );
    check(
        "link a gap linked already",
        &a,
        |a| {
            assert!(!link_gap(&mut a.risks[0], "gap-1"));
            Undo::Unchanged
        },
        &a,
    );
    check(
        "unlink a gap",
        &a,
        |a| {
            assert_eq!(unlink_gap(&mut a.risks[0], "gap-3"), 1);
            reverse(|a| assert!(link_gap(&mut a.risks[0], "gap-3")))
        },
        &changed(&a, |a| a.risks[0].gaps = vec!["gap-1".into()]),
    );
    let twice_linked = changed(&a, |a| a.risks[0].gaps = vec!["gap-1".into(), "gap-3".into(), "gap-1".into()]);
    check(
        "unlink a gap the file links twice: both links go",
        &twice_linked,
        |a| {
            assert_eq!(unlink_gap(&mut a.risks[0], "gap-1"), 2);
            Undo::Over
        },
        &changed(&twice_linked, |a| a.risks[0].gaps = vec!["gap-3".into()]),
    );
    check(
        "unlink a gap not linked",
        &a,
        |a| {
            assert_eq!(unlink_gap(&mut a.risks[1], "gap-1"), 0);
            Undo::Unchanged
        },
        &a,
    );
}
