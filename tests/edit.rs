//! The list edits of `core::edit`, list by list: every add, remove, restore
//! and move; the references each remove keeps (a deleted phase's gaps
//! unassigned and KPI targets gone, a category with gaps refused or its gaps
//! moved, a deleted gap's risk links gone and back, a file with two phases
//! of one id losing only the one asked); the lists set (a KPI's targets,
//! the assessors, the settings on a reset), linked (a risk's gaps) or
//! changed over several gaps at once; undo giving back the file byte for
//! byte; and restores that do nothing the second time, nor after the
//! editor's own undo.
//!
//! Cases go through one helper, [`check`]: it runs an edit on a small
//! assessment, compares the result with the assessment expected, then takes
//! the edit back as the edit says ([`Undo`]) and compares the saved text
//! with the text before. The cases sit in `tests/edit/`, one file per list
//! or group of lists; `properties.rs` there holds the properties over
//! generated assessments.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

use gapmap::core::edit::*;
use gapmap::core::model::{
    Assessment, Better, Category, Cost, CostKind, Criterion, Extra, Gap, Impact, Item, Kpi, KpiTarget, KpiValue, Level,
    Phase, Priority, Probability, Range, Risk, Role, Status, TeamMember,
};
use gapmap::core::present::query::{GapFilter, PhaseFilter, StatusFilter};
use gapmap::core::{save, validate};

mod support;
use support::generate::assessment;

// ---------------------------------------------------------------------------
// Building small assessments.

fn kpi(id: &str, name: &str, targets: &[(&str, f64)]) -> Kpi {
    Kpi {
        id: id.into(),
        name: name.into(),
        unit: String::new(),
        current: None,
        better: Better::Higher,
        targets: targets.iter().map(|&(phase, value)| KpiTarget::new(phase, KpiValue::Number(value))).collect(),
        extra: Extra::new(),
    }
}

fn risk(id: &str, title: &str, gaps: &[&str]) -> Risk {
    Risk {
        id: id.into(),
        title: title.into(),
        probability: Probability::Medium,
        impact: Impact::Medium,
        mitigation: String::new(),
        gaps: gaps.iter().map(|g| g.to_string()).collect(),
        owner: String::new(),
        status: Default::default(),
        review_on: None,
        extra: Extra::new(),
    }
}

fn level(min: f64, label: &str) -> Level {
    Level { min, label: label.into(), extra: Extra::new() }
}

/// Every list filled, with ids as the app makes them (`gap-1` …):
/// - categories `cat-1` Security (gaps 1, 2), `cat-2` Reliability (gaps 3,
///   4), `cat-3` Empty;
/// - gaps 1 and 3 in `phase-1`, gap 2 in `phase-2`, gap 4 in none; gap 3
///   has a checklist ending in two blank items;
/// - `phase-1` staffed by both roles, with two costs and three exit criteria
///   (two blank); `phase-2` by `role-1` alone;
/// - two KPIs with targets for both phases; two risks linked to gaps 1 and 3.
fn base() -> Assessment {
    let mut a = Assessment::new("edits", "Edits");
    a.categories = vec![
        Category::new("cat-1", "Security"),
        Category::new("cat-2", "Reliability"),
        Category::new("cat-3", "Empty"),
    ];
    let gap = |n: u32, category: &str, phase: Option<&str>| Gap {
        phase: phase.map(str::to_string),
        ..Gap::new(format!("gap-{n}"), category, format!("Gap {n}"))
    };
    a.gaps = vec![
        gap(1, "cat-1", Some("phase-1")),
        gap(2, "cat-1", Some("phase-2")),
        gap(3, "cat-2", Some("phase-1")),
        gap(4, "cat-2", None),
    ];
    a.gaps[2].items =
        vec![Item::new("Pager", true), Item::new("Runbook", false), Item::new("", false), Item::new("", false)];
    a.roles = vec![Role::new("role-1", "Developer", 4000.0), Role::new("role-2", "SRE", 5000.0)];
    let mut first = Phase::new("phase-1", "First", Range::new(2.0, 4.0));
    first.team = vec![TeamMember::new("role-1", Range::new(1.0, 2.0)), TeamMember::new("role-2", Range::new(0.5, 0.5))];
    first.costs = vec![Cost::new("Licence", 100.0, CostKind::OneOff), Cost::new("Hosting", 50.0, CostKind::Annual)];
    first.exit_criteria = vec![Criterion::new("Tests pass"), Criterion::new(""), Criterion::new("")];
    let mut second = Phase::new("phase-2", "Second", Range::new(1.0, 1.0));
    second.team = vec![TeamMember::new("role-1", Range::new(1.0, 1.0))];
    a.phases = vec![first, second];
    a.kpis = vec![
        kpi("kpi-1", "Latency", &[("phase-1", 200.0), ("phase-2", 100.0)]),
        kpi("kpi-2", "Uptime", &[("phase-2", 99.9), ("phase-1", 99.0)]),
    ];
    a.risks = vec![risk("risk-1", "Outage", &["gap-1", "gap-3"]), risk("risk-2", "Breach", &["gap-3"])];
    a
}

/// `a` with `change` made by hand: how a case writes what it expects.
fn changed(a: &Assessment, change: impl FnOnce(&mut Assessment)) -> Assessment {
    let mut a = a.clone();
    change(&mut a);
    a
}

// ---------------------------------------------------------------------------
// The helper.

/// How an edit is taken back, once [`check`] has seen what it did.
enum Undo {
    /// The restore of what a remove took. It must give back the text from
    /// before the edit, and change nothing when run a second time, nor when
    /// run after the editor's own undo (on the text from before).
    Restore(Box<dyn Fn(&mut Assessment)>),
    /// The edit that takes back an add or a move (the remove of what was
    /// added, the move back), run once.
    Reverse(Box<dyn FnOnce(&mut Assessment)>),
    /// The edit changes nothing: it was refused, or named nothing.
    Unchanged,
    /// The case is a sequence that ends with its own restores (a delete,
    /// something else, then the restore): what it leaves is all there is
    /// to check.
    Over,
}

fn restore(f: impl Fn(&mut Assessment) + 'static) -> Undo {
    Undo::Restore(Box::new(f))
}

fn reverse(f: impl FnOnce(&mut Assessment) + 'static) -> Undo {
    Undo::Reverse(Box::new(f))
}

/// Asserts that two saved texts are the same; when they are not, shows the
/// first line where they part, with the lines around it.
#[track_caller]
fn same_text(found: &str, expected: &str, what: &str) {
    if found == expected {
        return;
    }
    let (found, expected): (Vec<&str>, Vec<&str>) = (found.lines().collect(), expected.lines().collect());
    let at = found.iter().zip(&expected).take_while(|(f, e)| f == e).count();
    let around = |lines: &[&str]| lines[at.saturating_sub(3)..(at + 3).min(lines.len())].join("\n");
    panic!("{what}: line {} differs\n--- found:\n{}\n--- expected:\n{}", at + 1, around(&found), around(&expected));
}

/// Runs `edit` on `before`, expects `after`, then takes the edit back as
/// the edit says. Assessments are compared as saved, the text a file holds.
#[track_caller]
fn check(case: &str, before: &Assessment, edit: impl FnOnce(&mut Assessment) -> Undo, after: &Assessment) {
    let original = save(before);
    let mut a = before.clone();
    let undo = edit(&mut a);
    same_text(&save(&a), &save(after), &format!("{case}: the edit"));
    match undo {
        Undo::Restore(restore) => {
            restore(&mut a);
            same_text(&save(&a), &original, &format!("{case}: restored"));
            restore(&mut a);
            same_text(&save(&a), &original, &format!("{case}: restored twice"));
            let mut undone = before.clone();
            restore(&mut undone);
            same_text(&save(&undone), &original, &format!("{case}: restored after the editor's undo"));
        }
        Undo::Reverse(reverse) => {
            reverse(&mut a);
            same_text(&save(&a), &original, &format!("{case}: reversed"));
        }
        Undo::Unchanged => same_text(&save(after), &original, &format!("{case}: changes nothing")),
        Undo::Over => {}
    }
}

/// The refusal of a category delete: its text is what the user reads.
#[track_caller]
fn refused(result: Result<RemovedCategory, CategoryRefusal>, reason: &str) -> Undo {
    match result {
        Ok(removed) => panic!("not refused: {removed:?}"),
        Err(refusal) => assert_eq!(refusal.to_string(), reason),
    }
    Undo::Unchanged
}

// ---------------------------------------------------------------------------
// The cases, one file per list or group of lists, in `tests/edit/`. Without
// the paths, a test crate's modules are looked for beside it in `tests/`,
// among the other test crates.

#[path = "edit/categories.rs"]
mod categories;
#[path = "edit/gaps.rs"]
mod gaps;
#[path = "edit/kpis_risks.rs"]
mod kpis_risks;
#[path = "edit/levels_checklists.rs"]
mod levels_checklists;
#[path = "edit/phases.rs"]
mod phases;
#[path = "edit/properties.rs"]
mod properties;
#[path = "edit/roles.rs"]
mod roles;
#[path = "edit/settings.rs"]
mod settings;
#[path = "edit/tags.rs"]
mod tags;
