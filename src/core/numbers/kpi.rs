//! KPIs against their targets: whether a value meets a target (respecting
//! which direction is better). Setting a target, or ticking it as met, is
//! an edit, in `core::edit`.
//!
//! A value is a number or a few words (`Manual`, `Daily`). Two numbers are
//! compared by the rule of the KPI's better direction; where either is in
//! words, no rule can compare them, and whether the target is met is what a
//! person ticked on it (`KpiTarget::met`).

use std::fmt;

use crate::core::model::{Better, Kpi, KpiTarget, KpiValue};
use crate::core::present::display::parse_number;

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

impl KpiValue {
    /// The number, when the value is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            KpiValue::Number(n) => Some(*n),
            KpiValue::Text(_) => None,
        }
    }

    /// A value as a person types it into one field: blank is none, what
    /// reads as a number is a number (`4,000`, `2,5`), anything else is
    /// kept as the words typed.
    pub fn typed(text: &str) -> Option<KpiValue> {
        let trimmed = text.trim();
        match parse_number(trimmed) {
            Ok(Some(number)) => Some(KpiValue::Number(number)),
            Ok(None) => None,
            Err(_) => Some(KpiValue::Text(trimmed.to_string())),
        }
    }
}

/// A number as entered (`99.95`, `30`), words as written.
impl fmt::Display for KpiValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KpiValue::Number(n) => write!(f, "{n}"),
            KpiValue::Text(text) => f.write_str(text),
        }
    }
}

impl Kpi {
    /// Whether `value` meets `target` for this KPI.
    pub fn meets(&self, value: f64, target: f64) -> bool {
        self.better.meets(value, target)
    }

    /// The target set for the end of `phase`, if any.
    pub fn target(&self, phase: &str) -> Option<&KpiTarget> {
        self.targets.iter().find(|t| t.phase == phase)
    }

    /// Whether the current value meets the target after `phase`: compared
    /// when both are numbers, else as ticked on the target; `None` when
    /// there is no target there, or a number target and no current value.
    pub fn current_meets(&self, phase: &str) -> Option<bool> {
        let target = self.target(phase)?;
        match (self.current.as_ref(), &target.value) {
            (Some(KpiValue::Number(current)), KpiValue::Number(goal)) => Some(self.meets(*current, *goal)),
            (None, KpiValue::Number(_)) => None,
            _ => Some(target.met),
        }
    }

    /// Whether the target after `phase` is one a person ticks: in words, or
    /// against a current value in words.
    pub fn target_is_ticked(&self, phase: &str) -> bool {
        self.target(phase)
            .is_some_and(|t| matches!(t.value, KpiValue::Text(_)) || matches!(self.current, Some(KpiValue::Text(_))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::{set_kpi_met, set_kpi_target};
    use crate::core::model::Extra;

    fn number(value: f64) -> KpiValue {
        KpiValue::Number(value)
    }

    fn words(text: &str) -> KpiValue {
        KpiValue::Text(text.to_string())
    }

    fn kpi(better: Better, current: Option<KpiValue>, targets: &[(&str, KpiValue)]) -> Kpi {
        Kpi {
            id: "k1".into(),
            name: "Availability".into(),
            unit: "%".into(),
            current,
            better,
            targets: targets.iter().map(|(phase, value)| KpiTarget::new(*phase, value.clone())).collect(),
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
        let k = kpi(Better::Lower, Some(number(45.0)), &[("p1", number(60.0)), ("p2", number(30.0))]);
        assert_eq!(k.current_meets("p1"), Some(true));
        assert_eq!(k.current_meets("p2"), Some(false));
        assert_eq!(k.current_meets("p3"), None);
        let blank = kpi(Better::Higher, None, &[("p1", number(1.0))]);
        assert_eq!(blank.current_meets("p1"), None);
        assert!(blank.meets(2.0, 1.0));
    }

    #[test]
    fn values_in_words_are_met_when_ticked() {
        let mut k = kpi(Better::Higher, Some(words("Manual")), &[("p1", words("Daily")), ("p2", number(5.0))]);
        assert_eq!(k.current_meets("p1"), Some(false));
        // A number target against a current value in words: no rule compares them.
        assert_eq!(k.current_meets("p2"), Some(false));
        assert!(k.target_is_ticked("p1") && k.target_is_ticked("p2"));
        set_kpi_met(&mut k, "p1", true);
        assert_eq!(k.current_meets("p1"), Some(true));
        // Changing the target's value keeps what was ticked.
        set_kpi_target(&mut k, &["p1", "p2"], "p1", Some(words("Hourly")));
        assert_eq!(k.current_meets("p1"), Some(true));
        // Two numbers are compared, whatever was ticked.
        k.current = Some(number(1.0));
        set_kpi_met(&mut k, "p2", true);
        assert_eq!(k.current_meets("p2"), Some(false));
        assert!(!k.target_is_ticked("p2"));
        set_kpi_met(&mut k, "p9", true);
        assert_eq!(k.targets.len(), 2);
    }

    #[test]
    fn values_as_typed_and_as_shown() {
        assert_eq!(KpiValue::typed(" 4,000 "), Some(number(4000.0)));
        assert_eq!(KpiValue::typed("2,5"), Some(number(2.5)));
        assert_eq!(KpiValue::typed("  "), None);
        assert_eq!(KpiValue::typed(" On-demand "), Some(words("On-demand")));
        assert_eq!(KpiValue::typed("< 5 min"), Some(words("< 5 min")));
        assert_eq!(number(99.95).to_string(), "99.95");
        assert_eq!(number(30.0).to_string(), "30");
        assert_eq!(words("Multiple/day").to_string(), "Multiple/day");
    }
}
