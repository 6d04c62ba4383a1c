//! The KPIs and the risks: added with a fresh id, deleted and put back, under
//! a fresh id when one added since has taken theirs.

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
