//! KPIs against their targets: whether a value meets a target (respecting
//! which direction is better), and the targets of a KPI kept one per phase in
//! roadmap order.

use crate::core::model::{Better, Extra, Kpi, KpiTarget};

impl Better {
    /// Whether `value` is at or beyond `target` in the better direction: at
    /// least the target when higher is better, at most when lower is.
    pub fn meets(self, value: f64, target: f64) -> bool {
        match self {
            Better::Higher => value >= target,
            Better::Lower => value <= target,
        }
    }
}

impl Kpi {
    /// Whether `value` meets `target` for this KPI.
    pub fn meets(&self, value: f64, target: f64) -> bool {
        self.better.meets(value, target)
    }

    /// The target set for the end of `phase`, if any.
    pub fn target(&self, phase: &str) -> Option<f64> {
        self.targets.iter().find(|t| t.phase == phase).map(|t| t.value)
    }

    /// Whether the current value already meets the target after `phase`;
    /// `None` when the KPI has no current value or no target there.
    pub fn current_meets(&self, phase: &str) -> Option<bool> {
        Some(self.meets(self.current?, self.target(phase)?))
    }

    /// Sets (or with `None` removes) the target after `phase`, keeping the
    /// targets in the order of `phases` (the roadmap's phase ids). Targets for
    /// phases not in `phases` stay, after the others, so nothing typed is lost
    /// to a dangling reference; validation reports them.
    pub fn set_target(&mut self, phases: &[&str], phase: &str, value: Option<f64>) {
        match (self.targets.iter_mut().find(|t| t.phase == phase), value) {
            (Some(target), Some(value)) => target.value = value,
            (Some(_), None) => self.targets.retain(|t| t.phase != phase),
            (None, Some(value)) => {
                self.targets.push(KpiTarget { phase: phase.to_string(), value, extra: Extra::new() })
            }
            (None, None) => {}
        }
        let rank = |id: &str| phases.iter().position(|p| *p == id).unwrap_or(phases.len());
        // A stable sort: targets of unknown phases keep their relative order.
        self.targets.sort_by_key(|t| rank(&t.phase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(better: Better, current: Option<f64>, targets: &[(&str, f64)]) -> Kpi {
        Kpi {
            id: "k1".into(),
            name: "Availability".into(),
            unit: "%".into(),
            current,
            better,
            targets: targets
                .iter()
                .map(|(phase, value)| KpiTarget { phase: phase.to_string(), value: *value, extra: Extra::new() })
                .collect(),
            extra: Extra::new(),
        }
    }

    #[test]
    fn meets_respects_the_better_direction() {
        let cases = [
            (Better::Higher, 99.5, 99.0, true),
            (Better::Higher, 99.0, 99.0, true),
            (Better::Higher, 98.9, 99.0, false),
            (Better::Lower, 30.0, 60.0, true),
            (Better::Lower, 60.0, 60.0, true),
            (Better::Lower, 61.0, 60.0, false),
        ];
        for (better, value, target, expected) in cases {
            assert_eq!(better.meets(value, target), expected, "{better:?} {value} against {target}");
        }
    }

    #[test]
    fn current_meets_needs_a_value_and_a_target() {
        let k = kpi(Better::Lower, Some(45.0), &[("p1", 60.0), ("p2", 30.0)]);
        assert_eq!(k.current_meets("p1"), Some(true));
        assert_eq!(k.current_meets("p2"), Some(false));
        assert_eq!(k.current_meets("p3"), None);
        let blank = kpi(Better::Higher, None, &[("p1", 1.0)]);
        assert_eq!(blank.current_meets("p1"), None);
        assert!(blank.meets(2.0, 1.0));
    }

    #[test]
    fn set_target_keeps_phase_order() {
        let phases = ["p1", "p2", "p3"];
        let mut k = kpi(Better::Higher, None, &[("gone", 5.0), ("p3", 3.0)]);
        k.set_target(&phases, "p1", Some(1.0));
        k.set_target(&phases, "p2", Some(2.0));
        let order: Vec<_> = k.targets.iter().map(|t| (t.phase.as_str(), t.value)).collect();
        assert_eq!(order, [("p1", 1.0), ("p2", 2.0), ("p3", 3.0), ("gone", 5.0)]);

        k.set_target(&phases, "p2", Some(2.5));
        assert_eq!(k.target("p2"), Some(2.5));
        k.set_target(&phases, "p2", None);
        assert_eq!(k.target("p2"), None);
        k.set_target(&phases, "p2", None);
        assert_eq!(k.targets.len(), 3);
    }
}
