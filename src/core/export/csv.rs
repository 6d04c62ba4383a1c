//! Gaps as CSV (RFC 4180, through the `csv` crate): a table for spreadsheets,
//! and backlogs in the column layouts that Jira, GitHub Issues and Azure
//! DevOps import. What `gapmap report --format csv|jira|github|azure-devops`
//! prints and the app's "More exports" menu saves.
//!
//! **The spreadsheet table** ([`Layout::Spreadsheet`]) has one row per gap and
//! the columns of [`Column`]: what the file holds about a gap, with the
//! category and the phase by name, the checklist as items done and items in
//! all, and the effort in person-days as the core computes it. The CSV
//! importer (`core::import::csv`) reads this table back, finding columns by
//! their header, so a table edited in a spreadsheet can come home.
//!
//! **The backlogs** have one row per open gap (missing or partial): closed,
//! accepted and not-applicable gaps are not work to plan. Each row carries a
//! summary (the title), a description made of the gap's description, its
//! evidence, its checklist and its facts, the priority on the tool's own
//! scale, labels from the category and the tags, and the phase:
//!
//! - Jira (CSV importer): `Summary`, `Issue Type` (`Task`), `Priority`
//!   (P0 `Highest`, P1 `High`, P2 `Medium`, P3 `Low`), `Description`, one
//!   `Labels` column per label (Jira reads repeated columns as several
//!   values; labels cannot hold spaces, so spaces become dashes), `Sprint`.
//! - GitHub Issues (CSV importers such as github-csv-tools, or a script over
//!   `gh issue create`): `title`, `body` (Markdown, the checklist as task
//!   list), `labels` (one cell, comma-separated; the priority is the label
//!   `priority: P0` …), `milestone` (the phase's name; some tools want the
//!   milestone's number instead).
//! - Azure DevOps (Boards, "Import work items"): `Work Item Type` (`Task`,
//!   which every process has), `Title`, `Description` (HTML, as the field
//!   holds it; every text escaped), `Priority` (1–4 from P0–P3), `Tags`
//!   (joined by `"; "`), `Iteration Path` (the phase's name; Azure wants the
//!   path as the project names it, such as `Project\Phase 1`, which a file
//!   cannot know).
//!
//! **Formula injection.** A spreadsheet runs a cell that begins with `=`,
//! `+`, `-` or `@` (and some also one that begins with a tab or a carriage
//! return) as a formula, so a title like `=HYPERLINK(..)` could act when the
//! file is opened. Every cell written here that begins with one of those
//! characters gets a leading `'`, which spreadsheets read as "this is text"
//! (the OWASP advice): `=1+1` is written `'=1+1`. The importer removes that
//! quote again; so that it removes only that one, a text that itself begins
//! with `'` and then one of those characters or another `'` gets one more
//! (`'=x` is written `''=x`).
//!
//! Lines end in CRLF, as RFC 4180 says; cells are quoted only when needed.
//! The spreadsheet table starts with a UTF-8 byte order mark, without which
//! Excel reads accented letters wrongly; the backlogs do not, as importers
//! may take it for part of the first header.

use std::borrow::Cow;

use crate::core::display;
use crate::core::model::{Assessment, Gap, Priority};
use crate::core::query::gap_figures;

/// The column layouts this module writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Every gap with every field, for spreadsheets; the importer reads it back.
    Spreadsheet,
    /// Open gaps for Jira's CSV importer.
    Jira,
    /// Open gaps for GitHub Issues' CSV importers.
    GitHub,
    /// Open gaps for Azure DevOps' work item import.
    AzureDevOps,
}

impl Layout {
    /// Every layout, in the order menus list them.
    pub const ALL: [Layout; 4] = [Layout::Spreadsheet, Layout::Jira, Layout::GitHub, Layout::AzureDevOps];

    /// The name `gapmap report --format` takes.
    pub fn format_name(self) -> &'static str {
        match self {
            Layout::Spreadsheet => "csv",
            Layout::Jira => "jira",
            Layout::GitHub => "github",
            Layout::AzureDevOps => "azure-devops",
        }
    }

    /// Reads a `--format` name.
    pub fn from_format_name(name: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.format_name() == name)
    }

    /// What a file name adds to the assessment's title, so that the four
    /// files of one assessment do not overwrite each other: `-jira` ….
    pub fn file_suffix(self) -> &'static str {
        match self {
            Layout::Spreadsheet => "",
            Layout::Jira => "-jira",
            Layout::GitHub => "-github",
            Layout::AzureDevOps => "-azure-devops",
        }
    }
}

/// The CSV of an assessment's gaps in `layout`.
pub fn write(assessment: &Assessment, layout: Layout) -> String {
    match layout {
        Layout::Spreadsheet => spreadsheet(assessment),
        Layout::Jira => jira(assessment),
        Layout::GitHub => github(assessment),
        Layout::AzureDevOps => azure_devops(assessment),
    }
}

/// A column of the spreadsheet table, in the order the table has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Category,
    Title,
    Status,
    Priority,
    Severity,
    EffortMin,
    EffortMax,
    EffortUnit,
    /// Computed: the low end of the effort in person-days.
    EffortDaysLow,
    /// Computed: the high end of the effort in person-days.
    EffortDaysHigh,
    Owner,
    Phase,
    Tags,
    Evidence,
    Description,
    /// How many checklist items are done.
    ChecklistDone,
    /// How many checklist items there are.
    ChecklistItems,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 18] = [
        Column::Id,
        Column::Category,
        Column::Title,
        Column::Status,
        Column::Priority,
        Column::Severity,
        Column::EffortMin,
        Column::EffortMax,
        Column::EffortUnit,
        Column::EffortDaysLow,
        Column::EffortDaysHigh,
        Column::Owner,
        Column::Phase,
        Column::Tags,
        Column::Evidence,
        Column::Description,
        Column::ChecklistDone,
        Column::ChecklistItems,
    ];

    /// The column's header in the table.
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::Category => "Category",
            Column::Title => "Title",
            Column::Status => "Status",
            Column::Priority => "Priority",
            Column::Severity => "Severity",
            Column::EffortMin => "Effort min",
            Column::EffortMax => "Effort max",
            Column::EffortUnit => "Effort unit",
            Column::EffortDaysLow => "Effort days low",
            Column::EffortDaysHigh => "Effort days high",
            Column::Owner => "Owner",
            Column::Phase => "Phase",
            Column::Tags => "Tags",
            Column::Evidence => "Evidence",
            Column::Description => "Description",
            Column::ChecklistDone => "Checklist done",
            Column::ChecklistItems => "Checklist items",
        }
    }

    /// The column a header names: case, spaces and punctuation do not
    /// matter (`effort_min`, `Effort Min` and `EFFORT-MIN` are one column).
    pub fn from_header(header: &str) -> Option<Column> {
        let wanted = header_key(header);
        Column::ALL.into_iter().find(|c| header_key(c.header()) == wanted)
    }

    /// The cell of `gap` in this column, before formula escaping.
    pub fn cell(self, assessment: &Assessment, gap: &Gap) -> String {
        let effort = gap.effort.as_ref();
        let days = || gap_figures(gap, &assessment.settings).effort_days;
        match self {
            Column::Id => gap.id.clone(),
            Column::Category => category_name(assessment, gap).to_string(),
            Column::Title => gap.title.clone(),
            Column::Status => gap.status.as_str().to_string(),
            Column::Priority => gap.priority.as_str().to_string(),
            Column::Severity => gap.severity.map(|s| s.as_str().to_string()).unwrap_or_default(),
            Column::EffortMin => effort.map(|e| e.min.to_string()).unwrap_or_default(),
            Column::EffortMax => effort.map(|e| e.max.to_string()).unwrap_or_default(),
            Column::EffortUnit => effort.map(|e| e.unit.as_str().to_string()).unwrap_or_default(),
            Column::EffortDaysLow => days().map(|(low, _)| low.to_string()).unwrap_or_default(),
            Column::EffortDaysHigh => days().map(|(_, high)| high.to_string()).unwrap_or_default(),
            Column::Owner => gap.owner.clone(),
            Column::Phase => phase_name(assessment, gap).unwrap_or_default().to_string(),
            Column::Tags => gap.tags.join(", "),
            Column::Evidence => gap.evidence.clone(),
            Column::Description => gap.description.clone(),
            Column::ChecklistDone => gap.items.iter().filter(|i| i.done).count().to_string(),
            Column::ChecklistItems => gap.items.len().to_string(),
        }
    }
}

/// A header reduced to what identifies it: lower-case letters and digits.
fn header_key(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell made safe to open in a spreadsheet: a leading `'` before a cell
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return. A cell
/// that really begins with a `'` the importer would take off (`'=x`, `''`)
/// gets one more, so that [`unescape_formula`] gives back exactly the text.
pub fn escape_formula(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || unescape_formula(cell).len() != cell.len() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`escape_formula`]: one leading `'` goes when a formula character
/// or another `'` follows it. A `'` before plain text (`'quoted'`) stays:
/// the export never adds one there.
pub fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// The name of a gap's category (its id when no category has that id).
fn category_name<'a>(assessment: &'a Assessment, gap: &'a Gap) -> &'a str {
    assessment.category(&gap.category).map_or(gap.category.as_str(), |c| c.name.as_str())
}

/// The name of a gap's phase (its id when no phase has that id).
fn phase_name<'a>(assessment: &'a Assessment, gap: &'a Gap) -> Option<&'a str> {
    let id = gap.phase.as_deref()?;
    Some(assessment.phase(id).map_or(id, |p| p.name.as_str()))
}

/// Rows written as CSV, every cell escaped against formulas.
fn table(header: &[&str], rows: &[Vec<String>], byte_order_mark: bool) -> String {
    let mut out = Vec::with_capacity(128 * (rows.len() + 1));
    if byte_order_mark {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    // Writing to memory cannot fail; if it ever did, the rows before the
    // failure would be kept rather than the export panicking.
    let _ = writer.write_record(header.iter().map(|h| escape_formula(h).into_owned()));
    for row in rows {
        if writer.write_record(row.iter().map(|cell| escape_formula(cell).into_owned())).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().map(|v| v.to_vec()).unwrap_or_default();
    // Every cell is a `&str`, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

/// The spreadsheet table: every gap, every column of [`Column`].
pub fn spreadsheet(assessment: &Assessment) -> String {
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    let rows: Vec<Vec<String>> =
        assessment.gaps.iter().map(|gap| Column::ALL.iter().map(|c| c.cell(assessment, gap)).collect()).collect();
    table(&header, &rows, true)
}

/// The gaps a backlog lists: the open ones.
fn open_gaps(assessment: &Assessment) -> impl Iterator<Item = &Gap> {
    assessment.gaps.iter().filter(|gap| gap.status.is_open())
}

/// A backlog item's labels: the category's name, then the tags, each once.
fn labels(assessment: &Assessment, gap: &Gap) -> Vec<String> {
    let mut labels: Vec<String> = Vec::with_capacity(gap.tags.len() + 1);
    for label in std::iter::once(category_name(assessment, gap)).chain(gap.tags.iter().map(String::as_str)) {
        let label = label.trim();
        if !label.is_empty() && !labels.iter().any(|l| l == label) {
            labels.push(label.to_string());
        }
    }
    labels
}

/// A gap's facts on one line: effort, owner, severity, where it comes from.
fn facts(assessment: &Assessment, gap: &Gap) -> String {
    let mut facts = Vec::new();
    if let Some(effort) = &gap.effort {
        let amount = display::range(effort.min, effort.max);
        let unit = effort.unit.as_str();
        // "1 week", not "1 weeks".
        let unit = if amount == "1" { unit.trim_end_matches('s') } else { unit };
        facts.push(format!("Effort: {amount} {unit}"));
    }
    if !gap.owner.trim().is_empty() {
        facts.push(format!("Owner: {}", gap.owner.trim()));
    }
    if let Some(severity) = gap.severity {
        facts.push(format!("Severity: {severity}"));
    }
    facts.push(format!("Status: {}", gap.status));
    facts.push(format!("Gapmap gap {} in {}", gap.id, category_name(assessment, gap)));
    facts.join(" · ")
}

/// A backlog description in plain text (Markdown for GitHub): the gap's
/// description, its evidence, its checklist as a task list, and its facts.
fn plain_description(assessment: &Assessment, gap: &Gap) -> String {
    let mut parts = Vec::new();
    if !gap.description.trim().is_empty() {
        parts.push(gap.description.trim().to_string());
    }
    if !gap.evidence.trim().is_empty() {
        parts.push(format!("Evidence: {}", gap.evidence.trim()));
    }
    if !gap.items.is_empty() {
        let mut list = String::from("Checklist:");
        for item in &gap.items {
            list.push_str(&format!("\n- [{}] {}", if item.done { "x" } else { " " }, item.text.trim()));
        }
        parts.push(list);
    }
    parts.push(facts(assessment, gap));
    parts.join("\n\n")
}

/// Text made safe inside HTML: `&`, `<`, `>` and quotes as entities.
fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Paragraphs of text as HTML: blank lines part paragraphs, line breaks stay.
fn html_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", html_text(p).replace('\n', "<br>")))
        .collect()
}

/// The Azure DevOps description: the same parts as the plain one, in HTML.
fn html_description(assessment: &Assessment, gap: &Gap) -> String {
    let mut html = html_paragraphs(&gap.description);
    if !gap.evidence.trim().is_empty() {
        html.push_str(&format!("<p><strong>Evidence:</strong> {}</p>", html_text(gap.evidence.trim())));
    }
    if !gap.items.is_empty() {
        html.push_str("<p><strong>Checklist:</strong></p><ul>");
        for item in &gap.items {
            let mark = if item.done { "☑" } else { "☐" };
            html.push_str(&format!("<li>{mark} {}</li>", html_text(item.text.trim())));
        }
        html.push_str("</ul>");
    }
    html.push_str(&format!("<p>{}</p>", html_text(&facts(assessment, gap))));
    html
}

/// A Jira label: Jira's labels cannot hold spaces.
fn jira_label(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join("-")
}

/// P0–P3 on Jira's default priority scheme.
pub fn jira_priority(priority: Priority) -> &'static str {
    match priority {
        Priority::P0 => "Highest",
        Priority::P1 => "High",
        Priority::P2 => "Medium",
        Priority::P3 => "Low",
    }
}

/// P0–P3 on Azure DevOps' priority field, 1 (must fix) to 4.
pub fn azure_priority(priority: Priority) -> u8 {
    match priority {
        Priority::P0 => 1,
        Priority::P1 => 2,
        Priority::P2 => 3,
        Priority::P3 => 4,
    }
}

/// The Jira backlog: `Summary`, `Issue Type`, `Priority`, `Description`,
/// as many `Labels` columns as the most labelled gap needs, `Sprint`.
pub fn jira(assessment: &Assessment) -> String {
    let gaps: Vec<&Gap> = open_gaps(assessment).collect();
    let labels: Vec<Vec<String>> =
        gaps.iter().map(|gap| labels(assessment, gap).iter().map(|l| jira_label(l)).collect()).collect();
    let label_columns = labels.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut header = vec!["Summary", "Issue Type", "Priority", "Description"];
    header.extend(std::iter::repeat_n("Labels", label_columns));
    header.push("Sprint");
    let rows: Vec<Vec<String>> = gaps
        .iter()
        .zip(labels)
        .map(|(gap, mut labels)| {
            labels.resize(label_columns, String::new());
            let mut row = vec![
                gap.title.clone(),
                "Task".to_string(),
                jira_priority(gap.priority).to_string(),
                plain_description(assessment, gap),
            ];
            row.extend(labels);
            row.push(phase_name(assessment, gap).unwrap_or_default().to_string());
            row
        })
        .collect();
    table(&header, &rows, false)
}

/// The GitHub backlog: `title`, `body`, `labels`, `milestone`.
pub fn github(assessment: &Assessment) -> String {
    let rows: Vec<Vec<String>> = open_gaps(assessment)
        .map(|gap| {
            // The importers split the labels cell at commas.
            let mut labels: Vec<String> = labels(assessment, gap).iter().map(|l| l.replace(',', " ")).collect();
            labels.push(format!("priority: {}", gap.priority));
            vec![
                gap.title.clone(),
                plain_description(assessment, gap),
                labels.join(","),
                phase_name(assessment, gap).unwrap_or_default().to_string(),
            ]
        })
        .collect();
    table(&["title", "body", "labels", "milestone"], &rows, false)
}

/// The Azure DevOps backlog: `Work Item Type`, `Title`, `Description`,
/// `Priority`, `Tags`, `Iteration Path`.
pub fn azure_devops(assessment: &Assessment) -> String {
    let rows: Vec<Vec<String>> = open_gaps(assessment)
        .map(|gap| {
            // Tags are parted by semicolons.
            let tags: Vec<String> = labels(assessment, gap).iter().map(|l| l.replace(';', ",")).collect();
            vec![
                "Task".to_string(),
                gap.title.clone(),
                html_description(assessment, gap),
                azure_priority(gap.priority).to_string(),
                tags.join("; "),
                phase_name(assessment, gap).unwrap_or_default().to_string(),
            ]
        })
        .collect();
    table(&["Work Item Type", "Title", "Description", "Priority", "Tags", "Iteration Path"], &rows, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_escape_round_trips() {
        for (cell, escaped) in [
            ("=1+1", "'=1+1"),
            ("+44 20", "'+44 20"),
            ("-3", "'-3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("plain", "plain"),
            ("'quoted", "'quoted"),
            ("", ""),
        ] {
            assert_eq!(escape_formula(cell), escaped, "{cell:?}");
            assert_eq!(unescape_formula(&escape_formula(cell)), cell, "{cell:?}");
        }
    }

    #[test]
    fn headers_match_loosely() {
        assert_eq!(Column::from_header("effort_min"), Some(Column::EffortMin));
        assert_eq!(Column::from_header(" EFFORT-MIN "), Some(Column::EffortMin));
        assert_eq!(Column::from_header("id"), Some(Column::Id));
        assert_eq!(Column::from_header("Notes"), None);
        for column in Column::ALL {
            assert_eq!(Column::from_header(column.header()), Some(column));
        }
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(html_paragraphs("a <b>\nc\n\n&d"), "<p>a &lt;b&gt;<br>c</p><p>&amp;d</p>");
    }
}
