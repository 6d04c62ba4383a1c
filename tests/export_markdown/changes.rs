//! The report's "Changes since <milestone>" section: exactly the changes
//! between a milestone and now (scores from each side's summary, blockers,
//! gaps with their fields, the roadmap's cost and duration, user text
//! escaped), the settings note first, the milestone the options choose, no
//! section without milestones, and a report with the section that still
//! reads back as the same assessment.

use gapmap::core::edit::save_milestone;
use gapmap::core::export::markdown::{report, report_with_options, ReportOptions, Since};
use gapmap::core::import::markdown::{COMPUTED_END, COMPUTED_START};
use gapmap::core::model::*;
use gapmap::core::present::display;
use gapmap::core::{summarize, Summary};

use super::check_round_trip;

fn worked_example() -> Assessment {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-example.json");
    gapmap::core::load(&std::fs::read(path).unwrap()).unwrap()
}

/// The worked example saved as the milestone "Base *line*" and then
/// changed: its blocker g1 closed, g7 made a blocker, g4 given an owner, g3
/// renamed with one more checklist item done, g5 removed, a gap added, the
/// second phase made a week longer and a category "Docs" added.
fn changed_since_a_milestone() -> Assessment {
    let mut a = worked_example();
    let milestone = save_milestone(&a, "Base *line*", "2025-01-10T09:00");
    a.milestones.push(milestone);
    a.gaps[0].status = Status::Done;
    a.gaps[2].title = "g3 `tick`".into();
    a.gaps[2].items[2].done = true;
    a.gaps[3].owner = "Ada *star*".into();
    a.gaps[6].priority = Priority::P0;
    a.gaps.remove(4);
    a.gaps.push(Gap { priority: Priority::P2, ..Gap::new("g8", "reliability", "New | gap") });
    a.phases[1].duration_weeks = Range::new(2.0, 3.0);
    a.categories.push(Category { manual_score: Some(50.0), ..Category::new("docs", "Docs") });
    a
}

/// The "Changes since" section of a report, from its heading to the end of
/// its computed block; `None` when the report has none.
fn section(markdown: &str) -> Option<&str> {
    let start = markdown.find("## Changes since")?;
    let end = start + markdown[start..].find(COMPUTED_END).expect("the section ends its computed block");
    // The heading sits inside the computed block, so the importer skips it.
    assert!(markdown[..start].trim_end().ends_with(COMPUTED_START), "{markdown}");
    Some(markdown[start..end].trim_end())
}

/// Checks the section that the report of `a` with `since` has.
#[track_caller]
fn check(a: &Assessment, since: Since, expected: Option<&str>) {
    let markdown = report_with_options(a, &ReportOptions { since });
    assert_eq!(section(&markdown), expected, "\n--- report ---\n{markdown}");
}

/// `before → after (+change)`, as the report writes two scores.
fn scores(before: Option<f64>, after: Option<f64>) -> String {
    let (b, a) = (before.unwrap(), after.unwrap());
    format!("{} → {} ({:+.1})", display::score(before), display::score(after), a - b)
}

fn category(s: &Summary, id: &str) -> Option<f64> {
    s.categories.iter().find(|c| c.id == id).and_then(|c| c.score)
}

#[test]
fn the_section_lists_exactly_what_changed_since_the_latest_milestone() {
    let a = changed_since_a_milestone();
    let (then, now) = (summarize(&a.milestones[0].state.to_assessment()), summarize(&a));
    let money = |s: &Summary| {
        let total = s.total.expect("every role of the fixture has a rate");
        display::money_range(total.min, total.max, "USD")
    };
    let weeks = |s: &Summary| display::range(s.duration_weeks.min, s.duration_weeks.max);
    assert_eq!(then.level, now.level, "the level stays");
    let expected = format!(
        "\
## Changes since Base \\*line\\* (2025-01-10)

**Overall score:** {overall} · **Level:** {level} (no change)

**Category scores:**

- Security: {security}
- Reliability: {reliability}
- Docs: added, 50.0

**Blockers:**

- opened: “g7”
- closed: “g1”

**Gaps:**

- added: “New \\| gap” (Reliability, P2, missing)
- removed: “g5” (Reliability, P3, not applicable)
- changed: “g1”: status missing → done
- changed: “g3 \\`tick\\`”: checklist 2/4 done → 3/4 done; title “g3” → “g3 \\`tick\\`”
- changed: “g4”: owner none → Ada \\*star\\*
- changed: “g7”: priority P1 → P0

**Roadmap:** total cost {cost_then} → {cost_now} · duration {weeks_then} → {weeks_now} weeks",
        overall = scores(then.overall, now.overall),
        level = now.level.as_deref().unwrap(),
        security = scores(category(&then, "security"), category(&now, "security")),
        reliability = scores(category(&then, "reliability"), category(&now, "reliability")),
        cost_then = money(&then),
        cost_now = money(&now),
        weeks_then = weeks(&then),
        weeks_now = weeks(&now),
    );
    check(&a, Since::Latest, Some(&expected));
    // The default report is the same.
    assert_eq!(section(&report(&a)), Some(expected.as_str()));
}

#[test]
fn the_options_choose_the_milestone_and_can_leave_the_section_out() {
    let mut a = worked_example();
    // Without milestones there is no section, whatever the options say.
    for since in [Since::Latest, Since::Milestone("ms-1".into()), Since::Omitted] {
        check(&a, since, None);
    }
    let first = save_milestone(&a, "First", "2025-01-10");
    a.milestones.push(first);
    a.gaps[0].status = Status::Done;
    let second = save_milestone(&a, "Second", "2025-02-01T16:45");
    a.milestones.push(second);
    // Since the latest, the state it kept: nothing changed.
    let overall = display::score(summarize(&a).overall);
    let nothing = format!(
        "## Changes since Second (2025-02-01)\n\n**Overall score:** {overall} (no change) · **Level:** Production-ready (no change)\n\nNo change in scores, blockers, gaps or the roadmap's cost and duration."
    );
    check(&a, Since::Latest, Some(&nothing));
    check(&a, Since::Milestone("ms-2".into()), Some(&nothing));
    // Since the first, by id: the closed blocker.
    let markdown = report_with_options(&a, &ReportOptions { since: Since::Milestone("ms-1".into()) });
    let since_first = section(&markdown).unwrap();
    assert!(since_first.starts_with("## Changes since First (2025-01-10)\n"), "{since_first}");
    assert!(since_first.contains("- closed: “g1”\n") && since_first.contains("- changed: “g1”: status missing → done"));
    // An id that no milestone has, and the choice to leave it out: none.
    check(&a, Since::Milestone("ms-9".into()), None);
    check(&a, Since::Omitted, None);
}

#[test]
fn the_settings_note_comes_first_when_the_settings_changed() {
    let mut a = worked_example();
    let milestone = save_milestone(&a, "Before", "2025-01-10");
    a.milestones.push(milestone);
    a.settings.priority_weights.p0 = 1.0;
    let markdown = report(&a);
    let text = section(&markdown).unwrap();
    let mut then_now = a.milestones[0].state.to_assessment();
    then_now.settings = a.settings.clone();
    let under_now = display::score(summarize(&then_now).overall);
    let body = text.lines().nth(2).unwrap();
    assert_eq!(
        body,
        format!(
            "Note: the scoring settings have changed since this milestone, so part of the change comes from the rules. Under the current settings the overall score goes {under_now} (no change)."
        )
    );
    assert!(text.lines().nth(4).unwrap().starts_with("**Overall score:** "), "{text}");
}

#[test]
fn a_report_with_the_section_reads_back_as_the_same_assessment() {
    check_round_trip(&changed_since_a_milestone());
}
