//! Small hand parsers for the phrases readiness documents state facts in:
//! `25/100`, `68%`, `2-3 days`, `$120K-160K`, `Week 3-4`, `3-4 engineers`,
//! `[BLOCKER]`, `Risk Level: CRITICAL`, and the status marks ❌ ⚠️ ✅.
//!
//! They read the plain text of one line or cell that the outline produced;
//! none of them looks across lines. Each returns `None` rather than guess
//! when the text does not say what it looks for, and none panics: every
//! index comes from `char_indices` or a checked `get`.

use crate::core::model::{Effort, EffortUnit, Priority, Severity, Status};

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

/// Whether a character is an emoji, pictograph or presentation mark rather
/// than text: what "without emoji or decoration" removes.
pub fn is_decoration(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF // emoji and pictographs
        | 0x2600..=0x27BF // miscellaneous symbols and dingbats (✅ ❌ ⚠)
        | 0x2B00..=0x2BFF // arrows and stars used as emoji (⭐ ⬆)
        | 0x2300..=0x23FF // technical symbols used as emoji (⏱ ⌛)
        | 0x25A0..=0x25FF // geometric shapes used as bullets (■ ▶ ●)
        | 0xFE00..=0xFE0F // variation selectors
        | 0x200D // zero-width joiner
        | 0x20E3 // combining keycap
        | 0xE0020..=0xE007F // tag characters
    )
}

/// Text without emoji, with its whitespace collapsed.
pub fn undecorated(text: &str) -> String {
    if text.is_ascii() {
        return text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    }
    // A slash between emoji (`✅/❌`) is part of the decoration.
    let chars: Vec<char> = text.chars().collect();
    let near_emoji = |i: usize| {
        let before = chars[..i].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|&c| is_decoration(c));
        let after = chars[i + 1..].iter().find(|c| !c.is_whitespace()).is_some_and(|&c| is_decoration(c));
        before || after
    };
    let cleaned: String =
        chars.iter().enumerate().map(|(i, &c)| if c == '/' && near_emoji(i) { ' ' } else { c }).collect();
    let mut out = String::with_capacity(text.len());
    for word in cleaned.split(|c: char| c.is_whitespace() || is_decoration(c)).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A heading's text as a name: emoji, section numbers (`1.`, `2.1`, `A)`),
/// bracketed tags (`[BLOCKER]`) and a trailing colon removed.
pub fn heading_name(text: &str) -> String {
    let text = undecorated(text);
    let mut text = text.as_str();
    // A section number: digits and dots, or one letter, then `.`, `)` or a space.
    if let Some((first, rest)) = text.split_once(' ') {
        let numbering = first.trim_end_matches(['.', ')', ':']);
        // `1.`, `2.1`, `3)`; a bare `2025` is part of the name.
        let marked = numbering.len() < first.len() || numbering.contains('.');
        let is_number = marked
            && !numbering.is_empty()
            && numbering.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let is_letter = numbering.len() == 1 && first.len() == 2 && first.ends_with(['.', ')']);
        if is_number || is_letter {
            text = rest.trim_start();
        }
    }
    let without_tags = remove_bracketed(text, '[', ']');
    without_tags.trim().trim_end_matches(':').trim().to_string()
}

/// Text with every `open…close` group removed.
pub fn remove_bracketed(text: &str, open: char, close: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        if c == open {
            depth += 1;
        } else if c == close && depth > 0 {
            depth -= 1;
        } else if depth == 0 {
            out.push(c);
        }
    }
    undecorated(&out)
}

/// A `Label: value` line: the label (at most six words, no sentence
/// punctuation) and the value, both trimmed. `**Impact:** high` reads as
/// ("Impact", "high") since the outline has dropped the emphasis.
pub fn label(text: &str) -> Option<(&str, &str)> {
    let (label, value) = text.split_once(':')?;
    let label = label.trim();
    if label.is_empty()
        || label.len() > 60
        || label.split_whitespace().count() > 6
        || label.contains(['.', '!', '?', ';', '`', '|', '(', '['])
        || label.starts_with(|c: char| c.is_ascii_digit())
        // `https://…` and `10:30` are not labels.
        || value.starts_with("//")
        || value.starts_with(|c: char| c.is_ascii_digit()) && label.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some((label, value.trim()))
}

/// `Label: value` pairs of one line, written `A: x | B: y` or `A: x · B: y`.
pub fn labels(text: &str) -> Vec<(&str, &str)> {
    text.split(['|', '·']).filter_map(|part| label(part.trim())).collect()
}

/// Lower-case words of a text: letters and digits, everything else a separator.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Whether `text` holds `phrase` as whole words, ignoring case and punctuation.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    has_any_phrase(text, &[phrase])
}

/// Whether `text` holds any of the phrases (lower-case words separated by
/// spaces) as whole words, ignoring case and punctuation.
pub fn has_any_phrase(text: &str, phrases: &[&str]) -> bool {
    let words = words(text);
    phrases.iter().any(|phrase| {
        let count = phrase.split(' ').count();
        count > 0 && words.windows(count).any(|window| window.iter().map(String::as_str).eq(phrase.split(' ')))
    })
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

/// The contents of every `open…close` group, outermost only.
pub fn bracketed_groups(text: &str, open: char, close: char) -> Vec<&str> {
    let mut groups = Vec::new();
    let mut start = None;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        if c == open {
            if depth == 0 {
                start = Some(i + c.len_utf8());
            }
            depth += 1;
        } else if c == close && depth > 0 {
            depth -= 1;
            if depth == 0 {
                if let Some(s) = start.take() {
                    groups.push(&text[s..i]);
                }
            }
        }
    }
    groups
}

/// A number at the start of `text` (`1,234.5`, `.5`), and the rest.
pub fn number(text: &str) -> Option<(f64, &str)> {
    let mut end = 0;
    let mut digits = String::new();
    let mut seen_digit = false;
    let mut seen_point = false;
    for (i, c) in text.char_indices() {
        match c {
            '0'..='9' => {
                digits.push(c);
                seen_digit = true;
            }
            '.' if !seen_point && text[i + 1..].starts_with(|d: char| d.is_ascii_digit()) => {
                digits.push('.');
                seen_point = true;
            }
            // A thousands separator sits between digits, three before the next one.
            ',' if seen_digit
                && !seen_point
                && text[i + 1..].bytes().take(3).filter(u8::is_ascii_digit).count() == 3 => {}
            _ => break,
        }
        end = i + c.len_utf8();
    }
    if !seen_digit || digits.len() > 15 {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some((value, &text[end..]))
}

/// Skips the dash, en dash, em dash or `to` between the ends of a range.
fn range_separator(text: &str) -> Option<&str> {
    let t = text.trim_start();
    for separator in ["-", "–", "—", "to "] {
        if let Some(rest) = t.strip_prefix(separator) {
            return Some(rest.trim_start());
        }
    }
    None
}

/// A range of two numbers or one (`2-3`, `2 – 3`, `2 to 3`, `4`) at the
/// start of `text`, and the rest. A range whose ends are upside down is not one.
pub fn range(text: &str) -> Option<(f64, f64, &str)> {
    let (min, rest) = number(text.trim_start())?;
    if let Some(after) = range_separator(rest) {
        if let Some((max, rest)) = number(after) {
            if max >= min {
                return Some((min, max, rest));
            }
        }
    }
    Some((min, min, rest))
}

/// A range followed by a unit word: `3-4 weeks`, `2 hours`, `10 minutes`.
/// Finds the first one anywhere in the text; the unit is returned lower-case.
pub fn quantity(text: &str) -> Option<(f64, f64, String)> {
    for (i, c) in text.char_indices() {
        if !c.is_ascii_digit() || text[..i].ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ',') {
            continue;
        }
        let Some((min, max, rest)) = range(&text[i..]) else { continue };
        let unit: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
        if !unit.is_empty() {
            return Some((min, max, unit.to_lowercase()));
        }
    }
    None
}

/// Rounds to two decimals: conversions between units should not show
/// `0.16666666666666666` hours.
fn two_decimals(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// An effort phrase anywhere in the text: `2-3 days`, `High (3-4 weeks)`,
/// `4 hours`, `10 minutes` (in hours), `2 months` (in weeks, 4⅓ a month).
/// Returns the effort and whether it was converted from another unit.
pub fn effort(text: &str) -> Option<(Effort, bool)> {
    for (i, _) in text.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
        if text[..i].ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ',') {
            continue;
        }
        let Some((min, max, unit)) = quantity(&text[i..]) else { break };
        let (unit, factor, converted) = match unit.as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => (EffortUnit::Hours, 1.0, false),
            "d" | "day" | "days" => (EffortUnit::Days, 1.0, false),
            "w" | "wk" | "wks" | "week" | "weeks" => (EffortUnit::Weeks, 1.0, false),
            "min" | "mins" | "minute" | "minutes" => (EffortUnit::Hours, 1.0 / 60.0, true),
            "month" | "months" => (EffortUnit::Weeks, 52.0 / 12.0, true),
            _ => continue,
        };
        return Some((Effort::new(two_decimals(min * factor), two_decimals(max * factor), unit), converted));
    }
    None
}

/// An effort stated in a trailing parenthesis of a title, `Setup CI (3 days)`
/// or `Certifications (6 weeks - parallel)`: the effort and the title without it.
pub fn trailing_effort(title: &str) -> Option<(Effort, String)> {
    let trimmed = title.trim_end();
    let inner_end = trimmed.strip_suffix(')')?;
    let open = inner_end.rfind('(')?;
    let inside = &inner_end[open + 1..];
    if inside.split_whitespace().count() > 5 {
        return None;
    }
    let (effort, _) = effort(inside)?;
    let rest = inner_end[..open].trim_end().trim_end_matches([' ', '-', '–', '—', ':']).trim_end();
    Some((effort, rest.to_string()))
}

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

/// Money at the start of `text` or after a currency sign: `$120K`, `$1.2M`,
/// `€36,000`, `USD 5,000`, `5,000 EUR`. A range (`$120K-160K`, `$120-160K`)
/// gives both ends; one amount gives it twice. Returns the ends and the
/// currency code when one was written.
pub fn money(text: &str) -> Option<(f64, f64, Option<&'static str>)> {
    let text = text.trim();
    let (currency, rest) = currency_prefix(text);
    let (min, rest) = number(rest)?;
    let (min_scale, rest) = scale_suffix(rest);
    let mut max = None;
    let mut rest_after = rest;
    if let Some(after) = range_separator(rest) {
        let after = currency_prefix(after).1;
        if let Some((value, rest2)) = number(after) {
            let (scale, rest2) = scale_suffix(rest2);
            max = Some((value, scale));
            rest_after = rest2;
        }
    }
    let currency = currency.or_else(|| currency_suffix(rest_after));
    // Without a currency sign, `3-4` is a count, not money.
    currency?;
    let (min, max) = match max {
        None => (min * min_scale, min * min_scale),
        // `$120-160K`: the scale written once applies to both ends.
        Some((value, scale)) if min_scale == 1.0 && scale > 1.0 && min <= value => (min * scale, value * scale),
        Some((value, scale)) => (min * min_scale, value * scale),
    };
    (min.is_finite() && max.is_finite() && min <= max).then_some((min, max, currency))
}

fn currency_prefix(text: &str) -> (Option<&'static str>, &str) {
    let text = text.trim_start();
    for (sign, code) in [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR")] {
        if let Some(rest) = text.strip_prefix(sign) {
            return (Some(code), rest.trim_start());
        }
    }
    if let (Some(code), Some(rest)) = (text.get(..3), text.get(3..)) {
        if let Some(code) = currency_code(code) {
            if rest.starts_with(' ') || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return (Some(code), rest.trim_start());
            }
        }
    }
    (None, text)
}

fn currency_suffix(rest: &str) -> Option<&'static str> {
    rest.split_whitespace().next().and_then(currency_code)
}

/// The ISO code of a currency written as its code.
fn currency_code(code: &str) -> Option<&'static str> {
    const CODES: [&str; 12] = ["USD", "EUR", "GBP", "JPY", "INR", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "CNY"];
    CODES.into_iter().find(|known| *known == code)
}

fn scale_suffix(text: &str) -> (f64, &str) {
    let mut chars = text.chars();
    let factor = match chars.next() {
        Some('k' | 'K') => 1e3,
        Some('m' | 'M') => 1e6,
        Some('b' | 'B') => 1e9,
        _ => return (1.0, text),
    };
    // `5 Months` is not five million: the letter must end the word.
    if chars.next().is_some_and(|c| c.is_alphabetic()) {
        return (1.0, text);
    }
    (factor, &text[1..])
}

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

/// A team phrase: `3-4 engineers`, `2 backend engineers, 1 QA and 0.5 SRE`.
/// Returns each role as written and its headcount range.
pub fn team(text: &str) -> Vec<(String, f64, f64)> {
    let mut members = Vec::new();
    for part in text.split([',', '+', '&', ';', '/']).flat_map(|p| p.split(" and ")) {
        let part = part.trim();
        let Some((min, max, rest)) = range(part) else { continue };
        let role = rest.trim();
        let role = role.strip_prefix("x ").or_else(|| role.strip_prefix("× ")).unwrap_or(role).trim();
        let role: Vec<&str> = role.split_whitespace().take_while(|w| !w.starts_with('(')).take(3).collect();
        let role = role.join(" ");
        let role = role.trim_end_matches(['.', ')']).trim();
        if !role.is_empty() && role.chars().next().is_some_and(char::is_alphabetic) {
            members.push((capitalised(role), min, max));
        }
    }
    members
}

/// The text with its first letter in capitals.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The first `YYYY-MM-DD` date in the text that is a real date.
pub fn iso_date(text: &str) -> Option<String> {
    text.char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .filter_map(|(i, _)| text.get(i..i + 10))
        .find(|candidate| crate::core::validate::is_iso_date(candidate))
        .map(str::to_string)
}

/// A stable identifier made from a name: lower-case letters and digits
/// joined by dashes, at most 48 characters; `fallback` when none are left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for word in name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if slug.chars().count() >= 48 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
    }
    let slug: String = slug.chars().take(48).collect();
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// Words that carry no meaning when names are compared.
const NOISE: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "no",
    "not",
    "lack",
    "missing",
    "gap",
    "gaps",
    "issue",
    "issues",
    "problem",
    "problems",
    "finding",
    "findings",
    "status",
    "current",
    "state",
    "area",
    "areas",
    "setup",
    "set",
    "up",
    "add",
    "create",
    "implement",
    "build",
    "achieve",
    "complete",
    "write",
    "make",
    "fix",
    "resolve",
    "improve",
    "enable",
    "configure",
    "define",
    "use",
    "inadequate",
    "incomplete",
    "insufficient",
    "poor",
    "opportunity",
    "opportunities",
    "foundation",
];

/// The stems of the meaningful words of a name, for comparing names:
/// `Monitoring & Observability` → `monitor`, `observability`.
pub fn stems(name: &str) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    for word in words(name) {
        if NOISE.contains(&word.as_str()) || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let stem = stem(&word);
        if !stems.contains(&stem) {
            stems.push(stem);
        }
    }
    stems
}

fn stem(word: &str) -> String {
    let word = word.to_string();
    for (suffix, min_len) in [("ing", 6), ("ies", 5), ("al", 7), ("s", 4)] {
        if word.len() >= min_len && word.ends_with(suffix) && !word.ends_with("ss") {
            let base = &word[..word.len() - suffix.len()];
            return if suffix == "ies" { format!("{base}y") } else { base.to_string() };
        }
    }
    word
}

/// How alike two names are: the Dice coefficient of their stems (0 to 1),
/// and a hundredth more when they start with the same word, which breaks
/// ties towards the name with the same head (`Test Coverage` is like
/// `Testing & QA`; `Code Quality` is not like `Infrastructure as Code`).
pub fn likeness(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|s| b.contains(s)).count();
    let same_head = if a.first() == b.first() { 0.01 } else { 0.0 };
    2.0 * shared as f64 / (a.len() + b.len()) as f64 + same_head
}

/// Whether two names are alike enough to be the same thing.
pub fn alike(a: &[String], b: &[String]) -> bool {
    likeness(a, b) > 0.5
}

/// The areas of a readiness review that a title's words point to, most
/// telling first; each area is the stems its categories are called by.
/// `Helm Charts` → infrastructure; `Error Tracking (Sentry)` → observability.
pub fn areas(title: &str) -> Vec<&'static [&'static str]> {
    const TESTING: &[&str] = &["test", "qa", "quality"];
    const SECURITY: &[&str] = &["security", "secur"];
    const RECOVERY: &[&str] = &["backup", "recovery", "disaster", "reliability", "resilience", "availability"];
    const INFRASTRUCTURE: &[&str] = &["infrastructure", "iac", "platform", "network"];
    const OPERATIONS: &[&str] = &["operation", "incident", "sre", "support"];
    const COMPLIANCE: &[&str] = &["compliance", "governance", "audit", "privacy"];
    const OBSERVABILITY: &[&str] = &["observability", "monitor", "logging", "telemetry"];
    const DELIVERY: &[&str] = &["cd", "ci", "deployment", "delivery", "pipeline", "release"];
    const DOCUMENTATION: &[&str] = &["documentation", "docs", "developer", "api"];
    const PERFORMANCE: &[&str] = &["performance", "scalability", "scale", "scaling"];
    const DATA: &[&str] = &["data", "database", "storage"];
    const CODE: &[&str] = &["code", "maintainability", "developer"];
    const VOCABULARY: &[(&str, &[&str])] = &[
        ("test tests testing e2e coverage qa chaos", TESTING),
        ("secret secrets vault encryption encrypt tls auth authentication authorization sso rbac pen penetration vulnerability scanning cve waf", SECURITY),
        ("backup backups restore disaster recovery dr failover replication replica region", RECOVERY),
        ("helm terraform iac kubernetes k8s infrastructure mesh istio ingress dns network", INFRASTRUCTURE),
        ("call runbook runbooks incident incidents postmortem change escalation sla", OPERATIONS),
        ("soc iso gdpr hipaa pci audit governance compliance certified certification retention", COMPLIANCE),
        ("sentry tracking log logs logging elk trace tracing metrics alert alerts alerting monitoring dashboards slo slos", OBSERVABILITY),
        ("deploy deployment deployments blue green canary gitops argocd pipeline ci cd release rollback flags", DELIVERY),
        ("api versioning sdk documentation docs tutorial tutorials portal", DOCUMENTATION),
        ("rate limiting performance latency cache caching autoscaling scaling load cloud", PERFORMANCE),
        ("database databases migration migrations schema storage", DATA),
        ("makefile commit hooks lint linting todos refactor", CODE),
    ];
    let words = words(title);
    VOCABULARY
        .iter()
        .filter(|(keys, _)| words.iter().any(|w| keys.split(' ').any(|k| k == w)))
        .map(|(_, area)| *area)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn effort_of(text: &str) -> Option<(f64, f64, EffortUnit)> {
        effort(text).map(|(e, _)| (e.min, e.max, e.unit))
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
    fn names_from_headings() {
        for (heading, name) in [
            ("1. 🔴 CRITICAL: Hardcoded Values", "CRITICAL: Hardcoded Values"),
            ("1.1 No CI/CD Pipeline [BLOCKER]", "No CI/CD Pipeline"),
            ("📊 Enterprise Readiness Score", "Enterprise Readiness Score"),
            ("Problems Found:", "Problems Found"),
            ("A) Appendix", "Appendix"),
            ("2025 Plan", "2025 Plan"),
            ("Must-Have (Critical) ✅/❌", "Must-Have (Critical)"),
            ("Input / Output", "Input / Output"),
        ] {
            assert_eq!(heading_name(heading), name, "{heading}");
        }
    }

    #[test]
    fn labels_in_lines() {
        assert_eq!(label("Impact: Cannot deploy"), Some(("Impact", "Cannot deploy")));
        assert_eq!(label("Missing Components:"), Some(("Missing Components", "")));
        assert_eq!(label("See https://example.com"), None);
        assert_eq!(label("Meeting at 10:30"), None);
        assert_eq!(label("This sentence is long. It has: a colon"), None);
        assert_eq!(
            labels("Effort: 4-6 weeks | Team: 3-4 engineers | Cost: High"),
            vec![("Effort", "4-6 weeks"), ("Team", "3-4 engineers"), ("Cost", "High")]
        );
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

    #[test]
    fn numbers_and_ranges() {
        assert_eq!(number("1,234.5 x"), Some((1234.5, " x")));
        assert_eq!(number("12, 13"), Some((12.0, ", 13")));
        assert_eq!(number("3."), Some((3.0, ".")));
        assert_eq!(number("x"), None);
        assert_eq!(number("99999999999999999999"), None);
        assert_eq!(range("2-3 days"), Some((2.0, 3.0, " days")));
        assert_eq!(range("2 – 3"), Some((2.0, 3.0, "")));
        assert_eq!(range("5-3"), Some((5.0, 5.0, "-3")));
        assert_eq!(range("0.5"), Some((0.5, 0.5, "")));
    }

    #[test]
    fn efforts() {
        assert_eq!(effort_of("2-3 days"), Some((2.0, 3.0, EffortUnit::Days)));
        assert_eq!(effort_of("High (3-4 weeks)"), Some((3.0, 4.0, EffortUnit::Weeks)));
        assert_eq!(effort_of("4 hours"), Some((4.0, 4.0, EffortUnit::Hours)));
        assert_eq!(effort_of("10 minutes"), Some((0.17, 0.17, EffortUnit::Hours)));
        assert_eq!(effort_of("2 months"), Some((8.67, 8.67, EffortUnit::Weeks)));
        assert_eq!(effort_of("39 TODOs"), None);
        assert_eq!(effort_of("High"), None);
        let (e, title) = trailing_effort("Setup CI/CD Pipeline (3 days)").unwrap();
        assert_eq!((e.min, e.max, e.unit, title.as_str()), (3.0, 3.0, EffortUnit::Days, "Setup CI/CD Pipeline"));
        let (e, _) = trailing_effort("Certifications (6 weeks - parallel)").unwrap();
        assert_eq!((e.min, e.unit), (6.0, EffortUnit::Weeks));
        assert_eq!(trailing_effort("Manifests (12 files)"), None);
        assert_eq!(trailing_effort("No parenthesis"), None);
    }

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

    #[test]
    fn money_amounts() {
        assert_eq!(money("$120K-160K"), Some((120_000.0, 160_000.0, Some("USD"))));
        assert_eq!(money("$120-160K"), Some((120_000.0, 160_000.0, Some("USD"))));
        assert_eq!(money("$93K"), Some((93_000.0, 93_000.0, Some("USD"))));
        assert_eq!(money("€1.2M"), Some((1_200_000.0, 1_200_000.0, Some("EUR"))));
        assert_eq!(money("$36,000–$40,000"), Some((36_000.0, 40_000.0, Some("USD"))));
        assert_eq!(money("CHF 5,000"), Some((5_000.0, 5_000.0, Some("CHF"))));
        assert_eq!(money("5,000 EUR"), Some((5_000.0, 5_000.0, Some("EUR"))));
        assert_eq!(money("$0"), Some((0.0, 0.0, Some("USD"))));
        assert_eq!(money("3-4"), None);
        assert_eq!(money("High"), None);
    }

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

    #[test]
    fn teams() {
        assert_eq!(team("3-4 engineers"), vec![("Engineers".to_string(), 3.0, 4.0)]);
        assert_eq!(
            team("2 backend engineers, 1 QA and 0.5 SRE"),
            vec![("Backend engineers".to_string(), 2.0, 2.0), ("QA".into(), 1.0, 1.0), ("SRE".into(), 0.5, 0.5)]
        );
        assert!(team("High").is_empty());
    }

    #[test]
    fn slugs_dates_and_likeness() {
        assert_eq!(slug("No CI/CD Pipeline!", "gap"), "no-ci-cd-pipeline");
        assert_eq!(slug("❌", "gap"), "gap");
        assert_eq!(slug("Größe Überblick", "x"), "größe-überblick");
        assert!(slug(&"word ".repeat(40), "x").chars().count() <= 48);
        assert_eq!(iso_date("Date: 2025-11-14"), Some("2025-11-14".into()));
        assert_eq!(iso_date("2025-13-40"), None);
        let monitoring = stems("Monitoring & Observability");
        assert_eq!(monitoring, vec!["monitor", "observability"]);
        assert!(alike(&stems("Monitoring Gaps"), &monitoring));
        assert!(alike(&stems("Test Coverage"), &stems("Testing & QA")));
        assert!(alike(&stems("Security & Reliability"), &stems("Security")));
        assert!(!alike(&stems("Mock Mode Database Operations"), &stems("Operational Excellence")));
        assert!(!alike(&stems("Code Quality"), &stems("Infrastructure as Code")));
        assert!(!alike(&stems("Networking"), &stems("Scalability")));
    }
}
