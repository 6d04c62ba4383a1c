//! The built-in files under `public/templates/`: the web-service template that
//! new assessments start from, and the worked example the library shows on
//! first run. Both must load with no problem and be canonical (saving what was
//! loaded gives the same bytes), so that a fresh copy never shows a warning or
//! a spurious change. The template must be thorough (at least twelve
//! categories of five to eight checks); the example must fill every part of a
//! dashboard (every status and priority, three phases, KPIs, risks, a blocker)
//! and tell the story its summary tells.

use gapmap::core::model::{Assessment, Priority, Status};
use gapmap::core::numbers::cost::Load;
use gapmap::core::{format, summarize};

const TEMPLATE: &str = include_str!("../public/templates/web-service.json");
const EXAMPLE: &str = include_str!("../public/templates/example.json");

fn load(name: &str, text: &str) -> Assessment {
    let (assessment, problems) =
        format::read(text.as_bytes()).unwrap_or_else(|e| panic!("{name} cannot be read:\n{e}"));
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "{name} has problems:\n{}", listed.join("\n"));
    assessment
}

#[test]
fn both_files_load_without_problems() {
    for (name, text) in [("web-service.json", TEMPLATE), ("example.json", EXAMPLE)] {
        load(name, text);
        format::load(text.as_bytes()).unwrap_or_else(|e| panic!("{name} does not load:\n{e}"));
    }
}

#[test]
fn both_files_are_canonical() {
    for (name, text) in [("web-service.json", TEMPLATE), ("example.json", EXAMPLE)] {
        let saved = format::save(&load(name, text));
        if saved != text {
            let line = saved.lines().zip(text.lines()).position(|(a, b)| a != b);
            panic!("{name} is not canonical (first difference at line {line:?}); run `gapmap fmt` on it");
        }
    }
}

/// The first run stores the example's text as it is, without the core
/// (`envelope::seal_text`): it must be what sealing the loaded example
/// writes, so that the stored entry is the one a save would have made.
#[test]
fn the_example_sealed_as_text_is_the_example_sealed() {
    use gapmap::storage::envelope::{file_id, open, seal, seal_text};
    let example = load("example.json", EXAMPLE);
    assert_eq!(format::save(&example), EXAMPLE, "the example is canonical");
    let sealed = seal_text(EXAMPLE, 1, 1_763_800_000_000.0);
    assert_eq!(sealed, seal(&example, 1, 1_763_800_000_000.0));
    assert_eq!(open(&sealed).map(|stored| stored.assessment), Ok(example.clone()));
    assert_eq!(file_id(EXAMPLE), Some(example.id));
}

#[test]
fn template_has_twelve_categories_of_five_to_eight_checks() {
    let template = load("web-service.json", TEMPLATE);
    assert_eq!(template.id, "web-service");
    assert!(template.categories.len() >= 12, "only {} categories", template.categories.len());
    for category in &template.categories {
        let gaps = template.gaps.iter().filter(|g| g.category == category.id).count();
        assert!((5..=8).contains(&gaps), "category {} has {gaps} checks", category.id);
    }
    for gap in &template.gaps {
        assert_eq!(gap.status, Status::Missing, "{} should start missing", gap.id);
        assert!(gap.effort.is_some(), "{} has no typical effort", gap.id);
        assert!(!gap.description.is_empty(), "{} does not say what done looks like", gap.id);
        assert!(gap.phase.is_none(), "{} is assigned to a phase", gap.id);
    }
    assert!(template.gaps.iter().any(|g| g.priority == Priority::P0), "the template names no blocker");
}

#[test]
fn example_fills_every_part_of_the_dashboard() {
    let example = load("example.json", EXAMPLE);
    assert_eq!(example.id, "example");
    for status in Status::ALL {
        assert!(example.gaps.iter().any(|g| g.status == *status), "no gap is {status}");
    }
    for priority in Priority::ALL {
        assert!(example.gaps.iter().any(|g| g.priority == *priority), "no gap is {priority}");
    }
    assert_eq!(example.phases.len(), 3);
    assert!(example.phases.iter().all(|p| !p.team.is_empty() && !p.costs.is_empty()), "a phase has no team or costs");
    assert!(!example.roles.is_empty(), "no roles");
    assert!(!example.kpis.is_empty(), "no KPIs");
    assert!(!example.risks.is_empty(), "no risks");
    assert!(example.categories.iter().any(|c| c.manual_score.is_some()), "no manual score");
    assert!(!summarize(&example).blockers.is_empty(), "no open blocker");
}

#[test]
fn example_tells_its_story() {
    let example = load("example.json", EXAMPLE);
    let summary = summarize(&example);
    assert_eq!(summary.level.as_deref(), Some("MVP"));
    assert!(!summary.production_ready);
    let projected: Vec<f64> = summary.phases.iter().map(|p| p.projected_overall.unwrap_or(0.0)).collect();
    let threshold = example.settings.ready_threshold;
    assert!(projected[0] < threshold, "ready after the first phase already: {projected:?}");
    assert!(projected[2] >= threshold, "never reaches the ready threshold: {projected:?}");
    assert!(projected.windows(2).all(|w| w[0] <= w[1]), "the projection falls: {projected:?}");
    assert!(summary.phases.iter().any(|p| p.load == Load::AtRisk), "no phase is at risk on load");
}

/// A first run lists the example with numbers worked out ahead of time
/// (`gapmap::templates::EXAMPLE_FIGURES`, so that the library needs no core):
/// they must be the core's, and the text stored must be the file's.
#[test]
fn the_example_is_seeded_with_the_cores_own_numbers() {
    use gapmap::storage::envelope::Entry;
    use gapmap::templates::{EXAMPLE as SEEDED, EXAMPLE_FIGURES};
    assert_eq!(SEEDED, EXAMPLE);
    let entry = Entry::of(&load("example.json", EXAMPLE), 1, 0.0, "2025-01-01");
    let figures = (entry.overall, entry.level.as_deref(), entry.blockers);
    let seeded = (EXAMPLE_FIGURES.overall, EXAMPLE_FIGURES.level, EXAMPLE_FIGURES.blockers);
    assert_eq!(seeded, figures, "EXAMPLE_FIGURES in src/templates.rs is stale: set it to what the core computes");
}
