//! Plain text as the other readers compare it: decoration (emoji and
//! pictographs) removed, lower-case words, a heading's text as a name,
//! bracketed groups, `Label: value` lines, and phrases as whole words.

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

/// The text with its first letter in capitals.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
