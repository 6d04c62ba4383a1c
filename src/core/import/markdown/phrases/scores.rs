//! Scores out of 100 (`25/100`, `68%`, `7/10`), category score lines with
//! their text bars (`Security: [██░░] 20%`), and the statements of an
//! overall score (`Current Score: 25/100`, `68% ENTERPRISE-READY`).

use super::numbers::number;
use super::text::{heading_name, remove_bracketed, undecorated, words};

/// A score out of 100 at the start of `text`: `25/100`, `68%`, `7/10`
/// (scaled), `85 / 100`. Returns the score and the rest.
pub fn score(text: &str) -> Option<(f64, &str)> {
    let (value, rest) = number(text.trim_start())?;
    let rest = rest.trim_start();
    if let Some(rest) = rest.strip_prefix('%') {
        return (0.0..=100.0).contains(&value).then_some((value, rest));
    }
    let rest = rest.strip_prefix('/')?.trim_start();
    let (out_of, rest) = number(rest)?;
    if out_of != 100.0 && out_of != 10.0 || value > out_of {
        return None;
    }
    Some((value * 100.0 / out_of, rest))
}

/// A category score line: `Security: [██░░░░] 20%`, `Observability: 45% ⚠️`,
/// `Core Functionality — 85/100`. Nothing may follow the score but emoji, a
/// parenthesis or a status word, so `Unit Tests: 55% coverage` is not one.
pub fn score_line(text: &str) -> Option<(String, f64)> {
    if !text.contains(['%', '/']) {
        return None;
    }
    let text = text.trim().trim_start_matches(['-', '*', '+', '•']).trim();
    let split = text.find([':', '[', '|', '—', '–']).or_else(|| text.find(is_bar))?;
    let name = heading_name(&text[..split]);
    let name = name.trim_end_matches(['-', '—', '–']).trim();
    if name.is_empty() || name.split_whitespace().count() > 6 || name.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = text[split..].trim_start_matches([':', '|', '—', '–']).trim_start();
    let rest = skip_bar(rest);
    let (value, after) = score(rest)?;
    let after = remove_bracketed(after, '(', ')');
    let tail_ok = words(&after).iter().all(|w| {
        matches!(
            w.as_str(),
            "good"
                | "ok"
                | "fair"
                | "poor"
                | "weak"
                | "strong"
                | "moderate"
                | "critical"
                | "missing"
                | "low"
                | "medium"
                | "high"
                | "excellent"
                | "partial"
                | "needs"
                | "work"
                | "improvement"
        )
    });
    tail_ok.then(|| (name.to_string(), value))
}

fn is_bar(c: char) -> bool {
    matches!(
        c,
        '█' | '▓'
            | '▒'
            | '░'
            | '■'
            | '□'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '⬛'
            | '⬜'
            | '▉'
            | '▊'
            | '▋'
            | '▌'
            | '▍'
            | '▎'
            | '▏'
    )
}

/// Skips a text bar: `[██░░] `, `██░░ `, `[####----]`.
fn skip_bar(text: &str) -> &str {
    let text = text.trim_start();
    if let Some(inside) = text.strip_prefix('[') {
        if let Some(end) = inside.find(']') {
            let bar = &inside[..end];
            if bar.chars().all(|c| is_bar(c) || matches!(c, '#' | '=' | '-' | '.' | ' ' | '*')) {
                return inside[end + 1..].trim_start();
            }
        }
        return text;
    }
    text.trim_start_matches(is_bar).trim_start()
}

/// Words that say a score is the overall one: `Overall`, `Current Score`,
/// `Overall Enterprise Readiness Score`, `Stated overall score`. A qualifier
/// outside this list (`Critical Score`, `Computed overall score`,
/// `Projected overall`) makes it some other score.
pub fn is_overall_label(label: &str) -> bool {
    let words = words(&undecorated(label));
    let key = words.iter().any(|w| matches!(w.as_str(), "overall" | "total" | "current" | "final" | "readiness"));
    let only_known = words.iter().all(|w| {
        matches!(
            w.as_str(),
            "overall"
                | "total"
                | "current"
                | "final"
                | "readiness"
                | "score"
                | "enterprise"
                | "production"
                | "stated"
                | "assessment"
                | "grade"
                | "rating"
                | "level"
                | "our"
                | "the"
                | "system"
                | "maturity"
                | "ready"
                | "percentage"
                | "of"
                | "is"
        )
    });
    (key || words == ["score"]) && only_known
}

/// An overall score stated in a line: `Overall: 40%`, `Current Score: 25/100`,
/// `Overall Enterprise Readiness Score: 68/100`, or a percentage followed by
/// readiness (`68% ENTERPRISE-READY`, `at 68% enterprise readiness`), but
/// not `100% Enterprise-Level Readiness Assessment`, which names a scope.
pub fn overall_statement(text: &str) -> Option<f64> {
    // Both forms need a percent sign or `/100`.
    if !text.contains(['%', '/']) {
        return None;
    }
    let text = undecorated(text);
    if let Some((label_text, value)) = text.split_once(':') {
        if is_overall_label(label_text) {
            if let Some((value, _)) = score(value.trim_start()) {
                return Some(value);
            }
        }
    }
    // `Overall | 40%` in a table row arrives as two cells; `Overall 40%` in text.
    for (i, c) in text.char_indices() {
        if !c.is_ascii_digit() || text[..i].ends_with(|p: char| p.is_ascii_digit() || p == '.') {
            continue;
        }
        let Some((value, rest)) = number(&text[i..]) else { continue };
        let Some(rest) = rest.strip_prefix('%') else { continue };
        let after = words(rest);
        let mut after = after.iter().map(String::as_str).skip_while(|w| matches!(*w, "enterprise" | "production"));
        if matches!(after.next(), Some("ready" | "readiness"))
            && !matches!(after.next(), Some("assessment" | "review" | "report" | "analysis" | "checklist"))
            && (0.0..=100.0).contains(&value)
        {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        assert_eq!(score("25/100"), Some((25.0, "")));
        assert_eq!(score("68%"), Some((68.0, "")));
        assert_eq!(score("7/10 ok"), Some((70.0, " ok")));
        assert_eq!(score("3/15"), None);
        assert_eq!(score("120%"), None);
        assert_eq!(score_line("Security:        [██░░░░░░░░] 20%"), Some(("Security".into(), 20.0)));
        assert_eq!(score_line("- Observability: 45% ⚠️"), Some(("Observability".into(), 45.0)));
        assert_eq!(score_line("Core Functionality — 85/100 (Strong)"), Some(("Core Functionality".into(), 85.0)));
        assert_eq!(score_line("Unit Tests:             55% coverage"), None);
        assert_eq!(score_line("Coverage: 3/8 stages (37.5%)"), None);
    }

    #[test]
    fn overall_scores() {
        for (text, expected) in [
            ("Current Score: 25/100", Some(25.0)),
            ("Overall Enterprise Readiness Score: 68/100", Some(68.0)),
            ("Status: 🟡 68% ENTERPRISE-READY (Gaps Identified)", Some(68.0)),
            ("SAP_LLM is at 68% enterprise readiness with a solid foundation", Some(68.0)),
            ("100% Enterprise-Level Readiness Assessment", None),
            ("Critical Score: 3/15 (20%)", None),
            ("Computed overall score: 53.7/100", None),
            ("Projected overall: 60/100", None),
            ("Stated overall score: 68/100", Some(68.0)),
            ("Overall: 40%", Some(40.0)),
        ] {
            assert_eq!(overall_statement(text), expected, "{text}");
        }
        assert!(is_overall_label("Overall"));
        assert!(!is_overall_label("Security"));
    }
}
