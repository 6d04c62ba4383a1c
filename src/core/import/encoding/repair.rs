//! The repair of text saved after a wrong decode, pass by pass: each pass
//! finds the code page that reads the most runs of non-ASCII characters back
//! as UTF-8 (and reads at least as many as it fails on), rewrites those runs,
//! and removes the remains of characters that cannot be read back. A text
//! mis-decoded twice takes two passes.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::utf8::{encode, high_characters, is_broken_sequence, lost_bytes, read_utf8, Utf8Run};
use crate::core::import::code_page::{self, CodePage};

/// The code pages tried, most common first: ties go to the earlier one.
const CODE_PAGES: [&CodePage; 8] = [
    &code_page::WINDOWS_1252,
    &code_page::WINDOWS_1254,
    &code_page::MACINTOSH,
    &code_page::WINDOWS_1250,
    &code_page::WINDOWS_1251,
    &code_page::WINDOWS_1257,
    &code_page::ISO_8859_15,
    &code_page::IBM866,
];

/// How many times a text is repaired at most: a text mis-decoded three times
/// over is past saving, and the bound keeps the work linear.
const MAX_PASSES: usize = 3;

/// A text after repair, with what was done to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Repair {
    /// The repaired text; the same as the input when nothing was wrong.
    pub text: String,
    /// The name of the code page the text had been wrongly decoded with
    /// (`"windows-1252"`), when a repair was made.
    pub code_page: Option<&'static str>,
    /// How many mis-decoded sequences were turned back into what they were.
    pub sequences: usize,
    /// Characters chosen for bytes the wrong decode lost: each a guess.
    pub restored: Vec<Restored>,
    /// Mis-decoded sequences that could not be read back and were removed.
    pub dropped: Vec<Dropped>,
}

/// One character put back where the wrong decode had lost a byte, and how
/// often the same choice was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The line (from 1) of its first occurrence.
    pub line: usize,
    /// The character chosen.
    pub character: char,
    /// How many times it was chosen.
    pub count: usize,
}

/// A mis-decoded sequence that could not be read back, removed from the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// The line (from 1) it was on.
    pub line: usize,
    /// The sequence as it stood in the text.
    pub text: String,
}

/// Repairs a text that was saved after a wrong decode; returns it unchanged
/// (with `code_page: None`) when it shows no sign of one.
pub fn repair(text: &str) -> Repair {
    let mut repair =
        Repair { text: String::new(), code_page: None, sequences: 0, restored: Vec::new(), dropped: Vec::new() };
    let mut current = Cow::Borrowed(text);
    for _ in 0..MAX_PASSES {
        let Some(pass) = repair_once(&current) else { break };
        repair.code_page = repair.code_page.or(Some(pass.code_page.name()));
        repair.sequences += pass.sequences;
        for (character, (line, count)) in pass.restored {
            match repair.restored.iter_mut().find(|r| r.character == character) {
                Some(known) => known.count += count,
                None => repair.restored.push(Restored { line, character, count }),
            }
        }
        repair.dropped.extend(pass.dropped);
        current = Cow::Owned(pass.text);
    }
    repair.restored.sort_by_key(|r| (r.line, r.character));
    repair.text = current.into_owned();
    repair
}

/// Whether a text still holds sequences that a wrong decode leaves behind:
/// a control character from the C1 range, or a run of two or more characters
/// that reads as UTF-8 once encoded in one of the code pages. A heuristic for
/// checks and tests: a rare legitimate pair (Cyrillic `Её`) also matches.
pub fn looks_misdecoded(text: &str) -> bool {
    if text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return true;
    }
    let runs = runs(text);
    CODE_PAGES.iter().any(|page| {
        let lost = lost_bytes(page);
        runs.iter().any(|run| {
            let Some(pieces) = encode(page, &text[run.clone()]) else { return false };
            // A single character never is: with one lost byte put back, a
            // lone `Â` would read as UTF-8, and legitimate text has those.
            text[run.clone()].chars().nth(1).is_some() && read_utf8(&pieces, &lost).is_some()
        })
    })
}

/// The outcome of one pass over the text.
struct Pass {
    text: String,
    code_page: &'static CodePage,
    sequences: usize,
    /// Per restored character: the line of its first use and how often.
    restored: BTreeMap<char, (usize, usize)>,
    dropped: Vec<Dropped>,
}

/// One pass: finds the code page that explains the most runs and rewrites
/// them; `None` when no code page explains the text.
fn repair_once(text: &str) -> Option<Pass> {
    if text.is_ascii() {
        return None;
    }
    let runs = runs(text);
    // Score every code page: runs it reads, runs it fails on, bytes it has to
    // guess. A mis-decoded text repeats the same few sequences (`âœ…`)
    // thousands of times, so each distinct run is read once per code page.
    let mut best: Option<(usize, usize, usize, usize)> = None;
    let mut readings: Vec<HashMap<&str, Option<Utf8Run>>> = Vec::with_capacity(CODE_PAGES.len());
    for (index, page) in CODE_PAGES.iter().enumerate() {
        let lost = lost_bytes(page);
        let characters = high_characters(page);
        let mut reading: HashMap<&str, Option<Utf8Run>> = HashMap::new();
        let (mut read, mut failed, mut guessed) = (0, 0, 0);
        for run in &runs {
            let run_text = &text[run.clone()];
            let decoded = reading.entry(run_text).or_insert_with(|| {
                // Most runs of ordinary text hold a character the code page
                // does not have: rejected without encoding.
                if !run_text.chars().all(|c| c == char::REPLACEMENT_CHARACTER || characters.contains(&c)) {
                    return None;
                }
                encode(page, run_text).and_then(|pieces| read_utf8(&pieces, &lost))
            });
            match decoded {
                Some(decoded) => {
                    read += 1;
                    guessed += decoded.guesses.len();
                }
                None => failed += 1,
            }
        }
        readings.push(reading);
        let better = match best {
            None => true,
            Some((best_read, _, best_guessed, _)) => read > best_read || (read == best_read && guessed < best_guessed),
        };
        if better {
            best = Some((read, failed, guessed, index));
        }
    }
    let (read, failed, _, chosen) = best?;
    if read == 0 || read < failed {
        return None;
    }
    let page = CODE_PAGES[chosen];

    let mut pass = Pass {
        text: String::with_capacity(text.len()),
        code_page: page,
        sequences: 0,
        restored: BTreeMap::new(),
        dropped: Vec::new(),
    };
    let mut copied = 0;
    let mut line = 1;
    for run in runs {
        let before = &text[copied..run.start];
        line += before.bytes().filter(|&b| b == b'\n').count();
        pass.text.push_str(before);
        copied = run.end;
        let original = &text[run.clone()];
        // The chosen code page first, then the others in order, for a text
        // saved twice through different tools.
        let order = std::iter::once(chosen).chain((0..CODE_PAGES.len()).filter(|&i| i != chosen));
        let decoded = order.into_iter().find_map(|i| readings[i].get(original).and_then(Option::as_ref));
        match decoded {
            Some(decoded) => {
                pass.sequences += 1;
                pass.text.push_str(&decoded.text);
                for &character in &decoded.guesses {
                    pass.restored.entry(character).or_insert((line, 0)).1 += 1;
                }
            }
            None if is_broken_sequence(page, original) => {
                pass.dropped.push(Dropped { line, text: original.to_string() });
            }
            None => pass.text.push_str(original),
        }
    }
    pass.text.push_str(&text[copied..]);
    (pass.sequences > 0 || !pass.dropped.is_empty()).then_some(pass)
}

/// The byte ranges of the maximal runs of non-ASCII characters.
fn runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..text.len());
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    /// Turns UTF-8 text into what a wrong decode with `page` saves: each
    /// byte read as a character of the code page.
    fn misdecode(text: &str, page: &'static CodePage) -> String {
        page.decode_without_bom_handling(text.as_bytes()).0.into_owned()
    }

    /// The same, but dropping the bytes the code page has no character for,
    /// as some tools do.
    fn misdecode_dropping(text: &str, page: &'static CodePage) -> String {
        misdecode(text, page).chars().filter(|c| !('\u{80}'..='\u{9f}').contains(c)).collect()
    }

    fn check(input: &str, expected: &str) {
        let repair = repair(input);
        assert_eq!(repair.text, expected, "repairing {input:?}");
    }

    #[test]
    fn repairs_each_code_page() {
        let original = "- ❌ No CI — “quoted” ✅ done → next ├── █░ 🔴 ⚠️";
        for page in [&code_page::WINDOWS_1252, &code_page::WINDOWS_1254, &code_page::MACINTOSH] {
            let broken = misdecode(original, page);
            assert_ne!(broken, original);
            let repair = repair(&broken);
            assert_eq!(repair.text, original, "{}", page.name());
            assert_eq!(repair.code_page, Some(page.name()));
            assert!(repair.restored.is_empty());
        }
    }

    #[test]
    fn known_sequences_read_back() {
        check("âœ… Done", "✅ Done");
        check("‚ùå Missing", "❌ Missing");
        check("Itâ€™s fine", "It’s fine");
        check("Security: [â–ˆâ–ˆâ–‘â–‘] 20%", "Security: [██░░] 20%");
    }

    #[test]
    fn lost_bytes_are_restored_with_the_likeliest_character() {
        // Windows-1252 has no character for 0x9D (in ❌) nor 0x8F (in ⚠️).
        let broken = misdecode_dropping("❌ No WAF\n⚠️ Partial\n", &code_page::WINDOWS_1252);
        assert_eq!(broken, "âŒ No WAF\nâš\u{a0}ï¸ Partial\n");
        let repair = repair(&broken);
        assert_eq!(repair.text, "❌ No WAF\n⚠️ Partial\n");
        let restored: Vec<(usize, char, usize)> =
            repair.restored.iter().map(|r| (r.line, r.character, r.count)).collect();
        assert_eq!(restored, vec![(1, '❌', 1), (2, '\u{FE0F}', 1)]);
    }

    #[test]
    fn lost_bytes_of_windows_1254_emoji_are_restored() {
        // 🔍 is F0 9F 94 8D and 🎯 is F0 9F 8E AF: Windows-1254 has neither 8D nor 8E.
        let broken = misdecode_dropping("## 🔍 Gaps\n## 🎯 Roadmap 🟡\n", &code_page::WINDOWS_1254);
        assert!(broken.starts_with("## ğŸ”"), "{broken:?}");
        check(&broken, "## 🔍 Gaps\n## 🎯 Roadmap 🟡\n");
    }

    #[test]
    fn control_characters_from_a_lenient_decode_read_back() {
        // A decoder that maps undefined bytes to C1 controls keeps them: U+009D.
        let broken = misdecode("❌ and ❌", &code_page::WINDOWS_1252);
        assert!(broken.contains('\u{9d}'));
        check(&broken, "❌ and ❌");
    }

    #[test]
    fn replacement_characters_stand_for_lost_bytes() {
        check("â\u{FFFD}Œ Missing", "❌ Missing");
    }

    #[test]
    fn double_decoding_is_undone() {
        let once = misdecode("✅ ready", &code_page::WINDOWS_1252);
        let twice = misdecode(&once, &code_page::WINDOWS_1252);
        check(&twice, "✅ ready");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "plain ASCII",
            "Café, naïve façade, Größe, Ærøskøbing",
            "Её звали Мария, всё хорошо; это обычный русский текст",
            "✅ already fine ❌ — “quotes” and 🔴",
            "Zürich: 20 °C ± 2",
        ] {
            let repair = repair(text);
            assert_eq!(repair.text, text);
            assert_eq!(repair.code_page, None, "{text}");
        }
    }

    #[test]
    fn unreadable_remnants_are_dropped_and_reported() {
        // `Ã€€` reads as `À` followed by a stray continuation byte in every code page.
        let repair = repair("âœ… ok\nÃ€€ x\n");
        assert_eq!(repair.text, "✅ ok\n x\n");
        assert_eq!(repair.dropped, vec![Dropped { line: 2, text: "Ã€€".into() }]);
    }

    #[test]
    fn detects_what_is_left() {
        assert!(looks_misdecoded("âœ… Done"));
        assert!(looks_misdecoded("x \u{9d} y"));
        assert!(!looks_misdecoded("✅ Done, café"));
    }
}
