//! The importer's state: the text it reads, the drafts each pass adds to,
//! and what the passes tell each other (lines and blocks already read,
//! tables put off until the phases are known). Every pass is an
//! `impl Importer` block in the file named after it; this one holds the
//! state itself and the reading of source text by line or by span.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::drafts::{CategoryDraft, GapDraft, KpiDraft, PhaseDraft, RiskDraft, RoleDraft};
use super::outline::LineIndex;
use super::tables::Deferred;
use crate::core::import::report::ImportReport;

/// The state of one import, shared by every pass.
pub(super) struct Importer<'t> {
    pub(super) text: &'t str,
    pub(super) lines: LineIndex,
    pub(super) report: ImportReport,
    /// The title and the line it stands on.
    pub(super) title: Option<(String, usize)>,
    pub(super) system: Option<String>,
    pub(super) assessed_on: Option<String>,
    /// The day the roadmap starts (`Starts on: 2025-03-01`).
    pub(super) start_date: Option<String>,
    pub(super) assessors: Vec<String>,
    /// The currency code the document's amounts are in, and where it was first seen.
    pub(super) currency: Option<(String, usize)>,
    /// Every overall score the document states, with its line, in order.
    pub(super) overall: Vec<(f64, usize)>,
    /// What the document states the whole roadmap costs, and the line.
    pub(super) stated_total: Option<((f64, f64), usize)>,
    pub(super) categories: Vec<CategoryDraft>,
    /// Categories by lower-case name, by stems, and by each stem: lookups
    /// stay fast however many categories a document has.
    pub(super) category_names: HashMap<String, usize>,
    pub(super) category_stems: HashMap<Vec<String>, usize>,
    pub(super) stem_index: HashMap<String, Vec<usize>>,
    /// How many categories have a stated score.
    pub(super) category_scores: usize,
    /// The categories made for what names no area (General, Roadmap), by
    /// index, with the line that made each.
    pub(super) catch_all: Vec<(usize, usize)>,
    pub(super) gaps: Vec<GapDraft>,
    pub(super) phases: Vec<PhaseDraft>,
    /// Phases by the number their heading gives them.
    pub(super) phase_numbers: HashMap<u32, usize>,
    pub(super) roles: Vec<RoleDraft>,
    pub(super) kpis: Vec<KpiDraft>,
    pub(super) risks: Vec<RiskDraft>,
    /// The paragraphs of the assessment's summary, in order.
    pub(super) summary: Vec<String>,
    /// Lines that the scan read in full (a score, a metadata line): later
    /// passes leave them out.
    pub(super) consumed_lines: HashSet<usize>,
    /// Blocks that the scan read in full (a score chart or table), by id.
    pub(super) consumed_blocks: HashSet<usize>,
    /// Tables put off until every phase is known (pass C).
    pub(super) deferred: Vec<Deferred<'t>>,
    /// Gaps that took the default priority: how many, and the first line.
    pub(super) defaulted: (usize, usize),
    /// Gaps that took the priority their category has in a score table.
    pub(super) from_category: (usize, usize),
}

impl<'t> Importer<'t> {
    /// An importer of `text`, with nothing read yet.
    pub(super) fn new(text: &'t str) -> Self {
        Importer {
            text,
            lines: LineIndex::new(text),
            report: ImportReport::default(),
            title: None,
            system: None,
            assessed_on: None,
            start_date: None,
            assessors: Vec::new(),
            currency: None,
            overall: Vec::new(),
            stated_total: None,
            categories: Vec::new(),
            category_names: HashMap::new(),
            category_stems: HashMap::new(),
            stem_index: HashMap::new(),
            category_scores: 0,
            catch_all: Vec::new(),
            gaps: Vec::new(),
            phases: Vec::new(),
            phase_numbers: HashMap::new(),
            roles: Vec::new(),
            kpis: Vec::new(),
            risks: Vec::new(),
            summary: Vec::new(),
            consumed_lines: HashSet::new(),
            consumed_blocks: HashSet::new(),
            deferred: Vec::new(),
            defaulted: (0, 0),
            from_category: (0, 0),
        }
    }

    /// The source text of a line, without its line break.
    pub(super) fn source_line(&self, number: usize) -> &'t str {
        let range = self.lines.range(self.text, number);
        self.text.get(range).unwrap_or_default()
    }

    /// The source text of a block, with the indentation of its continuation
    /// lines removed as far as the block itself is indented (a block nested
    /// in a list item is), so that what is nested under it stays nested.
    pub(super) fn source(&self, bytes: &Range<usize>) -> String {
        let text = self.text.get(bytes.clone()).unwrap_or_default().trim_end();
        let line_start = self.text.get(..bytes.start).and_then(|before| before.rfind('\n')).map_or(0, |i| i + 1);
        let column = bytes.start.saturating_sub(line_start);
        let mut out = String::with_capacity(text.len());
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                out.push('\n');
                let indent = (line.len() - line.trim_start().len()).min(column);
                out.push_str(line.get(indent..).unwrap_or(line));
            } else {
                out.push_str(line);
            }
        }
        out
    }
}
