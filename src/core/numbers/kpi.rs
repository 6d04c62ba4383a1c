//! KPIs against their targets: whether a value meets a target (respecting
//! which direction is better). Setting a target is a list edit, in
//! `core::edit`.

use crate::core::model::{Better, Kpi};

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Extra, KpiTarget};

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
}
