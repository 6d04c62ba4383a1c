//! Weekly rates from stated costs on a real document: the gap analysis in
//! `../shared/fixtures/markdown/` states each phase's cost and team but no
//! rate. After import, the proposed rates give every phase whose team allows
//! a fit a computed total within 10% of the midpoint of its stated cost.

use gapmap::core::import::markdown::import_bytes;
use gapmap::core::numbers::rates::{self, FitNote};
use gapmap::core::summarize;

const GAP_ANALYSIS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/markdown/004_ee62c5990353649e.txt");

#[test]
fn the_gap_analysis_rates_reproduce_its_stated_phase_costs_within_ten_percent() {
    let bytes = std::fs::read(GAP_ANALYSIS).unwrap_or_else(|e| panic!("{GAP_ANALYSIS}: {e}"));
    let mut a = import_bytes(&bytes).assessment;
    // As imported, no rate is known, so no labor is either.
    assert!(a.roles.iter().all(|r| r.weekly_rate.is_none()));
    assert!(summarize(&a).phases.iter().all(|p| p.labor.is_none()));

    let fit = rates::fit(&a);
    // The phases the fit had to leave out: none in this document.
    let left_out: Vec<&FitNote> = fit
        .notes
        .iter()
        .filter(|n| matches!(n, FitNote::PhaseWithoutTeam { .. } | FitNote::OneOffReachesStated { .. }))
        .collect();
    assert_eq!(left_out, Vec::<&FitNote>::new());
    assert_eq!(rates::apply(&mut a, &fit), a.roles.len());

    let summary = summarize(&a);
    let mut checked = 0;
    for (phase, figures) in a.phases.iter().zip(&summary.phases) {
        let Some(stated) = &phase.stated_cost else { continue };
        let stated = (stated.min + stated.max) / 2.0;
        let total = figures.total.unwrap_or_else(|| panic!("{}: a rate is still unknown", phase.name));
        let computed = (total.min + total.max) / 2.0;
        let miss = (computed - stated) / stated;
        assert!(miss.abs() <= 0.10, "{}: computed {computed} against {stated} stated", phase.name);
        checked += 1;
    }
    assert_eq!(checked, a.phases.iter().filter(|p| p.stated_cost.is_some()).count());
    assert!(checked >= 3, "the document states three phase costs");
}
