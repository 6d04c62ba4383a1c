//! Risks by severity: a risk's severity is its impact times its probability,
//! each counted on its own scale (probability low 1 … high 3, impact low 1 …
//! critical 4), so severities run from 1 to 12. And whether a risk's review
//! is overdue.

use crate::core::format::validate::is_iso_date;
use crate::core::model::{Impact, Probability, Risk, RiskStatus};

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

/// Whether the risk's review is overdue on `today` (`YYYY-MM-DD`): its
/// review date is before today and it is not closed. A risk without a
/// review date, or with one that is not a date, is never overdue (the
/// latter is a validation problem instead); an accepted risk still has its
/// reviews, since acceptance is a decision to look at again.
pub fn review_overdue(risk: &Risk, today: &str) -> bool {
    let Some(review) = risk.review_on.as_deref() else { return false };
    // Dates written YYYY-MM-DD order as their text does.
    risk.status != RiskStatus::Closed && is_iso_date(review) && is_iso_date(today) && review < today
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
            owner: String::new(),
            status: Default::default(),
            review_on: None,
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
