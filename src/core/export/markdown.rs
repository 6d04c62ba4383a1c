//! The Markdown report of an assessment: what `gapmap report --format md`
//! prints and the app's "Export Markdown" saves. It runs past ~500 lines
//! because it is one document written section by section, in the order the
//! report reads and in the phrases the importer recognises, and spreading
//! the sections over several files would hide that order.
//!
//! It reads well on its own: title and summary, the overall score with its
//! level and blockers, what changed since a milestone (`changes.rs`), a
//! table of category scores, the gaps by category with status, priority,
//! effort, due day, the gaps each depends on (by title), acceptance,
//! checklist and evidence (a list of links, or text where an address may
//! not be a link: `present::link`), the roadmap with its start date, each
//! phase's timing (`Starts after: Phase 1`), teams, costs, exit criteria
//! (ticked when met, with their evidence) and projected scores (and what
//! the source document stated each phase and the whole roadmap cost, beside
//! the computed figures), the KPIs and the risks with owner, status and
//! review day.
//!
//! It is also a document the Markdown importer reads back into the same
//! assessment (categories, gaps, phases, roles, KPIs, risks and so every
//! score), so a report can be edited by hand and imported again. That is why
//! what the user entered is written exactly as entered (`0.25` FTE stays
//! `0.25`), in the phrases the importer recognises, while every computed
//! figure comes from [`summarize`] and [`display`] and stands between
//! `<!-- gapmap:computed -->` comments, which the importer skips: importing
//! recomputes them. Money is written in whole units, as the app shows it.
//!
//! Not written: the scoring settings (priority weights, partial credit,
//! levels), ids (gaps and phases are named by title and number instead),
//! and keys the format does not know; an import gets defaults and new ids.
//! An evidence entry whose text is its address reads back without text,
//! which shows the same.

use crate::core::import::markdown::{COMPUTED_END, COMPUTED_START};
use crate::core::model::{
    Acceptance, Assessment, CostKind, Criterion, Effort, EffortUnit, Evidence, Gap, KpiTarget, KpiValue, Role, Status,
};
use crate::core::numbers::summary::{summarize, summarize_as_of, Bounds, Summary};
use crate::core::present::display;
use crate::core::present::link;
use crate::core::present::query;

mod calendar;
mod changes;

pub use changes::Since;

/// What a report shows beyond the assessment itself. The default is what
/// [`report`] writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// The milestone that the "Changes since" section compares the
    /// assessment with: the newest by default.
    pub since: Since,
}

/// The Markdown report of an assessment, with the changes since its newest
/// milestone, with no day: no acceptance expires (as `summarize`).
pub fn report(a: &Assessment) -> String {
    report_with_options(a, &ReportOptions::default())
}

/// The Markdown report of an assessment, as `options` say, with no day.
pub fn report_with_options(a: &Assessment, options: &ReportOptions) -> String {
    write(a, options, summarize(a))
}

/// The Markdown report of an assessment as `options` say, its numbers as
/// of the day `as_of` (`YYYY-MM-DD`): acceptances expired before it count
/// as missing and are listed, with the gaps overdue then; the "Changes
/// since" section scores the assessment as of that day too.
pub fn report_as_of(a: &Assessment, options: &ReportOptions, as_of: &str) -> String {
    write(a, options, summarize_as_of(a, as_of))
}

fn write(a: &Assessment, options: &ReportOptions, summary: Summary) -> String {
    let mut out = Report { a, s: &summary, text: String::with_capacity(4096) };
    out.header();
    out.overall();
    out.calendar();
    out.changes(&options.since);
    out.categories();
    out.gaps();
    out.roadmap();
    out.kpis();
    out.risks();
    let mut text = out.text;
    while text.ends_with("\n\n") {
        text.pop();
    }
    text
}

struct Report<'a> {
    a: &'a Assessment,
    s: &'a Summary,
    text: String,
}

impl Report<'_> {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.text.ends_with("\n\n") && !self.text.is_empty() {
            self.text.push('\n');
        }
    }

    /// A paragraph of Markdown written by the user, kept as written.
    fn markdown(&mut self, text: &str) {
        let text = text.trim();
        if !text.is_empty() {
            self.blank();
            self.line(text);
            self.blank();
        }
    }

    fn computed(&mut self, lines: &[String]) {
        self.blank();
        self.line(COMPUTED_START);
        self.blank();
        for line in lines {
            self.line(line);
        }
        self.blank();
        self.line(COMPUTED_END);
        self.blank();
    }

    fn money(&self, amount: f64) -> String {
        display::money(amount, &self.a.currency)
    }

    fn money_range(&self, b: Bounds) -> String {
        display::money_range(b.min, b.max, &self.a.currency)
    }

    /// Money that may be unknown for want of rates, and then says so.
    fn money_or_unknown(&self, b: Option<Bounds>, missing: &[String]) -> String {
        display::money_or_unknown(b, missing, &self.a.currency)
    }

    /// A stated amount beside the computed one, with their difference.
    fn stated_beside(&self, stated: Bounds, computed: Option<Bounds>, missing: &[String]) -> String {
        display::stated_beside_computed(stated, computed, missing, &self.a.currency)
    }

    /// A role's weekly rate as entered, or `unknown`, which the importer
    /// reads back as no rate.
    fn rate(&self, role: &Role) -> String {
        role.weekly_rate.map_or_else(|| "unknown".to_string(), |r| display::money_as_entered(r, &self.a.currency))
    }

    fn header(&mut self) {
        let a = self.a;
        self.line("<!-- A Gapmap report. Gapmap imports it back; the figures between \"gapmap:computed\" comments are recomputed. -->");
        self.blank();
        self.line(&format!("# {}", inline(&a.title)));
        self.markdown(&a.summary);
        let mut facts = Vec::new();
        if !a.system.is_empty() {
            facts.push(format!("**System:** {}", inline(&a.system)));
        }
        if let Some(date) = &a.assessed_on {
            facts.push(format!("**Date:** {date}"));
        }
        if !a.assessors.is_empty() {
            let names: Vec<String> = a.assessors.iter().map(|n| inline(n)).collect();
            facts.push(format!("**Assessed by:** {}", names.join(", ")));
        }
        facts.push(format!("**Currency:** {}", a.currency));
        self.blank();
        let last = facts.len() - 1;
        for (i, fact) in facts.iter().enumerate() {
            // Two spaces end a line without ending the paragraph.
            self.line(&if i < last { format!("{fact}  ") } else { fact.clone() });
        }
        self.blank();
    }

    fn overall(&mut self) {
        let s = self.s;
        self.line("## Overall score");
        let verdict = if s.production_ready { "yes" } else { "no" };
        let mut lines = vec![format!(
            "**Computed overall score:** {}/100 · **Level:** {} · **Production-ready:** {verdict}",
            display::score(s.overall),
            s.level.as_deref().unwrap_or("—")
        )];
        let blockers: Vec<String> =
            s.blockers.iter().filter_map(|id| self.a.gap(id)).map(|gap| format!("“{}”", inline(&gap.title))).collect();
        lines.push(String::new());
        // A long list of blockers is cut: the gaps below show every one.
        const SHOWN: usize = 10;
        let more = blockers.len().saturating_sub(SHOWN);
        let named = blockers.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
        lines.push(match (blockers.len(), more) {
            (0, _) => "**Blockers:** none".to_string(),
            (1, _) => format!("**Blockers:** 1 open P0 gap: {named}"),
            (n, 0) => format!("**Blockers:** {n} open P0 gaps: {named}"),
            (n, more) => format!("**Blockers:** {n} open P0 gaps: {named} and {more} more"),
        });
        let tiers: Vec<String> =
            s.tiers.iter().map(|t| format!("{} {}/{} done", t.priority, t.done, t.scored)).collect();
        lines.push(String::new());
        lines.push(format!("**Gaps by priority:** {}", tiers.join(" · ")));
        self.computed(&lines);
        if let Some(stated) = self.a.stated_overall {
            self.line(&format!("**Stated overall score:** {}/100", exact(stated)));
            self.blank();
        }
    }

    fn categories(&mut self) {
        if self.a.categories.is_empty() {
            return;
        }
        self.line("## Category scores");
        self.blank();
        self.line("| Category | Score | Computed | Manual | Target | Weight |");
        self.line("|---|---|---|---|---|---|");
        for (category, c) in self.a.categories.iter().zip(&self.s.categories) {
            self.line(&format!(
                "| {} | {} | {} | {} | {} | {} |",
                cell(&category.name),
                display::score(c.score),
                display::score(c.computed),
                category.manual_score.map_or("—".to_string(), exact),
                category.target_score.map_or("—".to_string(), exact),
                exact(category.weight),
            ));
        }
        self.blank();
    }

    fn gaps(&mut self) {
        // Grouped by the core, so that a gap whose category is missing (a
        // file read with problems) is reported too, under "Uncategorised".
        let groups: Vec<_> = query::gaps_by_category(self.a)
            .into_iter()
            .filter(|g| !g.gaps.is_empty() || g.category.is_some_and(|c| !c.notes.trim().is_empty()))
            .collect();
        if groups.is_empty() {
            return;
        }
        self.line("## Gaps");
        self.blank();
        for group in groups {
            self.line(&format!("### {}", inline(group.name())));
            if let Some(category) = group.category {
                self.markdown(&category.notes);
            }
            self.blank();
            for gap in group.gaps {
                self.gap(gap);
            }
            self.blank();
        }
    }

    fn gap(&mut self, gap: &Gap) {
        let mark = match gap.status {
            Status::Missing => "❌",
            Status::Partial => "⚠️",
            Status::Done => "✅",
            Status::Accepted | Status::NotApplicable => "➖",
        };
        self.line(&format!("- {mark} **{}**", inline(&gap.title)));
        let mut facts =
            vec![format!("**Status:** {}", status_words(gap.status)), format!("**Priority:** {}", gap.priority)];
        if let Some(severity) = gap.severity {
            facts.push(format!("**Severity:** {severity}"));
        }
        if let Some(effort) = &gap.effort {
            facts.push(format!("**Effort:** {}", effort_phrase(effort)));
        }
        if let Some(phase) = gap.phase.as_deref().and_then(|id| self.a.phases.iter().position(|p| p.id == id)) {
            facts.push(format!("**Phase:** Phase {}: {}", phase + 1, inline(&self.a.phases[phase].name)));
        }
        if !gap.owner.is_empty() {
            facts.push(format!("**Owner:** {}", inline(&gap.owner)));
        }
        if !gap.tags.is_empty() {
            let tags: Vec<String> = gap.tags.iter().map(|t| inline(t)).collect();
            facts.push(format!("**Tags:** {}", tags.join(", ")));
        }
        if let Some(due) = &gap.due {
            facts.push(format!("**Due:** {}", inline(due)));
        }
        self.line(&format!("  {}", facts.join(" · ")));
        // The gaps it depends on by title, as the risks name theirs: the
        // report writes no ids.
        let depends: Vec<String> =
            gap.depends_on.iter().filter_map(|id| self.a.gap(id)).map(|g| inline(g.title.trim())).collect();
        if !depends.is_empty() {
            self.line(&format!("  **Depends on:** {}", depends.join("; ")));
        }
        if let Some(acceptance) = &gap.acceptance {
            self.line(&format!("  {}", acceptance_line(acceptance)));
        }
        let description = gap.description.trim();
        if !description.is_empty() {
            self.line("");
            for line in description.lines() {
                self.line(&format!("  {}", line_text(line)));
            }
        }
        if !gap.items.is_empty() {
            self.line("");
            for item in &gap.items {
                let check = if item.done { "x" } else { " " };
                self.line(&format!("  - [{check}] {}", inline(&item.text)));
            }
        }
        let evidence: Vec<&Evidence> =
            gap.evidence.iter().filter(|e| e.url.is_some() || !e.text.trim().is_empty()).collect();
        if !evidence.is_empty() {
            self.line("");
            self.line("  **Evidence:**");
            self.line("");
            for entry in evidence {
                self.evidence(entry);
            }
        }
        self.line("");
    }

    /// One entry of a gap's evidence, an item of the list under
    /// "Evidence:": `[text](<address>)` when the address may be a link
    /// (`present::link`); the text and the address in a code span, never
    /// a link, when it may not (`text (`address`)`); the text alone when
    /// there is no address. Text that one line of Markdown would not keep
    /// as written (several lines, spaces at its ends) goes in a code block
    /// under the item, which then holds only the address, if any. An entry
    /// without text shows its address as the link's text, which the
    /// importer reads back as no text.
    fn evidence(&mut self, evidence: &Evidence) {
        let text = match evidence.text.as_str() {
            "" => Some(String::new()),
            text if one_line(text) => Some(inline(text)),
            _ => None,
        };
        let shown = match (&evidence.url, &text) {
            (None, Some(text)) => text.clone(),
            (None, None) => String::new(),
            (Some(url), text) => {
                let label = text.as_deref().unwrap_or_default();
                match link::href(url) {
                    Some(href) => {
                        let label = if label.is_empty() { inline(url) } else { label.to_string() };
                        format!("[{label}](<{}>)", href.replace('&', "\\&"))
                    }
                    None if label.is_empty() => code_span(url),
                    None => format!("{label} ({})", code_span(url)),
                }
            }
        };
        if text.is_some() {
            self.line(&format!("  - {shown}"));
            return;
        }
        let fence = fence(&evidence.text);
        if shown.is_empty() {
            self.line(&format!("  - {fence}"));
        } else {
            self.line(&format!("  - {shown}"));
            self.line("");
            self.line(&format!("    {fence}"));
        }
        for line in evidence.text.trim_end().lines() {
            if line.is_empty() {
                self.line("");
            } else {
                self.line(&format!("    {line}"));
            }
        }
        self.line(&format!("    {fence}"));
    }

    fn roadmap(&mut self) {
        let a = self.a;
        if a.phases.is_empty() && a.roles.is_empty() && a.stated_total.is_none() && a.start_date.is_none() {
            return;
        }
        self.line("## Roadmap");
        self.blank();
        if let Some(start) = &a.start_date {
            self.line(&format!("**Starts on:** {}", inline(start)));
            self.blank();
        }
        if let Some(stated) = &a.stated_total {
            self.line(&format!("**Stated total cost:** {}", display::money_range(stated.min, stated.max, &a.currency)));
            self.blank();
        }
        if !a.roles.is_empty() {
            self.line("| Role | Weekly rate |");
            self.line("|---|---|");
            for role in &a.roles {
                self.line(&format!("| {} | {} |", cell(&role.name), self.rate(role)));
            }
            self.blank();
        }
        for (i, (phase, p)) in a.phases.iter().zip(&self.s.phases).enumerate() {
            self.line(&format!("### Phase {}: {}", i + 1, inline(&phase.name)));
            self.blank();
            let mut facts = vec![format!(
                "**Duration:** {} weeks",
                exact_range(phase.duration_weeks.min, phase.duration_weeks.max)
            )];
            if let Some(start) = phase.start_week {
                facts.push(format!("**Starts in week:** {}", exact(start + 1.0)));
            }
            if let Some(after) = &phase.after {
                // Phases by their number, as their headings name them.
                let named: Vec<String> = after
                    .iter()
                    .filter_map(|id| a.phases.iter().position(|p| &p.id == id))
                    .map(|i| format!("Phase {}", i + 1))
                    .collect();
                let named =
                    if named.is_empty() { "none (at the roadmap's start)".to_string() } else { named.join(", ") };
                facts.push(format!("**Starts after:** {named}"));
            }
            if let Some(stated) = &phase.stated_cost {
                facts.push(format!("**Stated cost:** {}", display::money_range(stated.min, stated.max, &a.currency)));
            }
            self.line(&facts.join(" · "));
            self.markdown(&phase.goal.lines().map(line_text).collect::<Vec<_>>().join("\n"));
            self.blank();
            if !phase.team.is_empty() {
                self.line("| Role | FTE | Weekly rate |");
                self.line("|---|---|---|");
                for member in &phase.team {
                    let role = a.role(&member.role);
                    let name = role.map_or(member.role.as_str(), |r| r.name.as_str());
                    let rate = role.map_or("—".to_string(), |r| self.rate(r));
                    self.line(&format!(
                        "| {} | {} | {rate} |",
                        cell(name),
                        exact_range(member.fte.min, member.fte.max)
                    ));
                }
                self.blank();
            }
            if !phase.costs.is_empty() {
                self.line("| Cost | Amount | Kind |");
                self.line("|---|---|---|");
                for cost in &phase.costs {
                    let kind = match cost.kind {
                        CostKind::OneOff => "one-off",
                        CostKind::Annual => "annual",
                    };
                    self.line(&format!("| {} | {} | {kind} |", cell(&cost.name), self.money(cost.amount)));
                }
                self.blank();
            }
            if !phase.exit_criteria.is_empty() {
                self.line("**Exit criteria:**");
                self.blank();
                for criterion in &phase.exit_criteria {
                    self.line(&format!("- {}", criterion_line(criterion)));
                }
                self.blank();
            }
            let range = |b: Bounds| display::range(b.min, b.max);
            let mut lines = vec![
                format!(
                    "**Weeks:** {}–{} · **Labor:** {} · **Total:** {}",
                    range(p.start_week),
                    range(p.end_week),
                    self.money_or_unknown(p.labor, &p.unknown_rates),
                    self.money_or_unknown(p.total, &p.unknown_rates)
                ),
                String::new(),
                format!(
                    "**Capacity:** {} person-days · **Demand:** {} person-days · **Load:** {} · **Gaps:** {}",
                    range(p.capacity_days),
                    range(p.demand_days),
                    p.load.label(),
                    p.gaps
                ),
                String::new(),
                format!("**Projected overall score after this phase:** {}/100", display::score(p.projected_overall)),
            ];
            if let Some(stated) = p.stated_cost {
                lines.push(String::new());
                lines.push(format!(
                    "**Against the stated cost:** {}",
                    self.stated_beside(stated, p.total, &p.unknown_rates)
                ));
            }
            self.computed(&lines);
        }
        let s = self.s;
        let range = |b: Bounds| display::range(b.min, b.max);
        let mut lines = vec![
            "**Totals**".to_string(),
            String::new(),
            format!("- Remaining effort: {} person-days", range(s.effort_days)),
            format!("- Labor: {}", self.money_or_unknown(s.labor, &s.labor_unknown_rates)),
            format!("- One-off costs: {}", self.money(s.one_off)),
            format!("- Annual run-rate: {}", self.money(s.annual)),
            format!("- Total: {}", self.money_or_unknown(s.total, &s.labor_unknown_rates)),
            match (s.bottom_up, s.daily_rate) {
                (Some(bottom_up), Some(rate)) => {
                    format!(
                        "- Bottom-up estimate: {} (at {} a person-day)",
                        self.money_range(bottom_up),
                        self.money(rate)
                    )
                }
                _ => format!("- Bottom-up estimate: {}", self.money_or_unknown(None, &s.bottom_up_unknown_rates)),
            },
            format!("- Duration: {} weeks", range(s.duration_weeks)),
        ];
        if let Some(stated) = s.stated_total {
            lines.push(format!(
                "- Against the stated total: {}",
                self.stated_beside(stated, s.total, &s.labor_unknown_rates)
            ));
        }
        self.computed(&lines);
    }

    fn kpis(&mut self) {
        let a = self.a;
        if a.kpis.is_empty() {
            return;
        }
        self.line("## KPIs");
        self.blank();
        let mut head = "| KPI | Unit | Better | Current |".to_string();
        let mut rule = "|---|---|---|---|".to_string();
        for i in 0..a.phases.len() {
            head.push_str(&format!(" Phase {} target |", i + 1));
            rule.push_str("---|");
        }
        self.line(&head);
        self.line(&rule);
        for kpi in &a.kpis {
            let mut row = format!(
                "| {} | {} | {} | {} |",
                cell(&kpi.name),
                cell(&kpi.unit),
                kpi.better,
                kpi.current.as_ref().map_or("—".to_string(), kpi_value)
            );
            for phase in &a.phases {
                let target = kpi.targets.iter().find(|t| t.phase == phase.id);
                // What a person ticked is written as `(met)`, which the importer reads back.
                let value = |t: &KpiTarget| {
                    let met = if t.met { " (met)" } else { "" };
                    format!("{}{met}", kpi_value(&t.value))
                };
                row.push_str(&format!(" {} |", target.map_or("—".to_string(), value)));
            }
            self.line(&row);
        }
        self.blank();
    }

    fn risks(&mut self) {
        let a = self.a;
        if a.risks.is_empty() {
            return;
        }
        self.line("## Risks");
        self.blank();
        self.line("| Risk | Probability | Impact | Mitigation | Gaps | Owner | Status | Review |");
        self.line("|---|---|---|---|---|---|---|---|");
        for risk in &a.risks {
            let gaps: Vec<String> = risk.gaps.iter().filter_map(|id| a.gap(id)).map(|g| cell(&g.title)).collect();
            self.line(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(&risk.title),
                risk.probability,
                risk.impact,
                cell(&risk.mitigation),
                gaps.join("; "),
                cell(&risk.owner),
                risk.status,
                risk.review_on.as_deref().map(cell).unwrap_or_default(),
            ));
        }
        self.blank();
    }
}

/// A number the user entered, exactly: `3`, `0.25`, `99.95`.
fn exact(value: f64) -> String {
    format!("{value}")
}

/// A KPI's value in a table cell: a number exactly, words as written;
/// words that begin as a number would (`< 5 min`) in quotes, which the
/// importer reads as words.
fn kpi_value(value: &KpiValue) -> String {
    let numeric = |text: &str| text.trim_start().starts_with(|c: char| c.is_ascii_digit() || "<>≤≥=.+-".contains(c));
    match value {
        KpiValue::Number(n) => exact(*n),
        KpiValue::Text(text) if numeric(text) => cell(&format!("\"{text}\"")),
        KpiValue::Text(text) => cell(text),
    }
}

fn exact_range(min: f64, max: f64) -> String {
    if min == max {
        exact(min)
    } else {
        format!("{}–{}", exact(min), exact(max))
    }
}

fn effort_phrase(effort: &Effort) -> String {
    let unit = match effort.unit {
        EffortUnit::Hours => "hours",
        EffortUnit::Days => "days",
        EffortUnit::Weeks => "weeks",
    };
    format!("{} {unit}", exact_range(effort.min, effort.max))
}

fn status_words(status: Status) -> &'static str {
    match status {
        Status::Missing => "missing",
        Status::Partial => "partial",
        Status::Done => "done",
        Status::Accepted => "accepted",
        Status::NotApplicable => "not applicable",
    }
}

/// Text set inline: the characters Markdown would read as markup escaped,
/// line breaks made spaces.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    // A leading `-`, `+` or `1.` would start a list: escape it.
    let starts_list = out.starts_with(['-', '+'])
        || out.find(['.', ')']).is_some_and(|i| i > 0 && out[..i].bytes().all(|b| b.is_ascii_digit()));
    if starts_list {
        if out.starts_with(['-', '+']) {
            out.insert(0, '\\');
        } else if let Some(i) = out.find(['.', ')']) {
            out.insert(i, '\\');
        }
    }
    out
}

/// A line of free text set as one line of a paragraph.
fn line_text(line: &str) -> String {
    inline(line.trim())
}

/// Text in a table cell: inline, with the pipe escaped (done by `inline`).
fn cell(text: &str) -> String {
    inline(text.trim())
}

/// An exit criterion as a list line's text: its text, ticked when met
/// (`[x]`, as a task list shows it; an unmet one is written as before,
/// plain), and `— evidence:` with its evidence: the address as a link
/// when it may be one, else a few words as written, or, when they could
/// read as an address or would not keep on one line, in a code span,
/// never a link.
fn criterion_line(criterion: &Criterion) -> String {
    let mut line = inline(&criterion.text);
    if criterion.met {
        line = format!("[x] {line}");
    }
    if let Some(evidence) = criterion.evidence.as_deref() {
        let shown = match link::href(evidence) {
            Some(href) => format!("[{}](<{}>)", inline(evidence), href.replace('&', "\\&")),
            None if one_line(evidence) && !evidence.contains(':') && !evidence.starts_with("www.") => inline(evidence),
            None => code_span(evidence),
        };
        line = format!("{line} — evidence: {shown}");
    }
    line
}

/// A gap's acceptance as one line: `**Accepted** until 2025-12-31, by
/// Ana: the reason`, each part only when there is one.
fn acceptance_line(acceptance: &Acceptance) -> String {
    let mut line = "**Accepted**".to_string();
    if let Some(expires) = &acceptance.expires {
        line.push_str(&format!(" until {}", inline(expires)));
    }
    let by = acceptance.by.trim();
    if !by.is_empty() {
        let comma = if acceptance.expires.is_some() { "," } else { "" };
        line.push_str(&format!("{comma} by {}", inline(by)));
    }
    let reason = acceptance.reason.trim();
    if !reason.is_empty() {
        line.push_str(&format!(": {}", inline(reason)));
    }
    line
}

/// Whether text keeps as written on one line of Markdown: not empty, no
/// line break or other control character, no space at its ends.
fn one_line(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(char::is_control) && text.trim() == text
}

/// Text as a Markdown code span: never a link, whatever it holds. A space
/// pads it inside the backticks only where CommonMark needs one to read it
/// back as written (a backtick at an end, or a space at both).
fn code_span(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let longest = one_line.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest + 1);
    let pad =
        one_line.starts_with('`') || one_line.ends_with('`') || (one_line.starts_with(' ') && one_line.ends_with(' '));
    let pad = if pad { " " } else { "" };
    format!("{ticks}{pad}{one_line}{pad}{ticks}")
}

/// A code fence longer than any run of backticks in the text.
fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}
