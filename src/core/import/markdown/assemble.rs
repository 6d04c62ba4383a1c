//! Assembling the assessment from the drafts once every pass is done: ids
//! made from names, unique by kind; defaults where the document states
//! nothing (a title, a priority), each reported as a guess;
//! gaps linked to their phases, to the gaps they depend on and risks to
//! their gaps by name.

use std::collections::{HashMap, HashSet};

use super::drafts::{GapDraft, PhaseRef};
use super::importer::Importer;
use super::phrases;
use crate::core::import::Import;
use crate::core::model::{Assessment, Better, Category, Gap, Kpi, KpiTarget, Priority, Risk, Role};

impl<'t> Importer<'t> {
    /// The assessment the drafts make, with the import report.
    pub(super) fn finish(mut self) -> Import {
        let title = match self.title.take() {
            Some((title, _)) => title,
            None => {
                self.guessed(1, "The document has no level-1 heading; titled \"Imported assessment\".");
                "Imported assessment".to_string()
            }
        };
        let mut a = Assessment::new(phrases::slug(&title, "imported-assessment"), title);
        a.system = self.system.take().unwrap_or_default();
        a.assessed_on = self.assessed_on.take();
        a.start_date = self.start_date.take();
        a.assessors = std::mem::take(&mut self.assessors);
        if let Some((code, _)) = self.currency.take() {
            a.currency = code;
        }
        a.stated_overall = self.stated_overall();
        a.stated_total = self.stated_total.map(|((min, max), _)| crate::core::model::Range::new(min, max));
        a.summary = std::mem::take(&mut self.summary).join("\n\n");

        let mut ids = Ids::default();
        let category_ids: Vec<String> = self.categories.iter().map(|c| ids.next("category", &c.name)).collect();
        // A catch-all category (what names no area) beside areas of the
        // document weighs nothing: its score is no area's, and would only
        // pull the overall score towards its own.
        let weightless: Vec<(usize, usize)> =
            if self.categories.len() > self.catch_all.len() { self.catch_all.clone() } else { Vec::new() };
        for (i, (draft, id)) in self.categories.iter_mut().zip(&category_ids).enumerate() {
            let mut category = Category::new(id.clone(), draft.name.clone());
            category.manual_score = draft.manual;
            category.target_score = draft.target.filter(|t| (0.0..=100.0).contains(t));
            category.weight = if draft.weight.is_finite() && draft.weight >= 0.0 { draft.weight } else { 1.0 };
            if weightless.iter().any(|(w, _)| *w == i) {
                category.weight = 0.0;
            }
            category.notes = std::mem::take(&mut draft.notes).join("\n\n");
            a.categories.push(category);
        }
        for &(i, line) in &weightless {
            let name = &self.categories[i].name;
            self.guessed(
                line,
                format!("The category \"{name}\" holds what names no area of the document: weighted 0, so that it does not change the overall score."),
            );
        }

        let role_ids: Vec<String> = self.roles.iter().map(|r| ids.next("role", &r.name)).collect();
        let unpriced: Vec<String> =
            self.roles.iter().filter(|r| r.weekly_rate.is_none()).map(|r| r.name.clone()).collect();
        if !unpriced.is_empty() {
            let line = self.roles.iter().find(|r| r.weekly_rate.is_none()).map_or(1, |r| r.line);
            self.guessed(
                line,
                format!(
                    "No weekly rate is stated for {}: left unknown, so labor that needs it is unknown until you enter one.",
                    unpriced.join(", ")
                ),
            );
        }
        for (draft, id) in self.roles.iter().zip(&role_ids) {
            let mut role = Role::unpriced(id.clone(), draft.name.clone());
            role.weekly_rate = draft.weekly_rate.filter(|r| r.is_finite() && *r >= 0.0);
            a.roles.push(role);
        }

        let phase_ids: Vec<String> = self.phases.iter().map(|p| ids.next("phase", &p.name)).collect();
        self.finish_phases(&mut a, &phase_ids, &role_ids);

        let gap_ids: Vec<String> = self.gaps.iter().map(|g| ids.next("gap", &g.title)).collect();
        let mut gaps = std::mem::take(&mut self.gaps);
        let depends: Vec<Vec<(String, usize)>> = gaps.iter_mut().map(|g| std::mem::take(&mut g.depends_on)).collect();
        for (draft, id) in gaps.into_iter().zip(&gap_ids) {
            let gap = self.finish_gap(draft, id.clone(), &category_ids, &phase_ids);
            a.gaps.push(gap);
        }
        self.link_dependencies(&mut a, depends);
        if self.from_category.0 > 0 {
            let (count, line) = self.from_category;
            self.guessed(
                line,
                format!("{count} gap(s) state no priority and take the one their category has in the score table (the first at line {line})."),
            );
        }
        if self.defaulted.0 > 0 {
            let (count, line) = self.defaulted;
            self.guessed(line, format!("{count} gap(s) state no priority; P2 assumed (the first at line {line})."));
        }

        let kpis = std::mem::take(&mut self.kpis);
        for draft in kpis {
            let id = ids.next("kpi", &draft.name);
            let targets = draft
                .targets
                .into_iter()
                .filter_map(|(phase, value, met)| {
                    phase_ids.get(phase).map(|p| KpiTarget { met, ..KpiTarget::new(p.clone(), value) })
                })
                .collect();
            a.kpis.push(Kpi {
                id,
                name: draft.name,
                unit: draft.unit,
                current: draft.current,
                better: draft.better.unwrap_or(Better::Higher),
                targets,
                extra: Default::default(),
            });
        }

        let risks = std::mem::take(&mut self.risks);
        for draft in risks {
            let id = ids.next("risk", &draft.title);
            let gaps = draft
                .gaps
                .iter()
                .filter_map(|title| a.gaps.iter().find(|g| g.title.eq_ignore_ascii_case(title)).map(|g| g.id.clone()))
                .collect();
            a.risks.push(Risk {
                id,
                title: draft.title,
                probability: draft.probability,
                impact: draft.impact,
                mitigation: draft.mitigation,
                gaps,
                owner: draft.owner,
                status: draft.status,
                review_on: draft.review_on,
                extra: Default::default(),
            });
        }

        self.complete_report(&a);
        Import { assessment: a, report: self.report }
    }

    /// Each gap's `Depends on:` titles as the ids of the gaps so titled,
    /// matched as risks match theirs; a title that names no other gap, or
    /// several, is kept in the description and reported.
    fn link_dependencies(&mut self, a: &mut Assessment, depends: Vec<Vec<(String, usize)>>) {
        for (i, titles) in depends.into_iter().enumerate() {
            for (title, line) in titles {
                let mut named = a.gaps.iter().enumerate().filter(|(_, g)| g.title.eq_ignore_ascii_case(&title));
                let found = match (named.next(), named.next()) {
                    (Some((j, g)), None) if j != i => Some(g.id.clone()),
                    _ => None,
                };
                let gap = &mut a.gaps[i];
                match found {
                    Some(id) if !gap.depends_on.contains(&id) => gap.depends_on.push(id),
                    Some(_) => {}
                    None => {
                        let message = format!(
                            "\"{}\" depends on \"{title}\", which names no other gap (or several); kept in its description.",
                            gap.title
                        );
                        if !gap.description.is_empty() {
                            gap.description.push('\n');
                        }
                        gap.description.push_str(&format!("Depends on: {title}"));
                        self.skipped(line, message);
                    }
                }
            }
        }
    }

    fn finish_gap(&mut self, draft: GapDraft, id: String, category_ids: &[String], phase_ids: &[String]) -> Gap {
        let category = category_ids.get(draft.category).cloned().unwrap_or_default();
        let mut gap = Gap::new(id, category, draft.title);
        gap.status = draft.status;
        let from_category = self.categories.get(draft.category).and_then(|c| c.default_priority);
        gap.priority = match (draft.priority, from_category) {
            (Some(priority), _) => priority,
            (None, Some(priority)) => {
                if self.from_category.0 == 0 {
                    self.from_category.1 = draft.line;
                }
                self.from_category.0 += 1;
                priority
            }
            (None, None) => {
                if self.defaulted.0 == 0 {
                    self.defaulted.1 = draft.line;
                }
                self.defaulted.0 += 1;
                Priority::P2
            }
        };
        gap.severity = draft.severity;
        gap.effort = draft.effort.filter(|e| e.min.is_finite() && e.max.is_finite() && e.min >= 0.0 && e.min <= e.max);
        gap.owner = draft.owner;
        gap.items = draft.items;
        gap.tags = draft.tags;
        gap.evidence = draft.evidence;
        gap.due = draft.due;
        gap.acceptance = draft.acceptance;
        let mut description = draft.description;
        gap.phase = match draft.phase {
            Some(PhaseRef::Index(i)) => phase_ids.get(i).cloned(),
            Some(PhaseRef::Named { text, line }) => match self.phase_named(&text) {
                Some(i) => phase_ids.get(i).cloned(),
                None => {
                    self.skipped(
                        line,
                        format!(
                            "The phase \"{text}\" of \"{}\" is not on the roadmap; kept in its description.",
                            gap.title
                        ),
                    );
                    description.push(format!("Phase: {text}"));
                    None
                }
            },
            None => None,
        };
        gap.description = description.join("\n");
        gap
    }
}

/// Unique ids by kind: the slug of a name, then `-2`, `-3`… for the names
/// that repeat. Linear: each base remembers the next number to try.
#[derive(Default)]
struct Ids {
    used: HashMap<&'static str, HashSet<String>>,
    next: HashMap<(&'static str, String), usize>,
}

impl Ids {
    fn next(&mut self, kind: &'static str, name: &str) -> String {
        let base = phrases::slug(name, kind);
        let used = self.used.entry(kind).or_default();
        let n = self.next.entry((kind, base.clone())).or_insert(1);
        let mut id = if *n == 1 { base.clone() } else { format!("{base}-{n}") };
        while used.contains(&id) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        *n += 1;
        used.insert(id.clone());
        id
    }
}
