//! Tables: what kind a table is (scores, requirements, KPIs, risks,
//! resources by phase, costs by phase, roles, a phase's team or costs) from
//! the words of its header, and reading each kind. Tables that need the
//! phases are read last, once every phase heading is known.

use super::*;

impl<'t> Importer<'t> {
    pub(super) fn read_score_table(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["category", "area", "dimension", "domain", "pillar", "capability"]).unwrap_or(0);
        let manual_col = columns.find(&["manual", "stated", "assessor"]);
        let score_col =
            manual_col.or_else(|| columns.find(&["score", "rating", "grade", "readiness", "maturity", "%"]));
        let target_col = columns.find(&["target"]);
        let weight_col = columns.find(&["weight"]);
        let priority_col = columns.find(&["priority"]);
        let status_col = columns.find(&["status"]);
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() {
                continue;
            }
            let score = score_col
                .map(|c| phrases::score(cell(row, c)).map(|(v, _)| v).or_else(|| plain_score(cell(row, c))))
                .unwrap_or_else(|| {
                    row.cells
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != name_col)
                        .find_map(|(_, c)| phrases::score(c).map(|(v, _)| v))
                });
            if is_total(&name) || phrases::is_overall_label(&name) {
                if let Some(value) = score {
                    self.overall.push((value, row.line));
                }
                continue;
            }
            let index = self.add_category_score(&name, score.unwrap_or(f64::NAN), row.line);
            let Some(index) = index else { continue };
            let category = &mut self.categories[index];
            if score.is_none() {
                category.manual = None;
            }
            if let Some(target) = target_col.and_then(|c| plain_score(cell(row, c))) {
                category.target = Some(target);
            }
            if let Some(weight) = weight_col.and_then(|c| phrases::number(cell(row, c).trim())).map(|(w, _)| w) {
                category.weight = weight;
            }
            if let Some(priority) = priority_col.and_then(|c| phrases::priority_word(cell(row, c))) {
                category.default_priority = Some(priority);
            }
            if let Some(status) = status_col.map(|c| phrases::undecorated(cell(row, c))).filter(|s| !s.is_empty()) {
                category.notes.push(format!("Status: {status}"));
            }
        }
    }

    pub(super) fn apply_tables(&mut self) {
        let mut deferred = std::mem::take(&mut self.deferred);
        // Roles and resources first: they make roles and may make phases.
        deferred.sort_by_key(|d| match d.kind {
            TableKind::Roles => 0,
            TableKind::Resources => 1,
            TableKind::Team | TableKind::Costs => 2,
            TableKind::PhaseCosts => 3,
            _ => 4,
        });
        for table in deferred {
            match table.kind {
                TableKind::Roles => self.read_roles(table.table),
                TableKind::Resources => self.read_resources(table.table),
                TableKind::Team => match table.phase {
                    Some(phase) => self.read_team(table.table, phase),
                    None => self.read_roles(table.table),
                },
                TableKind::Costs => match table.phase {
                    Some(phase) => self.read_phase_cost_list(table.table, phase),
                    None => self.leave_table(table.table),
                },
                TableKind::PhaseCosts => self.read_phase_costs(table.table, &table.context),
                TableKind::Kpis => self.read_kpis(table.table),
                TableKind::Risks => self.read_risks(table.table),
                _ => self.leave_table(table.table),
            }
        }
    }

    /// A table that turned out unreadable: its text goes to the summary.
    pub(super) fn leave_table(&mut self, table: &Table) {
        self.skipped(table.span.line, "A table that could not be read; kept in the summary.");
        let text = self.source(&table.span.bytes);
        self.summary.push(text);
    }

    pub(super) fn read_roles(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["role", "name"]).unwrap_or(0);
        let rate_col = columns.find(&["weekly", "rate", "per week", "cost"]);
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() || is_total(&name) {
                continue;
            }
            let role = self.role(&name, row.line);
            if let Some((min, _, currency)) =
                rate_col.and_then(|c| phrases::money(cell(row, c)).or_else(|| plain_money(cell(row, c))))
            {
                self.note_currency(currency, row.line);
                self.roles[role].weekly_rate = Some(min);
            }
        }
        self.recognised(table.span.line, format!("A table of {} role(s).", table.rows.len()));
    }

    pub(super) fn read_team(&mut self, table: &Table, phase: usize) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["role", "name"]).unwrap_or(0);
        let fte_col = columns.find(&["fte", "people", "headcount", "count", "size", "engineers"]);
        let rate_col = columns.find(&["weekly", "rate", "per week"]);
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() || is_total(&name) {
                continue;
            }
            let role = self.role(&name, row.line);
            if let Some((min, max, _)) = fte_col.and_then(|c| phrases::range(cell(row, c))) {
                self.set_team(phase, role, min, max);
            }
            if let Some((rate, _, currency)) =
                rate_col.and_then(|c| phrases::money(cell(row, c)).or_else(|| plain_money(cell(row, c))))
            {
                self.note_currency(currency, row.line);
                self.roles[role].weekly_rate = Some(rate);
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
            if label.is_empty() || is_total(&label) {
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

    pub(super) fn read_kpis(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let name_col = columns.find(&["metric", "kpi", "measure", "indicator"]).unwrap_or(0);
        let current_col = columns.find(&["current", "baseline", "today", "now", "actual"]);
        let unit_col = columns.find(&["unit"]);
        let better_col = columns.find(&["better", "direction"]);
        let mut target_cols: Vec<(usize, usize)> = table
            .head
            .iter()
            .enumerate()
            .filter(|(c, _)| {
                *c != name_col && Some(*c) != current_col && Some(*c) != unit_col && Some(*c) != better_col
            })
            .filter_map(|(c, h)| self.phase_named(h).map(|p| (c, p)))
            .collect();
        if target_cols.is_empty() {
            if let (Some(c), Some(last)) = (columns.find(&["target", "goal"]), self.phases.len().checked_sub(1)) {
                self.guessed(table.span.line, "The KPI targets name no phase: set for the last phase.");
                target_cols.push((c, last));
            }
        }
        for row in &table.rows {
            let name = phrases::undecorated(cell(row, name_col));
            if name.is_empty() {
                continue;
            }
            let mut kpi = KpiDraft {
                name: name.clone(),
                unit: unit_col.map(|c| cell(row, c).trim().to_string()).unwrap_or_default(),
                current: None,
                better: better_col.and_then(|c| match cell(row, c).trim().to_lowercase().as_str() {
                    "higher" | "up" | "increase" | "more" => Some(Better::Higher),
                    "lower" | "down" | "decrease" | "less" => Some(Better::Lower),
                    _ => None,
                }),
                targets: Vec::new(),
                stated: serde_json::Map::new(),
            };
            let mut comparators = Vec::new();
            let mut read = |kpi: &mut KpiDraft, header: &str, text: &str| -> Option<f64> {
                let text = text.trim();
                if text.is_empty() || text == "—" || text == "-" {
                    return None;
                }
                match kpi_value(text) {
                    Some((value, unit, comparator)) => {
                        if kpi.unit.is_empty() {
                            kpi.unit = unit.clone();
                        }
                        if !unit.is_empty() && unit != kpi.unit {
                            kpi.stated.insert(header.to_string(), Value::from(text));
                            return None;
                        }
                        if let Some(c) = comparator {
                            comparators.push(c);
                        }
                        Some(value)
                    }
                    None => {
                        kpi.stated.insert(header.to_string(), Value::from(text));
                        None
                    }
                }
            };
            if let Some(c) = current_col {
                kpi.current = read(&mut kpi, cell_or(&table.head, c), cell(row, c));
            }
            for &(c, phase) in &target_cols {
                if let Some(value) = read(&mut kpi, cell_or(&table.head, c), cell(row, c)) {
                    kpi.targets.push((phase, value));
                }
            }
            if kpi.better.is_none() {
                kpi.better = if comparators.contains(&'<') {
                    Some(Better::Lower)
                } else if comparators.contains(&'>') {
                    Some(Better::Higher)
                } else {
                    let first = kpi.current.or_else(|| kpi.targets.first().map(|t| t.1));
                    let last = kpi.targets.last().map(|t| t.1);
                    match (first, last) {
                        (Some(a), Some(b)) if b < a => Some(Better::Lower),
                        _ => None,
                    }
                };
            }
            if !kpi.stated.is_empty() {
                let words: Vec<String> =
                    kpi.stated.iter().map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or_default())).collect();
                self.skipped(
                    row.line,
                    format!("KPI \"{name}\": values that are not numbers kept as text ({}).", words.join(", ")),
                );
            }
            self.kpis.push(kpi);
        }
        self.recognised(table.span.line, format!("A KPI table of {} KPI(s).", table.rows.len()));
    }

    pub(super) fn read_risks(&mut self, table: &Table) {
        let columns = Columns::of(table);
        let title_col = columns.find(&["risk", "threat", "description"]).unwrap_or(0);
        let probability_col = columns.find(&["probability", "likelihood"]);
        let impact_col = columns.find(&["impact", "severity", "consequence"]);
        let mitigation_col = columns.find(&["mitigation", "response", "action", "plan"]);
        let gaps_col = columns.find(&["gaps", "related"]);
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
            for (c, header) in table.head.iter().enumerate() {
                if [Some(title_col), probability_col, impact_col, mitigation_col, gaps_col].contains(&Some(c)) {
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
            self.risks.push(RiskDraft { title, probability, impact, mitigation, gaps });
            count += 1;
        }
        self.recognised(table.span.line, format!("A risk table of {count} risk(s)."));
    }
}

/// The status stated in a table cell: a word where there is one (`❌ Partial`
/// is partial), else the mark.
pub(super) fn status_cell(text: &str) -> Option<Status> {
    let mark = phrases::status_mark(text);
    let rest = mark.map_or(text, |(_, rest)| rest);
    let word = status_word(rest).filter(|s| *s == Status::Partial || mark.is_none() || *s == Status::NotApplicable);
    word.or(mark.map(|(s, _)| s))
}

/// The columns of a table by header, for finding one by the words it holds.
pub(super) struct Columns {
    heads: Vec<String>,
}

impl Columns {
    pub(super) fn of(table: &Table) -> Self {
        Columns { heads: table.head.iter().map(|h| phrases::undecorated(h).to_lowercase()).collect() }
    }

    /// The first column whose header holds one of the words.
    pub(super) fn find(&self, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|word| {
            self.heads.iter().position(|h| {
                if word.len() <= 2 || word.contains(' ') || !word.chars().all(char::is_alphanumeric) {
                    h.contains(word)
                } else {
                    phrases::has_phrase(h, word) || phrases::words(h).iter().any(|w| w.starts_with(word))
                }
            })
        })
    }
}

pub(super) fn cell(row: &outline::Row, column: usize) -> &str {
    row.cells.get(column).map_or("", String::as_str)
}

pub(super) fn cell_or(head: &[String], column: usize) -> &str {
    head.get(column).map_or("", String::as_str)
}

/// A bare number read as a score: `85` in a column headed Score.
pub(super) fn plain_score(text: &str) -> Option<f64> {
    let text = text.trim();
    let (value, rest) = phrases::number(text)?;
    (rest.trim().is_empty() && (0.0..=100.0).contains(&value)).then_some(value)
}

/// A bare number read as an amount, in a column that is about money.
pub(super) fn plain_money(text: &str) -> Option<(f64, f64, Option<&'static str>)> {
    let (value, rest) = phrases::number(text.trim())?;
    rest.trim().is_empty().then_some((value, value, None))
}

/// A KPI value: `37%`, `<30 min`, `99.9%`, `30ms (claimed)`, `2 (SOC2, ISO)`.
/// Returns the number, its unit and a comparator (`<` or `>`).
pub(super) fn kpi_value(text: &str) -> Option<(f64, String, Option<char>)> {
    let text = text.trim();
    let (comparator, rest) = match text.chars().next()? {
        '<' | '≤' => (Some('<'), &text[text.chars().next()?.len_utf8()..]),
        '>' | '≥' => (Some('>'), &text[text.chars().next()?.len_utf8()..]),
        _ => (None, text),
    };
    let rest = rest.trim_start_matches('=').trim_start();
    let (value, after) = phrases::number(rest)?;
    let after = phrases::remove_bracketed(after, '(', ')');
    let after = after.trim();
    let (unit, tail) = match after.strip_prefix('%') {
        Some(tail) => ("%".to_string(), tail.trim().to_string()),
        None => {
            let unit: String = after.chars().take_while(|c| c.is_alphabetic() || *c == '/').collect();
            let tail = after[unit.len()..].trim().to_string();
            (normalise_unit(&unit), tail)
        }
    };
    // `+` in `80%+` means "at least".
    let comparator = comparator.or_else(|| tail.starts_with('+').then_some('>'));
    let tail = tail.trim_start_matches('+').trim();
    (tail.is_empty() || tail.split_whitespace().count() <= 1).then_some((value, unit, comparator))
}

pub(super) fn normalise_unit(unit: &str) -> String {
    match unit.to_lowercase().as_str() {
        "hour" | "hours" | "hr" | "hrs" | "h" => "hours".to_string(),
        "minute" | "minutes" | "min" | "mins" => "min".to_string(),
        "day" | "days" => "days".to_string(),
        "week" | "weeks" => "weeks".to_string(),
        "second" | "seconds" | "sec" | "s" => "s".to_string(),
        _ => unit.to_string(),
    }
}

/// Classifies a table by its header.
pub(super) fn classify(table: &Table, in_phase: bool) -> TableKind {
    let columns = Columns::of(table);
    let has = |words: &[&str]| columns.find(words).is_some();
    if table.head.is_empty() || table.rows.is_empty() {
        return TableKind::Other;
    }
    if has(&["risk", "threat"]) && has(&["probability", "likelihood"]) && has(&["impact", "severity"]) {
        return TableKind::Risks;
    }
    let phase_headers = table.head.iter().filter(|h| references_phase(h)).count();
    if has(&["metric", "kpi", "measure", "indicator"]) && (has(&["current", "baseline", "target"]) || phase_headers > 0)
    {
        return TableKind::Kpis;
    }
    let first_column_phases =
        table.rows.iter().filter(|r| r.cells.first().is_some_and(|c| references_phase(c))).count();
    if first_column_phases > 0
        && first_column_phases * 2 >= table.rows.len()
        && has(&["duration", "engineers", "fte", "cost", "team", "weeks", "budget"])
    {
        return TableKind::Resources;
    }
    let money_cells =
        table.rows.iter().flat_map(|r| r.cells.iter().skip(1)).filter(|c| phrases::money(c).is_some()).count();
    if phase_headers > 0 && money_cells > 0 {
        return TableKind::PhaseCosts;
    }
    if has(&["requirement", "control", "capability", "feature", "check", "criterion", "criteria", "item", "gap"])
        && has(&["status", "state", "present", "implemented"])
    {
        return TableKind::Requirements;
    }
    if has(&["score", "rating", "grade", "readiness", "maturity"]) && !has(&["metric", "kpi"]) {
        return TableKind::Scores;
    }
    if has(&["role"]) && has(&["fte", "people", "headcount", "count"]) && in_phase {
        return TableKind::Team;
    }
    if has(&["role"]) && has(&["rate", "weekly", "per week"]) {
        return TableKind::Roles;
    }
    if in_phase && has(&["amount"]) {
        return TableKind::Costs;
    }
    // Two columns, names and scores: a score table without a header word.
    if table.head.len() == 2 && table.rows.iter().all(|r| phrases::score(cell(r, 1)).is_some()) {
        return TableKind::Scores;
    }
    TableKind::Other
}

/// Whether a header or cell names a phase (`Phase 1`, `Phase 2 Target`).
pub(super) fn references_phase(text: &str) -> bool {
    let words = phrases::words(text);
    words.windows(2).any(|w| matches!(w[0].as_str(), "phase" | "stage" | "milestone") && w[1].parse::<u32>().is_ok())
}

/// The rows of a requirements table as gap rows.
pub(super) fn requirement_rows(table: &Table, default_priority: Option<Priority>) -> Vec<RequirementRow> {
    let columns = Columns::of(table);
    let Some(title_col) = columns.find(&[
        "requirement",
        "control",
        "capability",
        "feature",
        "check",
        "criterion",
        "criteria",
        "item",
        "gap",
    ]) else {
        return Vec::new();
    };
    let status_col = columns.find(&["status", "state", "present", "implemented"]);
    let priority_col = columns.find(&["priority"]);
    let mut rows = Vec::new();
    for row in &table.rows {
        let title = phrases::undecorated(cell(row, title_col));
        if title.is_empty() || is_total(&title) {
            continue;
        }
        let status_text = status_col.map(|c| cell(row, c)).unwrap_or_default();
        let Some(status) = status_cell(status_text) else { continue };
        let priority = priority_col.and_then(|c| phrases::priority_word(cell(row, c))).or(default_priority);
        let mut notes = Vec::new();
        let status_rest = phrases::status_mark(status_text).map_or(status_text, |(_, r)| r).trim();
        if !status_rest.is_empty() {
            notes.push(format!("Status: {status_rest}"));
        }
        for (c, header) in table.head.iter().enumerate() {
            let head = phrases::undecorated(header);
            if [Some(title_col), status_col, priority_col].contains(&Some(c)) || head == "#" || head.is_empty() {
                continue;
            }
            let value = cell(row, c).trim();
            if !value.is_empty() {
                notes.push(format!("{head}: {value}"));
            }
        }
        rows.push(RequirementRow { title, status, priority, notes, line: row.line });
    }
    rows
}
