//! Time on the roadmap: weeks placed on the calendar (`Week 3-4`, `0-4
//! weeks`) or lengths (`2 weeks`, `3 months`), and phase headings
//! (`Phase 1: Security & Reliability (Week 1)`) with their weeks and remarks.

use super::numbers::{quantity, range, two_decimals};
use super::text::{bracketed_groups, remove_bracketed, undecorated};

/// A span of the roadmap in weeks, as headings write it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weeks {
    /// The week it starts in, counted from 0, when the phrase places it.
    pub start: Option<f64>,
    pub min: f64,
    pub max: f64,
    /// Written `A-B weeks` rather than `Week A-B`: in a series of phase
    /// headings (`0-4 weeks`, `4-8 weeks`) such ranges are places on the
    /// calendar, not lengths.
    pub range_form: bool,
}

/// Weeks on the roadmap: `Week 1` (the first week), `Week 3-4`, `Weeks 5–8`
/// (placed on the calendar), or a length: `2 weeks`, `1-2 weeks`, `3 months`.
/// `0-4 weeks` starts at 0, so it names weeks 0 to 4: a place, not a length
/// of zero to four weeks.
pub fn weeks(text: &str) -> Option<Weeks> {
    let lower = text.to_lowercase();
    for prefix in ["weeks", "week", "wk", "w"] {
        if let Some(position) = find_word(&lower, prefix) {
            let after = &lower[position + prefix.len()..];
            if let Some((first, last, _)) = range(after.trim_start_matches([' ', '#'])) {
                if first >= 1.0 && after.starts_with([' ', '#', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
                    let length = last - first + 1.0;
                    return Some(Weeks { start: Some(first - 1.0), min: length, max: length, range_form: false });
                }
            }
        }
    }
    let (min, max, unit) = quantity(&lower)?;
    let factor = match unit.as_str() {
        "week" | "weeks" | "wk" | "wks" | "w" => 1.0,
        "month" | "months" => 52.0 / 12.0,
        "day" | "days" => 0.2,
        _ => return None,
    };
    let (min, max) = (two_decimals(min * factor), two_decimals(max * factor));
    if min == 0.0 && max > 0.0 {
        return Some(Weeks { start: Some(0.0), min: max, max, range_form: true });
    }
    Some(Weeks { start: None, min, max, range_form: min < max })
}

/// A length in weeks, `4 weeks`, `2–3 weeks`, `0–4 weeks`, `3 months`,
/// `10 days` (five to a week): where the text states how long, never where
/// on the calendar.
pub fn length_in_weeks(text: &str) -> Option<(f64, f64)> {
    let (min, max, unit) = quantity(&text.to_lowercase())?;
    let factor = match unit.as_str() {
        "week" | "weeks" | "wk" | "wks" | "w" => 1.0,
        "month" | "months" => 52.0 / 12.0,
        "day" | "days" => 0.2,
        _ => return None,
    };
    Some((two_decimals(min * factor), two_decimals(max * factor)))
}

/// The byte position of `word` in `text` as a whole word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before_ok = !text[..i].ends_with(|c: char| c.is_alphanumeric());
        let after_ok = !text[i + word.len()..].starts_with(|c: char| c.is_alphabetic());
        before_ok && after_ok
    })
}

/// A phase heading: `Phase 1: Security & Reliability (Week 1)`,
/// `Phase 2: Observability - 1-2 weeks`, `Stage 3 — Hardening (Week 3-4)`.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseHeading {
    pub number: u32,
    pub name: String,
    pub weeks: Option<Weeks>,
    /// What else the heading says (`MUST DO BEFORE PRODUCTION`).
    pub remark: String,
}

/// Reads a phase heading; `None` for any other heading, including
/// `Phase 1 Exit Criteria`, where no separator follows the number.
pub fn phase_heading(text: &str) -> Option<PhaseHeading> {
    let text = undecorated(text);
    let (keyword, rest) = text.split_once(' ')?;
    if !matches!(keyword.to_lowercase().as_str(), "phase" | "stage" | "milestone" | "sprint") {
        return None;
    }
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number: u32 = digits.parse().ok().filter(|n| *n < 1000)?;
    let rest = rest[digits.len()..].trim_start();
    let rest = if let Some(r) = rest.strip_prefix([':', '.', '-', '–', '—']) {
        r.trim_start()
    } else if rest.is_empty() || rest.starts_with('(') {
        rest
    } else {
        return None;
    };
    // The name runs to the first parenthesis or spaced dash; the parts after
    // it hold the weeks and any remark.
    let mut cut = rest.len();
    for marker in ["(", " - ", " – ", " — "] {
        if let Some(i) = rest.find(marker) {
            cut = cut.min(i);
        }
    }
    let name = rest[..cut].trim().trim_end_matches(':').trim().to_string();
    let mut found_weeks = None;
    let mut remarks = Vec::new();
    let tail = &rest[cut..];
    // The parts: each parenthesis, and the text outside them split at
    // spaced dashes (`- 1-2 weeks`, `- MUST DO BEFORE PRODUCTION`).
    let outside = format!(" {} ", remove_bracketed(tail, '(', ')'));
    let mut parts: Vec<String> = bracketed_groups(tail, '(', ')').into_iter().map(str::to_string).collect();
    parts.extend(outside.split(" - ").flat_map(|p| p.split(" – ")).flat_map(|p| p.split(" — ")).map(str::to_string));
    for part in &parts {
        let part = part.trim().trim_matches(['-', '–', '—', ' ', '*']).trim();
        if part.is_empty() {
            continue;
        }
        match (found_weeks, weeks(part)) {
            (None, Some(w)) => {
                found_weeks = Some(w);
                let rest = strip_weeks_phrase(part);
                if !rest.is_empty() {
                    remarks.push(rest);
                }
            }
            _ => remarks.push(part.to_string()),
        }
    }
    Some(PhaseHeading { number, name, weeks: found_weeks, remark: remarks.join("; ") })
}

/// What a part of a heading says besides its weeks.
fn strip_weeks_phrase(part: &str) -> String {
    let kept: Vec<&str> = part
        .split_whitespace()
        .filter(|w| {
            let lower = w.to_lowercase();
            let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
            !(lower.is_empty()
                || lower.starts_with("week")
                || lower.starts_with("month")
                || lower.starts_with("day")
                || lower == "to"
                || lower.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '.')))
        })
        .collect();
    kept.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_and_phases() {
        assert_eq!(weeks("Week 1"), Some(Weeks { start: Some(0.0), min: 1.0, max: 1.0, range_form: false }));
        assert_eq!(weeks("Week 3-4"), Some(Weeks { start: Some(2.0), min: 2.0, max: 2.0, range_form: false }));
        assert_eq!(weeks("0-4 weeks"), Some(Weeks { start: Some(0.0), min: 4.0, max: 4.0, range_form: true }));
        assert_eq!(weeks("1-2 weeks"), Some(Weeks { start: None, min: 1.0, max: 2.0, range_form: true }));
        assert_eq!(weeks("12 weeks"), Some(Weeks { start: None, min: 12.0, max: 12.0, range_form: false }));
        assert_eq!(weeks("High"), None);
        assert_eq!(length_in_weeks("0–4 weeks"), Some((0.0, 4.0)));
        assert_eq!(length_in_weeks("10 days"), Some((2.0, 2.0)));
        assert_eq!(length_in_weeks("Week 3"), None);

        let p = phase_heading("Phase 1: Security & Reliability (Week 1)").unwrap();
        assert_eq!((p.number, p.name.as_str()), (1, "Security & Reliability"));
        assert_eq!(p.weeks, Some(Weeks { start: Some(0.0), min: 1.0, max: 1.0, range_form: false }));
        let p = phase_heading("Phase 1: Critical Blockers (0-4 weeks) - **MUST DO BEFORE PRODUCTION**").unwrap();
        assert_eq!(p.name, "Critical Blockers");
        assert_eq!(p.weeks, Some(Weeks { start: Some(0.0), min: 4.0, max: 4.0, range_form: true }));
        assert_eq!(p.remark, "MUST DO BEFORE PRODUCTION");
        let p = phase_heading("Phase 2: Observability - 1-2 weeks").unwrap();
        assert_eq!((p.name.as_str(), p.weeks.map(|w| (w.min, w.max))), ("Observability", Some((1.0, 2.0))));
        let p = phase_heading("Phase 3: Hardening (Week 3-4)").unwrap();
        assert_eq!(p.weeks.and_then(|w| w.start), Some(2.0));
        assert_eq!(phase_heading("Phase 1 Exit Criteria"), None);
        assert_eq!(phase_heading("Phases of work"), None);
        assert_eq!(phase_heading("🚀 Phase 4").map(|p| p.number), Some(4));
    }
}
