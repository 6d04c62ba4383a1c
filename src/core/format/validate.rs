//! Validation: every problem of an assessment at once, each with the JSON path
//! of the value at fault and a sentence that says what is wrong.
//!
//! Decoding (`decode`) reports what does not fit the types: a missing field, a
//! word that is not a status. This module checks what the types cannot say:
//! ranges, references between objects, duplicate ids. The app runs it after
//! every edit and lists the problems on the overview; loading a file runs both.
//! Nothing here stops at the first problem, and nothing here panics.

use std::collections::HashSet;
use std::fmt;

use serde::Serialize;

use crate::core::model::{Assessment, Cost, Effort, Kpi, KpiValue, Range, Role, Settings, TeamMember};

mod dependencies;
mod milestone;
mod plans;
mod warnings;

pub use milestone::is_saved_on;
pub use warnings::warnings;

/// The ids gaps refer to: what a gap's category and phase must name.
struct References<'a> {
    categories: &'a HashSet<&'a str>,
    phases: &'a HashSet<&'a str>,
}

/// One step of a [`Path`]: a key of an object or an index into an array.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Where a value sits in a file, such as `gaps[3].effort.min`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<Step>);

impl Path {
    /// The path of the whole file.
    pub fn root() -> Self {
        Path(Vec::new())
    }

    /// This path, one key deeper.
    pub fn key(&self, key: &str) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_string()));
        Path(steps)
    }

    /// This path, one array index deeper.
    pub fn index(&self, index: usize) -> Path {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        Path(steps)
    }

    /// The first two steps as a collection and an index (`gaps[3]…` gives
    /// `("gaps", 3)`): which object a problem belongs to, for linking to it.
    pub fn item(&self) -> Option<(&str, usize)> {
        match self.0.as_slice() {
            [Step::Key(key), Step::Index(index), ..] => Some((key, *index)),
            _ => None,
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(file)");
        }
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Something wrong with an assessment, at a place in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: Path,
    /// A full sentence for a person.
    pub message: String,
}

impl Problem {
    pub fn new(path: Path, message: impl Into<String>) -> Self {
        Problem { path, message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The largest number a file may hold anywhere: far beyond any real amount,
/// and small enough that products of amounts, FTEs and weeks stay exact.
pub const MAX_NUMBER: f64 = 1e12;

/// Checks everything the types cannot: returns every problem, in file order.
pub fn validate(assessment: &Assessment) -> Vec<Problem> {
    let mut check = Checker { problems: Vec::new() };
    check.assessment(assessment);
    check.problems
}

struct Checker {
    problems: Vec<Problem>,
}

/// Where an object sits: a path, or an element of the list at a path. It
/// becomes a [`Path`] only when a problem there is reported: a milestone's
/// entries sit deep in the file, where each path costs several allocations,
/// and a valid file needs none.
#[derive(Clone, Copy)]
enum At<'a> {
    Path(&'a Path),
    Item(&'a Path, usize),
}

impl At<'_> {
    /// The path of field `key` of the object.
    fn key(self, key: &str) -> Path {
        match self {
            At::Path(path) => path.key(key),
            At::Item(list, i) => list.index(i).key(key),
        }
    }
}

impl Checker {
    fn report(&mut self, path: Path, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn assessment(&mut self, a: &Assessment) {
        let root = Path::root();
        self.header(At::Path(&root), &a.id, &a.title, a.stated_overall, &a.currency, a.assessed_on.as_deref());
        if let Some(stated) = &a.stated_total {
            self.min_max(At::Path(&root), "stated_total", stated.min, stated.max, "stated total");
        }
        self.settings(&root.key("settings"), &a.settings);

        let categories = self.unique_ids(&root.key("categories"), a.categories.iter().map(|c| c.id.as_str()));
        let phases = self.unique_ids(&root.key("phases"), a.phases.iter().map(|p| p.id.as_str()));
        let roles = self.unique_ids(&root.key("roles"), a.roles.iter().map(|r| r.id.as_str()));
        let gaps = self.unique_ids(&root.key("gaps"), a.gaps.iter().map(|g| g.id.as_str()));
        self.unique_ids(&root.key("kpis"), a.kpis.iter().map(|k| k.id.as_str()));
        self.unique_ids(&root.key("risks"), a.risks.iter().map(|r| r.id.as_str()));

        let list = root.key("categories");
        for (i, c) in a.categories.iter().enumerate() {
            self.category(At::Item(&list, i), &c.name, c.weight, c.manual_score, c.target_score);
        }
        let refs = References { categories: &categories, phases: &phases };
        let list = root.key("gaps");
        for (i, gap) in a.gaps.iter().enumerate() {
            self.gap(At::Item(&list, i), &gap.title, &gap.category, gap.phase.as_deref(), gap.effort.as_ref(), &refs);
            self.gap_plan(&list, i, a, &gaps);
        }
        self.gap_cycles(&root, a);
        let list = root.key("roles");
        for (i, role) in a.roles.iter().enumerate() {
            self.role(At::Item(&list, i), role);
        }
        self.date(At::Path(&root), "start_date", a.start_date.as_deref());
        let list = root.key("phases");
        for (i, p) in a.phases.iter().enumerate() {
            self.phase(At::Item(&list, i), &p.name, p.start_week, &p.duration_weeks);
            self.phase_after(&list, i, a, &phases);
            if let Some(stated) = &p.stated_cost {
                self.min_max(At::Item(&list, i), "stated_cost", stated.min, stated.max, "stated cost");
            }
            self.team_and_costs(&list.index(i), &p.team, &p.costs, &roles);
        }
        self.phase_cycles(&root, a);
        // A KPI target may be set for a phase of any roadmap: the same id
        // names the same step in each (`model::Scenario`).
        let mut any_phase = phases.clone();
        any_phase.extend(a.scenarios.iter().flat_map(|s| s.phases.iter().map(|p| p.id.as_str())));
        let list = root.key("kpis");
        for (i, kpi) in a.kpis.iter().enumerate() {
            self.kpi(&list.index(i), kpi, &any_phase);
        }

        for (i, risk) in a.risks.iter().enumerate() {
            let path = root.key("risks").index(i);
            self.not_blank(At::Path(&path), "title", &risk.title, "The risk needs a title.");
            self.risk_review(&path, risk);
            for (j, gap) in risk.gaps.iter().enumerate() {
                if !gaps.contains(gap.as_str()) {
                    self.report(
                        path.key("gaps").index(j),
                        format!("The risk links gap \"{gap}\", which does not exist."),
                    );
                }
            }
        }

        self.milestones(&root.key("milestones"), &a.milestones);
        self.scenarios(a, &roles);
    }

    /// The assessment's own fields (or a milestone's copy of them).
    fn header(
        &mut self,
        at: At,
        id: &str,
        title: &str,
        stated_overall: Option<f64>,
        currency: &str,
        assessed_on: Option<&str>,
    ) {
        self.not_blank(at, "id", id, "The assessment needs an id.");
        self.not_blank(at, "title", title, "The assessment needs a title.");
        if let Some(date) = assessed_on {
            if !is_iso_date(date) {
                self.report(at.key("assessed_on"), format!("\"{date}\" is not a date of the form YYYY-MM-DD."));
            }
        }
        if let Some(stated) = stated_overall {
            self.score(at, "stated_overall", stated);
        }
        if !(currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase())) {
            self.report(
                at.key("currency"),
                format!("\"{currency}\" is not a currency code: use three capital letters, such as USD or EUR."),
            );
        }
    }

    fn category(&mut self, at: At, name: &str, weight: f64, manual: Option<f64>, target: Option<f64>) {
        self.not_blank(at, "name", name, "The category needs a name.");
        self.non_negative(at, "weight", weight, "A weight");
        if let Some(score) = manual {
            self.score(at, "manual_score", score);
        }
        if let Some(score) = target {
            self.score(at, "target_score", score);
        }
    }

    fn gap(
        &mut self,
        at: At,
        title: &str,
        category: &str,
        phase: Option<&str>,
        effort: Option<&Effort>,
        refs: &References,
    ) {
        self.not_blank(at, "title", title, "The gap needs a title.");
        if !refs.categories.contains(category) {
            self.report(at.key("category"), format!("The gap is in category \"{category}\", which does not exist."));
        }
        if let Some(phase) = phase {
            if !refs.phases.contains(phase) {
                self.report(
                    at.key("phase"),
                    format!("The gap is assigned to phase \"{phase}\", which does not exist."),
                );
            }
        }
        if let Some(effort) = effort {
            self.min_max(at, "effort", effort.min, effort.max, "effort");
        }
    }

    fn role(&mut self, at: At, role: &Role) {
        self.not_blank(at, "name", &role.name, "The role needs a name.");
        if let Some(rate) = role.weekly_rate {
            self.non_negative(at, "weekly_rate", rate, "A weekly rate");
        }
    }

    fn phase(&mut self, at: At, name: &str, start_week: Option<f64>, duration_weeks: &Range) {
        self.not_blank(at, "name", name, "The phase needs a name.");
        if let Some(start) = start_week {
            self.non_negative(at, "start_week", start, "A start week");
        }
        self.min_max(at, "duration_weeks", duration_weeks.min, duration_weeks.max, "duration");
    }

    /// The team and costs of the phase at `path`.
    fn team_and_costs(&mut self, path: &Path, team: &[TeamMember], costs: &[Cost], roles: &HashSet<&str>) {
        for (j, member) in team.iter().enumerate() {
            let member_path = path.key("team").index(j);
            if !roles.contains(member.role.as_str()) {
                self.report(
                    member_path.key("role"),
                    format!("The team names role \"{}\", which does not exist.", member.role),
                );
            }
            self.min_max(At::Path(&member_path), "fte", member.fte.min, member.fte.max, "FTE");
        }
        for (j, cost) in costs.iter().enumerate() {
            let cost_path = path.key("costs").index(j);
            self.not_blank(At::Path(&cost_path), "name", &cost.name, "The cost needs a name.");
            self.non_negative(At::Path(&cost_path), "amount", cost.amount, "An amount");
        }
    }

    /// The KPI at `path`.
    fn kpi(&mut self, path: &Path, kpi: &Kpi, phases: &HashSet<&str>) {
        self.not_blank(At::Path(path), "name", &kpi.name, "The KPI needs a name.");
        if let Some(current) = &kpi.current {
            self.kpi_value(At::Path(path), "current", current);
        }
        for (j, target) in kpi.targets.iter().enumerate() {
            let target_path = path.key("targets").index(j);
            if !phases.contains(target.phase.as_str()) {
                self.report(
                    target_path.key("phase"),
                    format!("The target is set for phase \"{}\", which does not exist.", target.phase),
                );
            }
            self.kpi_value(At::Path(&target_path), "value", &target.value);
        }
    }

    fn settings(&mut self, path: &Path, s: &Settings) {
        let weights = path.key("priority_weights");
        for priority in crate::core::model::Priority::ALL {
            let weight = s.priority_weights.get(*priority);
            self.non_negative(At::Path(&weights), priority.as_str(), weight, "A priority weight");
        }
        if !(0.0..=1.0).contains(&s.partial_credit) {
            self.report(
                path.key("partial_credit"),
                format!("Partial credit must be between 0 and 1; it is {}.", s.partial_credit),
            );
        }
        let levels = path.key("levels");
        for (i, level) in s.levels.iter().enumerate() {
            self.score(At::Item(&levels, i), "min", level.min);
            self.not_blank(At::Item(&levels, i), "label", &level.label, "The level needs a label.");
        }
        self.score(At::Path(path), "ready_threshold", s.ready_threshold);
        if !(s.hours_per_day > 0.0 && s.hours_per_day <= 24.0) {
            self.report(
                path.key("hours_per_day"),
                format!("Hours per day must be more than 0 and at most 24; it is {}.", s.hours_per_day),
            );
        }
        if !(s.days_per_week > 0.0 && s.days_per_week <= 7.0) {
            self.report(
                path.key("days_per_week"),
                format!("Days per week must be more than 0 and at most 7; it is {}.", s.days_per_week),
            );
        }
        if let Some(rate) = s.blended_daily_rate {
            self.non_negative(At::Path(path), "blended_daily_rate", rate, "A daily rate");
        }
    }

    /// Reports empty and repeated ids; returns the set of ids for reference checks.
    fn unique_ids<'a>(&mut self, path: &Path, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if is_blank(id) {
                self.report(path.index(i).key("id"), "The id is empty; every item needs one.");
            } else if !seen.insert(id) {
                self.report(path.index(i).key("id"), format!("The id \"{id}\" is used twice; ids must be unique."));
            }
        }
        seen
    }

    fn not_blank(&mut self, at: At, key: &str, text: &str, message: &str) {
        if is_blank(text) {
            self.report(at.key(key), message);
        }
    }

    fn finite(&mut self, at: At, key: &str, value: f64) -> bool {
        if !value.is_finite() {
            self.report(at.key(key), "This is not a finite number.");
            return false;
        }
        if value.abs() > MAX_NUMBER {
            self.report(at.key(key), format!("{value} is too large: numbers here go up to a trillion."));
            return false;
        }
        true
    }

    /// A KPI's value at field `key`: a finite number, or words that are not blank.
    fn kpi_value(&mut self, at: At, key: &str, value: &KpiValue) {
        match value {
            KpiValue::Number(number) => {
                self.finite(at, key, *number);
            }
            KpiValue::Text(text) => self.not_blank(at, key, text, "A value in words cannot be empty."),
        }
    }

    fn non_negative(&mut self, at: At, key: &str, value: f64, what: &str) {
        if self.finite(at, key, value) && value < 0.0 {
            self.report(at.key(key), format!("{what} cannot be negative; it is {value}."));
        }
    }

    fn score(&mut self, at: At, key: &str, value: f64) {
        if self.finite(at, key, value) && !(0.0..=100.0).contains(&value) {
            self.report(at.key(key), format!("A score must be between 0 and 100; it is {value}."));
        }
    }

    /// The range (`min`, `max`) at field `key`: finite, not negative, not upside down.
    fn min_max(&mut self, at: At, key: &str, min: f64, max: f64, what: &str) {
        let range = || at.key(key);
        let min_ok = min.is_finite() && min.abs() <= MAX_NUMBER;
        let max_ok = max.is_finite() && max.abs() <= MAX_NUMBER;
        if !min_ok || !max_ok {
            let path = range();
            self.finite(At::Path(&path), "min", min);
            self.finite(At::Path(&path), "max", max);
        }
        if min_ok && min < 0.0 {
            self.report(range().key("min"), format!("The {what} cannot be negative; its minimum is {min}."));
        }
        if min_ok && max_ok && min > max {
            self.report(
                range().key("max"),
                format!("The {what} range is upside down: its minimum {min} is above its maximum {max}."),
            );
        }
    }
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// Whether `text` is empty or only whitespace: `trim().is_empty()` without
/// scanning from both ends (validation asks it of every id, name and title).
fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}
