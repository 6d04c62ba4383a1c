//! Pass A, the scan: what the whole document says before any section is
//! read. HTML comments and the figures between the computed markers are
//! dropped first; then the title (the first level-1 heading), the metadata
//! lines (date, assessors, system, currency, the roadmap's start), every stated
//! overall score and category score (see `scores`), and the phase headings
//! (see `schedule`). A score chart often comes last, and sections are matched
//! to its categories, so this pass must see the whole document first.

use super::importer::Importer;
use super::outline::{Block, Line, Paragraph};
use super::phrases;
use super::tables::{classify, TableKind};
use super::{COMPUTED_END, COMPUTED_START};

impl<'t> Importer<'t> {
    /// The top-level blocks without HTML comments, which no reader sees,
    /// and without those between the computed markers.
    pub(super) fn without_computed<'b>(&mut self, blocks: &'b [Block]) -> Vec<&'b Block> {
        let mut kept = Vec::with_capacity(blocks.len());
        let mut skipping: Option<usize> = None;
        for block in blocks {
            if let Block::Html(html) = block {
                let text = html.text.trim();
                let comment = text.starts_with("<!--") && text.ends_with("-->") && text.matches("-->").count() == 1;
                if comment && text != COMPUTED_START && text != COMPUTED_END {
                    continue;
                }
                if text == COMPUTED_START {
                    skipping = Some(html.span.line);
                    continue;
                }
                if text == COMPUTED_END {
                    if let Some(start) = skipping.take() {
                        self.skipped(
                            start,
                            format!(
                                "Figures computed by Gapmap (lines {start}–{}): recomputed, not read.",
                                html.span.line
                            ),
                        );
                    }
                    continue;
                }
            }
            if skipping.is_none() {
                kept.push(block);
            }
        }
        kept
    }

    /// Pass A over the top-level blocks.
    pub(super) fn scan(&mut self, blocks: &[&'t Block]) {
        for block in blocks {
            self.scan_block(block, true);
        }
    }

    fn scan_block(&mut self, block: &'t Block, top: bool) {
        match block {
            Block::Heading(h) => {
                if self.title.is_none() && h.level == 1 {
                    let title = phrases::undecorated(&h.text);
                    if !title.is_empty() {
                        self.title = Some((title.clone(), h.span.line));
                        self.recognised(h.span.line, format!("Title \"{title}\"."));
                    }
                }
                if let Some(value) = phrases::overall_statement(&h.text) {
                    self.overall.push((value, h.span.line));
                }
                if top {
                    if let Some(p) = phrases::phase_heading(&h.text) {
                        self.add_phase_heading(p, h.span.line);
                    }
                }
            }
            Block::Paragraph(p) => self.scan_paragraph(p, top),
            Block::List(list) => {
                if self.scan_score_list(list) {
                    self.consumed_blocks.insert(list.span.id);
                    return;
                }
                for item in &list.items {
                    for line in &item.lines {
                        self.scan_stated_total(line);
                        if let Some(value) = phrases::overall_statement(&line.text) {
                            self.overall.push((value, line.number));
                        }
                    }
                    for child in &item.children {
                        self.scan_block(child, false);
                    }
                }
            }
            Block::Quote(q) => {
                for child in &q.children {
                    self.scan_block(child, false);
                }
            }
            Block::Code(code) => {
                if self.scan_score_code(code) {
                    self.consumed_blocks.insert(code.span.id);
                }
            }
            Block::Table(table) => {
                if classify(table, false) == TableKind::Scores {
                    self.read_score_table(table);
                    self.consumed_blocks.insert(table.span.id);
                }
            }
            Block::Html(_) | Block::Rule(_) => {}
        }
    }

    fn scan_paragraph(&mut self, p: &Paragraph, top: bool) {
        let score_lines: Vec<(String, f64, usize)> = p
            .lines
            .iter()
            .filter_map(|l| {
                let (name, value) = phrases::score_line(&l.text)?;
                let has_bar = l.text.contains(['█', '░', '▓', '▒', '■', '□']);
                (!phrases::stems(&name).is_empty() && !phrases::is_overall_label(&name)).then_some((
                    name,
                    value,
                    l.number * 2 + usize::from(has_bar),
                ))
            })
            .collect();
        let several = score_lines.len() >= 2;
        for (name, value, tagged) in score_lines {
            let (line, has_bar) = (tagged / 2, tagged % 2 == 1);
            if has_bar || several {
                self.add_category_score(&name, value, line);
                self.consumed_lines.insert(line);
            }
        }
        for line in &p.lines {
            self.scan_stated_total(line);
            if let Some(value) = phrases::overall_statement(&line.text) {
                self.overall.push((value, line.number));
                // `Overall score: 68/100` and nothing else is read in full.
                if let Some((key, rest)) = phrases::label(&line.text) {
                    if phrases::is_overall_label(key)
                        && phrases::score(rest).is_some_and(|(_, after)| after.trim().is_empty())
                    {
                        self.consumed_lines.insert(line.number);
                    }
                }
            }
            if top {
                self.scan_metadata(line);
            }
        }
    }

    /// A line that states what the whole roadmap costs (`Total investment:
    /// $640K–840K`), wherever it stands: read in full.
    fn scan_stated_total(&mut self, line: &Line) {
        let labels = phrases::labels(&line.text);
        let mut read = 0;
        for (key, value) in &labels {
            if !phrases::is_total_cost_label(key) {
                continue;
            }
            if let Some((min, max, currency)) = phrases::money(value) {
                self.note_currency(currency, line.number);
                self.note_stated_total(min, max, line.number);
                read += 1;
            }
        }
        if read > 0 && read == labels.len() {
            self.consumed_lines.insert(line.number);
        }
    }

    fn scan_metadata(&mut self, line: &Line) {
        let Some((key, value)) = phrases::label(&line.text) else { return };
        let key = key.to_lowercase();
        let value = phrases::undecorated(value);
        if value.is_empty() {
            return;
        }
        match key.as_str() {
            "date" | "assessment date" | "assessed on" | "review date" | "reviewed on" => {
                if self.assessed_on.is_none() {
                    match phrases::iso_date(&value) {
                        Some(date) => {
                            self.recognised(line.number, format!("Assessment date {date}."));
                            self.assessed_on = Some(date);
                            self.consumed_lines.insert(line.number);
                        }
                        None => self.skipped(
                            line.number,
                            format!("The date \"{value}\" is not written YYYY-MM-DD; kept in the summary."),
                        ),
                    }
                } else if self.assessed_on.as_deref() == phrases::iso_date(&value).as_deref() {
                    self.consumed_lines.insert(line.number);
                }
            }
            "assessed by" | "assessor" | "assessors" | "reviewer" | "reviewers" | "reviewed by" | "prepared by"
            | "report prepared by" | "author" | "authors" => {
                for name in value.split([',', ';']).flat_map(|n| n.split(" and ")) {
                    let name = name.trim();
                    if !name.is_empty() && !self.assessors.iter().any(|a| a == name) {
                        self.assessors.push(name.to_string());
                    }
                }
                self.recognised(line.number, format!("Assessed by {value}."));
                self.consumed_lines.insert(line.number);
            }
            "system" | "system under review" | "project" | "product" | "application" | "service"
                if self.system.is_none() =>
            {
                self.recognised(line.number, format!("System \"{value}\"."));
                self.system = Some(value);
                self.consumed_lines.insert(line.number);
            }
            "starts on" | "start date" | "roadmap starts on" if self.start_date.is_none() => {
                if let Some(date) = phrases::iso_date(&value) {
                    self.recognised(line.number, format!("The roadmap starts on {date}."));
                    self.start_date = Some(date);
                    self.consumed_lines.insert(line.number);
                }
            }
            "currency" => {
                let code = value.split_whitespace().next().unwrap_or_default();
                if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                    self.recognised(line.number, format!("Amounts in {code}."));
                    self.currency = Some((code.to_string(), line.number));
                    self.consumed_lines.insert(line.number);
                }
            }
            _ => {}
        }
    }
}
