//! Every number as of one day: a file whose acceptance expires between two
//! days scores the same through every part of the core that scores it on
//! each of those days (the summary, both sides of a comparison, the
//! portfolio entry, the scenario comparison, what to do next, and the
//! Markdown report's header and its "Changes since" section), and a
//! milestone keeps the numbers of the day it was saved.
//!
//! Regression: these once called `summarize` with no day, so an expired
//! acceptance still counted as accepted there (`gapmap score` said 53.7
//! where `gapmap portfolio` and `gapmap diff f f` said more, and the
//! report's header disagreed with its "Changes since" section).

use gapmap::core::edit::{add_scenario, save_milestone};
use gapmap::core::export::markdown::{report_as_of, ReportOptions};
use gapmap::core::model::Assessment;
use gapmap::core::numbers::compare::{compare_as_of, Change};
use gapmap::core::numbers::next;
use gapmap::core::numbers::portfolio::PortfolioEntry;
use gapmap::core::numbers::scenarios::compare_roadmaps_as_of;
use gapmap::core::present::display;
use gapmap::core::{format, summarize, summarize_as_of};

const CANONICAL: &str = include_str!("fixtures/worked-example.json");

/// The last day the acceptance of `g1` holds.
const EXPIRES: &str = "2025-01-31";

/// The worked example, whose first gap (`g1`, a P0 blocker) is missing.
fn worked_example() -> Assessment {
    format::load(CANONICAL.as_bytes()).unwrap()
}

/// The worked example with `g1` accepted until [`EXPIRES`], and a second
/// roadmap (a copy of the first) to compare scenarios on.
fn accepted_until_end_of_january() -> Assessment {
    let text = CANONICAL.replacen(
        "\"status\": \"missing\"",
        &format!("\"status\": \"accepted\",\n      \"acceptance\": {{\"by\": \"Ada\", \"expires\": \"{EXPIRES}\"}}"),
        1,
    );
    let mut a = format::load(text.as_bytes()).unwrap();
    assert_eq!(a.gaps[0].id, "g1");
    add_scenario(&mut a, "Fast track");
    a
}

/// What every part of the core says of `a` as of `day`: the overall score,
/// the open blockers and whether `g1` is among the gaps to do next.
#[derive(Debug, PartialEq)]
struct Seen {
    overall: Option<f64>,
    blockers: usize,
    g1_listed_next: bool,
}

/// Checks that each part of the core sees `a` on `day` as `expected`.
#[track_caller]
fn check(a: &Assessment, day: &str, expected: &Seen) {
    let summary = summarize_as_of(a, day);
    let seen = Seen {
        overall: summary.overall,
        blockers: summary.blockers.len(),
        g1_listed_next: next::summarize_as_of(a, day).gains.iter().any(|g| g.id == "g1"),
    };
    assert_eq!(&seen, expected, "summary on {day}");

    let same = compare_as_of(a, day, a, day);
    assert_eq!(same.overall, Change { before: expected.overall, after: expected.overall }, "compare on {day}");
    assert!(same.is_empty(), "a file compared with itself on one day changes nothing ({day}): {same:?}");

    let entry = PortfolioEntry::as_of(a, day, None);
    assert_eq!((entry.overall, entry.blockers.len()), (expected.overall, expected.blockers), "portfolio on {day}");

    let roadmaps = compare_roadmaps_as_of(a, day);
    assert_eq!(roadmaps.len(), 2, "both roadmaps on {day}");
    for roadmap in &roadmaps {
        assert_eq!(roadmap.overall, expected.overall, "roadmap {} on {day}", roadmap.name);
    }

    // The report's header and its "Changes since" section (against a
    // milestone saved that same day, so that nothing changed) agree.
    let mut with_milestone = a.clone();
    with_milestone.milestones.push(save_milestone(a, "Today", day));
    let report = report_as_of(&with_milestone, &ReportOptions::default(), day);
    let shown = display::score(expected.overall);
    assert!(report.contains(&format!("**Overall score:** {shown} (no change)")), "report on {day}:\n{report}");
}

#[test]
fn every_part_of_the_core_scores_an_expiring_acceptance_alike_on_each_day() {
    let a = accepted_until_end_of_january();
    // Until it expires the gap counts as accepted: as with no day at all.
    let accepted = summarize(&a).overall;
    // Once it has, it is missing: the worked example's own numbers.
    let missing = summarize(&worked_example()).overall;
    assert_eq!(missing, Some(53.7));
    assert!(accepted > missing, "{accepted:?} > {missing:?}");
    for (day, expected) in [
        ("2025-01-01", Seen { overall: accepted, blockers: 0, g1_listed_next: false }),
        (EXPIRES, Seen { overall: accepted, blockers: 0, g1_listed_next: false }),
        ("2025-02-01", Seen { overall: missing, blockers: 1, g1_listed_next: true }),
        ("2026-06-30", Seen { overall: missing, blockers: 1, g1_listed_next: true }),
    ] {
        check(&a, day, &expected);
    }
}

#[test]
fn each_side_of_a_comparison_is_scored_as_of_its_own_day() {
    let a = accepted_until_end_of_january();
    let (accepted, missing) = (summarize_as_of(&a, EXPIRES).overall, summarize_as_of(&a, "2025-02-01").overall);
    for (before_day, after_day, overall, blockers_opened) in [
        (EXPIRES, EXPIRES, (accepted, accepted), 0),
        (EXPIRES, "2025-02-01", (accepted, missing), 1),
        ("2025-02-01", EXPIRES, (missing, accepted), 0),
        ("2025-02-01", "2025-02-01", (missing, missing), 0),
    ] {
        let c = compare_as_of(&a, before_day, &a, after_day);
        assert_eq!((c.overall.before, c.overall.after), overall, "{before_day} → {after_day}");
        assert_eq!(c.blockers.opened.len(), blockers_opened, "{before_day} → {after_day}");
        // The files are the same: no gap changed, whatever the days.
        assert!(c.gaps.is_empty(), "{before_day} → {after_day}: {:?}", c.gaps);
    }
}

#[test]
fn a_milestone_keeps_the_numbers_of_the_day_it_was_saved() {
    let mut a = accepted_until_end_of_january();
    let accepted = summarize_as_of(&a, EXPIRES).overall;
    let day = "2025-02-01";
    let missing = summarize_as_of(&a, day).overall;
    // Saved while the acceptance held (with a time, as the app saves it).
    a.milestones.push(save_milestone(&a, "January review", "2025-01-15T10:30"));
    let milestone = &a.milestones[0];
    assert_eq!(milestone.as_of(), "2025-01-15");
    assert_eq!(milestone.summary().overall, accepted);

    // The portfolio: the milestone's own score, and the fall since it.
    let entry = PortfolioEntry::as_of(&a, day, None);
    assert_eq!(entry.last_milestone.as_ref().unwrap().overall, accepted);
    assert_eq!(entry.overall, missing);
    assert!(entry.change_since_milestone().unwrap() < 0.0, "{:?}", entry.change_since_milestone());

    // The comparison with it, and the report's section that shows it.
    let c = compare_as_of(&milestone.state.to_assessment(), milestone.as_of(), &a, day);
    assert_eq!(c.overall, Change { before: accepted, after: missing });
    let report = report_as_of(&a, &ReportOptions::default(), day);
    let change = format!("{} → {}", display::score(accepted), display::score(missing));
    assert!(report.contains(&change), "{change} in:\n{report}");
}
