//! A gap's evidence as one text, for the places that hold a single text (a
//! spreadsheet's cell, a backlog item's description), and back.
//!
//! Each entry is its text, followed by its address in angle brackets when
//! it has one (`Load test report <https://ci.example.com/run/42>`); entries
//! are parted by a blank line. One entry without an address is its text
//! exactly, as the evidence of a version 1 file was. Reading the text back
//! gives the same entries, except that an entry whose text holds a blank
//! line comes back as several, and a text ending in `<…>` without spaces
//! is read as its address.

use crate::core::model::{Evidence, Extra};

/// The evidence as one text: each entry, `text <url>`, parted by blank lines.
pub fn to_text(evidence: &[Evidence]) -> String {
    let entries: Vec<String> = evidence
        .iter()
        .map(|e| match &e.url {
            None => e.text.clone(),
            Some(url) if e.text.trim().is_empty() => format!("<{url}>"),
            Some(url) => format!("{} <{url}>", e.text.trim_end()),
        })
        .collect();
    entries.join("\n\n")
}

/// The entries of a text written as [`to_text`] writes it; an empty or
/// blank text has none.
pub fn from_text(text: &str) -> Vec<Evidence> {
    let mut entries = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if !line.trim().is_empty() {
            paragraph.push(line);
            continue;
        }
        if paragraph.is_empty() {
            continue;
        }
        let joined = std::mem::take(&mut paragraph).join("\n");
        entries.push(entry(&joined));
    }
    entries
}

/// One paragraph: its text, and its address when it ends with `<…>`.
fn entry(paragraph: &str) -> Evidence {
    let trimmed = paragraph.trim_end();
    if let Some(before) = trimmed.strip_suffix('>') {
        if let Some(open) = before.rfind('<') {
            let url = &before[open + 1..];
            if !url.is_empty() && !url.contains(char::is_whitespace) && !url.contains('<') {
                let text = before[..open].trim_end().to_string();
                return Evidence { text, url: Some(url.to_string()), extra: Extra::new() };
            }
        }
    }
    Evidence { text: paragraph.to_string(), url: None, extra: Extra::new() }
}
