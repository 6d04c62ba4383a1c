//! The backlogs: one row per open gap (missing or partial), since closed,
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

use super::{category_name, phase_name, table};
use crate::core::model::{Assessment, Evidence, Gap, Priority};
use crate::core::present::{display, link};

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
    let evidence = markdown_evidence(&gap.evidence);
    if !evidence.trim().is_empty() {
        parts.push(format!("Evidence: {}", evidence.trim()));
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

/// The evidence as Markdown for a tracker that renders it (GitHub): each
/// entry's text, then its address as an autolink only when it may be a
/// link (`present::link`), else as code, which no renderer follows; entries
/// parted by blank lines.
fn markdown_evidence(entries: &[Evidence]) -> String {
    let safe = |url: &str| match link::href(url) {
        Some(_) => format!("<{url}>"),
        None => format!("`{}`", url.replace('`', "'")),
    };
    let shown: Vec<String> = entries
        .iter()
        .map(|e| match &e.url {
            None => e.text.clone(),
            Some(url) if e.text.trim().is_empty() => safe(url),
            Some(url) => format!("{} {}", e.text.trim_end(), safe(url)),
        })
        .collect();
    shown.join("\n\n")
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

/// One evidence entry in HTML: its text, and its address as a link when it
/// may be one (`present::link`), else as text.
fn html_evidence(entry: &Evidence) -> String {
    let text = html_text(entry.text.trim());
    let Some(url) = &entry.url else { return text };
    let address = match link::href(url) {
        Some(href) => format!("<a href=\"{}\">{}</a>", html_text(href), html_text(url)),
        None => html_text(url),
    };
    if text.is_empty() {
        address
    } else {
        format!("{text} {address}")
    }
}

/// The Azure DevOps description: the same parts as the plain one, in HTML.
fn html_description(assessment: &Assessment, gap: &Gap) -> String {
    let mut html = html_paragraphs(&gap.description);
    for entry in gap.evidence.iter().filter(|e| !e.text.trim().is_empty() || e.url.is_some()) {
        html.push_str(&format!("<p><strong>Evidence:</strong> {}</p>", html_evidence(entry)));
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
    fn html_is_escaped() {
        assert_eq!(html_paragraphs("a <b>\nc\n\n&d"), "<p>a &lt;b&gt;<br>c</p><p>&amp;d</p>");
    }
}
