//! Validation of what plans add to the assessment: a risk's review date,
//! and the alternative roadmaps (`model::Scenario`): unique ids, names that
//! tell each roadmap from the others (the active one's included), the
//! active one named whenever there are others, each scenario's phases by
//! the same rules as the active ones, and assignments that name a phase of
//! their own scenario.

use std::collections::HashSet;

use super::{is_blank, is_iso_date, At, Checker, Path};
use crate::core::model::{Assessment, Risk};

impl Checker {
    /// The review date of the risk at `path`.
    pub(super) fn risk_review(&mut self, path: &Path, risk: &Risk) {
        if let Some(date) = &risk.review_on {
            if !is_iso_date(date) {
                self.report(path.key("review_on"), format!("\"{date}\" is not a date of the form YYYY-MM-DD."));
            }
        }
    }

    /// The scenarios of `a`, whose roles are `roles`.
    pub(super) fn scenarios(&mut self, a: &Assessment, roles: &HashSet<&str>) {
        let root = Path::root();
        let list = root.key("scenarios");
        match &a.scenario {
            Some(name) if is_blank(name) => self.report(root.key("scenario"), "The active roadmap needs a name."),
            None if !a.scenarios.is_empty() => self.report(
                root.key("scenario"),
                "The assessment holds other roadmaps (scenarios), so the active one needs a name.",
            ),
            _ => {}
        }
        self.unique_ids(&list, a.scenarios.iter().map(|s| s.id.as_str()));
        let mut names: HashSet<&str> = a.scenario.iter().map(|n| n.trim()).collect();
        for (i, scenario) in a.scenarios.iter().enumerate() {
            let path = list.index(i);
            if is_blank(&scenario.name) {
                self.report(path.key("name"), "The scenario needs a name.");
            } else if !names.insert(scenario.name.trim()) {
                self.report(
                    path.key("name"),
                    format!("The name \"{}\" is used by another roadmap; each needs its own.", scenario.name),
                );
            }
            let phases_path = path.key("phases");
            let phases = self.unique_ids(&phases_path, scenario.phases.iter().map(|p| p.id.as_str()));
            for (j, p) in scenario.phases.iter().enumerate() {
                self.phase(At::Item(&phases_path, j), &p.name, p.start_week, &p.duration_weeks);
                if let Some(stated) = &p.stated_cost {
                    self.min_max(At::Item(&phases_path, j), "stated_cost", stated.min, stated.max, "stated cost");
                }
                self.team_and_costs(&phases_path.index(j), &p.team, &p.costs, roles);
            }
            for (gap, phase) in &scenario.assignments {
                if !phases.contains(phase.as_str()) {
                    self.report(
                        path.key("assignments"),
                        format!("Gap \"{gap}\" is assigned to phase \"{phase}\", which this scenario does not have."),
                    );
                }
            }
        }
    }
}
