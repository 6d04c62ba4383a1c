//! How the importer writes its report: the four kinds of note (recognised,
//! guessed, skipped, warning), what the repair of a wrong decode did, and at
//! the end the counts, the notes in source order and the safety net that
//! turns any validation problem into a warning.

use super::importer::Importer;
use crate::core::format::validate::validate;
use crate::core::import::encoding;
use crate::core::import::report::{Counts, Note};
use crate::core::model::Assessment;

impl<'t> Importer<'t> {
    /// Notes something read as the document states it.
    pub(super) fn recognised(&mut self, line: usize, message: impl Into<String>) {
        self.report.recognised.push(Note::new(line, message));
    }

    /// Notes something the importer had to assume.
    pub(super) fn guessed(&mut self, line: usize, message: impl Into<String>) {
        self.report.guessed.push(Note::new(line, message));
    }

    /// Notes something that could not be read, and where it was kept instead.
    pub(super) fn skipped(&mut self, line: usize, message: impl Into<String>) {
        self.report.skipped.push(Note::new(line, message));
    }

    /// Notes statements that disagree, and which one was kept.
    pub(super) fn warning(&mut self, line: usize, message: impl Into<String>) {
        self.report.warnings.push(Note::new(line, message));
    }

    /// Notes what the repair of a wrong decode did.
    pub(super) fn note_repair(&mut self, repair: &encoding::Repair) {
        if let Some(page) = repair.code_page {
            let line = repair.restored.first().map_or(1, |r| r.line);
            self.guessed(
                line,
                format!(
                    "The text had been saved after a wrong decode as {}; repaired {} sequences.",
                    encoding::display_name(page),
                    repair.sequences
                ),
            );
        }
        for restored in &repair.restored {
            let shown = if restored.character == '\u{FE0F}' {
                "the emoji variation selector (U+FE0F)".to_string()
            } else {
                format!("{} (U+{:04X})", restored.character, u32::from(restored.character))
            };
            self.guessed(
                restored.line,
                format!("A byte lost in the wrong decode was restored as {shown}, {} time(s).", restored.count),
            );
        }
        for dropped in &repair.dropped {
            self.skipped(
                dropped.line,
                format!("Removed \"{}\": the remains of a character that cannot be read back.", dropped.text),
            );
        }
    }

    /// Completes the report once the assessment is assembled: what it
    /// holds, the notes in source order, and the safety net.
    pub(super) fn complete_report(&mut self, a: &Assessment) {
        self.report.counts = Counts {
            categories: a.categories.len(),
            category_scores: self.category_scores,
            gaps: a.gaps.len(),
            items: a.gaps.iter().map(|g| g.items.len()).sum(),
            phases: a.phases.len(),
            kpis: a.kpis.len(),
            risks: a.risks.len(),
        };
        for notes in
            [&mut self.report.recognised, &mut self.report.guessed, &mut self.report.skipped, &mut self.report.warnings]
        {
            notes.sort_by_key(|note| note.line);
        }
        // The safety net: an import always validates. Should a pass
        // ever produce something invalid, the report says so rather than
        // the app refusing the file.
        for problem in validate(a) {
            self.report.warnings.push(Note::new(1, format!("Internal: {problem}")));
        }
    }
}
