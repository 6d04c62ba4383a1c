//! Risk tables: a risk per row with its probability, impact and mitigation,
//! and its owner, status (`open`, `mitigating`, `closed`, `accepted`) and
//! review day (`YYYY-MM-DD`) when columns give them; columns the format has
//! no field for, and a status or review day that is not one, are kept in
//! the mitigation, and a related-gaps column links the risk to the gaps it
//! names.

use super::drafts::RiskDraft;
use super::importer::Importer;
use super::outline::Table;
use super::phrases;
use super::tables::{cell, Columns};
use crate::core::format::validate::is_iso_date;
use crate::core::model::{Impact, Probability, RiskStatus, Severity};

impl<'t> Importer<'t> {
    /// A risk table: one risk per row.
    pub(super) fn read_risks(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let title_col = columns.find(&["risk", "threat", "description"]).unwrap_or(0);
        let probability_col = columns.find(&["probability", "likelihood"]);
        let impact_col = columns.find(&["impact", "severity", "consequence"]);
        let mitigation_col = columns.find(&["mitigation", "response", "action", "plan"]);
        let gaps_col = columns.find(&["gaps", "related"]);
        let owner_col = columns.find(&["owner"]);
        let status_col = columns.find(&["status"]);
        let review_col = columns.find(&["review"]);
        let mut count = 0;
        for row in &table.rows {
            let title = phrases::undecorated(cell(row, title_col));
            if title.is_empty() {
                continue;
            }
            let probability_text = probability_col.map(|c| cell(row, c)).unwrap_or_default();
            let probability = match phrases::severity_word(probability_text) {
                Some(Severity::Critical | Severity::High) => Probability::High,
                Some(Severity::Medium) => Probability::Medium,
                Some(Severity::Low) => Probability::Low,
                None => {
                    self.guessed(row.line, format!("The risk \"{title}\" states no probability; medium assumed."));
                    Probability::Medium
                }
            };
            let impact_text = impact_col.map(|c| cell(row, c)).unwrap_or_default();
            let impact = match phrases::severity_word(impact_text) {
                Some(Severity::Critical) => Impact::Critical,
                Some(Severity::High) => Impact::High,
                Some(Severity::Medium) => Impact::Medium,
                Some(Severity::Low) => Impact::Low,
                None => {
                    self.guessed(row.line, format!("The risk \"{title}\" states no impact; medium assumed."));
                    Impact::Medium
                }
            };
            let mut mitigation = mitigation_col.map(|c| cell(row, c).trim().to_string()).unwrap_or_default();
            let owner = owner_col.map(|c| cell(row, c).trim().to_string()).unwrap_or_default();
            let status_text = status_col.map(|c| cell(row, c).trim().to_lowercase()).unwrap_or_default();
            let status = RiskStatus::parse(&status_text);
            let review_text = review_col.map(|c| cell(row, c).trim()).unwrap_or_default();
            let review_on = Some(review_text).filter(|t| is_iso_date(t)).map(str::to_string);
            // What a status or review column holds that is not one is kept.
            let read = [
                Some(title_col),
                probability_col,
                impact_col,
                mitigation_col,
                gaps_col,
                owner_col,
                status_col.filter(|_| status.is_some() || status_text.is_empty()),
                review_col.filter(|_| review_on.is_some() || review_text.is_empty()),
            ];
            for (c, header) in table.head.iter().enumerate() {
                if read.contains(&Some(c)) {
                    continue;
                }
                let value = cell(row, c).trim();
                if !value.is_empty() {
                    if !mitigation.is_empty() {
                        mitigation.push_str("; ");
                    }
                    mitigation.push_str(&format!("{}: {value}", phrases::undecorated(header)));
                }
            }
            let gaps = gaps_col
                .map(|c| cell(row, c).split(';').map(|g| g.trim().to_string()).filter(|g| !g.is_empty()).collect())
                .unwrap_or_default();
            let status = status.unwrap_or_default();
            self.risks.push(RiskDraft { title, probability, impact, mitigation, gaps, owner, status, review_on });
            count += 1;
        }
        self.recognised(table.span.line, format!("A risk table of {count} risk(s)."));
    }
}
