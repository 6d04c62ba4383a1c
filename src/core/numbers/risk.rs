//! Risks by severity: a risk's severity is its impact times its probability,
//! each counted on its own scale (probability low 1 … high 3, impact low 1 …
//! critical 4), so severities run from 1 to 12.

use crate::core::model::{Impact, Probability, Risk};

impl Probability {
    /// Its place on the scale: low 1, medium 2, high 3.
    pub fn rank(self) -> u8 {
        match self {
            Probability::Low => 1,
            Probability::Medium => 2,
            Probability::High => 3,
        }
    }
}

impl Impact {
    /// Its place on the scale: low 1, medium 2, high 3, critical 4.
    pub fn rank(self) -> u8 {
        match self {
            Impact::Low => 1,
            Impact::Medium => 2,
            Impact::High => 3,
            Impact::Critical => 4,
        }
    }
}

impl Risk {
    /// Impact × probability, 1–12.
    pub fn severity(&self) -> u8 {
        self.impact.rank() * self.probability.rank()
    }
}

/// The positions of `risks`, most severe first; equal severities keep their
/// order in the file, so the list does not shuffle between edits.
pub fn by_severity(risks: &[Risk]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..risks.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(risks[i].severity()));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Extra;

    fn risk(id: &str, probability: Probability, impact: Impact) -> Risk {
        Risk {
            id: id.into(),
            title: id.into(),
            probability,
            impact,
            mitigation: String::new(),
            gaps: Vec::new(),
            extra: Extra::new(),
        }
    }

    #[test]
    fn severity_is_impact_times_probability() {
        let cases = [
            (Probability::Low, Impact::Low, 1),
            (Probability::Medium, Impact::Medium, 4),
            (Probability::High, Impact::High, 9),
            (Probability::Low, Impact::Critical, 4),
            (Probability::High, Impact::Critical, 12),
        ];
        for (probability, impact, expected) in cases {
            assert_eq!(risk("r", probability, impact).severity(), expected, "{probability:?} × {impact:?}");
        }
    }

    #[test]
    fn orders_most_severe_first_and_keeps_ties_in_file_order() {
        let risks = [
            risk("a", Probability::Low, Impact::Low),
            risk("b", Probability::Medium, Impact::Medium),
            risk("c", Probability::High, Impact::Critical),
            risk("d", Probability::Low, Impact::Critical),
        ];
        assert_eq!(by_severity(&risks), [2, 1, 3, 0]);
        assert_eq!(by_severity(&[]), Vec::<usize>::new());
    }
}
