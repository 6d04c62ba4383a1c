//! The import report: what an importer recognised, guessed and skipped, each
//! with the line of the source it concerns, for the user to check before the
//! imported assessment is saved.

use std::fmt;

use serde::Serialize;

/// What an import made of its source.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// How much of each kind was read.
    pub counts: Counts,
    /// What was read as stated, in source order.
    pub recognised: Vec<Note>,
    /// What was read by inference and may need fixing: a default, a choice
    /// between readings, a lost byte put back.
    pub guessed: Vec<Note>,
    /// What looked meaningful but could not be read, and where its text went.
    pub skipped: Vec<Note>,
    /// Contradictions in the source, such as two different overall scores.
    pub warnings: Vec<Note>,
}

/// How much of each kind an import read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Categories, stated or made from headings.
    pub categories: usize,
    /// Categories whose score the source stated.
    pub category_scores: usize,
    /// Gaps of every status.
    pub gaps: usize,
    /// Checklist items over all gaps.
    pub items: usize,
    /// Roadmap phases.
    pub phases: usize,
    /// KPIs.
    pub kpis: usize,
    /// Risks.
    pub risks: usize,
}

/// One entry of a report: a line of the source (from 1) and a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    /// The line of the source, from 1.
    pub line: usize,
    /// A full sentence for a person.
    pub message: String,
}

impl Note {
    /// A note about a line; line 0 (the whole source) is shown as line 1.
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Note { line: line.max(1), message: message.into() }
    }
}

impl ImportReport {
    /// Whether the import read anything at all beyond plain text: when it did
    /// not, the source is most likely not a readiness document.
    pub fn recognised_anything(&self) -> bool {
        let c = &self.counts;
        c.categories + c.gaps + c.phases + c.kpis + c.risks > 0 || !self.recognised.is_empty()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        writeln!(
            f,
            "Recognised {} categories ({} with a stated score), {} gaps with {} checklist items, {} phases, {} KPIs, {} risks.",
            c.categories, c.category_scores, c.gaps, c.items, c.phases, c.kpis, c.risks
        )?;
        for (title, notes) in [
            ("Recognised", &self.recognised),
            ("Guessed", &self.guessed),
            ("Skipped", &self.skipped),
            ("Warnings", &self.warnings),
        ] {
            if notes.is_empty() {
                continue;
            }
            writeln!(f, "{title}:")?;
            for note in notes {
                writeln!(f, "  line {}: {}", note.line, note.message)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_report_recognised_nothing() {
        let mut report = ImportReport::default();
        assert!(!report.recognised_anything());
        report.counts.gaps = 1;
        assert!(report.recognised_anything());
        let text = report.to_string();
        assert!(text.starts_with("Recognised 0 categories (0 with a stated score), 1 gaps"), "{text}");
    }

    #[test]
    fn prints_each_group_with_lines() {
        let report = ImportReport {
            guessed: vec![Note::new(4, "priority P2 assumed")],
            warnings: vec![Note::new(0, "two overall scores")],
            ..ImportReport::default()
        };
        let text = report.to_string();
        assert!(text.contains("Guessed:\n  line 4: priority P2 assumed\n"), "{text}");
        assert!(text.contains("Warnings:\n  line 1: two overall scores\n"), "{text}");
        assert!(!text.contains("Skipped:"));
    }
}
