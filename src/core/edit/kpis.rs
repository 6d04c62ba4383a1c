//! The KPIs: add, delete and put back. Nothing else in a file points at a
//! KPI, so a delete takes only the KPI itself. And a KPI's targets, one per
//! phase in roadmap order, set (and ticked as met) through the KPI, which the
//! views already hold.

use super::removed::{put_back_entry, take_entry, Entry, RemovedEntry};
use crate::core::edit::ids::next_id;
use crate::core::model::{Assessment, Better, Extra, Kpi, KpiTarget, KpiValue};

impl Entry for Kpi {
    const PREFIX: &'static str = "kpi";

    fn id(&self) -> &str {
        &self.id
    }

    fn set_id(&mut self, id: String) {
        self.id = id;
    }
}

/// A deleted KPI and where it was.
pub type RemovedKpi = RemovedEntry<Kpi>;

/// Adds a KPI named "New KPI" (`kpi-<n>`, higher is better, no value, no
/// targets) and returns its id.
pub fn add_kpi(a: &mut Assessment) -> String {
    let id = next_id(Kpi::PREFIX, a.kpis.iter().map(|k| k.id.as_str()));
    a.kpis.push(Kpi {
        id: id.clone(),
        name: "New KPI".to_string(),
        unit: String::new(),
        current: None,
        better: Better::Higher,
        targets: Vec::new(),
        extra: Extra::new(),
    });
    id
}

/// Deletes the KPI at `position`.
pub fn remove_kpi(a: &mut Assessment, position: usize) -> Option<RemovedKpi> {
    take_entry(&mut a.kpis, position)
}

/// Puts back what [`remove_kpi`] took where it was, unless it is back
/// already; under a fresh id if a KPI added since has taken its own.
pub fn restore_kpi(a: &mut Assessment, removed: RemovedKpi) {
    put_back_entry(&mut a.kpis, removed);
}

/// Sets (or with `None` removes) the target of `kpi` after the phase
/// `phase`, keeping the targets in the order of `phases` (the roadmap's
/// phase ids) and what was ticked on it. Targets for phases not in `phases`
/// stay, after the others, so nothing typed is lost to a dangling
/// reference; validation reports them.
pub fn set_kpi_target(kpi: &mut Kpi, phases: &[&str], phase: &str, value: Option<KpiValue>) {
    match (kpi.targets.iter_mut().find(|t| t.phase == phase), value) {
        (Some(target), Some(value)) => target.value = value,
        (Some(_), None) => kpi.targets.retain(|t| t.phase != phase),
        (None, Some(value)) => kpi.targets.push(KpiTarget::new(phase, value)),
        (None, None) => {}
    }
    let rank = |id: &str| phases.iter().position(|p| *p == id).unwrap_or(phases.len());
    // A stable sort: targets of unknown phases keep their relative order.
    kpi.targets.sort_by_key(|t| rank(&t.phase));
}

/// Ticks (or unticks) the target of `kpi` after the phase `phase` as met;
/// nothing when there is no target there.
pub fn set_kpi_met(kpi: &mut Kpi, phase: &str, met: bool) {
    if let Some(target) = kpi.targets.iter_mut().find(|t| t.phase == phase) {
        target.met = met;
    }
}
