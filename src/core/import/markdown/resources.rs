//! Resources: roles and their weekly rates (stated per week, or per hour,
//! day, month or year and made weekly), the team of each phase (from a
//! phase's `Team:` line, its team table, or a resource table by phase),
//! costs by phase (a phase's own list, or an infrastructure table across
//! phases), and the currency the document's amounts are in.

use super::drafts::{PhaseDraft, RoleDraft};
use super::importer::Importer;
use super::outline::Table;
use super::phrases::{self, Period, Weeks};
use super::tables::{cell, is_total, plain_money, Columns};
use crate::core::model::{Cost, CostKind, Settings, DEFAULT_CURRENCY};
use crate::core::present::display;

impl<'t> Importer<'t> {
    /// The role of this name, or of one alike to it; added when there is none.
    /// Names alike are the same but for case and plurals, or for words any
    /// role could be called by (`Platform engineers` and `Platform`, as a
    /// team line and a table name one role): the first name stays, and a
    /// different one is reported as a guess.
    pub(super) fn role(&mut self, name: &str, line: usize) -> usize {
        let stems = phrases::stems(name);
        let key = role_key(&stems);
        let same = |r: &RoleDraft| {
            let other = phrases::stems(&r.name);
            r.name.eq_ignore_ascii_case(name)
                || (!stems.is_empty() && other == stems)
                || (!key.is_empty() && role_key(&other) == key)
        };
        if let Some(index) = self.roles.iter().position(same) {
            let known = &self.roles[index];
            if phrases::stems(&known.name) != stems {
                let message = format!(
                    "\"{name}\" is read as the role \"{}\" (line {}): the same role in other words.",
                    known.name, known.line
                );
                self.guessed(line, message);
            }
            return index;
        }
        self.roles.push(RoleDraft { name: name.to_string(), weekly_rate: None, line });
        self.roles.len() - 1
    }

    /// Sets a role's headcount in a phase's team; the last statement counts.
    pub(super) fn set_team(&mut self, phase: usize, role: usize, min: f64, max: f64) {
        let team = &mut self.phases[phase].team;
        match team.iter_mut().find(|(r, ..)| *r == role) {
            Some(member) => *member = (role, min, max),
            None => team.push((role, min, max)),
        }
    }

    /// Notes what the document states the whole roadmap costs: the first
    /// statement counts, and a different one later is a warning.
    pub(super) fn note_stated_total(&mut self, min: f64, max: f64, line: usize) {
        let currency = self.currency.as_ref().map_or(DEFAULT_CURRENCY, |(c, _)| c.as_str());
        let shown = display::money_range(min, max, currency);
        match self.stated_total {
            None => {
                self.recognised(line, format!("The stated total cost {shown}."));
                self.stated_total = Some(((min, max), line));
            }
            Some(((known_min, known_max), known_line)) if (known_min, known_max) != (min, max) => {
                let known = display::money_range(known_min, known_max, currency);
                self.warning(
                    line,
                    format!("The total cost is stated as {shown} here but {known} at line {known_line}; kept {known}."),
                );
            }
            Some(_) => {}
        }
    }

    /// Notes the currency of an amount: the first one is the document's, and
    /// a different one later is a warning.
    pub(super) fn note_currency(&mut self, currency: Option<&'static str>, line: usize) {
        let Some(code) = currency else { return };
        match &self.currency {
            None => self.currency = Some((code.to_string(), line)),
            Some((known, _)) if known != code => {
                let known = known.clone();
                self.warning(
                    line,
                    format!("An amount in {code}, but the document's amounts are in {known}; kept {known}."),
                );
            }
            _ => {}
        }
    }

    /// A table of roles and their rates (per week, or per hour, day, month
    /// or year, made weekly).
    pub(super) fn read_roles(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["role", "name"]).unwrap_or(0);
        let rate_col = columns.find(&RATE_COLUMNS).or_else(|| columns.find(&["cost"]));
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() || is_total(&name) {
                continue;
            }
            let role = self.role(&name, row.line);
            if let Some(c) = rate_col {
                self.read_rate(role, table.head.get(c).map_or("", String::as_str), cell(row, c), row.line);
            }
        }
        self.recognised(table.span.line, format!("A table of {} role(s).", table.rows.len()));
    }

    /// A role's rate from a table cell, made weekly when the cell or its
    /// column states another period (`$150/h`, `Monthly rate`); a rate
    /// converted is reported as a guess, with the arithmetic.
    fn read_rate(&mut self, role: usize, header: &str, text: &str, line: usize) {
        let Some((amount, _, currency)) = phrases::money(text).or_else(|| plain_money(text)) else { return };
        self.note_currency(currency, line);
        let period = phrases::rate_period(text).or_else(|| phrases::rate_period(header)).unwrap_or(Period::Week);
        let settings = Settings::default();
        if period == Period::Week {
            self.roles[role].weekly_rate = Some(amount);
            return;
        }
        // Converted amounts are kept to the cent, as money is written.
        let weekly = (period.weekly(amount, settings.hours_per_day, settings.days_per_week) * 100.0).round() / 100.0;
        let currency = self.currency.as_ref().map_or(DEFAULT_CURRENCY, |(c, _)| c.as_str());
        let message = format!(
            "The rate of {} is stated {} ({}): {} a week, {}.",
            self.roles[role].name,
            period.per(),
            display::money_as_entered(amount, currency),
            display::money_as_entered(weekly, currency),
            period.how(settings.hours_per_day, settings.days_per_week)
        );
        self.guessed(line, message);
        self.roles[role].weekly_rate = Some(weekly);
    }

    /// A phase's team table: headcount and weekly rate by role.
    pub(super) fn read_team(&mut self, table: &Table, phase: usize) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["role", "name"]).unwrap_or(0);
        let fte_col = columns.find(&["fte", "people", "headcount", "count", "size", "engineers"]);
        let rate_col = columns.find(&RATE_COLUMNS);
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() || is_total(&name) {
                continue;
            }
            let role = self.role(&name, row.line);
            if let Some((min, max, _)) = fte_col.and_then(|c| phrases::range(cell(row, c))) {
                self.set_team(phase, role, min, max);
            }
            if let Some(c) = rate_col {
                self.read_rate(role, table.head.get(c).map_or("", String::as_str), cell(row, c), row.line);
            }
        }
        let name = self.phases[phase].name.clone();
        self.recognised(table.span.line, format!("The team of \"{name}\", {} role(s).", table.rows.len()));
    }

    /// A phase's own list of costs: name, amount, kind.
    pub(super) fn read_phase_cost_list(&mut self, table: &Table, phase: usize) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["cost", "item", "name", "component"]).unwrap_or(0);
        let amount_col = columns.find(&["amount", "value", "price"]).unwrap_or(1);
        let kind_col = columns.find(&["kind", "type", "recurring"]);
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() || is_total(&name) {
                continue;
            }
            let Some((amount, _, currency)) =
                phrases::money(cell(row, amount_col)).or_else(|| plain_money(cell(row, amount_col)))
            else {
                self.skipped(row.line, format!("The cost \"{name}\" has no amount."));
                continue;
            };
            self.note_currency(currency, row.line);
            let kind_text = kind_col.map(|c| cell(row, c).to_lowercase()).unwrap_or_default();
            let kind = if ["annual", "yearly", "recurring", "per year", "run"].iter().any(|k| kind_text.contains(k)) {
                CostKind::Annual
            } else {
                CostKind::OneOff
            };
            self.phases[phase].costs.push(Cost::new(name, amount, kind));
        }
        let name = self.phases[phase].name.clone();
        self.recognised(table.span.line, format!("The costs of \"{name}\"."));
    }

    /// A resource table by phase: duration, team by role, stated cost.
    pub(super) fn read_resources(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let phase_col = columns.find(&["phase", "stage", "milestone"]).unwrap_or(0);
        let duration_col = columns.find(&["duration", "weeks", "timeline", "length"]);
        let cost_col = columns.find(&["cost", "budget", "estimate"]);
        let team_col = columns.find(&["team"]);
        let mut read = 0;
        for row in &table.rows {
            let label = phrases::undecorated(cell(row, phase_col));
            if label.is_empty() {
                continue;
            }
            // The total row states what the whole roadmap costs; its other
            // cells are sums of the phases'.
            if is_total(&label) {
                if let Some((min, max, currency)) = cost_col.and_then(|c| phrases::money(cell(row, c))) {
                    self.note_currency(currency, row.line);
                    self.note_stated_total(min, max, row.line);
                }
                continue;
            }
            let phase = match self.phase_named(&label) {
                Some(phase) => phase,
                None => {
                    let number = Self::phase_number(&label);
                    self.guessed(row.line, format!("Made the phase \"{label}\" from a row of the resource table."));
                    let name = phrases::phase_heading(&label)
                        .map(|p| p.name)
                        .filter(|n| !n.is_empty())
                        .unwrap_or(label.clone());
                    if let Some(number) = number {
                        self.phase_numbers.entry(number).or_insert(self.phases.len());
                    }
                    self.phases.push(PhaseDraft { number, name, line: row.line, ..Default::default() });
                    self.phases.len() - 1
                }
            };
            read += 1;
            for (c, header) in table.head.iter().enumerate() {
                if c == phase_col {
                    continue;
                }
                let value = cell(row, c);
                if Some(c) == duration_col {
                    if let Some((min, max)) = phrases::length_in_weeks(value) {
                        self.phases[phase].duration =
                            Some((Weeks { start: None, min, max, range_form: false }, row.line));
                    }
                } else if Some(c) == cost_col {
                    if let Some((min, max, currency)) = phrases::money(value) {
                        self.note_currency(currency, row.line);
                        self.phases[phase].stated_cost = Some((min, max));
                    }
                } else if Some(c) == team_col {
                    for (role, min, max) in phrases::team(value) {
                        let role = self.role(&role, row.line);
                        self.set_team(phase, role, min, max);
                    }
                } else if let Some((min, max, rest)) = phrases::range(value) {
                    let rest = rest.trim().to_lowercase();
                    if rest.is_empty() || rest == "fte" {
                        let name = phrases::undecorated(header);
                        if !name.is_empty() {
                            let role = self.role(&name, table.span.line);
                            if max > 0.0 {
                                self.set_team(phase, role, min, max);
                            }
                        }
                    }
                } else if !value.trim().is_empty() {
                    self.phases[phase].goal.push(format!("{}: {}", phrases::undecorated(header), value.trim()));
                }
            }
        }
        self.recognised(table.span.line, format!("A resource table for {read} phase(s)."));
    }

    /// Costs by phase across phases: the infrastructure table. Annual
    /// tables state the run-rate reached in each phase, so each phase adds
    /// the difference from the one before (or from the current column).
    pub(super) fn read_phase_costs(&mut self, table: &Table, context: &str) {
        let columns = Columns::of(table);
        let name_col = 0;
        let baseline_col = columns.find(&["current", "baseline", "today", "now", "existing"]);
        let phase_cols: Vec<(usize, usize)> = table
            .head
            .iter()
            .enumerate()
            .filter(|(c, _)| *c != name_col && Some(*c) != baseline_col)
            .filter_map(|(c, h)| self.phase_named(h).map(|p| (c, p)))
            .collect();
        let words = format!("{context} {}", table.head.join(" ")).to_lowercase();
        let monthly = words.contains("monthly") || words.contains("per month") || words.contains("/mo");
        let annual = monthly
            || ["annual", "yearly", "per year", "/yr", "run rate", "run-rate", "recurring", "infrastructure"]
                .iter()
                .any(|w| words.contains(w));
        let factor = if monthly { 12.0 } else { 1.0 };
        let mut added = 0;
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() || is_total(&name) {
                continue;
            }
            // The run-rate before the roadmap, per year.
            let mut previous =
                baseline_col.and_then(|c| phrases::money(cell(row, c))).map_or(0.0, |(min, _, _)| min * factor);
            for &(c, phase) in &phase_cols {
                let Some((amount, _, currency)) = phrases::money(cell(row, c)) else { continue };
                self.note_currency(currency, row.line);
                let amount = amount * factor;
                if annual {
                    let step = amount - previous;
                    previous = amount;
                    if step < 0.0 {
                        self.skipped(
                            row.line,
                            format!("\"{name}\" falls by {} in a phase; a cost cannot be negative.", -step),
                        );
                    } else if step > 0.0 {
                        self.phases[phase].costs.push(Cost::new(name.clone(), step, CostKind::Annual));
                        added += 1;
                    }
                } else if amount > 0.0 {
                    self.phases[phase].costs.push(Cost::new(name.clone(), amount, CostKind::OneOff));
                    added += 1;
                }
            }
        }
        let kind = if annual { "annual costs (each phase adds its increase)" } else { "one-off costs" };
        self.recognised(table.span.line, format!("A cost table by phase: {added} {kind}."));
    }
}

/// Words of the header of a column of rates.
const RATE_COLUMNS: [&str; 7] = ["weekly", "rate", "per week", "hourly", "daily", "monthly", "salary"];

/// Stems any role's name may carry (`engineers`, `developers`, `FTE`): left
/// out when telling roles apart.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "dev",
    "specialist",
    "expert",
    "person",
    "people",
    "staff",
    "member",
    "fte",
    "headcount",
    "resource",
];

/// A role's stems without the words any role could be called by.
fn role_key(stems: &[String]) -> Vec<String> {
    stems.iter().filter(|s| !ROLE_WORDS.contains(&s.as_str())).cloned().collect()
}
