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

use crate::core::model::{Assessment, Effort, KpiValue, Range};

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

impl Checker {
    fn report(&mut self, path: Path, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    fn assessment(&mut self, a: &Assessment) {
        let root = Path::root();
        self.not_blank(&root.key("id"), &a.id, "The assessment needs an id.");
        self.not_blank(&root.key("title"), &a.title, "The assessment needs a title.");
        if let Some(date) = &a.assessed_on {
            if !is_iso_date(date) {
                self.report(root.key("assessed_on"), format!("\"{date}\" is not a date of the form YYYY-MM-DD."));
            }
        }
        if let Some(stated) = a.stated_overall {
            self.score(&root.key("stated_overall"), stated);
        }
        if let Some(stated) = &a.stated_total {
            self.range(&root.key("stated_total"), stated, "stated total");
        }
        if !(a.currency.len() == 3 && a.currency.bytes().all(|b| b.is_ascii_uppercase())) {
            self.report(
                root.key("currency"),
                format!("\"{}\" is not a currency code: use three capital letters, such as USD or EUR.", a.currency),
            );
        }
        self.settings(a);

        let categories = self.unique_ids(&root.key("categories"), a.categories.iter().map(|c| c.id.as_str()));
        let phases = self.unique_ids(&root.key("phases"), a.phases.iter().map(|p| p.id.as_str()));
        let roles = self.unique_ids(&root.key("roles"), a.roles.iter().map(|r| r.id.as_str()));
        let gaps = self.unique_ids(&root.key("gaps"), a.gaps.iter().map(|g| g.id.as_str()));
        self.unique_ids(&root.key("kpis"), a.kpis.iter().map(|k| k.id.as_str()));
        self.unique_ids(&root.key("risks"), a.risks.iter().map(|r| r.id.as_str()));

        for (i, category) in a.categories.iter().enumerate() {
            let path = root.key("categories").index(i);
            self.not_blank(&path.key("name"), &category.name, "The category needs a name.");
            self.non_negative(&path.key("weight"), category.weight, "A weight");
            if let Some(score) = category.manual_score {
                self.score(&path.key("manual_score"), score);
            }
            if let Some(score) = category.target_score {
                self.score(&path.key("target_score"), score);
            }
        }

        for (i, gap) in a.gaps.iter().enumerate() {
            let path = root.key("gaps").index(i);
            self.not_blank(&path.key("title"), &gap.title, "The gap needs a title.");
            if !categories.contains(gap.category.as_str()) {
                self.report(
                    path.key("category"),
                    format!("The gap is in category \"{}\", which does not exist.", gap.category),
                );
            }
            if let Some(phase) = &gap.phase {
                if !phases.contains(phase.as_str()) {
                    self.report(
                        path.key("phase"),
                        format!("The gap is assigned to phase \"{phase}\", which does not exist."),
                    );
                }
            }
            if let Some(effort) = &gap.effort {
                self.effort(&path.key("effort"), effort);
            }
        }

        for (i, role) in a.roles.iter().enumerate() {
            let path = root.key("roles").index(i);
            self.not_blank(&path.key("name"), &role.name, "The role needs a name.");
            if let Some(rate) = role.weekly_rate {
                self.non_negative(&path.key("weekly_rate"), rate, "A weekly rate");
            }
        }

        for (i, phase) in a.phases.iter().enumerate() {
            let path = root.key("phases").index(i);
            self.not_blank(&path.key("name"), &phase.name, "The phase needs a name.");
            if let Some(start) = phase.start_week {
                self.non_negative(&path.key("start_week"), start, "A start week");
            }
            self.range(&path.key("duration_weeks"), &phase.duration_weeks, "duration");
            if let Some(stated) = &phase.stated_cost {
                self.range(&path.key("stated_cost"), stated, "stated cost");
            }
            for (j, member) in phase.team.iter().enumerate() {
                let member_path = path.key("team").index(j);
                if !roles.contains(member.role.as_str()) {
                    self.report(
                        member_path.key("role"),
                        format!("The team names role \"{}\", which does not exist.", member.role),
                    );
                }
                self.range(&member_path.key("fte"), &member.fte, "FTE");
            }
            for (j, cost) in phase.costs.iter().enumerate() {
                let cost_path = path.key("costs").index(j);
                self.not_blank(&cost_path.key("name"), &cost.name, "The cost needs a name.");
                self.non_negative(&cost_path.key("amount"), cost.amount, "An amount");
            }
        }

        for (i, kpi) in a.kpis.iter().enumerate() {
            let path = root.key("kpis").index(i);
            self.not_blank(&path.key("name"), &kpi.name, "The KPI needs a name.");
            if let Some(current) = &kpi.current {
                self.kpi_value(&path.key("current"), current);
            }
            for (j, target) in kpi.targets.iter().enumerate() {
                let target_path = path.key("targets").index(j);
                if !phases.contains(target.phase.as_str()) {
                    self.report(
                        target_path.key("phase"),
                        format!("The target is set for phase \"{}\", which does not exist.", target.phase),
                    );
                }
                self.kpi_value(&target_path.key("value"), &target.value);
            }
        }

        for (i, risk) in a.risks.iter().enumerate() {
            let path = root.key("risks").index(i);
            self.not_blank(&path.key("title"), &risk.title, "The risk needs a title.");
            for (j, gap) in risk.gaps.iter().enumerate() {
                if !gaps.contains(gap.as_str()) {
                    self.report(
                        path.key("gaps").index(j),
                        format!("The risk links gap \"{gap}\", which does not exist."),
                    );
                }
            }
        }
    }

    fn settings(&mut self, a: &Assessment) {
        let path = Path::root().key("settings");
        let s = &a.settings;
        let weights = path.key("priority_weights");
        for priority in crate::core::model::Priority::ALL {
            self.non_negative(&weights.key(priority.as_str()), s.priority_weights.get(*priority), "A priority weight");
        }
        if !(0.0..=1.0).contains(&s.partial_credit) {
            self.report(
                path.key("partial_credit"),
                format!("Partial credit must be between 0 and 1; it is {}.", s.partial_credit),
            );
        }
        for (i, level) in s.levels.iter().enumerate() {
            let level_path = path.key("levels").index(i);
            self.score(&level_path.key("min"), level.min);
            self.not_blank(&level_path.key("label"), &level.label, "The level needs a label.");
        }
        self.score(&path.key("ready_threshold"), s.ready_threshold);
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
            self.non_negative(&path.key("blended_daily_rate"), rate, "A daily rate");
        }
    }

    /// Reports empty and repeated ids; returns the set of ids for reference checks.
    fn unique_ids<'a>(&mut self, path: &Path, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let id_path = path.index(i).key("id");
            if is_blank(id) {
                self.report(id_path, "The id is empty; every item needs one.");
            } else if !seen.insert(id) {
                self.report(id_path, format!("The id \"{id}\" is used twice; ids must be unique."));
            }
        }
        seen
    }

    fn not_blank(&mut self, path: &Path, text: &str, message: &str) {
        if is_blank(text) {
            self.report(path.clone(), message);
        }
    }

    fn finite(&mut self, path: &Path, value: f64) -> bool {
        if !value.is_finite() {
            self.report(path.clone(), "This is not a finite number.");
            return false;
        }
        if value.abs() > MAX_NUMBER {
            self.report(path.clone(), format!("{value} is too large: numbers here go up to a trillion."));
            return false;
        }
        true
    }

    /// A KPI's value: a finite number, or words that are not blank.
    fn kpi_value(&mut self, path: &Path, value: &KpiValue) {
        match value {
            KpiValue::Number(number) => {
                self.finite(path, *number);
            }
            KpiValue::Text(text) => self.not_blank(path, text, "A value in words cannot be empty."),
        }
    }

    fn non_negative(&mut self, path: &Path, value: f64, what: &str) {
        if self.finite(path, value) && value < 0.0 {
            self.report(path.clone(), format!("{what} cannot be negative; it is {value}."));
        }
    }

    fn score(&mut self, path: &Path, value: f64) {
        if self.finite(path, value) && !(0.0..=100.0).contains(&value) {
            self.report(path.clone(), format!("A score must be between 0 and 100; it is {value}."));
        }
    }

    fn range(&mut self, path: &Path, range: &Range, what: &str) {
        self.min_max(path, range.min, range.max, what);
    }

    fn effort(&mut self, path: &Path, effort: &Effort) {
        self.min_max(path, effort.min, effort.max, "effort");
    }

    fn min_max(&mut self, path: &Path, min: f64, max: f64, what: &str) {
        let min_ok = self.finite(&path.key("min"), min);
        let max_ok = self.finite(&path.key("max"), max);
        if min_ok && min < 0.0 {
            self.report(path.key("min"), format!("The {what} cannot be negative; its minimum is {min}."));
        }
        if min_ok && max_ok && min > max {
            self.report(
                path.key("max"),
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
