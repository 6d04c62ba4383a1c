//! Categories: the area of the system a gap belongs to, named by the
//! headings above it. A heading's words are reduced to an area's name
//! (`2. 🔴 Security Issues` → `Security`); a name alike to a known category
//! is that category; headings that name a part of the document rather than
//! an area (`Next steps`, `Must-have`) name none, and their gaps go to the
//! area their own words point to, or to one general category.

use super::drafts::CategoryDraft;
use super::importer::Importer;
use super::phrases;

/// The category that roadmap tasks go to when nothing names theirs.
pub(super) const ROADMAP_CATEGORY: &str = "Roadmap";

impl<'t> Importer<'t> {
    /// The category a gap belongs to, from the headings above it.
    ///
    /// `hint` is the gap's own title, tried first against known categories
    /// (for table rows and task lists); `skip_own` leaves out the innermost
    /// heading (a task list's section is its gap, not its category). The
    /// innermost heading with a name decides: a known category alike to it,
    /// or a new one named after it.
    pub(super) fn category_for(&mut self, path: &[String], hint: Option<&str>, skip_own: bool, line: usize) -> usize {
        if let Some(hint) = hint {
            if let Some(index) = self.matching_category(hint) {
                return index;
            }
        }
        let headings = if skip_own { &path[..path.len().saturating_sub(1)] } else { path };
        for heading in headings.iter().rev() {
            // A heading that is a category's name, as written (Gapmap's own report).
            let written = phrases::heading_name(heading);
            if let Some(&index) = self.category_names.get(&written.to_lowercase()) {
                return index;
            }
            let name = category_name(heading);
            if name.is_empty() {
                continue;
            }
            if let Some(index) = self.matching_category(&name) {
                return index;
            }
            return self.new_category(&name, heading, line);
        }
        // No heading names an area: a known category that the gap's words
        // point to (`Helm Charts` → infrastructure), else one general
        // category, not one per gap.
        if let Some(index) = hint.and_then(|hint| self.area_category(hint)) {
            return index;
        }
        match self.category_names.get("general") {
            Some(&index) => index,
            None => {
                let index = self.new_category("General", "(none)", line);
                self.catch_all.push((index, line));
                index
            }
        }
    }

    fn new_category(&mut self, name: &str, heading: &str, line: usize) -> usize {
        self.guessed(
            line,
            format!("Made the category \"{name}\" from the heading \"{}\".", phrases::undecorated(heading)),
        );
        self.push_category(name)
    }

    /// Adds a category and indexes it.
    pub(super) fn push_category(&mut self, name: &str) -> usize {
        let index = self.categories.len();
        let stems = phrases::stems(name);
        self.category_names.entry(name.trim().to_lowercase()).or_insert(index);
        self.category_stems.entry(stems.clone()).or_insert(index);
        for stem in &stems {
            self.stem_index.entry(stem.clone()).or_default().push(index);
        }
        self.categories.push(CategoryDraft {
            name: name.to_string(),
            stems,
            manual: None,
            target: None,
            weight: 1.0,
            notes: Vec::new(),
            default_priority: None,
        });
        index
    }

    /// The known category a heading names: its name as written, or alike.
    pub(super) fn category_of_heading(&self, heading: &str) -> Option<usize> {
        let written = phrases::heading_name(heading);
        self.category_names
            .get(&written.to_lowercase())
            .copied()
            .or_else(|| self.matching_category(&category_name(heading)))
    }

    /// The known category whose name is the same as or alike to `name`.
    fn matching_category(&self, name: &str) -> Option<usize> {
        let stems = phrases::stems(name);
        if stems.is_empty() {
            return None;
        }
        if let Some(&index) =
            self.category_stems.get(&stems).or_else(|| self.category_names.get(&name.trim().to_lowercase()))
        {
            return Some(index);
        }
        // Alike names share a stem: only those categories are compared. In a
        // document where hundreds share one, the first hundreds are enough.
        const COMPARED: usize = 256;
        let mut candidates: Vec<usize> = stems
            .iter()
            .filter_map(|s| self.stem_index.get(s))
            .flat_map(|v| v.iter().take(COMPARED).copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f64, usize)> = None;
        for i in candidates {
            let category = &self.categories[i];
            if !phrases::alike(&stems, &category.stems) {
                continue;
            }
            let likeness = phrases::likeness(&stems, &category.stems);
            if best.is_none_or(|(b, _)| likeness > b) {
                best = Some((likeness, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The known category of the area a title's words belong to, by a small
    /// vocabulary of the field (`On-Call Rotation` → operations, `SOC 2
    /// Certified` → compliance); `None` when no category of the document
    /// names that area.
    fn area_category(&self, title: &str) -> Option<usize> {
        phrases::areas(title)
            .iter()
            .flat_map(|area| area.iter())
            .find_map(|stem| self.categories.iter().position(|c| c.stems.iter().any(|s| s == stem)))
    }

    /// The category of a roadmap task: its title, the heading it is under
    /// (`sub_heading`), or its phase's name, matched against known
    /// categories; else the known category of the area its words point to;
    /// else a new category named after that area. Only a task whose words
    /// name no area goes to the catch-all Roadmap category. `line` is the
    /// task's, for the report.
    pub(super) fn category_for_task(
        &mut self,
        title: &str,
        sub_heading: Option<&str>,
        phase: usize,
        line: usize,
    ) -> usize {
        let phase_name = self.phases.get(phase).map(|p| p.name.clone());
        let candidates = [Some(title), sub_heading, phase_name.as_deref()];
        for candidate in candidates.into_iter().flatten() {
            if let Some(index) = self.matching_category(candidate) {
                return index;
            }
        }
        if let Some(index) = self.area_category(title) {
            return index;
        }
        if let Some(area) = phrases::area_name(title) {
            if let Some(index) = self.matching_category(area) {
                return index;
            }
            self.guessed(
                line,
                format!("Made the category \"{area}\" for the roadmap task \"{title}\", from its words."),
            );
            return self.push_category(area);
        }
        if let Some(&index) = self.category_names.get(&ROADMAP_CATEGORY.to_lowercase()) {
            return index;
        }
        self.guessed(
            line,
            format!("Roadmap tasks whose words name no area go to the category \"{ROADMAP_CATEGORY}\"."),
        );
        let index = self.push_category(ROADMAP_CATEGORY);
        self.catch_all.push((index, line));
        index
    }
}

/// Stems of the words that name a part of the document rather than an area
/// of the system: `Conclusion & recommendations`, `Next steps`, `Must-have
/// for production`, `Readiness checklist`, `Appendix B`. A heading made of
/// these alone names no category; its findings go to the category of an
/// outer heading, or to the general one.
const STRUCTURAL: &[&str] = &[
    "conclusion",
    "recommendation",
    "recommended",
    "summary",
    "executive",
    "overview",
    "introduction",
    "verdict",
    "appendix",
    "appendice",
    "contact",
    "reference",
    "next",
    "step",
    "immediate",
    "action",
    "checklist",
    "must",
    "should",
    "nice",
    "have",
    "production",
    "enterprise",
    "readiness",
    "excellence",
    "path",
    "forward",
    "current",
    "state",
    "detailed",
    "analysi",
    "breakdown",
    "score",
    "item",
    "plan",
];

/// The name a heading gives a category: `2. 🔴 Security Issues` → `Security`,
/// `1.1 No CI/CD Pipeline [BLOCKER]` → `CI/CD Pipeline`. Empty when nothing
/// but decoration and priority is left (`CRITICAL GAPS (Must Fix)`).
fn category_name(heading: &str) -> String {
    let mut name = phrases::heading_name(heading);
    // `CRITICAL: Hardcoded Values` → `Hardcoded Values`.
    if let Some((before, after)) = name.split_once(':') {
        if phrases::priority_word(before).is_some() || phrases::stems(before).is_empty() {
            name = after.trim().to_string();
        }
    }
    let name = phrases::remove_bracketed(&name, '(', ')');
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while let Some(first) = words.first() {
        let lower = first.to_lowercase();
        if matches!(lower.as_str(), "no" | "missing" | "inadequate" | "incomplete" | "insufficient" | "poor" | "lack") {
            words.remove(0);
            if words.first().is_some_and(|w| w.eq_ignore_ascii_case("of")) {
                words.remove(0);
            }
        } else {
            break;
        }
    }
    while let Some(last) = words.last() {
        let lower = last.to_lowercase();
        if matches!(
            lower.as_str(),
            "gaps"
                | "gap"
                | "issues"
                | "problems"
                | "opportunities"
                | "status"
                | "findings"
                | "concerns"
                | "weaknesses"
                | "assessment"
                | "review"
                | "-"
                | "–"
                | "—"
                | "&"
                | "/"
                | "|"
        ) {
            words.pop();
        } else {
            break;
        }
    }
    let name = words.join(" ");
    // A MoSCoW tier (`Must-have before launch`, `Nice to have`) is a
    // priority, not an area, whatever follows it.
    let lower = phrases::words(&name).join(" ");
    if ["must have", "should have", "could have", "nice to have", "won t have", "must fix", "should fix"]
        .iter()
        .any(|tier| lower.starts_with(tier))
    {
        return String::new();
    }
    let meaningful = phrases::stems(&name).into_iter().any(|s| {
        !matches!(s.as_str(), "critic" | "critical" | "high" | "medium" | "low" | "blocker" | "priority" | "must")
            && phrases::priority_word(&s).is_none()
            && !STRUCTURAL.contains(&s.as_str())
    });
    if meaningful {
        name
    } else {
        String::new()
    }
}
