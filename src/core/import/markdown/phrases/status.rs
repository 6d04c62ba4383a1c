//! How a line states a status, a priority or a severity: the marks ❌ ⚠️ ✅
//! at its start, status words (`partial`, `done`), priority words and tags
//! (`[BLOCKER]`, `(P1)`, `CRITICAL GAPS`), and severity words.

use super::text::{bracketed_groups, words};
use crate::core::model::{Priority, Severity, Status};

/// A status mark at the start of a line, and the text after it.
pub fn status_mark(text: &str) -> Option<(Status, &str)> {
    let text = text.trim_start();
    let text = text.strip_prefix(['-', '*', '+', '•']).map_or(text, str::trim_start);
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    let status = match first {
        '❌' | '✗' | '✘' | '✖' | '⛔' | '🚫' | '❎' => Status::Missing,
        '⚠' => Status::Partial,
        '✅' | '✔' | '☑' | '✓' => Status::Done,
        '➖' => Status::NotApplicable,
        _ => return None,
    };
    let rest = &text[first.len_utf8()..];
    let rest = rest.trim_start_matches(['\u{FE0F}', '\u{FE0E}']);
    Some((status, rest.trim()))
}

/// A status written as a word.
pub fn status_word(text: &str) -> Option<Status> {
    let lower = text.trim().to_lowercase();
    let words = words(&lower);
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

/// A priority word: BLOCKER or CRITICAL → P0, HIGH → P1, MEDIUM → P2,
/// LOW → P3, and P0–P3 as written. `MEDIUM-HIGH` reads as its higher part.
pub fn priority_word(text: &str) -> Option<Priority> {
    words(text).iter().filter_map(|w| single_priority(w)).min()
}

fn single_priority(word: &str) -> Option<Priority> {
    Some(match word {
        "blocker" | "blocking" | "critical" | "p0" | "urgent" => Priority::P0,
        "high" | "p1" | "major" => Priority::P1,
        "medium" | "moderate" | "p2" | "normal" => Priority::P2,
        "low" | "p3" | "minor" => Priority::P3,
        _ => return None,
    })
}

/// A severity word, the higher part of `MEDIUM-HIGH`.
pub fn severity_word(text: &str) -> Option<Severity> {
    words(text)
        .iter()
        .filter_map(|w| {
            Some(match w.as_str() {
                "critical" | "blocker" | "severe" => Severity::Critical,
                "high" | "major" => Severity::High,
                "medium" | "moderate" => Severity::Medium,
                "low" | "minor" => Severity::Low,
                _ => return None,
            })
        })
        .min_by_key(|s| match s {
            Severity::Critical => 0,
            Severity::High => 1,
            Severity::Medium => 2,
            Severity::Low => 3,
        })
}

/// The priority a severity implies when no priority is stated.
pub fn priority_of(severity: Severity) -> Priority {
    match severity {
        Severity::Critical => Priority::P0,
        Severity::High => Priority::P1,
        Severity::Medium => Priority::P2,
        Severity::Low => Priority::P3,
    }
}

/// A priority stated in a heading or an item's text, not in its prose:
/// a bracketed or parenthesised tag (`[BLOCKER]`, `(P1)`, `(Critical)`),
/// `High-Priority` or `Priority: HIGH`, a P0–P3 token, or a priority word in
/// capitals (`CRITICAL GAPS`, `CRITICAL: …`). "critical components" in a
/// sentence says nothing about priority.
pub fn stated_priority(text: &str) -> Option<Priority> {
    for (open, close) in [('[', ']'), ('(', ')')] {
        for group in bracketed_groups(text, open, close) {
            let group_words = words(group);
            if group_words.len() <= 2 {
                if let Some(p) = group_words.iter().filter_map(|w| single_priority(w)).min() {
                    return Some(p);
                }
            }
        }
    }
    let lower = words(text);
    for (i, word) in lower.iter().enumerate() {
        if word == "priority" {
            let before = i.checked_sub(1).and_then(|j| lower.get(j)).and_then(|w| single_priority(w));
            let after = lower.get(i + 1).and_then(|w| single_priority(w));
            if let Some(p) = before.or(after) {
                return Some(p);
            }
        }
        if matches!(word.as_str(), "p0" | "p1" | "p2" | "p3") {
            return single_priority(word);
        }
    }
    // In a heading written all in capitals every word is, so a priority
    // word counts there only when it qualifies the findings (`CRITICAL GAPS`)
    // or labels them (`CRITICAL:`); `HIGH AVAILABILITY` is a topic.
    let all_capitals = !text.chars().any(char::is_lowercase);
    let tokens: Vec<(usize, &str)> = text
        .char_indices()
        .filter(|&(i, c)| c.is_alphanumeric() && !text[..i].ends_with(char::is_alphanumeric))
        .map(|(i, _)| {
            let end = text[i..].find(|c: char| !c.is_alphanumeric()).map_or(text.len(), |e| i + e);
            (i, &text[i..end])
        })
        .collect();
    tokens
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| matches!(*w, "BLOCKER" | "CRITICAL" | "HIGH" | "MEDIUM" | "LOW"))
        .filter(|&(k, &(i, w))| {
            if !all_capitals {
                return true;
            }
            let colon = text[i + w.len()..].trim_start().starts_with(':');
            let next = tokens.get(k + 1).map(|(_, n)| *n);
            colon
                || tokens.len() == 1
                || matches!(next, Some("GAPS" | "ISSUES" | "PRIORITY" | "RISK" | "RISKS" | "FINDINGS" | "ITEMS"))
        })
        .filter_map(|(_, (_, w))| single_priority(&w.to_lowercase()))
        .min()
}

/// Status words that a bracketed group of a title may consist of (`[DONE]`,
/// `(in progress)`), each with its status.
const STATUS_MARKERS: &[(&str, Status)] = &[
    ("done", Status::Done),
    ("complete", Status::Done),
    ("completed", Status::Done),
    ("closed", Status::Done),
    ("fixed", Status::Done),
    ("missing", Status::Missing),
    ("open", Status::Missing),
    ("todo", Status::Missing),
    ("to do", Status::Missing),
    ("not started", Status::Missing),
    ("partial", Status::Partial),
    ("partially done", Status::Partial),
    ("in progress", Status::Partial),
    ("wip", Status::Partial),
    ("accepted", Status::Accepted),
    ("n/a", Status::NotApplicable),
    ("not applicable", Status::NotApplicable),
];

/// A title without the priority and status markers it carries in brackets
/// (`Add rate limiting (P0)`, `No CI [BLOCKER]`, `Backups [DONE]`), with the
/// priority and status they state. A bracketed group is a marker when it is
/// one of the status words above, or a priority: in square brackets, at most
/// two words one of which is a priority word (`[HIGH RISK]`); in parentheses,
/// priority words alone (`(P1)`, `(High priority)`), since parentheses also
/// hold a title's own words (`(critical path)`).
pub fn title_markers(title: &str) -> (String, Option<Priority>, Option<Status>) {
    let mut priority: Option<Priority> = None;
    let mut status = None;
    let mut kept = title.to_string();
    for (open, close) in [('[', ']'), ('(', ')')] {
        for group in bracketed_groups(title, open, close) {
            let lower = group.trim().to_lowercase();
            let group_words = words(group);
            let marker_status = STATUS_MARKERS.iter().find(|(w, _)| *w == lower).map(|(_, s)| *s);
            let marker_priority = match open {
                '[' if group_words.len() <= 2 => priority_word(group),
                _ if !group_words.is_empty()
                    && group_words.iter().all(|w| single_priority(w).is_some() || w == "priority") =>
                {
                    priority_word(group)
                }
                _ => None,
            };
            if marker_status.is_none() && marker_priority.is_none() {
                continue;
            }
            status = status.or(marker_status);
            priority = match (priority, marker_priority) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            kept = kept.replacen(&format!("{open}{group}{close}"), "", 1);
        }
    }
    (kept.split_whitespace().collect::<Vec<_>>().join(" "), priority, status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_titles() {
        let check = |title: &str, expected: (&str, Option<Priority>, Option<Status>)| {
            let (kept, priority, status) = title_markers(title);
            assert_eq!((kept.as_str(), priority, status), expected, "{title}");
        };
        check("Add rate limiting (P0)", ("Add rate limiting", Some(Priority::P0), None));
        check("No CI/CD Pipeline [BLOCKER]", ("No CI/CD Pipeline", Some(Priority::P0), None));
        check("Backups [DONE] (High priority)", ("Backups", Some(Priority::P1), Some(Status::Done)));
        check("Tracing (in progress)", ("Tracing", None, Some(Status::Partial)));
        // Words of the title itself stay.
        check("Error tracking (Sentry)", ("Error tracking (Sentry)", None, None));
        check("Shorten the critical path (critical path)", ("Shorten the critical path (critical path)", None, None));
        check("Tests (no mocks)", ("Tests (no mocks)", None, None));
        check("(", ("(", None, None));
    }

    #[test]
    fn status_marks() {
        assert_eq!(status_mark("❌ No CI"), Some((Status::Missing, "No CI")));
        assert_eq!(status_mark("- ⚠️ Partial thing"), Some((Status::Partial, "Partial thing")));
        assert_eq!(status_mark("✅ InboxStage:   Tested"), Some((Status::Done, "InboxStage:   Tested")));
        assert_eq!(status_mark("No mark ❌"), None);
        assert_eq!(status_mark(""), None);
    }

    #[test]
    fn priorities() {
        assert_eq!(priority_word("CRITICAL"), Some(Priority::P0));
        assert_eq!(priority_word("MEDIUM-HIGH"), Some(Priority::P1));
        assert_eq!(priority_word("p3"), Some(Priority::P3));
        assert_eq!(priority_word("soon"), None);
        for (text, expected) in [
            ("No CI/CD Pipeline [BLOCKER]", Some(Priority::P0)),
            ("Security Hardening Gaps [HIGH]", Some(Priority::P1)),
            ("CRITICAL GAPS (Must Fix Before Production)", Some(Priority::P0)),
            ("HIGH-PRIORITY GAPS", Some(Priority::P1)),
            ("Medium priority gaps", Some(Priority::P2)),
            ("Must-Have for Production (Critical)", Some(Priority::P0)),
            ("Fix the thing (P1)", Some(Priority::P1)),
            ("No HA for critical components", None),
            ("Critical Blockers", None),
            ("P95 latency", None),
            ("HIGH AVAILABILITY", None),
            ("1. 🔴 CRITICAL: Hardcoded Values", Some(Priority::P0)),
            ("Priority 1 - Security (TODAY)", None),
        ] {
            assert_eq!(stated_priority(text), expected, "{text}");
        }
        assert_eq!(severity_word("MEDIUM-HIGH"), Some(Severity::High));
    }
}
