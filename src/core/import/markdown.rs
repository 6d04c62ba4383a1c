//! Import of readiness documents written in Markdown.
//!
//! Such documents differ a lot in shape, so the importer does not look for
//! one layout: it recognises the statements they are made of, wherever they
//! stand, on the events of a real Markdown parser (see `outline`) and never
//! on raw lines. Outside code blocks:
//!
//! - the **title** is the first level-1 heading, without emoji;
//! - **stated scores**: the overall score (`Current Score: 25/100`,
//!   `68% ENTERPRISE-READY`, a table row `Overall | 40%`) and category scores
//!   from score tables, text bars (`Security: [██░░] 20%`) and lists
//!   (`- Observability: 45% ⚠️`), kept as categories with a manual score;
//! - **gaps**: each line marked ❌ ⚠️ ✅ (missing, partial, done), in the
//!   category of its section; a section with a task list is one gap with
//!   those checklist items; rows of requirement tables with a status column.
//!   Priority, severity and effort stated in a section attach to its gaps.
//!   Under a heading or label that states what is wanted (requirements,
//!   targets, deliverables, exit criteria) ✅ marks a wish, not a closed gap:
//!   where the section reports no findings of its own, its requirements are
//!   its gaps (missing); otherwise they restate them and go to the notes;
//! - **roadmap phases**: `Phase N: Name (Week 1)` headings with their weeks,
//!   team, stated cost, exit criteria and tasks (gaps assigned to the phase);
//! - **tables** of KPIs, risks, resources by phase and infrastructure costs.
//!
//! Plain code blocks (no language) are read too when nearly every line is a
//! score or a marked finding, since documents put score charts and finding
//! lists in them; code in a named language is only ever evidence. Text that
//! is not recognised is kept: in the description or evidence of its gap, the
//! notes of its category, the goal of its phase, or the assessment's summary.
//!
//! Blocks between `<!-- gapmap:computed -->` and `<!-- /gapmap:computed -->`
//! hold figures that Gapmap's own report computed; they are skipped, since
//! importing recomputes them.
//!
//! The work is done in three passes over the outline: stated scores, title,
//! metadata and phase headings first (a score chart often comes last, and
//! sections are matched to its categories); then each section into gaps and
//! notes; then the tables that need the phases. This file holds the passes;
//! `outline` folds the parser's events into blocks, `phrases` reads the
//! small phrases, `roadmap` the phases and `tables` the tables.

mod outline;
mod phrases;
mod roadmap;
mod tables;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde_json::Value;

use crate::core::import::encoding;
use crate::core::import::report::{Counts, ImportReport, Note};
use crate::core::import::Import;
use crate::core::model::{
    Assessment, Better, Category, Cost, CostKind, Effort, Gap, Impact, Item, Kpi, KpiTarget, Phase, Priority,
    Probability, Range as WeekRange, Risk, Role, Severity, Status, TeamMember,
};
use crate::core::validate::validate;

use outline::{Block, Code, Heading, Line, LineIndex, List, Paragraph, Table};
use phrases::Weeks;
use tables::{classify, requirement_rows};

/// The HTML comment before figures that Gapmap's report computed.
pub const COMPUTED_START: &str = "<!-- gapmap:computed -->";
/// The HTML comment after figures that Gapmap's report computed.
pub const COMPUTED_END: &str = "<!-- /gapmap:computed -->";

/// The key under which a phase keeps the cost range its source stated
/// (`{"min": …, "max": …}` in the phase's extra keys), until the format has
/// a field for it.
pub const STATED_COST: &str = "stated_cost";

/// The key under which a KPI keeps the values its source stated as words
/// (`{"Current": "Manual", …}`), which no number can hold.
pub const STATED_VALUES: &str = "stated_values";

/// The category that roadmap tasks go to when nothing names theirs.
const ROADMAP_CATEGORY: &str = "Roadmap";

/// Imports a Markdown document: never fails, never panics.
pub fn import(text: &str) -> Import {
    let repair = encoding::repair(text);
    let blocks = outline::parse(&repair.text);
    let mut importer = Importer::new(&repair.text);
    importer.note_repair(&repair);
    let blocks = importer.without_computed(&blocks);
    let root = sections(&blocks);
    importer.scan(&blocks);
    importer.read_section(&root, &Context::default());
    importer.apply_tables();
    importer.finish()
}

/// Imports a Markdown file from its bytes: UTF-8, UTF-16 with a byte order
/// mark, or a legacy code page (see [`encoding::decode`]).
pub fn import_bytes(bytes: &[u8]) -> Import {
    let decoded = encoding::decode(bytes);
    let mut import = import(&decoded.text);
    if let Some(page) = decoded.code_page {
        let page = encoding::display_name(page);
        import.report.guessed.insert(0, Note::new(1, format!("The file is not UTF-8; read it as {page}.")));
    }
    import
}

// ---------------------------------------------------------------------------
// Sections

/// A heading and what stands under it, up to the next heading of the same
/// or a higher level.
struct Section<'b> {
    heading: Option<&'b Heading>,
    blocks: Vec<&'b Block>,
    children: Vec<Section<'b>>,
}

/// Folds the top-level blocks into the tree of sections.
fn sections<'b>(blocks: &[&'b Block]) -> Section<'b> {
    // The stack holds the open sections, the root first.
    let mut stack: Vec<Section> = vec![Section { heading: None, blocks: Vec::new(), children: Vec::new() }];
    for block in blocks {
        if let Block::Heading(heading) = block {
            while stack.len() > 1 && stack.last().and_then(|s| s.heading).is_some_and(|h| h.level >= heading.level) {
                close(&mut stack);
            }
            stack.push(Section { heading: Some(heading), blocks: Vec::new(), children: Vec::new() });
        } else if let Some(open) = stack.last_mut() {
            open.blocks.push(block);
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or(Section { heading: None, blocks: Vec::new(), children: Vec::new() })
}

fn close(stack: &mut Vec<Section>) {
    if let Some(done) = stack.pop() {
        if let Some(parent) = stack.last_mut() {
            parent.children.push(done);
        }
    }
}

/// Whether a heading is a label for what follows (`Problems Found:`) rather
/// than a topic of its own.
fn is_label_heading(heading: &Heading) -> bool {
    phrases::undecorated(&heading.text).trim_end().ends_with(':')
}

// ---------------------------------------------------------------------------
// Words that give context

/// Whether a heading or label says that what follows is wanted rather than
/// found: requirements, targets, deliverables, exit criteria, plans.
fn is_wanted(text: &str) -> bool {
    const PHRASES: &[&str] = &[
        "requirement",
        "requirements",
        "required",
        "must have",
        "should have",
        "nice to have",
        "target",
        "targets",
        "deliverable",
        "deliverables",
        "exit criteria",
        "success criteria",
        "acceptance criteria",
        "definition of done",
        "goal",
        "goals",
        "objective",
        "objectives",
        "expected",
        "desired",
        "to be",
        "recommendation",
        "recommendations",
        "recommended",
        "next steps",
        "action items",
        "actions",
        "plan",
        "strategy",
        "to do",
        "todo",
        "should",
    ];
    phrases::has_any_phrase(text, PHRASES)
}

/// Whether a heading or label states requirements: what a section without
/// findings of its own still lacks.
fn is_requirement(text: &str) -> bool {
    phrases::has_any_phrase(
        text,
        &["requirement", "requirements", "required", "must have", "should have", "nice to have"],
    )
}

fn is_exit_criteria(text: &str) -> bool {
    phrases::has_any_phrase(
        text,
        &["exit criteria", "success criteria", "acceptance criteria", "definition of done", "done when"],
    )
}

/// Whether a table cell or row name is a total rather than an item.
fn is_total(text: &str) -> bool {
    let words = phrases::words(text);
    matches!(words.first().map(String::as_str), Some("total" | "sum" | "overall" | "grand" | "subtotal"))
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

// ---------------------------------------------------------------------------
// Drafts: what the importer has read, before ids are assigned

#[derive(Debug)]
struct CategoryDraft {
    name: String,
    stems: Vec<String>,
    manual: Option<f64>,
    target: Option<f64>,
    weight: f64,
    notes: Vec<String>,
    default_priority: Option<Priority>,
}

/// How a gap names its phase before phases are final.
#[derive(Clone, Debug, PartialEq)]
enum PhaseRef {
    Index(usize),
    Named { text: String, line: usize },
}

#[derive(Debug)]
struct GapDraft {
    category: usize,
    title: String,
    description: Vec<String>,
    evidence: Vec<String>,
    status: Status,
    priority: Option<Priority>,
    severity: Option<Severity>,
    effort: Option<Effort>,
    owner: String,
    phase: Option<PhaseRef>,
    items: Vec<Item>,
    tags: Vec<String>,
    line: usize,
}

impl GapDraft {
    fn new(category: usize, title: String, status: Status, line: usize) -> Self {
        GapDraft {
            category,
            title,
            description: Vec::new(),
            evidence: Vec::new(),
            status,
            priority: None,
            severity: None,
            effort: None,
            owner: String::new(),
            phase: None,
            items: Vec::new(),
            tags: Vec::new(),
            line,
        }
    }
}

#[derive(Debug, Default)]
struct PhaseDraft {
    number: Option<u32>,
    name: String,
    line: usize,
    goal: Vec<String>,
    /// The weeks the heading states.
    heading_weeks: Option<Weeks>,
    /// The weeks of its `Week 3-4: …` sub-headings.
    sub_weeks: Vec<Weeks>,
    /// A duration stated as such (`Duration: 4 weeks`, a table's duration column).
    duration: Option<(Weeks, usize)>,
    /// `Effort: 4-6 weeks`: a duration only when nothing else says one.
    effort_weeks: Option<Weeks>,
    start: Option<f64>,
    team: Vec<(usize, f64, f64)>,
    costs: Vec<Cost>,
    exit_criteria: Vec<String>,
    stated_cost: Option<(f64, f64)>,
}

#[derive(Debug)]
struct RoleDraft {
    name: String,
    weekly_rate: Option<f64>,
    line: usize,
}

#[derive(Debug)]
struct KpiDraft {
    name: String,
    unit: String,
    current: Option<f64>,
    better: Option<Better>,
    targets: Vec<(usize, f64)>,
    stated: serde_json::Map<String, Value>,
}

#[derive(Debug)]
struct RiskDraft {
    title: String,
    probability: Probability,
    impact: Impact,
    mitigation: String,
    gaps: Vec<String>,
}

/// A table read after all sections, once phases and categories are known.
struct Deferred<'b> {
    kind: TableKind,
    table: &'b Table,
    /// The phase whose section holds it.
    phase: Option<usize>,
    /// The headings above it, for words such as "annual".
    context: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableKind {
    Scores,
    Kpis,
    Risks,
    Resources,
    PhaseCosts,
    Roles,
    Team,
    Costs,
    Requirements,
    Other,
}

/// Where a section's unrecognised text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sink {
    Summary,
    Category(usize),
    Gap(usize),
    Phase(usize),
}

/// Unrecognised content, kept for its sink.
#[derive(Clone, Debug)]
enum Leftover {
    /// Source text, as written.
    Source(String),
    /// A list item, as written: consecutive items stay one list.
    Item(String),
    /// A code block: its text is evidence when it goes to a gap; elsewhere
    /// it is kept with its fences.
    Code { text: String, source: String },
    /// A wish (`✅` under requirements), kept in its place until the scope
    /// decides whether it is a gap: the index among the walk's wishes.
    Wanted(usize),
    /// A label line or heading (`Enterprise Requirements:`), kept only when
    /// something kept stands under it.
    Label(String),
}

// ---------------------------------------------------------------------------
// The importer

/// What is stated about priority, severity and effort in a section.
#[derive(Clone, Debug, Default)]
struct Statements {
    priority: Option<Priority>,
    severity: Option<Severity>,
    effort: Option<(Effort, usize)>,
}

/// What the headings above a section say.
#[derive(Clone, Debug, Default)]
struct Context {
    /// Topic headings (not labels, not the title), outermost first.
    path: Vec<String>,
    priority: Option<Priority>,
    severity: Option<Severity>,
    wanted: bool,
    requirement: bool,
}

struct Importer<'t> {
    text: &'t str,
    lines: LineIndex,
    report: ImportReport,
    title: Option<(String, usize)>,
    system: Option<String>,
    assessed_on: Option<String>,
    assessors: Vec<String>,
    currency: Option<(String, usize)>,
    overall: Vec<(f64, usize)>,
    categories: Vec<CategoryDraft>,
    /// Categories by lower-case name, by stems, and by each stem: lookups
    /// stay fast however many categories a document has.
    category_names: HashMap<String, usize>,
    category_stems: HashMap<Vec<String>, usize>,
    stem_index: HashMap<String, Vec<usize>>,
    category_scores: usize,
    gaps: Vec<GapDraft>,
    phases: Vec<PhaseDraft>,
    /// Phases by the number their heading gives them.
    phase_numbers: HashMap<u32, usize>,
    roles: Vec<RoleDraft>,
    kpis: Vec<KpiDraft>,
    risks: Vec<RiskDraft>,
    summary: Vec<String>,
    consumed_lines: HashSet<usize>,
    consumed_blocks: HashSet<usize>,
    deferred: Vec<Deferred<'t>>,
    /// Gaps that took the default priority: how many, and the first line.
    defaulted: (usize, usize),
    /// Gaps that took the priority their category has in a score table.
    from_category: (usize, usize),
}

impl<'t> Importer<'t> {
    fn new(text: &'t str) -> Self {
        Importer {
            text,
            lines: LineIndex::new(text),
            report: ImportReport::default(),
            title: None,
            system: None,
            assessed_on: None,
            assessors: Vec::new(),
            currency: None,
            overall: Vec::new(),
            categories: Vec::new(),
            category_names: HashMap::new(),
            category_stems: HashMap::new(),
            stem_index: HashMap::new(),
            category_scores: 0,
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

    fn recognised(&mut self, line: usize, message: impl Into<String>) {
        self.report.recognised.push(Note::new(line, message));
    }

    fn guessed(&mut self, line: usize, message: impl Into<String>) {
        self.report.guessed.push(Note::new(line, message));
    }

    fn skipped(&mut self, line: usize, message: impl Into<String>) {
        self.report.skipped.push(Note::new(line, message));
    }

    fn warning(&mut self, line: usize, message: impl Into<String>) {
        self.report.warnings.push(Note::new(line, message));
    }

    fn note_repair(&mut self, repair: &encoding::Repair) {
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

    /// The top-level blocks without HTML comments, which no reader sees,
    /// and without those between the computed markers.
    fn without_computed<'b>(&mut self, blocks: &'b [Block]) -> Vec<&'b Block> {
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

    /// The source text of a line, without its line break.
    fn source_line(&self, number: usize) -> &'t str {
        let range = self.lines.range(self.text, number);
        self.text.get(range).unwrap_or_default()
    }

    /// The source text of a block, with the indentation of its continuation
    /// lines removed as far as the block itself is indented (a block nested
    /// in a list item is), so that what is nested under it stays nested.
    fn source(&self, bytes: &Range<usize>) -> String {
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

    // -----------------------------------------------------------------------
    // Pass A: title, metadata, stated scores, phases

    fn scan(&mut self, blocks: &[&'t Block]) {
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

    fn add_phase_heading(&mut self, p: phrases::PhaseHeading, line: usize) {
        if let Some(known) = self.phase_numbers.get(&p.number).and_then(|&i| self.phases.get_mut(i)) {
            // The same phase named twice (an overview, then the details): one phase.
            if known.heading_weeks.is_none() {
                known.heading_weeks = p.weeks;
            }
            return;
        }
        let name = if p.name.is_empty() { format!("Phase {}", p.number) } else { p.name };
        let mut draft = PhaseDraft { number: Some(p.number), name, line, heading_weeks: p.weeks, ..Default::default() };
        if !p.remark.is_empty() {
            draft.goal.push(p.remark);
        }
        self.phase_numbers.insert(p.number, self.phases.len());
        self.phases.push(draft);
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

    /// A list whose every item is a category score: read and consumed.
    fn scan_score_list(&mut self, list: &List) -> bool {
        let scores: Option<Vec<(String, f64, usize)>> = list
            .items
            .iter()
            .map(|item| {
                if item.lines.len() != 1 || !item.children.is_empty() {
                    return None;
                }
                let line = &item.lines[0];
                let (name, value) = phrases::score_line(&line.text)?;
                (!phrases::stems(&name).is_empty()).then_some((name, value, line.number))
            })
            .collect();
        let Some(scores) = scores.filter(|s| !s.is_empty()) else { return false };
        let has_bar = list.items.iter().any(|i| i.lines.iter().any(|l| l.text.contains(['█', '░'])));
        if scores.len() < 2 && !has_bar {
            return false;
        }
        for (name, value, line) in scores {
            if phrases::is_overall_label(&name) {
                self.overall.push((value, line));
            } else {
                self.add_category_score(&name, value, line);
            }
        }
        true
    }

    /// A plain code block of score lines (a text chart): read and consumed.
    fn scan_score_code(&mut self, code: &Code) -> bool {
        if !is_plain(code) {
            return false;
        }
        let lines: Vec<&Line> = code.lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
        let mut scores = Vec::new();
        let mut overall = Vec::new();
        for line in &lines {
            if let Some(value) = phrases::overall_statement(&line.text) {
                overall.push((value, line.number));
            } else if let Some((name, value)) = phrases::score_line(&line.text) {
                if phrases::stems(&name).is_empty() {
                    return false;
                }
                scores.push((name, value, line.number));
            } else {
                return false;
            }
        }
        let has_bar = lines.iter().any(|l| l.text.contains(['█', '░', '▓', '▒', '■', '□']));
        if scores.is_empty() || (scores.len() < 2 && !has_bar) {
            return false;
        }
        self.guessed(code.span.line, "Read the code block as a chart of scores.");
        self.overall.extend(overall);
        for (name, value, line) in scores {
            self.add_category_score(&name, value, line);
        }
        true
    }

    /// Adds or updates a category with a stated score; `None` for a score
    /// outside 0–100. A NaN score adds the category without one.
    fn add_category_score(&mut self, name: &str, score: f64, line: usize) -> Option<usize> {
        let stems = phrases::stems(name);
        let index = match self.category_stems.get(&stems).copied() {
            Some(index) => {
                let known = self.categories[index].manual;
                if let (Some(known), false) = (known, score.is_nan()) {
                    if known != score {
                        self.warning(
                            line,
                            format!("\"{name}\" is stated as {score} here and as {known} before; kept {known}."),
                        );
                    }
                    return Some(index);
                }
                index
            }
            None => self.push_category(name),
        };
        if !score.is_nan() {
            if !(0.0..=100.0).contains(&score) {
                self.skipped(line, format!("The score {score} of \"{name}\" is not between 0 and 100."));
                return Some(index);
            }
            if self.categories[index].manual.is_none() {
                self.category_scores += 1;
                self.recognised(line, format!("Category \"{name}\" with the stated score {}.", phrases_number(score)));
            }
            self.categories[index].manual = Some(score);
        } else {
            self.recognised(line, format!("Category \"{name}\"."));
        }
        Some(index)
    }

    // -----------------------------------------------------------------------
    // Pass B: sections

    fn read_section(&mut self, section: &Section<'t>, context: &Context) {
        // The title's section is the document's preamble, like the blocks
        // before the first heading.
        let heading =
            section.heading.filter(|h| !(h.level == 1 && self.title.as_ref().is_some_and(|t| t.1 == h.span.line)));
        if let Some(heading) = heading {
            let phase = phrases::phase_heading(&heading.text).and_then(|p| self.phase_numbers.get(&p.number).copied());
            if let Some(phase) = phase {
                self.read_phase(section, phase);
                return;
            }
        }
        self.read_topic(section, heading, context);
    }

    /// A topic section: its own blocks and those of its label sub-sections
    /// form one scope; other sub-sections are scopes of their own.
    fn read_topic(&mut self, section: &Section<'t>, heading: Option<&'t Heading>, outer: &Context) {
        let mut context = outer.clone();
        if let Some(heading) = heading {
            let name = phrases::heading_name(&heading.text);
            context.path.push(heading.text.clone());
            if let Some(priority) = phrases::stated_priority(&heading.text) {
                context.priority = Some(priority);
            }
            if is_wanted(&name) {
                context.wanted = true;
                context.requirement = is_requirement(&name);
            }
        }

        let mut walk = Walk::new();
        let base = context.label_context();
        self.walk_blocks(&section.blocks, &mut walk, &base);
        let mut topics = Vec::new();
        self.walk_labels(&section.children, &mut walk, &base, &mut topics);

        // Statements of this scope override those inherited; a severity
        // stated here implies the priority when none is.
        let stated_here = heading.and_then(|h| phrases::stated_priority(&h.text));
        let mut statements = Statements {
            priority: walk.statements.priority.or(context.priority),
            severity: walk.statements.severity.or(context.severity),
            effort: walk.statements.effort.clone(),
        };
        if let (None, None, Some(severity)) = (walk.statements.priority, stated_here, walk.statements.severity) {
            statements.priority = Some(phrases::priority_of(severity));
        }
        context.priority = statements.priority;
        context.severity = statements.severity;

        self.finish_scope(walk, &context, heading, statements);

        for child in topics {
            self.read_section(child, &context);
        }
    }

    /// Walks blocks of one scope in order, each under the label in force.
    fn walk_blocks(&mut self, blocks: &[&'t Block], walk: &mut Walk<'t>, base: &LabelContext) {
        for block in blocks {
            let context = walk.label.clone().unwrap_or_else(|| base.clone());
            self.walk_block(block, walk, &context);
        }
    }

    /// Walks label sub-sections into the current scope; collects the others.
    fn walk_labels<'s>(
        &mut self,
        children: &'s [Section<'t>],
        walk: &mut Walk<'t>,
        base: &LabelContext,
        topics: &mut Vec<&'s Section<'t>>,
    ) {
        for child in children {
            match child.heading {
                Some(h) if is_label_heading(h) && phrases::phase_heading(&h.text).is_none() => {
                    let label = phrases::heading_name(&h.text);
                    let context = base.with_label(&label);
                    walk.label = None;
                    walk.leftover_heading(self.source_line(h.span.line).to_string());
                    self.walk_blocks(&child.blocks, walk, &context);
                    walk.label = None;
                    self.walk_labels(&child.children, walk, &context, topics);
                }
                _ => topics.push(child),
            }
        }
    }

    /// Turns what a scope found into gaps, and its text into notes.
    fn finish_scope(
        &mut self,
        mut walk: Walk<'t>,
        context: &Context,
        heading: Option<&Heading>,
        statements: Statements,
    ) {
        let first_gap = self.gaps.len();
        let has_findings = !walk.findings.is_empty();
        let heading_name = heading.map(|h| phrases::heading_name(&h.text)).unwrap_or_default();
        let heading_line = heading.map_or(1, |h| h.span.line);

        // Requirements become gaps only where the section found nothing itself.
        let wanted = std::mem::take(&mut walk.wanted);
        let mut wanted_notes: Vec<Leftover> = Vec::new();
        if !has_findings && wanted.iter().any(|w| w.requirement) {
            self.guessed(
                wanted[0].line,
                format!(
                    "The section \"{heading_name}\" states requirements and no findings: read its {} requirement(s) as missing gaps.",
                    wanted.len()
                ),
            );
            for mut w in wanted {
                w.status = Status::Missing;
                walk.findings.push(w);
            }
        } else {
            wanted_notes =
                wanted.into_iter().map(|w| Leftover::Item(self.source(&w.source).trim().to_string())).collect();
        }

        let mut category = None;
        if !walk.findings.is_empty() {
            let findings = std::mem::take(&mut walk.findings);
            let line = findings.first().map_or(heading_line, |f| f.line);
            let index = self.category_for(&context.path, None, false, line);
            category = Some(index);
            let count = findings.len();
            for finding in findings {
                self.add_finding(finding, index, None);
            }
            let name = self.categories[index].name.clone();
            let from =
                if heading_name.is_empty() { String::new() } else { format!(" from the section \"{heading_name}\"") };
            self.recognised(line, format!("{count} gap(s) in \"{name}\"{from}."));
        }
        for row in std::mem::take(&mut walk.requirement_rows) {
            self.add_requirement_row(row, &context.path);
        }

        let mut task_gap = None;
        if !walk.tasks.is_empty() {
            let tasks = std::mem::take(&mut walk.tasks);
            let line = tasks[0].line;
            let index = self.category_for(&context.path, Some(&heading_name), true, line);
            let title = if heading_name.is_empty() { "Tasks".to_string() } else { heading_name.clone() };
            let mut gap = GapDraft::new(index, title.clone(), Status::Missing, line);
            for task in tasks {
                gap.items.push(Item::new(task.title, task.done));
                gap.description.extend(task.description);
                gap.evidence.extend(task.evidence);
            }
            let done = gap.items.iter().filter(|i| i.done).count();
            gap.status = match done {
                0 => Status::Missing,
                n if n == gap.items.len() => Status::Done,
                _ => Status::Partial,
            };
            self.recognised(
                line,
                format!("The task list of \"{title}\" as one gap with {} checklist item(s).", gap.items.len()),
            );
            self.gaps.push(gap);
            task_gap = Some(self.gaps.len() - 1);
        }

        self.apply_statements(first_gap, &statements, &heading_name);

        // Unrecognised text: into the single gap a section made, else the
        // notes of its category, else the summary. Wishes that stayed wishes
        // take their place among it.
        let resolved: Vec<Leftover> = std::mem::take(&mut walk.leftovers)
            .into_iter()
            .filter_map(|leftover| match leftover {
                Leftover::Wanted(index) => wanted_notes.get(index).cloned(),
                other => Some(other),
            })
            .collect();
        // A label whose wishes became gaps has nothing left under it.
        let mut leftovers: Vec<Leftover> = Vec::with_capacity(resolved.len());
        for leftover in resolved {
            if let (Some(Leftover::Label(_)), Leftover::Label(_)) = (leftovers.last(), &leftover) {
                leftovers.pop();
            }
            leftovers.push(leftover);
        }
        if let Some(Leftover::Label(_)) = leftovers.last() {
            leftovers.pop();
        }
        if leftovers.is_empty() {
            return;
        }
        let gaps_made = self.gaps.len() - first_gap;
        let sink = if let (Some(gap), 1) = (task_gap, gaps_made) {
            Sink::Gap(gap)
        } else if let Some(index) = category {
            Sink::Category(index)
        } else if let Some(index) = heading.and_then(|h| self.category_of_heading(&h.text)) {
            Sink::Category(index)
        } else {
            Sink::Summary
        };
        let title = match (sink, heading) {
            (Sink::Category(index), Some(_)) if self.categories[index].name != heading_name => {
                Some(format!("**{heading_name}**"))
            }
            (Sink::Summary, Some(h)) => Some(self.source_line(h.span.line).to_string()),
            _ => None,
        };
        self.flush(leftovers, sink, title);
    }

    /// Writes leftovers to their sink.
    fn flush(&mut self, leftovers: Vec<Leftover>, sink: Sink, title: Option<String>) {
        if leftovers.is_empty() {
            return;
        }
        let mut texts: Vec<String> = Vec::new();
        let mut evidence: Vec<String> = Vec::new();
        let mut in_list = false;
        for leftover in leftovers {
            let item = matches!(leftover, Leftover::Item(_));
            match (leftover, sink) {
                (Leftover::Code { text, .. }, Sink::Gap(_)) => evidence.push(text),
                (Leftover::Code { source: text, .. }, _) | (Leftover::Source(text), _) | (Leftover::Label(text), _) => {
                    texts.push(text)
                }
                (Leftover::Item(text), _) => match texts.last_mut() {
                    // Consecutive items stay one list.
                    Some(last) if in_list => {
                        last.push('\n');
                        last.push_str(&text);
                    }
                    _ => texts.push(text),
                },
                (Leftover::Wanted(_), _) => {}
            }
            in_list = item;
        }
        let texts: Vec<String> = texts.into_iter().filter(|t| !t.trim().is_empty()).collect();
        if texts.is_empty() && evidence.is_empty() {
            return;
        }
        match sink {
            Sink::Summary => {
                if let Some(title) = title {
                    if !texts.is_empty() {
                        self.summary.push(title);
                    }
                }
                self.summary.extend(texts);
            }
            Sink::Category(index) => {
                let notes = &mut self.categories[index].notes;
                if let Some(title) = title {
                    notes.push(title);
                }
                notes.extend(texts);
            }
            Sink::Gap(index) => {
                self.gaps[index].description.extend(texts);
                self.gaps[index].evidence.extend(evidence);
            }
            Sink::Phase(index) => self.phases[index].goal.extend(texts),
        }
    }

    /// Priority, severity and effort of a section, onto the gaps it made.
    fn apply_statements(&mut self, first_gap: usize, statements: &Statements, section: &str) {
        let gaps = first_gap..self.gaps.len();
        if gaps.is_empty() {
            return;
        }
        for gap in &mut self.gaps[gaps.clone()] {
            if gap.priority.is_none() {
                gap.priority = statements.priority;
            }
            if gap.severity.is_none() {
                gap.severity = statements.severity;
            }
        }
        if let Some((effort, line)) = &statements.effort {
            let without: Vec<usize> = gaps.filter(|&i| self.gaps[i].effort.is_none()).collect();
            let count = without.len();
            if count == 1 {
                self.gaps[without[0]].effort = Some(effort.clone());
            } else if count > 1 {
                let share = |v: f64| (v / count as f64 * 100.0).round() / 100.0;
                for i in without {
                    self.gaps[i].effort = Some(Effort::new(share(effort.min), share(effort.max), effort.unit));
                }
                self.guessed(
                    *line,
                    format!("The effort stated for \"{section}\" is split evenly over its {count} gaps."),
                );
            }
        }
    }

    /// Adds a gap from a marked line or item.
    fn add_finding(&mut self, finding: Finding<'t>, category: usize, phase: Option<usize>) -> usize {
        let mut gap = GapDraft::new(category, String::new(), finding.status, finding.line);
        let mut title = finding.title.clone();
        if let Some((effort, rest)) = phrases::trailing_effort(&title) {
            gap.effort = Some(effort);
            title = rest;
        }
        // A bracketed priority in the title is a tag, not part of the name.
        for group in phrases::bracketed_groups(&finding.title, '[', ']') {
            if phrases::priority_word(group).is_some() && phrases::words(group).len() <= 2 {
                gap.priority = phrases::priority_word(group);
                title = title.replace(&format!("[{group}]"), "");
            }
        }
        if gap.priority.is_none() {
            gap.priority = phrases::bracketed_groups(&title, '(', ')')
                .into_iter()
                .filter(|g| phrases::words(g).len() == 1)
                .find_map(phrases::priority_word);
        }
        gap.title = clean_title(&title);
        if let Some(label) = &finding.label {
            gap.description.push(label.clone());
        }
        for line in &finding.extra_lines {
            read_gap_line(&mut gap, line);
        }
        if let Some(children) = finding.children {
            self.read_gap_children(&mut gap, children);
        }
        if let Some(phase) = phase {
            gap.phase = Some(PhaseRef::Index(phase));
        }
        if gap.title.is_empty() {
            gap.title = format!("Gap at line {}", finding.line);
        }
        self.gaps.push(gap);
        self.gaps.len() - 1
    }

    /// The blocks nested under a gap's item: checklist, description, evidence.
    fn read_gap_children(&mut self, gap: &mut GapDraft, children: &[Block]) {
        for child in children {
            match child {
                Block::List(list) => {
                    for item in &list.items {
                        let first = item.lines.first().map(|l| l.text.as_str()).unwrap_or_default();
                        if let Some(done) = item.task {
                            gap.items.push(Item::new(clean_title(first), done));
                        } else if let Some((status, rest)) = phrases::status_mark(first) {
                            gap.items.push(Item::new(clean_title(rest), status == Status::Done));
                        } else if !first.is_empty() {
                            gap.description.push(format!("- {}", outline::joined(&item.lines)));
                        }
                        self.read_gap_children(gap, &item.children);
                    }
                }
                Block::Code(code) => gap.evidence.push(code_text(code)),
                Block::Paragraph(p) => {
                    for line in &p.lines {
                        read_gap_line(gap, line);
                    }
                }
                Block::Quote(q) => self.read_gap_children(gap, &q.children),
                Block::Table(_) | Block::Html(_) | Block::Heading(_) => {
                    gap.description.push(self.source(&child.span().bytes))
                }
                Block::Rule(_) => {}
            }
        }
    }

    fn add_requirement_row(&mut self, row: RequirementRow, path: &[String]) {
        let category = self.category_for(path, Some(&row.title), false, row.line);
        let mut gap = GapDraft::new(category, clean_title(&row.title), row.status, row.line);
        gap.priority = row.priority;
        gap.description = row.notes;
        self.gaps.push(gap);
    }

    // -----------------------------------------------------------------------
    // Walking blocks

    fn walk_block(&mut self, block: &'t Block, walk: &mut Walk<'t>, context: &LabelContext) {
        if self.consumed_blocks.contains(&block.span().id) {
            return;
        }
        match block {
            Block::Paragraph(p) => self.walk_paragraph(p, walk, context),
            Block::List(list) => {
                for item in &list.items {
                    self.walk_item(item, walk, context);
                }
            }
            Block::Code(code) => self.walk_code(code, walk, context),
            Block::Table(table) => self.walk_table(table, walk, context),
            Block::Quote(q) => {
                for child in &q.children {
                    self.walk_block(child, walk, context);
                }
            }
            Block::Heading(_) | Block::Html(_) => walk.leftover(Leftover::Source(self.source(&block.span().bytes))),
            Block::Rule(_) => {}
        }
    }

    fn walk_paragraph(&mut self, p: &'t Paragraph, walk: &mut Walk<'t>, context: &LabelContext) {
        let mut context = context.clone();
        let mut last_finding: Option<usize> = None;
        for line in &p.lines {
            if self.consumed_lines.contains(&line.number) {
                continue;
            }
            if let Some((status, rest)) = phrases::status_mark(&line.text) {
                let finding =
                    Finding::line(status, rest, line.number, self.lines.range(self.text, line.number), &context);
                last_finding = walk.add(finding, &context);
                continue;
            }
            let labels = phrases::labels(&line.text);
            if self.read_statements(&labels, line.number, &mut walk.statements) {
                self.consumed_lines.insert(line.number);
                continue;
            }
            if let Some((key, "")) = phrases::label(&line.text) {
                // A label line: context for what follows, kept as text only
                // when something under it is.
                context = context.with_label(key);
                walk.label = Some(context.clone());
                walk.pending_label = Some(self.source_line(line.number).trim().to_string());
                last_finding = None;
                continue;
            }
            // A line that continues a marked line (`✅ Done\nwith details`).
            if let Some(index) = last_finding {
                if let Some(finding) = walk.findings.get_mut(index) {
                    finding.extra_lines.push(line.clone());
                    continue;
                }
            }
            walk.leftover(Leftover::Source(self.source_line(line.number).trim().to_string()));
        }
    }

    /// Reads priority, severity and effort statements; true when every label
    /// of the line was one.
    fn read_statements(&mut self, labels: &[(&str, &str)], line: usize, statements: &mut Statements) -> bool {
        if labels.is_empty() {
            return false;
        }
        let mut all = true;
        for (key, value) in labels {
            let key = key.to_lowercase();
            let read = match key.as_str() {
                "priority" => phrases::priority_word(value).map(|p| statements.priority = Some(p)).is_some(),
                "risk level" | "severity" | "risk" | "criticality" => {
                    phrases::severity_word(value).map(|s| statements.severity = Some(s)).is_some()
                }
                "effort" | "estimated effort" | "estimate" | "effort estimate" => {
                    phrases::effort(value).map(|(e, _)| statements.effort = Some((e, line))).is_some()
                }
                _ => false,
            };
            all &= read;
        }
        all
    }

    fn walk_item(&mut self, item: &'t outline::Item, walk: &mut Walk<'t>, context: &LabelContext) {
        let first = item.lines.first().map(|l| l.text.as_str()).unwrap_or_default();
        let line = item.lines.first().map_or(item.span.line, |l| l.number);
        if let Some(done) = item.task {
            walk.tasks.push(Task::of(self, item, done));
            return;
        }
        if let Some((status, rest)) = phrases::status_mark(first) {
            let mut finding = Finding::line(status, rest, line, item.span.bytes.clone(), context);
            finding.extra_lines = item.lines.iter().skip(1).cloned().collect();
            finding.children = Some(&item.children);
            walk.add(finding, context);
            return;
        }
        if !contains_signals(&item.children) {
            walk.leftover(Leftover::Item(self.source(&item.span.bytes)));
            return;
        }
        // An item that labels what is nested under it (`1. **Runbooks:**`).
        let label = phrases::undecorated(first);
        let label = label.trim_end_matches(':').trim();
        let nested = context.with_label(label).with_item_label(label);
        walk.pending_label = Some(self.source_line(line).trim().to_string());
        for child in &item.children {
            self.walk_block(child, walk, &nested);
        }
    }

    fn walk_code(&mut self, code: &'t Code, walk: &mut Walk<'t>, context: &LabelContext) {
        let lines: Vec<&Line> = code.lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
        let marked = lines.iter().filter(|l| phrases::status_mark(&l.text).is_some()).count();
        if is_plain(code) && marked > 0 && marked * 2 >= lines.len() {
            // Findings written as a plain code block, one per line.
            let mut rest = Vec::new();
            for line in lines {
                match phrases::status_mark(&line.text) {
                    Some((status, title)) => {
                        let finding = Finding::line(
                            status,
                            title,
                            line.number,
                            self.lines.range(self.text, line.number),
                            context,
                        );
                        walk.add(finding, context);
                    }
                    None => rest.push(line.text.trim().to_string()),
                }
            }
            if !rest.is_empty() {
                walk.leftover(Leftover::Source(rest.join("\n")));
            }
            return;
        }
        walk.leftover(Leftover::Code { text: code_text(code), source: self.source(&code.span.bytes) });
    }

    fn walk_table(&mut self, table: &'t Table, walk: &mut Walk<'t>, context: &LabelContext) {
        let kind = classify(table, walk.phase.is_some());
        match kind {
            TableKind::Requirements => {
                let rows = requirement_rows(table, context.priority_hint());
                if rows.is_empty() {
                    walk.leftover(Leftover::Source(self.source(&table.span.bytes)));
                } else {
                    self.recognised(
                        table.span.line,
                        format!("A requirements table of {} row(s), read as gaps.", rows.len()),
                    );
                    walk.requirement_rows.extend(rows);
                }
            }
            TableKind::Other | TableKind::Scores => walk.leftover(Leftover::Source(self.source(&table.span.bytes))),
            kind => {
                let context = context.headings.clone();
                self.deferred.push(Deferred { kind, table, phase: walk.phase, context });
            }
        }
    }

    // -----------------------------------------------------------------------
    // Categories

    /// The category a gap belongs to, from the headings above it.
    ///
    /// `hint` is the gap's own title, tried first against known categories
    /// (for table rows and task lists); `skip_own` leaves out the innermost
    /// heading (a task list's section is its gap, not its category). The
    /// innermost heading with a name decides: a known category alike to it,
    /// or a new one named after it.
    fn category_for(&mut self, path: &[String], hint: Option<&str>, skip_own: bool, line: usize) -> usize {
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
            None => self.new_category("General", "(none)", line),
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
    fn push_category(&mut self, name: &str) -> usize {
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
    fn category_of_heading(&self, heading: &str) -> Option<usize> {
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

    /// The category of a roadmap task: its title, the heading it is under,
    /// or its phase's name, matched against known categories, or the area its
    /// words point to; else Roadmap.
    fn category_for_task(&mut self, title: &str, context: &LabelContext, phase: usize) -> usize {
        let candidates = [Some(title.to_string()), context.sub_heading.clone(), Some(self.phases[phase].name.clone())];
        for candidate in candidates.into_iter().flatten() {
            if let Some(index) = self.matching_category(&candidate) {
                return index;
            }
        }
        if let Some(index) = self.area_category(title) {
            return index;
        }
        if let Some(&index) = self.category_names.get(&ROADMAP_CATEGORY.to_lowercase()) {
            return index;
        }
        let line = self.phases[phase].line;
        self.guessed(
            line,
            format!("Roadmap tasks that name no known category go to the category \"{ROADMAP_CATEGORY}\"."),
        );
        self.push_category(ROADMAP_CATEGORY)
    }

    // -----------------------------------------------------------------------
    // Roles, teams, currency

    fn role(&mut self, name: &str, line: usize) -> usize {
        let stems = phrases::stems(name);
        if let Some(index) = self
            .roles
            .iter()
            .position(|r| r.name.eq_ignore_ascii_case(name) || (!stems.is_empty() && phrases::stems(&r.name) == stems))
        {
            return index;
        }
        self.roles.push(RoleDraft { name: name.to_string(), weekly_rate: None, line });
        self.roles.len() - 1
    }

    fn set_team(&mut self, phase: usize, role: usize, min: f64, max: f64) {
        let team = &mut self.phases[phase].team;
        match team.iter_mut().find(|(r, ..)| *r == role) {
            Some(member) => *member = (role, min, max),
            None => team.push((role, min, max)),
        }
    }

    fn note_currency(&mut self, currency: Option<&'static str>, line: usize) {
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

    /// The phase a table cell or header names: `Phase 2`, `Phase 2 Target`,
    /// or a phase's name.
    fn phase_named(&self, text: &str) -> Option<usize> {
        let words = phrases::words(text);
        for (i, word) in words.iter().enumerate() {
            if matches!(word.as_str(), "phase" | "stage" | "milestone" | "sprint" | "wave" | "step") {
                if let Some(number) = words.get(i + 1).and_then(|n| n.parse::<u32>().ok()) {
                    return self.phase_numbers.get(&number).copied();
                }
            }
            if let Some(number) = word.strip_prefix('p').and_then(|n| n.parse::<u32>().ok()) {
                if words.len() <= 2 {
                    return self.phase_numbers.get(&number).copied();
                }
            }
        }
        let stems = phrases::stems(text);
        self.phases.iter().position(|p| {
            let name = phrases::stems(&p.name);
            !name.is_empty() && (name == stems || stems.len() > name.len() && name.iter().all(|s| stems.contains(s)))
        })
    }

    /// The number a `Phase N` names, for a phase not yet known.
    fn phase_number(text: &str) -> Option<u32> {
        let words = phrases::words(text);
        words.iter().position(|w| w == "phase").and_then(|i| words.get(i + 1)).and_then(|n| n.parse().ok())
    }

    // -----------------------------------------------------------------------
    // Finishing: ids, phase timing, defaults, and the safety net

    fn finish(mut self) -> Import {
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
        a.assessors = std::mem::take(&mut self.assessors);
        if let Some((code, _)) = self.currency.take() {
            a.currency = code;
        }
        a.stated_overall = self.stated_overall();
        a.summary = std::mem::take(&mut self.summary).join("\n\n");

        let mut ids = Ids::default();
        let category_ids: Vec<String> = self.categories.iter().map(|c| ids.next("category", &c.name)).collect();
        for (draft, id) in self.categories.iter_mut().zip(&category_ids) {
            let mut category = Category::new(id.clone(), draft.name.clone());
            category.manual_score = draft.manual;
            category.target_score = draft.target.filter(|t| (0.0..=100.0).contains(t));
            category.weight = if draft.weight.is_finite() && draft.weight >= 0.0 { draft.weight } else { 1.0 };
            category.notes = std::mem::take(&mut draft.notes).join("\n\n");
            a.categories.push(category);
        }

        let role_ids: Vec<String> = self.roles.iter().map(|r| ids.next("role", &r.name)).collect();
        let unpriced: Vec<String> =
            self.roles.iter().filter(|r| r.weekly_rate.is_none()).map(|r| r.name.clone()).collect();
        if !unpriced.is_empty() {
            let line = self.roles.iter().find(|r| r.weekly_rate.is_none()).map_or(1, |r| r.line);
            self.guessed(
                line,
                format!("No weekly rate is stated for {}: set to 0 until you enter one.", unpriced.join(", ")),
            );
        }
        for (draft, id) in self.roles.iter().zip(&role_ids) {
            let rate = draft.weekly_rate.filter(|r| r.is_finite() && *r >= 0.0).unwrap_or(0.0);
            a.roles.push(Role::new(id.clone(), draft.name.clone(), rate));
        }

        let phase_ids: Vec<String> = self.phases.iter().map(|p| ids.next("phase", &p.name)).collect();
        self.finish_phases(&mut a, &phase_ids, &role_ids);

        let gap_ids: Vec<String> = self.gaps.iter().map(|g| ids.next("gap", &g.title)).collect();
        let gaps = std::mem::take(&mut self.gaps);
        for (draft, id) in gaps.into_iter().zip(&gap_ids) {
            let gap = self.finish_gap(draft, id.clone(), &category_ids, &phase_ids);
            a.gaps.push(gap);
        }
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
            let mut extra = crate::core::model::Extra::new();
            if !draft.stated.is_empty() {
                extra.insert(STATED_VALUES.to_string(), Value::Object(draft.stated));
            }
            let targets = draft
                .targets
                .into_iter()
                .filter_map(|(phase, value)| {
                    phase_ids.get(phase).map(|p| KpiTarget { phase: p.clone(), value, extra: Default::default() })
                })
                .collect();
            a.kpis.push(Kpi {
                id,
                name: draft.name,
                unit: draft.unit,
                current: draft.current,
                better: draft.better.unwrap_or(Better::Higher),
                targets,
                extra,
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
                extra: Default::default(),
            });
        }

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
        // The safety net: an import always validates. Should a reading above
        // ever produce something invalid, the report says so rather than
        // the app refusing the file.
        for problem in validate(&a) {
            self.report.warnings.push(Note::new(1, format!("Internal: {problem}")));
        }
        Import { assessment: a, report: self.report }
    }

    /// The overall score the document states; a warning when it states two.
    fn stated_overall(&mut self) -> Option<f64> {
        let statements = std::mem::take(&mut self.overall);
        let (first, line) = *statements.first()?;
        self.recognised(line, format!("The stated overall score {}/100.", phrases_number(first)));
        let different: Vec<String> = statements
            .iter()
            .filter(|(value, _)| *value != first)
            .map(|(value, line)| format!("{} (line {line})", phrases_number(*value)))
            .collect();
        if !different.is_empty() {
            self.warning(
                line,
                format!(
                    "The document states different overall scores: {} (line {line}) and {}; kept the first.",
                    phrases_number(first),
                    different.join(", ")
                ),
            );
        }
        Some(first)
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
        gap.evidence = draft.evidence.join("\n\n");
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

/// What a walk over a section's blocks collected.
struct Walk<'b> {
    phase: Option<usize>,
    findings: Vec<Finding<'b>>,
    wanted: Vec<Finding<'b>>,
    tasks: Vec<Task>,
    requirement_rows: Vec<RequirementRow>,
    leftovers: Vec<Leftover>,
    statements: Statements,
    /// A label line waiting to be kept with the first leftover under it.
    pending_label: Option<String>,
    /// The label in force for the blocks that follow a label line.
    label: Option<LabelContext>,
    /// The task gap last added in a phase: deliverables and code attach to it.
    last_task: Option<usize>,
    /// A task written as a numbered line inside a paragraph (CommonMark lets
    /// only a list starting at 1 interrupt a paragraph, so `Tasks:\n4. …` is
    /// one): the task list right after it is its checklist.
    open_task: Option<usize>,
}

impl<'b> Walk<'b> {
    fn new() -> Self {
        Walk {
            phase: None,
            findings: Vec::new(),
            wanted: Vec::new(),
            tasks: Vec::new(),
            requirement_rows: Vec::new(),
            leftovers: Vec::new(),
            statements: Statements::default(),
            pending_label: None,
            label: None,
            last_task: None,
            open_task: None,
        }
    }

    /// Files a marked line as a finding, or as a wish where what is wanted
    /// is stated; returns its index among the findings.
    fn add(&mut self, mut finding: Finding<'b>, context: &LabelContext) -> Option<usize> {
        // A line that states its status (`Status: done`) is a finding wherever it stands.
        let states_status = finding
            .extra_lines
            .iter()
            .any(|l| phrases::labels(&l.text).iter().any(|(key, _)| key.eq_ignore_ascii_case("status")));
        if finding.status == Status::Done && context.wanted && !states_status {
            finding.requirement = context.requirement;
            self.wanted.push(finding);
            self.leftover(Leftover::Wanted(self.wanted.len() - 1));
            return None;
        }
        self.findings.push(finding);
        Some(self.findings.len() - 1)
    }

    fn leftover(&mut self, leftover: Leftover) {
        if let Some(label) = self.pending_label.take() {
            if !label.is_empty() {
                self.leftovers.push(Leftover::Label(label));
            }
        }
        self.leftovers.push(leftover);
    }

    /// A label heading: kept only when something under it is.
    fn leftover_heading(&mut self, heading: String) {
        self.pending_label = Some(heading);
    }
}

/// The labels and headings in force where a block stands.
#[derive(Clone, Debug, Default)]
struct LabelContext {
    wanted: bool,
    requirement: bool,
    /// The label of the list item that a block is nested under.
    item_label: Option<String>,
    /// The text of the headings above, for words such as "annual".
    headings: String,
    /// In a phase: the heading of the part of the phase (`Week 1-2: CI/CD`).
    sub_heading: Option<String>,
    exit: bool,
    deliverables: bool,
    priority: Option<Priority>,
}

impl Context {
    fn label_context(&self) -> LabelContext {
        LabelContext {
            wanted: self.wanted,
            requirement: self.requirement,
            headings: self.path.join(" "),
            priority: self.priority,
            ..Default::default()
        }
    }
}

impl LabelContext {
    /// The context under a label: what is wanted is decided by the nearest
    /// label that says so, and otherwise inherited.
    fn with_label(&self, label: &str) -> LabelContext {
        let mut context = self.clone();
        if is_wanted(label) {
            context.wanted = true;
            context.requirement = is_requirement(label);
        } else if is_findings_label(label) {
            context.wanted = false;
            context.requirement = false;
        }
        context
    }

    fn with_item_label(mut self, label: &str) -> LabelContext {
        self.item_label = Some(label.to_string());
        self
    }

    fn priority_hint(&self) -> Option<Priority> {
        self.priority
    }
}

/// Whether a label introduces findings (`Current State:`, `What's Missing:`),
/// which undoes a wanted context above it.
fn is_findings_label(label: &str) -> bool {
    phrases::has_any_phrase(
        label,
        &["current", "found", "findings", "missing", "problems", "issues", "exists", "implemented", "gaps", "audit"],
    )
}

/// A marked line or item.
#[derive(Debug)]
struct Finding<'b> {
    status: Status,
    title: String,
    line: usize,
    /// The label of the list item it is nested under (`Runbooks`).
    label: Option<String>,
    extra_lines: Vec<Line>,
    children: Option<&'b [Block]>,
    /// Where it stands in the source, for keeping it as a note.
    source: Range<usize>,
    /// Under a label that states requirements.
    requirement: bool,
}

impl<'b> Finding<'b> {
    fn line(status: Status, title: &str, line: usize, source: Range<usize>, context: &LabelContext) -> Self {
        Finding {
            status,
            title: title.to_string(),
            line,
            label: context.item_label.clone(),
            extra_lines: Vec::new(),
            children: None,
            source,
            requirement: false,
        }
    }
}

/// A task list item (`- [ ]`) of a topic section.
#[derive(Debug)]
struct Task {
    title: String,
    done: bool,
    line: usize,
    description: Vec<String>,
    evidence: Vec<String>,
}

impl Task {
    fn of(importer: &Importer, item: &outline::Item, done: bool) -> Task {
        let mut description = Vec::new();
        let mut evidence = Vec::new();
        for child in &item.children {
            match child {
                Block::Code(code) => evidence.push(code_text(code)),
                other => description.push(importer.source(&other.span().bytes)),
            }
        }
        Task {
            title: clean_title(&outline::joined(&item.lines)),
            done,
            line: item.lines.first().map_or(item.span.line, |l| l.number),
            description,
            evidence,
        }
    }
}

/// A row of a requirements table.
#[derive(Debug)]
struct RequirementRow {
    title: String,
    status: Status,
    priority: Option<Priority>,
    notes: Vec<String>,
    line: usize,
}

/// One more line of a gap's own text: a statement or its description.
fn read_gap_line(gap: &mut GapDraft, line: &Line) {
    let labels = phrases::labels(&line.text);
    let mut all_known = !labels.is_empty();
    for (key, value) in &labels {
        let known = match key.to_lowercase().as_str() {
            "status" => status_word(value).map(|s| gap.status = s).is_some(),
            "priority" => phrases::priority_word(value).map(|p| gap.priority = Some(p)).is_some(),
            "severity" | "risk level" | "risk" => {
                phrases::severity_word(value).map(|s| gap.severity = Some(s)).is_some()
            }
            "effort" | "estimated effort" | "estimate" => {
                phrases::effort(value).map(|(e, _)| gap.effort = Some(e)).is_some()
            }
            "phase" => {
                gap.phase = Some(PhaseRef::Named { text: value.to_string(), line: line.number });
                true
            }
            "owner" | "assignee" | "responsible" => {
                gap.owner = value.to_string();
                true
            }
            "tags" | "labels" => {
                gap.tags = value.split(',').map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect();
                true
            }
            _ => false,
        };
        all_known &= known;
    }
    if !all_known {
        gap.description.push(line.text.clone());
    }
}

/// Whether any block under an item holds a marked line or a task.
fn contains_signals(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::List(list) => list.items.iter().any(|item| {
            item.task.is_some()
                || item.lines.first().is_some_and(|l| phrases::status_mark(&l.text).is_some())
                || contains_signals(&item.children)
        }),
        Block::Paragraph(p) => p.lines.iter().any(|l| phrases::status_mark(&l.text).is_some()),
        Block::Code(code) => {
            is_plain(code) && code.lines.iter().filter(|l| phrases::status_mark(&l.text).is_some()).count() > 0
        }
        Block::Table(_) => true,
        Block::Quote(q) => contains_signals(&q.children),
        _ => false,
    })
}

/// Whether a code block has no language: text laid out, not code.
fn is_plain(code: &Code) -> bool {
    matches!(code.info.to_lowercase().as_str(), "" | "text" | "txt" | "plain" | "plaintext")
}

/// The text of a code block.
fn code_text(code: &Code) -> String {
    code.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// A title without decoration, trailing colons and surrounding whitespace.
fn clean_title(text: &str) -> String {
    let text = phrases::undecorated(text);
    let text = text.trim().trim_end_matches(':').trim();
    text.to_string()
}

/// A status written as a word.
fn status_word(text: &str) -> Option<Status> {
    let lower = text.trim().to_lowercase();
    let words = phrases::words(&lower);
    let has = |w: &str| words.iter().any(|x| x == w);
    if lower.starts_with("n/a") || lower.contains("not applicable") {
        return Some(Status::NotApplicable);
    }
    if has("accepted") {
        return Some(Status::Accepted);
    }
    if has("partial") || has("partially") || has("progress") || has("some") {
        return Some(Status::Partial);
    }
    if has("missing") || has("absent") || has("no") || has("not") || has("none") || has("todo") || has("open") {
        return Some(Status::Missing);
    }
    if has("done")
        || has("present")
        || has("implemented")
        || has("yes")
        || has("complete")
        || has("completed")
        || has("closed")
        || has("documented")
    {
        return Some(Status::Done);
    }
    None
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

/// A number as people write it: no `.0`.
fn phrases_number(value: f64) -> String {
    crate::core::display::number(value)
}

#[cfg(test)]
mod tests;
